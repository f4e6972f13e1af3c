"""The Milvus store (`ASSISTANT_STORE=milvus`) on Milvus Lite: keyword and vector search in the
engine, the same answers as the default store, incremental updates, and a killed ingest."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import endpoint_embedded
from docs_fixtures import binary_as_txt, docx_with_table, empty_file, gbk_txt, html_with_nav
from test_ingest_crash import kill_an_ingest_then_ask, run, write_corpus

from assistant import Assistant
from assistant.config import REPO_DIR, Settings
from assistant.evals.cases import load_cases
from assistant.index.milvus import expression
from assistant.index.vectors import Where
from assistant.search.retrieve import retrieve


def milvus(settings: Settings, home: Path) -> Assistant:
    return Assistant(
        settings.model_copy(
            update={"home": home, "library_dir": home / "library", "store": "milvus"}
        )
    )


def stored_ids(index, doc_id: str | None = None) -> set[str]:
    """The ids Milvus holds (for one document), asked of the engine itself."""
    if doc_id:
        return index.vectors.ids(Where(doc_ids=(doc_id,)))
    return {vid for page in index.vectors.pages() for vid in page}


@pytest.fixture(scope="module")
def on_milvus(settings, tmp_path_factory):
    """The seeds indexed into a Milvus Lite file under a fresh data dir."""
    return milvus(settings, tmp_path_factory.mktemp("milvus") / "home")


def test_the_index_lives_in_milvus(on_milvus):
    index = on_milvus.index
    assert index.manifest.settings["store"] == "milvus"
    assert Path(index.manifest.settings["store_uri"]).name == "milvus.db"
    assert not (on_milvus.settings.home / "index" / "chroma").exists(), "no Chroma beside it"
    assert stored_ids(index) == set(index.vector_ids)
    assert index.vectors.count() == len(index.chunks)


def test_eval_questions_answer_as_on_the_default_store(on_milvus, assistant):
    """Every eval question: the same decision to answer or refuse, the same facts cited, and
    mostly the very same answer, citing the same passages (BM25 over Milvus's jieba analyzer
    ranks a little otherwise, so their numbers may differ)."""
    cases = [
        case
        for case in load_cases(REPO_DIR / "evals" / "cases.jsonl")
        if not case.requires_llm and not case.history
    ]
    same_text = 0
    for case in cases:
        here, there = assistant.ask(case.question), on_milvus.ask(case.question)
        assert there.refused == here.refused, case.id
        if not here.refused:
            assert there.citations and there.sentences, case.id
            cited = {
                there.passages[n - 1].chunk.doc_id for s in there.sentences for n in s.citations
            }
            assert cited & set(case.gold_docs or cited), case.id
        same_text += _as_cited(there) == _as_cited(here)
    assert same_text >= 0.9 * len(cases), f"{same_text} of {len(cases)} answers identical"


def _as_cited(answer) -> str:
    """The answer with each `[n]` replaced by the passage it cites: the engines may number the
    same passages otherwise (BM25's ranks differ a little), the answer is the same."""
    return re.sub(
        r"\[(\d+)\]",
        lambda m: f"[{answer.passages[int(m.group(1)) - 1].chunk.chunk_id}]",
        answer.answer,
    )


def test_filters_run_in_the_engine(on_milvus):
    index = on_milvus.index
    documents = index.documents()
    hits = retrieve(index, "科技创新 产业创新", k=6, doc_ids=[documents[1]])
    assert hits.passages and {p.chunk.doc_id for p in hits.passages} == {documents[1]}
    found = index.vectors.keyword("科技创新", Where(doc_ids=(documents[1],)), 50)
    positions = index.vector_position
    assert found and {index.chunks[positions[vid]].doc_id for vid, _ in found} == {documents[1]}


def test_filter_values_are_quoted():
    assert expression(Where(doc_ids=('a"b.txt',), regions=("河北",))) == (
        'doc_id in ["a\\"b.txt"] and region in ["河北"]'
    )
    assert expression(Where()) == ""
    assert expression(Where(excluded=("旧版.txt",))) == 'doc_id not in ["旧版.txt"]'


def test_ingest_replace_and_remove_keep_milvus_in_step(settings, tmp_path):
    assistant = milvus(settings, tmp_path / "home")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for builder in (gbk_txt, docx_with_table, html_with_nav):
        builder(inbox)
    bad = [empty_file(inbox), binary_as_txt(inbox)]
    report = assistant.ingest(sorted(inbox.iterdir()))
    assert {o.name for o in report.failed} == {p.name for p in bad}, "bad input reported by file"
    answer = assistant.ask("湖南省计划新建多少个省级中试平台？")
    assert not answer.refused and "37" in answer.answer

    path = tmp_path / "方案.txt"
    path.write_text("山西省科技创新方案\n山西省将建设中试基地19个，服务能源产业转型。", "utf-8")
    assistant.ingest([path])
    old = stored_ids(assistant.index, "方案.txt")
    path.write_text("山西省科技创新方案\n山西省将建设中试基地23个，服务能源产业转型。", "utf-8")
    assert assistant.ingest([path]).outcomes[0].status == "replaced"
    index = assistant.index
    live = {
        v for c, v in zip(index.chunks, index.vector_ids, strict=True) if c.doc_id == "方案.txt"
    }
    assert stored_ids(index, "方案.txt") == live and not live & old, "the old version is gone"
    answer = assistant.ask("山西省将建设多少个中试基地？")
    assert "23个" in answer.answer and "19个" not in answer.answer

    removed, _ = assistant.remove(["guizhou_news.html"])
    assert removed == ["guizhou_news.html"]
    assert not stored_ids(assistant.index, "guizhou_news.html")
    assert stored_ids(assistant.index) == set(assistant.index.vector_ids)


def test_a_killed_ingest_leaves_the_previous_state_answerable(tmp_path):
    home = tmp_path / "home"
    codes = write_corpus(tmp_path / "inbox", files=1200)
    env = dict(
        os.environ,
        ASSISTANT_HOME=str(home),
        ASSISTANT_GENERATOR="extractive",
        ASSISTANT_STORE="milvus",
    )
    kill_an_ingest_then_ask(tmp_path, env, len(codes))

    again = run(["ingest", str(tmp_path / "inbox")], env, tmp_path)
    assert again.returncode == 0, again.stderr
    assistant = Assistant(Settings(home=home, generator="extractive", store="milvus"))
    index = assistant.index
    assert set(codes) <= set(index.documents())
    assert stored_ids(index) == set(index.vector_ids), "nothing left over from the kill"
    name = sorted(codes)[-1]
    assert retrieve(index, codes[name], k=3).passages[0].chunk.doc_id == name


def test_index_rebuild_moves_a_library_into_milvus(settings, tmp_path):
    home = tmp_path / "home"
    path = tmp_path / "方案.txt"
    path.write_text("山西省科技创新方案\n山西省将建设中试基地19个，服务能源产业转型。", "utf-8")
    default = Assistant(settings.model_copy(update={"home": home, "library_dir": home / "lib"}))
    default.ingest([path])
    before = default.ask("山西省将建设多少个中试基地？")
    assert "store" not in default.index.manifest.settings

    moved = Assistant(default.settings.model_copy(update={"store": "milvus"}))
    moved.sync(rebuild=True)
    assert moved.index.manifest.settings["store"] == "milvus"
    assert "方案.txt" in moved.index.documents(), "the library came along"
    assert stored_ids(moved.index) == set(moved.index.vector_ids)
    after = moved.ask("山西省将建设多少个中试基地？")
    assert after.answer == before.answer and "19个" in after.answer


def test_serve_answers_from_milvus_and_a_second_process_is_told_why_it_cannot_write(tmp_path):
    from gradio_client import Client
    from served import Served

    home = tmp_path / "home"
    env = dict(
        os.environ,
        ASSISTANT_HOME=str(home),
        ASSISTANT_GENERATOR="extractive",
        ASSISTANT_STORE="milvus",
    )
    assert run(["index"], env, tmp_path).returncode == 0
    served = Served(env, tmp_path)
    try:
        api = Client(served.url, verbose=False, download_files=False)
        result = api.predict(question="2025年上半年全国登记了多少技术合同？", api_name="/ask")
        assert not result["refused"] and result["citations"]
        assert "41万" in result["answer"]

        path = tmp_path / "方案.txt"
        path.write_text("山西省科技创新方案\n山西省将建设中试基地19个。", "utf-8")
        state = (home / "index" / "CURRENT").read_text("utf-8")
        ingest = run(["ingest", str(path)], env, tmp_path)
        assert ingest.returncode == 1
        assert "只能由一个进程打开" in ingest.stderr and "Traceback" not in ingest.stderr
        assert (home / "index" / "CURRENT").read_text("utf-8") == state, "the index is untouched"
        again = api.predict(question="2025年上半年全国登记了多少技术合同？", api_name="/ask")
        assert again["answer"] == result["answer"], "serve kept answering"
    finally:
        served.stop()


@pytest.mark.parametrize("store", ["chroma", "milvus"])
def test_most_documents_allowed_is_said_by_the_few_left_out(
    store, on_milvus, settings, tmp_path, embedding_endpoint, monkeypatch
):
    """The versions in force can be thousands of documents: the filter then names the few left
    out (`not in`), in both stores, and the left-out document never comes back. (Chroma holds
    vectors for an embedding that is searched: here an OpenAI-compatible endpoint's.)"""
    import assistant.search.retrieve as retrieval

    if store == "milvus":
        index = on_milvus.index
    else:
        vectored = endpoint_embedded(settings, embedding_endpoint)
        index = Assistant(vectored.model_copy(update={"home": tmp_path / "home"})).index
    documents = index.documents()
    monkeypatch.setattr(retrieval, "_LISTED", 2)
    where = retrieval._where(index, documents[1:], ())
    assert where.excluded == (documents[0],) and not where.doc_ids
    hits = retrieve(index, "科技创新 产业创新 融合", k=6, doc_ids=documents[1:]).passages
    assert hits and documents[0] not in {p.chunk.doc_id for p in hits}
    nearest = index.vectors.nearest("科技创新和产业创新深度融合", where, 40)
    positions = index.vector_position
    assert nearest and documents[0] not in {index.chunks[positions[v]].doc_id for v, _ in nearest}


def test_the_eval_gate_passes_on_milvus_with_the_default_baseline(tmp_path):
    """`assistant eval` with ASSISTANT_STORE=milvus: every metric and case within the tolerances
    of the baseline committed for the default store."""
    env = dict(
        os.environ,
        ASSISTANT_HOME=str(tmp_path / "home"),
        ASSISTANT_GENERATOR="extractive",
        ASSISTANT_STORE="milvus",
    )
    done = run(["eval", "--report", str(tmp_path / "reports")], env, tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "评测通过" in done.stdout


def test_a_plan_drafted_on_milvus_matches_the_default_store(on_milvus, assistant):
    here, there = assistant.plan("河北省"), on_milvus.plan("河北省")
    assert there.items() and all(item.citations for item in there.items())
    assert [s.heading for s in there.sections] == [s.heading for s in here.sections]
    assert [r.covered for r in there.coverage] == [r.covered for r in here.coverage]
