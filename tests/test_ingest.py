"""The library: users' own files ingested incrementally and safely, in embedded Chroma."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import endpoint_embedded
from docs_fixtures import (
    binary_as_txt,
    docx_with_table,
    empty_file,
    gbk_txt,
    html_with_nav,
    text_pdf,
    truncated,
)

from assistant import Assistant
from assistant.corpus.ingest import collect

REPO = Path(__file__).resolve().parent.parent

# One question per fixture, answerable only from that file: (builder, question, figure).
ONLY_FROM = [
    (gbk_txt, "湖南省计划新建多少个省级中试平台？", "37"),
    (docx_with_table, "江西省2026年技术合同成交额的目标是多少？", "1500"),
    (html_with_nav, "贵州省计划培育多少家大数据融合标杆企业？", "86"),
    (text_pdf, "甘肃省技术合同登记额的目标是多少？", "450"),
]


@pytest.fixture()
def private(tmp_path, settings):
    """An assistant with its own data dir and library (the seeds as corpus)."""
    return Assistant(
        settings.model_copy(
            update={"home": tmp_path / "home", "library_dir": tmp_path / "home" / "library"}
        )
    )


@pytest.fixture()
def vectored(tmp_path, settings, embedding_endpoint):
    """As `private`, embedded by an OpenAI-compatible endpoint: its vectors live in Chroma."""
    home = tmp_path / "home"
    update = {"home": home, "library_dir": home / "library"}
    return Assistant(endpoint_embedded(settings, embedding_endpoint).model_copy(update=update))


@pytest.fixture(scope="module")
def stocked(tmp_path_factory, settings):
    """One assistant with the four good fixtures and four bad files ingested as one folder."""
    root = tmp_path_factory.mktemp("stocked")
    inbox = root / "inbox"
    inbox.mkdir()
    for builder, _, _ in ONLY_FROM:
        builder(inbox)
    bad = [
        empty_file(inbox),
        binary_as_txt(inbox),
        truncated(docx_with_table(root)),
        truncated(text_pdf(root)),
    ]
    for path in bad[2:]:
        path.rename(inbox / path.name)
    assistant = Assistant(
        settings.model_copy(update={"home": root / "home", "library_dir": root / "home" / "lib"})
    )
    before = assistant.index
    files, _ = collect([inbox])
    report = assistant.ingest(files)
    return assistant, before, report, [p.name for p in bad]


@pytest.mark.parametrize(("builder", "question", "figure"), ONLY_FROM)
def test_each_format_is_answerable_with_a_citation_to_its_file(stocked, builder, question, figure):
    assistant, _, _, _ = stocked
    answer = assistant.ask(question)
    assert not answer.refused, answer.answer
    assert figure in answer.answer
    cited = {
        answer.passages[n - 1].chunk.doc_id
        for s in answer.sentences
        for n in s.citations
        if figure in s.text
    }
    assert cited == {_name_of(builder)}


def _name_of(builder) -> str:
    return {
        "gbk_txt": "湖南省实施意见.txt",
        "docx_with_table": "江西省科技厅2026年工作要点.docx",
        "html_with_nav": "guizhou_news.html",
        "text_pdf": "甘肃省科技成果转化三年行动方案.pdf",
    }[builder.__name__]


def test_bad_files_are_reported_by_name_and_good_files_still_go_in(stocked):
    assistant, before, report, bad = stocked
    failed = {o.name: o.message for o in report.failed}
    assert set(failed) == set(bad)
    assert "为空" in failed["空文件.txt"]
    assert "不是文本" in failed["图片改名.txt"]
    assert "Word" in failed[next(n for n in bad if n.endswith(".docx"))]
    assert "PDF" in failed[next(n for n in bad if n.endswith(".pdf"))]
    documents = set(assistant.index.documents())
    assert documents == set(before.documents()) | {_name_of(b) for b, _, _ in ONLY_FROM}
    assert not any(name in documents for name in bad)
    library = {p.name for p in assistant.library.files()}
    assert not library & set(bad), "a bad file is never copied into the library"


def test_titles_dates_and_regions_come_from_the_files(stocked):
    assistant, _, _, _ = stocked
    documents = {d.doc_id: d for d in assistant.sources()}
    hunan = documents["湖南省实施意见.txt"]
    assert hunan.title == "湖南省推动科技创新和产业创新深度融合实施意见"
    assert hunan.date == "2025-09-12" and hunan.region == "湖南省"
    guizhou = documents["guizhou_news.html"]
    assert guizhou.title == "贵州省发布数字经济与实体经济融合行动计划"
    assert guizhou.source == "贵州日报" and guizhou.date == "2025-10-08"
    assert "首页" not in guizhou.text and "ICP" not in guizhou.text


def test_bad_files_alone_leave_the_index_untouched(private, tmp_path):
    live = private.index.manifest.build_id
    report = private.ingest([empty_file(tmp_path), binary_as_txt(tmp_path)])
    assert len(report.failed) == 2
    assert private.store.current_id() == live


@pytest.mark.parametrize("kind", ["private", "vectored"])
def test_same_content_is_a_no_op_and_new_content_replaces(kind, request, tmp_path):
    private = request.getfixturevalue(kind)
    path = tmp_path / "方案.txt"
    path.write_text("山西省科技创新方案\n山西省将建设中试基地19个，服务能源产业转型。", "utf-8")
    private.ingest([path])
    state = private.store.current_id()
    again = private.ingest([path])
    assert again.outcomes[0].status == "unchanged"
    assert private.store.current_id() == state, "no new state for unchanged content"

    path.write_text("山西省科技创新方案\n山西省将建设中试基地23个，服务能源产业转型。", "utf-8")
    replaced = private.ingest([path])
    assert replaced.outcomes[0].status == "replaced"
    answer = private.ask("山西省将建设多少个中试基地？")
    found = " ".join(p.text for p in answer.passages)
    assert "23个" in found and "19个" not in found
    if kind == "private":  # (the fake endpoint's vectors are not semantic: it may refuse)
        assert "23个" in answer.answer and "19个" not in answer.answer
    index = private.index
    texts = [c.text for c in index.chunks if c.doc_id == "方案.txt"]
    assert texts and all("19个" not in t for t in texts)
    if kind == "private":
        return  # the offline hashing embedding stores no vectors
    vectors = index.collection.get(where={"doc_id": "方案.txt"}, include=[])
    live = {
        vid for c, vid in zip(index.chunks, index.vector_ids, strict=True) if c.doc_id == "方案.txt"
    }
    assert vectors["ids"] and set(vectors["ids"]) == live  # the old version's vectors are gone


@pytest.mark.parametrize("kind", ["private", "vectored"])
def test_removed_documents_are_gone_from_chroma_and_bm25(kind, request, tmp_path):
    private = request.getfixturevalue(kind)
    path = tmp_path / "青海.txt"
    path.write_text("青海省盐湖产业创新方案\n青海省将建成盐湖提锂中试线7条。", "utf-8")
    private.ingest([path])
    assert "青海.txt" in private.index.documents()
    removed, unknown = private.remove(["青海.txt", "没有这个.txt"])
    assert removed == ["青海.txt"] and unknown == ["没有这个.txt"]
    index = private.index
    assert "青海.txt" not in index.documents()
    if kind == "vectored":
        assert not index.collection.get(where={"doc_id": "青海.txt"})["ids"]
    assert not any("盐湖提锂" in c.text for c in index.chunks)  # the BM25 corpus is the chunks
    answer = private.ask("青海省将建成多少条盐湖提锂中试线？")
    assert "7条" not in answer.answer


def test_edited_title_and_date_are_indexed(private, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("草稿\n宁夏回族自治区将建设枸杞产业技术创新中心3个。", "utf-8")
    private.ingest([path])
    private.edit("draft.txt", title="宁夏特色产业创新行动方案（征求意见稿）", date="2026-01-05")
    document = next(d for d in private.sources() if d.doc_id == "draft.txt")
    assert document.title == "宁夏特色产业创新行动方案（征求意见稿）"
    assert document.date == "2026-01-05"
    chunk = next(c for c in private.index.chunks if c.doc_id == "draft.txt")
    assert chunk.title == document.title and chunk.date == "2026-01-05"


def test_an_unchanged_file_is_not_cleaned_again(private, tmp_path, monkeypatch):
    """The cleaned text is kept beside the catalog entry; it is cleaned again only when the
    file, its title or the cleaning code changes — and a removed file's copy goes too."""
    from assistant.corpus import library

    path = tmp_path / "甘肃.txt"
    path.write_text("甘肃省中试方案\n甘肃省将建设中试基地5个，服务新能源产业。", "utf-8")
    private.ingest([path])
    cleaned: list[str] = []
    real = library.clean_text
    monkeypatch.setattr(library, "clean_text", lambda text: cleaned.append(text) or real(text))
    private.sync()
    assert cleaned == []
    private.edit("甘肃.txt", title="甘肃省中试基地建设方案")
    assert len(cleaned) == 1
    monkeypatch.setattr(library, "cleaning_signature", lambda: "other-code")
    private.sync()
    assert len(cleaned) == 2
    kept = private.settings.library / ".catalog" / "甘肃.txt.clean"
    assert kept.is_file() and "中试基地5个" in kept.read_text("utf-8")
    private.remove(["甘肃.txt"])
    assert not kept.exists()


