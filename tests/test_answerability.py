"""Answer or refuse from the evidence, on a small made-up library nobody tuned for.

Each kind of decision once: an everyday word the texts do not use never blocks an answer; a name
the texts do not contain does; a name that only shares characters with a word of the texts
(仁爱礁 / 仁爱) is not there; numbers in another unit are still figures; comparisons are answered
side by side; a “when” question with no date in the texts is refused.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import assistant_of

from assistant.answer.candidates import term_coverage
from assistant.answer.topics import topic_sides
from assistant.search import evidence, named
from assistant.search.editions import missing_edition
from assistant.search.evidence import _asked_weights, assess
from assistant.search.outlets import other_names, short_forms
from assistant.search.weights import answer_type_words, term_weights, word_weight
from assistant.text import lexicon
from assistant.text.abbreviations import expand_abbreviations, initials_of
from assistant.text.names import (
    cut_from_pointer,
    is_idiom,
    names_in,
    trimmed_guess,
    unsegmented,
)
from assistant.text.openings import (
    broken_subject,
    holds_subject,
    opening_name,
    opening_nouns,
    opening_run,
    subject_words,
    verb_object,
)
from assistant.text.regions import find_provinces
from assistant.text.segment import tagged
from assistant.text.sentences import split_sentences
from assistant.text.synonyms import (
    asked,
    found_in,
    holds,
    instances,
    joined_as_listed,
    present,
    spelled_otherwise,
    stand_in,
    synonyms,
)
from assistant.tuning import TUNING

LIBRARY = {
    "湖南省人才措施.txt": (
        "湖南省关于加强人才引进和培育的若干措施\n"
        "湖南省将实施芙蓉人才行动计划，每年引进高层次人才500人以上。\n"
        "该计划于2023年3月正式启动，由省委人才工作领导小组统筹推进。\n"
        "对新引进的顶尖人才团队，给予最高1亿元的综合资助。\n"
        "建立人才培养基地30个，推动高校与企业联合培育工程师。\n"
    ),
    "湖北省人才政策.txt": (
        "湖北省推进科技人才队伍建设实施方案\n"
        "湖北省支持企业设立博士后工作站，每个工作站资助50万元。\n"
        "推行科研项目揭榜挂帅，由企业出题、人才答题。\n"
        "在武汉建设国际人才社区，为海外人才提供一站式服务。\n"
    ),
    "蓝湾研究所.txt": (
        "蓝湾研究所简介\n"
        "让-马克·杜邦自1990年起一直担任蓝湾研究所所长。\n"
        "“创新来自开放的合作。”蓝湾研究所所长让-马克·杜邦表示。\n"
    ),
    "人才工作综述.txt": ("各地人才工作综述\n各地加强人才留育，营造尊重人才的良好氛围。\n"),
    "仁爱文化.txt": (
        "论仁爱思想的当代价值\n"
        "仁爱是儒家伦理的核心，强调爱人与推己及人。\n"
        "仁爱思想对社会治理和家庭伦理仍有重要的启示意义。\n"
    ),
}


@pytest.fixture(scope="module")
def library_assistant(tmp_path_factory):
    return assistant_of(tmp_path_factory.mktemp("made-up"), LIBRARY)


@pytest.mark.parametrize(
    "question",
    [
        "湖南在人才引育方面搞了哪些做法？",  # 引育, 搞, 做法: everyday words
        "湖南打算每年弄进来多少高层次人才？",
        "湖北咋帮企业招博士后？",
        # what the asker says of their task, or asks the assistant to do, is not asked about
        "我要写个稿子，湖北那篇说在武汉建啥？帮我摘出来",
        "湖北那篇收尾说在武汉建啥？",  # where in the text to look is not what is asked
        "东西批下来太慢，湖北那篇说每个博士后工作站资助多少？",  # 东西: a stand-in, no subject
        # … nor what the answer is for
        "汇报要用，湖北那篇说在武汉建啥？",
        "写材料用：湖南每年弄进来多少高层次人才？",
        "我在写材料，想引一下湖北那篇里企业出题那几句",
        # … nor the office's errand, nor that the text's own words are wanted, wherever said
        "领导下午要个材料，问湖南每年弄进来多少高层次人才，原文咋说的，帮我找下",
        "要做个PPT，湖北那篇说在武汉建啥？",
        "处里在弄人才调研提纲，湖北那篇说在武汉建啥，想捞点原话",
    ],
)
def test_everyday_words_never_block_an_answer(library_assistant, question):
    answer = library_assistant.ask(question)
    assert not answer.refused, answer.answer
    assert answer.sentences and all(s.status == "supported" for s in answer.sentences)


def test_a_place_and_the_kind_of_answer_alone_ask_what_the_texts_say_of_it(library_assistant):
    """“湖南算啥定位？”: only a place, everyday words and the kind of answer (定位), which the
    texts give in their own words: answered from the place's text, as “湖南有哪些举措？” is."""
    answer = library_assistant.ask("湖南算啥定位？")
    assert not answer.refused and "芙蓉人才行动计划" in answer.answer


def _own_passages(assistant, question: str, doc_id: str):
    return [p for p in assistant.ask(question).passages if p.chunk.doc_id == doc_id]


@pytest.mark.parametrize(
    ("question", "doc_id", "verb"),
    [
        ("湖北在人才方面营造了什么？", "湖北省人才政策.txt", "营造"),  # the text says 建设, 推行
        ("湖南在人才留育上怎么做？", "湖南省人才措施.txt", "留育"),  # 留住+培育, no general word
    ],
)
def test_a_verb_the_passage_says_otherwise_never_refuses_alone(
    library_assistant, question, doc_id, verb
):
    """The verb is another text's word: the passage holding every noun of the question answers."""
    passages = _own_passages(library_assistant, question, doc_id)
    evidence = assess(library_assistant.index, question, passages)
    assert passages and evidence.sufficient
    weight = term_weights(library_assistant.index, question)[verb]
    assert verb in evidence.missing or weight == 0.0


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("湖南的“星火人才计划”有哪些内容？", "星火人才计划"),  # a programme the texts do not name
        ("仁爱礁附近发生了什么事情？", "仁爱礁"),  # shares 仁爱 with a text, but is not 仁爱
        ("湖南芙蓉人才行动计划和贵州有什么关系？", "贵州"),  # a province the texts do not cover
        # an organisation of several words: the texts name another institute of 蓝湾
        ("蓝湾生物技术研究所的所长是谁？", "蓝湾生物技术研究所"),
        ("蓝湾研究所和Meridian有什么合作？", "Meridian"),  # a Latin name the texts never use
        ("湖北在东京建了国际人才社区吗？", "东京"),  # a city abroad the texts do not name
        ("塞内加尔的国徽是哪年启用的？", "塞内加尔"),  # four characters, a dictionary word
        ("琦良因为什么被撤职？", "琦良"),  # a name jieba cut into characters (琦|良)
        ("「碧草如茵」景致是怎样形成的？", "碧草如茵"),  # an idiom, but quoted as a name
        ('"P. tuckeri"的体长有多大？', "P. tuckeri"),  # a Latin name in plain quotes
        ("湖南省皮划艇队每年引进多少人才？", "皮划艇队"),  # a team: the whole name
        ("湖南对蓍的培育有哪些措施？", "蓍"),  # a rare character standing alone: a plant's name
        # the rare noun a question opens with is its topic: a passage on another workstation
        ("羊水栓塞工作站每个资助多少万元？", "羊水"),
        (
            "什么是人才工作站？",
            "人才工作站",
        ),  # the term defined, as written: 博士后工作站 is another
    ],
)
def test_a_missing_name_is_refused_with_the_nearest_sources(library_assistant, question, missing):
    answer = library_assistant.ask(question)
    assert answer.refused and missing in answer.answer
    assert answer.passages, "the refusal still lists the nearest sources"


def test_a_compound_a_part_of_which_the_index_never_holds_is_unseen(library_assistant):
    """科技|厅: the index holds 科技, never 厅 — the compound is a word the library lacks, weighed
    as one, and never lighter than its rarest part would weigh (in a library on science 科技
    weighs nothing); a compound whose every part the index holds (人才|社区) is weighed by its
    rarest part."""
    index = library_assistant.index
    assert word_weight(index, "科技厅") is None
    weights = term_weights(index, "湖北科技厅的一把手是谁？")
    assert weights["科技厅"] >= index.idf("科技") and weights["科技厅"] > 0
    assert word_weight(index, "人才社区") == max(index.idf("人才"), index.idf("社区"))


def test_a_term_the_texts_name_is_defined(library_assistant):
    answer = library_assistant.ask("什么是博士后工作站？")
    assert not answer.refused and "博士后工作站" in answer.answer


def test_a_definition_goes_on_with_the_sentence_explaining_it(tmp_path):
    """“X是指……。由于……” — asked what X 指啥, the sentence after the definition explains it and
    follows it, though it shares few of the question's words."""
    texts = {
        "创新报告.txt": (
            "滨海创新报告\n"
            "两类创新的“双轨脱节”是指科研与生产机制不衔接，互相掣肘的现象明显。"
            "由于两部门目标不一，各方依然处于“各自为政”的状态。"
            "全市还将推进成果转化和双轨融合，建设十个中试平台。\n"
        )
    }
    answer = assistant_of(tmp_path, texts).ask("双轨脱节具体指啥情况")
    said = [s.text for s in answer.sentences]
    assert said[0].startswith("两类创新的“双轨脱节”是指") and "各自为政" in said[1], said


def test_an_organisation_the_texts_name_is_answered(library_assistant):
    answer = library_assistant.ask("蓝湾研究所的所长是谁？")
    assert not answer.refused and "让-马克·杜邦" in answer.answer


