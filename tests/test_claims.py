"""The sentence check's claims: places, names, figures in any script, ranks, quotations,
negation and direction — each slip flagged with its reason, each faithful restatement passing.
And the optional model judge of `weak` sentences, over real HTTP to the local fake endpoint."""

from __future__ import annotations

import pytest

from assistant.answer.cited import Cited
from assistant.answer.judge import SentenceJudge, parse_verdict
from assistant.answer.new_words import new_words
from assistant.answer.verify import verify_sentence
from assistant.llm.faults import Budget
from assistant.schema import Chunk, Passage
from assistant.text.listing import counted_list
from assistant.text.names import names_in, unglued_name
from assistant.text.numerals import as_percent, figures, ranks, written_figures
from fake_openai import FakeOpenAIServer

TEXT = (
    "甘南州每年支持千家中小企业联合高校开展协同创新，推广“为场景找技术”模式。"
    "全州制造业规模连续5年稳居全省第一位，首批认定中试基地12个。"
    "严禁以新建名义重复建设，防止一哄而上。"
    "2024年技术合同成交额增长18.5%，规上工业增加值增长7.2%。"
)


def passage(text: str = TEXT, region: str | None = "甘肃", n: int = 1) -> Passage:
    return Passage(n, Chunk(f"d{n}#1", f"d{n}", text, "甘南州协同创新行动", region=region), 1.0)


def check(sentence: str, *passages: Passage):
    return verify_sentence(sentence, list(passages) or [passage()])


def flags(wrong: str, text: str, naming: str = "") -> None:
    """The wrong sentence is `unsupported`, with a reason naming `naming`."""
    flagged = check(wrong, passage(text))
    assert flagged.status == "unsupported" and any(naming in i for i in flagged.issues), flagged


def passes(right: str, text: str) -> None:
    """The sentence is `supported` by a passage of `text`."""
    passed = check(right, passage(text))
    assert passed.status == "supported", (right, passed.issues)


def caught(wrong: str, right: str, text: str, naming: str) -> None:
    """The wrong sentence is flagged with a reason naming `naming`; the right one passes."""
    flags(wrong, text, naming)
    passes(right, text)


@pytest.mark.parametrize(
    "sentence",
    [
        "甘南州每年支持千家中小企业联合高校开展协同创新[1]。",
        "甘肃甘南州每年支持1000家中小企业联合高校开展协同创新[1]。",  # the document's region
        "甘南州推广“为场景找技术”模式，每年支持千家中小企业开展协同创新[1]。",  # reordered
        "甘南州制造业规模连续五年稳居全省第1位[1]。",  # numerals in another script
        "甘南州严禁以新建名义重复建设，防止一哄而上[1]。",
        "2024年技术合同成交额增长18.5%[1]。",
    ],
)
def test_faithful_restatements_are_supported(sentence):
    checked = check(sentence)
    assert checked.status == "supported", checked.issues
    assert not checked.issues


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("辽宁每年支持千家中小企业联合高校开展协同创新[1]。", "引用段落未提及辽宁"),
        ("甘南州每年支持万家中小企业联合高校开展协同创新[1]。", "万家"),
        ("甘南州每年支持千家中小企业，推广“为技术找场景”模式[1]。", "为技术找场景"),
        ("全州制造业规模连续5年稳居全省第二位[1]。", "第2"),
        ("甘南州第二批认定中试基地12个[1]。", "第2"),
        ("甘南州鼓励以新建名义重复建设，一哄而上[1]。", "否定"),
        ("2024年技术合同成交额下降18.5%[1]。", "下降"),
        ("2024年技术合同成交额增长18.6%[1]。", "18.6%"),
        ("甘南州每年支持千家中小企业联合清华大学开展协同创新[1]。", "清华大学"),
        ("甘南州每年组织千家中小企业赴曼谷开展协同创新[1]。", "曼谷"),  # a city abroad
    ],
)
def test_each_slip_is_flagged_with_its_reason(sentence, reason):
    checked = check(sentence)
    assert checked.status == "unsupported", checked
    assert any(reason in issue for issue in checked.issues), checked.issues


REWORDED = (
    "该园区曾申请扩建二期厂房，然而主管部门至今仍未批准这项申请。"
    "园区并未与外地投资方签订入驻协议。"
    "受汛期影响，当年园区客流明显下降，运营收入也有所减少。"
)


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        # a negation dropped in other words: the clauses share too few characters to align
        ("主管部门已经批准了园区的扩建申请[1]。", True),
        ("园区与该投资方签订了入驻协议[1]。", True),
        ("园区的扩建申请至今没有获得主管部门批准[1]。", False),  # the negation kept
        # a direction reversed in other words
        ("汛期过后园区客流大幅增长[1]。", True),
        ("汛期时园区客流有所下降[1]。", False),
        ("园区当年的运营收入有所减少[1]。", False),
    ],
)
def test_a_negation_or_direction_is_caught_in_other_words(sentence, flagged):
    checked = check(sentence, passage(REWORDED))
    assert (checked.status == "unsupported") == flagged, checked.issues
    if flagged:
        assert any("相反" in issue for issue in checked.issues), checked.issues


def test_another_thing_of_the_same_kind_from_the_same_passage_is_caught():
    text = "市里明年安排2亿元专项资金支持民营企业技术改造。国有企业要深化混合所有制改革。"
    swapped = check("市里明年安排2亿元专项资金支持国有企业技术改造[1]。", passage(text))
    assert swapped.status == "unsupported", swapped.issues
    assert any("国有企业" in issue for issue in swapped.issues), swapped.issues
    right = check("市里明年安排2亿元专项资金支持民营企业技术改造[1]。", passage(text))
    assert right.status == "supported", right.issues


def test_a_person_put_in_anothers_place_is_caught_across_a_clause_break():
    """The sentence's clause runs on past its passage clause (…前往广州，投奔林华): it is read
    against the whole sentence, and the other person the passage names does not pass."""
    text = "陈立向周明表示自己打算前往广州，投奔林华。周明表示反对，建议他投奔赵刚。"
    swapped = check("陈立向周明表示打算前往广州投奔赵刚[1]。", passage(text))
    assert swapped.status == "unsupported" and any("赵刚" in i for i in swapped.issues)
    right = check("陈立向周明表示打算前往广州投奔林华[1]。", passage(text))
    assert right.status == "supported", right.issues


def test_a_team_named_elsewhere_in_the_passage_is_caught_even_when_few_characters_match():
    """The clause shares little but its frame with the passage clause (代表……车队参加比赛):
    read with the names left out, it restates that clause, whose team it changed."""
    text = "2019年他成为了蓝湖车队的一名试车手。2021年锦标赛，他代表北岭车队参加比赛。"
    swapped = check("2021年锦标赛，韦思远代表蓝湖车队参加比赛[1]。", passage(text))
    assert swapped.status == "unsupported" and any("蓝湖" in i for i in swapped.issues)
    right = check("2021年锦标赛，韦思远代表北岭车队参加比赛[1]。", passage(text))
    assert "蓝湖" not in " ".join(right.issues), right.issues  # 韦思远 is named nowhere


def test_an_organisation_named_elsewhere_in_the_passage_is_caught_in_anothers_place():
    """The clause's frame (进入……担任业务员) is the passage clause's; the company put in it is one
    the passage names later, for something else — read with every noun left out, the clause
    restates the first, whose company it changed."""
    text = "他二十岁经亲戚介绍，进入华通物流担任搬运工。三十岁时，他成为金桥大酒店的董事长。"
    caught(
        "他二十岁经亲戚介绍，进入金桥大酒店担任搬运工[1]。",
        "他二十岁经亲戚介绍，进入华通物流担任搬运工[1]。",
        text,
        "金桥",
    )


def test_two_terms_put_in_each_others_place_are_caught_but_a_reordered_list_is_not():
    caught(
        "全年完成了长达300多公里的西江干堤和近百公里的东江堤防加固工程[1]。",
        "全年完成了长达300多公里的东江干堤和近百公里的西江堤防加固工程[1]。",
        "全年完成了长达300多公里的东江干堤和近百公里的西江堤防加固工程，防洪能力增强。",
        "互换",
    )
    listed = "市里重点支持新能源和新材料两个产业。"
    reordered = check("市里重点支持新材料和新能源两个产业[1]。", passage(listed))
    assert reordered.status == "supported", reordered.issues


def test_what_is_said_of_two_terms_crossed_over_is_caught():
    """Each clause restates one of the passage's, every word is there: only what follows (or
    precedes) each name shows that the two changed places."""
    text = "结果刘建国夺得冠军，陈志强获得亚军，王东获得第三名。"
    caught(
        "在这项赛事中，陈志强夺得冠军，刘建国获得亚军，王东获得第三名[1]。",
        "在这项赛事中，刘建国夺得冠军，陈志强获得亚军，王东获得第三名[1]。",
        text,
        "互换",
    )
    text = "构建龙头企业牵头、高校院所支撑、各方协同的创新联合体。"
    caught(
        "构建由高校院所牵头、龙头企业支撑的创新联合体[1]。",
        "构建由龙头企业牵头、高校院所支撑的创新联合体[1]。",
        text,
        "互换",
    )
    passes("陈志强获得亚军，刘建国夺得冠军[1]。", "结果刘建国夺得冠军，陈志强获得亚军。")
    text = "要推动大型企业开放供应链和创新资源，带动中小企业共同发展。"
    caught(
        "文章主张推动中小企业向大型企业开放供应链，带动大型企业共同发展[1]。",
        "文章主张推动大型企业开放供应链和创新资源，带动中小企业共同发展[1]。",
        text,
        "互换",
    )


def test_a_long_change_of_course_stated_the_other_way_round_is_caught():
    """由A转向B with lists on both sides (no 由……向…… short enough to read as one turn)."""
    text = "五年来，全市经济增长由主要依靠投资、出口拉动转向依靠消费、投资、出口协同拉动。"
    caught(
        "五年来全市经济增长由依靠消费、投资、出口协同拉动转向主要依靠投资、出口拉动[1]。",
        "五年来全市经济增长由主要依靠投资、出口拉动转向依靠消费、投资、出口协同拉动[1]。",
        text,
        "方向相反",
    )
    text = "该校招生原以专科为主，现逐步发展为以本科招生为主。"
    caught(
        "该校招生原以本科为主，现逐步转为以专科为主[1]。",
        "该校招生原以专科为主，现逐步转为以本科为主[1]。",
        text,
        "方向相反",
    )


def test_a_comparison_the_passages_figures_contradict_is_caught():
    text = "全年货物进出口总额增长12.5%，其中，出口增长10.3%，进口增长14.9%，贸易顺差收窄。"
    caught(
        "全年出口增速快于进口，贸易顺差收窄[1]。",
        "全年进口增速快于出口，贸易顺差收窄[1]。",
        text,
        "数字不符",
    )
    text = "城镇居民人均可支配收入由1997年的5160元增加到2002年的7703元，年均实际增长8.6%。农村居民人均纯收入年均实际增长3.8%。"
    caught(
        "农村居民人均纯收入年均实际增速高于城镇居民人均可支配收入[1]。",
        "农村居民人均纯收入年均实际增速低于城镇居民人均可支配收入[1]。",
        text,
        "数字不符",
    )  # and 低于 compares the two: it does not say the income fell
    text = (
        "年底，城镇和农村人均住房面积32.9平方米、37.1平方米，分别比五年前增加2.8平方米和5.5平方米。"
    )
    caught(
        "年底城镇人均住房面积已超过农村[1]。",
        "年底农村人均住房面积已超过城镇[1]。",
        text,
        "数字不符",
    )
    # compared on a measure: the figures after it, not the head counts before it
    text = "该县共有人口5200人，其中男性2500人，女性2700人；就业率为61%，其中男性为66%，女性为57%。"
    caught(
        "该县女性就业率高于男性[1]。",
        "该县男性就业率高于女性[1]。",
        text,
        "数字不符",
    )


def test_a_negated_clause_about_the_same_time_is_read_against_the_passage():
    """该支洞目前并未封存: jieba leaves no noun of two characters in the clause (该|支|洞); the
    time it speaks of (目前) ties it to the passage clause that says the opposite."""
    text = "在景区的东端有一个“水晶宫支洞”，洞内的鹿角状钟乳石长3米，为全省第一。目前水晶宫支洞被永久封存。"
    said = "景区东端的“水晶宫支洞”内有长3米的鹿角状钟乳石，为全省第一，"
    caught(f"{said}该支洞目前并未封存[1]。", f"{said}该支洞目前已被永久封存[1]。", text, "封存")


def test_a_prohibition_reaches_over_the_comma_to_what_continues_it():
    text = "同时，也不能只顾眼前，采取损害长远利益的短期刺激措施，积累新的风险。"
    caught(
        "报告认为可以适当采取短期刺激措施，哪怕积累新的风险[1]。",
        "报告认为不能采取损害长远利益的短期刺激措施[1]。",
        text,
        "采取",
    )
    passes("改革不能只顾眼前，而要着眼长远[1]。", "改革不能只顾眼前，而要着眼长远。")


def test_a_verb_the_dictionary_files_as_a_name_is_read_as_a_verb():
    """深达 and 惠及 are names in jieba's dictionary; right before a figure, or after an adverb,
    they are verbs."""
    passes(
        "附近天星乡境内的汽坑洞深达920米，居全省第一[1]。",
        "芙蓉洞于1994年对游人开放。附近天星乡境内的汽坑洞为竖井，深920米，居全省第一。",
    )
    passes(
        "2020年全市普惠托育服务惠及3700多万家庭[1]。",
        "2020年全市普惠托育服务覆盖3700多万家庭。",
    )
    passes(  # 多达 is a transliterated name to jieba; before a figure it is a verb
        "全市每年登记的技术合同多达数万项[1]。",
        "现在全市每年登记的技术合同有几万项，其中重大项目数千项。",
    )
    passes(  # 拓宽 is a person's name to jieba; after 适度 it is a verb
        "报告提出合理扩大地方政府专项债券用作资本金范围，适度拓宽专项债券的投向领域[1]。",
        "报告提出合理扩大地方政府专项债券用作资本金范围，适度扩大专项债券的投向领域。",
    )


def test_a_count_of_what_was_just_said_is_no_figure_of_its_own():
    text = "1948年8月，主人在院内的一块巨石上题刻“静园”二字，这座别墅由此得名。"
    caught(
        "1948年8月，主人在院内的一块巨石上题刻了三个字，这座别墅由此得名[1]。",
        "这座别墅之所以叫“静园”，是因为1948年8月主人在院内一块巨石上题刻了这两个字[1]。",
        text,
        "三个",
    )


def test_a_negation_governs_no_verb_past_its_relative_clause():
    """不裁员的企业可继续享受……: 不 negates 裁员 (a noun to jieba), not 继续."""
    passes(
        "少裁员或不裁员的企业可继续享受失业保险稳岗返还，中小微企业的返还比例将提高[1]。",
        "对不裁员或少裁员的企业，继续实施失业保险稳岗返还政策，提高中小微企业返还比例。",
    )


def test_a_negation_inside_one_item_of_a_list_negates_no_other():
    """机制尚不健全、“各自为战”问题突出: 尚不 is the first item's own; “各自为战” is not negated."""
    passes(
        "作者所说的“协同不足”，指的是高校与企业的合作机制尚不健全、“各自为战”问题突出[1]。",
        "高校与企业的“协同不足”是指高校与企业合作机制不完善,“各自为战”现象明显。",
    )


def test_a_direction_carries_on_to_every_item_of_its_list():
    """降低交易成本与风险溢价: 降低 governs 风险溢价 too, so 提高风险溢价 reverses it."""
    text = "作为关键一环，制度创新通过降低交易成本与风险溢价，形成稳定的激励机制。"
    caught(
        "制度创新通过降低交易成本、提高风险溢价形成稳定的激励机制[1]。",
        "制度创新通过降低交易成本和风险溢价形成稳定的激励机制[1]。",
        text,
        "方向相反",
    )


def test_a_clause_is_read_without_the_who_says_it_opens_with():
    """通货膨胀 is one word: only the clause aligned with its passage clause shows the change."""
    caught(
        "文章认为通货膨胀压力明显，居民消费继续疲软[1]。",
        "文章认为通货紧缩压力明显，居民消费继续疲软[1]。",
        "居民消费继续疲软，通货紧缩压力明显，企业利润下滑。",
        "膨胀",
    )


def test_a_clause_that_only_dates_the_next_is_read_with_it():
    """自2016年起 alone matches the passage's other 2016 clause; read with what it dates, the
    year is the one the passage gives for something else."""
    text = (
        "至2019年，协会再将本赛事列为全国巡回赛的其中一站，吸引众多好手参加。"
        "此外，本赛事自2016年起被市政府定为品牌活动。"
    )
    caught(
        "自2016年起，协会将本赛事列为全国巡回赛的其中一站[1]。",
        "至2019年，协会将本赛事列为全国巡回赛的其中一站[1]。",
        text,
        "2016",
    )


def test_a_term_with_its_qualifier_dropped_is_another_thing():
    caught(
        "林涛在2018年市运会决赛中送给对手扳平的点球[1]。",
        "林涛在2018年市运会半决赛中送给对手扳平的点球[1]。",
        "在2018年市运会半决赛中，林涛先是在禁区犯规，送给对手扳平的点球。",
        "半决赛",
    )


def test_a_sentence_quoted_as_written_is_supported_whatever_its_quotation_holds():
    """A clause cut inside a quotation is compared with its own stretch of the passage, not the
    rest of the quotation (where 不可能 stands)."""
    text = "6月22日，他因为“考虑到市民的安全得不到保障，活动不可能顺利举行”而宣布取消活动。"
    checked = check(text.replace("。", "[1]。"), passage(text))
    assert checked.status == "supported", checked.issues


def test_a_long_quotation_must_be_verbatim():
    text = "该市提出“建设以企业为主体、市场为导向、产学研深度融合的技术创新体系”的目标。"
    right = check(
        "该市提出“建设以企业为主体、市场为导向、产学研深度融合的技术创新体系”[1]。", passage(text)
    )
    assert right.status == "supported", right.issues
    altered = check(
        "该市提出“建设以市场为主体、企业为导向、产学研深度融合的技术创新体系”[1]。", passage(text)
    )
    assert altered.status == "unsupported"
    assert any("与原文不符" in issue for issue in altered.issues), altered.issues


def test_a_statement_moved_to_another_time_is_caught():
    text = "全市今年再安排3亿元用于老旧小区改造，上半年已开工改造小区120个。"
    moved = check("全市去年已安排3亿元用于老旧小区改造[1]。", passage(text))
    assert moved.status == "unsupported" and any("去年" in i for i in moved.issues), moved
    moved = check("全年已开工改造小区120个[1]。", passage(text))
    assert moved.status == "unsupported" and any("全年" in i for i in moved.issues), moved
    right = check("全市今年再安排3亿元用于老旧小区改造[1]。", passage(text))
    assert right.status == "supported", right.issues


def test_the_same_time_said_from_later_is_the_same_time():
    text = "全市今年再安排3亿元用于老旧小区改造。"
    assert check("全市当年再安排3亿元用于老旧小区改造[1]。", passage(text)).status == "supported"
    assert check("全市去年再安排3亿元用于老旧小区改造[1]。", passage(text)).status != "supported"
    text = "2005年末，该馆更名为省科学技术馆。"
    assert check("2005年底，该馆更名为省科学技术馆[1]。", passage(text)).status == "supported"


def test_a_qualifier_said_as_a_word_of_its_own_is_the_same_term():
    text = "服务业已成为经济增长的主动力，消费贡献率继续提高。"
    same = check("服务业已成为经济增长的主要动力[1]。", passage(text))
    assert same.status == "supported", same.issues


def test_each_item_of_a_list_keeps_its_own_negation():
    """不减 is jieba's one word for 不减少; the 不 of one item does not govern the next."""
    text = "在改革中，要确保耕地数量不减少、质量不下降、农民利益有保障。"
    right = check("改革要确保耕地数量不减、质量不降，农民利益得到保障[1]。", passage(text))
    assert right.status == "supported", right.issues
    wrong = check("改革要确保耕地数量不减、质量下降，农民利益得到保障[1]。", passage(text))
    assert wrong.status != "supported"


def test_a_change_where_the_passage_says_it_stays_is_caught():
    text = "今年赤字率保持不变，全年再减少企业税负3500亿元左右。"
    caught("今年赤字率有所提高[1]。", "今年赤字率保持不变[1]。", text, "提高")


def test_a_comparison_reversed_is_caught():
    text = "农村居民人均纯收入连续两年快于城镇居民。全年投资增幅比一季度回落5个百分点。"
    caught(
        "农村居民人均纯收入连续两年慢于城镇居民[1]。",
        "农村居民人均纯收入连续两年快于城镇居民[1]。",
        text,
        "慢于",
    )
    flags("全年投资增幅比一季度高出5个百分点[1]。", text, "高出")


def test_a_counterpart_put_for_the_other_is_caught():
    text = "服务贸易稳步发展，入境旅游人数和外汇收入大幅度增加。在东北老工业基地开展了增值税转型改革试点。"
    caught(
        "出境旅游人数和外汇收入大幅增加[1]。", "入境旅游人数和外汇收入大幅增加[1]。", text, "出境"
    )
    flags("东北老工业基地率先开展企业所得税转型改革试点[1]。", text, "企业所得税")


def test_not_easily_is_a_negation_either_way_it_is_said():
    """不易褪色 (one word to jieba) and 不容易褪色 say the same; 容易褪色 says the opposite."""
    text = "这种颜料干后不再溶于水，且不易褪色，持久性较好。"
    caught("这种颜料干后容易褪色[1]。", "这种颜料干后不容易褪色[1]。", text, "褪色")
    passes("这种颜料干后不易褪色，耐久性较好[1]。", text)  # 耐久 is 持久 put another way


def test_the_fastest_is_not_the_slowest():
    text = "全年社会商品零售总额增长14.7%，这是多年来增加最快的一年。"
    caught(
        "全年社会商品零售总额增长14.7%，是多年来增加最慢的一年[1]。",
        "全年社会商品零售总额增长14.7%，是多年来增加最快的一年[1]。",
        text,
        "最慢",
    )


