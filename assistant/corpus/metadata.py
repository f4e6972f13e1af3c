"""Metadata inferred from a document's text, by one rule for the seeds and the library alike."""

from __future__ import annotations

import re

from ..schema import Level
from ..text.regions import find_provinces
from ..text.segment import words

NATIONAL = "全国"
_OPENING_CHARS = 300


_NATIONAL = re.compile("中华人民共和国|国务院|全国|中共中央|党中央")  # a title naming the nation's


def infer_region(title: str, text: str = "") -> str | None:
    """A province named in the title, else the first one named in the opening of the text —
    as a word there: “我们隆重庆祝” holds the characters of 重庆 but does not name it."""
    named = find_provinces(title)
    if not named and _NATIONAL.search(title):
        return None  # 国务院政府工作报告 mentions 香港 in its opening: it is still national
    if not named:
        opening = text[:_OPENING_CHARS]
        tokens = set(words(opening))
        named = [
            province
            for province in find_provinces(opening)
            if any(_names(alias, tokens) for alias in province.aliases)
        ]
    return named[0].name if named else None


def _names(alias: str, tokens: set[str]) -> bool:
    """The alias is a word of the text, alone or with an administrative suffix (重庆市、冀中)."""
    return any(t == alias or (t.startswith(alias) and len(t) <= len(alias) + 2) for t in tokens)


def infer_level(region: str | None) -> Level:
    """A document about one province is provincial; otherwise its level is unknown."""
    return "provincial" if region and region != NATIONAL else "other"
