"""Names jieba could not cut: it leaves them in single characters (蓝|帐|汗|国)."""

from __future__ import annotations

from .segment import tagged

_PIECE_TAGS = frozenset(["n", "ng", "nr", "ns", "nz", "a", "ag", "b", "q", "g", "j", "s"])
_PIECES = 3  # single characters in a row, to be a name jieba could not cut


def unsegmented(text: str) -> list[str]:
    """Names jieba cut into single characters (蓝|帐|汗|国): three or more one-character nouns,
    adjectives or measure words in a row, which no sentence strings together but a name."""
    found, run, before = [], [], ""
    for word, flag in [*tagged(text), ("", "x")]:
        pointing, before = flag == "q" and before == "r", flag  # 那|篇|老|旧: 那篇, then 老旧
        if len(word) == 1 and flag in _PIECE_TAGS and not pointing:
            run.append(word)
            continue
        if len(run) >= _PIECES:
            found.append("".join(run))
        run = []
    return found
