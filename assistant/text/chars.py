"""Character classes shared by every stage: which characters are Chinese, and match keys."""

from __future__ import annotations

import re

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""CJK unified ideographs (with extension A and compatibility ideographs), as a regex range."""
CJK_CHAR = re.compile(f"[{CJK}]")
_NOT_WORD_CHARS = re.compile(rf"[^{CJK}0-9A-Za-z]+")


def has_chinese(text: str) -> bool:
    return bool(CJK_CHAR.search(text))


def normalise_for_match(text: str) -> str:
    """Keep only letters, digits and CJK characters, lower-cased: the basis of overlap checks."""
    return _NOT_WORD_CHARS.sub("", text).lower()


def char_ngrams(text: str, n: int) -> list[str]:
    """Overlapping character n-grams of the normalised text."""
    chars = normalise_for_match(text)
    return [chars[i : i + n] for i in range(len(chars) - n + 1)]


def bigram_set(text: str) -> set[str]:
    return set(char_ngrams(text, 2))
