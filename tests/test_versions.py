"""Policy versions: which document is in force (a yearly series, a 废止 statement, or the
user's word), answers from it by default and from an earlier one with as_of, and the 新旧对照表
of two versions with the changed figures marked."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import docx
from conftest import assistant_over

from assistant import Assistant
from assistant.plans.diff import align
from assistant.plans.diff_export import to_markdown, write
from assistant.search.periods import favoured, period
from assistant.search.versions import issued_on, scope, series_key, versions_of

OLD, NEW = "2024年政府工作报告.txt", "2025年政府工作报告.txt"


def _cited_docs(answer) -> set[str]:
    return {answer.passages[n - 1].chunk.doc_id for n in answer.citations}


def test_a_yearly_series_puts_the_latest_report_in_force(reports):
    versions = versions_of(reports.index)
    assert versions.docs[NEW].supersedes == (OLD,) and versions.docs[NEW].how == "年度系列"
    assert OLD not in versions.in_force() and NEW in versions.in_force()
    assert OLD in versions.in_force("2024-06-01") and NEW not in versions.in_force("2024-06-01")
    assert series_key("2024年政府工作报告") == series_key("2025年 政府工作报告")
    assert issued_on(None, "2025年政府工作报告") == "2025-01-01"
    assert issued_on("2025-03-05", "2025年政府工作报告") == "2025-03-05"


def test_answers_come_from_the_version_in_force_and_say_so(reports):
    answer = reports.ask("今年居民消费价格涨幅的预期目标是多少？")
    cited = _cited_docs(answer)  # the province's 2025 report may stand beside it
    assert NEW in cited and OLD not in cited and "2%左右" in answer.answer
    assert "依据现行有效版本《2025年" in answer.notice and "已取代《2024年" in answer.notice
    earlier = reports.ask("今年居民消费价格涨幅的预期目标是多少？", as_of="2024-06-01")
    assert _cited_docs(earlier) == {OLD} and "3%左右" in earlier.answer  # nothing of 2025 yet
    assert "按2024-06-01时有效的版本作答" in earlier.notice


def test_a_question_naming_an_earlier_year_asks_about_that_version(reports):
    answer = reports.ask("2024年居民消费价格涨幅的预期目标是多少？")
    assert _cited_docs(answer) == {OLD} and "3%左右" in answer.answer


def test_a_statement_in_the_text_and_the_users_word_supersede(tmp_path, settings):
    home = tmp_path / "home"
    assistant = Assistant(
        settings.model_copy(update={"home": home, "library_dir": home / "library"})
    )
    old = tmp_path / "项目管理办法.txt"
    old.write_text("青海省科技项目管理办法\n项目资助上限为每项50万元。", "utf-8")
    new = tmp_path / "项目管理办法（修订）.txt"
    new.write_text(
        "青海省科技项目管理办法（修订）\n项目资助上限为每项80万元。"
        "本办法自发布之日起施行，《青海省科技项目管理办法》同时废止。",
        "utf-8",
    )
    other = tmp_path / "资金管理细则.txt"
    other.write_text("青海省科技资金管理细则\n资金拨付时限为30个工作日。", "utf-8")
    assistant.ingest([old, new, other])
    versions = versions_of(assistant.index)
    assert versions.docs[new.name].supersedes == (old.name,)
    assert versions.docs[new.name].how == "文本声明"
    answer = assistant.ask("青海省科技项目资助上限是多少？")
    assert "80万元" in answer.answer and old.name not in _cited_docs(answer)
    assistant.supersede(other.name, new.name)
    assert (
        new.name not in versions_of(assistant.index, assistant.library.chosen_versions()).in_force()
    )
    assistant.supersede(other.name, new.name, undo=True)
    assert assistant.library.chosen_versions() == {}


def test_an_earlier_year_of_a_series_answers_what_the_current_one_does_not(tmp_path, settings):
    """A later year repeals nothing: what only an earlier year says is found there, and said so;
    a version a text repeals stays out."""
    texts = {
        "2023年甘肃省科技工作要点.txt": "2023年甘肃省科技工作要点\n"
        "实施星辰实验室建设工程，新建省级重点实验室12家。\n全省研发经费投入增长8%。",
        "2024年甘肃省科技工作要点.txt": "2024年甘肃省科技工作要点\n"
        "全省研发经费投入增长9%。\n推动科技金融发展，设立科创母基金。",
        "成果奖励办法.txt": "甘肃省科技成果奖励办法\n每项成果奖励青苗奖金20万元。",
        "成果奖励办法（修订）.txt": "甘肃省科技成果奖励办法（修订）\n每项成果奖励30万元。"
        "本办法自发布之日起施行，《甘肃省科技成果奖励办法》同时废止。",
    }
    assistant = assistant_over(tmp_path, settings, texts)
    earlier, current = "2023年甘肃省科技工作要点.txt", "2024年甘肃省科技工作要点.txt"
    answer = assistant.ask("甘肃星辰实验室建设工程要新建多少家省级重点实验室？")
    assert not answer.refused and "12家" in answer.answer
    assert _cited_docs(answer) == {earlier}
    assert f"依据较早年份的《{earlier[:-4]}》" in answer.notice
    # … but a question naming the current report by year and title is answered from it alone
    titled = assistant.ask("2024年甘肃省科技工作要点对星辰实验室建设工程有什么安排？")
    assert earlier not in _cited_docs(titled) and "12家" not in titled.answer
    assert _cited_docs(assistant.ask("甘肃全省研发经费投入增长多少？")) == {current}
    repealed = assistant.ask("甘肃的青苗奖金每项多少？")
    assert "成果奖励办法.txt" not in _cited_docs(repealed) and "20万元" not in repealed.answer


def test_the_diff_pairs_sentences_and_marks_changed_figures(reports):
    result = reports.diff(OLD, NEW)
    targets = next(c for c in result.changes if c.kind == "changed" and "主要预期目标是" in c.new)
    assert "3%" in targets.old_figures and "2%" in targets.new_figures
    assert "1.3万亿" in targets.old_figures and "1.4万亿" in targets.new_figures
    assert "5.5%" not in targets.old_figures  # the same figure, only moved in the sentence
    counts = result.counts()
    assert counts["changed"] > 20 and counts["added"] and counts["removed"]
    assert "**2%**左右" in to_markdown(result)


def test_align_keeps_order_and_unchanged_sentences():
    rows = align(["甲。", "乙增长3%。", "丙。"], ["甲。", "乙增长4%。", "丁是新的。", "丙。"])
    assert [r.kind for r in rows] == ["same", "changed", "added", "same"]
    assert rows[1].old_figures == ["3%"] and rows[1].new_figures == ["4%"]


def test_the_docx_is_a_two_column_table_with_marked_figures(reports, tmp_path):
    path = write(reports.diff(OLD, NEW), "docx", tmp_path / "对照.docx")
    document = docx.Document(str(path))
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == ["原文", "新文"]
    bold = [
        r.text
        for row in table.rows[1:]
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
        if r.bold
    ]
    assert "2%" in bold and "1.4万亿" in bold


def test_cli_diff_and_ask_as_of(reports, tmp_path):
    env = os.environ | {
        "ASSISTANT_HOME": str(reports.settings.home),
        "ASSISTANT_LIBRARY_DIR": str(reports.settings.library),
        "ASSISTANT_GENERATOR": "extractive",
    }

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "assistant", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    done = run("diff", OLD, NEW, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["counts"]["changed"] > 20
    asked = run("ask", "今年赤字率拟按多少安排？", "--as-of", "2024-06-01", "--json")
    assert asked.returncode == 0, asked.stderr
    record = json.loads(asked.stdout)
    assert "3%" in record["answer"] and "2024-06-01" in record["notice"]
    assert run("ask", "赤字率", "--as-of", "去年").returncode == 2
    assert run("diff", OLD, "没有这个.txt").returncode == 2


def test_headings_say_which_year_a_passage_speaks_of():
    assert period("一、过去一年工作回顾", "2024-03-05") == 2023
    assert period("二、对今年政府工作的建议", "2023-03-05") == 2023
    assert period("一、2023年工作回顾", "2024-03-05") == 2023
    assert period("二、“十三五”时期主要目标任务", "2016-03-05") == 0
    assert period("三、重点任务", None) == 0
    assert period("一、一年来工作回顾", "2004-03-05") == 2003


def test_a_year_is_answered_from_the_report_that_looks_back_on_it(tmp_path, settings):
    """What happened in a year is in the next year's report; what was planned, in its own."""
    texts = {
        "2023年青海省科技工作报告.txt": "2023年青海省科技工作报告\n一、2022年工作回顾\n"
        "全省研发经费投入增长8.1%，新建重点实验室6家。\n二、2023年工作安排\n"
        "今年研发经费投入增长的预期目标为10%左右。",
        "2024年青海省科技工作报告.txt": "2024年青海省科技工作报告\n一、过去一年工作回顾\n"
        "全省研发经费投入增长9.6%，新建重点实验室7家。\n二、2024年工作安排\n"
        "今年研发经费投入增长的预期目标为11%左右。",
    }
    assistant = assistant_over(tmp_path, settings, texts)
    earlier, later = texts
    happened = assistant.ask("2023年青海研发经费投入增长了多少？")
    assert "9.6%" in happened.answer and "8.1%" not in happened.answer
    assert later in _cited_docs(happened) and "2023年的情况依据次年的《" in happened.notice
    no_report = assistant.ask("2022年青海研发经费投入增长了多少？")  # no 2022 report: 2023's
    assert "8.1%" in no_report.answer and no_report.notice.startswith(
        "2022年的情况依据次年的《2023"
    )
    planned = assistant.ask("2023年青海研发经费投入增长的预期目标是多少？")
    assert "10%左右" in planned.answer and _cited_docs(planned) == {earlier}
    versions = versions_of(assistant.index)
    assert scope(versions, "2023年青海省科技工作报告提出了什么？", None, [])[0] == [earlier]
    both = scope(versions, "2024年和2023年的预期目标有什么不同？", None, [])[0]
    assert {earlier, later} <= set(both)


