"""What reading a user file yields (`Extracted`), how it fails (`ExtractError`), and the small
helpers every format's reader shares."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.chars import CJK
from ..text.clean import is_boilerplate, normalise_line

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
    """The first line with words in it that is not page furniture (当前位置：首页 > …): the title."""
    for line in lines.split("\n") if isinstance(lines, str) else lines:
        line = line.strip().lstrip("#").strip()
        if WORDISH.search(line) and not is_boilerplate(normalise_line(line)):
            return line[:TITLE_CHARS]
    return None


_SOURCE = re.compile(r"(?:^|\s)来源\s*[:：]\s*([^\s:：|，,。（）()]{2,30})")


def labelled_source(text: str) -> str | None:
    """The outlet a page names in its furniture (来源：滨海农业网), if it names one."""
    found = _SOURCE.search(text)
    return found.group(1) if found else None
