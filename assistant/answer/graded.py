"""A degree or rank said of the same thing otherwise, anywhere in the passages: 老年人口比例相对
较低 for the passage's 老年人群比例较高, 平均孔高名列前三 for its 平均孔高名列前四 (前三 being another
thing's). Clause alignment misses these when the words around differ (人口/人群, 相对); the noun
the degree or rank is said of (比例, 孔高) pins down what is graded."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..text.chars import CJK
from ..text.numerals import chinese_value
from .cited import Cited
from .polar import DEGREE_ADVERBS, graded_pairs


@cache
def _graded() -> re.Pattern[str]:
    words = "|".join(sorted({w for pair in graded_pairs() for w in pair}, key=len, reverse=True))
    return re.compile(rf"([{CJK}]{{2}})(?:{DEGREE_ADVERBS})+({words})")


def _said_of(
    pattern: re.Pattern[str], text: str, value: Callable[[str], str] = str
) -> dict[tuple[str, str], str]:
    """(the noun, the value said of it) for each match of the pattern — noun and value its two
    groups — with the words it is said in (比例较高, 孔高名列前四)."""
    return {(m[1], value(m[2])): m[0] for m in pattern.finditer(text)}


def _degrees(text: str) -> dict[tuple[str, str], str]:
    """Each degree said after an adverb of degree (比例较高), by noun and word of degree."""
    return _said_of(_graded(), text)


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


# 平均孔高名列前四, 产量居全国第二: the rank the noun before it is given
_RANKED = re.compile(
    rf"([{CJK}]{{2}}(?<![稳已仍均都也]))(?:也都|始终|一直|稳|已|仍|均|都|也)?"
    r"(?:名列|位列|位居|排名|排在|居于?)"
    r"(?:全[国省市球]|世界|亚洲)?"
    r"((?:前|第)[一二三四五六七八九十\d]+)"
)


def _rank(said: str) -> str:
    """前三 → 前3, 第十二 → 第12."""
    head, number = said[0], said[1:]
    return head + (number if number.isdigit() else str(chinese_value(number) or number))


def _ranks(text: str) -> dict[tuple[str, str], str]:
    """Each rank a noun is given (孔高名列前四), by noun and rank."""
    return _said_of(_RANKED, text, _rank)


def rank_moved(sentence: str, cited: Cited) -> list[str]:
    """Issues for each rank the sentence gives a noun the passages rank otherwise, never so
    (平均孔高名列前三 for 平均孔高名列前四, though 桥高名列前三 is the passage's too)."""
    mine, theirs = _ranks(sentence), _ranks(cited.text)
    return [
        f"“{said}”与原文的“{other}”不符"
        for (noun, rank), said in sorted(mine.items())
        if (noun, rank) not in theirs
        for (their_noun, _), other in sorted(theirs.items())
        if their_noun == noun
    ]