def test_the_text_a_question_names_is_where_to_look_not_its_subject():
    """学报|举例……: after the outlet the passages come from comes what is asked of it — 举例
    is the asker's word, not a subject the passages must hold; a verb said twice (比一比) is
    no name; a compound the passage says with a few words between its halves is there."""
    texts = ["该学报文章指出，受制于人的领域包括光刻机、芯片和操作系统。"]
    question = "学报举例被卡脖子的领域有哪些"
    assert named._missing_subject(question, set(), "", texts) == "举例"
    assert named._missing_subject(question, set(), "《科技创新》 某大学学报", texts) is None
    assert names_in("湖南和湖北各自在人才上下了哪些功夫 比一比") == []
    assert present("科技产业", "推动科技创新和产业创新深度融合")
    assert not present("科技产业", "科技创新推动了传统产业")


def test_the_kind_of_answer_asked_for_counts_little_in_choosing_the_best_passage():
    """谁发布的，啥职务: a passage holding only 职务 and one topic word is not the best one; what a
    count asks about (几家重点实验室) is the topic, and counts in full."""
    weights = {"上半年": 1.9, "成果转化": 2.2, "职务": 2.75}
    texts = ["今年上半年，全国成果转化规模更加壮大。", "职务成果转化办法另行制定。"]
    assert evidence._held_by_best(weights, texts, {"职务"}) == {"上半年", "成果转化"}
    assert evidence._held_by_best(weights, texts, set()) == {"职务", "成果转化"}


def test_what_is_asked_of_the_subject_is_no_name_it_mentions():
    """英文名 (which jieba files as a name) in “……的英文名是什么” is what is asked; the subject's
    own name still has to be there."""
    text = "蓝湾研究所（英语：Blue Bay Institute）成立于1990年。"
    assert named._missing_name("蓝湾研究所的英文名是什么？", set(), [text]) is None
    assert named._missing_name("让-马克·杜邦的英文名是什么？", set(), [text]) == "让-马克·杜邦"


def test_the_name_check_matches_whole_names_not_characters(library_assistant):
    assert names_in("仁爱礁附近发生了什么事情？") == ["仁爱礁"]
    passages = library_assistant.ask("仁爱思想有什么当代价值？").passages
    evidence = assess(library_assistant.index, "仁爱礁附近发生了什么事情？", passages)
    assert not evidence.sufficient and evidence.missing == ("仁爱礁",)


def test_an_organisation_is_a_name_not_a_description_of_a_kind_of_one():
    """越南|投资|发展|银行 names one bank, which a passage must name; 中小|科技|公司 describes a
    kind of company (企业 to the texts), which no passage need name as written."""
    text = "支持科技型中小企业加大研发投入，培育专精特新企业。"
    assert named._missing_organisation("越南投资发展银行的行长是谁？", [text]) == "越南投资发展银行"
    assert named._missing_organisation("中小科技公司要重点加大哪类培育？", [text]) is None
    # one name before the head is the organisation's (崂山|实验室), a city's labs are its labs
    labs = "推动本地高校、科研院所的重点实验室与重点产业链精准对接。"
    assert named._missing_organisation("青岛那篇里崂山实验室都干了啥？", [labs]) == "崂山实验室"
    assert named._missing_organisation("青岛实验室有哪些？", [labs]) is None
    assert named._missing_organisation("日本代表团有多少人？", ["日本队共派出200人。"]) is None


def test_a_provinces_own_document_needs_a_text_of_that_province():
    """黑龙江出台的行动方案: a text naming 黑龙江 in passing holds none of its plans; a text of
    the province (its title) or one saying the province issued it does."""
    passing = "总书记在黑龙江考察调研期间首次提出这一重要概念。"
    asked = "黑龙江出台的行动方案重点抓哪些产业？"
    assert named._missing_issuer(asked, find_provinces(asked), "", passing) == "黑龙江出台的方案"
    own = "黑龙江省推进新型工业化行动方案"
    assert named._missing_issuer(asked, find_provinces(asked), own, passing) is None
    issued = "黑龙江省近日印发行动方案，重点发展冰雪经济。"
    assert named._missing_issuer(asked, find_provinces(asked), "", issued) is None
    plain = "黑龙江重点抓哪些产业？"  # not a document of its own: what the texts say of it
    assert named._missing_issuer(plain, find_provinces(plain), "", passing) is None


def test_a_level_or_a_topic_opener_is_no_subject():
    """全国层面 says how far, not what (层面 weighs nothing, as 方面 does); 说到中试 opens with a
    verb phrase, so 说到中试学术 (glued across the space) is no name to look for."""
    assert "层面" in lexicon.words("stopwords")
    assert broken_subject("说到中试 学术那篇和工信那篇各建议建啥？") == ""
    assert broken_subject("琦善的父亲是谁？") == "琦善"


def test_a_guessed_name_loses_the_start_of_the_next_word(library_assistant):
    """The word guesser glues 一直 or 是 to an unknown name; the name is what is left."""
    assert names_in("让-马克·杜邦一直担任什么职务？") == ["让-马克·杜邦"]
    assert names_in("锦地罗是什么植物？") == ["锦地罗"]
    assert names_in("仁爱礁是哪个国家的？") == ["仁爱礁"], "a place suffix stays with the name"
    assert names_in("南海的仁爱礁") == ["仁爱礁"], "… also where the text ends"
    assert names_in("安娜·杜普雷因什么而出名？") == ["安娜·杜普雷"], "因 is jieba's own word"
    assert "魏舒" in term_weights(library_assistant.index, "魏舒史称什么？")  # 魏舒|史称
    answer = library_assistant.ask("让-马克·杜邦一直担任什么职务？")
    assert not answer.refused and "所长" in answer.sentences[0].text


def test_a_measure_word_cut_away_from_its_pointer_starts_no_name():
    """哪|段时间: jieba glues the measure word of 哪段 to 时间 and guesses a name."""
    assert names_in("是想把从做出样品到成批出产的哪段时间压短？") == []
    assert names_in("仁爱礁这段时间发生了什么？") == ["仁爱礁"]


def test_a_measure_word_cut_away_from_its_pointer_weighs_nothing(library_assistant):
    """这|段时间 is no word the texts could hold: it never blocks an answer."""
    weights = term_weights(library_assistant.index, "湖南想缩短这段时间靠哪几招")
    assert "段时间" not in weights and "湖南" in weights
    assert cut_from_pointer("段时间", "缩短这段时间") and not cut_from_pointer("段落", "段落")


def test_a_side_pointed_at_with_那头_weighs_nothing(library_assistant):
    """高校那头, 企业这头: the side meant, no word a passage must hold."""
    weights = term_weights(library_assistant.index, "湖北那篇说高校那头有啥问题")
    assert "头" not in weights and "那头" not in weights and "高校" in weights


def test_a_pointer_glued_to_a_province_abbreviation_is_taken_off(library_assistant):
    """冀那|篇: the tagger glues 那 of 那篇 to the abbreviation before it; no name ends in it."""
    assert [w for w, _ in tagged("鄂那篇说在武汉建啥")][:3] == ["鄂", "那", "篇"]
    assert "鄂那" not in term_weights(library_assistant.index, "鄂那篇说在武汉建啥")
    assert tagged("刹那间")[0][0] == "刹那间"  # a word of the dictionary stays whole


def test_a_word_for_the_texts_own_words_weighs_nothing(library_assistant):
    """那四个字眼是啥: 字眼, like 说法 and 提法, asks for the text's words, never blocks them."""
    weights = term_weights(library_assistant.index, "湖南那篇说产业转型那四个字眼是啥")
    assert "字眼" not in weights and "湖南" in weights
    # 比如 only brings in an example; 领头 is 牵头, 研究所 a 科研院所, 载体 a 平台
    weights = term_weights(library_assistant.index, "湖南比如引进顶尖人才团队给多少钱")
    assert "比如" not in weights and "顶尖" in weights
    assert {"牵头", "科研院所", "平台"} <= {
        *synonyms("领头"),
        *synonyms("研究所"),
        *synonyms("载体"),
    }


def test_a_name_in_the_word_list_is_still_a_name_but_a_common_word_tagged_as_one_is_not():
    """jieba's dictionary holds many names (贝多芬, 莫桑比克): a passage not naming them cannot
    answer; it also tags common two-character words as names (林子, 扎堆), which are not."""
    assert names_in("贝多芬在哪一年完成了这部作品？") == ["贝多芬"]
    assert names_in("莫桑比克的首都在哪里？") == ["莫桑比克"]
    assert names_in("要让创新像热带林子一样长起来吗？") == []
    assert names_in("各地发展产业别扎堆吗？") == []
    assert is_idiom("武艺超群") and not is_idiom("塞内加尔"), "jieba tags both as names"


def test_the_name_a_question_opens_with_is_read_whole():
    """宽|叶|艾纳香: a passage on another 艾纳香 holds the pieces that are words, not the name;
    a question opening with a place, a known word or its own verb has no such name."""
    assert opening_name("宽叶艾纳香有什么特征？") == "宽叶艾纳香"
    assert opening_name("长谷川优子师从哪位漫画家？") == "长谷川优子"
    assert opening_name("罗晓明本科毕业于哪所大学？") == ""
    assert opening_name("辽宁在人才引育方面有哪些做法？") == ""
    assert opening_name("长柄锦地罗的叶是什么形状？") == "长柄锦地罗", "a rare word before it"
    assert opening_name("呋塞米有什么副作用？") == "呋塞米", "a numeral character inside it"
    assert opening_name("三个阶段分别是什么？") == ""
    assert opening_name("王法秀是谁的女儿？") == "王法秀", "a word tagged as a name opens it"
    assert opening_name("达曼新建的机场叫什么？") == "", "after the name, 新建 is what is asked"
    assert opening_name("符泳什么时候成为冠军？") == "符泳", "a noun no dictionary knows: a name"
    assert opening_name("冀想让雄安扮个啥角色？") == "", "a province's abbreviation and a verb"
    assert opening_name("六十进制发源于哪里？") == "六十进制", (
        "a numeral glued to the word it opens"
    )
    assert opening_name("三大产业的比重是多少？") == "", "… not when jieba keeps the count apart"


