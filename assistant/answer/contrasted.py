"""A clause of contrast that denies what no passage clause denies (……，但游艺场不在免税之列 for a
passage listing it among what is exempt): an exception the passage does not make."""

from __future__ import annotations

import re
from functools import cache

from ..text import lexicon
from ..text.segment import nouns_of
from .cited import Cited, clauses
from .polar import negations


@cache
def _denials() -> frozenset[str]:
    """Negators proper (不, 未, 没有 …), not verbs of forbidding (禁止, 避免)."""
    return frozenset(lexicon.words("polarity", "denials"))


_CONTRAST = re.compile(r"^(?:但是|但|而|却|只是|不过|然而)")


def contrast_denied(sentence: str, cited: Cited) -> list[str]:
    """A clause of contrast that denies (……，但游艺场不在免税之列) where no passage clause about its
    nouns negates anything (……7个项目，包括游艺场，免税两年): an exception the passage does not
    make. Too loosely worded to align, it is read by its nouns."""
    issues = []
    for clause in clauses(sentence):
        said = clause.strip("，,。；;！？!? ")
        if not _CONTRAST.match(said) or not negations(said) & _denials():
            continue
        if _denial_said(said, cited.text):
            continue  # ……丧失可溶性、不再溶于水: the passage's own 不再溶于水, in one clause
        nouns = nouns_of(said)
        about = [c for c in cited.clauses if any(n in c for n in nouns)]
        if about and not any(negations(c) for c in about):
            issues.append(f"原文未说“{said[:20]}”（原文：“{about[0].strip()[:30]}”）")
    return issues


_GOVERNED = 2  # characters after a negator that say what it denies (不再|溶于)


def _denial_said(clause: str, passage: str) -> bool:
    """A negator of the clause with what it governs said so in the passage (不再溶于)."""
    return any(
        clause[m.start() : m.end() + _GOVERNED] in passage
        for n in negations(clause) & _denials()
        for m in re.finditer(re.escape(n), clause)
        if m.end() + _GOVERNED <= len(clause)
    )