def test_the_two_ends_of_a_change_given_each_others_figures_are_caught():
    """从X100的300Gbps降到X200的150Gbps: each end of the 从……到 says its own thing, and the
    passage pairs X100 with 150 and X200 with 300."""
    text = "X100的传输速率是150Gbps，而X200的传输速率则达到了300Gbps。"
    caught(
        "传输速率从X100的300Gbps降到了X200的150Gbps[1]。",
        "传输速率从X100的150Gbps提高到了X200的300Gbps[1]。",
        text,
        "X100",
    )


def test_a_list_said_in_another_order_and_a_glued_pronoun_are_no_exchange():
    text = "目标综合考虑了输入性通胀因素、要素成本上升影响以及居民承受能力。各分行必须按计划执行。"
    passes("目标综合考虑了居民承受能力、要素成本上升影响以及输入性通胀因素[1]。", text)
    passes("各分行须依照计划执行[1]。", text)  # 按|计划: jieba glued the preposition


def test_a_statement_moved_to_another_year_of_the_text_is_caught():
    """从今年三月起 → 从去年三月起, though the clause the year is in restates no passage clause
    alone; a year's 年中 (2017年|中央) is no time of the text."""
    text = "为使全省交通建设与城乡发展相协调，从今年三月起，已组织数十位交通专家和有关部门的负责人，编制路网规划。"
    caught(
        "报告介绍，为使全省交通建设与城乡发展相协调，从去年三月起已组织数十位交通专家和有关部门负责人，编制路网规划[1]。",
        "报告介绍，为使全省交通建设与城乡发展相协调，从今年三月起已组织数十位交通专家和有关部门负责人，编制路网规划[1]。",
        text,
        "去年",
    )
    passes(
        "2017年中央财政专项扶贫资金增长30%以上[1]。",
        "今年中央财政专项扶贫资金增长30%以上。2017年预算。",
    )


def test_another_of_its_kind_put_before_the_passage_verb_is_caught():
    """工程师走进车间 → 设计师走进车间: both are in the passage clause, which says the other."""
    text = "学校将定期组织工程师走进车间、设计师与工程师座谈交流活动。"
    caught(
        "学校将定期组织设计师走进车间以及设计师与工程师座谈交流活动[1]。",
        "学校将定期组织工程师走进车间以及设计师与工程师座谈交流活动[1]。",
        text,
        "设计师走进",
    )
    text = "2006年东岭大学和西岭大学都想招募他，最终西岭大学胜出，成功招募他入学。"
    caught(
        "2006年两校争夺，最终东岭大学胜出[1]。",
        "2006年两校争夺，最终西岭大学胜出[1]。",
        text,
        "东岭大学",
    )
    passes(
        "西岭大学于2006年与东岭大学合并[1]。",
        "西岭大学于2006年与东岭大学合并。东岭大学合并后更名。",
    )


def test_a_comparison_by_exceeding_turned_round_is_caught():
    """转让偏好远大于成果转化 → 转化偏好远大于成果转让: X大于Y with X and Y in each other's place."""
    text = "各方盲目追求短期项目合作，科技成果转让偏好远大于成果转化。"
    caught(
        "各方盲目追求短期项目合作，科技成果转化偏好远大于成果转让[1]。",
        "各方盲目追求短期项目合作，科技成果转让偏好远大于成果转化[1]。",
        text,
        "比较相反",
    )


def test_a_failure_said_to_be_a_success_is_caught():
    text = "空军决定全面升级其他防空系统，该型火炮基本上已经宣告计划失败。"
    caught("该型火炮基本上已宣告计划成功[1]。", "该型火炮基本上已宣告计划失败[1]。", text, "成功")


def test_constant_prices_are_no_steadiness():
    """2010年不变价 is a way of counting money, not 不变 against the sentence's 提高."""
    text = "将农民人均纯收入2300元（2010年不变价）作为新的扶贫标准，比2009年提高92%。"
    passes("新的扶贫标准比2009年提高92%，定为农民人均纯收入2300元（2010年不变价）[1]。", text)


def test_the_kind_of_text_a_comparison_side_is_labelled_by_is_the_cited_documents():
    """论文：…… (a side of a comparison labelled as the question names it) cites an academic
    text: 论文 is what the document is, not a name its passage lacks; a news report is no 论文."""
    text = "高校应开展校企联合培养模式，培养复合型工程人才。"
    paper = Passage(1, Chunk("d1#1", "d1", text, "人才培养研究", level="academic"), 1.0)
    news = Passage(1, Chunk("d1#1", "d1", text, "人才培养研究", level="municipal"), 1.0)
    sentence = "论文：高校应开展校企联合培养模式，培养复合型工程人才[1]。"
    assert check(sentence, paper).status == "supported"
    assert check(sentence, news).status == "unsupported"


def test_a_postponement_is_a_negation():
    text = "全面推开公立医院综合改革，全部取消药品加成。"
    flags("全面推开公立医院综合改革，暂不取消药品加成[1]。", text)


def test_another_term_of_the_same_kind_from_outside_the_passage_is_caught():
    text = "按照三档并两档方向调整税率水平，重点降低制造业、交通运输等行业税率。"
    caught(
        "重点降低服务业、交通运输等行业税率[1]。",
        "重点降低制造业、交通运输等行业税率[1]。",
        text,
        "服务业",
    )
    text = "全年增值税留抵退税超过2.4万亿元，新增减税降费超过1万亿元。"
    caught(
        "全年企业所得税留抵退税超过2.4万亿元[1]。",
        "全年增值税留抵退税超过2.4万亿元[1]。",
        text,
        "企业所得税",
    )


def test_the_same_head_noun_with_another_qualifier_is_another_thing():
    """中小企业 → 国有企业, 中小银行 → 大型商业银行: the same kind of body, not the same one."""
    text = "加大对中小企业技术改造的支持，优先支持中小银行补充资本。"
    caught(
        "加大对国有企业技术改造的支持[1]。",
        "加大对中小企业技术改造的支持[1]。",
        text,
        "国有企业",
    )
    flags("优先支持大型商业银行补充资本[1]。", text, "大型商业银行")


def test_an_actor_from_outside_the_passage_in_an_otherwise_copied_clause_is_caught():
    """企业牵头 → 科研院所牵头, a noun the passage never uses; a clause reworded throughout keeps
    its metaphor (桥梁 → 纽带) without a flag."""
    text = "鼓励企业牵头组建创新联合体。数据要素是连接生产与消费的重要桥梁。"
    caught(
        "鼓励科研院所牵头组建创新联合体[1]。",
        "鼓励企业牵头组建创新联合体[1]。",
        text,
        "科研院所",
    )
    passes("数据要素是联结生产和消费的重要纽带[1]。", text)


def test_a_phrase_the_passage_avoids_stated_as_something_to_do_is_caught():
    """避免“唯论文” → 坚持“唯论文”, reworded too freely for any clause to restate it."""
    text = "完善科技人才评价机制，避免“唯论文”倾向，引导人员潜心研究。"
    caught(
        "文章建议在人才评价上坚持“唯论文”导向[1]。",
        "文章建议完善科技人才评价机制，防止“唯论文”倾向[1]。",
        text,
        "唯论文",
    )


def test_a_change_of_course_turned_round_is_caught():
    text = "推动园区产业由低端向高端迈进，补贴上限由20万元提高到40万元。"
    caught("推动园区产业由高端向低端迈进[1]。", "推动园区产业由低端向高端迈进[1]。", text, "高端")
    flags("补贴上限由40万元调整为20万元[1]。", text, "由40万元")
    both = "大桥由北向南的车道封闭，由南向北的车道照常通行。"
    passes("大桥由南向北的车道照常通行[1]。", both)


def test_kept_steady_where_the_passage_raises_it_is_caught():
    text = "加强长期支持，提高基础研究经费占研发经费比重。"
    caught(
        "基础研究经费占研发经费比重保持稳定[1]。",
        "要提高基础研究经费占研发经费比重[1]。",
        text,
        "原文有变化",
    )


def test_an_item_slipped_into_a_list_is_caught():
    text = "扩大电信、医疗、教育等领域开放，加快培育新质生产力、建设现代化产业体系。"
    caught(
        "扩大电信、医疗、金融和教育等领域开放[1]。",
        "扩大电信、医疗和教育等领域开放[1]。",
        text,
        "金融",
    )
    flags("加快培育新质生产力、建设现代化产业体系和建成科技强国[1]。", text, "建成科技强国")


def test_a_count_of_the_items_a_passage_lists_is_its_figure():
    """两种创新 for 科技创新和产业创新; 三种创新 is no count of that list."""
    text = "推动科技创新和产业创新深度融合，关键是强化企业主体地位。"
    passes("推动两种创新深度融合，关键是强化企业主体地位[1]。", text)
    flags("推动三种创新深度融合，关键是强化企业主体地位[1]。", text, "三种")


def test_a_forbidding_phrase_dropped_or_a_turn_reversed_is_caught_in_other_words():
    """决不能随意改变约定 → 必要时可以改变约定; 由上年下降2.3%转为增长 → 由上年增长转为下降 (what
    the two starts share is no part of the turn)."""
    text = "政府要带头讲诚信，决不能随意改变约定。工业企业利润由上年下降2.3%转为增长8.5%。"
    flags("政府在必要时可以改变已有约定[1]。", text, "改变")
    flags("工业企业利润由上年增长转为下降[1]。", text, "方向相反")
    quoted_turn = "推动园区发展从“规模扩张”向“质量提升”转变。"
    flags("推动园区发展从“质量提升”向“规模扩张”转变[1]。", quoted_turn, "方向相反")


def test_another_qualifier_before_the_same_noun_is_caught():
    text = "加大对中小型科技企业的贷款支持，增加短期研发贷款规模。"
    caught(
        "加大对大型科技企业的贷款支持[1]。",
        "加大对中小型科技企业的贷款支持[1]。",
        text,
        "大型科技",
    )
    flags("增加中长期研发贷款规模[1]。", text, "中长期")


def test_a_negator_inside_a_longer_word_or_beside_another_negator_still_counts():
    """避免出现 is one word to jieba; 没有……一律取消 → 有……也一律取消 keeps 取消 but drops 没有."""
    text = "继续给予融资支持，避免出现行业性限贷、抽贷。清理各类证明，没有法律依据的一律取消。"
    flags("必要时可实行行业性限贷、抽贷[1]。", text, "原文")
    flags("清理各类证明，有法律依据的也一律取消[1]。", text, "原文")
    passes("清理各类证明，凡是没有法律依据的一律取消[1]。", text)


def test_faithful_wording_is_not_mistaken_for_a_slip():
    """也不畅 against 不畅 (jieba glues one 不 to its adjective, not the other); a word met again
    two clauses further on does not stretch the restated clause over their negation; 杜绝 (which
    jieba files as a name) for 防止."""
    text = (
        "目前部门之间的信息共享渠道不畅。"
        "进一步提高研究项目间接费用占比，开展经费使用改革试点，不设科目比例限制。"
        "坚决防止违规收费和重复检查。"
    )
    for sentence in (
        "部门之间的信息共享渠道也不畅[1]。",
        "报告提出进一步提高研究项目间接费用比例[1]。",
        "坚决杜绝违规收费和重复检查[1]。",
    ):
        checked = check(sentence, passage(text))
        assert checked.status == "supported", (sentence, checked.issues)


def test_a_negation_ends_with_its_relative_clause():
    """没有实现年初确定的目标: 确定 is not negated; 尚未建设的不准开工: 开工 is forbidden anyway."""
    text = "全市没有实现年初确定的能耗降低4%左右的目标。尚未建设的项目不准开工。"
    for sentence in (
        "全市年初确定的能耗降低4%左右的目标并没有实现[1]。",
        "尚未建设的项目一律不准开工[1]。",
    ):
        checked = check(sentence, passage(text))
        assert checked.status == "supported", checked.issues
    assert (
        check("全市实现了年初确定的能耗降低4%左右的目标[1]。", passage(text)).status != "supported"
    )


def test_other_adverbs_add_nothing():
    """日益 for 越来越: how the sentence says it, not a clause the passage lacks."""
    text = "电脑、轿车越来越多地进入居民家庭，电视机、洗衣机等家用电器进一步普及。"
    same = check(
        "电脑、轿车日益普遍地走进居民家庭，电视机、洗衣机等家电进一步普及[1]。", passage(text)
    )
    assert not any("未见于" in issue for issue in same.issues), same.issues
    added = check("电脑、轿车日益普遍地走进居民家庭，农村网购用户数量突破新高[1]。", passage(text))
    assert added.status == "unsupported", added.issues


def test_a_size_reversed_is_caught():
    text = "暴雨对园区排水设施的影响很大，修复工作仍在进行。"
    reversed_ = check("暴雨对园区排水设施的影响很小[1]。", passage(text))
    assert reversed_.status == "unsupported" and any("相反" in i for i in reversed_.issues)
    assert check("暴雨对园区排水设施影响很大[1]。", passage(text)).status == "supported"


def test_a_term_or_a_gap_turned_the_other_way_is_caught():
    """长期 → 短期, 比较大 → 比较小, 追加投资 → 收缩投资, 刺激 → 抑制: the same statement reversed."""
    flags("对新落户企业实施短期的租金扶持政策[1]。", "对新落户企业实施长期的租金扶持政策。", "短期")
    gap = "前两名成绩接近，其余队伍与前两名的分数差距比较大。"
    flags("其余队伍与前两名的分数差距比较小[1]。", gap, "较小")
    flags("后来者逐步收缩对新领域的投资[1]。", "后来者紧跟市场趋势，追加对新领域的投资。", "收缩")
    flags("减税抑制了居民消费[1]。", "减税刺激了居民消费，带动投资增长。", "抑制")
    assert check("其余队伍与前两名的分数差距较大[1]。", passage(gap)).status == "supported"
    flags("该品种耐寒性较强[1]。", "该品种喜高温多湿，耐寒性较弱。", "较强")
    flags("甲型车的价格比乙型车昂贵[1]。", "甲型车的价格比乙型车低廉，销量更大。", "昂贵")


def test_a_direction_word_counts_only_as_a_whole_word():
    text = "全区工业增加值达到2000亿元，增速较上年下降1个百分点。"
    checked = check("全区工业增加值达到2000亿元[1]。", passage(text))  # 增加值 is no 增加
    assert checked.status == "supported", checked.issues


def test_a_place_is_checked_against_the_cited_passage_not_another():
    other = passage("辽宁每年安排专项资金支持重大科技攻关。", region="辽宁", n=2)
    wrong = check("甘南州每年支持千家中小企业联合高校开展协同创新[2]。", passage(), other)
    right = check("甘南州每年支持千家中小企业联合高校开展协同创新[1]。", passage(), other)
    assert wrong.status == "unsupported" and right.status == "supported"


def test_figures_are_compared_as_values_in_any_script():
    assert figures("近41万件") == figures("近410000件") == {"410000"}
    assert figures("千家企业") == {"1000"} != figures("万家企业")
    assert figures("两成") == {"20%"} and figures("三分之一") == {"1/3"}
    assert figures("近一半") == figures("二分之一") == {"1/2"}
    assert figures("历经千余年") == figures("一千多年") == {"1000"}, "an approximate count"
    assert figures("连续第五年增产") == figures("连续五年增产") and not ranks("连续第五年")
    assert "十四五" in figures("“十四五”时期")  # read digit by digit: a name, kept as written
    assert ranks("第一位") == ranks("第1位") == ranks("首位") == {"第1"}
    assert ranks("中国首个") == ranks("中国第一个") and ranks("再次") == {"再次"}
    assert written_figures("全国共登记技术合同近99万件") == {"990000": "99万"}


def test_figures_spelled_out_or_in_older_print_are_read_as_digits():
    """一九五四年, 百分之二十六点七, 二亿一千七百万吨, 4·3％: older reports spell figures out; a
    sentence that writes them in digits states the same figures — and a changed one is caught."""
    assert figures("由一九五二年的百分之二十六点七上升到一九五四年的百分之三十三") == {
        "1952", "1954", "26.7%", "33%"
    }  # fmt: skip
    assert figures("由一九八○年的二亿一千七百万吨增加") == {"1980", "217000000"}
    assert figures("实际增长4·3％") == figures("实际增长4.3%") == {"4.3%"}
    assert figures("即增长二点八倍") == {"2.8"} and figures("这一点很重要") == set()
    assert figures("八十五万六千人") == {"856000"} and figures("三万亿元") == {"3000000000000"}
    assert figures("流域面积约为3万2471平方千米") == {"32471"}  # 千米 is a unit, no 1000
    # an approximate range: two neighbouring digits before the magnitude, however joined
    assert (
        figures("五六十年代") == figures("五至六十年代") == figures("五、六十年代") == {"50", "60"}
    )
    assert figures("三四百人") == {"300", "400"} and figures("三七十人") == {"三七十"}
    spelled = passage(
        "现代工业的比重已由一九五二年的百分之二十六点七上升到一九五四年的百分之三十三。"
    )
    faithful = "现代工业的比重由1952年的26.7%上升到1954年的33%[1]。"
    assert verify_sentence(faithful, [spelled]).status == "supported"
    changed = verify_sentence("现代工业的比重由1952年的26.7%上升到1954年的35%[1]。", [spelled])
    assert changed.status == "unsupported" and any("35%" in i for i in changed.issues)


def test_a_name_or_occasion_said_another_way_is_the_passages():
    """普通高校 is the passage's 普通高等学校; “国务院就三峡工程向大会” names no meeting (向 and 就 are
    in no name) while a meeting named otherwise is still caught; 最先 is a first, as 首次 is."""
    schools = passage("普通高等学校招生规模比上年扩大47.4%，增幅之大是多年来没有的。", region=None)
    assert check("普通高校招生规模比上年扩大了47.4%[1]。", schools).status == "supported"
    assert check("职业院校招生规模比上年扩大了47.4%[1]。", schools).status != "supported"
    bill = passage(
        "国务院向本次大会提出专门议案，建议将兴建三峡工程列入国民经济和社会发展十年规划。",
        region=None,
    )
    said = check("国务院就三峡工程向大会提交了专门议案，建议将兴建三峡工程列入十年规划[1]。", bill)
    assert not any("未提及" in issue for issue in said.issues), said.issues
    moved = check(
        "国务院在全国水利工作会议上提出专门议案，建议将兴建三峡工程列入十年规划[1]。", bill
    )
    assert any("全国水利" in issue for issue in moved.issues), moved.issues
    assert ranks("此比赛最先在2004年举办") == ranks("2004年首次举办") == {"第1"}


def test_a_clause_restated_in_another_order_is_read_against_the_clause_of_its_figure():
    """1957年……704亿元 restates the clause that says 七百零四亿元, not the one it shares most
    words with (1952年全国工业生产总值是……): no year “exchanged”; a wrong figure is still caught."""
    text = "1952年全国工业生产总值是三百四十九亿元，1957年上升到七百零四亿元，比1952年增长了102%。"
    faithful = "与1952年的349亿元相比，1957年全国工业生产总值达到704亿元，增长了102%[1]。"
    assert check(faithful, passage(text, region=None)).status == "supported"
    flags("与1952年的349亿元相比，1957年全国工业生产总值达到714亿元，增长了102%[1]。", text, "714")
    assert figures("七百零四亿元") == {"70400000000"} and figures("一千零五十人") == {"1050"}


def test_ranks_figures_and_bounds_said_another_way_are_the_passages():
    """首部 is 第一部, 十二届 the 12th, 750,000 is 75万, 一半 is 50%; 不低于 and 不少于 bound a
    figure the same way (no negation); a short form of a common name is the name (新农合)."""
    assert ranks("台湾电视史上首部自制剧") == ranks("第一部自制剧") == {"第1"}
    assert ranks("任十二届全国人大代表") == ranks("第12届全国人大代表") == {"第12"}
    assert figures("其中750,000人居住在主城") == figures("其中75万人居住在主城") == {"750000"}
    assert figures("1,234.5吨") == {"1234.5"} and as_percent("1/2") == "50%"
    half = passage("选举票数50%来自网上投票，余下的50%来自传媒代表。", region=None)
    assert check("票数一半来自网上投票，另一半来自传媒代表[1]。", half).status == "supported"
    jobs = passage("城镇新增就业人数不低于900万人，城镇登记失业率控制在4.6%以内。", region=None)
    assert check("城镇新增就业不少于900万人，失业率控制在4.6%以内[1]。", jobs).status == "supported"
    care = passage("新型农村合作医疗试点范围扩大到1451个县，有4.1亿农民参加。", region=None)
    assert check("新农合试点扩大到1451个县，参加农民4.1亿人[1]。", care).status == "supported"
    flags("新农合试点扩大到1541个县，参加农民4.1亿人[1]。", care.text, "1541")


def test_counts_sessions_and_times_are_not_ranks_or_decimals():
    """新一届 and 连续七届 are no ranks; 首届 is 第一届; 九点三十分 and 这一点 are no decimals."""
    assert ranks("国务院新一届领导班子产生") == set() and ranks("连续举办七届进博会") == set()
    assert ranks("七届二中全会") == {"第7"}
    text = "第一届进博会在上海举办，吸引了大批企业参展。"
    assert check("首届进博会在上海举办[1]。", passage(text, region=None)).status == "supported"
    assert "9.3" not in figures("上午九点三十分开幕") and figures("这一点一定要把握") == set()


def test_a_requirement_turned_into_no_need_is_caught():
    """必须停建 → 无需停建: 无需, 无须, 不必 deny what the passage requires."""
    text = "坚决制止盲目扩张，违规在建项目必须停建。"
    flags("坚决制止盲目扩张，但已开工的违规项目无需停建[1]。", text, "停建")


def test_a_law_the_passage_does_not_name_is_caught():
    """A law slipped into a list of the passage's (劳动合同法草案 for another draft) is named by
    the reason; the passage's own laws, and words of method (方法, 办法), are not flagged."""
    text = "国务院提请审议企业所得税法草案、反垄断法草案和义务教育法修订草案等法律议案。"
    flags("国务院提请审议企业所得税法草案、劳动合同法草案和义务教育法修订草案[1]。", text, "合同法")
    same = "国务院提请审议企业所得税法草案、反垄断法草案等法律议案，并改进审议办法[1]。"
    assert check(same, passage(text, region=None)).status != "unsupported"


