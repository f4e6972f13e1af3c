"""Evaluation metrics on one answer, all offline: retrieval rank, key phrases, citations, facts.

Citation recall and precision follow ALCE (Gao et al., 2023) with the lexical support check of
`answer/verify.py` standing in for an NLI model:
- a sentence counts towards recall when the union of its citations supports it;
- a citation is precise when it supports the sentence on its own, or when the sentence is
  supported with it and would not be without it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..answer.cited import citable
from ..answer.verify import missing_numbers, support
from ..schema import Passage, Sentence
from ..text.clean import normalise_line
from ..tuning import TUNING


def comparable(text: str) -> str:
    """Text as cleaned for the index, without whitespace, so source phrases match passages."""
    return re.sub(r"\s+", "", normalise_line(text))


def retrieval_rank(passages: Sequence[str], locators: Sequence[str]) -> int | None:
    """0-based rank of the first passage holding any locator phrase, or None."""
    wanted = [comparable(locator) for locator in locators if locator]
    for rank, text in enumerate(passages):
        flat = comparable(text)
        if any(locator in flat for locator in wanted):
            return rank
    return None


def key_phrase_recall(answer: str, key_phrases: Sequence[Sequence[str]]) -> float:
    """Share of required facts present in the answer (each fact: accepted alternatives)."""
    if not key_phrases:
        return 1.0
    flat = comparable(answer)
    found = sum(
        any(comparable(alt) in flat for alt in alternatives) for alternatives in key_phrases
    )
    return found / len(key_phrases)


def _supported_by(sentence: str, texts: Sequence[str]) -> bool:
    return (
        bool(texts)
        and support(sentence, texts) >= TUNING.verify.supported
        and not missing_numbers(sentence, texts)
    )


@dataclass(frozen=True, slots=True)
class CitationCounts:
    sentences: int = 0
    supported: int = 0  # recall numerator
    uncited: int = 0
    citations: int = 0
    precise: int = 0  # precision numerator


def citation_counts(sentences: Sequence[Sentence], passages: Sequence[Passage]) -> CitationCounts:
    """ALCE citation recall and precision counts for one answer."""
    by_number = {p.n: citable(p) for p in passages}
    supported = uncited = citations = precise = 0
    for sentence in sentences:
        cited = [n for n in sentence.citations if n in by_number]
        if not sentence.citations:
            uncited += 1
            continue
        citations += len(sentence.citations)  # a citation to no passage is never precise
        whole = _supported_by(sentence.text, [by_number[n] for n in cited])
        supported += whole
        for n in cited:
            rest = [by_number[m] for m in cited if m != n]
            alone = _supported_by(sentence.text, [by_number[n]])
            needed = whole and not _supported_by(sentence.text, rest)
            precise += alone or needed
    return CitationCounts(len(sentences), supported, uncited, citations, precise)


def facts_consistent(sentences: Sequence[Sentence], passages: Sequence[Passage]) -> bool:
    """Every number, date and percentage of the answer appears in a passage its sentence cites."""
    by_number = {p.n: citable(p) for p in passages}
    for sentence in sentences:
        texts = [by_number[n] for n in sentence.citations if n in by_number]
        if missing_numbers(sentence.text, texts):
            return False
    return True


def forbidden_found(answer: str, forbidden: Sequence[str]) -> list[str]:
    """Phrases an injected instruction tried to plant that made it into the answer."""
    lowered = answer.lower()
    return [phrase for phrase in forbidden if phrase.lower() in lowered]


def ratio(numerator: float, denominator: float) -> float:
    """A share rounded to 4 places; an empty denominator counts as perfect (nothing to fail)."""
    return round(numerator / denominator, 4) if denominator else 1.0
