"""A sentence that announces a list (“今年必须做好以下工作。”) is answered with the list's items.

On a made-up work plan whose items run over several chunks, each number on a line of its own
(一是 / 正文): the answer quotes the lead and then every item's opening sentence, in order, each
cited and verified; the passage shown carries the items it quotes.
"""

from __future__ import annotations

import pytest
from conftest import assistant_of

from assistant.text.clean import clean_text
from assistant.text.listing import (
    announced,
    counted_list,
    is_count_label,
    is_list_lead,
    item_number,
    list_items,
    parallel_leads,
)

_BODY = (
    "各区县要结合本地资源禀赋制定实施方案，明确责任分工和时间节点，按季度报送进展情况。"
    "市级部门要加强统筹协调，及时研究解决推进中遇到的困难和问题，形成工作合力。"
    "要注重总结推广基层好经验好做法，组织开展现场观摩和经验交流活动，营造比学赶超的氛围。"
    "对工作成效明显的地方，在资金安排和项目申报上给予倾斜支持，调动各方面积极性。"
)
ITEMS = ("扩大林下经济种植规模。", "完善农产品冷链物流体系。", "加大对家庭农场的信贷支持。")
TEXTS = {
    "农村工作要点.txt": (
        "农村工作要点\n"
        "一、总体要求\n"
        "去年全市农村居民人均可支配收入稳步增长，农业农村发展基础进一步巩固。\n"
        "为了促进农民持续增收，今年必须做好以下工作。\n"
        + "".join(
            f"{n}\n{item}{_BODY}\n" for n, item in zip(("一是", "二是", "三是"), ITEMS, strict=True)
        )
        + "二、保障措施\n各级党委政府要把农村工作摆在突出位置，加强组织领导。\n"
    ),
    "城市更新方案.txt": "城市更新方案\n今年将改造老旧小区120个，同步完善养老托育等社区服务设施。\n",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    return assistant_of(tmp_path_factory.mktemp("listed"), TEXTS)


def test_a_lone_item_number_opens_the_line_after_it():
    assert clean_text("包括以下几个方面。\n一是\n发行长期国债。\n第二，\n稳定物价。") == (
        "包括以下几个方面。\n一是发行长期国债。\n第二，稳定物价。"
    )
    assert clean_text("方向是：\n一、\n增加基础设施投资。\n（２）\n压缩一般投资。") == (
        "方向是：\n一、增加基础设施投资。\n（2）压缩一般投资。"
    )


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        ("一年来，我们主要做了以下工作。", True),
        ("今年继续实行积极财政政策的主要内容，包括以下几个方面。", True),
        ("做好今年政府工作，要把握好以下三点。", True),
        ("具体安排如下：", True),
        ("当前要着重抓好以下的十项工作。", True),
        ("淘汰关停不达标的30万千瓦以下煤电机组。", False),
        ("推进省以下财政体制改革。", False),
        ("以下是本报记者的采访。", False),
    ],
)
def test_a_lead_announces_the_list_after_it(sentence, lead):
    assert is_list_lead(sentence) is lead


def test_no_list_where_the_words_only_look_like_one():
    assert item_number("一、二季度分别增长5%和6%。") is None
    assert not is_list_lead("控制在10‰以下的目标。") and not is_list_lead(
        "减轻县乡以下的工作负担。"
    )
    assert announced("采取下列三项措施：") == 3
    assert not counted_list("三化", "推进现代化、国际化、法治化和信息化")  # four, not three
    assert clean_text("第一\n第二\n第三") == "第一\n第二\n第三"  # a column of numbers


def test_item_numbers_of_each_style():
    assert item_number("二是继续贯彻落实收入分配政策。") == ("是", 2)
    assert item_number("第三，着力提质增效升级。") == ("第", 3)
    assert item_number("（十二）加强政府自身建设。") == ("（一）", 12)
    assert item_number("2. 完善标准体系。") == ("1.", 2)
    assert item_number("第一次会议于3月召开。") is None
    assert announced("要把握好以下三点。") == 3 and announced("主要做了以下工作。") == 0
    assert announced("要着重抓好以下的十项工作。") == 10