def test_a_weak_sentence_names_what_it_could_not_find():
    checked = check("甘南州每年支持千家中小企业联合高校开展协同创新，还计划建设一座航天发射场[1]。")
    assert checked.status in ("weak", "unsupported") and checked.issues


# --- the optional judge of weak sentences ---


WEAK = "甘南州每年扶持上千家小企业跟大学合伙琢磨新点子[1]。"  # loosely reworded: weak


@pytest.fixture()
def judge(settings, tmp_path):
    from conftest import llm_settings

    with FakeOpenAIServer() as server:
        configured = llm_settings(settings, server.base_url).model_copy(
            update={"home": tmp_path, "verify_judge": True}
        )
        yield SentenceJudge(configured), server


def test_the_judge_settles_weak_sentences_and_caches_its_verdict(judge):
    reviewer, server = judge
    weak = check(WEAK)
    assert weak.status == "weak"
    server.enqueue('{"verdict": "支持", "reason": "原文写明每年支持千家中小企业"}')
    [judged] = reviewer.review([weak], [passage()], Budget(10))
    assert judged.status == "supported" and not judged.issues
    request = server.requests[-1]
    assert "甘南州每年扶持上千家小企业" in request["messages"][-1]["content"]
    assert request["temperature"] == 0.0
    [again] = reviewer.review([weak], [passage()], Budget(10))  # from the cache
    assert again.status == "supported" and len(server.requests) == 1


def test_the_judge_can_reject_but_never_overturns_an_unsupported_sentence(judge):
    reviewer, server = judge
    server.enqueue('{"verdict": "不支持", "reason": "原文未提合作方式"}')
    wrong = check("辽宁每年支持千家中小企业联合高校开展协同创新[1]。")
    [rejected, kept] = reviewer.review([check(WEAK), wrong], [passage()], Budget(10))
    assert rejected.status == "unsupported"
    assert any("大模型核查：不支持" in i for i in rejected.issues)
    assert kept is wrong and len(server.requests) == 1  # the unsupported one was never sent


def test_an_unreachable_judge_leaves_the_sentence_as_it_was(judge):
    reviewer, server = judge
    server.stop()
    weak = check(WEAK)
    assert reviewer.review([weak], [passage()], Budget(3)) == [weak]


def test_unreadable_verdicts_count_as_not_supported():
    assert parse_verdict('{"verdict": "支持", "reason": "有"}') == ("支持", "有")
    assert parse_verdict("我觉得可以")[0] == "不支持"
    assert parse_verdict('{"verdict": "maybe"}')[0] == "不支持"


def test_a_comparison_turned_round_is_caught():
    text = "成年个体体长约65厘米。雄性较雌性大，毛色较浅。"
    flags("雌性个头比雄性更大[1]。", text, "比较相反")
    flags("雄性较雌性小[1]。", text, "比较相反")
    assert check("雄性个头比雌性大[1]。", passage(text)).status != "unsupported"


def test_a_count_of_the_items_the_sentence_lists_is_no_new_figure():
    text = "政府工作仍存在一些缺点和不足，节能减排、物价调控目标没有完成。"
    counted = check("节能减排和物价调控两项目标都没能完成[1]。", passage(text))
    assert counted.status == "supported", counted.issues
    flags("节能减排和物价调控三项目标都没能完成[1]。", text, "三项")


def test_having_or_being_denied_in_other_words_is_caught():
    """没有鱼虾 → 原本就有鱼虾, 也是难点 → 并不是难点: the clauses share too little to align."""
    flags("湖里原本就有鱼虾[1]。", "因此，湖中原来没有鱼虾。后来开始人工引入冷水性鱼类。", "有鱼虾")
    text = "先进制造业是构建现代化产业体系的重点，也是难点。"
    flags("先进制造业是构建现代化产业体系的重点，但并不是难点[1]。", text, "是难点")
    passes("先进制造业既是构建现代化产业体系的重点，也是难点[1]。", text)


def test_a_word_of_the_same_synonym_group_is_no_change():
    text = "要完善社会保障体系，做好困难群众基本生活兜底保障，扩大境外人才引进。"
    passes("要做好困难群众基本生活托底保障[1]。", text)
    passes("要扩大海外人才引进[1]。", text)
    flags("要做好困难群众基本生活兜底保障，缩小境外人才引进[1]。", text, "缩小")


def test_who_does_it_or_by_what_means_slipped_into_a_clause_is_caught():
    text = "立足三地科技创新需求，打造集政策对接、投融资服务于一体的科技金融生态体系。"
    flags("立足三地科技创新需求，联合头部券商和高校打造科技金融生态体系[1]。", text, "券商")
    flags("立足三地科技创新需求，通过专项债支持打造科技金融生态体系[1]。", text, "专项债")
    passes("立足三地科技创新需求，打造科技金融生态体系[1]。", text)
    # after a connective, or in place of an adverb of the passage (深入实施 → 通过……支持实施)
    flags(
        "立足三地需求，并通过专项债支持打造集政策对接、投融资服务于一体的科技金融生态体系[1]。",
        text,
        "专项债",
    )
    copied = "要扩范围、降门槛，深入实施制造业重大技术改造升级和大规模设备更新工程。"
    flags("要扩范围、降门槛，通过专项债资金支持实施制造业重大技术改造升级和大规模设备更新工程[1]。", copied, "专项债")  # fmt: skip
    passes("全市能耗由升转降，下降了1.2%[1]。", "全市能耗由上升转为下降，下降了1.2%。")
    # another deed inserted before the passage's
    founded = (
        "2009年8月台风侵袭沿海，造成多年来最惨重的水灾，张某因而于2009年12月28日成立了公益基金会。"
    )
    flags("台风过后，张某于2009年12月28日捐出个人积蓄成立了公益基金会[1]。", founded, "积蓄")
    passes("台风过后，张某于2009年12月28日成立了公益基金会[1]。", founded)
    # a common word summing up what the passage lists is no new actor
    passes(
        "医院起源于1892年由外国基督教会在成都创建的诊所[1]。",
        "医院起源于由美国、英国、加拿大等国的基督教会1892年在成都创建的诊所。",
    )


@pytest.mark.parametrize(
    ("text", "wrong", "naming", "right"),
    [
        pytest.param(  # 作者 is whoever wrote the cited text; 专家 someone the passage must name
            "创新生态关系到科技创新的积极性、主动性与创造性，全社会要大力营造鼓励创新的良好氛围。",
            "专家认为，创新生态关系到科技创新的积极性、主动性与创造性[1]。",
            "专家",
            "作者认为，创新生态关系到科技创新的积极性、主动性与创造性[1]。",
            id="writer-of-the-text",
        ),
        pytest.param(  # a name joined by · starts at its own first word, not at 元老
            "马克·茨柏克沃斯基是微软公司的元老之一，2006年6月从微软退休。",
            "微软元老马克·沃尔夫于2006年6月退休[1]。",
            "马克·沃尔夫",
            "微软元老马克·茨柏克沃斯基于2006年6月退休[1]。",
            id="foreign-name-start",
        ),
        pytest.param(  # each item of the passage's list read on its own
            "推动金融机构减少收费，让市场主体感受到融资便利度提升、综合融资成本实实在在下降。",
            "推动金融机构减少收费，但综合融资成本将有所上升[1]。",
            "上升",
            "推动金融机构减少收费，综合融资成本实实在在下降[1]。",
            id="direction-in-a-list-item",
        ),
        pytest.param(  # a rise where the passage keeps it steady, the clauses unaligned
            "推进产业基础高级化、产业链现代化，保持制造业比重基本稳定，改造提升传统产业。",
            "推进产业基础高级化、产业链现代化，并大幅提高制造业比重[1]。",
            "原文未变",
            "推进产业基础高级化、产业链现代化，保持制造业比重基本稳定[1]。",
            id="rise-where-it-stays",
        ),
        pytest.param(  # what both starts and both ends open with (重) is no part of the turn
            "改革科技管理制度，科研项目绩效评价要加快从重过程向重结果转变。",
            "科研项目绩效评价要加快从重结果向重过程转变[1]。",
            "方向相反",
            "科研项目绩效评价要加快从重过程向重结果转变[1]。",
            id="turn-with-a-shared-opening",
        ),
        pytest.param(  # a noun from outside, in a clause too short to align without it
            "全面推开公立医院综合改革，全部取消药品加成，协调推进医疗价格改革。",
            "全面推开公立医院综合改革，全部取消医用耗材加成[1]。",
            "医用耗材",
            "全面推开公立医院综合改革，全部取消药品加成[1]。",
            id="noun-from-outside",
        ),
        pytest.param(  # the clauses share too little to align; the pair still turns it
            "1990年代以来，该区开设了许多咖啡馆。该区人口的峰值出现在1860年区划调整以前。",
            "该区的人口在1860年区划调整之后才达到峰值[1]。",
            "之后",
            "该区的人口在1860年区划调整以前就已达到峰值[1]。",
            id="opposites-unaligned",
        ),
        pytest.param(
            "稳步推进城市群、都市圈建设。推进成渝地区双城经济圈建设。严控撤县建市设区。",
            "报告提出推进长株潭地区城市群建设[1]。",
            "长株潭",
            "报告提出推进成渝地区双城经济圈建设[1]。",
            id="city-cluster",
        ),
        pytest.param(  # 机关事业单位 and 企业 share 业
            "城乡低保标准分别提高13.1%和17.7%，企业退休人员基本养老金水平提高10%。",
            "机关事业单位退休人员基本养老金水平提高10%[1]。",
            "机关事业单位",
            "企业退休人员基本养老金水平提高10%[1]。",
            id="qualifier-sharing-a-character",
        ),
        pytest.param(  # 一关了之 is no dictionary word: the item is read from the passage
            "对需要达标整改的给予合理过渡期，避免处置措施简单粗暴、一关了之。",
            "对问题突出的企业可以一关了之[1]。",
            "一关了之",
            "对需要达标整改的企业给予合理过渡期，避免一关了之[1]。",
            id="forbidden-item",
        ),
        pytest.param(
            "要突出比较优势和因地制宜，防止一哄而上、泡沫化，选择细分赛道布局。",
            "各地布局未来产业应选择细分赛道，不必担心一哄而上和泡沫化[1]。",
            "一哄而上",
            "要突出比较优势和因地制宜，防止一哄而上[1]。",
            id="no-need-to-worry",
        ),
    ],
)
def test_a_slip_is_caught_and_the_faithful_restatement_passes(text, wrong, naming, right):
    flags(wrong, text, naming)
    passes(right, text)


def test_a_synonym_of_the_passages_word_supports_a_sentence():
    """A word of the same synonym group (托底 for 兜底) counts as said by the passage."""
    from assistant.answer.verify import support

    sentence = "坚持托底保障民生，加强财政投入[1]。"
    assert support(sentence, ["坚持兜底保障民生，加强财政投入。"]) == 1.0
    assert support(sentence, ["坚持保障民生，加强财政投入。"]) < 1.0


def test_a_figure_pins_down_which_fact_a_direction_word_is_about():
    """A clause's figure is read against the passage piece stating it, in other words and past
    a bracket holding a comma (7，000): 减少了80万吨 is the passage's 降低了80万吨, not the 增加 of
    another figure; the other way round it is caught."""
    text = (
        "2019年全州钢产量比上年增加150万吨，而能耗总量（按每公斤7，000大卡的标准煤计算），"
        "比上年降低了80万吨。"
    )
    caught(
        "2019年全州能耗总量比上年增加了80万吨[1]。",
        "2019年全州能耗总量（按标准煤计算）比上年减少了80万吨，钢产量却增加了150万吨[1]。",
        text,
        "增加",
    )


def test_a_count_with_its_measure_word_is_a_figure_in_any_script():
    text = "著有《山居集》十六卷、《杂记》四卷、《诗话》二卷等。"
    caught(
        "著有《山居集》16卷、《杂记》5卷等[1]。",
        "著有《山居集》16卷、《杂记》4卷等[1]。",
        text,
        "5",
    )


def test_a_part_of_a_title_the_passage_holds_whole_is_no_term_exchanged():
    text = "最早提到该佛的汉语佛经是公元147年译成汉语的《妙喜佛国经》，这部经也是已知最古老的净土经典。"
    passes("《妙喜佛国经》于公元147年译成汉语，是最早提到该佛的汉语佛经[1]。", text)


def test_an_ordinal_is_a_rank_not_an_organisation():
    text = "本剧也是全州电视史上首部自制的战争单元剧。"
    caught(
        "本剧是全州电视史上第二部自制的战争单元剧[1]。",
        "本剧是全州电视史上第一部自制的战争单元剧[1]。",
        text,
        "第2",
    )


def test_a_sentence_quoted_as_written_passes_whatever_other_clauses_share_its_figures():
    """Quoted as written, a clause is its own source — not a clause of the same year that the
    figure-first alignment would pick (1998年和1999年……一共效力)."""
    text = (
        "他曾效力于多家球会。1998年赛季中期，当时正效力于河源队的陈某随前主帅来到中国。"
        "1998年和1999年，陈某在海港队一共效力了一个半赛季，攻入29球。"
        "2009年4月之前，该郡是34个非都市郡之一。2009年4月，该郡保有名誉郡，废除了非都市郡，"
        "改制为4个单一管理区。"
    )
    passes("1998年赛季中期，当时正效力于河源队的陈某随前主帅来到中国[1]。", text)
    passes("2009年4月，该郡保有名誉郡，废除了非都市郡，改制为4个单一管理区[1]。", text)


def test_a_clause_found_inside_a_negated_one_is_not_quoted_as_written():
    """As written means from one clause mark to another: 以新建名义重复建设 inside the passage's
    严禁以新建名义重复建设 drops the prohibition."""
    caught(
        "以新建名义重复建设，防止一哄而上[1]。",
        "严禁以新建名义重复建设，防止一哄而上[1]。",
        TEXT,
        "否定",
    )


def test_a_difference_stated_the_other_way_is_caught():
    """The figure pins down which difference it is: 低0.3个百分点 where the passage says 高, 快0.14秒
    where it says 慢 — single-character measures no direction word list holds."""
    text = "全州研发投入强度比上年高0.3个百分点。接力队的成绩只比原纪录慢0.14秒。"
    caught(
        "全州研发投入强度比上年低0.3个百分点[1]。",
        "全州研发投入强度比上年高0.3个百分点[1]。",
        text,
        "低0.3",
    )
    flags("接力队的成绩比原纪录还快0.14秒[1]。", text, "快0.14")
    # what it is compared with between the measure and the figure (大于“甲种”约40%)
    text = "乙种体长约13米，大于“甲种”约40%。"
    caught(
        "乙种体长约13米，比甲种小约40%[1]。", "乙种体长约13米，比甲种大约40%[1]。", text, "小约40"
    )


def test_a_person_jieba_guessed_whole_must_be_in_the_passage():
    """A three-character name jieba tags a person but has in no dictionary (郑嘉昀) is held
    against the passage; one that begins inside a passage word (紫叶|黄蝉性) is a cut, not a
    name."""
    text = "该片于1985年上映，主题曲由邱慧珊原唱，郑嘉昀作曲。紫叶黄蝉是一种灌木，性喜高温多湿。"
    caught(
        "该片主题曲由邱慧珊原唱，罗绍麟作曲[1]。",
        "该片主题曲由邱慧珊原唱，郑嘉昀作曲[1]。",
        text,
        "罗绍麟",
    )
    passes("紫叶黄蝉性喜高温多湿[1]。", text)


def test_a_fall_the_passage_does_not_state_is_caught():
    """压减/放缓 where the passage clause has no word of falling, no negator and no word of
    staying: it says the thing grows or goes on; a fall restating a fall in other words passes."""
    text = "在确保安全的前提下积极有序发展风电。全市工业增加值增长目标略微调低。"
    caught(
        "在确保安全的前提下逐步压减风电规模[1]。",
        "在确保安全的前提下积极有序发展风电[1]。",
        text,
        "压减",
    )
    passes("全市工业增加值增长目标稍作下调[1]。", text)
    # a fall put in beside the passage's verb, not in its place
    grow = "要以提升创新能力为核心，全面规划、更大力度推动战略性新兴产业融合集群发展，重点打造新材料产业集群。"
    flags("要以稳妥节奏、适度放缓推进战略性新兴产业融合集群发展，重点打造新材料产业集群[1]。", grow, "放缓")  # fmt: skip
    passes("要全面规划、更大力度推动战略性新兴产业融合集群发展，重点打造新材料产业集群[1]。", grow)  # fmt: skip


def test_a_word_of_size_is_no_fall():
    """较小 describes (体型较小的成员 for 体型细小的成员); it does not say something fell."""
    text = "黑背鸢是鹰科中体型细小的成员，常被当作猛禽研究的对象。"
    said = check("黑背鸢是鹰科里体型较小的成员，常被当作猛禽研究的对象[1]。", passage(text))
    assert not any("原文未说" in i for i in said.issues), said


def test_a_negator_of_the_next_passage_clause_is_not_the_restated_ones():
    """……压减一般性支出，决不允许……: the clause restated ends at the comma; 不突破 and 不超过
    bound a figure, they negate nothing."""
    text = (
        "各部门要带头，一律按不低于5%的幅度压减一般性支出，决不允许突破。建设性赤字不突破年初规模。"
    )
    passes("各部门还要带头按不低于5%的幅度压减一般性支出[1]。", text)
    passes("建设性赤字也不超过年初规模[1]。", text)
    flags("各部门不必按不低于5%的幅度压减一般性支出[1]。", text, "否定")


def test_an_exception_the_passage_does_not_make_is_caught():
    """……，但书画展不在减免之列: no passage clause about 书画展 negates anything; an exception
    the passage does make passes."""
    text = "市里对话剧、曲艺等5类演出，包括书画展，减免场租一年。夜间集市不享受减免。"
    caught(
        "市里对话剧、曲艺等5类演出减免场租一年，但书画展不在减免之列[1]。",
        "市里对话剧、曲艺等5类演出减免场租一年，但夜间集市不享受减免[1]。",
        text,
        "书画展",
    )


def test_a_word_of_the_same_synonym_group_is_no_exchanged_term():
    """江边 for the passage's 江畔 says the same place in other words."""
    passes(
        "青石洞坐落在临江县江口镇的青石江边，离县城20公里[1]。",
        "青石洞位于临江县江口镇的青石江畔，距县城20公里。",
    )


def test_a_clause_in_words_of_the_passages_synonym_groups_is_no_added_fact():
    """给钱补贴 for 给予资助: words of the passage's synonym groups, not new ones."""
    passes(
        "全市去年引进高层次人才120名，并给钱补贴入选团队[1]。",
        "全市去年引进高层次人才120名，并对入选团队给予资助。",
    )


def test_words_pointing_back_to_the_passage_are_no_added_fact():
    """次年 for the year after the one just named, 两者 for the two just named: they point back,
    they add nothing; a clause of new things said with them is still doubted."""
    text = "该馆于1993年动工兴建，1994年对公众开放，馆内藏有古籍三万册。"
    passes("该馆1993年动工兴建，次年向市民开放[1]。", text)
    added = check(
        "该馆1993年动工兴建，藏有古籍三万册，次年起举办国际书展和读书节[1]。", passage(text)
    )
    assert added.status != "supported" and "国际书展" in " ".join(added.issues), added


def test_a_code_for_a_latin_name_the_passage_spells_out_is_that_name():
    """PS3 for PlayStation 3; PS4, or another name, is still not the passage's."""
    text = "该游戏的PlayStation 3版于2009年推出，另有Windows版。"
    passes("该游戏的PS3版于2009年推出[1]。", text)
    flags("该游戏的PS4版于2009年推出[1]。", text, "PS4")


def test_a_reworded_sentence_with_nothing_to_turn_round_needs_less_of_the_wording():
    """Two thirds of the passage's wording will do when the sentence has no negator and no word of
    rising or falling — its names, figures and clauses are checked one by one; with one (增加),
    no more of it leaves it `weak`."""
    text = (
        "巡河使，古代职官名，自宋代开始设置。巡河使是州一级的重要官吏，平时由知州派出巡视州内"
        "各段河堤是否牢固，掌管州内渡口，还可以查验船货，检核私盐。"
    )
    cited = Passage(1, Chunk("h#1", "h", text, "巡河使"), 1.0)
    plain = check(
        "巡河使乃宋代起设置的州级重要官吏，负责巡查州内河堤是否牢固，并掌管州内各处渡口，"
        "还能查验船只货物、检核私盐[1]。",
        cited,
    )
    assert plain.status == "supported" and plain.support < 0.7, plain
    turned = check(
        "巡河使是自宋代设置的州级重要官吏，负责巡查州内河堤是否牢固，并增加州内渡口[1]。", cited
    )
    assert turned.status == "weak" and turned.support <= plain.support, turned


def test_the_third_time_and_a_rise_said_another_way_are_the_passages():
    """第三次出任 is 3度接任; 升至 is 上升到 and 增长幅度 is 增幅 — the fourth time is not."""
    text = "2008年，某馆长3度接任代理馆长。全省出口从全国第六位上升到第四位，增幅仍然偏高。"
    passes("2008年，某馆长第三次出任代理馆长[1]。", text)
    flags("2008年，某馆长第四次出任代理馆长[1]。", text, "第4")
    passes("全省出口在全国的排名由第六位升至第四位，增长幅度依旧偏高[1]。", text)


def test_a_short_clause_added_after_the_first_is_doubted():
    """……，但孕妇禁用: its words are nowhere in the passage, however short the clause; a short
    first clause saying who reports it is no added fact."""
    text = "据学院植物药库称，某藤临床用作免疫抑制剂，但其有大毒，应须谨慎使用。"
    added = check("学院植物药库称某藤可用作免疫抑制剂，但孕妇禁用[1]。", passage(text))
    assert added.status == "weak" and "孕妇禁用" in added.issues[0], added
    passes("据称，某藤临床用作免疫抑制剂[1]。", text)


