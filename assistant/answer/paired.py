"""Two things of the passage each said with what the passage says of the other.

“苎麻将增长百分之三十二点八，柞蚕茧将增长百分之五十八点四” restated as “柞蚕茧将增长百分之三十二点八，
苎麻将增长百分之五十八点四”: every word and figure is in the passage, and each clause on its own
matches one of the passage's, so neither the overlap nor a check of single terms sees it. What
gives it away is the pairing: the passage puts 苎麻 with 32.8 and 柞蚕茧 with 58.4, in clauses of
their own, and never the other way; the sentence puts them crosswise (对外……有偿合同制，对内……
课题承包制 turned round; 粮食 and 棉花 with each other's growth).
"""

from __future__ import annotations

import re
from itertools import combinations, permutations

from ..text.names import is_code
from ..text.numerals import all_in_digits
from ..text.segment import tagged
from .cited import Cited, clauses
from .respectively import respectively_crossed

_FIGURE_TERM = re.compile(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?%?(?![\d.]|[年月日])")
_PHRASING = ("u", "p", "c", "r", "x", "y", "e", "o", "w", "m", "q", "d", "f", "t")
_FEW = 2  # clauses of the passages a term may be in and still tell which thing it goes with
_FIGURE, _THING, _WORD = "figure", "thing", "word"  # the kinds of term


def crosswise(sentence: str, cited: Cited) -> list[str]:
    """Two clauses of the sentence, each with a term the passages give only the other's subject:
    the passages pair a with x and b with y, each in a clause of its own and never a with y or b
    with x; the sentence pairs a with y and b with x. Every term is in few clauses of the
    passages, or it pairs with anything."""
    whole = clauses(sentence)
    for listed in (False, True):  # clause by clause; then item by item of short lists
        theirs = [all_in_digits(p) for c in cited.clauses for p in _items(c, listed)]
        theirs = list(dict.fromkeys(theirs))
        parts = [p for c in whole for p in _items(c, listed)]
        items = [p for p in parts if p not in whole]
        if listed and any(len(_CHARS.sub("", p)) > _ITEM for p in items):
            continue
        mine = [_terms(all_in_digits(p), theirs) for p in parts]
        if issues := _pairing(mine, theirs):
            return issues
    return respectively_crossed(sentence, cited)  # 甲和乙分别为5%和1%


def _pairing(mine: list[dict[str, str]], theirs: list[str]) -> list[str]:
    for first, second in combinations([m for m in mine if len(m) >= 2], 2):
        for a, y in permutations(sorted(first.keys() - second.keys()), 2):
            for b, x in permutations(sorted(second.keys() - first.keys()), 2):
                kinds = (first[a], second[b], first[y], second[x])
                if _alternatives(*kinds) and _crossed(a, y, b, x, theirs):
                    return [f"原文中与“{a}”相对应的是“{x}”而不是“{y}”（与“{b}”互换）"]
    return []


# characters of a list item, at most, to read a list item by item (工业学大庆、农业学大寨)
_ITEM = 16
_CHARS = re.compile(r"\[\d+\]|\W")  # citation marks and punctuation do not count


def _items(clause: str, listed: bool = False) -> list[str]:
    """The clause's parts that 以及 joins (甲被当作「水柠檬」以及乙被当作「甜葫芦」) — and, `listed`,
    the items of its list (、) — and the two ends of a 从……到 (从甲的150提升到乙的300): each
    says its own thing, as a clause does."""
    parts = [p for p in re.split(r"以及|、" if listed else r"以及", clause) if p]
    return [end for p in parts for end in _ends(p)]


def _ends(part: str) -> list[str]:
    turn = _FROM_TO.fullmatch(part)
    return [turn.group(1), turn.group(2)] if turn else [part]


_FROM_TO = re.compile(r"[^从]*从(.{2,}?)(?:到了|到|至)(.{2,})")


def _alternatives(a: str, b: str, y: str, x: str) -> bool:
    """a and b are two things or two figures, and so are x and y: two words (推动 / 促进) or a
    thing and a word (国债 / 增长) say the same in other words too often — but not two words
    each with its own figure (建交……135个，有经济贸易关系……178个): figures are not reworded."""
    if x == y == _FIGURE:
        return a == b != _FIGURE
    return a == b != _WORD and x == y != _WORD


def _crossed(a: str, y: str, b: str, x: str, clauses_of: list[str]) -> bool:
    """The passages pair a with x and b with y, and never a with y nor b with x."""

    def paired(one: str, other: str) -> bool:
        return any(_holds(c, one) and _holds(c, other) for c in clauses_of)

    if any(u in v or v in u for u, v in ((a, b), (x, y), (a, x), (b, y))):
        return False
    return paired(a, x) and paired(b, y) and not paired(a, y) and not paired(b, x)


def _terms(clause: str, theirs: list[str]) -> dict[str, str]:
    """The clause's figures (not dates) and words of two characters or more that few clauses of
    the passages use, each with its kind: a figure, a thing (noun, name, place) or a word."""
    found = dict.fromkeys(_FIGURE_TERM.findall(clause), _FIGURE)
    for word, flag in tagged(clause):
        if flag == "eng" and is_code(word):
            found.setdefault(word, _THING)  # Power5, C919: a name
        elif len(word) >= 2 and flag[0] not in _PHRASING:
            found.setdefault(word, _THING if flag[0] in "ns" and flag != "vn" else _WORD)
    return {t: kind for t, kind in found.items() if 1 <= sum(_holds(c, t) for c in theirs) <= _FEW}


def _holds(text: str, term: str) -> bool:
    if term[0].isdigit():
        return re.search(rf"(?<![\d.]){re.escape(term)}(?![\d.])", text) is not None
    return term in text