def test_a_figure_in_a_review_answers_for_the_year_reviewed(tmp_path, settings):
    """“2024年报告说2023年……多少”: the review's figure is the 2023 one, though it says 全年."""
    name = "2024年青海省科技工作报告.txt"
    text = "2024年青海省科技工作报告\n一、过去一年工作回顾\n全年新建重点实验室7家。\n"
    assistant = assistant_over(tmp_path, settings, {name: text})
    answer = assistant.ask("2024年报告说2023年青海新建了多少家重点实验室？")
    assert not answer.refused and "7家" in answer.answer, answer.answer


def test_the_year_of_the_report_named_is_where_to_look_not_what_is_asked(tmp_path, settings):
    """“2024年报告说2023年……多少”: the year asked is 2023, which the 2024 report reviews; the
    passages on 2024 (the 2025 report's review, the 2024 report's plans) are not favoured."""
    texts = {
        "2024年青海省科技工作报告.txt": "2024年青海省科技工作报告\n一、过去一年工作回顾\n"
        "全省新建重点实验室7家。\n二、2024年工作安排\n今年再建一批创新平台。\n",
        "2025年青海省科技工作报告.txt": "2025年青海省科技工作报告\n一、2024年工作回顾\n"
        "全省新建重点实验室9家。\n",
    }
    index = assistant_over(tmp_path, settings, texts).index
    weights = favoured(index, "2024年报告说2023年全省新建了多少家重点实验室？", list(texts))
    favoured_texts = {c.text for c, w in zip(index.chunks, weights, strict=True) if w > 0}
    assert any("7家" in t for t in favoured_texts)
    assert not any("9家" in t or "创新平台" in t for t in favoured_texts)


