"""What a question asks for, and which sentence holds it."""

import pytest
from conftest import assistant_of

from assistant.answer.candidates import Candidate, is_definition_of
from assistant.answer.first import answering
from assistant.answer.question_types import answers_kind, classify, definienda, question_parts
from assistant.answer.wording import opens_on_date, opens_with, verb_share
from assistant.schema import Chunk, Passage
from assistant.text.expressions import asked_unit, asked_units, dates, defined_term, quantities


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("谁宣布将访问越南？", "who"),
        ("这个项目是由哪家公司承建的？", "who"),
        ("该工程预计何时完工？", "when"),
        ("松平康忠是什么时期的武将？", "when"),
        ("总部在哪里？", "where"),
        ("2025年上半年全国登记了多少技术合同？", "quantity"),
        ("湖南每年引进几名高层次人才？", "quantity"),
        ("文件主要从几个重点方面推动转型？", "list"),  # the aspects, not how many
        ("这一轮改革分为几个阶段？", "list"),
        ("去年有几家企业入选？", "quantity"),
        ("那篇说的短板都有哪些 点几个", "list"),  # 点几个: name a few, not how many
        ("举几个例子说说有哪些企业入选", "list"),
        ("什么是中试？", "definition"),
        ("中试是什么？", "definition"),
        ("发起这个计划的目标是什么？", "which"),  # a fact, not a definition
        ("融合不畅具体指啥情况", "definition"),  # what a term of the text means
        ("那篇说的“双轮驱动”指的啥？", "definition"),
        ("辽宁说的新赛道都指啥", "which"),  # 都指啥: the things it covers, not a definition
        ("示范区现在批下来了没？", "yes_no"),  # done or not
        ("示范区后来批下来没有？", "yes_no"),
        ("本省落地的比例到底多少？有具体数吗？", "quantity"),  # 有…吗 only presses it
        ("是否设立了专项基金？规模多大？", "yes_no"),
        ("老城区和新区，定位上咋区分？", "comparison"),
        ("数实两者结合眼下卡在哪几处？", "problem"),  # 两者 names what is joined, no contrast
        ("那篇怎么看待研发和转化两者的关系？", "how"),
        ("为什么要推进科技金融？", "reason"),
        ("如何推动人工智能与产业深度融合？", "how"),
        ("新华网那篇提了哪些短板领域？", "list"),
        ("那几种组合打法都有啥？", "list"),  # 那几种: which ones, not how many
        ("河北和辽宁在人才方面有什么不同？", "comparison"),
        ("两篇都提中试，一个说建啥、一个说建啥？", "comparison"),  # one side, then the other
        ("那篇提了一个平台，叫啥？", "which"),
        ("辽宁是不是主张全押新兴产业？", "yes_no"),
        ("那篇文章提没提要把转化比例往上抬？", "yes_no"),  # A没A: not 比例, a quantity
        ("要不要设立专项基金？", "yes_no"),
        ("当前要着重抓好哪十项工作？", "list"),  # a count of items: the list, whole
        ("那是哪一年的事？", "when"),
        ("不得不提的是哪些措施？", "how"),  # 不得不 is no A不A
        ("陕西靠哪个总平台推进融合？", "which"),
        ("这座博物馆在哪？", "where"),
        ("那篇讲成果落地，举了哪几个地方的做法", "where"),  # the places, not the ways
        ("要分几个方向推进？", "list"),  # 几个方向: the directions, not how many
        ("用好人工智能以后要在哪几方面带来变革？", "list"),  # 在哪几方面: the aspects
        ("这种草药又称之为什么？", "which"),  # a name, not a reason: 称之为|什么
        ("该剧院是因何得名的？", "reason"),
        ("这个名称是怎么来的？", "reason"),
        ("这座桥正式通车的时间是？", "when"),  # the question ends on the time it asks for
        ("他辞去职务的理由是什么？", "reason"),
        ("搭这个产业体系，最终图的是啥？", "reason"),  # what for: a purpose answers it
        ("设立专项基金的目的是什么？", "reason"),
        ("那篇说两边合作卡在哪几个毛病上", "problem"),  # what holds it back: the problems
        ("县里推广新品种难在哪？", "problem"),
        ("养老服务眼下存在哪些问题？", "problem"),
        ("这事对本省来说分量有多重？", "reason"),  # how much it matters: why, no figure
        ("这座桥有多重？", "quantity"),
    ],
)
def test_the_question_type(question, kind):
    assert classify(question) == kind