def test_a_statement_moved_to_another_place_the_passage_names_is_caught():
    """The passage says it of 中部地区 and names 东部地区 in its next sentence: said of 东部地区,
    every name and word is in the passage, and it is still wrong."""
    text = "中部地区，重点是加强粮食主产区生产能力建设。东部地区，重点是推进产业结构优化升级。"
    caught(
        "东部地区的重点是加强粮食主产区生产能力建设[1]。",
        "中部地区的重点是加强粮食主产区生产能力建设[1]。",
        text,
        "中部地区",
    )
    # the text's own region need not be repeated where the passage names a partner
    passes("甘肃推动与四川共建物流通道[1]。", "推动与四川共建物流通道。甘肃还将扩大开放。")
    passes("甘肃推动共建物流通道[1]。", "推动与四川共建物流通道。甘肃还将扩大开放。")


def test_a_count_the_passage_gives_its_thing_otherwise_is_caught():
    """30个目标 for the passage's 20个目标: 30 is in the passage too (30km), so only what is
    counted tells; a count written otherwise (二十个目标, 2.17亿吨) is the same count."""
    text = "该雷达有效距离30km，可同时追踪20个目标，距离精度±30m。全年运量为二亿一千七百万吨货物。"
    caught(
        "该雷达有效距离30km，可同时追踪30个目标[1]。",
        "该雷达有效距离30km，可同时追踪二十个目标[1]。",
        text,
        "30个目标",
    )
    passes("全年运量为2.17亿吨货物[1]。", text)


@pytest.mark.parametrize(
    ("right", "text"),
    [  # a count in older print: ３，０３６ with a full-width comma between thousands
        ("棉花产量达到3036万担[1]。", "棉花产量达到３，０３６万担，完成年度计划的１１７％。"),
        (  # a range's first figure counts too
            "大果西番莲的叶柄有4到6个腺体，叶子平滑[1]。",
            "大果西番莲的叶柄有四到六个腺体，叶子平滑。",
        ),
        (  # 最先 is 最早
            "阿若在五人之中最先开悟，得证阿罗汉，因此被称为阿若[1]。",
            "阿若在五人之中最早开悟，得证阿罗汉，因此被称为阿若。",
        ),
        ("重点建设取得新进展[1]。", "重点建设取得了新的进展，技术改造的步伐明显加快。"),
        (
            "被灾田地约2.3亿亩，受灾人口约7000万人[1]。",
            "被灾田地约二亿三千万亩，受灾人口约七千万人。",
        ),
        (
            "体育场可容纳6476名观众，西看台可容2234名球迷[1]。",
            "体育场可以容纳6,476名观众，西看台可容2,234名球迷。",
        ),
        (
            "木材在19世纪80年代曾被用来做盛牛油的盒子[1]。",
            "木材在1880年代时曾广泛用来做盛牛油的盒子。",
        ),
        (
            "六五计划规定，1985年工农业总产值要达到8710亿元[1]。",
            "第六个五年计划规定，一九八五年工农业总产值达到八千七百一十亿元。",
        ),
        (
            "事后中国足协再次对其作出了停赛5场的处罚[1]。",
            "事后中国足协再次对其作出了停赛五场的处罚。",
        ),
        ("长谷川町子是日本第一位女性专业漫画家[1]。", "长谷川町子是日本最初的女性专业漫画家。"),
        (
            "支出总数为766.4亿元，折合黄金7亿两以上[1]。",
            "支出总数为七百六十六亿四千万元，折合黄金七万万两以上。",
        ),
        (
            "扁掌龙亚科生存了将近2400万年[1]。",
            "扁掌龙亚科持续生存到马斯垂克阶末期，生存了近2,400万年。",
        ),
        (
            "我国年进出口总额由1655亿美元增加到3251亿美元[1]。",
            "我国年进出口总额由1 6 5 5 亿美元增加到3 2 5 1 亿美元。",
        ),
        (
            "阿尔坎塔拉是西班牙西部小城，距卡塞雷斯63千米[1]。",
            "阿尔坎塔拉是西班牙西部小城，距卡塞雷斯63千米。",
        ),
        (
            "平均每个公社有农业中学1.2所、学生约120人[1]。",
            "平均每个公社有农业中学一点二所、学生约一百二十人。",
        ),
        (
            "今年要再解决三千二百万农村人口的安全饮水问题[1]。",
            "今年要再解决3200万农村人口的安全饮水问题。",
        ),
        (
            "大溪高中由大汉国民中学改制，占地九千多坪[1]。",
            "大溪高中由大汉国民中学改制，占地9000余坪。",
        ),
        (
            "怡良被起复为福州将军，第二年转任两江总督[1]。",
            "怡良被起复任为福州将军，次年转任两江总督。",
        ),
        (
            "吕志兴仍然是一名兼职球员，在首个甲组赛季甚少上阵[1]。",
            "吕志兴仍然是一名兼职球员，在首季甲组赛事甚少上阵。",
        ),
        (  # 停播 is 停止播出
            "从1993年1月24日开始，《台视周日卡通》停止播出，原时段改为转播NBA比赛[1]。",
            "1993年1月24日起，《台视周日卡通》停播，原时段改为转播NBA赛事。",
        ),
        (  # the passage says it came first
            "海梅·雷耶斯是DC漫画公司的虚构人物，首次登场于《无限危机 #3》[1]。",
            "海梅·雷耶斯是DC漫画公司的一个虚拟人物。该人物首先出现于《无限危机 #3》。",
        ),
        (  # a modal verb says how, not what
            "误食会导致嘴唇红肿、口舌干燥，皮肤接触也可能红肿[1]。",
            "误食会引致嘴唇红肿、口舌干燥，皮肤触及可造成红肿现象。",
        ),
        (
            "每逢星期日公园成为杂货市集，吸引不少观光客来购物[1]。",
            "每逢星期日，都会成为杂货市集，吸引许多观光客来购物。",
        ),
        (
            "拥有全球97%以上核武器的两国应率先停止试验[1]。",
            "拥有世界核武器总量97%以上的两国应该率先停止试验。",
        ),
    ],
)
def test_a_figure_rank_or_term_said_another_way_is_supported(right, text):
    passes(right, text)


@pytest.mark.parametrize(
    ("wrong", "right", "naming"),
    [
        (  # the other of a pair the passage's word is one of
            "基于制度维度，市场引导下的生产组织模式变革为产业体系创新提供了支撑与保障[1]。",
            "基于制度维度，政府引导下的生产组织模式变革为产业体系创新提供了支撑与保障[1]。",
            "市场",
        ),
        (  # timing reversed
            "要暂缓布局前沿创新领域与未来产业，强化学科交叉融合[1]。",
            "要超前布局前沿创新领域与未来产业，强化学科交叉融合[1]。",
            "暂缓",
        ),
    ],
)
def test_a_counterpart_or_a_reversed_timing_is_caught(wrong, right, naming):
    text = (
        "基于制度维度,政府引导下的生产组织模式变革为产业体系创新提供了支撑与保障。"
        "超前布局前沿创新领域与未来产业,强化学科交叉融合、产业协同促进。"
    )
    caught(wrong, right, text, naming)


def test_having_read_past_a_quantity_is_caught_against_having_none():
    """有|少量|外债 against 无外债: what 有 takes is the noun after the quantity."""
    caught(
        "我国财政收支平衡，虽无内债但仍有少量外债，物价保持稳定[1]。",
        "我国财政收支平衡，既无内债也无外债，物价保持稳定[1]。",
        "我国财政收支平衡，既无外债，又无内债，物价稳定。",
        "外债",
    )


def test_a_contest_moved_to_another_is_caught():
    caught(
        "林丹曾在2006年夺得全英羽毛球公开赛男单冠军[1]。",
        "林丹曾在2006年夺得香港羽毛球公开赛男单冠军[1]。",
        "林丹曾于2006年夺得香港羽毛球公开赛男单冠军，是该赛事最杰出的选手。",
        "全英羽毛球公开赛",
    )


@pytest.mark.parametrize(
    ("wrong", "right", "text", "naming"),
    [
        (  # a prohibition turned into a permission
            "要严格限制工资基金开支范围，但允许用企业生产发展基金发放奖金[1]。",
            "要严格限制工资基金开支范围，不许用企业生产发展基金发放奖金[1]。",
            "严格限制工资基金开支的范围，不许挪用企业生产发展基金来发放奖金、补贴和实物。",
            "不许",
        ),
        (  # one section of a border for the other
            "它占领了中印边界西段麦克马洪线以南的九万平方公里中国领土[1]。",
            "它占领了中印边界东段麦克马洪线以南的九万平方公里中国领土[1]。",
            "它不仅占领了中印边界东段所谓麦克马洪线以南的九万平方公里的中国领土。",
            "西段",
        ),
        (  # 翻两番 counts too
            "本世纪末要实现国民生产总值翻三番、人民生活达到小康水平[1]。",
            "本世纪末要实现国民生产总值翻两番、人民生活达到小康水平[1]。",
            "为在本世纪末实现国民生产总值翻两番、人民生活达到小康水平打下牢固的基础。",
            "三番",
        ),
    ],
)
def test_a_permission_a_section_or_a_count_of_doublings_changed_is_caught(
    wrong, right, text, naming
):
    caught(wrong, right, text, naming)


def test_two_things_each_said_with_what_the_passage_says_of_the_other_are_caught():
    """Each clause matches one of the passage's and every word and figure is there; only the
    pairing shows that the two things took each other's figure, measure or fate."""
    text = "今年全省小麦将增产百分之十二点五，玉米将增产百分之二十点四。"
    caught(
        "今年全省玉米将增产12.5%，小麦将增产20.4%[1]。",
        "今年全省小麦将增产12.5%，玉米将增产20.4%[1]。",
        text,
        "互换",
    )
    text = "该县对城镇居民实行定额补贴，对农村居民实行全额补助。"
    caught(
        "该县对城镇居民实行全额补助，对农村居民实行定额补贴[1]。",
        "该县对农村居民实行全额补助，对城镇居民实行定额补贴[1]。",
        text,
        "互换",
    )
    # 以及 joins two statements as a comma would
    text = "几种果实都可食用，如金橘被当作「水柠檬」以及柚子被当作西印度群岛的「甜葫芦」。"
    caught(
        "例如柚子被称作「水柠檬」，金橘则被当作西印度群岛的「甜葫芦」[1]。",
        "例如金橘被称作「水柠檬」，柚子则被当作西印度群岛的「甜葫芦」[1]。",
        text,
        "互换",
    )
    # two things named together in the passage, then each with its own: said of both, no swap
    passes(
        "小麦和玉米均增产，其中小麦增产12.5%[1]。",
        "小麦和玉米都实现增产，小麦增产百分之十二点五，玉米增产百分之二十点四。",
    )


def test_a_move_from_one_place_to_another_stated_the_other_way_round_is_caught():
    """从甲迁到乙 restated as 从乙迁到甲: every word is there, only the way is reversed."""
    text = "1952年院系调整时，该校图书馆从老城区的钟楼一侧迁到了新校区的湖畔。"
    caught(
        "1952年院系调整时，该校图书馆从新校区的湖畔迁到了老城区的钟楼一侧[1]。",
        "1952年院系调整时，该校图书馆从老城区的钟楼一侧迁到新校区的湖畔[1]。",
        text,
        "方向相反",
    )


@pytest.mark.parametrize(
    ("wrong", "right", "text", "naming"),
    [
        (  # a bare predicate clause carries its negation: 不能有丝毫放松 is no 可以放松
            "报告指出该项工作成绩还不够巩固，工作可以适当放松[1]。",
            "报告指出该项工作成绩还不够巩固，丝毫不能放松[1]。",
            "该项工作已经取得很大成绩，但有些成绩还不够巩固，不能有丝毫放松。",
            "放松",
        ),
        (  # … and the other way: 从未中断 where the passage says 曾数度中断 (中断 tagged a place)
            "该漫画后来转到晚报上刊登，期间从未中断，一直连载到1974年[1]。",
            "该漫画后来转到晚报上刊登，期间几度中断，一直连载到1974年[1]。",
            "其后该漫画转到晚报上刊登，期间曾数度中断，连载一直持续到1974年为止。",
            "中断",
        ),
        (  # a noun right after the negator is its verb: 不裁员
            "企业通过灵活用工等办法稳定岗位，必要时适当裁员[1]。",
            "企业通过灵活用工等办法稳定岗位，尽量不裁员[1]。",
            "鼓励困难企业与职工协商，采取灵活用工、弹性工时等办法，尽量不裁员。",
            "裁员",
        ),
        (
            "要推行设备共享，延长成果从样机到量产的周期[1]。",
            "要推行设备共享，缩短成果从样机到量产的周期[1]。",
            "要实行设备共享、数据互认，缩短成果从样机到量产的周期。",
            "延长",
        ),
        (
            "他因伤病再次休养一年，但仍入选了国家队最终名单[1]。",
            "他因伤病再次休养一年，无缘国家队最终名单[1]。",
            "他因伤病被迫再次休养一年，无缘国家队的最终名单。",
            "入选",
        ),
    ],
)
def test_a_bare_negated_predicate_or_a_pair_of_opposites_turned_round_is_caught(
    wrong, right, text, naming
):
    caught(wrong, right, text, naming)


def test_a_name_jieba_glued_to_the_day_before_it_is_the_same_name():
    """1960年5月17日|苏佩…: jieba guesses 日苏佩 as a name; the sentence's 苏佩维埃尔 is the same."""
    passes(
        "苏佩维埃尔于1960年5月17日在巴黎逝世，葬于比利牛斯山中的小镇[1]。",
        "1960年5月17日苏佩维埃尔在巴黎逝世，葬于比利牛斯山中的小镇。",
    )


def test_a_route_stated_the_other_way_round_in_other_words_is_caught():
    """The nouns before the turn are the passage's after it, and the reverse, whatever else the
    two say in other words (途径……到 for 经……飞往, the stops in another order)."""
    text = "该航班是一架由北河市途径东湖市和南岭市到西山市的客机。"
    caught(
        "该航班是一架由西山市经南岭市和东湖市飞往北河市的客机[1]。",
        "该航班是一架由北河市经南岭市和东湖市飞往西山市的客机[1]。",
        text,
        "方向相反",
    )


def test_a_small_numeral_changed_before_a_word_no_unit_list_has_is_caught():
    """六孔石桥 → 五孔石桥, 家康的七男 → 六男: 孔 and 男 are in no list of measure words, but the
    passage gives what follows them another count."""
    text = "城中有一座罗马时代的六孔石桥，建于104年。康忠收家康的七男松千代为养子。"
    caught(
        "城中有一座罗马时代的五孔石桥，建于104年[1]。",
        "城中有一座罗马时代的六孔石桥，建于104年[1]。",
        text,
        "五孔石桥",
    )
    flags("康忠收家康的六男松千代为养子[1]。", text, "六男松千")
    # a won-lost record turned round: each figure is in the passage, not for what it counts
    caught(
        "该队本赛季取得10胜6负[1]。",
        "该队本赛季取得6胜10负[1]。",
        "该队本赛季6胜10负，排名第二。",
        "10胜",
    )


def test_a_name_with_a_function_character_glued_to_its_end_is_the_passages_name():
    """…·维耶特|之子: jieba guesses 舍弗隆-维耶特之 as the name; without the 之 it is the passage's."""
    passes(
        "卡洛是费迪南多·玛利亚和妻子尚塔尔·德·舍弗隆-维耶特之子[1]。",
        "卡洛是费迪南多·玛利亚和妻子尚塔尔·德·舍弗隆-维耶特的儿子。",
    )


def test_a_share_exceeded_stated_as_a_shortfall_is_caught():
    """超过原定计划……的百分之十五点三 is 高15.3%, not 低15.3%; the figure pins down the difference."""
    text = "投资总额共为四百九十三亿元，超过原定计划四百二十七亿四千万元的百分之十五点三。"
    caught(
        "投资总额为493亿元，比原定计划的427.4亿元低15.3%[1]。",
        "投资总额为493亿元，比原定计划的427.4亿元高15.3%[1]。",
        text,
        "低15.3",
    )


def test_a_noun_the_passage_negates_once_and_states_elsewhere_is_no_contradiction():
    """没有翼尖小翼 in one clause, 加装翼尖小翼 in another: a sentence copying the second states
    what the passage states (the negated-noun rule reads 翼尖 as stated there too)."""
    text = "部分舰载机没有翼尖小翼。民航客机普遍加装翼尖小翼以节省燃油。"
    passes("民航客机普遍加装翼尖小翼以节省燃油[1]。", text)
    flags("部分舰载机也加装了翼尖小翼[1]。", "舰载机没有翼尖小翼，以便在甲板上停放。", "翼尖")
    # … and the noun must be a word of the sentence: 简化字 does not state 简化
    passes(
        "该国1976年后改用中国大陆的简化字[1]。",
        "该国汉字曾于1969年自行简化，1974年公布的总表收录了2248个简体字，以及10个中国尚未简化的"
        "字。1976年后则改用中国大陆的简化字。",
    )


def test_a_relation_whose_two_sides_change_places_is_caught():
    """甲决定乙 → 乙决定甲, 甲替代乙 → 乙替代甲, and a long 从甲……向乙 turned round."""
    text = (
        "区域创新能力在很大程度上决定了企业研发投入的强度，新型复合材料逐步替代了传统钢材。"
        "推动企业从粗放型、高能耗的增长方式向集约型、低能耗的增长方式转变。"
    )
    caught(
        "企业研发投入的强度在很大程度上决定了区域创新能力[1]。",
        "区域创新能力在很大程度上决定了企业研发投入的强度[1]。",
        text,
        "相反",
    )
    caught(
        "传统钢材逐步替代了新型复合材料[1]。", "新型复合材料逐步替代了传统钢材[1]。", text, "相反"
    )
    caught(
        "推动企业从集约型、低能耗的增长方式向粗放型、高能耗的增长方式转变[1]。",
        "推动企业从粗放型、高能耗的增长方式向集约型、低能耗的增长方式转变[1]。",
        text,
        "相反",
    )
    # 取决于 says what 决定于 does
    depends = "农业的增长速度在很大程度上决定于水利设施的建设速度。"
    caught(
        "水利设施的建设速度在很大程度上取决于农业的增长速度[1]。",
        "农业的增长速度在很大程度上取决于水利设施的建设速度[1]。",
        depends,
        "相反",
    )
    # … but not a relation the passages state both ways, copied as it stands
    both = "根据不同的研究，甲科比乙科原始，或是乙科比甲科原始。"
    passes("根据不同的研究，甲科比乙科原始，或是乙科比甲科原始[1]。", both)
    # 兼并, 牵头, and 比 however long what comes before it in the clause
    merged = "推动龙头企业兼并中小企业。其中大型水库比小型水库蓄水更多，由企业牵头与高校联合攻关。"
    caught("推动中小企业兼并龙头企业[1]。", "推动龙头企业兼并中小企业[1]。", merged, "相反")
    caught(
        "其中小型水库比大型水库蓄水更多[1]。", "其中大型水库比小型水库蓄水更多[1]。", merged, "相反"
    )
    caught("由高校牵头与企业联合攻关[1]。", "由企业牵头与高校联合攻关[1]。", merged, "相反")
    # 甲向乙: who turns to whom, whatever is done (发动战争, 输出技术)
    war = "18世纪时，甲国向乙国发动战争，史称某某战争。"
    caught(
        "18世纪乙国向甲国发动了史称某某战争的战事[1]。",
        "18世纪甲国向乙国发动了史称某某战争的战事[1]。",
        war,
        "相反",
    )
    # 甲转化为乙 turned round
    turn = "推动创新资源优势转化为高质量发展优势。"
    caught(
        "推动高质量发展优势转化为创新资源优势[1]。",
        "推动创新资源优势转化为高质量发展优势[1]。",
        turn,
        "相反",
    )


def test_a_multiple_turned_round_or_a_half_year_moved_is_caught():
    """甲是乙的3倍 → 乙是甲的3倍; 后半年 → 前半年; a figure spaced from its unit in the passage
    (39.8 万亿元, as a PDF gives it) is the same figure; 寿辰 says 生日."""
    text = (
        "新型号电池的容量几乎是上一代普通锂电池的3倍。"
        "该规定自2019年后半年起施行，地区生产总值达到39.8 万亿元。"
        "园区在创办人60岁生日那天对外开放。"
    )
    caught(
        "上一代普通锂电池的容量几乎是新型号电池的3倍[1]。",
        "新型号电池的容量几乎是上一代普通锂电池的3倍[1]。",
        text,
        "相反",
    )
    caught("该规定自2019年前半年起施行[1]。", "该规定自2019年后半年起施行[1]。", text, "前半年")
    maybe = "低分显示新生儿需要医护，但不一定表示将有长远问题。"
    caught("低分也必然表示将有长远问题[1]。", "低分不一定表示将有长远问题[1]。", maybe, "原文")
    passes("地区生产总值达到39.8万亿元[1]。", text)
    passes("园区在创办人60岁寿辰当天对外开放[1]。", text)


def test_a_statement_moved_to_another_of_the_passages_dates_is_caught():
    """2002年至2004年任省长 where the passage has 1998年至2001年任省长 and 2002年至2004年任议会委员;
    a date spelled otherwise (一九九八年) or said from the story (当年) is the same date."""
    text = "1998年至2001年任埃纳省省长，2002年至2004年任埃纳省议会委员。一九九五年当选市长。"
    caught(
        "他2002年至2004年任埃纳省省长[1]。",
        "他1998年至2001年任埃纳省省长[1]。",
        text,
        "原文此事在",
    )
    passes("他1995年当选市长[1]。", text)
    # what a passage says now and before a date, exchanged; a story's 当年 may be any year
    now = "在2006年7月前是由甲公司负责发行，现在是由乙公司负责发行。"
    flags("2006年7月以前由乙公司负责发行，现在则改由甲公司负责[1]。", now, "不符")
    passes(
        "该队1979年选中他，但当年并没有与他签约[1]。", "该队于1979年选中他，但当年没有与他签约。"
    )
    # 同年 is the year the sentence said last
    story = "2012年初，他获得赴意大利试训的机会。他于2013年在预备队联赛中攻入14球。"
    caught(
        "他在2012年初获得赴意大利试训的机会，同年在预备队联赛中攻入14球[1]。",
        "他在2012年初获得赴意大利试训的机会，次年在预备队联赛中攻入14球[1]。",
        story,
        "原文此事在",
    )


