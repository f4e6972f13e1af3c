"""Dates in documents: a labelled 发布日期 first, else the first full date anywhere."""

from __future__ import annotations

import re
from datetime import date as Date

from ..text.chars import CJK

_YMD = r"(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)"
_YM = r"(\d{4})\s*(?:[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月)"
_LABEL = rf"(?:发布日期|发布时间|成文日期|印发日期|公布日期|(?<![{CJK}])日期)\s*[:：]?\s*"
_LABELLED, _LABELLED_YM = re.compile(_LABEL + _YMD), re.compile(_LABEL + _YM + r"(?!\s*[-/.\d])")
_ANY_DATE = re.compile(r"(?<!\d)" + _YMD)


def find_date(text: str) -> str | None:
    """A labelled date (发布日期/发布时间/成文日期/日期：) first, else the first full date anywhere
    (2025-03-01, 2025/3/1, 2025年3月1日), as "YYYY-MM-DD"; a labelled "2025年3月" gives "2025-03"."""
    return date_in(text, (_LABELLED, _LABELLED_YM, _ANY_DATE))


def date_in(text: str, patterns: tuple[re.Pattern, ...]) -> str | None:
    for pattern in patterns:
        for match in pattern.finditer(text):
            year, *rest = (int(g) for g in match.groups() if g)
            if not 1900 < year < 2200:
                continue
            if len(rest) == 1 and 1 <= rest[0] <= 12:
                return f"{year:04d}-{rest[0]:02d}"
            try:
                return Date(year, *rest).isoformat()
            except (TypeError, ValueError):  # 2025-02-30 and the like
                continue
    return None


def normal_date(value: str | None) -> str | None:
    """A date from metadata ("2025-10-08 09:30", "2025-10-08T09:30+08:00", "2025-10", "2025")."""
    value = (value or "").strip()
    if found := find_date(value) or find_date(f"日期：{value}"):
        return found
    year = re.fullmatch(r"(\d{4})年?", value)
    return year.group(1) if year else None


def find_labelled_date(text: str) -> str | None:
    """Only a labelled date (“发布时间：2025-03-01”), never any date the text mentions."""
    return date_in(text, (_LABELLED, _LABELLED_YM))