def test_a_sentence_answers_the_kind_only_with_something_the_question_lacks():
    question = "芙蓉计划是2023年什么时候启动的？"
    assert answers_kind("when", "该计划于2023年3月正式启动。", question)
    assert not answers_kind(
        "when", "2023年，该计划稳步推进。", question
    )  # only the year asked about
    assert answers_kind("who", "由省委人才工作领导小组统筹推进。", "由谁统筹推进？")
    assert not answers_kind("where", "推动高校与企业联合培育工程师。", "在哪里培育工程师？")
    assert answers_kind("reason", "因其形状貌似蝉蛹，故而得名。", "这种植物是因何得名的？")
    assert not answers_kind("reason", "这是一个古老的故事。", "为什么叫这个名字？")
    assert answers_kind("reason", "目的是确保供应链安全稳定。", "最终图的是啥？")


def test_quantities_in_the_unit_asked_for():
    assert asked_unit("全国登记了多少项技术合同？") == "项"
    assert asked_unit("引进多少亿元投资？") == "亿元"
    assert quantities("全国共登记技术合同近41万件，成交额超过3万亿元") >= {"41万件", "3万亿元"}
    assert quantities("每年支持千家中小企业", "家") == {"千家"}
    assert answers_kind("quantity", "共登记技术合同近41万件。", "登记了多少项技术合同？")


def test_a_question_about_a_size_is_answered_in_its_units():
    """多高/体重 ask for metres or kilograms: a year is no answer, though it is a figure; with
    no sentence in those units, any figure still keeps the question from being refused."""
    assert asked_units("这座塔有多高？")[:2] == ("米", "千米")
    assert asked_units("登记了多少项技术合同？") == ("项",)
    assert answers_kind("quantity", "塔身高约55米，底座直径8米。", "这座塔有多高？")
    assert not answers_kind("quantity", "该塔建于1628年，是当地最早的塔。", "这座塔有多高？")
    assert answers_kind("quantity", "这只袋鼠约8公斤重。", "这只袋鼠体重多少？")
    assert answers_kind("quantity", "身高182CM。", "他的身高是多少？")
    assert answers_kind("quantity", "被定为21级赛事。", "赛事级别有多高？", strict=False)


def test_dates_in_every_form():
    found = dates("1978年4月23日首播，二〇二四年上半年完工，20世纪90年代，明朝时期")
    assert {"1978年4月23日", "二〇二四年", "上半年"} <= found
    # months, seasons, weekdays, times of day and solar terms answer “何时” too
    found = dates("花期4-6月，十月下旬结果，逢星期一早上8:30开放，夏至正午无影")
    assert {"6月", "十月下旬", "星期一", "早上", "8:30", "夏至"} <= found
    assert not dates("鼓励“周末工程师”柔性流动"), "a name is no date"
    # a period named by its dynasty or era; 朝 alone (前朝, 朝鲜王朝) is none
    assert {"唐末", "清初", "北宋年间", "战国时代"} <= dates("唐末、清初、北宋年间、战国时代")
    assert not dates("宋仍承前朝行乡里制，朝鲜王朝")
    # a span of years is no year: 5年间 (in five years), as 5年来; 1990年以来 is one
    assert "5年" not in dates("5年间全国使用国外贷款153.8亿美元") and "1990年" in dates(
        "1990年以来"
    )


def test_a_definition_question_names_its_term_as_written():
    weights = {"乡里": 2.0, "制": 1.0}  # segmentation splits the term
    assert definienda("definition", weights, "什么是“乡里制”？")[0] == "乡里制"
    assert definienda("definition", weights, "乡里制是什么？")[0] == "乡里制"
    assert definienda("list", weights, "乡里制有哪些？") == []
    assert definienda("definition", weights, "乡里制具体指啥情况")[0] == "乡里制"
    assert definienda("definition", weights, "那篇说的“乡里制”指的啥？")[0] == "乡里制"


def test_a_definition_is_recognised_in_the_forms_an_encyclopedia_opens_with():
    assert is_definition_of("约化环", "约化环是满足某种条件的交换环。")
    assert is_definition_of("约化环", "在代数中，约化环是满足某种条件的交换环。")
    assert is_definition_of("翼梢帆", "翼梢帆（winglet），又称翼端帆，用于提高机翼效率。")
    # of what, before the term in quotes: 两类创新的“融合不畅”是指……
    assert is_definition_of("融合不畅", "两类创新的“融合不畅”是指机制不完善。")
    assert not is_definition_of("融合不畅", "两类创新的融合不畅问题突出。")
    assert not is_definition_of("约化环", "约化环的例子很多，整数环就是一个。")
    assert not is_definition_of("约化环", "不过约化环也可以这样构造。")


