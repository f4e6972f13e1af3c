"""Which sentence answers first, on made-up texts.

A sentence that follows from the one before it (因此……, 此后……) answers “why” or “when” only
with that one: the cause or the date comes first, and a sentence that gives its own reason, or a
question of another kind, is answered without it. A question asking what else a thing is called
(又叫什么) is answered by the sentence giving another name (又称……), not by the one best matching
its other words. A who/when/where question keeps only the sentences nearly as close to it as the
one answering. A question pointing at its document (江城晚报说……) is answered from fewer of its
words, and from that document only."""

from __future__ import annotations

import pytest
from conftest import assistant_of

from assistant.answer.candidates import FEATURES, Candidate, sentence_features
from assistant.answer.extractive import select_sentences
from assistant.answer.first import answering, lists_kinds
from assistant.answer.generate import GenerationRequest
from assistant.answer.leads import is_lead, leads
from assistant.answer.question_types import classify
from assistant.schema import Chunk, Passage
from assistant.tuning import TUNING

TUNE = TUNING.answer

TEXTS = {
    "科普基地情况.txt": (
        "科普基地情况\n"
        "科普基地每年接待中小学生超过三万人次，开放天数位居全市首位。"
        "因此它被称为城市第二课堂。基地还建有一座小型天文台，供夜间观测使用。\n"
    ),
    "示范园区运营.txt": (
        "示范园区运营\n"
        "2019年，示范园区通过了国家验收，入驻企业达到120家。"
        "此后，示范园区正式转为常态化运营，由管委会统一管理。"
        "园区内还建有共享实验室和人才公寓。\n"
    ),
    "物流园项目.txt": (
        "物流园项目\n"
        "物流园占地三百亩，分两期建成。"
        "因此，物流园因为地处交通枢纽而被列为全市重点项目。"
        "物流园配套建设了冷链仓库。\n"
    ),
    "文化中心概况.txt": (
        "文化中心概况\n"
        "市文化中心由市文旅集团负责运营。"
        "文化中心设有剧场、图书馆和展览馆，每年举办各类演出三百余场。"
        "中心周边的公交线路已在去年完成调整。\n"
    ),
    "孵化平台介绍.txt": (
        "孵化平台介绍\n"
        "全市众创空间数量达到四十家，众创空间入驻团队超过两百个，众创空间年度考核优秀率居全省前列。\n"
        "众创空间每年为入驻团队提供免费工位和创业辅导。\n"
        "在一些城市，众创空间又称创客空间。\n"
    ),
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    return assistant_of(tmp_path_factory.mktemp("antecedent"), TEXTS)


def test_the_cause_before_therefore_answers_why(assistant):
    answer = assistant.ask("科普基地为啥被叫作城市第二课堂？")
    texts = [s.text for s in answer.sentences]
    assert not answer.refused, answer.answer
    assert "三万人次" in texts[0] and "第二课堂" in texts[1], answer.answer


def test_the_date_before_thereafter_answers_when(assistant):
    answer = assistant.ask("示范园区什么时候正式转为常态化运营？")
    texts = [s.text for s in answer.sentences]
    assert not answer.refused, answer.answer
    assert "2019年" in texts[0] and "常态化运营" in texts[1], answer.answer


def test_a_sentence_giving_its_own_reason_stands_alone(assistant):
    answer = assistant.ask("物流园为什么被列为全市重点项目？")
    assert not answer.refused, answer.answer
    assert "交通枢纽" in answer.sentences[0].text, answer.answer
    assert all("三百亩" not in s.text for s in answer.sentences[:1]), answer.answer


def test_other_questions_do_not_reach_back(assistant):
    answer = assistant.ask("示范园区由谁统一管理？")
    assert not answer.refused, answer.answer
    assert "管委会" in answer.sentences[0].text, answer.answer


def test_another_name_answers_what_else_it_is_called(assistant):
    answer = assistant.ask("众创空间又叫什么？")
    assert not answer.refused, answer.answer
    assert "创客空间" in answer.sentences[0].text, answer.answer


def test_a_who_question_is_answered_by_the_sentences_close_to_it_only(assistant):
    answer = assistant.ask("市文化中心由哪家单位负责运营？")
    assert not answer.refused, answer.answer
    assert "市文旅集团" in answer.sentences[0].text, answer.answer
    assert all("公交线路" not in s.text for s in answer.sentences), answer.answer


def test_a_question_pointing_at_its_document_is_answered_from_fewer_of_its_words():
    """江城晚报说……: the best sentence is that outlet's, which says it in its own words — a lower
    share of the question's weight answers; the same question pointing nowhere is refused, and
    so is one naming what every retrieved document is (政府工作报告 among work reports)."""
    chunk = Chunk(
        "d#1",
        "d",
        "要精简跨境研发合作的审批流程，鼓励联合攻关。",
        "开放合作述评",
        source="江城晚报",
    )
    weights = {"研发": 1.0, "国外": 2.0, "环节": 1.0}  # the sentence holds a quarter of them
    for question, answered in (("江城晚报说跟国外合伙搞研发，哪些环节要砍？", True),
                               ("跟国外合伙搞研发，哪些环节要砍？", False)):  # fmt: skip
        request = GenerationRequest(question, [Passage(1, chunk, 1.0)], weights)
        chosen, reason = select_sentences(request)
        assert bool(chosen) is answered, (question, reason)
    # a name every retrieved report of a series answers to points at none of them
    reports = [
        Passage(n, Chunk(f"r{n}#1", f"r{n}", chunk.text, f"{year}年开放合作工作报告"), 1.0)
        for n, year in ((1, 2023), (2, 2024))
    ]
    question = "开放合作工作报告说跟国外合伙搞研发，哪些环节要砍？"
    chosen, _ = select_sentences(GenerationRequest(question, reports, weights))
    assert not chosen
    chosen, _ = select_sentences(GenerationRequest(question, reports[:1], weights))
    assert chosen


def test_a_question_naming_its_document_is_answered_from_that_document_only():
    """江城晚报说……: the answer quotes the outlet's text, not a closer sentence of another
    document; naming a province as well (江城晚报和河北那篇) lets either side answer."""

    def passage(n, doc, text, source=None, region=None):
        chunk = Chunk(f"{doc}#1", doc, text, f"{doc}述评", source=source, region=region)
        return Passage(n, chunk, 1.0)

    weights = {"研发": 1.0, "审批": 1.0, "流程": 1.0}
    passages = [
        passage(1, "b", "研发审批流程已全面压缩，办理时限缩短一半。", source="海港日报"),
        passage(2, "a", "要精简研发项目的审批手续。", source="江城晚报"),
        passage(3, "c", "研发审批流程实行一网通办。", region="河北省"),
    ]
    chosen, _ = select_sentences(
        GenerationRequest("江城晚报说研发审批流程怎么改？", passages, weights)
    )
    assert [c.passage.n for c in chosen] == [2], chosen
    chosen, _ = select_sentences(GenerationRequest("研发审批流程怎么改？", passages, weights))
    assert chosen[0].passage.n == 1
    question = "江城晚报和河北那篇说研发审批流程怎么改？"
    chosen, _ = select_sentences(GenerationRequest(question, passages, weights))
    assert {c.passage.n for c in chosen} == {2, 3}, chosen


def test_a_which_year_question_is_answered_by_the_sentence_with_a_year_not_a_span():
    """哪一年 asks for a year: in a dated document every sentence holds a date by its context, but
    “日前召开的会议” says only that it was recent; the next sentence's 明年 (a year said from the
    text's date) answers, and comes first."""
    chunk = Chunk("d#1", "d", "", "全省经济工作会议", date="2024-12-10")
    passage = Passage(1, chunk, 1.0)
    recent, next_year = (
        Candidate(
            passage,
            0,
            "日前召开的全省经济工作会议强调要以科技创新引领产业升级。",
            0.8,
            6.0,
            typed=True,
        ),
        Candidate(passage, 1, "这为明年工业经济发展定了基调。", 0.6, 5.0, typed=True),
    )
    question = "全省经济工作会议给哪一年的工业经济定了调子？"
    weights = {"经济工作会议": 1.0, "工业经济": 1.0, "调子": 0.5}
    assert answering("when", question, [recent, next_year], weights) is next_year
    # 什么时候 asks for no year: the closer sentence answers
    assert (
        answering("when", "全省经济工作会议什么时候召开？", [recent, next_year], weights) is recent
    )


def test_a_yes_no_question_is_answered_first_by_the_close_sentence_saying_not():
    """“是不是放下老产业”: the sentence saying 不能忽视 decides it, though another matches more of
    the question's words; a sentence saying “not” too far from the question does not."""
    chunk = Chunk("d#1", "d", "", "产业发展规划")
    passage = Passage(1, chunk, 1.0)
    matching, denying, far = (
        Candidate(passage, 0, "要大力发展新兴产业，打造一批新兴产业集群。", 0.8, 6.0),
        Candidate(passage, 1, "发展新兴产业的同时，也不能忽视传统产业的升级。", 0.5, 4.0),
        Candidate(passage, 2, "园区不得擅自改变土地用途。", 0.1, 1.0),
    )
    question = "规划是不是主张放下传统产业、全力搞新兴产业？"
    weights = {"传统产业": 1.0, "新兴产业": 1.0, "放下": 0.3}
    assert answering("yes_no", question, [matching, denying, far], weights) is denying
    assert answering("yes_no", question, [matching, far], weights) is matching
    assert answering("list", question, [matching, denying], weights) is matching
    # … also when ten sentences echoing the question's words outscore it
    echoes = [
        Candidate(passage, 3 + i, f"新兴产业第{i}批项目开工建设。", 0.8, 5.0 - i / 10)
        for i in range(10)
    ]
    assert answering("yes_no", question, [*echoes, denying], weights) is denying


def test_the_kinds_asked_for_may_be_named_by_the_texts_word():
    """哪几类公司: a sentence listing several kinds of 企业, the texts' word for 公司, answers."""
    listing = "重点扶持一批软件企业、物流企业和外贸企业，壮大市场主体。"
    assert lists_kinds(listing, {"公司"}) and lists_kinds(listing, {"企业"})
    assert not lists_kinds("重点扶持一批软件企业，壮大市场主体。", {"公司"})


def test_a_clause_two_overlapping_passages_both_hold_is_said_once():
    """Overlapping chunks cut one long sentence at different points: the second sentence quoted
    drops the clause the first already said word for word, and keeps the rest."""

    def passage(n, text):
        return Passage(n, Chunk(f"d#{n}", "d", text, "融合述评"), 1.0)

    shared = "做强特色产业，围绕海洋装备、现代种业等方向，提升全链条竞争力"
    passages = [
        passage(1, f"推动传统产业焕新，加快设备更新和工艺升级；{shared}。"),
        passage(2, f"{shared}；壮大新兴产业，培育海洋装备、智能网联等新增长点。"),
    ]
    weights = {"特色": 1.0, "产业": 0.5, "海洋装备": 1.0, "方向": 0.3}
    chosen, _ = select_sentences(GenerationRequest("特色产业有哪些方向？", passages, weights))
    texts = [c.text for c in chosen]
    assert sum(shared in t for t in texts) == 1, texts
    assert any(t.startswith("壮大新兴产业") for t in texts), texts


def test_what_a_question_sets_aside_does_not_choose_the_answer():
    """除了用在工厂里，还往哪些行当推: the sentence about the factory the asker already knows is
    not the answer; the one about the other trades is. Words the rest of the question shares
    (绿色 of 往绿色上转) still count."""
    text = (
        "推动人工智能在工厂生产线上的深度应用，打造一批智能工厂。"
        "推动人工智能在物流、医疗等行当的推广应用。"
    )
    chunk = Chunk("d#1", "d", text, "人工智能行动")
    weights = {"人工智能": 1.0, "工厂": 1.5, "行当": 1.0}
    request = GenerationRequest(
        "人工智能除了用在工厂里，还往哪些行当推？", [Passage(1, chunk, 1.0)], weights
    )
    chosen, _ = select_sentences(request)
    assert chosen and "物流" in chosen[0].text, [c.text for c in chosen]
    # without 除了, the factory sentence answers a question about the factory
    request = GenerationRequest("人工智能用在工厂里要打造啥？", [Passage(1, chunk, 1.0)], weights)
    chosen, _ = select_sentences(request)
    assert chosen and "智能工厂" in chosen[0].text, [c.text for c in chosen]


def test_which_six_is_answered_by_the_sentence_listing_and_counting_six():
    """“六个方向分别是哪六个”: the sentence listing six items and counting them (……六大板块)
    answers, though another echoes the question's 方向; a count of another kind (两个社区 for
    哪两个乡镇) does not."""
    chunk = Chunk("d#1", "d", "", "产业规划")
    passage = Passage(1, chunk, 1.0)
    echoing, counting, other = (
        Candidate(passage, 0, "这为全市产业发展指明了方向。", 1.0, 4.0),
        Candidate(passage, 1, "面向甲、乙、丙、丁、戊、己六大板块，培育新增长点。", 0.6, 3.4),
        Candidate(passage, 2, "辖东村、西村2个社区。", 0.6, 3.0),
    )
    weights = {"方向": 1.0, "往后": 0.0}
    question = "规划里往后看的六个方向分别是哪六个？"
    assert answering("list", question, [echoing, counting], weights) is counting
    assert answering("list", "规划说的方向有哪些？", [echoing, counting], weights) is echoing
    assert answering("list", "由哪两个乡镇合并？", [echoing, other], weights) is echoing


def test_a_set_counted_by_ji_is_answered_by_the_sentence_listing_and_counting_it():
    """从几个角度拆解？分别是啥: the sentence listing three and counting them as 三大维度 (维度 the
    texts' word for 角度) answers, before one that counts three of another kind."""
    chunk = Chunk("d#1", "d", "", "融合研究")
    passage = Passage(1, chunk, 1.0)
    stages, dimensions = (
        Candidate(
            passage, 0, "产业创新通常包含三个阶段：一是创造新产业；二是升级现有产业。", 1.0, 4.0
        ),
        Candidate(
            passage, 1, "本文分别基于甲方面、乙方面与丙方面三大维度，剖析融合的理论基础。", 0.8, 3.0
        ),
    )
    weights = {"理论": 0.3, "角度": 1.0}
    question = "那篇讲理论那块，是从几个角度来拆解的？分别是啥"
    assert answering("list", question, [stages, dimensions], weights) is dimensions
    assert (
        answering("quantity", "那篇从几个角度讲理论？", [stages, dimensions], weights) is dimensions
    )
    assert answering("list", "那篇讲了几个阶段？", [stages, dimensions], weights) is stages


def test_a_sentence_counts_the_leads_it_falls_under():
    """共建共享社区养老服务网络。……重点支持助餐、助浴项目建设。: the sentence under a paragraph's
    opening lead holds what the lead names, at a discount — and under an item's lead
    (要坚持绿色化。), that too; a statement opening on its subject (全区人口……) heads nothing."""
    text = (
        "全区常住人口稳步增长。\n共建共享社区养老服务网络。整合日间照料中心和社区食堂资源。"
        "重点支持助餐、助浴和上门护理项目建设。\n"
    )
    chunk = Chunk(chunk_id="d#0", doc_id="d", text=text, title="城市更新报告")
    ask = ("养老服务网络重点扶持哪几类项目", "list", set(), [])
    rows = sentence_features(
        Passage(n=1, chunk=chunk, score=1.0), 0, ask, {"养老": 1.0, "项目": 1.0}
    )
    detail = next(r for r in rows if "助餐" in r.text)
    assert detail.values[FEATURES.index("coverage")] == 0.5
    assert detail.values[FEATURES.index("coverage_in_context")] == 0.5 + 0.5 * TUNE.lead_share
    sentences = [
        "全区常住人口稳步增长。",
        "要坚持微更新。",
        "修缮沿街立面。",
        "要坚持绿色化。",
        "推广节能门窗。",
    ]
    assert not is_lead(sentences[0]) and is_lead(sentences[1])
    assert leads("\n".join(sentences), sentences)[-1] == ""  # each its own paragraph
    assert leads("".join(sentences), sentences)[-1] == "要坚持绿色化。"


def test_a_question_on_what_holds_a_thing_back_is_answered_by_the_problems_named(
    tmp_path_factory,
):
    """卡在哪几个毛病上: the sentence naming the problems (“网点不全”“线路不畅”……等问题)
    answers, before one that lists the way forward in as many of the question's words."""
    text = (
        "乡村物流体系建设研究\n"
        "乡村物流要着眼“网点共建、线路共享、信息共通”的思路，推动乡村物流体系建设。"
        "当前乡村物流体系建设面临“网点不全”“线路不畅”“信息不通”等问题。"
        "各地要加大投入，完善县乡村三级物流网络。\n"
    )
    question = "那篇说乡村物流体系建设眼下卡在哪几个毛病上"
    answer = assistant_of(tmp_path_factory.mktemp("problems"), {"物流.txt": text}).ask(question)
    assert "“网点不全”" in answer.answer.split("[1]")[0], answer.answer
    assert classify(question) == "problem"


def test_a_list_question_has_room_for_more_of_its_items(tmp_path):
    """哪些举措: each sentence naming a measure is part of the answer; a list asked for may run
    past the length of other answers (`listing_sentences`, `listing_chars`)."""
    sentences = [
        "滨海新区推动数字经济发展，举措之一是建设工业软件适配验证中心，每年为两百家制造企业免费开展上云诊断。",
        "在智能网联汽车方面，滨海新区推动数字经济发展的举措是开放三百公里测试道路，并设立车路协同数据交易专区。",
        "滨海新区还把海洋装备数字化改造列为推动数字经济发展的重要举措，对船企购置工业机器人给予三成补贴。",
        "生物医药领域的举措是搭建临床试验数据共享平台，推动数字经济发展与医院科研协同，缩短新药审批周期。",
        "新型储能方面，滨海新区推动数字经济发展的举措包括建设虚拟电厂调度系统，吸引储能电池回收企业落户。",
    ]
    fields = ["工业软件", "智能网联汽车", "海洋装备", "生物医药", "新型储能"]
    text = "".join(sentences)
    assistant = assistant_of(tmp_path, {"滨海新区数字经济.txt": f"滨海新区数字经济\n{text}\n"})
    listed = assistant.ask("滨海新区推动数字经济发展有哪些举措？")
    assert all(f in listed.answer for f in fields), listed.answer
    assert TUNE.max_sentences < len(listed.sentences) <= TUNE.listing_sentences
