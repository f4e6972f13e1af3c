from assistant.answer.verify import parse_citations, split_answer, verify_answer, verify_sentence
from assistant.schema import Chunk, Passage

CONTRACTS = "今年上半年，我国科技成果转化规模更加壮大，全国共登记技术合同近41万件，成交额超过3万亿元，同比增长14.2%。"
PILOT = "中试是把处在试制阶段的样品转化到生产过程的过渡性试验，是畅通技术创新到市场应用的“中间站”。"


def passages(*texts: str) -> list[Passage]:
    return [
        Passage(n=i, chunk=Chunk(chunk_id=f"d#{i}", doc_id="d", text=t, title="t"), score=0.0)
        for i, t in enumerate(texts, start=1)
    ]


P = passages(CONTRACTS, PILOT)


def test_parse_citation_markers_in_every_common_form():
    assert parse_citations("句子[1]。") == (1,)
    assert parse_citations("句子[1][3]。") == (1, 3)
    assert parse_citations("句子[2, 1]。") == (2, 1)
    assert parse_citations("句子【4】。") == (4,)
    assert parse_citations("句子[^5]。") == (5,)
    assert parse_citations("没有引用。") == ()


def test_marker_after_the_full_stop_stays_with_its_sentence():
    assert split_answer("全国共登记技术合同近41万件。[1]中试是过渡性试验。[2]") == [
        "全国共登记技术合同近41万件[1]。",
        "中试是过渡性试验[2]。",
    ]


def test_supported_sentence():
    s = verify_sentence("全国共登记技术合同近41万件，成交额超过3万亿元[1]。", P)
    assert s.status == "supported" and s.support > 0.9 and s.citations == (1,)


def test_sentence_citing_the_wrong_passage_is_unsupported():
    s = verify_sentence("全国共登记技术合同近41万件，成交额超过3万亿元[2]。", P)
    assert s.status == "unsupported"


def test_uncited_sentence():
    s = verify_sentence("全国共登记技术合同近41万件。", P)
    assert s.status == "uncited" and s.citations == ()


def test_citation_number_out_of_range_is_flagged():
    s = verify_sentence("全国共登记技术合同近41万件[7]。", P)
    assert s.status == "unsupported"
    assert any("[7]不存在" in issue for issue in s.issues)


def test_changed_number_is_never_supported():
    s = verify_sentence("全国共登记技术合同近51万件，成交额超过3万亿元[1]。", P)
    assert s.status == "unsupported"
    assert any("51万" in issue for issue in s.issues)
    s = verify_sentence("成交额同比增长14.5%[1]。", P)
    assert s.status == "unsupported"


def test_two_citations_one_relevant_is_supported_by_their_union():
    s = verify_sentence("中试是把样品转化到生产过程的过渡性试验[1][2]。", P)
    assert s.status == "supported" and s.citations == (1, 2)


def test_connectives_are_not_claims_and_lists_are_split():
    answer = "具体如下：\n1. 全国共登记技术合同近41万件[1]。\n2. 中试是过渡性试验[2]。"
    sentences = verify_answer(answer, P)
    assert [s.status for s in sentences] == ["supported", "supported"]


def test_unrelated_sentence_is_unsupported():
    s = verify_sentence("美国芯片法案为半导体企业提供大量补贴[1]。", P)
    assert s.status == "unsupported" and s.support < 0.45