def _candidate(position: int, text: str, score: float, typed: bool) -> Candidate:
    chunk = Chunk("d#1", "d", text, "某地")
    return Candidate(Passage(1, chunk, 1.0), position, text, 0.8, score, typed)


def test_a_sentence_with_the_date_answers_first_only_with_the_sentence_it_completes():
    weights = {"工程": 1.0, "完工": 1.0}
    site = _candidate(0, "该工程选址在城东。", 8.0, typed=False)
    done = _candidate(1, "计划于2024年上半年完工。", 4.0, typed=True)
    assert answering("when", "该工程预计何时完工？", [site, done], weights) is done
    # a far weaker dated sentence that adds none of the question's words is about something else
    other = _candidate(1, "2004年该地曾举办展会。", 4.0, typed=True)
    assert answering("when", "该工程预计何时完工？", [site, other], weights) is site


def test_a_sentence_naming_a_colour_answers_what_colour_first():
    """“什么颜色”: the sentence naming one (体呈银灰色) leads, though another scores higher."""
    weights = {"某鱼": 1.0, "颜色": 1.0}
    opening = _candidate(0, "某鱼为鲈形目的一种。", 8.0, typed=False)
    colour = _candidate(3, "本鱼体呈银灰色，有若干污斑。", 5.0, typed=False)
    assert answering("which", "某鱼的身体是什么颜色的？", [opening, colour], weights) is colour
    assert answering("which", "某鱼属于哪一目？", [opening, colour], weights) is opening


def test_a_time_said_from_the_texts_date_or_a_list_counted_answers_loosely():
    """Whether the passages hold the fact asked for at all (not which sentence says it best):
    明年 answers 哪一年, the list “甲、乙、丙” answers 几种."""
    question = "会议给哪一年的经济工作定了调子？"
    assert answers_kind("when", "会议部署了明年经济工作。", question, strict=False)
    assert not answers_kind("when", "会议部署了明年经济工作。", question)
    question = "要提升哪几种能力？一共几个？"
    sentence = "提升企业的创新力、竞争力、带动力。"
    assert answers_kind("quantity", sentence, question, strict=False)
    assert not answers_kind("quantity", sentence, "要投入多少资金？", strict=False)
    # 甲、乙和丙 lists too — but counts nothing: 乙和丙 may be one name
    joined = "建设一批技术交易网络平台、概念验证和中试验证平台。"
    assert answers_kind("list", joined, "要建哪些平台？")
    assert not answers_kind("quantity", joined, "打算建几个平台？", strict=False)


def test_a_list_is_said_with_its_last_item_joined_or_as_a_chain():
    """现代农业、现代工业和现代服务业 and 天使投资—创业投资—私募股权投资 name their items."""
    question = "这个体系由哪几块组成？"
    assert answers_kind("list", "该体系由现代农业、现代工业和现代服务业构成。", question)
    assert answers_kind("list", "完善天使投资—创业投资—私募股权投资的接力链条。", question)
    assert not answers_kind("list", "该体系是现代化经济体系的重要内容。", question)


def test_a_sentence_opening_with_the_questions_subject_and_holding_its_verbs():
    question = "芙蓉洞什么时候开始对游人开放？"
    assert opens_with(question, "芙蓉洞于1994年开始对游人开放。") == 1.0
    assert opens_with(question, "1993年5月，当地农民发现了芙蓉洞。") == 0.0
    assert verb_share(question, "芙蓉洞于1994年开始对游人开放。") == 1.0
    assert verb_share(question, "芙蓉洞开放后游客众多。") == 0.5


def test_a_sentence_opening_with_the_date_the_question_names():
    question = "1973年10月，他担任什么职务？"
    assert opens_on_date(question, "1973年10月，任市邮局国际联邮员。") == 1.0
    assert opens_on_date(question, "1970年6月参加工作，1973年10月入党。") == 0.0
    assert opens_on_date("他担任什么职务？", "1973年10月，任市邮局国际联邮员。") == 0.0


def test_a_chinese_numeral_reads_as_the_questions_digits():
    from assistant.text.numerals import in_digits

    assert in_digits("退伍后，二十三岁经朋友介绍进入公司。") == "退伍后，23岁经朋友介绍进入公司。"
    assert in_digits("十四五规划") == "十四五规划", "a name read digit by digit stays"
    # a count more than its figure keeps its magnitude: 二千四百多万 is 2400多万, not 10000
    assert in_digits("从二千四百多万人增加到六千三百余万人") == "从2400多万人增加到6300余万人"


