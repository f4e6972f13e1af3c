"""A clause of the sentence that no clause of the passages restates: an added fact, or a
paraphrase no rule can tell from one — doubtful either way."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text.chars import bigram_set, normalise_for_match
from ..text.numerals import NUMERAL_CHARACTERS, all_in_digits
from ..text.segment import tagged_content
from ..text.synonyms import holds, holds_halves
from .cited import Cited, clauses
from .restated import unframed

_ADDED_MIN_PAIRS = 6
_ADDED_CLAUSE_SHARE = 0.5  # of its character pairs in one clause of the passages …
_ADDED_TEXT_SHARE = 0.7  # … or anywhere in them


def unstated(sentence: str, cited: Cited) -> list[str]:
    """A clause of the sentence that no clause of the passages restates: something added. A
    clause is read as written and with its figures in digits (十七至十八颂 for 17至18颂)."""
    issues = []
    for at, said in enumerate(clauses(sentence)):
        clause = unframed(said)  # 报告认为|……: who says it is no fact of the passage's
        forms = dict.fromkeys([clause, all_in_digits(clause)])
        if all(_added(form, cited, first=not at) for form in forms):
            issues.append(f"“{said.strip()[:20]}”未见于所引段落")
    return issues


def _added(clause: str, cited: Cited, *, first: bool) -> bool:
    grams = bigram_set(clause)
    if len(grams) < _ADDED_MIN_PAIRS:
        return not first and _short_and_new(clause, grams, cited)
    best = max((len(grams & bigram_set(c)) for c in cited.clauses), default=0)
    shared = len(grams & bigram_set(cited.text))
    # adverbs, connectives and modal verbs (依旧, 同时, 可能) say how, not what
    words = [
        w for w in _words(clause, lambda f: f[0] not in "dc" and f != "ad") if w not in _MODALS
    ]
    new = [
        w
        for w in words
        if normalise_for_match(w) not in cited.flat
        and not holds(cited.text, w)
        and not holds_halves(cited.text, w)
        and not _pointing(w)
        and w not in _APPROXIMATING
        and not _FIGURE.fullmatch(w)  # 十几万 for 十数万: the figure check's to compare
    ]
    return (
        best < _ADDED_CLAUSE_SHARE * len(grams)
        and shared < _ADDED_TEXT_SHARE * len(grams)
        and len(new) >= 2
        and len(new) >= 0.5 * len(words)
    )


_MODALS = frozenset(
    ["可能", "可以", "能够", "应该", "应当", "必须", "需要", "得以", "或许", "也许", "会"]
)
# how near a figure is (超过11万件 for 11万余件, 接近1万 for 近1万): the figure check's to compare
_APPROXIMATING = frozenset(["超过", "多于", "以上", "左右", "大约", "接近", "将近", "上下"])
_FIGURE = re.compile(rf"[\d.%几数多余{NUMERAL_CHARACTERS}]+")
_POINTING = re.compile(
    r"^(?:[次上今去明前后同当那此该每本][年月日时]|[之此随其]后|当时|那时|两者|二者|其中)"
)


def _pointing(word: str) -> bool:
    """A word that points back to what the passage has said rather than saying anything new:
    次年, 上年, 那时, 之后, 两者 — 1994年对游人开放 restated as 次年向游客开放."""
    return bool(_POINTING.match(word))


_SHORT_MIN_PAIRS = 3


def _short_and_new(clause: str, grams: set[str], cited: Cited) -> bool:
    """A short clause after the first (……，但孕妇禁用) whose nouns and verbs — two or more — are
    all missing from the passages, nearly none of its character pairs there either: too short
    to weigh by its share of pairs, added all the same. The first clause is left out: it is
    often who says it or when (报告显示, 早在前一年)."""
    words = _words(clause, lambda f: f[0] in "nv")
    return (
        len(grams) >= _SHORT_MIN_PAIRS
        and len(words) >= 2
        and all(normalise_for_match(w) not in cited.flat for w in words)
        and len(grams & bigram_set(cited.text)) <= 1
    )


def _words(clause: str, kept: Callable[[str], bool]) -> list[str]:
    """The clause's words of two characters or more whose tag is `kept`, each once."""
    return list(dict.fromkeys(w for w, f in tagged_content(clause) if len(w) >= 2 and kept(f)))
