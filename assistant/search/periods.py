"""The year a passage speaks of: its heading, read against the date of its document.

A yearly report's “一、过去一年工作回顾” speaks of the year before it was issued, its “二、对今年
政府工作的建议” of its own year, and “一、2023年工作回顾” says so outright. A question naming a year
favours the passages that speak of that year (`versions.scope` has put the report of the next
year, which looks back on it, in scope) — fully those that review it when the question asks
what happened (“2023年国内生产总值是多少”) and those that plan it when it asks what was planned
(目标, 拟, 安排…), half the others. A comparison of years (“2025年的赤字率和2024年比”) favours
every passage of the years alike: its wording does not tell plans from results. A report the
question names (“按2013年报告，……从2009年的多少降到了2012年的多少”) is favoured instead when none
of its headings speaks of the years asked: it speaks of them in its own words.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import numpy as np

from ..index.state import Index
from ..text import lexicon
from .versions import issued_on, years_named

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!代|以来|以前|前)")
_OTHER_ASPECT = 0.5  # a passage planning a year the question asks what happened in (or the reverse)
_RELATIVE = (
    ("过去一年", -1),
    ("一年来", -1),
    ("上一年", -1),
    ("去年", -1),
    ("上年", -1),
    ("今年", 0),
    ("本年", 0),
)


def period(heading: str, issued: str | None) -> int:
    """The year a heading speaks of (the last one it names, or 今年/去年 of `issued`); 0: none."""
    if years := _YEAR.findall(heading):
        return int(years[-1])
    if issued:
        for word, shift in _RELATIVE:
            if word in heading:
                return int(issued[:4]) + shift
    return 0


_SPOKEN = (("去年", -1), ("今年", 0), ("明年", 1))  # said from the day the text was issued


def years_said(text: str, issued: str | None) -> list[int]:
    """The years a sentence names by their distance from its text's date (“提高到去年的1.8%” in
    a 2025 report: 2024)."""
    if not issued or not issued[:4].isdigit():
        return []
    return [int(issued[:4]) + shift for word, shift in _SPOKEN if word in text]


def periods(index: Index) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The year each chunk speaks of (0: its heading does not say), whether it reviews, and the
    year its document was issued (0: unknown)."""

    def compute() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        columns = index.table.columns
        review = lexicon.words("targets", "review_headings")
        found: dict[tuple, tuple[int, bool, int]] = {}
        rows = list(zip(columns["heading"], columns["date"], columns["title"], strict=True))
        for row in dict.fromkeys(rows):
            heading, date, title = row[0] or "", row[1], row[2] or ""
            issued = issued_on(date, title)
            found[row] = (
                period(heading, issued),
                any(w in heading for w in review),
                int(issued[:4]) if issued and issued[:4].isdigit() else 0,
            )
        columns_of = list(zip(*(found[row] for row in rows), strict=True)) if rows else [(), (), ()]
        years, reviews, issued_years = columns_of
        return (
            np.array(years, dtype=np.int32),
            np.array(reviews, dtype=bool),
            np.array(issued_years, dtype=np.int32),
        )

    return index.remember("periods", compute)


_REPORT_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?:的)?(?:政府工作)?报告")


def favoured(index: Index, question: str, series: Collection[str]) -> np.ndarray | None:
    """How much each chunk of the yearly-series documents `series` is favoured by a question
    naming a year; None when it names none or no such chunk says which year it speaks of."""
    years = [int(y) for y in years_named(question)]
    # “2004年报告说2003年……”: the year of the report named is where to look, not what is asked
    reports = {int(y) for y in _REPORT_YEAR.findall(question)}
    years = [y for y in years if y not in reports] or years
    if not years or not series:
        return None
    speaks_of, reviews, issued = periods(index)
    in_series = index.field_in("doc_id", series)
    about = np.isin(speaks_of, years) & in_series
    named = np.isin(issued, list(reports)) & in_series
    if named.any() and not (about & named).any():
        # “按2013年报告，……从2009年的多少降到了2012年的多少”: the report named looks back on
        # the years asked about in its own words; it is where to look
        return named.astype(float)
    if not about.any():
        return None
    if len(years) > 1:  # a comparison of years: its wording does not tell plans from results
        return about.astype(float)
    plans = any(word in question for word in lexicon.words("targets", "asks_for_plans"))
    return about * np.where(reviews != plans, 1.0, _OTHER_ASPECT)