def test_a_name_cut_into_characters_or_across_is_read_from_the_characters():
    """琦|良, 戈|登出|生于: the name is the characters before the question's own words; a
    phrase (老|产业, 搞|科技金融, 两|创), a known name or a pointing word is none."""
    assert broken_subject("琦良因为什么被治罪？") == "琦良"
    assert broken_subject("戈登出生于哪里？") == "戈登"
    assert broken_subject("史继偕是谁的儿子？") == "史继偕"
    assert broken_subject("乍都节公园位于什么地方？") == "乍都节公园"
    assert broken_subject("475年9月，史继偕是谁的儿子？") == "史继偕", "after the time it sets"
    for phrase in ("老产业往哪个方向升级？", "搞科技金融怕砸手里，有啥招？", "两创融合为啥要紧？"):
        assert broken_subject(phrase) == "", phrase
    assert (
        broken_subject("蓝湾研究所所长是谁？") == ""
        and broken_subject("当马来穿山甲感到威胁时会怎样？") == ""
    )
    assert holds_subject("魏舒，字阳元。", "魏舒史称") and not holds_subject("魏氏家族", "魏舒史称")


def test_a_word_tagged_a_name_but_too_common_for_one_is_the_noun_a_question_opens_with():
    """龙胆 (a herb) is tagged a name but used too often to be checked as one: it is the topic
    the question opens with; a place (山东) ends the opening and what follows is asked."""
    assert opening_nouns("龙胆分布在哪些地区？") == ["龙胆"]
    assert opening_nouns("山东女子学院图书馆藏书量是多少？") == []


def test_a_set_phrase_a_question_opens_with_is_its_topic():
    """花样游泳 is a set phrase to jieba (l), not a noun: it is still what the question is about;
    a set phrase of phrasing (一般来说, 归根到底) is not."""
    assert opening_nouns("花样游泳什么时候正式成为奥运比赛项目？") == ["花样游泳"]
    assert opening_nouns("一般来说奥运比赛项目有多少？") == []
    assert opening_nouns("归根到底奥运比赛项目有多少？") == []


def test_a_subject_is_a_name_and_the_rare_noun_it_qualifies():
    """马来|穿山甲的: a passage naming 马来 but another animal does not answer; a common or
    verbal noun after a name (本科毕业于, 名字) is what is asked, not part of the subject."""
    assert subject_words("马来穿山甲的天敌有哪些？") == ["马来", "穿山甲"]
    assert subject_words("罗晓明本科毕业于哪所大学？") == []
    assert subject_words("四加亭名字的由来是什么？") == []


def test_an_everyday_word_after_the_subject_the_texts_hold_is_no_unseen_subject(
    library_assistant,
):
    """工作站|专门: the texts hold the subject; 专门 (jieba tags it a noun) is the asker's
    everyday word, which no text need use — a subject the texts never use still refuses."""
    answer = library_assistant.ask("工作站专门给多少钱？")
    assert not answer.refused and "50万元" in answer.answer, answer.answer
    assert library_assistant.ask("孵化器专门给多少钱？").refused


def test_the_kind_of_text_a_question_opens_with_is_not_its_subject():
    """论文|讲破……: the question names its document by its kind, then a verb jieba guessed as a
    word; neither is a name a passage must hold."""
    assert subject_words("论文讲破人才流动那些卡子，是秉着啥原则来的？") == []
    # … nor what a source is said to say: 新华网|说引|才, jieba gluing 说 to what follows
    assert subject_words("新华网说引才育才可以有哪些搭配组合？") == []


def test_a_compound_the_text_says_with_a_word_between_its_words_is_found():
    """基础学科 is in 优势基础研究学科领域 (one short word between its two words), not in a
    text whose 基础 and 学科 stand apart."""
    assert present("基础学科", "围绕数学、物理等优势基础研究学科领域开展研究")
    assert not present("基础学科", "完善基础设施，加强重点学科建设")


def test_a_colloquial_verb_glued_to_a_guessed_word_is_not_part_of_it():
    """讲引人留人: the guesser glues 讲 to 引人; the word asked about is 引人."""
    assert trimmed_guess("讲引人", "新华网讲引人留人那块") == "引人"


def test_a_verb_phrase_or_a_quoted_question_is_no_name():
    """jieba tags 拉进来 (nr), 托底 (nrt) and 里塞 (ns, from 工厂里塞) as names; a user quoting
    what they ask for (“几化”) names nothing. Real short names stay names."""
    assert names_in("都把谁拉进来？") == []
    assert names_in("论文最后讲政策托底，从几个方面入手？") == []
    assert names_in("冀说AI除了往工厂里塞，还要往哪些行业用？") == ["AI"]
    assert names_in("两边提的“几化”一样吗？") == []
    assert names_in("产业链上要搞哪几种“X链”？") == []  # X stands for what is asked
    assert names_in("“X射线”是谁发现的？") == ["X射线"]
    assert names_in("刘七是谁？") == ["刘七"] and names_in("任天堂何时成立？") == ["任天堂"]


def test_a_name_cut_into_single_characters_is_one_name():
    """No dictionary word covers 蓝帐汗国: jieba cuts it into characters, which together are
    the name a passage must hold; ordinary words cut no such run."""
    assert unsegmented("蓝帐汗国由哪两位可汗掌管？") == ["蓝帐汗国"]
    assert "蓝帐汗国" in names_in("蓝帐汗国由哪两位可汗掌管？")
    assert unsegmented("辽宁在人才引育方面有哪些做法？") == []


def test_the_kind_of_answer_asked_for_need_not_be_in_the_passage(library_assistant, monkeypatch):
    assert answer_type_words("青岛打算重点扶哪几类企业做大？") == {"企业"}
    assert answer_type_words("他担任什么职务？") == {"职务"}
    assert answer_type_words("他是哪家漫画公司的人物？") == {"漫画", "公司"}
    # … or the noun said before the question word it is asked by (……的定位是个啥)
    assert answer_type_words("冀那篇给新区的定位是个啥？") == {"定位"}
    assert answer_type_words("教堂的建筑风格是什么") == {"建筑风格"}
    assert answer_type_words("这事对本省来说分量有多重？") == {"分量"}  # … or how great it is
    assert answer_type_words("什么是新质生产力？") == set()
    question = "湖北支持哪类机构设立博士后工作站？"  # the passage names the instance: 企业
    passages = library_assistant.ask(question).passages
    relieved = assess(library_assistant.index, question, passages)
    monkeypatch.setattr(evidence, "TUNE", replace(evidence.TUNE, answer_type_factor=1.0))
    strict = assess(library_assistant.index, question, passages)
    assert "机构" in strict.missing and relieved.coverage > strict.coverage
    assert relieved.sufficient


def test_a_question_that_says_where_to_look_needs_fewer_of_its_words(
    library_assistant, monkeypatch
):
    """湖南对……: the best passage is from the 湖南 text, which says it in its own words
    (兜底, 钱 are the asker's); the same words without the province must cover more."""
    anywhere, pointed = "对挖来的顶尖团队兜底给多少钱？", "湖南对挖来的顶尖团队兜底给多少钱？"
    strict = replace(evidence.TUNE, min_coverage=0.95, anchored_coverage=0.3)
    monkeypatch.setattr(evidence, "TUNE", strict)
    for question, answered in ((pointed, True), (anywhere, False)):
        passages = library_assistant.ask(question).passages
        assert passages[0].chunk.doc_id == "湖南省人才措施.txt"
        found = assess(library_assistant.index, question, passages)
        assert found.sufficient is answered and found.coverage < strict.min_coverage


def test_a_question_that_says_where_to_look_is_not_vetoed_for_its_everyday_wording(
    library_assistant,
):
    """A semantic embedding finds an everyday question far in meaning from every passage: refused
    when it points nowhere, answered from the texts of the province it names."""
    anywhere, pointed = "对挖来的顶尖团队兜底给多少钱？", "湖南对挖来的顶尖团队兜底给多少钱？"
    for question, answered in ((pointed, True), (anywhere, False)):
        passages = library_assistant.ask(question).passages
        far = {p.chunk.chunk_id: evidence.TUNE.semantic_floor - 0.1 for p in passages}
        found = assess(library_assistant.index, question, passages, far)
        assert found.sufficient is answered, (question, found)
        assert answered or "相去较远" in found.reason


def test_a_province_abbreviation_is_written_out_but_not_inside_a_foreign_name():
    assert expand_abbreviations("冀和辽有什么不同？") == "河北和辽宁有什么不同？"
    assert expand_abbreviations("鲁那边每年咋扶持？") == "山东那边每年咋扶持？"
    assert expand_abbreviations("蒙泰罗获得第几名？") == "蒙泰罗获得第几名？"
    assert expand_abbreviations("蒂亚戈·蒙泰罗是谁？") == "蒂亚戈·蒙泰罗是谁？"
    # a commoner abbreviation stands for its province only opening the question, on its own
    assert expand_abbreviations("苏在产业融合上出了哪些政策？") == "江苏在产业融合上出了哪些政策？"
    assert expand_abbreviations("浙的做法有哪些？") == "浙江的做法有哪些？"
    assert (
        expand_abbreviations("浙 那边搞了哪些新招") == "浙江 那边搞了哪些新招"
    )  # typed as a keyword
    assert expand_abbreviations("苏州出了哪些政策？") == "苏州出了哪些政策？"
    assert expand_abbreviations("新出台的政策有哪些？") == "新出台的政策有哪些？"
    assert expand_abbreviations("国务院对苏在哪些方面有要求？") == "国务院对苏在哪些方面有要求？"


