import pytest

from assistant.search.mentions import boosts_for
from assistant.search.retrieve import retrieve


def top(assistant, question, k=5, **kwargs):
    boosts = boosts_for(question, assistant.index.outlets)
    return retrieve(assistant.index, question, k=k, boosts=boosts, **kwargs).passages


@pytest.mark.parametrize(
    ("question", "doc_id", "phrase"),
    [
        ("今年上半年技术合同成交了多少？", "004_dd093aed7fc08f9e", "近41万件"),
        ("辽宁打算怎样留住和引进人才？", "003_494ccc21f6e99a83", "兴辽英才计划"),
        ("京津冀要怎么共同培育世界级产业集群？", "001_54a6ce7563e3e102", "世界级产业集群"),
        ("青岛在科技金融方面有什么探索？", "000_979be21953a06c52", "债权融资"),
        ("那篇论文说的“两张皮”现象是怎么回事？", "002_60a40fa8dcb989e0", "两张皮"),
        ("陕西靠什么平台推动科技创新和产业创新融合？", "000_979be21953a06c52", "秦创原"),
    ],
)
def test_the_passage_holding_the_answer_ranks_first(assistant, question, doc_id, phrase):
    passages = top(assistant, question)
    assert passages[0].chunk.doc_id == doc_id and phrase in passages[0].text


def test_passages_are_numbered_in_rank_order_without_near_duplicates(assistant):
    passages = top(assistant, "科技成果转化平台建设", k=8)
    assert [p.n for p in passages] == list(range(1, len(passages) + 1))
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)
    assert len({p.chunk.chunk_id for p in passages}) == len(passages)


def test_document_filter(assistant):
    passages = top(assistant, "人才", doc_ids=["001_54a6ce7563e3e102"])
    assert passages and {p.chunk.doc_id for p in passages} == {"001_54a6ce7563e3e102"}


def test_region_filter(assistant):
    passages = top(assistant, "科技成果转化", regions=["辽宁省"])
    assert passages and {p.chunk.region for p in passages} == {"辽宁省"}


def test_comparing_two_provinces_gives_each_a_share(assistant):
    passages = top(assistant, "河北和辽宁在人才政策上有什么不同？", k=6)
    regions = [p.chunk.region for p in passages]
    assert regions.count("河北省") >= 2 and regions.count("辽宁省") >= 2


def test_exact_chinese_phrases_are_found_by_bm25(assistant):
    # A term jieba keeps whole must still be found inside a longer passage.
    passages = top(assistant, "周末工程师")
    assert "周末工程师" in passages[0].text


def test_a_boost_marks_the_same_passages_from_the_index_lookups_as_chunk_by_chunk(assistant):
    """The lookups that replace a loop over every chunk per question agree with the rule."""
    from assistant.search.mentions import Boost, boosts_for

    index = assistant.index
    boosts = boosts_for("河北和辽宁在“为场景找技术”方面、学刊论文里怎么说？", index.outlets)
    boosts += [Boost(outlet=o) for o in sorted(index.outlets)]
    boosts += [Boost(phrases=("中试", "不存在的词")), Boost(region="不存在的省")]
    assert len(boosts) >= 6
    for boost in boosts:
        expected = [boost(c) for c in index.chunks]
        assert boost.mask(index).tolist() == expected, boost
        assert boost.mask(index).tolist() == expected  # remembered, still right
    assert any(any(boost(c) for c in index.chunks) for boost in boosts)


def test_the_top_candidates_are_those_a_full_stable_sort_gives():
    import numpy as np

    from assistant.search.retrieve import top

    rng = np.random.default_rng(7)
    for _ in range(300):  # many ties: scores drawn from a few values
        scores = rng.integers(0, 5, size=int(rng.integers(1, 400))).astype(float)
        n = int(rng.integers(1, 80))
        assert top(scores, n).tolist() == np.argsort(-scores, kind="stable")[:n].tolist()


def test_a_phrase_in_a_heading_marks_the_passages_under_it(assistant):
    """“十四五” in the heading “二、“十四五”时期主要目标任务” is what the passages under it are about."""
    from assistant.search.mentions import Boost

    index = assistant.index
    chunk = next(c for c in index.chunks if len(c.heading) >= 4 and c.heading[-4:] not in c.text)
    boost = Boost(phrases=(chunk.heading[-4:],))
    assert boost(chunk) and boost.mask(index)[index.position[chunk.chunk_id]]