def test_a_date_governs_the_clauses_after_it():
    """于一月经董事会通过，确定了B的安排 where the passage settles B at its 四月初 (the 通过
    clause alone is said at both dates); a date compared with (比2009年) or a span (上一年)
    starts no statement."""
    text = (
        "公司于二〇一五年一月经董事会通过，确定了代理总经理和主持日常工作的"
        "人事安排；四月初又经董事会通过，确定了海外事业部总裁的人事安排。"
    )
    caught(
        "公司于2015年1月经董事会通过，确定了海外事业部总裁的人事安排[1]。",
        "公司于2015年1月经董事会通过，确定了代理总经理和主持日常工作的人事安排[1]。",
        text,
        "原文此事在4月初",
    )
    # a part of the year the passage never says, holding none of its months (年中 for 9月份后)
    turned = "9月份后，外部形势急转直下，我们及时把调控重点转到稳定增长上来，加大财政支出力度。"
    caught(
        "年中，面对外部形势急转直下，政府及时把调控重点转到稳定增长上来，加大财政支出力度[1]。",
        "9月份后，面对外部形势急转直下，政府及时把调控重点转到稳定增长上来，加大财政支出力度[1]。",
        turned,
        "原文此事在9月份",
    )
    passes(
        "下半年，面对外部形势急转直下，政府及时把调控重点转到稳定增长上来，加大财政支出力度[1]。",
        turned,
    )
    based = "新标准定为人均收入2300元（2010年不变价），比2009年提高92％，把更多人口纳入范围。"
    passes(
        "新标准比2009年提高92％，定为人均收入2300元（2010年不变价），把更多人口纳入范围[1]。", based
    )
    passes(
        "上一年，物价涨幅原定降到10%左右，实际回落到6.1%[1]。",
        "去年物价涨幅要降到10%左右，实际回落到6.1%。",
    )


def test_an_item_moved_from_one_list_of_the_passage_into_another_is_caught():
    """培育量子通信、类脑芯片等新方向 → 培育新型储能、类脑芯片等新方向 (新型储能 is a 新增长点 of the
    passage), or 航空装备 added to the 新方向: each list keeps its own items."""
    text = "打造生物制药、航空装备、新型储能等新增长点；培育量子通信、类脑芯片、深海探测等新方向。"
    caught(
        "要培育新型储能、类脑芯片、深海探测等新方向[1]。",
        "要培育量子通信、类脑芯片、深海探测等新方向[1]。",
        text,
        "另一组",
    )
    flags("要培育航空装备、量子通信、类脑芯片、深海探测等新方向[1]。", text, "另一组")


def test_two_counterparts_said_of_each_others_term_are_caught():
    """东部联盟冠军甲队 and 西部联盟冠军乙队 → 西部联盟冠军甲队 ……东部联盟冠军乙队: every word and
    the characters around each team are the passage's."""
    text = "总决赛由东部联盟冠军波士顿队对阵西部联盟冠军洛杉矶队。"
    caught(
        "总决赛由西部联盟冠军波士顿队对阵东部联盟冠军洛杉矶队[1]。",
        "总决赛由东部联盟冠军波士顿队对阵西部联盟冠军洛杉矶队[1]。",
        text,
        "不是",
    )


def test_will_not_have_is_the_passages_has_not():
    """不会有身影 says the passage's 没有身影; 会有身影 says the opposite."""
    text = "每年夏至正午，太阳直射塔顶的球孔，此时站在塔底下的人也没有身影。"
    caught(
        "夏至正午站在塔底下的人会有身影[1]。",
        "夏至正午站在塔底下的人也不会有身影[1]。",
        text,
        "身影",
    )


def test_all_around_is_no_count_of_weeks():
    """四周有石墙环绕 counts nothing; 四周后 and 为期四周 still count weeks."""
    passes(
        "别墅庭院四周有低矮的石墙环绕，占地近5000平方米[1]。",
        "别墅庭院占地近5000平方米，低矮的石墙环绕。",
    )
    text = "培训为期四周，四周后考核。"
    flags("培训五周后考核[1]。", text, "五周")
    passes("培训为期四周[1]。", text)


def test_a_name_something_is_also_called_by_negates_nothing():
    """又名不动佛、无动佛: names, whatever characters they hold; dropping one denies nothing."""
    text = "该佛又名不动佛、无动佛，是五方如来之中的东方佛。这种玩具俗称不倒翁，推了不会倒下。"
    passes("又名不动佛的该佛是五方如来中的东方佛[1]。", text)
    flags("这种玩具俗称不倒翁，推了会倒下[1]。", text, "倒下")


def test_what_is_still_to_be_done_said_to_be_done_is_caught():
    """亟待突破 leaves it to be done: 已基本突破 says it is done, 急需突破 does not."""
    text = "当前核心技术问题凸显，基础研究“两头在外”的局面亟待突破。"
    caught(
        "基础研究“两头在外”的局面已基本突破[1]。",
        "基础研究“两头在外”的局面急需突破[1]。",
        text,
        "亟待突破",
    )
    # 接近完成 is not 全部完成; 基本完成 said as written is
    nearly = "精简整编、减少员额五十万的任务接近完成，乡镇撤并基本完成。"
    caught(
        "减少员额五十万的任务已经全部完成[1]。",
        "减少员额五十万的任务接近完成[1]。",
        nearly,
        "接近完成",
    )
    passes("乡镇撤并已基本完成[1]。", nearly)
    # 开始改变 is not 彻底改变; 要按期完成 is not 已经按期完成; 绝大部分企业 are not 所有企业
    began = "各类科技型企业不断涌现，开始改变了单一由国家办科研的局面。"
    caught(
        "科技型企业不断涌现，彻底改变了单一由国家办科研的局面[1]。",
        "科技型企业不断涌现，开始改变单一由国家办科研的局面[1]。",
        began,
        "开始改变",
    )
    planned = "要按期完成三年内裁减员额五十万的任务。"
    caught(
        "三年内裁减员额五十万的任务已经按期完成[1]。",
        "要按期完成三年内裁减员额五十万的任务[1]。",
        planned,
        "要按期完成",
    )
    most = "到目前为止，绝大部分国营工业企业实行了经营责任制。"
    caught(
        "到目前为止，所有国营工业企业都实行了经营责任制[1]。",
        "到目前为止，绝大部分国营工业企业实行了经营责任制[1]。",
        most,
        "绝大部分",
    )
    # 在适当时候开工 puts the start off: 已经开工 is not it
    later = "该水利枢纽工程已经人大会议批准，要做好移民工作，积极创造条件，在适当时候开工。"
    caught(
        "该水利枢纽工程经人大会议批准后已经开工建设[1]。",
        "该水利枢纽工程已经人大会议批准，将在适当时候开工[1]。",
        later,
        "在适当时候开工",
    )
    # … but a passage saying both (要求全体教师参与……引起部分教师不满) may be copied as written
    both = "该校要求全体教师参与游行，引起部分教师不满。"
    passes("该校要求全体教师参与游行，引起部分教师不满[1]。", both)


def test_what_a_passage_leaves_out_or_says_of_some_only_is_caught():
    """除甲外……都增加 does not say 包括甲在内……都增加; 只招收甲 does not say 除甲外也招收乙."""
    crops = "除棉花和糖料减产外，主要农产品产量都有显著增加。"
    caught(
        "包括棉花和糖料在内的主要农产品产量都有显著增加[1]。",
        "除棉花和糖料外，主要农产品产量都有显著增加[1]。",
        crops,
        "除外",
    )
    school = "该校是一所直资高中，只招收中四或以上学生。"
    caught(
        "该校除中四或以上学生外也招收初中学生[1]。",
        "该校只招收中四或以上学生[1]。",
        school,
        "并无其他",
    )
    # 只在平日早上 is not 不仅在平日早上; a passage's own 不只 says no “only”
    bus = "这条小巴线只在平日早上提供服务，以辅助两条干线。"
    caught(
        "这条小巴线不仅在平日早上、在其他时段也提供服务[1]。",
        "这条小巴线只在平日早上提供服务[1]。",
        bus,
        "并无其他",
    )
    passes(
        "风险不只取决于参数个数，也跟模型结构有关[1]。",
        "风险不只取决于参数个数，也跟模型结构有关。",
    )


def test_two_figures_given_each_others_words_are_caught():
    """建交……135个，有经济贸易关系……178个: each figure goes with its own words, verbs or not."""
    text = "现在，同我国建交的国家已经达到135个，有经济贸易关系的国家和地区178个。"
    caught(
        "同我国建交的国家已达178个，有经济贸易关系的国家和地区则有135个[1]。",
        "同我国建交的国家已达135个，有经济贸易关系的国家和地区则有178个[1]。",
        text,
        "建交",
    )


def test_two_items_of_a_short_list_crossed_over_are_caught():
    """工业学大庆、农业学大寨: each item of a short list pairs its own two things; the list in
    another order is no crossing."""
    text = "深入开展工业学大庆、农业学大寨的群众运动。"
    caught(
        "深入开展工业学大寨、农业学大庆的群众运动[1]。",
        "深入开展农业学大寨、工业学大庆的群众运动[1]。",
        text,
        "大",
    )


def test_a_comparison_against_figures_said_before_their_things_is_caught():
    """12.3%的未成年人和6.4%的老年人: each figure goes with the thing after it."""
    text = "10.3%的人口生活在贫困线以下，其中包括12.3%的未成年人和6.4%的老年人。"
    flags("贫困线以下人口中，老年人的比例高于未成年人[1]。", text, "老年人6.4%")
    assert "老年人6.4%" not in " ".join(
        check("贫困线以下人口中，老年人的比例低于未成年人[1]。", passage(text)).issues
    )


def test_a_comparison_whose_subject_stands_in_a_clause_of_its_own_turned_round_is_caught():
    """AGG01是一种蛋白质，……比青霉素有效: the passage's relation is read from its sentence's start."""
    text = "AGG01是一种蛋白质，在实验中证实比青霉素有效100倍，可以杀死99%的细菌。"
    caught(
        "实验证实，青霉素比蛋白质AGG01有效100倍[1]。",
        "实验证实，蛋白质AGG01比青霉素有效100倍[1]。",
        text,
        "两边与原文相反",
    )


def test_an_easing_is_no_rise():
    """竞争压力上升 is not 有所缓解; 缓解 and 缓和 say the same."""
    caught(
        "随着进入者增多，业内竞争压力有所缓解[1]。",
        "随着进入者增多，业内竞争压力有所上升[1]。",
        "随着市场进入者的增多，业内竞争压力上升。",
        "缓解",
    )
    passes("逐步缓解城市住房的紧张状况[1]。", "逐步缓和城市住房的紧张状况。")


def test_more_than_a_figure_is_that_figure_and_only_one_is_the_only_one():
    """2000多亿元 is more than 2000亿 (超过2000亿元), not 2000 and 亿; 只有他 makes him 唯一."""
    text = "洪涝灾害直接经济损失2000多亿元。"
    passes("洪涝灾害直接经济损失超过2000亿元[1]。", text)
    flags("洪涝灾害直接经济损失超过3000亿元[1]。", text, "3000")
    passes("排位赛时唯有他使用中性胎[1]。", "排位赛时只有他使用中性胎。")
    passes("排位赛时他唯一使用中性胎[1]。", "排位赛时只有他使用中性胎。")
    flags("排位赛时他唯一使用中性胎[1]。", "排位赛时他使用中性胎。", "唯一")


def test_a_negating_character_in_a_name_written_as_the_passage_writes_it_denies_nothing():
    """耶律厮不: the passage's name, whatever its segmentation; 并不 before a verb still denies."""
    text = "1216年，东辽王耶律留哥的弟弟耶律厮不杀死了蒙古三百使者，在澄州称帝。"
    passes("1216年，耶律留哥之弟耶律厮不在澄州称帝[1]。", text)
    flags("1216年，耶律留哥之弟耶律厮不并未在澄州称帝[1]。", text, "否定")


def test_who_was_done_to_by_whom_turned_round_is_caught():
    """福信被扶余丰所诛: the sides of 被……所 may not change places; the same sides pass."""
    text = "但旋即陷入内哄当中，福信被扶余丰所诛，百济国不久亦覆亡。"
    caught(
        "但旋即陷入内哄当中，扶余丰被福信所诛[1]。",
        "但旋即陷入内哄当中，福信被扶余丰所诛[1]。",
        text,
        "两边与原文相反",
    )


def test_the_one_done_to_made_the_doer_is_caught():
    """甲被乙驱逐 is not 甲驱逐了乙; 乙驱逐了甲 says it."""
    text = "大历十四年三月，李忠臣被李希烈驱逐，后来拥立朱泚称帝。"
    caught(
        "大历十四年三月，李忠臣驱逐了李希烈[1]。",
        "大历十四年三月，李希烈驱逐了李忠臣[1]。",
        text,
        "施受关系",
    )
    caught(
        "该书是诸书中成书较早的一部[1]。",
        "该书是诸书中成书较晚的一部[1]。",
        "该书是诸书中成书较晚的。",
        "较晚",
    )


def test_a_term_said_in_another_clause_is_moved_not_exchanged():
    """A place the passage says in the clause a sentence clause restates, which the sentence says
    in a clause of its own (蒲甘|到处可见…, 光是城里): moved, not put for another — unless what
    stands in its place is another term of the passages (two exchanged)."""
    text = "到处可见光芒耀眼的佛塔及庄严的佛寺，仅蒲甘城里就有108座佛塔及佛寺，家家供奉佛像。"
    passes("蒲甘到处可见佛塔和佛寺，光是城里就有108座，家家户户都供奉佛像[1]。", text)
    deals = "该公司的产品2006年以前由甲唱片负责发行，现在则改由乙唱片负责。"
    flags("该公司的产品2006年以前由乙唱片负责发行，现在则改由甲唱片负责[1]。", deals)


def test_a_one_character_verb_and_what_it_takes_are_one_predicate():
    """不|耐|阴: 耐阴 is what the passage denies, whichever clause of the sentence states it."""
    text = "该树性喜高温天气，能耐风、耐旱，但不耐阴，目前已由人工引种栽培。"
    caught(
        "该树性喜高温天气，能耐风、耐旱，也耐阴，目前已由人工引种栽培[1]。",
        "该树性喜高温天气，能耐风、耐旱，但不耐阴，目前已由人工引种栽培[1]。",
        text,
        "耐阴",
    )
    # … but a copula (无, 有) is read with what it takes, not glued to a verb before it
    passes("我国财政收支平衡，既无外债，又无内债[1]。", "我国财政收支平衡，即无外债，又无内债。")


def test_another_qualifier_or_an_acronym_put_in_place_is_caught():
    """消费|需求 for 投资|需求 (verbs as nouns qualify too), 高中|毕业生 for 本科|毕业生 (a place word),
    another name the passage puts before the same head (地方|机构改革 for 国务院|机构改革), and a
    name put in place of an acronym (某某漫画公司 for DC漫画公司)."""
    demand = "工业的过快增长，主要是受过大的投资需求所刺激，靠大量进口原材料来支撑的。"
    caught(
        "工业的过快增长主要受过大的消费需求刺激[1]。",
        "工业的过快增长主要受过大的投资需求刺激[1]。",
        demand,
        "消费",
    )
    # … but a verb reworded (运用|数字 → 利用|数字) is no other qualifier
    passes(
        "要积极利用数字技术改造提升传统产业[1]。", "积极运用数字技术、绿色技术改造提升传统产业。"
    )
    reform = "国务院机构改革基本完成，地方机构改革稳步推进。"
    flags("地方机构改革基本完成，国务院机构改革稳步推进[1]。", reform)
    comics = "海梅·雷耶斯（）是DC漫画公司的一个虚拟人物。"
    caught(
        "海梅·雷耶斯是漫威漫画公司的虚拟人物[1]。",
        "海梅·雷耶斯是DC漫画公司的虚拟人物[1]。",
        comics,
        "DC",
    )


def test_a_span_of_years_is_no_date_the_statement_is_moved_from():
    """五年间 (in five years) read in digits is 5年间, no year 5: copied, it moves nothing."""
    text = "五年间全国通过各种方式使用国外贷款１５３．８亿美元，吸收外商直接投资８７．８亿美元。"
    passes("五年间全国通过各种方式使用国外贷款153.8亿美元，吸收外商直接投资87.8亿美元[1]。", text)


def test_a_year_said_from_the_reports_own_is_reckoned_from_its_year():
    """去年 in the 1998 report is 1997: 1998年 (which only its title says) moves the visit."""
    text = "主席去年对邻国进行了成功的国事访问，两国关系进入新的发展阶段。"
    report = Passage(1, Chunk("r#1", "r", text, "1998年政府工作报告", region="全国"), 1.0)
    moved = check("主席于1998年对邻国进行了成功的国事访问[1]。", report)
    assert moved.status == "unsupported" and any("1997年" in i for i in moved.issues), moved
    assert check("主席于1997年对邻国进行了成功的国事访问[1]。", report).status == "supported"
    assert check("主席去年对邻国进行了成功的国事访问[1]。", report).status == "supported"


def test_the_country_of_a_national_document_need_not_be_in_its_passage():
    """A work report's passage (region 全国) speaks of China without naming it; a passage of no
    region, or of a province, does not."""
    text = "过去一年，国内生产总值增长10.3%，城镇新增就业1168万人。"
    sentence = "过去一年，中国国内生产总值增长10.3%，城镇新增就业1168万人[1]。"
    assert check(sentence, passage(text, region="全国")).status == "supported"
    flagged = check(sentence, passage(text, region=None))
    assert flagged.status == "unsupported" and any("中国" in i for i in flagged.issues)
    assert check(sentence, passage(text, region="甘肃")).status == "unsupported"


def test_what_a_passage_says_was_so_at_first_may_be_called_the_first():
    """初时被视为……, 初名为……: 最初 restates it; 首批 (a rank the passage never gives) does not."""
    text = "该植物是迟至1999年才发表的新种，初时被视为是特有种且数量稀少。"
    passes("该植物直到1999年才作为新种发表，最初被视为数量稀少的特有种[1]。", text)
    flags("该植物是1999年首批发表的新种[1]。", "该植物是迟至1999年才发表的新种。", "第1")


def test_allowing_what_is_forbidden_and_leading_where_it_trailed_are_caught():
    """允许 against 禁止; and a clause stating the passage's figure (6.5公斤) with the opposite
    word, however reworded — not the figure's digits inside a larger one (206.5公斤)."""
    text = "该鸟类列入保护名录，任何以贩卖为目的的捕捉均被禁止。"
    flags("该鸟类虽列入保护名录，但以贩卖为目的捕捉仍是允许的[1]。", text, "允许")
    text = "首轮结束后，该队一度落后榜首6.5分。次轮该队拿下206.5分，最终夺冠。"
    flags("首轮结束时该队已领先对手6.5分[1]。", text, "领先")
    passes("首轮结束时该队一度落后榜首6.5分，次轮拿下206.5分，最终夺冠[1]。", text)


def test_the_year_after_may_be_called_the_second_year():
    """隔年, 次日: a sentence may say 第二年, 第二天 — not a rank the passage never gives."""
    text = "该队员2003年底离开原球队，隔年加盟另一支球队。"
    passes("该队员2003年底离开原球队，第二年加盟另一支球队[1]。", text)
    flags("该队员2003年底离开原球队，是第二批加盟另一支球队的队员[1]。", text, "第2")


def test_a_count_label_of_items_opening_alike_is_the_items():
    """“三农”: the passage lists 农业、农村、农民, the items opening with what the label names."""
    text = "解决好农业、农村、农民问题，仍然是全部工作的重中之重。"
    passes("解决好“三农”问题仍然是全部工作的重中之重[1]。", text)
    assert counted_list("三农", "农业、农村、农民") and not counted_list("三农", "农业、农村")
    assert counted_list("三化", "数字化、网络化、智能化")


def test_a_conjunction_glued_to_a_guessed_word_names_nothing():
    """和|七姐 (jieba's guess): the passage's 七姐, joined by 和, not a name put in."""
    assert "和七姐" not in new_words("时节和七姐", Cited.of([passage("七姐节的祭品")]))
    assert unglued_name("和耶律") == ["耶律"], "… even a word jieba's dictionary holds"


def test_what_is_expected_said_done_and_an_event_moved_to_another_place_are_caught():
    """可望年内投产 said 已陆续建成投产; 在甲去世 said 在乙去世, where 乙 is another place the
    passage names, never with that event."""
    text = "新港区一期工程已有部分泊位启用，其余泊位可望在今年内陆续投产。"
    flags("新港区一期工程的其余泊位已陆续建成投产[1]。", text, "可望")
    passes("新港区一期工程的其余泊位可望在今年内陆续投产[1]。", text)
    text = "这位学者早年留学维也纳，晚年随家人迁居伦敦，在伦敦去世。"
    flags("这位学者早年留学维也纳，晚年在维也纳去世[1]。", text, "伦敦")
    passes("这位学者早年留学维也纳，晚年随家人迁居伦敦并在伦敦去世[1]。", text)


def test_older_prints_figures_superlatives_and_litotes_are_read_as_meant():
    """5，905万 (a full-width comma between thousands) is 5905万; 涨得最多 restates 增幅最高; 水量
    不大 restates 水量较小 — a 不 that says the passage's opposite word is no negation."""
    text = "普通中学在校学生5，905万人，农村居民人均纯收入实际增长9％，是近年来增幅最高的一年。"
    passes(
        "普通中学在校学生有5905万人，农村居民人均纯收入实际增长9%，为近年来涨得最多的一年[1]。",
        text,
    )
    flags("普通中学在校学生有5906万人[1]。", text, "5906")
    text = "周围入湖的几十条小河入水量较小。"
    passes("周围入湖的几十条小河入水量都不大[1]。", text)
    flags("周围入湖的几十条小河入水量都不小[1]。", text)


