"""A question about how a document is laid out (“那个方案分几个部分？”) is answered by its section
headings, in order, each cited and verified; a question about the parts of one section gets that
section's heading and then its subheadings; one about a topic no heading with parts names is
answered as before.

On a made-up provincial plan with numbered sections and subsections (一、 / （一）), beside
another text.
"""

from __future__ import annotations

import pytest
from conftest import assistant_of

from assistant.search.outlined import asks_for_parts

_BODY = (
    "各地要结合本地实际细化工作措施，明确责任单位和完成时限，按季度报送工作进展。"
    "省直有关部门要加强工作指导，及时研究解决推进中遇到的困难和问题。"
)
TOP = ("一、总体要求和发展目标", "二、重点任务和推进路径", "三、保障措施和组织实施")
TASKS = ("（一）加快夯实数字基础设施", "（二）做大做强数字产业集群")
SUPPORTS = (
    "（一）强化组织领导和统筹协调",
    "（二）加大财政资金投入力度",
    "（三）培育引进数字人才队伍",
)
PLAN = (
    "全省数字经济发展方案\n"
    f"{TOP[0]}\n到2027年，全省数字经济核心产业增加值占地区生产总值比重达到12%。{_BODY}\n"
    f"{TOP[1]}\n"
    + "".join(f"{h}\n{_BODY}\n" for h in TASKS)
    + f"{TOP[2]}\n"
    + "".join(f"{h}\n{_BODY}\n" for h in SUPPORTS)
)
PAPER_PARTS = ("一、理论框架", "二、实践路径")
WAYS = ("1. 以数据要素为支点推动融合", "2. 以龙头企业为引擎推动融合", "3. 以公共平台为纽带推动融合")
PAPER = (
    "数字化转型的理论框架与实践路径\n"
    "作者简介\n张明远 东部大学经济学院教授\n李思齐 东部大学经济学院讲师\n"
    f"{PAPER_PARTS[0]}\n数字化转型改变了企业组织生产的方式。{_BODY}\n"
    f"{PAPER_PARTS[1]}\n"
    "（一）当前面临的主要问题\n" + _BODY + "\n"
    "（二）推进融合的三个方面\n" + "".join(f"{h}\n{_BODY}\n" for h in WAYS)
)
LISTED = "园区建设须从用地、资金、人才等方面给予支持，各部门要密切配合。"
PARK = (
    "产业园区管理办法\n一、总则\n为规范产业园区建设和管理，制定本办法。" + _BODY + "\n"
    "二、支持措施\n"
    + LISTED
    + _BODY
    + "\n"
    + "".join(
        f"{h}\n{_BODY}\n"
        for h in ("（一）保障园区用地需求", "（二）加大财政资金支持", "（三）强化园区人才服务")
    )
)
TEXTS = {
    "数字经济方案.txt": PLAN,
    "产业园区管理办法.txt": PARK,
    "数字化转型论文.txt": PAPER,
    "城市更新方案.txt": "城市更新方案\n今年将改造老旧小区120个，同步完善养老托育等社区服务设施。\n",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    return assistant_of(tmp_path_factory.mktemp("outline"), TEXTS)


@pytest.mark.parametrize(
    "question",
    [
        "那篇分几块",
        "从哪几个方面部署的",
        "文章的小标题有哪些",
        "报告分为几个部分",
        "分几大块",
        "那个文件整体咋分块的，几个大标题都是啥",
        "讲实践路径那节，分成哪三条",
        "那篇正文分成几块讲的？按顺序把小标题说下",
    ],
)
def test_questions_about_a_texts_parts(question):
    assert asks_for_parts(question)


@pytest.mark.parametrize(
    "question",
    [
        "方案提了几条建议",
        "到2027年比重达到多少",
        "有哪些保障措施",
        "几点开会",
        "那篇标题是啥",
        "方案最后一部分讲了啥",  # a part by its place: its content (positioned.py)
    ],
)
def test_questions_about_something_else(question):
    assert not asks_for_parts(question)


def _in_order(answer: str, headings: tuple[str, ...]) -> bool:
    positions = [answer.find(h) for h in headings]
    return all(p >= 0 for p in positions) and positions == sorted(positions)


def test_the_parts_of_a_document_are_its_headings_in_order(assistant):
    answer = assistant.ask("数字经济发展方案分几个部分？")
    assert _in_order(answer.answer, TOP), answer.answer
    assert not any(h in answer.answer for h in (*TASKS, *SUPPORTS)), answer.answer
    assert len(answer.sentences) == len(TOP)
    assert all(s.status == "supported" and s.citations for s in answer.sentences), answer.sentences
    # the passages shown are the parts, each opening with its heading
    assert [p.text.split("\n", 1)[0] for p in answer.passages] == list(TOP)


def test_the_parts_of_a_section_the_question_names_are_its_subheadings(assistant):
    answer = assistant.ask("数字经济发展方案的保障措施从哪几个方面入手？")
    # the section asked about leads its parts; the rest of the document is left out
    assert _in_order(answer.answer, (TOP[2], *SUPPORTS)), answer.answer
    assert not any(h in answer.answer for h in (*TOP[:2], *TASKS)), answer.answer
    assert all(s.status == "supported" for s in answer.sentences), answer.sentences
    # a section that opens with its first subsection gets its heading line back
    tasks = assistant.ask("数字经济发展方案的重点任务分几块？")
    assert _in_order(tasks.answer, TASKS), tasks.answer


def test_a_topic_no_heading_with_parts_names_is_searched_as_before(assistant):
    answer = assistant.ask("数字经济发展方案在人才方面分几块讲？")
    assert not _in_order(answer.answer, TOP) and not _in_order(answer.answer, SUPPORTS)


def test_a_question_naming_no_document_gets_no_outline(assistant):
    answer = assistant.ask("分几个部分？")
    assert not _in_order(answer.answer, TOP), answer.answer


def test_a_document_named_by_its_authors_and_a_count_that_picks_the_level(assistant):
    """张明远李思齐那篇: the byline names the paper, though no passage about its parts holds the
    names; 哪三个方面: the section with three parts, not 实践路径's two — as is 几个方面, when one
    part's heading says 三个方面; an author no byline names is refused as before."""
    answer = assistant.ask("张明远李思齐那篇分几个部分？")
    assert _in_order(answer.answer, PAPER_PARTS), answer.answer
    ways = assistant.ask("张明远那篇说实践路径从哪三个方面推进？")
    assert _in_order(ways.answer, WAYS), ways.answer
    assert all(s.status == "supported" for s in ways.sentences), ways.sentences
    # no count, but one part of 实践路径 says what is counted (三个方面)
    ways = assistant.ask("张明远那篇的实践路径是从几个方面推进的？")
    assert _in_order(ways.answer, WAYS), ways.answer
    unknown = assistant.ask("王建国那篇分几个部分？")
    assert unknown.refused and "王建国" in unknown.answer, unknown.answer


def test_a_section_whose_own_text_counts_its_parts_is_answered_by_that_sentence(assistant):
    """须从用地、资金、人才等方面给予支持 says what 几个方面 asks: that sentence, not the headings."""
    answer = assistant.ask("产业园区管理办法的支持措施从哪几个方面给予支持？")
    assert LISTED.split("，")[0] in answer.answer, answer.answer
    assert not _in_order(answer.answer, ("（一）保障园区用地需求", "（二）加大财政资金支持"))


def test_a_follow_up_asks_its_own_question_not_the_outline_before_it(assistant):
    """The offline condenser reads a follow-up with the question before it in brackets; an
    outline asked there is not asked again (那第二部分具体说了啥)."""
    history = [
        {"role": "user", "content": "数字经济发展方案分几个部分？"},
        {"role": "assistant", "content": "、".join(TOP)},
    ]
    answer = assistant.ask("那第二部分具体说了啥", history=history)
    assert not _in_order(answer.answer, TOP), answer.answer


def test_subheadings_asked_for_in_order_are_the_outline_not_the_title(assistant):
    """小标题 is no 标题: the parts are asked for, in order (按顺序, 正文 say how, not what)."""
    answer = assistant.ask("数字经济发展方案正文分成几块讲的？按顺序把小标题说下")
    assert _in_order(answer.answer, TOP), answer.answer
    assert "标题为" not in answer.answer, answer.answer


def test_a_part_asked_for_by_its_place_is_answered_from_that_part(assistant):
    """收尾那块 / 第一部分: the section at that place — its heading, then its subheadings, or the
    sentences it opens with when it has none; with a topic of its own the search answers."""
    last = assistant.ask("数字经济发展方案收尾那一大块主要讲的啥？")
    assert _in_order(last.answer, (TOP[2], *SUPPORTS)), last.answer
    assert not any(h in last.answer for h in (*TOP[:2], *TASKS)), last.answer
    assert all(s.status == "supported" and s.citations for s in last.sentences), last.sentences
    first = assistant.ask("数字经济发展方案第一部分说了什么")
    assert first.answer.startswith(TOP[0]) and "12%" in first.answer, first.answer
    assert all(s.status == "supported" for s in first.sentences), first.sentences
    second = assistant.ask("数字经济发展方案第二部分说了什么")
    assert _in_order(second.answer, (TOP[1], *TASKS)), second.answer
    # past the last part, or with what is asked of it named: no part by place
    assert not assistant.ask("数字经济发展方案第九部分说了什么").answer.startswith(TOP[0])
    topical = assistant.ask("数字经济发展方案最后一部分讲人才的有哪些")
    assert not topical.answer.startswith(TOP[2]), topical.answer