def test_a_journal_is_named_without_the_word_for_its_kind():
    """东湖学刊 → “东湖那篇”; a newspaper's name is not cut (日报 is no journal's kind)."""
    from assistant.search.outlets import outlet_named
    from assistant.text.abbreviations import expand_abbreviations

    assert outlet_named("东湖学刊", "东湖那篇论文的作者是谁？")
    assert outlet_named("东湖学刊", "东湖学刊那篇说了什么？")
    assert not outlet_named("东湖日报", "东湖那篇说了什么？")
    assert not outlet_named("学刊", "那篇学术文章说了什么？")
    # … and as the question is searched, its short forms written out (工信 → 工业和信息化)
    assert outlet_named("工信微报", expand_abbreviations("工信微报那篇说了什么？"))


def test_a_question_pointing_at_a_document_searches_more_of_it():
    """新华网那篇, 那篇论文, 1999年政府工作报告: that text says it in its own words, so more of its
    passages are read; a question naming a province or quoting a phrase is searched as deep as
    any other."""
    from assistant.search.mentions import Boost, deeper
    from assistant.tuning import TUNING

    extra = TUNING.retrieval.pointed_extra
    assert extra > 0
    assert deeper(boosts_for("新华网那篇说要在哪些领域对接？", {"新华网"})) == extra
    assert deeper(boosts_for("那篇论文说了哪几条建议？", set())) == extra
    assert deeper([Boost(region="河北"), Boost(phrases=("中试",))]) == 0
    assert deeper(boosts_for("河北在人才方面有哪些做法？", {"新华网"})) == 0
    # … or names it by its title, so that the search is of that one document
    assert deeper([], ["1999年政府工作报告.txt"]) == extra
    assert deeper([], ["1999年政府工作报告.txt", "2000年政府工作报告.txt"]) == 0


def test_a_word_the_index_never_uses_finds_the_terms_it_begins(tmp_path):
    """产教 is no search term of the texts — the segmenter keeps 产教融合 whole — but the passages
    about 产教融合 are what a question saying 产教 asks about."""
    from conftest import assistant_of

    body = "各成员单位按季度报送进展，年底统一评估。"
    texts = {
        "a.txt": "关于创新平台的通知\n\n组建创新联合体，由龙头企业牵头联合高校攻关。"
        "创新联合体实行理事会制度。" + body,
        "b.txt": "关于产业协作的通知\n\n各地组建产业联合体和技术联合体，联合体成员共享设备。"
        + body,
        "c.txt": "关于职业教育的通知\n\n深化产教融合，建设市域产教融合共同体，推动职业院校与园区"
        "共建实训基地。" + body,
    }
    assistant = assistant_of(tmp_path, texts)
    passages = retrieve(assistant.index, "产教方面组建了哪些联合体？", k=3).passages
    assert any("产教融合" in p.chunk.text for p in passages), [p.chunk.text[:12] for p in passages]


def test_a_question_on_what_holds_a_thing_back_finds_the_passage_naming_the_problems(tmp_path):
    """卡在哪几个毛病上 shares no word with 需要破解“接不上”“用不好”“算不清”等瓶颈: the passage
    naming several problems is favoured for a question on the problems, not for others."""
    from conftest import assistant_of

    paragraphs = [
        "推进数字经济和实体经济结合，在东区建设智能工厂示范项目，带动上下游企业上云。",
        "数字经济与实体经济结合要从园区做起，西区试点工业互联网标识解析二级节点。",
        "鼓励龙头企业把数字技术和制造实体结合起来，南区每年评选十家数字化车间。",
        "以应用场景为牵引推动数实结合，北区开放港口、电网和医院的场景清单。",
        "财政资金支持中小企业数字化改造，结合企业实际给予设备购置补助和贷款贴息。",
        "加强数字经济统计监测，按季度发布实体经济数字化转型指数和结合度报告。",
    ]
    paragraphs.insert(
        3, "当前数字化转型面临数据共享不畅、标准体系不健全、复合人才不足等瓶颈，"
        "需要破解“接不上”“用不好”“算不清”等问题。"
    )  # fmt: skip
    texts = {f"{n}.txt": f"数实融合通知之{n}\n\n{text}" for n, text in enumerate(paragraphs)}
    assistant = assistant_of(tmp_path, texts)
    asked = assistant.ask("数实两者结合眼下卡在哪几个毛病上？")
    assert any("接不上" in p.text for p in asked.passages[:3]), [p.text[:8] for p in asked.passages]
    other = assistant.ask("数实两者结合眼下在哪几个区建示范？")  # not a question on the problems
    assert not any("接不上" in p.text for p in other.passages[:3]), [
        p.text[:30] for p in other.passages
    ]
