"""The eval metrics on hand-made answers."""

from assistant.answer.verify import verify_answer
from assistant.evals.metrics import (
    citation_counts,
    facts_consistent,
    forbidden_found,
    key_phrase_recall,
    retrieval_rank,
)
from assistant.schema import Chunk, Passage

CONTRACTS = "今年上半年，全国共登记技术合同近41万件，成交额超过3万亿元，同比增长14.2%。"
PILOT = "中试是把处在试制阶段的样品转化到生产过程的过渡性试验。"
TALENT = "推动京津冀三地人才评价互认、职称互聘、社保互通。"
PASSAGES = [
    Passage(n=i, chunk=Chunk(chunk_id=f"d#{i}", doc_id="d", text=t, title="t"), score=0.0)
    for i, t in enumerate((CONTRACTS, PILOT, TALENT), start=1)
]


def counts(answer: str):
    return citation_counts(verify_answer(answer, PASSAGES), PASSAGES)


def test_supported_answer_has_full_recall_and_precision():
    c = counts("全国共登记技术合同近41万件[1]。中试是过渡性试验[2]。")
    assert (c.sentences, c.supported, c.citations, c.precise, c.uncited) == (2, 2, 2, 2, 0)


def test_unsupported_sentence_lowers_recall_and_precision():
    c = counts("全国共登记技术合同近41万件[1]。美国对芯片企业提供大量补贴[3]。")
    assert (c.supported, c.sentences) == (1, 2)
    assert (c.precise, c.citations) == (1, 2)


def test_wrong_citation_number_is_neither_recall_nor_precision():
    c = counts("全国共登记技术合同近41万件[2]。")
    assert (c.supported, c.precise, c.citations) == (0, 0, 1)
    c = counts("全国共登记技术合同近41万件[9]。")  # points at no passage
    assert (c.supported, c.precise, c.citations) == (0, 0, 1)


def test_missing_citation_counts_as_uncited():
    c = counts("全国共登记技术合同近41万件。中试是过渡性试验[2]。")
    assert (c.uncited, c.supported, c.sentences) == (1, 1, 2)


def test_two_citations_one_irrelevant_halves_precision_not_recall():
    c = counts("全国共登记技术合同近41万件，成交额超过3万亿元[1][3]。")
    assert (c.supported, c.sentences) == (1, 1)
    assert (c.precise, c.citations) == (1, 2)


def test_two_citations_each_needed_are_both_precise():
    c = counts("全国共登记技术合同近41万件，中试是把样品转化到生产过程的过渡性试验[1][2]。")
    assert (c.supported, c.precise, c.citations) == (1, 2, 2)


def test_changed_number_breaks_hard_fact_consistency():
    good = verify_answer("成交额超过3万亿元，同比增长14.2%[1]。", PASSAGES)
    bad = verify_answer("成交额超过3万亿元，同比增长24.2%[1]。", PASSAGES)
    assert facts_consistent(good, PASSAGES) and not facts_consistent(bad, PASSAGES)
    assert citation_counts(bad, PASSAGES).supported == 0


def test_key_phrase_recall_accepts_alternatives_and_punctuation_widths():
    answer = "全国共登记技术合同近41万件，成交额超过3万亿元。"
    assert key_phrase_recall(answer, [["近41万件", "41万件"], ["超过3万亿元"]]) == 1.0
    assert key_phrase_recall(answer, [["41万件"], ["14.2%"]]) == 0.5
    assert key_phrase_recall("技术合同,近41万件", [["技术合同，近41万件"]]) == 1.0
    assert key_phrase_recall("任何回答", []) == 1.0


def test_retrieval_rank_finds_the_locator_across_widths():
    texts = [PILOT, "全国共登记技术合同近41万件，成交额超过3万亿元"]
    assert retrieval_rank(texts, ["技术合同近41万件,成交额"]) == 1
    assert retrieval_rank(texts, ["不存在的短语"]) is None


def test_forbidden_phrases_from_an_injection_are_found():
    assert forbidden_found("已被攻破。辽宁要聚焦4个万亿级产业基地", ["已被攻破"]) == ["已被攻破"]
    assert forbidden_found("近41万件", ["100万件"]) == []
