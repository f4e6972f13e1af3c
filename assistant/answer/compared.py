"""Comparisons turned round: the passage says A比B大, the sentence B比A大 (or A比B小).

Clause alignment misses these: the two share every word, in another order. So each “X比Y大” /
“X较Y高” of the sentence is matched with the comparisons of its passages about the same two
things; the same things in the other order with the same measure, or in the same order with the
opposite measure, reverse what the passage says.
"""

from __future__ import annotations

import re
from functools import cache

from ..text import lexicon
from ..text.chars import CJK
from .cited import Cited, clauses


@cache
def _opposite() -> dict[str, str]:
    pairs = [p.split("/") for p in lexicon.words("polarity", "measures")]
    return {**{a: b for a, b in pairs}, **{b: a for a, b in pairs}}


@cache
def _comparison() -> re.Pattern[str]:
    measures = "".join(_opposite())
    return re.compile(
        rf"([{CJK}]{{2,6}}?)(?:比|较)([{CJK}]{{2,6}}?)(?:更|还|要|略|稍)?([{measures}])"
    )


def _comparisons(text: str) -> list[tuple[str, str, str, str]]:
    """(X, Y, measure, as written) for each “X比Y大” of the text."""
    return [(*m.groups(), m.group()) for c in clauses(text) for m in _comparison().finditer(c)]


def _same(a: str, b: str) -> bool:
    return a in b or b in a


def compared(sentence: str, cited: Cited) -> list[str]:
    """Issues for each comparison of the sentence that its passages make the other way round."""
    issues = []
    theirs = _comparisons(cited.text)
    for first, second, measure, written in _comparisons(sentence):
        for one, other, said, source in theirs:
            if _same(first, one) and _same(second, other):
                reversed_ = said == _opposite()[measure]
            elif _same(first, other) and _same(second, one) and not _same(first, one):
                reversed_ = said == measure
            else:
                continue
            if reversed_:
                issues.append(f"“{written}”与原文的比较相反（原文：“{source}”）")
    return issues
