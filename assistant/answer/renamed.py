"""A term of the passage named wholly otherwise in the sentence that restates it: another fund,
body or scheme (粮食风险基金 → 农业综合开发资金), or a body named by another task before the same
head (纪检|部门 → 审计|部门) — terms the passages never use, so no name check sees them put there.
"""

from __future__ import annotations

import re

from ..text.chars import bigram_set, normalise_for_match
from ..text.segment import tagged
from .cited import Cited
from .kinds import followed

# function characters, and the 日 of a date (10日|泰森), jieba glues to the name after them
FUNCTION_CHARACTERS = "于在从自向对把被将以为与和及由的日号按其"


_BODIES = ("部门", "机关", "机构")  # a government body, by what it does (纪检部门)


def body_renamed(
    mine: str, theirs: str, clause: str, source: str, cited: Cited
) -> tuple[set[str], set[str]]:
    """A body named by another task before the same head (审计|部门 for 纪检|部门: the tagger
    reads 审计 as a verb), the passages never naming that task."""
    head = followed(mine, clause)
    if len(mine) < 2 or head not in _BODIES or followed(theirs, source) != head:
        return set(), set()
    return ({mine}, {theirs}) if mine not in cited.text else (set(), set())


def renamed(mine: str, theirs: str, cited: Cited) -> tuple[set[str], set[str]]:
    """A term of nouns (粮食|风险|基金) put wholly in place of another made of nouns the passages
    never use (农业|综合|开发|资金), no two characters in common: another fund, body or scheme."""
    # … the passage's side from its last clause mark (进步维度,|技术经济范式: the clause's opening)
    said, meant = _noun_run(mine), _noun_run(_verb_off(re.split(r"[，,；;：:]", theirs)[-1]))
    new = [w for w, _ in tagged(said) if len(w) >= 2 and not _said_in(w, cited)]
    if sum(map(len, new)) < 4 or len(tagged(meant)) < 2 or bigram_set(said) & bigram_set(meant):
        return set(), set()
    return {said}, {meant}


def _said_in(word: str, cited: Cited) -> bool:
    """The passages use the word, or one half of a four-character one (外部|环境)."""
    halves = [word[:2], word[2:]] if len(word) == 4 else []
    return any(normalise_for_match(w) in cited.flat for w in [word, *halves])


def _noun_run(piece: str) -> str:
    """The piece when it is nouns only (verbal nouns, qualifiers and set phrases among them: 合作社),
    else ""."""
    words = tagged(piece.strip(FUNCTION_CHARACTERS))
    nominal = all(f[0] in "nbl" or f == "vn" or (f == "v" and i) for i, (_, f) in enumerate(words))
    return "".join(w for w, _ in words) if words and nominal and words[-1][1][0] in "nl" else ""


def _verb_off(piece: str) -> str:
    """The piece without the verb it opens with (实行|省级人民政府, where the sentence says 由……)."""
    words = tagged(piece)
    return piece[len(words[0][0]) :] if len(words) > 1 and words[0][1] == "v" else piece
