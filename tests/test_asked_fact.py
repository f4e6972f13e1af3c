"""A factoid question is answered only when the passages hold the kind of fact it asks for.

On a made-up, undated text: 哪年 is answered by a year said from the text (明年), never by a
span of time (目前); a share (占……多大比重) by a percentage, never by a count of years — and the
十几年 a question mentions in passing is not the unit it asks in; “除了A、B，剩下的呢” only by a
list that goes on past A and B.
"""

from __future__ import annotations

import pytest
from conftest import assistant_of

from assistant.answer.asked_fact import _only_striven_for
from assistant.answer.counted import _asked_sets
from assistant.answer.question_types import answers_kind
from assistant.answer.remaining import listed_with, named_items
from assistant.text.expressions import asked_unit, asked_units, dates

TEXTS = {
    "制造业发展情况通报.txt": (
        "制造业发展情况通报\n"
        "明年将重点发展工业机器人，培育一批链主企业。\n"
        "链主企业要带动上下游配套企业协同发展。\n"
        "全市制造业规模连续12年位居全省前列，产业体系较为完整。\n"
    ),
    "产业链推进方案.txt": (
        "产业链推进方案\n"
        "围绕智能装备、新型材料等4条重点产业链及软件、集成电路等3个产业集群，开展联合攻关。\n"
        "在东港、西港和南港建设3个中试基地，服务链上企业。\n"
    ),
    "创新中心建设进展.txt": (
        "创新中心建设进展\n"
        "目前，全市正在争创国家级制造业创新中心，推动产业链协同创新。\n"
        "中心将联合高校和企业共建中试平台。\n"
    ),
    "园区建设计划.txt": (
        "园区建设计划\n"
        "全市将聚焦5个千亿级产业园区，营造“两个优先”发展氛围。\n"
        "园区将引进龙头企业，完善配套设施。全市要打赢三大攻坚战。\n"
        "重点是打好稳增长、促转型、惠民生的攻坚战。\n"
    ),
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    return assistant_of(tmp_path_factory.mktemp("asked-fact"), TEXTS)


def test_a_span_of_time_does_not_say_which_year(assistant):
    answer = assistant.ask("全市的国家级制造业创新中心是哪年批下来的？")
    assert answer.refused and "时间" in answer.answer, answer.answer


def test_a_thing_only_striven_for_has_no_date_it_was_done(tmp_path):
    """哪年批下来的 about a 示范区 the text says the city 争创 (strives for): the 今年 of the
    report that says so is not the year it was approved; what the city strives for is answered;
    whether it was approved (批下来了没) and how many of what is planned (要布局建设一批) are built
    are not."""
    texts = {
        "示范区建设.txt": (
            "示范区建设情况\n"
            "今年市政府工作报告提出，要加快发展先进制造业，争创国家级先进制造业示范区。\n"
        )
    }
    texts["平台布局.txt"] = "平台布局\n下一步，要布局建设一批市级中试验证平台。\n"
    assistant = assistant_of(tmp_path, texts)
    answer = assistant.ask("国家级先进制造业示范区是哪年批下来的？")
    assert answer.refused and "时间" in answer.answer, answer.answer
    assert not assistant.ask("市政府工作报告提出要争创啥示范区？").refused
    # … nor whether it is done, nor how many are built of what is only planned
    answer = assistant.ask("国家级先进制造业示范区现在批下来了没？")
    assert answer.refused and "没有说已经做到" in answer.answer, answer.answer
    answer = assistant.ask("市级中试验证平台现在已经建成多少个了？")
    assert answer.refused and "数据" in answer.answer, answer.answer


def test_how_many_were_approved_of_what_is_only_planned_is_not_answered(tmp_path):
    """批了几个 asks how many were approved: a figure beside the plan (要布局建设一批……) is not it."""
    plan = (
        "中试平台建设\n今年全市登记技术合同1200件，成交额增长12%。"
        "下一步，要布局建设一批市级中试验证平台。\n"
    )
    assistant = assistant_of(tmp_path, {"平台.txt": plan})
    answer = assistant.ask("市级中试验证平台今年批了几个？")
    assert answer.refused, answer.answer
    assert not assistant.ask("今年全市登记了多少技术合同？").refused


def test_the_size_of_a_fund_or_a_budget_is_money():
    """基金规模多大, 批了多少预算 ask for money: 三地 (the three places) is no answer."""
    for question in (
        "成果转化专项基金规模是多大？",
        "今年给专项行动批了多少预算？",
        "那个基金搞多大盘子？",
    ):
        assert "元" in asked_units(question), question
        assert not answers_kind("quantity", "推动三地金融数据共享。", question, strict=False)
        assert answers_kind("quantity", "基金规模为50亿元。", question, strict=False)
        assert not answers_kind("quantity", "推动5G等6条产业链发展。", question, strict=False)
        assert answers_kind("quantity", "预算一律削减10%。", question, strict=False)  # a rate
        assert answers_kind("quantity", "全年安排3000亿。", question, strict=False)  # a sum
        assert not answers_kind("quantity", "打造4个万亿级产业基地。", question, strict=False)
        assert not answers_kind("quantity", "发挥“百万学子”行动作用。", question, strict=False)
        assert answers_kind("quantity", "全年投入数千亿。", question, strict=False)


def test_a_year_said_from_the_text_answers_which_year(assistant):
    answer = assistant.ask("通报要求哪一年重点发展工业机器人？")
    assert not answer.refused and "明年" in answer.sentences[0].text, answer.answer


def test_a_count_of_years_is_no_share(assistant):
    answer = assistant.ask("全市制造业连续十几年位居前列，制造业增加值占全省多大比重？")
    assert answer.refused and "数据" in answer.answer, answer.answer


def test_a_percentage_answers_a_share():
    question = "全市软件业务收入占全省多大比重？"
    assert answers_kind("quantity", "软件业务收入占全省的比重达到35%。", question, strict=False)
    assert answers_kind("quantity", "软件业务收入约占全省三成。", question, strict=False)
    assert not answers_kind("quantity", "软件业连续12年保持增长。", question, strict=False)
    # 比例 asks for a share too, which a ratio gives
    question = "学校男女生比例是多少？"
    assert answers_kind("quantity", "学校男女生比例约为1：3。", question, strict=False)
    assert not answers_kind("quantity", "学校连续12年扩大招生。", question, strict=False)


def test_an_approximate_number_in_the_question_is_not_the_unit_asked_for():
    """连续十几年 is what the question mentions; 多大比重 is what it asks."""
    assert asked_unit("连续十几年位居前列，占全球多大比重？") == ""
    assert "%" in asked_units("连续十几年位居前列，占全球多大比重？")
    assert asked_unit("一共有几家企业？") == "家"


def test_a_number_of_years_is_a_duration_not_a_date():
    assert not dates("制造业规模连续12年位居前列，5年来增长较快，历时3年建成。")
    assert dates("约1900年建成，1990年以来不断扩建。") == {"1900年", "1990年"}


def test_the_rest_of_a_list_the_texts_stop_at_is_refused(assistant):
    answer = assistant.ask("方案里的4条重点产业链，除了智能装备、新型材料，剩下两条是啥？")
    assert answer.refused and "只列出了“智能装备、新型材料”" in answer.answer, answer.answer
    answer = assistant.ask("那3个产业集群除了软件和集成电路，另外一个是什么？")
    assert answer.refused and "只列出了" in answer.answer, answer.answer


def test_the_rest_of_a_list_the_question_runs_together_is_refused_as_the_texts_list_it(assistant):
    answer = assistant.ask("方案里4条重点产业链 除了智能装备新型材料 剩下两条是啥")
    assert answer.refused and "只列出了“智能装备、新型材料”" in answer.answer, answer.answer


def test_the_members_of_a_set_the_texts_only_count_are_refused(assistant):
    """聚焦5个千亿级产业园区 counts the parks and never names them; 在东港、西港和南港建设3个
    中试基地 names its three."""
    answer = assistant.ask("那5个千亿级产业园区具体是哪5个？")
    assert answer.refused and "只提到“5个千亿级产业园区”" in answer.answer, answer.answer
    answer = assistant.ask("园区建设计划说的两个优先是哪两个")
    assert answer.refused and "只提到“两个优先”" in answer.answer, answer.answer
    answer = assistant.ask("那3个中试基地分别是哪3个？")
    assert not answer.refused and "西港" in answer.answer, answer.answer
    assert not assistant.ask("全市要聚焦几个千亿级产业园区？").refused  # how many, not which
    # listed where it is not counted: 打好A、B、C的攻坚战 names the 三大攻坚战
    answer = assistant.ask("园区建设计划说的三大攻坚战是哪三个？")
    assert not answer.refused and "促转型" in answer.answer, answer.answer
    assert _asked_sets("该公司在世界500强企业名单中排名多少？") == []  # a rank, not the members
    assert _asked_sets("那5个千亿级产业园区具体是哪5个？") == [(5, "个", "千亿级产业园区")]


def test_the_rest_of_a_list_the_texts_go_on_with_is_answered(assistant):
    answer = assistant.ask("中试基地除了东港，还建在哪些地方？")
    assert not answer.refused and "西港" in answer.answer, answer.answer


def test_the_items_a_question_names_and_the_list_a_sentence_holds_them_in():
    assert named_items("除了智能装备、新型材料，剩下两条是啥？") == ["智能装备", "新型材料"]
    assert named_items("太宗为什么让他另外购买府第？") == []
    sentence = "围绕智能装备、新型材料等4条产业链及软件、集成电路等3个集群开展攻关。"
    assert listed_with(["软件", "集成电路"], sentence) == ["软件", "集成电路"]
    assert listed_with(["东港"], "东港是一个港口。") is None  # one item is no list
    assert named_items("破除体制障碍，还有哪些其他措施？") == []  # 破除 is no 除了


def test_money_is_counted_in_a_currency():
    question = "入选的人一人能拿多少补助？"
    assert answers_kind("quantity", "入选者每人补助5万元。", question, strict=False)
    assert not answers_kind("quantity", "加快打造一支人才队伍。", question, strict=False)


def test_a_figure_in_another_dimension_does_not_answer_a_size():
    """多大面积: 63千米 is a distance, and its 63 no area either; a figure in no dimension
    (21级) still keeps a size question from being refused."""
    question = "该市的陆地面积是多大？"
    assert not answers_kind("quantity", "该市距省会63千米。", question, strict=False)
    assert answers_kind("quantity", "其陆地面积为1750.33km²。", question, strict=False)
    assert answers_kind("quantity", "被定为21级赛事。", "赛事级别有多高？", strict=False)


def test_a_rate_answers_how_much_anything_grew():
    """经费 asks for a sum, but 经费增长多少 is answered by the rate it grew at."""
    assert answers_kind(
        "quantity", "全省研发经费投入增长9%。", "研发经费投入增长多少？", strict=False
    )


def test_a_question_asking_for_the_day_needs_the_day(tmp_path):
    """几月几号 is answered by a day (3月12日), not by a year or 近日."""
    assistant = assistant_of(
        tmp_path,
        {
            "工作会议.txt": "全市工作会议\n近日，2025年全市科技工作会议在市政府召开，部署全年重点任务。\n",
            "推进会.txt": "产业推进会\n全市产业推进会于3月12日召开，会议部署了链长制工作。\n",
        },
    )
    assert assistant.ask("全市科技工作会议是几月几号开的？").refused
    answer = assistant.ask("全市产业推进会是几月几号开的？")
    assert not answer.refused and "3月12日" in answer.answer


def test_the_things_a_question_asks_about_each_are_answered_first_in_turn(tmp_path):
    """“A和B分别是多少”: the sentence answering A, then the one answering B, before the rest."""
    assistant = assistant_of(
        tmp_path,
        {
            "工作报告.txt": "全市政府工作报告\n今年全市地区生产总值预期增长6%左右。\n"
            "城镇新增就业5万人以上，城镇调查失业率控制在5.5%以内。\n居民消费价格涨幅控制在3%左右。\n",
            "农业.txt": "农业农村工作要点\n粮食播种面积稳定在500万亩以上。\n",
        },
    )
    answer = assistant.ask("全市地区生产总值增长目标和居民消费价格涨幅控制目标分别是多少？")
    first, second = answer.answer.split("。")[:2]
    assert "6%左右" in first and "3%左右" in second, answer.answer


def test_years_spelled_in_chinese_answer_a_question_naming_them_in_digits(tmp_path):
    """An older report writes 一九八二年: a question asking about 1982年 is answered by it."""
    assistant = assistant_of(
        tmp_path,
        {
            "工作报告.txt": "全市政府工作报告\n一九八二年全市工农业总产值达到八十二亿元，"
            "比一九七八年增长百分之三十二点六。\n",
            "农业.txt": "农业农村工作要点\n粮食播种面积稳定在500万亩以上。\n",
        },
    )
    answer = assistant.ask("1982年全市工农业总产值达到多少？比1978年增长多少？")
    assert not answer.refused and "八十二亿元" in answer.answer, answer.answer


def test_a_year_asked_in_digits_finds_the_passage_that_spells_it(tmp_path):
    """Older reports write 一九八四年: the search looks for the year as they spell it, so the
    passage about 1984 answers, not one about another year that shares every other word."""
    from assistant.text.numerals import spelled_years

    assert spelled_years("1980") == ["一九八〇年", "一九八○年", "一九八零年"]
    years = {1981: "三十一", 1982: "三十四", 1983: "三十八", 1984: "四十", 1985: "四十三"}
    sections = "".join(
        f"（{'一二三四五'[i]}）{y}年情况\n{spelled}年全市粮食产量达到{amount}万吨，农业生产持续发展。\n"
        for i, (y, amount) in enumerate(years.items())
        for spelled in ["".join("〇一二三四五六七八九"[int(d)] for d in str(y))]
    )
    assistant = assistant_of(
        tmp_path,
        {
            "农业统计.txt": "全市农业统计资料\n" + sections,
            "工业.txt": "工业统计资料\n全市工业总产值稳步增长。\n",
        },
    )
    answer = assistant.ask("1984年全市粮食产量是多少？")
    assert answer.answer.startswith("一九八四年全市粮食产量达到四十万吨"), answer.answer


def test_a_share_or_a_price_asked_plainly_needs_its_unit():
    """比重是多少 asks for a share as 多大比重 does, 多少钱 for money as 多少补助 does: a count of
    years answers neither."""
    assert "%" in asked_units("去年制造业增加值占全市比重是多少？")
    assert not answers_kind(
        "quantity", "全市制造业规模连续12年位居全省前列。", "制造业占全市比重是多少？", strict=False
    )
    assert "元" in asked_units("引进的人才每人补多少钱？")
    assert not answers_kind(
        "quantity", "全市要打赢三大攻坚战。", "引进的人才每人补多少钱？", strict=False
    )
    assert answers_kind("quantity", "每人补助5万元。", "引进的人才每人补多少钱？", strict=False)


def test_a_magnitude_asked_alone_is_answered_only_by_a_figure_of_that_size():
    """多少亿 counts in 亿 (5000亿元, 1.2万亿元): a count of years or a 6G is no answer."""
    question = "低空经济今年规模能到多少亿？"
    assert answers_kind("quantity", "低空经济规模超过5000亿元。", question, strict=False)
    assert answers_kind("quantity", "产业规模达到1.2万亿元。", question, strict=False)
    assert not answers_kind("quantity", "规模连续14年位居前列。", question, strict=False)
    assert not answers_kind("quantity", "培育6G、低空经济等新赛道。", question, strict=False)


def test_a_pointer_after_an_item_or_another_measure_word_still_names_the_set(assistant):
    """除了智能装备和材料那条: 那条 points at the item; 那5项千亿级园区 counts what the text
    counts as 5个: the rest and the members are refused all the same."""
    assert named_items("除了智能装备和材料那条，剩下两条是啥？") == ["智能装备", "材料"]
    answer = assistant.ask("4条重点产业链除了智能装备和材料那条，剩下两条是啥？")
    assert answer.refused and "只列出了" in answer.answer, answer.answer
    answer = assistant.ask("那5项千亿级产业园区具体是啥？")
    assert answer.refused and "只提到“5个千亿级产业园区”" in answer.answer, answer.answer


def test_a_figure_of_another_part_of_the_year_does_not_answer(tmp_path):
    """全年签了多少 is not answered by the first half-year's figure; 上半年 is."""
    texts = {
        "技术市场通报.txt": (
            "技术市场通报\n今年上半年，全省共登记技术合同1.2万件，成交额超过300亿元。\n"
        )
    }
    made = assistant_of(tmp_path, texts)
    answer = made.ask("全年下来全省技术合同成交额一共多少？")
    assert answer.refused, answer.answer
    answer = made.ask("上半年全省技术合同成交额多少？")
    assert not answer.refused and "300亿元" in answer.answer, answer.answer


def test_a_yes_no_question_asking_how_much_needs_the_figure(assistant):
    """有没有定……要到多少 asks for the figure: the texts name the thing but give no figure for it,
    so it is refused; asked of a thing they count, it is answered with the count."""
    answer = assistant.ask("全市有没有定工业机器人产量要到多少？")
    assert answer.refused and "数据" in answer.answer, answer.answer
    counted = assistant.ask("全市有没有说要建多少个中试基地？")
    assert not counted.refused and "3个中试基地" in counted.answer, counted.answer


def test_a_thing_only_to_be_built_has_no_count_of_those_built():
    """已经建成多少个: a sentence saying what is to be built (要……建设, 将……建设) gives no count
    of those built; one saying they were built does."""
    asked = "全市已经建成多少个技术中试平台？"
    assert _only_striven_for("因此，要以应用场景为牵引，建设面向行业的技术中试平台。", asked)
    assert _only_striven_for("全市将建设3个技术中试平台。", asked)
    assert not _only_striven_for("全市已建成3个技术中试平台。", asked)
    assert not _only_striven_for("要求各地建设技术中试平台的企业已有3家。", "有几家企业？")