def test_size_limit_and_unsafe_names(private, tmp_path):
    small = private.settings.model_copy(update={"max_file_mb": 0.001})
    limited = Assistant(small)
    big = tmp_path / "big.txt"
    big.write_text("内容。" * 2000, "utf-8")
    report = limited.ingest([big])
    assert "文件过大" in report.failed[0].message

    upload = tmp_path / "upload.bin"
    upload.write_text("内蒙古自治区稀土新材料方案\n将建设稀土中试平台5个。", "utf-8")
    report = private.ingest([(upload, "../../../etc/evil.txt")])
    assert report.outcomes[0].status == "added" and report.outcomes[0].name == "evil.txt"
    assert (private.settings.library / "evil.txt").exists()
    assert not (private.settings.library.parent.parent / "etc").exists()
    report = private.ingest([(upload, "..")])
    assert report.failed and "文件名" in report.failed[0].message


def test_cli_ingest_reports_each_bad_file_and_exits_1(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    gbk_txt(inbox)
    empty_file(inbox)
    env = dict(os.environ, ASSISTANT_HOME=str(tmp_path / "home"), ASSISTANT_GENERATOR="extractive")
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "ingest", str(inbox), "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert "未导入 空文件.txt：" in done.stderr and "Traceback" not in done.stderr
    result = json.loads(done.stdout)
    assert {f["name"]: f["status"] for f in result["files"]} == {
        "湖南省实施意见.txt": "added",
        "空文件.txt": "failed",
    }
    asked = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "湖南省计划新建多少个省级中试平台？", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    answer = json.loads(asked.stdout)
    assert "37" in answer["answer"]
    assert answer["passages"][answer["citations"][0] - 1]["doc_id"] == "湖南省实施意见.txt"


def test_copied_settings_point_at_their_own_library(settings, tmp_path):
    _ = settings.library  # read once, as every Assistant does
    copy = settings.model_copy(update={"home": tmp_path, "library_dir": tmp_path / "lib"})
    assert copy.library == tmp_path / "lib"
    from assistant.evals.gate import eval_settings

    assert eval_settings(settings, llm=False).library == settings.home / "eval" / "no-library"


def test_a_national_title_keeps_a_text_national_whatever_its_opening_mentions():
    """The region comes from the title, else the opening — but a title naming the nation's
    government (国务院, 中华人民共和国, 全国) is national even when the opening names a province."""
    from assistant.corpus.metadata import infer_region

    opening = "各位代表：刚刚过去的一年，香港问题的解决取得了重大进展，河北的工作也有新进展。"
    assert infer_region("2001年中华人民共和国国务院政府工作报告", opening) is None
    assert infer_region("全国科技工作会议纪要", opening) is None
    assert infer_region("工作通报", opening) == "香港特别行政区"
    assert infer_region("河北省科技工作要点", opening) == "河北省"
