"""Two things of the passage with what is said of each crossed over.

“托帕洛夫夺得冠军，阿罗尼扬获得亚军” restated as “阿罗尼扬夺得冠军，托帕洛夫获得亚军” keeps every
word, and each clause restates one of the passage's clauses, so no alignment of clauses sees
it. What gives it away is what follows each name: in the sentence the first name is followed by
what follows the second in the passage, and the second by what follows the first — and by
nothing the passage says after it. The same holds for the words before the names (由甲牵头、乙
支撑 → 由乙牵头、甲支撑) and for places (发挥甲的作用，推进乙开发开放 → 发挥乙的作用……).
"""

from __future__ import annotations

import re
from itertools import combinations

from ..text.chars import CJK
from ..text.segment import tagged
from ..text.synonyms import synonyms
from .cited import Cited
from .polar import polar

_WINDOW = 2  # characters read on each side of a term
_JOINING = "和与及或跟同并暨"
_WORDS = re.compile(f"[{CJK}]+")
_ASIDE = re.compile(r"[（(][^（）()]{1,20}[）)]")  # a gloss in brackets after a name


def crossed(sentence: str, cited: Cited) -> list[str]:
    """What the sentence says of one term of the passages that the passages say only of
    another term of the sentence, and the other way round."""
    terms = _terms(sentence, cited.text)
    # 科委（科技局）筹建: what follows a name is read past the aside that glosses it too
    texts = (cited.text, _ASIDE.sub("", cited.text))
    issues = []
    for first, second in combinations(terms, 2):
        if first in second or second in first:
            continue
        for side in (_after, _before):
            mine_first, mine_second = side(first, sentence), side(second, sentence)
            theirs_first, theirs_second = (
                {*side(t, texts[0]), *side(t, texts[1])} for t in (first, second)
            )
            if (
                mine_first - theirs_first
                and mine_second - theirs_second
                and (mine_first - theirs_first) & theirs_second
                and (mine_second - theirs_second) & theirs_first
                and not _reworded(mine_first - theirs_first, theirs_first)
            ):
                issues.append(f"“{first}”与“{second}”在原文中的说法互换了")
                break
    return list(dict.fromkeys(issues))


def _reworded(said: set[str], stated: set[str]) -> bool:
    """What the sentence says beside a term is what the passage says beside it in other words
    (完善 for 健全): two synonyms that happen to be crossed, not two statements."""
    return any(o in stated for word in said for o in synonyms(word))


def _terms(sentence: str, text: str) -> list[str]:
    """The sentence's noun phrases — runs of nouns, names and the words that classify them
    (阿罗|尼扬, 高校|院所, 大型|企业) — that the passages hold as written, or else their nouns that
    the passages hold, each once."""
    runs: list[list[str]] = [[]]
    for word, flag in tagged(sentence):
        if flag[0] in "nj" or flag == "b":  # 大型|企业
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    found = []
    for run in runs:
        whole = "".join(run)
        found += [whole] if whole in text else [w for w in run if w in text]
    return list(dict.fromkeys(t for t in found if len(t) >= 2))


def _after(term: str, text: str) -> set[str]:
    return _around(term, text, after=True)


def _before(term: str, text: str) -> set[str]:
    return _around(term, text, after=False)


def _around(term: str, text: str, *, after: bool) -> set[str]:
    """The characters right after (or before) each place the term stands in the text, when they
    are words (not punctuation, not the 和 that joins it to the next item of a list)."""
    found = set()
    start = text.find(term)
    while start >= 0:
        if after:
            piece = text[start + len(term) : start + len(term) + _WINDOW]
        else:
            piece = text[max(0, start - _WINDOW) : start]
        if (
            len(piece) == _WINDOW
            and _WORDS.fullmatch(piece)
            and (piece[0] if after else piece[-1]) not in _JOINING  # 甲和|乙: a list
        ):
            found.add(piece)
        start = text.find(term, start + 1)
    return found


_COUNTERPART_REACH = 10  # characters from a counterpart (东部) to the term it is said of
_CLAUSE_END = re.compile(r"[，。；、,;：:]")


def counterparts_crossed(sentence: str, cited: Cited) -> list[str]:
    """Two counterparts of a pair (东部/西部, 男子/女子) said of each other's term: the sentence
    puts 西部……波士顿 where the passages have 东部……波士顿 and 西部……洛杉矶 — each word is in the
    passage, and the characters right around the terms are the same."""
    _, pairs = polar()
    issues = []
    for a, b in pairs:
        if not (a in sentence and b in sentence and a in cited.text and b in cited.text):
            continue
        for mine, other in ((a, b), (b, a)):
            for term in _said_of(mine, sentence):
                theirs = {c for c in (a, b) if term in _said_of(c, cited.text)}
                if theirs == {other}:
                    issues.append(f"原文中“{term}”是{other}的，不是{mine}的")
    return list(dict.fromkeys(issues))


def _said_of(word: str, text: str) -> set[str]:
    """The terms (runs of nouns) that follow the word within a few characters of its clause."""
    found = set()
    for match in re.finditer(re.escape(word), text):
        reach = text[match.end() : match.end() + _COUNTERPART_REACH]
        after = _CLAUSE_END.split(reach, maxsplit=1)[0]
        found |= {t for t in _terms(after, after) if t != word}
    return found