def test_a_report_named_that_looks_back_on_earlier_years_is_where_to_look(tmp_path, settings):
    """“按2025年报告，……从2021年的多少提高到2024年的多少”: no heading speaks of those years,
    the report named does in its review; the reports of those years are not favoured."""
    texts = {
        "2021年青海省科技工作报告.txt": "2021年青海省科技工作报告\n一、2021年工作安排\n"
        "今年研发投入强度要达到1.5%。\n",
        "2024年青海省科技工作报告.txt": "2024年青海省科技工作报告\n一、2024年工作安排\n"
        "今年研发投入强度要达到1.9%。\n",
        "2025年青海省科技工作报告.txt": "2025年青海省科技工作报告\n一、过去五年工作回顾\n"
        "研发投入强度从2021年的1.4%提高到去年的1.8%。\n",
    }
    assistant = assistant_over(tmp_path, settings, texts)
    question = "按2025年报告，研发投入强度从2021年的多少提高到2024年的多少？"
    weights = favoured(assistant.index, question, list(texts))
    favoured_texts = {c.text for c, w in zip(assistant.index.chunks, weights, strict=True) if w > 0}
    assert any("1.8%" in t for t in favoured_texts)
    assert not any("1.5%" in t or "1.9%" in t for t in favoured_texts)
    answer = assistant.ask(question)
    assert "1.4%" in answer.answer and "1.8%" in answer.answer, answer.answer