def test_a_year_reckoned_from_the_reports_own_is_no_exchanged_year():
    """今年上半年 in the 1980 report is 1980年上半年, though the clause also says 1979年."""
    text = "1979年轻工业总产值比上年增长9.6％，今年上半年又比去年同期增长24.2％。"
    report = Passage(1, Chunk("r#1", "r", text, "1980年政府工作报告", region="全国"), 1.0)
    right = "1979年轻工业总产值比上年增长9.6%，1980年上半年又同比增长24.2%[1]。"
    assert check(right, report).status == "supported", check(right, report)


def test_an_order_reversed_a_cut_said_a_rise_and_a_signing_to_come_said_done_are_caught():
    """先安置职工，再偿还债务 said the other way round; 削减 said 推高; 将于明天草签 said 已草签."""
    text = "变卖资产的收入先安置职工，再偿还债务。"
    flags("变卖资产的收入应先用于偿还债务，再用于安置职工[1]。", text, "先后次序")
    passes("变卖资产的收入应先用于安置职工，再用于偿还债务[1]。", text)
    text = "自动化生产有效削减了供应链中的过剩产能与无效库存。"
    flags("自动化生产推高了供应链中的过剩产能与无效库存[1]。", text)
    text = "两国的谈判业已圆满结束，并将于明天由两国政府代表团草签有关协议。"
    flags("两国的谈判已经圆满结束，两国政府代表团已在前一天草签了有关协议[1]。", text, "将于")


def test_a_common_word_jieba_files_as_a_place_names_no_place():
    """长度, 英雄, 上市: jieba's dictionary tags them as places; a sentence may use them freely."""
    text = "飞机在跑道上行进了三分之二的距离，已不可能在跑道结束前停下。"
    checked = check("飞机已驶过跑道三分之二的长度，不可能在跑道结束前停下[1]。", passage(text))
    assert not any("长度" in i for i in checked.issues), checked


def test_a_word_negated_is_the_denial_the_passage_says_and_a_quotation_bounds_a_negation():
    """不再征收 restates 免征 (not 征收); the 不 of “融合不深” negates nothing after the quote."""
    text = "全省各县全部免征了农业税，全国取消了牧业税。"
    passes("全省各县已不再征收农业税，全国取消了牧业税[1]。", text)
    flags("全省各县仍在征收农业税[1]。", text, "免征")
    text = "所谓“融合不深”是指科研成果与产业发展需求“不匹配”。"
    passes("所谓“融合不深”，是指科研成果与产业发展需求不匹配[1]。", text)


def test_a_frame_before_what_is_said_is_no_word_exchanged():
    """文章主张|聚焦…… restates 重点聚焦……: who says it is no term put in place of 重点; 首次强调|
    for 再次强调 is no frame."""
    text = "重点聚焦关键核心技术攻关，前瞻性布局未来产业。"
    passes("文章主张聚焦关键核心技术攻关、前瞻性布局未来产业[1]。", text)
    # … but a frame with a rank of its own says more than who says it
    text = "在全省创新大会上，省长再次强调：“要以科技创新引领产业创新。”"
    flags("在全省创新大会上，省长首次强调“要以科技创新引领产业创新”[1]。", text)


def test_a_direction_the_passage_states_past_the_restated_words_or_by_its_figure_counts():
    """比重有所提高 for 比重从2.8%降到1.5%; 增幅进一步扩大，达到27.8% for 回落到27.8%; 略高 for
    稍低, though the passage's 高危 holds 高; a spelled year before 到 is a year (一九七四到一九七六年)."""
    text = "财政赤字占国内生产总值的比重从2009年的2.8%降到去年的1.5%左右，风险总体可控。"
    flags("去年财政赤字占国内生产总值的比重有所提高[1]。", text, "方向相反")
    passes("去年财政赤字占国内生产总值的比重有所下降[1]。", text)
    text = "固定资产投资增长幅度由上年的百分之五十八点六回落到百分之二十七点八。"
    flags("固定资产投资增幅较上年进一步扩大，达到百分之二十七点八[1]。", text, "方向相反")
    passes("固定资产投资增幅较上年回落，降到百分之二十七点八[1]。", text)
    text = "早产、高危妊娠的婴儿通常评分会稍低。"
    flags("早产或高危妊娠的婴儿，评分通常会略高一些[1]。", text, "低")
    passes("早产或高危妊娠的婴儿，评分通常会略低一些[1]。", text)
    assert (
        figures("一九七四到一九七六年间") == figures("从一九七四年到一九七六年") == {"1974", "1976"}
    )


def test_a_pointer_and_a_region_member_name_nothing_missing():
    """二者 points back at what the passage names; 北京 and 天津 are two of the 京津冀三地 a 河北
    passage names — while 上海 is no part of them."""
    text = "甘南州推动文化和旅游深度融合，打造全域旅游示范区。"
    passes("甘南州推动二者深度融合，打造全域旅游示范区[1]。", text)
    hebei = Passage(
        1,
        Chunk("h#1", "h", "推动京津冀三地人才评价互认、职称互聘。", "河北方案", region="河北"),
        1.0,
    )
    assert (
        check("河北要与北京、天津一道推动人才评价互认、职称互聘[1]。", hebei).status == "supported"
    )
    moved = check("河北要与上海一道推动人才评价互认、职称互聘[1]。", hebei)
    assert moved.status == "unsupported" and any("上海" in i for i in moved.issues), moved


def test_a_size_goes_with_its_direction_and_a_one_character_degree_is_read_after_an_adverb():
    """大幅|下降 says a fall, not a rise for 大幅; 多了 is a rise; 较长 for 较短 is reversed,
    though 长 alone stands in 增长."""
    text = "自1958年至1960年，这种动物因疫病流行，其数量就大幅下降。"
    flags("1958年至1960年间，这种动物虽然染上疫病，数量却大幅增加[1]。", text, "增加")
    passes("1958年至1960年间，这种动物因疫病流行，数量大幅减少[1]。", text)
    text = "钢产量比上年增加270万吨，能源消耗总量比上年降低了100万吨。"
    flags("钢产量比上年增加270万吨，能源消耗总量也比上年多了100万吨[1]。", text, "多了")
    text = "在善于游泳的同类中，这一亚科的头部较短，身体也较短。"
    flags("在善于游泳的同类中，这一亚科的头部和身体都相对较长[1]。", text, "长")
    passes("在善于游泳的同类中，这一亚科的头部和身体都相对较短[1]。", text)


def test_a_word_cut_across_a_synonym_or_a_word_of_rising_names_nothing_new():
    """比上年产值 is 上年|产值, though jieba cuts 上|年产值; 大力发展 for 积极发展 is a word of
    rising, not a name jieba's dictionary files it as; 高校 is the passage's 高等院校 — while a
    qualifier dropped (半决赛 → 决赛) or a new item in the list still flags."""
    text = "据全省试点的50个企业的统计，去年比上年产值增长12％，利润增长20％。"
    passes("去年全省50个试点企业利润比上年增长20％，产值增长12％[1]。", text)
    text = "在重点加强交通运输的同时，积极发展商业、金融业、旅游业，拓宽服务领域。"
    passes("报告要求在重点加强交通运输的同时，大力发展商业、金融业和旅游业[1]。", text)
    text = "要强化由企业牵头与高等院校、科研院所联合建立工程中心的体制机制。"
    passes("要加强由企业牵头、联合高校和科研院所建立工程中心的体制机制[1]。", text)
    flags("要加强由企业牵头、联合高校、医院和科研院所建立工程中心的体制机制[1]。", text, "医院")
    text = "该队在半决赛中以2比1战胜对手。"
    flags("该队在决赛中以2比1战胜对手[1]。", text, "决赛")


def test_a_figure_said_as_more_than_itself_is_the_same_figure():
    """七亿七千多万吨 is 逾七亿七千万吨, 一百一十几万人 一百一十多万人, 11万余件 超过11万件 — while
    another figure still flags."""
    assert figures("七亿七千多万吨") == figures("逾七亿七千万吨") == {"770000000"}
    assert figures("一百一十几万人") == figures("一百一十多万人")
    text = "能源生产超过计划要求，原煤产量达到七亿七千多万吨，比上年增长8%。"
    passes("能源生产超出计划要求，原煤产量逾七亿七千万吨，比上年增长8%[1]。", text)
    flags("能源生产超出计划要求，原煤产量逾八亿七千万吨，比上年增长8%[1]。", text, "八亿")
    text = "馆舍面积近1万平方米，藏品11万余件，设有多个基本陈列。"
    passes("馆舍面积近1万平方米，藏品超过11万件，设有多个基本陈列[1]。", text)


def test_a_short_form_of_the_title_names_what_its_passage_calls_the_school():
    """江城二中 for the 学校 of a passage titled 江城市第二中学: its title said short; 江城三中 is
    another school."""
    text = "学校创建于1906年，是全省首批重点中学。"
    school = Passage(1, Chunk("s#1", "s", text, "江城市第二中学"), 1.0)
    assert check("江城二中创建于1906年，是全省首批重点中学[1]。", school).status == "supported"
    assert check("江城三中创建于1906年，是全省首批重点中学[1]。", school).status == "unsupported"


def test_a_middling_level_is_a_rank_and_a_threshold_no_second_side():
    """达到世界中等水平 for 走在世界的前列 demotes it; 含量超过10ppm的酒 says what 酒若含有超过10ppm的
    亚硫酸盐 says — 超过 a figure is a threshold, not two sides to change places."""
    flags("使经济达到世界中等水平[1]。", "使我国国民经济走在世界的前列。", "中等水平")
    text = "所有葡萄酒若含有超过10ppm的亚硫酸盐，都必须特殊标明。"
    assert not check("亚硫酸盐含量超过10ppm的葡萄酒必须特别标明[1]。", passage(text)).issues


def test_a_name_shortened_the_usual_way_is_the_passages_name():
    """农业社 for 农业生产合作社, 中联部 for 中共中央对外联络部: the characters in order, the first
    and last the name's own; a name the passage does not hold so (农村信用社) is still flagged."""
    text = "已经有四分之一的农业生产合作社的收入超过了当地富裕中农的水平。"
    passes("已有四分之一的农业社收入超过当地富裕中农[1]。", text)
    flags("已有四分之一的农村信用社收入超过当地富裕中农[1]。", text, "信用社")
    office = "2003年3月，任中共中央对外联络部部长，主持外事工作。"
    passes("2003年3月，他任中联部部长，主持外事工作[1]。", office)
    flags("2003年3月，他任中宣部部长，主持外事工作[1]。", office, "中宣部")


def test_words_that_say_the_same_are_no_change():
    """初次 is 首次 (a first, not a rank the passage lacks); 不少 is 许多, its 少 no 少; 游人 are
    游客."""
    passes("毕业生首次就业率为77.8％[1]。", "高校毕业生初次就业率77.8％。")
    passes("该计划激励了许多机构开放教材[1]。", "这个计划激励了不少机构开放教材。")
    passes("溶洞自1994年起向游客开放[1]。", "溶洞于1993年被发现，1994年对游人开放。")


def test_lacking_what_the_passage_lacks_and_a_congress_for_a_plenum_are_caught():
    """具备 for 缺乏 and 允许 for 不得 reverse the passage; 党的十二大 is another meeting than its
    十二届三中全会; 不过 (but) negates nothing."""
    caught(
        "报告指出，建筑业长期具备独立经营的必要条件[1]。",
        "报告指出，建筑业长期缺乏独立经营的必要条件[1]。",
        "长期以来，建筑业缺乏独立经营的必要条件，普遍存在工期长等问题。",
        "具备",
    )
    flags(
        "调价幅度依照规定，但允许各地方视情况自行掌握[1]。",
        "调价的范围、幅度要严格按照规定办，各地方不得自行其是。",
        "允许",
    )
    plenum = "去年10月召开的党的十二届三中全会，作出了关于经济体制改革的决定。"
    caught(
        "去年召开的党的十二大作出了关于经济体制改革的决定[1]。",
        "去年召开的党的十二届三中全会作出了关于经济体制改革的决定[1]。",
        plenum,
        "十二大",
    )
    passes("参与度仍然有限，不过对接渠道已经打通[1]。", "参与度仍然有限，不过对接渠道已经打通。")


def test_a_latin_name_a_figure_bound_and_a_frame_are_read_as_written():
    """A capitalised Latin word the passage lacks is a name put in (Harbor for Lantern); a
    negator bounding a figure (不到3%) in a clause the sentence states another figure of
    negates nothing it says; who says it (报告回顾) is no part of what the passage must hold."""
    text = "这个项目由Lantern Trust、Orchard Fund和北川大学共同资助。"
    passes("该项目由北川大学与Orchard Fund、Lantern Trust共同资助[1]。", text)
    flags("该项目由北川大学与Orchard Fund、Harbor Trust共同资助[1]。", text, "Harbor")
    text = "2031年在用水增长不到2％的情况下，粮食产量比上年增长了6.5％。"
    passes("2031年粮食产量比上年增长了6.5%，而同期用水增长还不到2%[1]。", text)
    flags("2031年粮食产量比上年没有增长，而同期用水增长不到2%[1]。", text, "")
    text = "积极推进城镇化，五年转移农村人口1234万人，城镇化率由41.2%提高到48.7%。"
    passes("报告回顾，过去五年我国城镇化率从41.2%提高到了48.7%[1]。", text)


def test_a_noun_that_only_holds_what_is_said_before_it_is_no_other_thing():
    """的条件下 said as 的情况下, 等领域 as 等方面: the clause in other words — but another noun
    in place of the passage's (项目 → 企业) is still another thing."""
    text = (
        "在原料储备充足、运价持续走低的条件下，扩大铁路货运既可以消化富余运力，又可以降低物流成本。"
    )
    passes("在原料储备充足、运价持续走低的情况下扩大铁路货运，既能消化富余运力[1]。", text)
    text = "全县统筹安排专项资金，在特色种植、乡村旅游和电子商务等领域形成了一批带动能力强的项目。"
    caught(
        "全县在特色种植、乡村旅游和电子商务等领域形成了一批带动能力强的企业[1]。",
        "全县在特色种植、乡村旅游和电子商务等方面形成了一批带动能力强的项目[1]。",
        text,
        "企业",
    )


def test_the_one_that_ends_a_word_is_no_numeral_and_a_rating_is_no_other_thing():
    """唯一一位 is one of a kind, not a figure 一一 (and 统一三项 still counts three); 关键力量 for
    核心力量 rates the same thing — another qualifier naming another group is still caught."""
    assert written_figures("统一三项标准，唯一一位，一一列举") == {"3": "三项"}
    passes("他是该县唯一一位获得金奖的农艺师[1]。", "他也是该县唯一的一位获得金奖的农艺师。")
    text = "基础研究是推动技术进步的核心力量，人才培养是行业发展的内生动力。"
    passes("基础研究是推动技术进步的关键力量，人才培养是行业发展的内在动力[1]。", text)
    text = "鼓励民间资本参与城市更新。"
    flags("鼓励地方国有资本参与城市更新[1]。", text, "国有资本")


def test_a_persons_name_the_tagger_cut_in_two_is_still_a_name():
    """王|玥: a surname and the one character jieba has no word for — another person in the
    place of the passage's is caught."""
    text = "决赛中东岭队夺得冠军，西川队获得亚军，孟庆华获得第三名。"
    caught(
        "决赛中东岭队夺冠，西川队获得亚军，王玥获得第三名[1]。",
        "决赛中东岭队夺冠，西川队获得亚军，孟庆华获得第三名[1]。",
        text,
        "王玥",
    )


def test_a_course_from_one_point_to_another_ends_with_its_clause():
    """由第九位上升到第六位，进出口总额……: the 到 of one course reaches no further than its
    clause, so two courses said in another order are no course turned round."""
    text = "外贸进出口总额由2031年的3000亿元增加到2035年的5000亿元，世界排名由第九位上升到第六位。"
    passes(
        "报告显示，世界排名由第九位上升到第六位，进出口总额则由2031年的3000亿元增加到2035年的5000亿元[1]。",
        text,
    )


def test_far_from_done_is_a_negation():
    """远未还清 says it is not paid off, where the passage says it nearly all is."""
    text = "这一时期，全县不但没有新增债务，而且把过去的欠款几乎全部还清了。"
    caught(
        "这一时期全县没有新增债务，但过去的欠款还远未还清[1]。",
        "这一时期全县没有新增债务，还把过去的欠款几乎全部还清了[1]。",
        text,
        "还清",
    )


def test_a_term_put_wholly_in_place_of_the_passages_names_another_thing():
    """A fund, body or scheme of nouns the passages never use, put where the passage names its
    own (粮油储备基金 → 农村综合改革资金): another thing, though both are funds."""
    text = "今年省里从粮油储备基金中拿出50亿元，直接补贴养殖农户，以稳定生猪生产。"
    caught(
        "今年省里从农村综合改革资金中拿出50亿元直接补贴养殖农户[1]。",
        "今年省里从粮油储备基金里拿出50亿元直接补贴养殖农户[1]。",
        text,
        "农村综合改革资金",
    )


def test_nearing_a_mark_the_passage_says_was_passed_and_another_negator_in_place():
    """接近一千亿元 says the mark was not reached where the passage says 突破; 不宜 in place of
    the passage's 不要 is a negation said in other words."""
    text = "去年全市外贸进出口总额突破一千亿元，比上年增长6.3%。"
    caught(
        "去年全市外贸进出口总额接近一千亿元，比上年增长6.3%[1]。",
        "去年全市外贸进出口总额超过一千亿元，比上年增长6.3%[1]。",
        text,
        "接近",
    )
    text = "冬季气温较低，所以体弱的老人，不要轻易尝试冬泳。"
    passes("冬季气温较低，因此体弱的老人不宜轻易尝试冬泳[1]。", text)


def test_a_clause_with_its_figures_spelled_otherwise_is_no_added_fact():
    """十七至十八篇 restates 17至18篇: the clause is read with its figures in digits too before it
    counts as saying what the passage does not."""
    text = "这部诗集篇幅很短，全集只有17至18篇；每首有1或3个小节，多写山居生活。"
    passes("这部诗集篇幅很短，全集仅有十七至十八篇，每首有一个或三个小节[1]。", text)


def test_what_an_adverb_led_verb_the_passage_negates_is_said_done_is_caught():
    """未能充分发挥 denies 发挥 as well: saying the role 已得到较充分的发挥 contradicts it."""
    text = "此外，园区企业参与决策的程度仍然有限，且与高校间的对接渠道不畅，在创新中主体地位未能充分发挥。"
    caught(
        "文章认为园区企业参与决策的程度有限、与高校对接不畅，不过其创新主体地位已得到较充分的发挥[1]。",
        "文章认为园区企业参与决策的程度有限、与高校对接不畅，创新主体地位还没有充分发挥出来[1]。",
        text,
        "发挥",
    )


def test_another_qualifier_before_the_same_noun_said_inside_one_word_is_caught():
    """集体所有制 for 全民|所有制: jieba keeps the sentence's term whole, the passage's noun (所有制)
    stands inside it after another qualifier — a different group all the same."""
    text = "今年要以搞活企业特别是全民所有制中小企业为重点，着重改革企业经营机制。"
    caught(
        "今年要以搞活企业特别是集体所有制中小企业为重点，着重改革企业经营机制[1]。",
        "今年要以搞活企业尤其是全民所有制中小企业为重点，着重改革企业经营机制[1]。",
        text,
        "集体所有",
    )


def test_second_only_to_a_port_is_not_ahead_of_it():
    """仅次于 says the other is ahead: a sentence saying it 超过 the other reverses the order."""
    text = "滨海港是东海最大的海港之一，它的货物吞吐量仅次于位于南岸的临江港。"
    caught(
        "滨海港的货物吞吐量超过了位于南岸的临江港[1]。",
        "滨海港的货物吞吐量仅次于南岸的临江港[1]。",
        text,
        "仅次于",
    )


def test_a_sentence_saying_its_figures_in_other_script_is_supported_as_well():
    """将近一百个 for 近百个, 一百五十家 for 一百五十多家: the sentence's support is counted with
    every figure in digits on both sides too, so a figure spelled otherwise costs no support."""
    text = "本市同外地建立合作关系的园区增加到近百个，有技术转移和人才往来的院所达到一百五十多家。"
    passes("本市合作园区已有将近一百个，与本市有技术转移往来的院所超过一百五十家[1]。", text)


def test_a_term_renamed_as_one_word_the_passages_never_use_is_another_thing():
    """国营农场 — one word of four characters no passage uses — put where the passage names its
    手工业生产合作社 (a set phrase ends it): another body, though jieba keeps it one word."""
    text = "手工业生产合作社是这一时期轻工业增产的基础，也是改造个体经济的必由之路。"
    caught(
        "报告认为，国营农场是这一时期轻工业增产的基础，也是改造个体经济的必由之路[1]。",
        "报告认为，手工业生产合作社是这一时期轻工业增产的基础，也是改造个体经济的必经之路[1]。",
        text,
        "国营农场",
    )


def test_what_the_passage_forbids_is_not_permitted_in_a_short_clause():
    """一律不能去堵 → 必要时可以去堵: a clause too short to align with the passage's, but the act
    the passage forbids follows 可以 in the sentence."""
    text = "对农户自愿推行的联户经营或其他形式，一律不能去堵，应该积极支持，帮助解决出现的问题。"
    caught(
        "对农户自愿推行的联户经营或其他形式，必要时可以去堵，同时帮助解决出现的问题[1]。",
        "对农户自愿推行的联户经营或其他形式，一律不能去堵，而要帮助解决出现的问题[1]。",
        text,
        "不能去堵",
    )


def test_more_where_the_passage_says_less_is_caught_in_words_of_either_direction():
    """扩充 for 裁减 (a rise put for a cut), 低 for 超过 (below for above, at the same figure)."""
    caught(
        "在形势允许的时候，该省主动把编制扩充了3000人[1]。",
        "在形势允许的时候，该省主动把编制裁减了3000人[1]。",
        "当形势许可的时候，该省就主动地把编制裁减了3000人。",
        "扩充",
    )
    caught(
        "五年完成投资四百八十七亿元，比计划规定的总投资额低百分之十四点一[1]。",
        "五年完成投资四百八十七亿元，超过计划规定的总投资额百分之十四点一[1]。",
        "五年完成投资四百八十七亿元，超过计划总投资额百分之十四点一。",
        "超过",
    )


