"""A degree said of the same thing the other way round, anywhere in the passages: 老年人口比例
相对较低 for the passage's 老年人群比例较高. Clause alignment misses it when the words around
differ (人口/人群, 相对); the noun the degree is said of (比例) pins down what is graded."""

from __future__ import annotations

import re
from functools import cache

from ..text.chars import CJK
from .cited import Cited
from .polar import DEGREE_ADVERBS, graded_pairs


@cache
def _graded() -> re.Pattern[str]:
    words = "|".join(sorted({w for pair in graded_pairs() for w in pair}, key=len, reverse=True))
    return re.compile(rf"([{CJK}]{{2}})(?:{DEGREE_ADVERBS})+({words})")


def _degrees(text: str) -> dict[tuple[str, str], str]:
    """(the noun, the word of degree) for each degree said after an adverb, with the words it
    is said in (比例较高)."""
    return {(m[1], m[2]): m[0] for m in _graded().finditer(text)}


def degree_reversed(sentence: str, cited: Cited) -> list[str]:
    """Issues for each degree the sentence says of a noun the passages grade only the other way."""
    mine, theirs = _degrees(sentence), _degrees(cited.text)
    opposite = {a: b for pair in graded_pairs() for a, b in (pair, pair[::-1])}
    return [
        f"“{mine[noun, word]}”与原文的“{theirs[noun, opposite[word]]}”相反"
        for noun, word in sorted(mine)
        if (noun, opposite[word]) in theirs
        and (noun, word) not in theirs
        and (noun, opposite[word]) not in mine
    ]
