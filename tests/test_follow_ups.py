"""A follow-up that points at an item of the answer before it (“第二点具体咋说的？”) is asked
about that item: the offline condenser puts the item in place of the pointer, read from the
list the previous answer gave — after its colon, its numbered points, or its sentences.

On a made-up municipal plan whose three measures each have a sentence of their own.
"""

from __future__ import annotations

import pytest
from conftest import assistant_of

from assistant.answer.condense import condense_offline, is_follow_up
from assistant.answer.pointed import listed
from assistant.schema import Turn

PLAN = (
    "城区绿化提升方案\n"
    "方案提出三项措施：扩建口袋公园、打通滨河绿道、推行屋顶绿化。\n"
    "扩建口袋公园，是指利用拆违腾退的边角地块，每个街道新建不少于3处小微绿地。\n"
    "打通滨河绿道，是指沿主要河道贯通慢行步道，串联沿线的12个公园。\n"
    "推行屋顶绿化，是指新建公共建筑的屋顶绿化面积不低于屋面的30%。\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    return assistant_of(tmp_path_factory.mktemp("follow-ups"), {"绿化方案.txt": PLAN})


def _history(question: str, answer: str) -> list[Turn]:
    return [Turn("user", question), Turn("assistant", answer)]


def test_the_items_a_previous_answer_lists():
    assert listed("三项：甲措施、乙措施、丙措施。") == ["甲措施", "乙措施", "丙措施"]
    # clauses before the list marks inside them; order words dropped
    assert listed("分三步：先建平台、配资金，再办专项，最后搭联盟。") == [
        "建平台、配资金",
        "办专项",
        "搭联盟",
    ]
    assert listed("一是建平台；二是配资金；三是育人才。") == ["建平台", "配资金", "育人才"]
    assert listed("一、总体要求、二、重点任务、三、保障措施") == [
        "总体要求",
        "重点任务",
        "保障措施",
    ]
    assert listed("先建平台[1]。再配资金[2]。") == ["建平台", "配资金"]
    # the last two items joined by 和, and a list the answer opens with (no colon before it)
    assert listed("从三个方面展开：技术进步、要素协同和产业升级。") == [
        "技术进步",
        "要素协同",
        "产业升级",
    ]
    assert listed("传统产业、新兴产业和未来产业，三者并重发力。") == [
        "传统产业",
        "新兴产业",
        "未来产业",
    ]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("第二点具体咋说的？", "乙措施具体咋说的"),
        ("那第三个呢", "丙措施"),
        ("最后一条具体指啥", "丙措施具体指啥"),
        ("头一个是什么意思", "甲措施是什么意思"),
    ],
)
def test_a_pointer_is_replaced_by_the_item_it_points_at(question, expected):
    history = _history("方案有哪几项措施？", "三项：甲措施、乙措施、丙措施。")
    assert is_follow_up(question)
    assert expected in condense_offline(question, history)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("第二类具体盯的是哪些领域？", "乙措施具体盯的是哪些领域"),
        ("第三块里头，重点扶持哪些方向？", "丙措施里头，重点扶持哪些方向"),
        ("最后那个方向，要培育点啥出来？", "丙措施，要培育点啥出来"),
    ],
)
def test_a_pointer_opening_a_question_that_asks_more_is_the_item(question, expected):
    """A pointer that opens the question points at the item whatever the question goes on to ask
    of it (第三块里头，重点扶持哪些方向), also with 那 before its measure word (最后那个); the
    short noun after it names the kind of item (方向) and goes with the pointer."""
    history = _history("方案有哪几项措施？", "三项：甲措施、乙措施、丙措施。")
    assert is_follow_up(question)
    assert condense_offline(question, history) == expected


def test_the_items_of_an_answer_quoting_them_in_a_row_or_setting_them_out_in_order():
    """“甲”“乙”“丙”三类, 首先是……其次是……最后是: the items; 分首先、其次、最后三点 names the
    order words, it sets out nothing by them."""
    assert listed("文章归纳为“供给偏少”“需求不旺”“渠道不畅”三类问题。") == [
        "供给偏少",
        "需求不旺",
        "渠道不畅",
    ]
    assert listed("提了三条：首先是建平台、配资金；其次是办专项；最后是搭联盟。") == [
        "建平台、配资金",
        "办专项",
        "搭联盟",
    ]
    assert listed("分首先、其次、最后三点：先建平台，再办专项，最后搭联盟。")[1] == "办专项"