def test_an_everyday_word_jieba_files_as_a_name_need_not_be_in_the_passage():
    """侍奉, 新开工: jieba's dictionary tags them as names, but a sentence uses them as the words
    they are; a name the passage lacks is still flagged."""
    text = "他早年在州府主帅帐下效力，主帅去世后转投新主。"
    passes("他早年侍奉州府主帅，主帅去世后转投新主[1]。", text)
    flags("他早年侍奉关羽，主帅去世后转投新主[1]。", text, "关羽")
    passes("今年新开工项目多，要确保监管到位[1]。", "今年新开工的项目多，务必确保监管到位。")


def test_the_first_largest_is_the_largest_and_a_big_city_names_no_city():
    """第一大城市 for the passage's 最大的城市: the same rank, and 大城市 is no city's name."""
    text = "滨海是东部省最大的城市，滨海港也是该海湾最大的海港之一。"
    flagged = check("滨海是东部省的第一大城市，其港口也是该海湾最大的海港之一[1]。", passage(text))
    assert not any("次序" in i or "大城市" in i for i in flagged.issues), flagged
    flags("滨海是东部省的第二大城市，其港口也是该海湾最大的海港之一[1]。", text, "第2")


def test_a_rough_count_said_another_way_is_the_same_figure():
    """十几万人 for the passage's 十数万人, 十七至十八颂 for 17至18颂: the same figure in other
    words — neither a figure the passage lacks nor the words of a clause it does not say."""
    text = "这一年，宗室在江北一带起兵反抗，数月聚集十数万人。"
    passes("这一年，宗室在江北一带起兵反抗，短短数月便聚集了十几万人[1]。", text)
    flags("这一年，宗室在江北一带起兵反抗，短短数月便聚集了三十万人[1]。", text, "三十万")
    text = "这部经书是各部经书中最短的之一，全书只有17至18颂。"
    passes("这部经书是各部经书中最短的之一，全书仅有十七至十八颂[1]。", text)


def test_a_two_province_region_put_for_another_is_caught():
    """川藏 for 青藏: regions of two provinces are places too (`region_groups.tsv`)."""
    text = "三峡水利枢纽二期工程胜利完成；青藏铁路正线铺轨顺利推进；西电东送规模扩大。"
    caught(
        "报告回顾，三峡工程二期胜利完成，川藏铁路正线铺轨也在顺利推进[1]。",
        "报告回顾，三峡工程二期胜利完成，青藏铁路正线铺轨也在顺利推进[1]。",
        text,
        "川藏",
    )


def test_dated_items_listed_in_one_clause_are_each_read_against_their_own_date():
    """1975年获得硕士、1970年获得学士: each item restates the passage clause of its date, so a
    career retold backwards is faithful — and a year moved to another item is still caught."""
    text = (
        "1970年，在南州滨江市省立滨江师范学院工业教育学系取得学士学位，1975年在西国北岭州州立大学"
        "工业教育研究所取得硕士学位，1978年在西国东湖州州立大学工业职业教育研究所取得博士学位。"
    )
    said = "他1978年在西国东湖州州立大学取得博士学位，此前已于1975年获得北岭州州立大学硕士学位、{}年获得滨江师范学院学士学位[1]。"
    caught(said.format(1972), said.format(1970), text, "1972")


def test_opposite_stances_and_burdens_are_caught():
    """赞同 for 反对, 加重 for 减轻: the passage's stance or direction turned round."""
    caught(
        "诗社响应前辈的号召，赞同空洞的感伤，主张为诗而诗[1]。",
        "诗社响应前辈的号召，反对空洞的感伤，主张为诗而诗[1]。",
        "诗社响应前辈的号召，反对空洞的感伤，提倡为诗而诗。",
        "反对",
    )
    caught(
        "要加快课程改革，适当加重学生课业负担[1]。",
        "要加快课程改革，切实减轻学生课业负担[1]。",
        "加快课程改革，切实减轻学生过重课业负担。",
        "减轻",
    )


def test_two_synonyms_crossed_over_are_no_crossed_statements():
    """完善 A, 健全 B for 健全 A, 完善 B: the same two statements in other words."""
    text = "健全市场体系是应对外部冲击的重要举措。要继续完善国有企业公司治理，提高风险管控能力。"
    passes("完善市场体系是应对外部冲击的重要举措，要进一步健全国有企业的公司治理[1]。", text)


def test_a_place_jieba_reads_as_another_word_is_caught_in_anothers_place():
    """摩押 (tagged a verb) where the passage has 埃及: a word no dictionary has put in place of
    a place name; 两校 points back at what is named and is no new name."""
    text = "后来，城中守军叛离王国，先知被迫随他们逃往埃及，在埃及去世。"
    caught(
        "后来城中守军背叛王国，先知被迫随他们逃往摩押，最终在摩押去世[1]。",
        "后来城中守军背叛王国，先知被迫随他们逃往埃及，最终在埃及去世[1]。",
        text,
        "摩押",
    )
    passes(
        "2001年两校合并后改称滨江大学附属医院[1]。",
        "2001年，滨江医学院与滨江大学合并，医院改称滨江大学附属医院。",
    )


def test_a_short_form_of_two_words_of_the_passage_is_no_place():
    """广开 of 广泛|开辟: jieba tags it a place name, but the passage says it in full."""
    passes(
        "要大力发展服务业、广开就业渠道[1]。",
        "要大力发展服务业，广泛开辟就业门路。",
    )


def test_a_dynasty_a_quarter_of_the_compass_names_dates_a_statement():
    """北宋 for 明代: a dynasty named alone by its quarter (北宋, 东汉) dates what is said, as
    明代 or 唐末 do; a bare 明 or 东西南北 dates nothing."""
    from assistant.text.expressions import dates

    assert dates("源于北宋的制度") == {"北宋"} and dates("东西南北都有") == set()
    text = "乡约组织在战乱中瓦解。取而代之的是源于北宋的保长制，并一直沿袭到清代。"
    caught(
        "乡约组织在战乱中瓦解，取而代之的是源于明代的保长制，并一直沿袭到清代[1]。",
        "乡约组织在战乱中瓦解，取而代之的是源于北宋的保长制，并一直沿袭到清代[1]。",
        text,
        "明代",
    )


def test_a_word_of_degree_counts_only_after_an_adverb_or_an_ordinal():
    """加大 says no 大 against the passage's 中小企业; 第三大 against 第三小 does."""
    passes(
        "文章提出应为小微企业创造良好环境，加大专项培育力度，并强化对中小企业技术创新的政策引导[1]。",
        "要为小微企业营造良好环境，强化专项培育力度和对中小企业技术创新的政策引导作用。",
    )
    flags(
        "该区土地面积2.3平方公里，是全市第三大的区[1]。",
        "该区土地面积2.3平方公里，是全市第三小的区。",
        "小",
    )


def test_stopwords_glued_into_one_word_are_no_content():
    """是|从 glued by jieba (是从几个角度) carries no meaning of its own."""
    from assistant.text.segment import tagged_content

    assert "是从" not in [w for w, _ in tagged_content("是从几个角度来拆解的")]


def test_a_place_name_jieba_guessed_is_held_against_the_passage():
    """溪洛渡 (a guessed place name, no dictionary word) where the passage has 向家坝: the
    passage never names it."""
    text = "青藏铁路全线通车，三峡左岸电站机组全部建成发电，金沙江向家坝水电站开工建设。"
    flags(
        "报告回顾，青藏铁路实现全线通车，三峡左岸电站机组全部投产发电，金沙江上的溪洛渡水电站也已开工建设[1]。",
        text,
        "溪洛渡",
    )


def test_what_the_passage_forbids_is_caught_permitted_with_another_verb_of_doing():
    """不能搞强迫命令 → 可以采取强迫命令: the same act, 搞 and 采取 only say it is done; 不予
    批准 is as much a refusal as 不得批准."""
    text = "在调整种植结构中，要充分尊重农户生产经营自主权，不能搞强迫命令。"
    flags(
        "报告提出，在调整种植结构时要充分尊重农户的生产经营自主权，必要时也可以采取强迫命令的办法[1]。",
        text,
        "不能搞强迫命令",
    )
    passes("对不合规的建设项目，一概不予批准用地[1]。", "对不合规的建设项目，一律不得批准用地。")


def test_a_theory_renamed_right_after_a_clause_mark_is_caught():
    """交易成本理论 for 市场结构范式 at the opening of a clause the passage opens after a comma:
    the stretch read before it (需求维度,) is no part of the name it replaced."""
    text = "从市场需求维度,市场结构范式认为,技术浪潮将重塑现有行业格局,为动能转换提供契机。"
    caught(
        "从市场需求维度看，交易成本理论认为技术浪潮将重塑现有行业格局，为动能转换提供契机[1]。",
        "从市场需求维度看，市场结构范式认为技术浪潮将重塑现有行业格局，为动能转换提供契机[1]。",
        text,
        "交易成本理论",
    )


def test_a_law_is_named_as_enacted_not_in_the_texts_other_words():
    """公司法 for the passage's 企业法: 公司 may be the texts' 企业 elsewhere, but a law's name is
    the one enacted."""
    text = "要抓紧制定有关国有企业转换经营机制的暂行条例，促进企业法的贯彻执行。"
    caught(
        "要抓紧制定国有企业转换经营机制的暂行条例，推动公司法的贯彻执行[1]。",
        "要抓紧制定国有企业转换经营机制的暂行条例，推动企业法的贯彻执行[1]。",
        text,
        "公司法",
    )


def test_not_with_them_is_a_negation():
    """不同他们合作 is 不 + 同 (not with them): saying 可以同他们合作 drops it."""
    text = "该协会保持中立，不加入任何联盟，也不同他们开展联合行动。"
    caught(
        "该协会保持中立，不加入任何联盟，但可以同他们开展联合行动[1]。",
        "该协会保持中立，不加入任何联盟，也不与他们开展联合行动[1]。",
        text,
        "否定",
    )


def test_a_comparison_opening_its_clause_compares_what_the_clause_before_ends_with():
    """甲的创刊，早于乙约两年: the thing compared is said before the comma."""
    text = "两份刊物都在港口城市发行，由于晨报的创刊，早于晚报约两年，晨报保留了旧式版面。"
    caught(
        "晨报的创刊比晚报晚了约两年[1]。",
        "晨报的创刊比晚报早了约两年[1]。",
        text,
        "比较相反",
    )


def test_how_well_a_thing_serves_said_in_other_words_is_the_same_thing():
    """有力抓手 for 有效抓手, 强劲动力 for 强大动力: how well it serves, reworded; another group
    before the same noun is still caught."""
    text = "组建产业联盟是推动企业协作的有效抓手，也是区域发展的强大动力。"
    passes("组建产业联盟是推动企业协作的有力抓手，也是区域发展的强劲动力[1]。", text)
    flags("组建产业联盟是推动高校协作的有效抓手[1]。", text, "高校")


def test_a_denial_the_passage_makes_said_within_a_merged_clause_is_supported():
    """……很快丧失黏性、不再溶于水 for ……迅速失去黏性，不再溶于水: the passage's own denial, in
    one clause with the one before (and 迅速/很快, 失去/丧失 the same); a denial it does not make
    is still caught."""
    text = "这种胶水可以用清水稀释，但在凝固后迅速失去黏性，不再溶于水，而且不易开裂。"
    passes("这种胶水能用清水稀释，但凝固后会很快丧失黏性、不再溶于水，而且不易开裂[1]。", text)
    flags("这种胶水能用清水稀释，但凝固后不会失去黏性[1]。", text, "")


def test_two_names_joined_by_dots_either_side_of_is_are_two_names():
    """杰克·邦是艾达·韦恩……: 是 joins two names, it is no part of one (杰克·邦是艾达·韦恩 is
    in no passage, each name is)."""
    assert names_in("杰克·邦是艾达·韦恩笔下的虚构人物") == ["杰克·邦", "艾达·韦恩"]
    passes(
        "杰克·邦是艾达·韦恩笔下的虚构人物，也是系列小说的主角[1]。",
        "杰克·邦是一个由艾达·韦恩所创作的虚构人物，是著名系列小说的主角。",
    )


def test_two_things_and_their_figures_paired_the_other_way_by_respectively_are_caught():
    """甲和乙分别有5%和1%: naming the two in the other order with the figures in the same
    order pairs them crosswise; both in the other order is the passage's pairing."""
    text = "当年全县耕地中，水田和旱地分别占62%和31%，其余为园地。"
    caught(
        "当年全县耕地里，旱地和水田分别占62%和31%[1]。",
        "当年全县耕地里，旱地和水田分别占31%和62%[1]。",
        text,
        "对调",
    )


def test_relaxing_what_the_passage_says_to_tighten_is_caught():
    """放宽检查 for 更为严格的检查: the passage's standard turned round."""
    caught(
        "调查认为，今后对电梯钢缆的检查应当适当放宽[1]。",
        "调查认为，今后对电梯钢缆应当进行更严格的检查[1]。",
        "调查认为，今后应该对电梯所使用的钢缆进行更为严格的检查。",
        "严格",
    )


def test_a_modal_or_a_verb_jieba_files_as_a_name_is_no_name():
    """难免会 ends in 会 as 学会 does, 也连成 is tagged as a person: neither is a name the passage
    must hold; an organisation the passage does not name is still caught."""
    passes(
        "报告指出，尽管整治难免会带来一些不便，但正是整治让河道恢复了通航[1]。",
        "应当看到，尽管整治中不可避免地会带来一些不便，但正是整治使河道恢复了通航。",
    )
    passes(
        "两岸群众多年来的愿望得以实现，东西两条公路干线也连成一体，这得益于跨河大桥的建成[1]。",
        "由于跨河大桥的建成，已经把东西两条公路干线连结起来，实现了两岸群众多年来的愿望。",
    )
    flags("中国水利学会也参与了河道整治[1]。", "全县渔民参与了河道整治。", "水利学会")


def test_an_outlet_named_as_its_sister_is_the_cited_passages_outlet():
    """“中新社：……” citing a passage of 中新网 (a comparison's side named as the asker named it):
    an agency and its site go by each other's names; an outlet the passage is not from is still
    caught."""
    text = "全区新建口袋公园12处，改造老旧绿地30公顷。"
    cited = Passage(1, Chunk("d1#1", "d1", text, "城区绿化综述", source="中新网"), 1.0)
    assert (
        check("中新社：全区新建口袋公园12处，改造老旧绿地30公顷[1]。", cited).status == "supported"
    )
    other = Passage(1, Chunk("d1#1", "d1", text, "城区绿化综述", source="东湖日报"), 1.0)
    assert (
        check("中新社：全区新建口袋公园12处，改造老旧绿地30公顷[1]。", other).status
        == "unsupported"
    )


def test_a_negator_right_before_the_restated_stretch_governs_it():
    text = "由于这种药剂拥有非常强烈的毒性，它一般只被用在实验室的研究中，它不适宜在人体内作为药物使用。"
    passes("因毒性极强，这种药剂通常只用于实验室研究，不宜作为药物在人体内使用[1]。", text)


def test_connectives_said_in_other_words_leave_the_content_supported():
    text = "大部分甲虫是植食性动物，以树叶（例如桑叶）为食。体型较大的物种可能也以小型昆虫为食。"
    passes(
        "甲虫大多属于植食性动物，会吃桑叶之类的树叶，体型较大的种类或许还会吃小型昆虫[1]。", text
    )


def test_a_negator_jieba_glues_to_a_joining_word_is_read():
    text = "各地同企业建立合作关系，而不以规模大小来决定支持与否。"
    flags("各地同企业建立合作关系，并以规模大小来决定支持与否[1]。", text)
    passes("各地同企业建立合作关系，不以规模大小决定支持与否[1]。", text)


def test_not_forbidding_what_the_passage_forbids_is_caught():
    text = "要严格控制新建办公楼，严禁建设豪华楼堂馆所，努力降低行政成本。"
    flags("要严格控制新建办公楼，但并未禁止建设豪华楼堂馆所[1]。", text, "不是允许")
    passes("要严格控制新建办公楼，严禁建设豪华楼堂馆所[1]。", text)
    passes(
        "这次修订并未禁止建设豪华楼堂馆所[1]。",
        "这次修订并未禁止建设豪华楼堂馆所，只是要求从严审批。",
    )


def test_a_noun_made_of_a_negator_and_a_word_is_a_negation():
    text = "科技创新项目具有较高的技术风险和市场不确定性，政府应探索新的风险控制模式。"
    passes("鉴于科技创新项目技术风险偏高、市场前景也不确定，政府应探索新的风险控制模式[1]。", text)


def test_a_district_or_city_named_in_place_of_the_passages_is_caught():
    text = "这座标志塔位于广东省从化区太平场油麻埔村一块海拔25.6米的坡地上。"
    flags("这座标志塔坐落在广东省增城区太平场油麻埔村一处海拔25.6米的坡地上[1]。", text, "从化区")
    passes("这座标志塔坐落在广东省从化区太平场油麻埔村一处海拔25.6米的坡地上[1]。", text)


def test_an_office_jieba_cut_into_words_is_held_against_the_passage():
    text = "工业和信息化部总工程师刘建新表示，今年上半年全国共登记技术合同近41万件。"
    flags(
        "据国家发展改革委总工程师刘建新介绍，今年上半年全国登记技术合同近41万件[1]。",
        text,
        "国家发展改革委",
    )


def test_a_region_of_the_world_said_in_full_for_its_short_form_is_supported():
    text = "积极开拓国际市场，特别要大力拓展非洲、拉美、东欧等新兴市场。"
    passes("报告提出要大力拓展非洲、拉丁美洲、东欧等新兴市场[1]。", text)


def test_a_compound_whose_words_the_passage_holds_each_in_its_own_words_is_no_addition():
    """贯彻落实 for 贯彻实施: 贯彻 is the passage's, 落实 a word of the group of its 实施."""
    text = "我们要认真贯彻实施档案法，加强对档案工作的指导和监督。坚持依法治档，奖惩分明。"
    report = Passage(1, Chunk("r#1", "r", text, "某市政府工作报告", region="全国"), 1.0)
    said = check("报告要求切实贯彻落实档案法，强化对档案工作的指导与监督[1]。", report)
    assert said.status == "supported", said


def test_a_verb_the_same_verb_leads_to_is_reworded_not_a_qualifier_exchanged():
    """统筹建设 for 统筹布局: 建设 (a verb jieba reads as a noun) is the verb of 布局's slot said
    otherwise, not a qualifier of 计算中心; 消费需求 for 投资需求 after 过大的 still is one."""
    text = "统筹布局智能计算中心、公共数据平台等新型基础设施，降低企业应用门槛。"
    passes("文章提出统筹建设智能计算中心、公共数据平台等新型基础设施[1]。", text)
    flags("工业增长主要受过大的消费需求刺激[1]。", "工业增长主要受过大的投资需求刺激。", "消费需求")


def test_a_count_of_steps_or_pieces_in_chinese_is_a_figure():
    """两道手续, 断成三截: a count by any measure word is a figure the passage must give."""
    text = "国家计委拟将过去的五道手续简化为两道手续。"
    caught(
        "计委拟把五道审批手续精简为三道[1]。", "计委拟把五道审批手续精简为两道[1]。", text, "三道"
    )


def test_a_time_counted_is_no_rank_of_the_one_who_did_it():
    """两度获得 counts the times (第二次), not a place in a line (第二位): the passage's 第一人
    is still the rank the sentence must give."""
    text = "他在两届奥运会上两度获得举重金牌，为连续两届获得举重冠军的第一人。"
    caught(
        "他两届奥运会都夺得举重金牌，是第二位连续两届夺冠的举重选手[1]。",
        "他第二次获得举重金牌，是连续两届获得举重冠军的第一人[1]。",
        text,
        "第2",
    )


def test_that_year_after_a_year_the_sentence_names_is_that_year():
    """当年 after 1979年 in a sentence on the 1980 report is 1979, not the report's own year."""
    text = "1979年农业总产值比1978年增长8.6％。粮食产量33212万吨，比上年增加2737万吨。"
    report = Passage(1, Chunk("r#1", "r", text, "1980年政府工作报告", region="全国"), 1.0)
    right = "1979年粮食产量比上年增加2737万吨，当年农业总产值比1978年增长8.6%[1]。"
    assert check(right, report).status == "supported", check(right, report)


def test_the_one_an_article_is_about_need_not_be_named_by_its_passage():
    """马飚 of the article 马飚 whose passage says only 接替……: no name put in another's place."""
    text = "2013年3月，作为壮族代表，接替李兆焯，当选为第十二届全国政协副主席。"
    about = Passage(1, Chunk("b#1", "b", text, "马飚", region=None), 1.0)
    said = check("2013年3月，马飚接替李兆焯当选第十二届全国政协副主席[1]。", about)
    assert said.status == "supported", said
    flags("2013年3月，马飚接替王兆焯当选第十二届全国政协副主席[1]。", text, "王兆焯")


def test_good_news_in_other_words_is_the_passages():
    """喜讯不断 for 捷报频传: words of one meaning (synonyms.txt)."""
    text = "体育战线今年以来捷报频传，女子排球队第一次夺得了世界冠军。"
    passes("体育战线当年喜讯不断，女子排球队首次夺得世界冠军[1]。", text)


def test_a_short_form_or_a_rating_said_otherwise_is_no_other_thing():
    """泳池 for 游泳池, 重要节日 for 重大节日, 内在动力 for 内源性动力, 高标准建设 for 高水平建设:
    the passage's term said another way; 普通节日 for 重大节日 still is another."""
    text = "每逢重大节日都会烹煮这道菜。这条路如今是游泳池的职员通道。"
    passes("每逢重要节日都会烹煮这道菜，这条路如今是游泳池的职员通道，位于泳池内部[1]。", text)
    flags("每逢普通节日都会烹煮这道菜[1]。", text, "普通节日")
    text = "知识资本与人力资本的协同演化构成了经济增长的内源性动力。"
    passes("知识资本与人力资本的协同演化构成了经济增长的内在动力[1]。", text)
    text = "要高水平建设一批国家技术研发平台。"
    passes("要高标准建设一批国家技术研发平台[1]。", text)


