"""What reading a user file yields (`Extracted`), how it fails (`ExtractError`), and the small
helpers every format's reader shares."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.chars import CJK

SUPPORTED: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
TITLE_CHARS = 80
WORDISH = re.compile(rf"[0-9A-Za-z{CJK}]")


class ExtractError(ValueError):
    """A file that cannot be ingested; str(exc) is a Chinese message starting with the file name."""


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str  # the body, paragraphs separated by "\n", not yet run through clean_text
    title: str | None
    date: str | None  # "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when only that is known
    source: str | None  # publishing outlet when the file says so
    format: str  # "txt" | "md" | "html" | "docx" | "pdf"


def edges(text: str) -> str:
    """The start and end of a long text, where titles, dates and bylines are."""
    return text if len(text) <= 900 else text[:600] + "\n" + text[-300:]


def first_line(lines: str | list[str]) -> str | None:
    for line in lines.split("\n") if isinstance(lines, str) else lines:
        line = line.strip().lstrip("#").strip()
        if WORDISH.search(line):
            return line[:TITLE_CHARS]
    return None