@pytest.mark.parametrize("question", ["第二条展开说说", "第二个毛病具体咋表现的？"])
def test_a_pointer_at_a_quoted_item_asks_about_it(question):
    """第二条展开说说: what the item says (the words asking to say more are no topic)."""
    history = _history("报告说有哪几个毛病？", "归纳为三类：“供给偏少”“需求不旺”“渠道不畅”。")
    condensed = condense_offline(question, history)
    assert condensed.startswith("需求不旺") and "展开" not in condensed and "毛病" not in condensed


def test_the_items_of_a_list_with_its_lead_in_or_its_count_around_it():
    """报告归纳为|甲、乙、丙|三个问题: the words leading into a list that opens the answer and
    the count closing it are no part of its first and last items; 分四块：…，以及丁: the split
    into as many items as the answer announces, 以及 no part of the last."""
    assert listed("报告归纳为供给偏少、需求不旺、渠道不畅三个问题。") == [
        "供给偏少",
        "需求不旺",
        "渠道不畅",
    ]
    assert listed("主要分四块：修路架桥、引水灌田、植树造林，以及兴办学堂。") == [
        "修路架桥",
        "引水灌田",
        "植树造林",
        "兴办学堂",
    ]
    history = _history("报告说卡在哪", "报告归纳为供给偏少、需求不旺、渠道不畅三个问题。")
    assert condense_offline("第二个毛病具体指啥", history) == "需求不旺具体指啥"
    history = _history("那篇分几块", "主要分四块：修路架桥、引水灌田、植树造林，以及兴办学堂。")
    assert condense_offline("最后那个维度具体咋弄", history) == "兴办学堂具体咋弄"


def test_the_items_of_a_list_the_answer_opens_with():
    """提出|甲、乙、丙三方面举措; 甲、先进性、丙|是……的特征: the lead-in verb, the count and
    what is said of them all are no part of the items; 先 of 先进性 marks no order."""
    assert listed("提出疏浚河道、加固堤坝、修缮水闸三方面举措。") == [
        "疏浚河道",
        "加固堤坝",
        "修缮水闸",
    ]
    assert listed("文中说完整性、先进性、耐用性是新型桥梁的重要特征。") == [
        "完整性",
        "先进性",
        "耐用性",
    ]


def test_an_item_pointed_at_by_a_word_of_it_or_as_the_middle_one():
    """其中堤坝那条, 中间那个: the item of the answer before holding the word, or the middle of
    an odd number of items."""
    history = _history("方案有啥举措", "提出疏浚河道、加固堤坝、修缮河闸三方面举措。")
    assert is_follow_up("其中堤坝那条具体咋弄")
    assert condense_offline("其中堤坝那条具体咋弄", history) == "加固堤坝具体咋弄"
    assert condense_offline("中间那个具体指啥", history) == "加固堤坝具体指啥"
    # a word two items hold points at neither
    assert condense_offline("其中河那条具体咋弄", history) == "其中河那条具体咋弄（方案有啥举措）"


def test_那个_before_what_the_follow_up_asks_about_is_no_part_of_it():
    history = _history("方案怎么留住人才", "要为人才绘制动态图谱。")
    assert condense_offline("那个图谱咋画出来", history).startswith("图谱咋画出来")


def test_a_question_opening_on_具体_asks_more_of_the_turn_before():
    history = _history("滨海那篇对新兴产业咋说的", "要推动新兴产业集群发展。")
    assert condense_offline("具体点了哪几个集群", history).endswith("（滨海那篇对新兴产业咋说的）")


def test_a_count_opening_a_question_is_no_pointer():
    history = _history("方案有哪几项措施？", "三项：甲措施、乙措施、丙措施。")
    question = "第一个五年计划期间钢产量多少？"
    assert condense_offline(question, history) == question