def test_a_question_pointing_at_the_series_still_searches_its_earlier_years(tmp_path, settings):
    """Named by its title, the report in force holds a few of the words at best: that it says
    where to look does not settle it when an earlier year answers fully."""
    texts = {
        "2023年青海省科技工作报告.txt": "2023年青海省科技工作报告\n一、2022年工作回顾\n"
        "全省新建省级重点实验室6家，认定高新技术企业120家。\n",
        "2024年青海省科技工作报告.txt": "2024年青海省科技工作报告\n一、过去一年工作回顾\n"
        "全省新建科技企业孵化器3家，技术合同成交额增长15%。\n",
    }
    assistant = assistant_over(tmp_path, settings, texts)
    answer = assistant.ask("青海省科技工作报告说新建了几家省级重点实验室？")
    assert not answer.refused and "6家" in answer.answer, answer.answer


def _sections(line: str) -> str:
    return "".join(f"（{n}）重点任务\n{line.format(n=n)}\n" for n in "一二三四五六七八九十")


TITLED = {
    "2019年政府工作报告.txt": "2019年政府工作报告\n一、总体要求\n"
    "综合考虑各方面因素，今年经济增长预期为6%—6.5%。\n二、重点任务\n"
    + _sections("2019年要推进第{n}项重点工作，2019年底前完成部署，促进经济平稳增长。"),
    "2020年政府工作报告.txt": "2020年政府工作报告\n一、总体要求\n今年经济增长预期目标为5%左右。\n"
    + _sections("第{n}项工作要力争好于预期。") * 3,
}


def test_a_report_named_by_year_is_searched_in_its_own_words(tmp_path):
    """“2019年政府工作报告……当年” asks what that report calls 今年: the passages that spell out
    2019年 (ten of them here, more than the top k) are not where its target is — and the words
    of the target (增长, 预期) are in every section of the next year's report."""
    from conftest import assistant_of

    from assistant.search.scoped import in_own_words

    assistant = assistant_of(tmp_path, TITLED)
    versions = versions_of(assistant.index)
    question = "2019年政府工作报告对当年经济增长的预期是多少？"
    assert in_own_words(versions, question) == "政府工作报告对今年经济增长的预期是多少？"
    assert in_own_words(versions, "2019年经济增长多少？") == "2019年经济增长多少？"  # no title
    answer = assistant.ask(question)
    assert answer.answer.startswith("综合考虑各方面因素，今年经济增长预期为6%—6.5%"), answer.answer