def test_steps_counted_the_everyday_way_are_searched_as_the_texts_stages(tmp_path):
    """分几步走 / 分了哪几步: a text says 三个阶段 — the question is searched (and weighed) so,
    and the sentence naming the stages answers it, not one echoing 一般/分/步/走; a step named
    by its place stays as it is."""
    assert expand_abbreviations("城市更新一般分几步走") == "城市更新一般分几个阶段"
    assert expand_abbreviations("第一步干啥") == "第一步干啥"
    text = (
        "城市更新研究\n城市更新一般要分片推进、稳步实施，走好每一步。"
        "城市更新通常包含三个阶段：一是摸底评估，二是规划设计，三是分片实施。\n"
    )
    answer = assistant_of(tmp_path, {"更新.txt": text}).ask("那篇说城市更新一般分几步走")
    assert "三个阶段" in answer.answer.split("[1]")[0], answer.answer


def test_a_short_form_is_written_out_as_a_word_of_its_own_and_never_inside_a_quotation():
    """AI is 人工智能 in 用AI赋能, but not the AI of OpenAI, and what is quoted stays as written
    (the verifier compares a quotation with the passage's letter by letter)."""
    assert expand_abbreviations("冀用AI赋能哪些行业？") == "河北用人工智能赋能哪些行业？"
    assert expand_abbreviations("OpenAI公司的GDP") == "OpenAI公司的国内生产总值"
    assert expand_abbreviations("建设“AI+工业互联网”示范工厂") == "建设“AI+工业互联网”示范工厂"


def test_a_title_with_an_exclamation_mark_is_not_cut():
    text = "专辑《你好！城市》创下销量纪录。此后再无新作。"
    assert split_sentences(text) == ["专辑《你好！城市》创下销量纪录。", "此后再无新作。"]


def test_a_quotation_and_who_said_it_are_one_sentence(library_assistant):
    text = "“创新来自开放的合作。”蓝湾研究所所长让-马克·杜邦表示。他自1990年起任所长。"
    assert split_sentences(text) == [
        "“创新来自开放的合作。”蓝湾研究所所长让-马克·杜邦表示。",
        "他自1990年起任所长。",
    ]
    answer = library_assistant.ask("谁说创新来自开放的合作？")
    assert not answer.refused and "让-马克·杜邦" in answer.sentences[0].text
    assert answer.sentences[0].status == "supported"


def test_a_question_about_what_the_texts_say_is_answered_with_its_figures(library_assistant):
    answer = library_assistant.ask("湖南对新引进的顶尖人才团队最高资助多少？")
    assert not answer.refused
    assert "1亿元" in answer.sentences[0].text, "the sentence with the figure comes first"


def test_a_when_question_is_answered_by_the_sentence_with_the_date(library_assistant):
    answer = library_assistant.ask("芙蓉人才行动计划是什么时候启动的？")
    assert not answer.refused and "2023年3月" in answer.sentences[0].text


def test_a_when_question_without_any_date_in_the_texts_is_refused(library_assistant):
    answer = library_assistant.ask("湖北国际人才社区什么时候建成？")
    assert answer.refused and "时间" in answer.answer


def test_a_comparison_is_answered_side_by_side(library_assistant):
    answer = library_assistant.ask("湖南和湖北在人才方面有什么不同？")
    assert not answer.refused
    sides = _sides(answer.sentences)
    assert [label for label, _ in sides] == ["湖南", "湖北"], "each side once, labelled once"
    cited = {
        label: {answer.passages[n - 1].chunk.doc_id for s in side for n in s.citations}
        for label, side in sides
    }
    assert cited["湖南"] == {"湖南省人才措施.txt"} and cited["湖北"] == {"湖北省人才政策.txt"}
    assert all(s.status == "supported" for s in answer.sentences)


def _sides(sentences) -> list[tuple[str, list]]:
    """The sides of a comparison answer: each label (“湖南：”) with the sentences after it."""
    sides: list[tuple[str, list]] = []
    for sentence in sentences:
        label, colon, _ = sentence.text.partition("：")
        if colon and len(label) <= 6:
            sides.append((label, []))
        sides[-1][1].append(sentence)
    return sides


_SIDE_LIBRARIES = {
    # one national text naming both (如江西……，福建……): each side is the sentence naming it,
    # asked by abbreviation (赣, 闽), though the other side's name weighs in the question
    "places": {
        "各地经验.txt": (
            "各地科技成果转化经验综述\n"
            "近年来各地探索形成多种成果转化模式，如江西以链长制推动产业链上下游协同攻关。"
            "福建设立成果转化引导基金，支持高校院所的成果在本地落地。\n"
        )
    },
    # two documents: each under the outlet the question names it by, though one holds fewer of
    # the question's words
    "outlets": {
        "东湖日报评论.txt": (
            "加快培育新型人才队伍\n发布日期：2024-05-10 来源：东湖日报\n"
            "东湖高新区推广“校企双聘”模式，组建覆盖重点产业的工程师人才池。\n"
            "支持龙头企业设立首席工程师岗位，对领军人才给予安家补贴。\n"
        ),
        "学报论文.txt": (
            "人才培养机制研究\n发布日期：2025-03-01 来源：南岭学报\n摘要\n"
            "高校应开展“校企联合”培养模式，依托重大创新平台培养复合型工程人才。\n"
            "同时要完善以贡献为导向的人才评价体系。\n"
        ),
    },
    # a provincial text and a national commentary the question names by words of its title
    # (制造业述评), though one of them holds the question's compound only qualified (中试熟化平台)
    "titles": {
        "湖北省中试平台建设方案.txt": (
            "湖北省推进中试平台建设实施方案\n"
            "湖北支持龙头企业与高校院所共建中试熟化平台体系，推动科技成果就地转化。\n"
            "湖北将完善支持成果转化的政策环境和服务体系。\n"
        ),
        "制造业述评.txt": (
            "推动制造业创新发展——2025年制造业转型升级系列述评之一\n"
            "下一步，要布局建设一批国家级中试验证平台和工程验证中心。\n"
            "中试是把处在试制阶段的样品转化到生产过程的过渡性试验。\n"
        ),
        "人才综述.txt": "推动人才创新发展综述\n各地加强人才引育，营造尊重人才的良好氛围。\n",
    },
    # one side's text says the question's word (引才), the other only a part of a compound of its
    # synonym group (人才 of 引进人才): both sides are answered
    "parts": {
        "江西省人才工作方案.txt": (
            "江西省人才工作实施方案\n江西实施“赣江英才”计划，以才引才，每年新引才千人以上。\n"
        ),
        "福建省人才高地建设方案.txt": (
            "福建省人才高地建设方案\n"
            "福建推动省内各市人才评价互认、职称互聘，鼓励退休教授到企业柔性服务。\n"
        ),
    },
    # one side lists its ways as short leads alike (要坚持A。……): that side is the list
    "leads": {
        "湘江日报评论.txt": (
            "推动县域商业提质升级\n发布日期：2024-06-01 来源：湘江日报\n"
            "以数字技术赋能县域商业改造提升。商贸企业经过改造，也能带动农民增收。"
            "要坚持连锁化经营。鼓励连锁企业向乡镇延伸网点。要坚持品牌化发展。培育县域商贸品牌。"
            "要坚持便利化服务。完善村级便民商店。\n"
        ),
        "商务述评.txt": (
            "推动县域商业改造提升——2025年商务发展系列述评之一\n"
            "县域商业改造提升，要推进商贸流通网络数字化，发展即时零售。\n"
        ),
    },
}


@pytest.mark.parametrize(
    ("library", "question", "first_of_each"),
    [
        ("places", "赣和闽推成果落地各走的啥路子 对比下", {"江西": "链长制", "福建": "引导基金"}),
        (
            "outlets",
            "东湖日报和南岭学报在人才培养上有啥不一样？",
            {"东湖日报": "人才池", "南岭学报": "校企联合"},
        ),
        (  # no comparison word: each side named doing its own (各打算)
            "outlets",
            "人才培养这块 东湖日报那篇和南岭学报那篇各打算咋弄",
            {"东湖日报": "工程师", "南岭学报": "校企联合"},
        ),
        (  # … asked how each says it (各咋提的)
            "outlets",
            "人才培养这块 东湖日报那篇和南岭学报那篇各咋提的",
            {"东湖日报": "工程师", "南岭学报": "校企联合"},
        ),
        (
            "titles",
            "中试平台这块 制造业述评和鄂那篇各打算建啥 比一比",
            {"制造业述评": "工程验证中心", "湖北": "中试熟化平台"},  # in the question's order
        ),
        ("parts", "赣和闽 引才留才上 各有啥招", {"江西": "赣江英才", "福建": "人才评价互认"}),
        (
            "leads",
            "湘江日报那篇和商务述评 在县域商业改造提升上说法有啥异同",
            {"湘江日报": "要坚持连锁化经营", "商务": "数字化"},
        ),
    ],
)
def test_each_side_of_a_comparison_is_its_own(tmp_path, library, question, first_of_each):
    answer = assistant_of(tmp_path, _SIDE_LIBRARIES[library]).ask(question)
    sides = dict(_sides(answer.sentences))
    assert list(sides) == list(first_of_each), answer.answer
    assert all(first_of_each[label] in side[0].text for label, side in sides.items())
    assert all(s.status == "supported" for s in answer.sentences)
    if library == "leads":  # every lead, in order, and the other side still answered
        said = [s.text for s in sides["湘江日报"]]
        assert [t.split("：")[-1][:8] for t in said] == [
            "要坚持连锁化经营",
            "要坚持品牌化发展",
            "要坚持便利化服务",
        ], said