def test_the_sentence_right_after_the_answering_one_follows_it():
    from assistant.answer.extractive import in_order

    first = _candidate(3, "其叶螺旋状排列，幼树的叶呈尖锥状。", 6.0, typed=False)
    opening = _candidate(0, "某松是罗汉松科的一种。", 7.0, typed=False)
    after = _candidate(4, "成熟的树的叶则呈鳞状。", 5.0, typed=False)
    assert in_order([first], [opening, after]) == [first, after, opening]
    assert in_order([opening], [after, first]) == [opening, first, after], "reading order"


def test_a_question_asking_several_things_is_answered_part_by_part():
    """Parts between question marks, or the things a question asks about “分别”: each is asked
    with what the whole question says of it."""
    assert question_parts("2016年安排了多少地方专项债券？财政赤字规模多大？") == [
        "2016年安排了多少地方专项债券",
        "财政赤字规模多大",
    ]
    assert question_parts("报告定的经济增长目标和物价涨幅控制目标分别是多少？") == [
        "报告定的经济增长目标是多少",
        "报告定的物价涨幅控制目标是多少",
    ]
    assert question_parts("今年的赤字率是多少？") == []
    assert question_parts("各地分别采取了哪些措施？") == []  # one thing asked of each


def test_a_one_word_qualifier_before_和_shares_the_noun_after_it():
    assert question_parts("城镇和农村居民人均可支配收入分别增长多少？") == [
        "城镇居民人均可支配收入增长多少",
        "农村居民人均可支配收入增长多少",
    ]
    assert question_parts("东部、中部和西部地区分别增长多少？") == []  # three: not split


def test_what_a_thing_matters_as_answers_why_a_text_puts_it_first():
    """为啥把海洋装备摆在头号位置: a text says why by what the thing is to something else (是……
    的主战场, 是……的关键突破口) as often as by 因为 — but a plain description (是……的主要港口
    之一) gives no reason."""
    question = "滨海那篇为啥把海洋装备摆在头号位置？"
    assert classify(question) == "reason"
    said = "海洋装备制造是滨海市工业转型的主战场，也是全市现代产业体系的重要支撑。"
    assert answers_kind("reason", said, question)
    assert answers_kind("reason", "对滨海而言，发展海洋经济是破解转型困境的关键突破口。", question)
    assert not answers_kind("reason", "东港是滨海市的主要港口之一，位于海湾北岸。", question)
    assert not answers_kind("reason", "滨海市将建设海洋装备产业园，引进龙头企业20家。", question)


def test_the_term_a_question_asks_the_meaning_of_is_read_however_it_asks():
    for question in ("“融合不畅”又是啥意思？", "那“两张皮”是什么意思", "“链长制”还是啥？"):
        assert defined_term(question) in ("融合不畅", "两张皮", "链长制"), question
    assert defined_term("“融合不畅”是什么时候提出的？", whole=True) == ""
    # 到底是个啥, after the text it is said in: the term, though maybe the user's own word for
    # the text's (中间试验 for 中试) — looked for, never required of the passages
    for question in (
        "乡里制到底是个啥",
        "那篇里头乡里制究竟是个什么？",
        "它说的乡里制，到底是个啥",
    ):
        assert defined_term(question) == "乡里制", question
        assert defined_term(question, whole=True) == "", question
        assert classify(question) == "definition", question
    assert defined_term("那篇给产业提的四个字诀是啥") == ""  # a fact asked, not a meaning


def test_a_follow_up_asks_what_its_own_words_ask():
    """A follow-up carries the earlier question in brackets (condense.py): its own words decide
    the kind, the earlier question's only when they name none."""
    assert classify("它说的乡里制，到底是个啥（那篇说下一步要建啥？）") == "definition"
    assert classify("融资要串成的链都有哪几段（那篇金融这块咋说的？）") == "list"
    assert classify("第二个呢（新区是哪年设立的？）") == "when"


def test_a_role_asked_is_answered_by_the_sentence_quoting_its_label(tmp_path):
    """当个啥角色: the sentence giving the thing asked about a label in quotes (“增量器”作用)
    answers first; a quoted name of another thing (“专精特新”) is no label of it."""
    texts = {
        "滨海科技创新.txt": (
            "滨海以科技创新引领产业创新\n"
            "滨海科技创新基础雄厚，要紧跟产业变革大趋势，充分发挥科技支撑作用，加快形成新质生产力。\n"
            "滨海产业基础雄厚，要充分发挥科技创新“增量器”作用，坚持传统产业、新兴产业协同发展。\n"
            "要培育一批“专精特新”企业，为产业发展提供支撑。\n"
        )
    }
    answer = assistant_of(tmp_path, texts).ask("滨海那篇说科技创新在产业这块要当个啥角色？")
    assert answer.answer.startswith("滨海产业基础雄厚"), answer.answer