def test_a_list_item_put_for_one_the_passages_never_name_is_caught():
    """量子计算 in place of the list's 脑机接口: a thing the passages never name, however it is
    made (a noun and a verb); the list's own items in another order pass."""
    text = "前瞻布局未来产业，培育人形机器人、脑机接口、6G、原子级制造等新赛道。"
    caught(
        "文章主张培育人形机器人、量子计算、6G、原子级制造等新赛道[1]。",
        "文章主张培育脑机接口、人形机器人、6G、原子级制造等新赛道[1]。",
        text,
        "量子计算",
    )


def test_a_verb_said_apart_with_了_is_the_verb_the_passage_denies():
    """签了约 is 签约: stated where the passage says 没有……签约, it contradicts it."""
    text = "试训后，红星队没有和李明签约。"
    caught("试训后李明和红星队签了约[1]。", "试训后红星队没有和李明签约[1]。", text, "签约")


def test_a_place_name_is_not_read_across_the_word_before_it():
    """高中|部 holds no 中部 and 二中|东盟 no 中东: no place the passage must name; 中部 said
    alone still is one."""
    text = "东盟校区今年招收高中生202人，其中高中部904人。"
    passes("某市二中东盟校区今年招收高中生202人，其中高中部904人[1]。", text)
    flags("中部地区的东盟校区今年招收高中生202人[1]。", text, "中部")


def test_a_national_designation_must_be_the_passages_own():
    """国家自主创新示范区 for the passage's 国家新型工业化示范区: another designation, though every
    other word is there; the passage's own, with or without 国家, passes."""
    text = "坚持以科技创新推动产业创新，加快培育新质生产力，争创国家新型工业化示范区。"
    caught(
        "文章提出以科技创新推动产业创新，争创国家自主创新示范区[1]。",
        "文章提出以科技创新推动产业创新，争创国家级新型工业化示范区[1]。",
        text,
        "自主创新示范区",
    )


def test_a_five_year_plan_said_short_is_the_plan_written_out():
    """“六五”计划 is the 第六个五年计划 the passage writes out; “七五” is another plan."""
    text = "第六个五年计划的主要任务，是要争取国家财政经济情况的根本好转。"
    caught(
        "报告提出，“七五”计划的主要任务是争取财政经济情况的根本好转[1]。",
        "报告提出，“六五”计划的主要任务是争取财政经济情况的根本好转[1]。",
        text,
        "七五",
    )


def test_a_bare_predicate_is_about_the_clause_before_it():
    """……邀请其加入国家队，但被拒绝: the refusal is of the invitation, so 接受邀请加入 contradicts
    it, though the clause 但被拒绝 names nothing of its own; the refusal restated passes."""
    text = "他带有波兰血统，因而波兰足协曾邀请其加入波兰国家队，但被拒绝。"
    caught(
        "他因波兰血统获波兰足协邀请，并接受邀请加入了波兰国家队[1]。",
        "他因波兰血统获波兰足协邀请加入波兰国家队，但拒绝了[1]。",
        text,
        "拒绝",
    )


def test_a_body_named_by_another_task_is_another_body():
    """审计部门 for the passage's 纪检部门: the tagger reads 审计 as a verb, yet it names another
    body before the same head; the passage's own body passes."""
    text = "各级领导干部要坚决执行有关规定，并自觉接受纪检部门的监督。"
    caught(
        "报告要求各级领导干部执行有关规定，并自觉接受审计部门的监督[1]。",
        "报告要求各级领导干部执行有关规定，并自觉接受纪检部门的监督[1]。",
        text,
        "审计",
    )


def test_a_body_put_for_the_passages_after_another_verb_is_caught():
    """由国务院有关部门负总责 for the passage's 实行省级人民政府负总责: the sentence says the frame
    another way (由 for 实行), and names a body the passage does not; 由省级人民政府 passes."""
    text = "稳定房价和住房保障工作实行省级人民政府负总责，市县人民政府负直接责任。"
    caught(
        "稳定房价和住房保障工作由国务院有关部门负总责、市县人民政府负直接责任[1]。",
        "稳定房价和住房保障工作由省级人民政府负总责、市县人民政府负直接责任[1]。",
        text,
        "国务院有关部门",
    )


def test_a_bare_predicate_of_the_sentence_is_read_against_the_passages_bare_ones():
    """但仍领先于我国 names nothing but its predicate and what it is measured against; the
    passage's short 已经落在我国的后边 says the opposite of it."""
    text = "甲国煤产量近二十多年一直处于下降和停滞状态，到去年只有二亿吨左右，已经落在我国的后边。"
    caught(
        "甲国煤产量近二十多年一直下降停滞，去年约为二亿吨，但仍领先于我国[1]。",
        "甲国煤产量近二十多年一直下降停滞，去年约为二亿吨，已落在我国后边[1]。",
        text,
        "领先",
    )


def test_an_event_moved_to_another_place_is_caught_past_a_light_verb():
    """在北京进行了试演 where the passage has 送北京，在天津试演: the verb is 试演, after the light
    进行了; 在天津进行了试演 passes."""
    text = "由李光铨等将制成的水雷送北京，在天津试演。"
    caught(
        "李光铨等人将水雷送往北京，并在北京进行了试演[1]。",
        "李光铨等人将水雷送往北京，并在天津进行了试演[1]。",
        text,
        "天津",
    )


def test_a_move_to_another_place_the_passage_names_is_caught():
    """将总部搬至深圳 where the passage says 搬至上海 and names 深圳 only for the listing: the move
    went elsewhere; 搬至上海 passes."""
    text = "第一家门店于1995年4月开设于浙江省温州市。2005年将总部搬至上海，2008年在深圳证交所上市。"
    caught(
        "第一家门店于1995年4月开设于浙江省温州市，公司2005年将总部搬至深圳，2008年在深圳证交所上市[1]。",
        "第一家门店于1995年4月开设于浙江省温州市，公司2005年将总部搬至上海，2008年在深圳证交所上市[1]。",
        text,
        "上海",
    )


def test_a_place_put_in_a_province_must_be_the_passages_one_there():
    """山西太谷人 where the passage says 山西省榆次人, 今河南开封 for its 今河南洛阳: another place
    of the same province; the passage's own passes."""
    text = "王某，1940年生，山西省榆次人。他曾在狄泉（在今河南洛阳）主持修筑城墙。"
    caught("王某是山西太谷人，生于1940年[1]。", "王某是山西榆次人，生于1940年[1]。", text, "榆次")
    caught(
        "他曾在狄泉（今河南开封）主持修筑城墙[1]。",
        "他曾在狄泉（今河南洛阳）主持修筑城墙[1]。",
        text,
        "洛阳",
    )


def test_a_figure_said_as_approximate_may_round_the_passages_in_the_same_unit():
    """约3.2万平方千米 for 3万2471平方千米: rounded to the places it is written to. Not to another
    figure (约3.3万), not to one in another unit (the year 2019 is no 约2000元), not when said
    as exact."""
    text = "2019年，该流域面积约为3万2471平方千米，沿岸人口约12万。"
    caught("该流域面积约3.3万平方千米[1]。", "该流域面积约3.2万平方千米[1]。", text, "3.3万")
    caught("该流域人均收入约2000元[1]。", "该流域面积3万2471平方千米左右[1]。", text, "2000")
    flags("该流域面积3.2万平方千米[1]。", text, "3.2万")
    # in no unit, it could round any figure
    flags("当地人口约2000，逐年增加[1]。", "当地人口1986，逐年增加。", "2000")
    # … a figure written with its magnitude (2.52万公里, 11377亿元), counted or not
    text = "高速公路由4771公里增加到2.52万公里，财政收入达到11377亿元。"
    passes("高速公路增至约2.5万公里，财政收入约1.14万亿元[1]。", text)
    flags("高速公路增至约2.6万公里[1]。", text, "2.6万")


def test_a_figure_opening_a_label_is_found_where_the_passage_writes_the_label():
    """2B类 for 第2B类 (a class, a code); another class (2A类) is still caught."""
    text = "乙酰胺被国际癌症研究机构划分为第2B类可能致癌物。"
    caught("乙酰胺被列为2A类可能致癌物[1]。", "乙酰胺被列为2B类可能致癌物[1]。", text, "2")


def test_a_word_the_tagger_files_as_a_place_after_an_amount_is_no_place():
    """突破万亿元大关: 大关 is a threshold there (and a county's name elsewhere); a place put for
    the passage's is still caught."""
    text = "全省财政收入首次突破千亿元，达到1021亿元。"
    caught("湖南财政收入首次突破千亿元[1]。", "全省财政收入首次突破千亿元大关[1]。", text, "湖南")


def test_a_repeal_said_in_other_words_keeps_its_polarity():
    """已废止 for the passage's 取消了: both do away with the tax; 保留 would not."""
    text = "在全国范围内取消了牧业税，终结了延续多年的历史。"
    caught("全国范围内保留了牧业税[1]。", "全国范围内已废止牧业税[1]。", text, "")


def test_a_negation_opening_with_an_adverb_is_read_as_a_negation():
    """仍未还清 against the passage's 已经基本还清 (jieba keeps 仍未 as one word)."""
    text = "引进设备所负的外债，到一九八二年底已经基本还清。"
    caught(
        "引进设备所负的外债到一九八二年底仍未还清[1]。",
        "引进设备所负的外债到一九八二年底已基本还清[1]。",
        text,
        "否定",
    )


def test_two_values_each_put_beside_the_other_s_words_are_caught():
    """Two quoted terms, ranks or figures of the passage, each restated after the words that
    lead up to the other in the passage — the thing it is said of clauses away."""
    caught(
        "文章称数字经济是扩大内需的“主引擎”和推动转型升级的“新动力”[1]。",
        "文章称数字经济是推动转型升级的“主引擎”和扩大内需的“新动力”[1]。",
        "数字经济是推动转型升级的“主引擎”，也是扩大内需的“新动力”，能带动就业。",
        "对调",
    )
    caught(
        "本届大赛中，滨海职业学院的选手夺冠，江北工业学校的选手获得亚军，山城技师学院的选手位列第三[1]。",
        "本届大赛中，滨海职业学院的选手夺冠，山城技师学院的选手获得亚军，江北工业学校的选手位列第三[1]。",
        "本届全省青年技能大赛于上月闭幕。来自滨海职业学院的选手夺得冠军，"
        "来自山城技师学院的选手获得亚军，来自江北工业学校的选手获得第三名。",
        "“亚军”与“第3”",
    )
    income = (
        "全市城镇居民人均可支配收入由2019年的41200元增加到2023年的52600元，年均实际增长6.2%。"
        "农村居民人均纯收入由18300元增加到24800元，年均实际增长7.9%。"
    )
    flags(
        "2019年至2023年，城镇居民人均可支配收入由41200元增至52600元，年均实际增长7.9%，"
        "农村居民人均纯收入年均实际增长则为6.2%[1]。",
        income,
        "“7.9%”与“6.2%”",
    )


@pytest.mark.parametrize(
    ("right", "text"),
    [
        (
            "文章提出要健全人才流动机制，支持高层次人才在校企之间有序流动[1]。",
            "要健全科技人才流动机制，鼓励高端人才在校企间有序流动。",
        ),
        (
            "文章指出，本地企业已是研发投入的主力和发明专利的主要持有者[1]。",
            "本地企业已成为研发投入的主体和发明专利的主要持有者。",
        ),
    ],
)
def test_a_qualifier_put_in_words_of_its_synonym_group_passes(right: str, text: str) -> None:
    """高层次人才 for 高端人才, 主力 for 主体: one thing said in other words of a synonym group,
    no other thing of its kind."""
    passes(right, text)


def test_a_word_pointing_back_is_no_name_put_for_the_passage_s():
    """两者 in a clause aligned with the passage's 在西安召开: it points back at what the other
    cited passage names, it is no place put for 西安."""
    first = passage("推动数字经济和实体经济深度融合意义重大，关系到产业竞争力的提升。", None, 1)
    second = passage(
        "近日，全省工业和信息化工作会议在西安召开，在下半年工作中的一项重点工作就是"
        "推动数字经济和实体经济融合发展。",
        None,
        2,
    )
    sentence = (
        "推动数字经济和实体经济深度融合关系到产业竞争力的提升，全省工业和信息化工作会议"
        "也把推动两者融合发展列为下半年的一项重点工作[1][2]。"
    )
    assert check(sentence, first, second).status == "supported"


def test_when_a_thing_first_was_is_no_rank_but_the_first_of_its_kind_is():
    """最初打算 says what was planned at first, no rank the passage must hold; 最早的植物园
    ranks it first of its kind."""
    text = "1954年，两位创办人买下了这片土地，原本打算开发成果园，后来改建为植物园。"
    caught(
        "两位创办人于1954年买下这片土地，后来建成了全省最早的植物园[1]。",
        "两位创办人于1954年买下这片土地，最初打算开发成果园[1]。",
        text,
        "第1",
    )


def test_a_count_of_the_cited_texts_themselves_is_no_figure_they_must_give():
    """两篇文章都强调 citing two documents counts the documents; 三篇 would not."""
    texts = ["强化企业科技创新主体地位，促进科技部门与产业部门精准对接。",
             "关键是强化企业科技创新主体地位，将创新资源与市场需求有机结合。"]  # fmt: skip
    cited = [
        Passage(n, Chunk(f"t{n}#1", f"t{n}", text, f"第{n}篇评论", region=None), 1.0)
        for n, text in enumerate(texts, start=1)
    ]
    assert check("两篇文章都强调强化企业科技创新主体地位[1][2]。", *cited).status == "supported"
    flagged = check("三篇文章都强调强化企业科技创新主体地位[1][2]。", *cited)
    assert flagged.status == "unsupported" and any("三篇" in i for i in flagged.issues)


def test_regardless_of_is_no_negation_however_it_is_said():
    """不分大小 and 无论大小 both say “regardless of size”: neither denies anything; the 不 of
    不应以大欺小 still does."""
    caught(
        "文章主张企业无论大小一律平等，应当以大欺小[1]。",
        "文章主张企业无论大小一律平等，不应以大欺小[1]。",
        "我们历来主张，企业不分大小，一律平等，不应以大欺小。",
        "不应以大欺小",
    )


def test_figures_written_half_in_digits_or_with_a_slash_are_one_figure():
    """4亿零700多万 is the passage's 四亿零七百多万, 1／4 its 四分之一 (and 四分之一 its 1／4); the
    years between two years the passage gives (三年后) are its figure — other years are not."""
    assert figures("产量达到四亿零七百多万吨") == figures("产量达到4亿零700多万吨") == {"407000000"}
    assert figures("内设机构精简1／4") == figures("精简1/4") == figures("精简四分之一") == {"1/4"}
    assert figures("定于12/5开幕") == {"12", "5"}  # a date, no fraction
    passes("全县产量达到4亿零700多万吨[1]。", "全县产量达到四亿零七百多万吨。")
    passes("该局内设机构精简四分之一[1]。", "该局内设机构精简1／4，人员减少一半。")
    moved = "该店2005年将总部迁往外省。2008年在交易所上市。"
    caught(
        "该店2005年迁往外省，两年后在交易所上市[1]。",
        "该店2005年迁往外省，三年后在交易所上市[1]。",
        moved,
        "两年",
    )


def test_a_statement_put_at_the_date_of_the_clause_before_it_is_caught():
    """同年 (2008年) where the passage dates the statement 2009年, in a clause of its own: the
    statement stands undated alone, dated in the span its date governs."""
    text = "2008年，甲国批准该果实作为食品成分。2009年，乙国卫生部门批准该果肉作为食品配料。"
    caught(
        "2008年，甲国批准该果实作为食品成分；同年，乙国卫生部门也批准该果肉作为食品配料[1]。",
        "2008年，甲国批准该果实作为食品成分；次年，乙国卫生部门也批准该果肉作为食品配料[1]。",
        text,
        "原文此事在",
    )


def test_a_degree_said_the_other_way_of_the_same_noun_is_caught():
    """比例相对较低 for the passage's 比例较高, though the words around differ (人口/人群): the
    noun pins down what is graded."""
    text = "该街道的人口密度居全市前列。辖区内仍保留有大量老街巷，老年人群比例较高。"
    caught(
        "该街道保留着大量老街巷，老年人口比例相对较低[1]。",
        "该街道保留着大量老街巷，老年人口比例相对较高[1]。",
        text,
        "比例相对较低",
    )


def test_an_organisation_named_by_several_words_the_passage_lacks_is_caught():
    """中国国际象棋协会 where the passage's body is another: each of its words is in the passage
    (中国, 国际象棋), the name is not; 中乙球队 is the passage's 中国足球乙级联赛球队."""
    text = (
        "中国（东湖）国际象棋超级大赛原名中国（东湖）国际象棋特级大师邀请赛，首届比赛于2008年"
        "12月在东湖市浦口区举行。本次大赛由东湖市人民政府、国家体育总局棋牌运动管理中心主办，"
        "浦口区人民政府、东湖市体育局承办。"
    )
    caught(
        "首届比赛由东湖市人民政府和中国国际象棋协会主办，浦口区人民政府、东湖市体育局承办[1]。",
        "首届比赛由东湖市人民政府和国家体育总局棋牌运动管理中心主办，浦口区人民政府承办[1]。",
        text,
        "中国国际象棋协会",
    )
    passes(
        "2014年，他被租借到中乙球队东湖联盛[1]。",
        "2014年，他被租借给中国足球乙级联赛球队东湖联盛。",
    )


def test_a_quotation_put_at_another_occasion_of_the_passage_is_caught():
    """“……” said at the meeting (or on the visit) the sentence names, where the passage quotes it
    at another one it names beside: the occasion is in the passage, said of something else."""
    text = (
        "省委十二届五次全会通过的决定指出，“加强生态资源统筹”。今年全省经济工作会议明确提出"
        "“推动文旅融合”，并将“以数字技术赋能乡村振兴”作为明年的重点任务之一。"
    )
    caught(
        "省委十二届五次全会将“以数字技术赋能乡村振兴”列为明年的重点任务之一[1]。",
        "全省经济工作会议将“以数字技术赋能乡村振兴”列为明年的重点任务之一[1]。",
        text,
        "原文出自",
    )
    visit = "省长在东湖考察调研期间首次提出“数字乡村”。不久前，在全省农村工作会议上，他再次强调：“要以数字技术赋能乡村，培育新业态。”"
    caught(
        "省长在东湖考察调研期间强调，“要以数字技术赋能乡村，培育新业态”[1]。",
        "省长在全省农村工作会议上强调，“要以数字技术赋能乡村，培育新业态”[1]。",
        visit,
        "原文出自",
    )


def test_a_rank_the_passage_gives_another_noun_is_no_rank_of_this_one():
    """平均孔高名列前三 where the passage ranks 孔高 前四 and 桥厚 前三: the rank is the passage's,
    said of another thing."""
    text = "与其他石桥相比，三桥的平均孔高名列前四，桥高、桥宽、桥厚均名列前三。"
    caught(
        "三桥的平均孔高名列前三，桥高、桥宽、桥厚也都位列前三[1]。",
        "三桥的平均孔高名列前四，桥高、桥宽、桥厚也都位列前三[1]。",
        text,
        "孔高名列前三",
    )


def test_a_word_the_passage_only_denies_is_caught_stated_in_other_words():
    """并未公开 (公开 an adverb to jieba) is the one clause saying 公开: a sentence saying it was
    公开 about the same event in other words (名单 / 评审结果, 当周 / 周内) contradicts it."""
    text = "2019年3月，该市完成首批创新券评审。按照评审办法，评审结果在周内并未公开。两周后市科技局公布了获奖名单。"
    caught(
        "该市2019年3月完成首批创新券评审，按照评审办法，名单在当周就对外公开了[1]。",
        "该市2019年3月完成首批创新券评审，按照评审办法，评审结果在周内并未公开[1]。",
        text,
        "公开",
    )


def test_lagging_behind_reverses_exceeding():
    text = "近三年全市研发投入的增长幅度，已经超过地区生产总值增长的幅度。"
    caught(
        "报告承认，近三年全市研发投入的增长幅度仍落后于地区生产总值的增长幅度[1]。",
        "报告指出，近三年全市研发投入的增长幅度已超过地区生产总值的增长幅度[1]。",
        text,
        "落后于",
    )


def test_two_names_crossed_over_are_caught_past_a_gloss_in_brackets():
    """甲（乙）筹建，丙承建: what follows 甲 is read past the bracketed gloss of its name."""
    text = (
        "该馆由市文旅局（市文化广电旅游局）筹建，滨江区政府承建。2019年9月动工，2021年6月建成开放。"
    )
    caught(
        "该馆由滨江区政府筹建、市文旅局承建，2021年6月建成开放[1]。",
        "该馆由市文旅局筹建、滨江区政府承建，2021年6月建成开放[1]。",
        text,
        "互换",
    )


def test_a_year_naming_the_cited_document_dates_nothing():
    """2021年滨江区政府工作报告回顾，……: the year is the document's name, not the time of what it
    recounts (去年, in that report, is 2020)."""
    text = "去年滨江、清河和白沙河流域发生历史罕见的洪涝灾害，直接经济损失30多亿元，许多企业停产。"
    report = Passage(1, Chunk("r#1", "r", text, "2021年滨江区政府工作报告", region=None), 1.0)
    flood = "滨江、清河和白沙河流域发生历史罕见的洪涝灾害，直接经济损失30多亿元[1]。"
    said = check(f"2021年滨江区政府工作报告回顾，上一年{flood}", report)
    assert said.status == "supported", said.issues
    assert check(f"2021年{flood}", report).status == "unsupported"


def test_a_qualifier_put_another_way_a_restatement_may_is_no_exchange():
    """全面取消 for 全部取消, 职业 for 专业 (data/lexicon/restatements.txt): alike to the sentence
    check, though not synonyms a search would swap."""
    passes(
        "报告提到，今年全面取消农村义务教育阶段学杂费，惠及一千多万名学生[1]。",
        "报告提到，今年全部取消农村义务教育阶段学杂费，惠及一千多万名学生。",
    )
    passes(
        "林晓是该市第一位女性职业摄影师，也是唯一获得金像奖的摄影师[1]。",
        "林晓是该市第一位女性专业摄影师，也是唯一获得金像奖的摄影师。",
    )