def test_things_of_one_text_compared_are_each_a_side(tmp_path):
    """老产业和新兴产业各是啥定位: each side is the sentence the thing opens (老产业 is the text's
    传统产业), not a sentence listing both; three things a sentence says something of each of
    (以市场为导向、企业为主体、政府为保障) are answered by it, not by their compound (市场-企业-政府)."""
    texts = {
        "产业发展报告.txt": (
            "滨海市产业发展报告\n"
            "推动产业升级，要改造提升传统产业，培育壮大新兴产业，前瞻布局未来产业。\n"
            "传统产业是全市经济的压舱石，产值占全市六成。\n"
            "新兴产业是全市发展的新引擎，增速连续三年超过20%。\n"
            "全市坚持“市场-企业-政府”协同推进的思路。\n"
            "全市要形成以市场为导向、企业为主体、政府为保障的创新体系。\n"
        )
    }
    assistant = assistant_of(tmp_path, texts)
    answer = assistant.ask("滨海那篇里老产业和新兴产业各是个啥定位？")
    sides = dict(_sides(answer.sentences))
    assert list(sides) == ["老产业", "新兴产业"], answer.answer
    assert "压舱石" in sides["老产业"][0].text and "新引擎" in sides["新兴产业"][0].text
    assert all(s.status == "supported" for s in answer.sentences)
    answer = assistant.ask("滨海那篇里市场、企业、政府三家各是啥角色？")
    assert answer.sentences[0].text.startswith("全市要形成以市场为导向"), answer.answer
    # the sides in a clause before the cue, each after a preposition of respect (从A看)
    answer = assistant.ask("滨海那篇讲传统产业和新兴产业，定位上咋区分？")
    assert list(dict(_sides(answer.sentences))) == ["传统产业", "新兴产业"], answer.answer
    # a side is cut to the thing it names: after where the question looks (报告里老产业), before
    # what is asked of it (新兴产业的定位); sides apart by a space are sides
    for question in (
        "报告里老产业、新兴产业各自啥定位",
        "滨海那篇里老产业和新兴产业的定位有啥不同？",
    ):
        answer = assistant.ask(question)
        assert list(dict(_sides(answer.sentences))) == ["老产业", "新兴产业"], answer.answer
    answer = assistant.ask("滨海那篇里传统产业 新兴产业各是个啥定位")
    assert list(dict(_sides(answer.sentences))) == ["传统产业", "新兴产业"], answer.answer
    # a joining word inside an official name written out joins no sides
    assert topic_sides("工业和信息化部和科技部各是啥职责") == ["工业和信息化部", "科技部"]
    assert topic_sides("工信部与科技部分别负责什么") == ["工信部", "科技部"]
    # where it looks typed before a space, and what it asks of the last side, are no sides
    assert topic_sides("晚报里 突破式和渐进式创新拉内需有啥不一样") == [
        "突破式",
        "渐进式创新拉内需",
    ]


def test_a_side_a_text_qualifies_is_still_its_side_and_a_list_says_nothing_of_each(tmp_path):
    """新兴产业 is the text's 战略性新兴产业 opening its clause; 传统产业、战略性新兴产业并重发力
    only lists the two — it says nothing of each, so it answers neither side."""
    texts = {
        "产业发展报告.txt": (
            "滨海市产业发展报告\n"
            "传统产业、战略性新兴产业、未来产业并重发力，是完善现代化产业体系的重要路径。\n"
            "传统产业是实体经济的根基，是现代化产业体系的基底。\n"
            "战略性新兴产业是引领未来发展的新动能、新引擎。\n"
        )
    }
    answer = assistant_of(tmp_path, texts).ask("滨海那篇里老产业和新兴产业分别啥定位？")
    sides = dict(_sides(answer.sentences))
    assert list(sides) == ["老产业", "新兴产业"], answer.answer
    assert "基底" in sides["老产业"][0].text and "新引擎" in sides["新兴产业"][0].text


def test_a_word_of_the_texts_synonym_group_is_the_texts_word():
    """托底 finds 兜底, 国外 finds 海外 (data/lexicon/synonyms.txt); a one-character word is never
    looked for in a text (钱 is in 价钱), though a question's 钱 finds 资金."""
    assert present("托底", "坚持兜底保障民生") and not present("托底", "坚持保障民生")
    assert holds("为海外人才提供服务", "国外") and "人工智能" in synonyms("AI")
    assert holds("安排专项资金", "钱") and not holds("价钱上涨", "资金")
    # in choosing sentences, only a word the index never uses stands for its group's words
    assert stand_in("托底", ["兜底"]) == "托底|兜底" and asked("托底|兜底") == "托底"
    assert term_coverage("坚持兜底保障民生", {"托底|兜底": 1.0, "民生": 1.0}) == 1.0
    assert term_coverage("坚持建设平台", {"搭建": 1.0, "平台": 1.0}) == 0.5
    # the asker's compound said with a qualifier between its words counts in part
    assert term_coverage("共建中试熟化平台体系", {"中试平台": 1.0}) == 0.5
    # … whatever else jieba's search mode cuts from it (重大|大项|项目), and the texts' word the
    # asker's stands for (大项目|重大项目) as well
    assert term_coverage("提升企业在重大科技项目策划中的话语权", {"大项目|重大项目": 1.0}) == 0.5


def test_a_listed_word_the_tagger_cut_into_characters_is_one_word_again(library_assistant):
    """jieba's tagger cuts 引才留才 into single characters where its plain cut keeps 引才, 留才:
    words of a synonym group are put back together and weighed whole; words it cut into words
    stay apart (成交|金额: the texts may say 成交 alone)."""
    pairs = [("引", "v"), ("才", "d"), ("留", "v"), ("才", "d"), ("方面", "n")]
    assert joined_as_listed(pairs, "引才留才方面") == [("引才", "n"), ("留才", "n"), ("方面", "n")]
    cut = [("成交", "v"), ("金额", "n")]
    assert joined_as_listed(cut, "成交金额") == cut
    weights = term_weights(library_assistant.answerer._index(), "引才留才方面有啥做法")
    assert "引才" in weights and "留才" in weights and "引" not in weights


def test_a_listed_noun_cut_after_its_adjective_weighs_as_the_texts_word(tmp_path):
    """老|产业: jieba cuts the asker's 老产业 after its adjective; put back together, it weighs as
    传统产业, the texts' word of its group — not as 产业, which every text uses — and a question
    about it is answered from the passage about 传统产业. The adjective is joined only to the
    word it stands before (养大的企业 holds no 大企业)."""
    assert joined_as_listed([("老", "a"), ("产业", "n")], "老产业咋改") == [("老产业", "n")]
    cut = [("养", "v"), ("大", "a"), ("企业", "n")]
    assert joined_as_listed(cut, "养大的企业") == cut
    texts = {
        f"规划{i}.txt": f"规划{i}\n推动产业创新，发展新兴产业，建设第{i}批产业园区。\n"
        for i in range(4)
    }
    texts["规划9.txt"] = (
        "规划9\n推动产业创新，发展新兴产业。\n"
        "对传统产业，要朝智能、低碳、服务三个方向改造，逐步淘汰落后工艺。\n"
    )
    assistant = assistant_of(tmp_path, texts)
    weights = term_weights(assistant.answerer._index(), "老产业要往哪几个方向改？")
    assert weights.get("老产业|传统产业", 0) > max(v for w, v in weights.items() if "产业" not in w)
    answer = assistant.ask("老产业要往哪几个方向改？")
    assert not answer.refused and "低碳" in answer.answer, answer.answer


def test_a_term_of_the_texts_jieba_splits_between_two_guesses_is_found_again(tmp_path):
    """把算力拼到: jieba guesses 把算|力拼 and the texts' 算力 is lost — the question then weighs
    only 到 and is refused. Cut again where a word the index holds spans a guess's edge, it is
    answered; two dictionary words the index lacks (科技厅|厅长) are not cut into its 科技."""
    texts = {
        f"规划{i}.txt": f"规划{i}\n推进科技创新，建设第{i}批产业园区，完善配套服务。\n"
        for i in range(4)
    }
    texts["算力.txt"] = (
        "算力\n汇总各地计算中心的资源，建设一个区域算力共用平台，让数据按规则流动。\n"
    )
    assistant = assistant_of(tmp_path, texts)
    index = assistant.answerer._index()
    assert "算力" in term_weights(index, "想把算力拼到一块儿用，具体咋整？")
    answer = assistant.ask("想把算力拼到一块儿用，具体咋整？")
    assert not answer.refused and "算力共用平台" in answer.answer, answer.answer
    assert "科技" not in term_weights(index, "科技厅厅长是谁？")


def test_a_particle_a_preposition_or_a_verb_and_its_object_is_no_subject(tmp_path):
    """集群|呢 (a modal particle), 照|交通运输那篇的说法 (according to), 企业|唱主角 (a verb
    and its object jieba files as a noun, said of the subject): none is a name the library
    lacks; a subject jieba cut into pieces still is."""
    assert broken_subject("集群呢，一共多少个？") == ""
    assert broken_subject("照交通运输那篇的说法，为啥企业是主角？") == ""
    assert broken_subject("盖卤王为何被杀？") == "盖卤王"
    assert verb_object("唱主角") and verb_object("搭班子") and not verb_object("博物馆")
    texts = {
        f"规划{i}.txt": f"规划{i}\n推进科技创新，建设第{i}批产业园区，完善配套服务。\n"
        for i in range(4)
    }
    texts["联合体.txt"] = "联合体\n组建由骨干企业领衔、高校配合、多方协作的创新联合体。\n"
    assistant = assistant_of(tmp_path, texts)
    answer = assistant.ask("企业唱主角的那种创新联合体，打算怎么搭班子？")
    assert not answer.refused and "骨干企业领衔" in answer.answer, answer.answer