def test_the_items_follow_their_numbers_and_stop_where_the_list_ends():
    sentences = [
        "要做好以下工作。",
        "一是扩大规模。",
        "具体包括两项：",
        "（一）试点。",  # an inner list of another style is part of the first item
        "二是完善体系。",
        "三是加大支持。",
        "一是另一份清单。",  # the numbering starts again: another list
        "二是不属于上面的清单。",
    ]
    assert list_items(sentences, 0, limit=8) == [1, 4, 5]
    assert list_items(sentences, 0, limit=2) == [1, 4]
    assert list_items(["要把握好以下两点。", "一是稳。", "二是进。", "三是多余。"], 0, limit=8) == [
        1,
        2,
    ]
    assert (
        list_items(["要做好以下工作。", "甲。", "乙。", "丙。", "丁。", "一是太远。"], 0, limit=8)
        == []
    )
    assert list_items(["今年要稳增长。", "扩大投资。"], 0, limit=8) == []  # no list
    # a sentence the first item follows leads the list; so does a first item after a clause
    assert list_items(["将采取一系列措施。", "一是扩大投资。", "二是稳定就业。"], 0, limit=8) == [
        1,
        2,
    ]
    steps = ["为了实现这个目标，一要发展生产。", "这是基础。", "二要控制投资。", "三要深化改革。"]
    assert list_items(steps, 0, limit=8, from_first=True) == [2, 3]
    assert list_items(steps, 0, limit=8) == []


def test_the_answer_quotes_every_item_of_the_list_in_order(assistant):
    answer = assistant.ask("为了促进农民持续增收，今年要做好哪些工作？")
    assert not answer.refused
    text = answer.answer
    assert text.startswith("为了促进农民持续增收，今年必须做好以下工作[")
    positions = [text.find(item.rstrip("。")) for item in ITEMS]
    assert all(p > 0 for p in positions) and positions == sorted(positions), text
    assert all(s.status == "supported" for s in answer.sentences), answer.sentences
    cited = {
        answer.passages[n - 1].chunk.chunk_id: answer.passages[n - 1] for n in answer.citations
    }
    shown = "\n".join(p.text for p in cited.values())
    assert all(item in shown for item in ITEMS)  # the passage a reader checks holds the items


def test_the_items_span_several_chunks(assistant):
    """The fixture is what the feature is for: the lead's own chunk does not hold the items."""
    chunks = [c for c in assistant.index.chunks if c.title == "农村工作要点"]
    lead = next(c for c in chunks if "必须做好以下工作" in c.text)
    assert not all(item in lead.text for item in ITEMS)


def test_a_label_counting_a_list_is_the_list_it_counts(tmp_path):
    """“三化” names 数字化、网络化、智能化: a question quoting it is answered by the sentence that
    lists them, first; a count the texts list nowhere (“五化”) is not there."""
    assert is_count_label("三化") and not is_count_label("智能化")
    assert counted_list("三化", "以数字化、网络化、智能化赋能传统产业")
    assert not counted_list("三化", "推进数字化转型") and not counted_list("数字化", "数字化")
    assistant = assistant_of(
        tmp_path,
        {
            "制造业方案.txt": "制造业转型方案\n全市传统产业要加快转型升级，赋能千行百业。\n"
            "要坚持以数字化、网络化、智能化赋能传统产业，推进智能制造。\n",
            "城市更新.txt": "城市更新方案\n今年将改造老旧小区120个。\n",
        },
    )
    answer = assistant.ask("给传统产业赋能走哪“三化”？")
    assert answer.answer.startswith("要坚持以数字化、网络化、智能化赋能传统产业"), answer.answer
    assert assistant.ask("给传统产业赋能走哪“五化”？").refused


def test_a_factoid_answer_is_not_lengthened_by_a_list_after_its_sentence(tmp_path):
    """多少 is answered by the figure; the list that follows it in the text is not quoted whole."""
    assistant = assistant_of(
        tmp_path,
        {
            "财政.txt": "全市财政工作报告\n全市一般公共预算收入达到120亿元，比上年增长6%。\n"
            "一是加强税收征管。\n二是盘活存量资产。\n三是压减一般性支出。\n四是防范债务风险。\n",
            "城市更新.txt": "城市更新方案\n今年将改造老旧小区120个。\n",
        },
    )
    answer = assistant.ask("全市一般公共预算收入达到多少？")
    assert (
        answer.answer.startswith("全市一般公共预算收入达到120亿元") and "四是" not in answer.answer
    )


def test_a_continued_passage_marks_the_gap_and_takes_no_heading():
    """The items follow a line “……”; a section heading the next chunks open with is no item."""
    from assistant.search.continued import _said

    assert _said("一是扩大退耕还林规模。") and not _said("一、2023年工作回顾")


