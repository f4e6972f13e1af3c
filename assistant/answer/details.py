"""What a sentence the answer quotes leads to: the content of a short lead (“二是建立平台。”) and
the items of a list it announces (还必须做好以下工作。→ 一是……。二是……。)."""

from __future__ import annotations

from ..text.listing import list_items
from ..text.sentences import lead_details
from ..tuning import TUNING
from .candidates import Candidate, is_answer_sentence, sentences_of

TUNE = TUNING.answer


def details(candidate: Candidate) -> list[Candidate]:
    """The sentence after a short lead sentence (“二是建立科技成果转化平台。”) carries its content."""
    if len(candidate.text) >= TUNE.lead_sentence_chars:
        return []
    sentences = sentences_of(candidate.passage)
    positions = lead_details(sentences, candidate.position, limit=1, usable=is_answer_sentence)
    return _at(candidate, sentences, positions)


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