def test_a_pointer_past_the_list_or_with_no_answer_keeps_the_question_before_it():
    history = _history("方案有哪几项措施？", "三项：甲措施、乙措施、丙措施。")
    assert condense_offline("第五点具体咋说的？", history).endswith("（方案有哪几项措施？）")
    alone = [Turn("user", "方案有哪几项措施？")]
    assert condense_offline("第二点具体咋说的？", alone).endswith("（方案有哪几项措施？）")
    # an answer listing nothing has no first item: 头一条 is the text's, the question before says
    # which text
    history_one = _history("滨海那篇搞创新生态想形成啥效应？", "要加速形成创新“雨林效应”。")
    condensed = condense_offline("那它头一条搞的服务网络能提供啥？", history_one)
    assert "雨林效应”。" not in condensed and condensed.endswith(
        "（滨海那篇搞创新生态想形成啥效应？）"
    )
    # a question naming what it asks about asks that, whatever its 第二部分 (positioned.py)
    question = "城区绿化提升方案第二部分讲了什么"
    assert not is_follow_up(question) and condense_offline(question, history) == question


def test_a_question_naming_no_thing_leans_on_the_turn_before():
    """点了名的都是哪几个？ 为啥非得把这俩绑一块推？: no noun or name — what they ask about is in
    the question before; a question naming its own thing is read alone."""
    history = _history("滨海那篇围绕几条重点产业链开展合作？", "围绕4条重点产业链。")
    for question in ("点了名的都是哪几个？", "为啥非得把这俩绑一块推？"):
        assert is_follow_up(question)
        assert condense_offline(question, history).endswith(
            "（滨海那篇围绕几条重点产业链开展合作？）"
        )
    question = "城区绿化提升方案打算新建几座公园？"
    assert not is_follow_up(question) and condense_offline(question, history) == question


def test_a_follow_up_on_the_second_item_is_answered_about_it(assistant):
    first = assistant.ask("城区绿化提升方案提了哪几项措施？")
    assert "打通滨河绿道" in first.answer, first.answer
    history = _history(
        "城区绿化方案提了哪几项措施？", "三项：扩建口袋公园、打通滨河绿道、推行屋顶绿化。"
    )
    answer = assistant.ask("第二点具体咋说的？", history=history)
    assert not answer.refused and "12个公园" in answer.answer, answer.answer
    second = assistant.ask("第二个具体指啥？", history=history)
    assert second.sentences[0].text.startswith("打通滨河绿道，是指"), second.answer
    last = assistant.ask("最后一个具体指啥？", history=history)
    assert "30%" in last.sentences[0].text, last.answer


def test_a_question_asking_besides_what_was_said_leans_on_the_turn_before():
    history = [
        Turn("user", "湖北那篇怎么引进博士后？"),
        Turn("assistant", "湖北支持企业设立博士后工作站[1]。"),
    ]
    for question in ("除了这个，生活上有啥配套没？", "除此之外还有啥配套？"):
        assert is_follow_up(question)
        condensed = condense_offline(question, history)
        assert "湖北那篇" in condensed and not condensed.startswith("除"), condensed


def test_a_term_the_follow_up_quotes_itself_carries_over_only_the_text_pointed_at():
    """那“融合不畅”又是啥意思: the earlier question's own term (融合不全) would only compete with
    the one now asked about; the text it pointed at (学刊那篇) is still where to look."""
    history = [
        Turn("user", "学刊那篇里说的“融合不全”指啥？"),
        Turn("assistant", "指基础建设不全与人才鸿沟并存[1]。"),
    ]
    condensed = condense_offline("那“融合不畅”又是啥意思？", history)
    assert "学刊那篇" in condensed and "融合不全" not in condensed, condensed


def test_a_topic_the_follow_up_names_itself_carries_over_only_the_text_pointed_at():
    """那风险这块咋兜底: a topic of its own (风险这块) — of the question before only the text it
    pointed at (湖北那篇) comes along; 在这块 points back at the earlier topic, which stays."""
    history = _history("湖北那篇说金融上要搞接力式服务，链条是啥？", "天使投资到银行贷款。")
    assert condense_offline("那风险这块咋兜底？", history) == "风险这块咋兜底（湖北那篇）"
    kept = condense_offline("那三地在这块有啥合作？", history)
    assert "接力式服务" in kept, kept


def test_还有呢_opening_a_follow_up_is_taken_off_whole():
    history = _history("滨海那篇人才高地咋弄？", "推动三地人才评价互认。")
    condensed = condense_offline("还有呢，它鼓励哪几种流动方式？", history)
    assert condensed.startswith("它鼓励哪几种流动方式"), condensed
