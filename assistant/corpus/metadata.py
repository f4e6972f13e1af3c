"""Metadata inferred from a document's text, by one rule for the seeds and the library alike."""

from __future__ import annotations

from ..schema import Level
from ..text.regions import find_provinces

NATIONAL = "全国"
_OPENING_CHARS = 300


def infer_region(title: str, text: str = "") -> str | None:
    """A province named in the title, else the first one named in the opening of the text."""
    named = find_provinces(title) or find_provinces(text[:_OPENING_CHARS])
    return named[0].name if named else None


def infer_level(region: str | None) -> Level:
    """A document about one province is provincial; otherwise its level is unknown."""
    return "provincial" if region and region != NATIONAL else "other"