def test_a_word_the_texts_seldom_use_stands_for_their_usual_word(tmp_path):
    """公司 in one passage, 企业 in every one: a question's 公司 is found where 企业 is; a word the
    texts use as often as its synonyms is looked for as written."""
    texts = {
        f"企业政策{i}.txt": f"企业政策第{i}号\n支持第{i}批科技型企业开展研发，培育专精特新企业。\n"
        for i in range(12)
    }
    texts["保险.txt"] = "保险业务\n保险公司提供科技保险服务。\n"
    texts["融资.txt"] = "金融支持\n拓宽科技型企业融资渠道。\n"
    index = assistant_of(tmp_path, texts).answerer._index()
    assert "公司|企业" in term_weights(index, "支持哪几类科技公司？")
    assert "保险" in term_weights(index, "保险有哪些服务？")
    # a verb the texts never use weighs as a verb where they use a word of its group
    assert term_weights(index, "科技型企业咋找钱？").get("找钱|融资", 0) > 0


def test_a_name_built_on_a_word_of_a_synonym_group_is_found_spelled_the_texts_way(tmp_path):
    """普通高校 is the 普通高等学校 of the texts (高校 / 高等学校 are one group); a name that only
    shares a word with the text's is not (普通中学)."""
    assert "普通高等学校" in spelled_otherwise("普通高校") and not spelled_otherwise("高校")
    assert present("普通高校", "普通高等学校招生规模扩大") and not present(
        "普通中学", "普通高等学校"
    )
    assistant = assistant_of(
        tmp_path,
        {
            "教育统计公报.txt": "全省教育事业统计公报\n全省普通高等学校招生规模比上年扩大12%。\n",
            "交通统计公报.txt": "全省交通运输统计公报\n全省公路通车里程比上年增加3200公里。\n",
        },
    )
    answer = assistant.ask("普通高校招生规模比上年扩大了多少？")
    assert not answer.refused and "12%" in answer.answer, answer.answer
    assert assistant.ask("普通中学招生规模比上年扩大了多少？").refused


def test_a_question_word_the_texts_never_use_stands_for_its_group(library_assistant):
    weights = term_weights(library_assistant.index, "湖北为海外人才提供哪些托底服务？")
    assert "托底" in weights, "no word of its group in the texts: as asked"
    weights = term_weights(library_assistant.index, "湖北给境外人才提供什么服务？")
    assert any(w.startswith("境外|") and "海外" in w for w in weights), weights


def test_an_instance_says_what_its_kind_asks_but_not_the_reverse():
    """颜色 is found where a colour is named (体呈银灰色); a question's 红色 is not found in 颜色."""
    assert found_in("本鱼体呈银灰色。", "颜色") and not found_in("本鱼体型侧扁。", "颜色")
    assert not found_in("花的颜色多样。", "红色") and "秋季" in instances("季节")
    assert found_in("北宋开国功臣，著名将领。", "朝代") and found_in("总苞呈钟状。", "形状")
    assert term_coverage("体呈淡蓝红色", {"颜色": 1.0, "身体": 1.0}) == 0.5


def test_a_word_jieba_guessed_that_the_index_holds_weighs_as_a_name(tmp_path):
    """怡良 is tagged an adjective, but a word no dictionary knows that the texts use is a name
    or term of theirs: it weighs, and decides which passage answers."""
    texts = {
        "怡良.txt": "怡良\n怡良最初在刑部任笔帖式，后升为员外郎。\n",
        "黄华麒.txt": "黄华麒\n黄华麒于1966年加入电台，任职节目主任。\n",
    }
    assistant = assistant_of(tmp_path, texts)
    weights = term_weights(assistant.index, "怡良最初在哪里任职？")
    assert weights["怡良"] >= max(weights.values()) * 0.99, weights
    assert "刑部" in assistant.ask("怡良最初在哪里任职？").answer


def test_no_word_is_in_two_synonym_groups_and_no_group_holds_opposites():
    groups = lexicon.groups("synonyms")
    words = [w for group in groups for w in group]
    assert len(groups) >= 300 and len(words) == len(set(words))
    assert all(len(group) >= 2 for group in groups)
    for a, b in (pair.split("/") for pair in lexicon.words("polarity", "opposites")):
        assert not any(a in group and b in group for group in groups), (a, b)


def test_a_foreign_place_named_must_be_in_the_passage_that_answers(tmp_path):
    """东京 is in one passage, the 国际人才社区 in another: the one naming the place does not
    answer, the other is about somewhere else — refused; asked without the place, answered."""
    texts = {
        "甲市国际合作.txt": "甲市国际合作\n甲市与东京的多所大学签署了合作协议，每年互派访问学者。\n",
        "丙市友好城市.txt": "丙市友好城市\n丙市与东京结为友好城市已有二十年。\n",
        "丁市航线.txt": "丁市航线\n丁市机场开通了直飞东京的国际航线。\n",
        "乙市人才社区.txt": (
            "乙市人才社区\n乙市国际人才社区为海外人才提供一站式服务，包括签证、住房和子女入学。\n"
        ),
    }
    assistant = assistant_of(tmp_path, texts)
    answer = assistant.ask("东京的国际人才社区为海外人才提供哪些服务？")
    assert answer.refused and "东京" in answer.answer, answer.answer
    assert "乙市" not in answer.answer
    assert not assistant.ask("乙市的国际人才社区为海外人才提供哪些服务？").refused


def test_the_noun_phrase_a_question_opens_with_is_read_after_a_count():
    assert opening_run("第3舰队是何时组建的？") == ["舰队"]
    assert opening_run("4个翼状结构象征着什么？") == ["翼状", "结构"]
    assert opening_run("问题：湖南有哪些措施？") == []  # a word no index keeps
    assert opening_run("为什么要建设人才社区？") == []


def test_a_subject_the_library_never_uses_is_refused(tmp_path):
    """舰队 is an everyday noun, but no text of the library uses it: a question about one is not
    answered from a passage that shares its other words; asked what the texts say, answered."""
    texts = {
        "海军基地.txt": (
            "海军基地\n该海军基地于1905年组建，驻有巡洋舰和驱逐舰。\n基地于1945年移交地方政府。\n"
        ),
        "港口.txt": "港口\n港口于1921年组建了引航站，为进港船只引航。\n",
    }
    assistant = assistant_of(tmp_path, texts)
    answer = assistant.ask("第3舰队是何时组建的？")
    assert answer.refused and "舰队" in answer.answer, answer.answer
    assert not assistant.ask("该海军基地是何时组建的？").refused


def test_a_subject_said_by_its_initials_or_a_part_of_the_text_is_no_missing_name(tmp_path):
    """科创 is how an asker shortens 科技创新 — the first characters of two words the texts say
    one after the other — and 结尾那段 says where to look: neither is a subject the library
    lacks. A two-character word that is no one's initials still is."""
    texts = {
        "园区规划.txt": (
            "园区规划\n园区以科技创新带动产业升级，重点建设三类平台：中试平台、检测平台和孵化平台。\n"
            "结语\n园区将形成市场来引导、企业当主力的协同格局。\n"
        ),
    }
    assistant = assistant_of(tmp_path, texts)
    answer = assistant.ask("科创平台这块园区要建哪几类？")
    assert not answer.refused and "检测平台" in answer.answer, answer.answer
    answer = assistant.ask("结尾那段里，市场和企业分别扮演啥角色？")
    assert not answer.refused and "企业当主力" in answer.answer, answer.answer
    assert assistant.ask("舰创平台这块园区要建哪几类？").refused


def test_initials_are_the_first_characters_of_two_words_said_together():
    assert initials_of("科创", "以科技创新带动")
    assert initials_of("技转", "完善技术转移体系")
    assert not initials_of("科创", "科学和创新")  # not one after the other
    assert not initials_of("科创", "科技创")  # no second word
    assert not initials_of("科技创", "科技创新")


def test_what_follows_a_province_or_a_kind_of_text_is_asked_not_the_subject(library_assistant):
    """湖南|留人: jieba tags the asker's verb a noun; after the province it is what is asked."""
    assert not library_assistant.ask("湖南留人都有哪些招牌计划？").refused


def test_a_compound_the_sentence_does_not_hold_whole_counts_in_part():
    """科研项目 of the question, 重大科技项目 in the text: half the compound's weight, shared among
    its words the sentence holds (项目 of 科研+项目); a three-character word is matched whole, and
    a term jieba guessed or one with a rare part is the thing asked about, matched whole (计算神经
    科学 is not 科学, 亚硫酸盐 not 硫酸)."""
    assert term_coverage("推进重大科技项目", {"科研项目": 1.0}) == pytest.approx(0.25)
    assert term_coverage("推进重大科研项目", {"科研项目": 1.0}) == 1.0
    assert term_coverage("推进重大科技项目", {"研究院": 1.0}) == 0.0
    assert term_coverage("计算机科学是一门学科", {"计算神经科学": 1.0}) == 0.0
    assert term_coverage("硫酸是一种强酸", {"亚硫酸盐": 1.0}) == 0.0


def test_a_name_the_texts_say_in_other_words_is_there():
    """国家队 is what the texts call 国家战略科技力量 (a synonym group): not a name they lack."""
    question = "那篇说国家队科研力量那套体系要靠哪几层撑起来？"
    said = ["加强国家战略科技力量建设，加快建设以国家重点实验室为支撑的实验室体系。"]
    assert named._missing_name(question, set(), said) is None
    assert named._missing_name(question, set(), ["加快建设以国家重点实验室为支撑的实验室体系。"])


