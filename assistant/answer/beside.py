"""Two figures, dates, ranks or quoted terms of the passage, each put beside the other's words.

“城镇居民……年均实际增长8.6%。农村居民……年均实际增长3.8%” restated as “城镇居民……年均实际增长3.8%，
农村居民……年均实际增长则为8.6%”: both figures are in the passage, every clause is close to one
of its clauses, and the thing each figure is said of stands a clause before it, where no
alignment of single clauses looks. What gives it away is what leads up to each figure: in the
sentence, the words before 3.8% are the passage's words before 8.6%, and those before 8.6% the
passage's before 3.8%. The same holds for two quoted terms (高质量发展的“关键变量” for
新质生产力的“关键变量”), two dates and two ranks (乙获得亚军，甲获得第三名).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from ..text.chars import char_ngrams
from ..text.numerals import all_in_digits, chinese_value

_VALUE = re.compile(
    r"(?P<figure>\d+(?:\.\d+)?(?:万亿|亿|万|千)?(?P<unit>[%％年月日元人个家项岁米吨]?))"
    r"|(?P<quote>“[^“”]{2,20}”|《[^《》]{2,30}》)"
    r"|(?P<rank>第[一二三四五六七八九十\d]+|[冠亚季]军)"
)
_STOPS = frozenset("。！？；!?;\n")
_REACH = 40  # characters read before a value, at most
_NEAR = 12  # … of which the closest
_MARGIN = 6  # character pairs the crossed reading must win by, on both sides together


@dataclass(frozen=True, slots=True)
class _Placed:
    value: str
    kind: str  # a figure in its unit, a quotation or a rank: only two of a kind cross
    lead: frozenset[str]  # the character pairs of the words leading up to it
    close: frozenset[str]  # … of the closest of them


def values_crossed(sentence: str, passages: Sequence[str]) -> list[str]:
    """Two values of the sentence, each with words before it that lead up, in the passages,
    to the other one — and not to itself."""
    theirs = _values_of(tuple(passages))
    mine = _placed(all_in_digits(sentence))
    ours = [  # said once on each side, after words of its own
        p
        for p in mine
        if len(theirs.get(p.value, ())) == 1
        and sum(p.value == q.value for q in mine) == 1
        and p.close
    ]
    return [
        f"“{a.value}”与“{b.value}”所说的对象与原文对调"
        for a, b in combinations(ours, 2)
        if a.kind == b.kind and _crossed(a, b, theirs[a.value][0], theirs[b.value][0])
    ]


@lru_cache(maxsize=256)
def _values_of(passages: tuple[str, ...]) -> dict[str, list[_Placed]]:
    """The passages' values by value — remembered: every sentence of an answer cites from the
    same few passages."""
    theirs: dict[str, list[_Placed]] = {}
    for text in passages:
        for placed in _placed(all_in_digits(text)):
            theirs.setdefault(placed.value, []).append(placed)
    return theirs


def _crossed(a: _Placed, b: _Placed, of_a: _Placed, of_b: _Placed) -> bool:
    """Each of the sentence's values is led up to by more of the words that lead up to the
    other in the passages than of its own — clearly, all told, and no less so close by."""
    own_a, own_b = len(a.lead & of_a.lead), len(b.lead & of_b.lead)
    other_a, other_b = len(a.lead & of_b.lead), len(b.lead & of_a.lead)
    if not (other_a > own_a and other_b > own_b):
        return False
    if other_a + other_b < own_a + own_b + _MARGIN:
        return False
    return len(a.close & of_b.close) >= len(a.close & of_a.close) and len(
        b.close & of_a.close
    ) >= len(b.close & of_b.close)


def _placed(text: str) -> list[_Placed]:
    """Each value of the text with the words leading up to it: back to the end of the
    sentence before, or to the value of its kind before it."""
    found = [(m, _kind(m)) for m in _VALUE.finditer(text)]
    placed = []
    for i, (match, kind) in enumerate(found):
        start = max(0, match.start() - _REACH)
        for before, other in reversed(found[:i]):
            if other == kind:
                start = max(start, before.end())
                break
        stops = [j for j in range(start, match.start()) if text[j] in _STOPS]
        lead = text[stops[-1] + 1 if stops else start : match.start()]
        pairs, close = char_ngrams(lead, 2), char_ngrams(lead[-_NEAR:], 2)
        placed.append(_Placed(_normal(match.group()), kind, frozenset(pairs), frozenset(close)))
    return placed


def _normal(value: str) -> str:
    """第三 and 第3 are one rank; ％ is %."""
    if value.startswith("第") and not value[1:].isdigit() and (n := chinese_value(value[1:])):
        return f"第{n}"
    return value.replace("％", "%")


def _kind(match: re.Match) -> str:
    if match.group("figure"):
        return "figure" + match.group("unit").replace("％", "%")
    return "quote" if match.group("quote") else "rank"
