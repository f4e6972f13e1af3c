"""What a sentence the answer quotes leads to: the content of a short lead (“二是建立平台。”) and
the items of a list it announces (还必须做好以下工作。→ 一是……。二是……。)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from ..schema import Passage
from ..text import lexicon
from ..text.expressions import reasons
from ..text.listing import list_items, parallel_leads
from ..text.sentences import lead_details
from ..tuning import TUNING
from .candidates import Candidate, is_answer_sentence, sentences_of, term_coverage
from .question_types import answers_kind

TUNE = TUNING.answer


def details(candidate: Candidate) -> list[Candidate]:
    """The sentence after a short lead sentence (“二是建立科技成果转化平台。”) carries its content."""
    if len(candidate.text) >= TUNE.lead_sentence_chars:
        return []
    sentences = sentences_of(candidate.passage)
    positions = lead_details(sentences, candidate.position, limit=1, usable=is_answer_sentence)
    return _at(candidate, sentences, positions)


def explained(candidate: Candidate) -> list[Candidate]:
    """The sentence after one defining a term (“X是指……。由于……”) goes on explaining it."""
    if not candidate.defines:
        return []
    sentences = sentences_of(candidate.passage)
    positions = lead_details(sentences, candidate.position, limit=1, usable=is_answer_sentence)
    return _at(candidate, sentences, positions)


def parallel(candidate: Candidate) -> list[Candidate]:
    """The unnumbered items of the list the sentence, or the short lead before it, is one of
    (要坚持连锁化经营。……要坚持品牌化发展。……要坚持便利化服务。): each item's lead, in order."""
    sentences = sentences_of(candidate.passage)
    at = candidate.position  # the lead itself, its content, or what comes right before them
    for lead in (at, at - 1, at + 1, at + 2):
        if 0 <= lead < len(sentences) and (found := parallel_leads(sentences, lead)):
            return _at(candidate, sentences, found)
    return []


@cache
def _opens_on(section: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{lexicon.alternation('expressions', section)})[，,]?")


def antecedent(
    candidate: Candidate, kind: str, question: str, passages: list[Passage]
) -> list[Candidate]:
    """The sentence before one that follows from it, when it holds what a “why” or “when”
    question asks: “……。因此它也被称为X。” answers “为什么称为X” with the sentence before,
    “2004年……失败。赛后，他正式退役。” answers “何时退役” with the year before. A sentence that
    opens its passage is looked for in the other passages (chunks overlap by a sentence)."""
    if kind not in ("reason", "when"):
        return []
    found = _before(candidate, passages)
    if found is None:
        return []
    passage, sentences, before = found
    text = sentences[before + 1]
    if not is_answer_sentence(sentences[before]):
        return []
    if kind == "reason":
        opener = _opens_on("follows_from_cause").match(text)
        rest = text[opener.end() :] if opener else ""
        if not opener or len(rest) > TUNE.consequence_max_chars or reasons(rest):
            return []  # a long one, or one giving its reason itself, says more than that
    elif not _opens_on("follows_from_time").match(text) or (
        answers_kind(kind, text, question) or not answers_kind(kind, sentences[before], question)
    ):
        return []
    return [Candidate(passage, before, sentences[before], candidate.coverage, candidate.score)]


def _before(candidate: Candidate, passages: list[Passage]) -> tuple[Passage, list[str], int] | None:
    """A passage holding the candidate's sentence after another one, its sentences and that
    one's position."""
    if candidate.position > 0:
        return candidate.passage, sentences_of(candidate.passage), candidate.position - 1
    text = sentences_of(candidate.passage)[0]
    for passage in passages:
        if passage.chunk.doc_id != candidate.passage.chunk.doc_id or passage is candidate.passage:
            continue
        sentences = sentences_of(passage)
        if text in sentences[1:]:
            return passage, sentences, sentences.index(text, 1) - 1
    return None


def items(candidate: Candidate, *, from_first: bool = False) -> list[Candidate]:
    """The items of the list the sentence announces (还必须做好以下工作。→ 一是……。二是……。);
    `from_first`, also the items after a sentence that is the first (一要……。→ 二要……。)."""
    sentences = sentences_of(candidate.passage)
    found = list_items(sentences, candidate.position, limit=TUNE.list_items, from_first=from_first)
    return _at(candidate, sentences, found)


def _at(candidate: Candidate, sentences: list[str], positions: list[int]) -> list[Candidate]:
    return [
        Candidate(candidate.passage, p, sentences[p], candidate.coverage, candidate.score)
        for p in positions
    ]


_OWN_BODY = 3  # sentences of an item's own body an answer may quote


def singled_out(candidate: Candidate, weights: Mapping[str, float]) -> list[Candidate]:
    """The body of the numbered item the question asks about alone (资源要素咋流动起来 of 一是要
    整合科技资源，推进创新要素高效流动。…… 二是要引育高端人才。三是要强化金融赋能。): when no
    other item of its list holds half as much of the question's words, the item's own sentences
    answer, not the list. Empty when the sentence opens no numbered list."""
    sentences = sentences_of(candidate.passage)
    siblings = list_items(sentences, candidate.position, limit=TUNE.list_items, from_first=True)
    share = term_coverage(candidate.text, weights)
    if not siblings or not share:
        return []
    if any(term_coverage(sentences[s], weights) >= share / 2 for s in siblings):
        return []
    body = range(candidate.position + 1, min(siblings[0], candidate.position + 1 + _OWN_BODY))
    usable = [p for p in body if is_answer_sentence(sentences[p])]
    return _at(candidate, sentences, usable)