def test_two_characters_glued_into_a_guessed_verb_are_no_term_of_the_texts(tmp_path):
    """得|靠: jieba guesses a verb the texts never use; that each character is in the index does
    not make it a term of theirs — a name the index holds (锦地罗) still is."""
    assistant = assistant_of(
        tmp_path,
        {
            "产业.txt": "产业升级\n产业转型升级主要靠科技创新，也离不开人才支撑。\n",
            "植物.txt": "植物志\n锦地罗是一种茅膏菜科植物，叶片呈莲座状排列。\n",
            "交通.txt": "交通统计\n全省公路通车里程比上年增加3200公里，得到群众好评。\n",
        },
    )
    index = assistant.answerer._index()
    weights = term_weights(index, "产业转型升级得靠啥？")
    assert weights.get("得靠", 0) < weights["升级"], weights
    assert term_weights(index, "锦地罗的叶片什么样？")["锦地罗"] >= weights["升级"]
    answer = assistant.ask("产业转型升级得靠啥？")
    assert not answer.refused and "科技创新" in answer.sentences[0].text


def test_items_of_a_list_run_together_name_what_the_passage_lists():
    """“扩链强芯” is the passage's “扩链、强芯” without its list mark, not a name it lacks."""
    question = "湖南提的“扩链强芯”指什么？"
    assert named._missing_name(question, set(), ["推动产业“扩链、强芯、育群”。"]) is None
    assert named._missing_name(question, set(), ["推动产业扩链，强化芯片供给。"]) == "扩链强芯"


def test_a_count_with_its_measure_word_and_a_joined_source_name_nothing():
    """哪|几环 (jieba tags 几环 a place) asks a count; 人民网|跟求|是那篇: 跟 joins a second source,
    no part of the first one's name; 项目风险 is the asker's compound of two everyday words,
    said when a passage says both (几内亚 stays a name, 羊水栓塞 a term)."""
    assert "几环" not in names_in("成果转化服务要补上哪几环")
    assert names_in("几内亚的首都是哪里？") == ["几内亚"]
    assert "跟求" not in subject_words("人民网跟求是那篇都提了揭榜挂帅")
    assert named._said_in_parts("项目风险", "科技项目具有较高的技术风险")
    assert not named._said_in_parts("项目风险", "科技项目具有较高的技术含量")
    assert not named._said_in_parts("羊水栓塞", "羊水过多与血管栓塞")


def test_an_event_of_another_year_is_not_the_one_asked_about(tmp_path):
    """2023年全省科技工作会议 is refused where the texts name only the 2024 one; the 2024 one,
    or the meeting with no year, is answered."""
    texts = {
        "科技工作会议.txt": (
            "全省科技工作会议综述\n"
            "2024年全省科技工作会议提出，要实施重点产业链技术攻关工程，新建中试基地20个。\n"
        )
    }
    assert missing_edition("2023年全省科技工作会议提了啥？", [texts["科技工作会议.txt"]])
    assert not missing_edition("2024年全省科技工作会议提了啥？", [texts["科技工作会议.txt"]])
    assistant = assistant_of(tmp_path, texts)
    refused = assistant.ask("2023年全省科技工作会议对技术攻关是咋部署的？")
    assert refused.refused and "2023年全省科技工作会议" in refused.answer, refused.answer
    assert refused.passages, "the refusal still lists the nearest sources"
    for question in (
        "2024年全省科技工作会议对技术攻关是咋部署的？",
        "全省科技工作会议要新建几个中试基地？",
    ):
        assert not assistant.ask(question).refused, question
    # an ordinal edition (五中全会 where the texts hold the 四中全会); a year the texts say
    # elsewhere (2008年……北京奥运会) is theirs
    plenary = "十九届四中全会提出，要完善科技创新体制机制。"
    assert missing_edition("十九届五中全会对科技创新咋部署的", [plenary]) == "十九届五中全会"
    assert not missing_edition("四中全会对科技创新咋部署的", [plenary])
    games = "该队参加了2004年雅典奥运会，并入选2008年在北京举办的比赛名单。"
    assert not missing_edition("2008年北京奥运会该队有几人参赛？", [games])
    # a 工作会议 held as a 座谈会 in another year is one meeting; a 2025年 said of another thing
    # (2025年经济工作, another meeting) is not the year of this one; a month may follow the year
    held = (
        "2025年全国工业部门负责人座谈会召开。"
        "2024年全省经济工作会议把科技创新作为2025年经济工作的重点。"
    )
    assert missing_edition("2023年全国工业工作会议定了啥", [held]) == "2023年全国工业工作会议"
    asked = "2025年12月开的全省经济工作会议咋部署的"
    assert missing_edition(asked, [held]) == "2025年全省经济工作会议"
    assert not missing_edition("2024年全省经济工作会议咋部署的", [held])
    # the first batch of a list (首批名单) where the passages only plan a batch (一批) is not
    # theirs; a batch or edition they number, however written, is
    planned = "要布局建设一批国家级中试熟化平台。"
    numbered = "第三届大赛于2010年举行，第一批试点已验收。"
    assert missing_edition("中试熟化平台首批名单有哪些单位？", [planned]) == "首批"
    assert missing_edition("第二批试点有哪些？", [planned, numbered]) == "第二批"
    assert not missing_edition("首批试点验收了吗？", [planned, numbered])
    assert not missing_edition("第3届大赛在哪年举行？", [numbered])


def test_a_negated_adverb_jieba_guesses_as_a_name_is_no_name():
    """别光 (不要只) before a verb is how the question is put, not a name the texts lack."""
    assert "别光" not in names_in("要让成果别光躺在实验室里，得盯紧啥")
    # 落实上|卡在, 地盘上|省下: a place word jieba glued to the next word ends the one before
    assert names_in("政策落实上卡在哪一段") == []
    assert names_in("厂子在地盘上省下哪些开销") == []


def test_a_short_form_is_not_read_across_two_words():
    """科技|改造 holds no 技改, 华人|社区 no 人社: each end of the short form makes a word with
    the character beside it; 企业技改 and 推动工信 are short forms."""
    assert expand_abbreviations("老产业怎么靠科技改造升级") == "老产业怎么靠科技改造升级"
    assert expand_abbreviations("当地已有华人社区") == "当地已有华人社区"
    assert expand_abbreviations("企业技改投资增长多少") == "企业技术改造投资增长多少"
    assert expand_abbreviations("推动工信高质量发展") == "推动工业和信息化高质量发展"


def test_a_daily_named_without_the_word_for_when_it_comes_out_is_the_daily(tmp_path):
    """东湖报那篇 is the 东湖日报 text, and 报纸 the kind of text a daily's is: where to look,
    not names the library lacks."""
    assistant = assistant_of(tmp_path, _SIDE_LIBRARIES["outlets"])
    answer = assistant.ask("东湖报那篇说要组建啥人才池？")
    assert not answer.refused, answer.answer
    assert answer.passages[0].chunk.doc_id == "东湖日报评论.txt"
    assert "工程师人才池" in answer.sentences[0].text
    kinds = ["刊物", "报纸", "期刊", "杂志", "网站"]
    assert other_names("东湖日报、南岭学报、新华网").split() == [
        *("东湖报", "东湖网", "南岭", "新华社", "新华"),
        *kinds,
    ]


def test_a_news_site_is_named_by_its_agency_and_a_daily_by_its_site(tmp_path):
    """楚天社那篇 is the 楚天网 text (a news agency and its website go by each other's names),
    江汉网那篇 the 江汉日报 one: where to look, not words the library lacks."""
    texts = {
        "楚天网报道.txt": (
            "加快培育新型人才队伍\n发布日期：2024-05-10 来源：楚天网\n"
            "楚天高新区推广“校企双聘”模式，组建覆盖重点产业的工程师人才池。\n"
        ),
        "江汉日报评论.txt": (
            "推动产业人才集聚\n发布日期：2024-06-01 来源：江汉日报\n"
            "江汉新区设立青年人才驿站，为来访求职的毕业生提供免费住宿。\n"
        ),
    }
    assistant = assistant_of(tmp_path, texts)
    answer = assistant.ask("楚天社那篇说要组建啥人才池？")
    assert not answer.refused and "工程师人才池" in answer.sentences[0].text, answer.answer
    answer = assistant.ask("江汉网那篇给毕业生提供啥？")
    assert not answer.refused and "免费住宿" in answer.sentences[0].text, answer.answer


def test_a_website_is_named_without_the_word_for_its_kind(tmp_path):
    """荆楚那篇 is the 荆楚网 text, and 照 (according to) before it no part of a name — but a site
    is not named by an everyday word (人民) or a place (中国) its name opens with."""
    texts = {
        "网站报道.txt": (
            "加快培育新型人才队伍\n发布日期：2024-05-10 来源：荆楚网\n"
            "高新区推广“校企双聘”模式，组建覆盖重点产业的工程师人才池。\n"
        ),
        "日报评论.txt": (
            "推动产业人才集聚\n发布日期：2024-06-01 来源：江汉日报\n"
            "江汉新区设立青年人才驿站，为来访求职的毕业生提供免费住宿。\n"
        ),
    }
    assistant = assistant_of(tmp_path, texts)
    for question in ("荆楚那篇说要组建啥人才池？", "照荆楚那篇的意思，要组建啥人才池？"):
        answer = assistant.ask(question)
        assert not answer.refused and "工程师人才池" in answer.sentences[0].text, answer.answer
    assert "荆楚" in short_forms("荆楚网") and "新华" in short_forms("新华网")
    assert "人民" not in short_forms("人民网") and "中国" not in short_forms("中国网")
    assert opening_name("照新华那篇的意思，成果转化起个啥作用？") == ""  # not 照新华


