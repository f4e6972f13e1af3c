"""Two things and their figures paired the other way round by 分别 (respectively): the passage
says “加利西亚语和巴斯克语则分别有5%和1%”, the sentence “巴斯克语和加利西亚语分别占5%和1%”. Every
word and figure is the passage's, in one clause each, so only the order tells: the things named
in the other order with the figures in the same order (or the other way) pair them crosswise."""

from __future__ import annotations

import re

from ..text.numerals import all_in_digits
from .cited import Cited, clauses

_JOIN = re.compile(r"以及|和|与|及|、")
_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?%?(?![\d.])")
_SHORTEST = 2  # characters of a thing named


def respectively_crossed(sentence: str, cited: Cited) -> list[str]:
    """The issue when a 分别 clause of the sentence pairs two things with the passage's two
    figures in the other order."""
    for before, after in _respective(sentence):
        mine = _FIGURE.findall(all_in_digits(after))
        for their_before, their_after in (r for c in cited.clauses for r in _respective(c)):
            figures = _FIGURE.findall(all_in_digits(their_after))
            if len(figures) != 2 or figures[0] == figures[1]:
                continue
            things = _things(their_before, before)
            if sorted(mine) != sorted(figures) or not things:
                continue
            a, b = things
            if (before.find(a) < before.find(b)) != (mine == figures):
                return [f"原文中“{a}”对应“{figures[0]}”、“{b}”对应“{figures[1]}”，句中两者对调"]
    return []


def _respective(text: str) -> list[tuple[str, str]]:
    """Each clause with 分别: what comes before it and after it."""
    found = []
    for clause in clauses(text):
        at = clause.find("分别")
        if at > 0:
            found.append((clause[:at], clause[at + 2 :]))
    return found


def _things(theirs: str, mine: str) -> tuple[str, str] | None:
    """The two things the passage joins last before 分别 (……加利西亚语和巴斯克语则), as far as
    the sentence's clause names them too — None unless it names both, apart."""
    parts = _JOIN.split(theirs)
    if len(parts) < 2:
        return None
    first = _longest(parts[-2], mine, from_end=True)
    second = _longest(parts[-1], mine, from_end=False)
    if not first or not second or first in second or second in first:
        return None
    return first, second


def _longest(part: str, mine: str, *, from_end: bool) -> str:
    """The longest end of the passage's item (its last characters, or its first) the sentence's
    clause holds, of two characters or more."""
    for size in range(len(part), _SHORTEST - 1, -1):
        piece = part[-size:] if from_end else part[:size]
        if piece in mine:
            return piece
    return ""