def test_a_list_announced_before_numbered_sections_is_answered_by_their_headings(tmp_path):
    """下列三条方针 announces a list whose items are the headings of the sections after it, each
    followed by its own paragraphs: the answer quotes the headings, in order, each cited; a
    document's section headings that no lead announced are not taken for a list."""
    body = "各地区各部门要结合实际抓好落实，定期检查推进情况，及时总结推广经验。" * 6
    sections = [
        "一、坚持农业优先，稳定粮食生产",
        "二、扩大消费需求，搞活城乡市场",
        "三、深化体制改革，增强企业活力",
    ]
    text = "全省经济工作报告\n今后五年，全省经济工作必须认真贯彻执行下列三条方针：\n" + "".join(
        f"{heading}\n{body}\n" for heading in sections
    )
    assistant = assistant_of(
        tmp_path,
        {"全省经济工作报告.txt": text, "城市更新.txt": "城市更新方案\n今年将改造老旧小区120个。\n"},
    )
    answer = assistant.ask("全省经济工作报告提出的三条方针是什么？")
    positions = [answer.answer.find(h) for h in sections]
    assert all(p > 0 for p in positions) and positions == sorted(positions), answer.answer
    assert all(s.status == "supported" for s in answer.sentences), answer.sentences


def test_unnumbered_items_with_short_leads_alike_are_quoted_whole(tmp_path):
    """要坚持A。……要坚持B。……要坚持C。: three short leads that open alike are the items of a
    list, each with its content after it — the answer to 哪几个方向 quotes every lead, even the
    one the search's passage stops before (the next chunk's)."""
    body = _BODY
    plan = (
        "县域商业体系建设方案\n"
        "以数字技术推动县域商业转型升级。商贸流通企业经过改造提升，也能带动农民增收。\n"
        "要坚持连锁化经营。鼓励连锁企业向乡镇延伸网点，统一采购配送，降低流通成本。"
        + body
        + "\n要坚持品牌化发展。培育一批县域特色商贸品牌，提升农产品附加值和市场竞争力。"
        + body
        + "\n要坚持便利化服务。完善乡镇商贸中心和村级便民商店，方便群众就近消费。\n"
    )
    assistant = assistant_of(tmp_path, {"县域商业方案.txt": plan})
    answer = assistant.ask("县域商业体系建设方案推动商贸流通企业改造提升，要坚持哪几个方向？")
    leads = ("要坚持连锁化经营", "要坚持品牌化发展", "要坚持便利化服务")
    positions = [answer.answer.find(lead) for lead in leads]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), answer.answer
    assert all(s.status == "supported" for s in answer.sentences), answer.sentences
    sentences = ["要坚持甲。", "甲的内容很长很长。", "要坚持乙。", "乙的内容。", "要坚持丙。"]
    assert parallel_leads(sentences, 0) == [0, 2, 4]
    assert parallel_leads(sentences[:3], 0) == []  # two alike may be chance
    assert parallel_leads(["要坚持甲方案和乙方案的统筹推进，做好衔接工作。", *sentences], 0) == []


def test_a_list_asked_of_each_item_is_quoted_whole_not_compared(tmp_path):
    """哪四件事，各自管啥: 各自 asks of each item, with no sides to set against each other — the
    list comes whole, as for 哪四件事 alone."""
    plan = (
        "社区养老服务方案\n"
        "完善服务网络，提升养老服务质量。要统筹各类资源，推动服务下沉到社区。"
        "一是建设社区养老服务站。二是培育专业护理队伍。三是发展老年助餐服务。"
        "四是推进适老化改造。\n"
    )
    assistant = assistant_of(tmp_path, {"养老方案.txt": plan})
    answer = assistant.ask("社区养老服务方案提升养老服务质量要做哪四件事，各自管啥")
    items = ("一是建设", "二是培育", "三是发展", "四是推进")
    positions = [answer.answer.find(item) for item in items]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), answer.answer


def test_a_how_question_on_one_item_alone_is_answered_by_its_own_sentences(tmp_path):
    """咋流动起来 asks about 一是 alone: its body answers, not the items beside it. Asked of the
    whole list (提出了哪三项措施), the items still come whole."""
    plan = (
        "协同发展路径\n一是要整合创新资源，推进数据要素有序流动。"
        "依托交易平台完善数据确权和定价规则。"
        "建立跨部门共享目录，推动公共数据按需开放。"
        "二是要引育高端人才，提升人才竞争力。三是要强化金融赋能，丰富服务生态。"
    )
    assistant = assistant_of(tmp_path, {"路径.txt": plan})
    own = assistant.ask("数据要素咋流动起来？").answer
    assert "共享目录" in own and "引育高端人才" not in own, own
    whole = assistant.ask("数据要素流动提出了哪三项措施？").answer
    assert "引育高端人才" in whole and "金融赋能" in whole, whole