def test_a_journal_is_named_by_the_word_for_its_kind(tmp_path):
    """刊物/期刊/杂志那篇 is a journal's text (南岭学报): where to look, not a word to find."""
    assistant = assistant_of(tmp_path, _SIDE_LIBRARIES["outlets"])
    for question in ("刊物那篇说人才评价以啥为导向？", "杂志上那篇说要依托什么平台培养人才？"):
        answer = assistant.ask(question)
        assert not answer.refused, answer.answer
        assert answer.passages[0].chunk.doc_id == "学报论文.txt"


def test_a_text_is_named_by_the_kind_its_title_says_it_is(tmp_path):
    """社论那篇 is the text whose title says it is a 社论 (……系列社论之二): one side of the
    comparison with 江汉日报那篇, searched beside it — not a word two titles would have to share."""
    texts = {
        "日报报道.txt": (
            "推动产业人才集聚\n发布日期：2024-06-01 来源：江汉日报\n"
            "江汉新区设立青年人才驿站，为来访求职的毕业生提供免费住宿。\n"
        ),
        "社论.txt": (
            "把人才放在发展全局的突出位置——产业发展系列社论之二\n发布日期：2024-07-01\n"
            "要完善工程师职称评审办法，吸引海外科技人才回流创业。\n"
        ),
        "网站报道.txt": (
            "加快培育新型人才队伍\n发布日期：2024-05-10 来源：荆楚网\n"
            "高新区推广“校企双聘”模式，组建覆盖重点产业的工程师人才池。\n"
        ),
    }
    answer = assistant_of(tmp_path, texts).ask("人才这块，江汉日报那篇跟社论那篇提法有啥不同？")
    cited = {s.citations[0] for s in answer.sentences}
    docs = {p.chunk.doc_id for p in answer.passages if p.n in cited}
    assert docs == {"日报报道.txt", "社论.txt"}, answer.answer
    assert "社论：" in answer.answer, answer.answer


def test_the_measure_word_of_a_count_asked_for_ends_it():
    """多少家中小型企业: jieba glues 家中 (at home) and loses the unit; cut again with the count's
    measure word apart. A count it cut rightly (几件事, 几项改革) stays as it was."""
    words = [w for w, _ in tagged("每年支持多少家中小型企业？")]
    assert "家中" not in words and words[2:4] == ["多少", "家"]
    assert tagged("打通哪几件事")[-1][0] == "几件事" and tagged("几项改革")[0][0] == "几项"
    # … and a word the measure word opens stays whole: 项目, 名额, 家庭
    for question, word in (
        ("有多少项目落地？", "项目"),
        ("有多少名额？", "名额"),
        ("多少家庭受益", "家庭"),
    ):
        assert word in [w for w, _ in tagged(question)], tagged(question)


def test_the_noun_a_question_asks_the_members_of_is_the_kind_of_answer():
    """六个方向分别是哪六个, 考核指标是哪些: the noun before 是 that asks for its members names
    the kind of answer, which a passage gives as instances (甲、乙……六大板块)."""
    assert answer_type_words("规划里往后看的六个方向分别是哪六个？") == {"方向"}
    assert answer_type_words("那些指标是哪些？") == {"指标"}
    assert answer_type_words("这些任务都是啥？") == {"任务"}
    assert answer_type_words("规划的方向是哪个城市定的？") == {"城市"}  # not 方向


def test_a_document_named_by_words_jieba_splits_is_asked_about(tmp_path):
    """知是那篇啥时候发的: the outlet's short form falls apart into a verb and a stopword, so the
    question holds no word to search — it names the document and asks its date."""
    texts = {
        "学刊论文.txt": (
            "人才培养机制研究\n发布日期：2025-03-01 来源：知是学刊\n摘要\n"
            "高校应开展“校企联合”培养模式，依托重大创新平台培养复合型工程人才。\n"
        ),
        "日报评论.txt": (
            "加快培育新型人才队伍\n发布日期：2024-05-10 来源：东湖日报\n"
            "东湖高新区推广“校企双聘”模式，组建覆盖重点产业的工程师人才池。\n"
        ),
    }
    answer = assistant_of(tmp_path, texts).ask("知是那篇啥时候发的？")
    assert not answer.refused and "2025-03-01" in answer.answer, answer.answer


def test_the_measure_word_a_pointer_points_with_starts_no_name():
    """那|篇|老|旧: jieba leaves 篇 and 老旧 in single characters, but 那篇 points at a text —
    no name 篇老旧 the texts would have to hold; a name cut into characters still is one."""
    assert names_in("滨江那篇老旧街区往绿色上改，打算咋弄？") == []
    assert "蓝帐汗国" in names_in("1362年蓝帐汗国在蓝河战役中被击败")


def test_a_refusal_names_the_place_as_the_question_does(library_assistant):
    """杭州 is one of 浙江's names; a library without it says it has nothing on 杭州 — what the
    asker wrote — not on 浙江."""
    answer = library_assistant.ask("杭州对来就业的博士给多少补贴？")
    assert answer.refused and "“杭州”" in answer.answer, answer.answer


def test_where_in_the_text_and_the_kind_asked_for_are_not_what_a_passage_must_hold(
    library_assistant,
):
    """最后 (at the end of the text) says where to look; 啥类型的 the kind of thing asked for —
    an answer names instances, not the kind: neither weighs as evidence."""
    weights = _asked_weights(library_assistant.index, "湖北那篇最后想扶持啥类型的企业？", set())
    assert "企业" in weights and not {"最后", "类型"} & set(weights), weights
    # a kind noun that is not asked for is a word like any other
    assert "类型" in _asked_weights(library_assistant.index, "湖北扶持的企业类型多吗？", set())


def test_whether_one_can_said_with_a_verb_and_its_complement_weighs_nothing(library_assistant):
    """用得起, 跟得上: whether one can, said the asker's way (jieba glues 得 to the verb) — not
    a word the texts must hold; 获得 is a word of its own."""
    weights = term_weights(library_assistant.index, "湖北咋让小企业也用得起博士后工作站？")
    assert not {"用得", "起"} & set(weights) and "博士后" in "".join(weights), weights
    assert "获得" in term_weights(library_assistant.index, "湖南人才获得过哪些资助？")


def test_a_side_named_by_a_short_form_is_labelled_as_the_question_writes_it(tmp_path):
    """工信那篇 names the 工业和信息化 review (its short form written out to search): its side is
    labelled 工信, as asked, and stands first, as asked."""
    texts = {
        "工业和信息化发展述评.txt": (
            "2025年工业和信息化发展述评\n"
            "科技成果转化是推动产业创新的重要途径，要建设一批中试熟化平台。\n"
        ),
        "东湖日报评论.txt": (
            "推动科技成果落地\n发布日期：2024-06-01 来源：东湖日报\n"
            "科技成果转化是连接科技和产业的关键桥梁，东湖新区设立成果转化基金。\n"
        ),
    }
    assistant = assistant_of(tmp_path, texts)
    answer = assistant.ask("工信那篇和东湖报那篇，对科技成果转化的地位各咋定性的？")
    assert [label for label, _ in _sides(answer.sentences)] == ["工信", "东湖报"], answer.answer


def test_the_object_of_a_set_phrase_said_with_words_between_weighs_nothing(library_assistant):
    """挑……的大梁 is 挑大梁 (to take the main part) said around what it is of: how the asker says
    it, not a 大梁 the texts must hold."""
    weights = term_weights(library_assistant.index, "湖北那篇为啥让企业挑人才工作的大梁？")
    assert "大梁" not in weights and any("人才" in w for w in weights), weights


def test_a_word_weighs_no_more_than_the_common_word_of_its_group_it_is_found_as(tmp_path):
    """科创 said once in the library, 科技创新 in every text: the question's 科创 is matched
    wherever the texts say 科技创新, so it is as common as that — no rare word that only
    passages repeating 科技创新 would hold."""
    library = {
        f"文{i}.txt": f"第{i}篇\n推动科技创新和产业创新融合，做好第{i}项工作。\n"
        for i in range(1, 6)
    }
    library["文6.txt"] = "第6篇\n建设科创平台，探索股权投资、债权融资等科技金融产品。\n"
    index = assistant_of(tmp_path, library).index
    assert index.idf("科创") > index.idf("科技创新")
    weights = term_weights(index, "科创企业找钱咋说的？")
    assert 0 < weights["科创"] <= index.idf("科技创新")


def test_each_side_of_a_comparison_gives_up_to_three_of_its_sentences(tmp_path):
    """两地人才政策有啥不同: a side's measures are its answer; each side gives as many as
    `comparison_sentences` of its sentences holding what is asked."""
    texts = {
        "湖南省人才政策.txt": (
            "湖南省人才政策\n"
            "湖南实施芙蓉人才行动计划，每年遴选一百名青年科技人才给予科研经费支持。"
            "湖南在长沙建设人才公寓，为引进的博士提供三年免租住房。"
            "湖南推行人才评价改革，把成果转化收益作为职称评审的重要依据。\n"
        ),
        "湖北省人才政策.txt": (
            "湖北省人才政策\n"
            "湖北实施楚天英才计划，对顶尖人才团队最高给予一亿元综合资助。"
            "湖北在光谷设立人才服务驿站，为来鄂求职的高校毕业生提供免费住宿。"
            "湖北推动人才评价互认，省内高校和企业互聘的工程师职称互相认可。\n"
        ),
    }
    answer = assistant_of(tmp_path, texts).ask("湖南和湖北的人才政策有啥不同？")
    sides = dict(_sides(answer.sentences))
    assert list(sides) == ["湖南", "湖北"], answer.answer
    assert [len(s) for s in sides.values()] == [TUNING.answer.comparison_sentences] * 2 == [3, 3]
    for fact in (
        "芙蓉人才",
        "人才公寓",
        "人才评价改革",
        "楚天英才",
        "人才服务驿站",
        "人才评价互认",
    ):
        assert fact in answer.answer, (fact, answer.answer)
