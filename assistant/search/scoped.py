"""Search the versions in force; when they cannot answer, the earlier years of a yearly series.

A later report of a yearly series (2025年政府工作报告) is the current version, but it repeals
nothing: the 2021 report still holds the 十四五 targets, the 2018 report what was done in 2017.
So a question the versions in force cannot answer is searched again with the earlier years
added; a version that a text or the user says is replaced stays out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import numpy as np

from ..index.state import Index
from ..text import lexicon
from ..text.numerals import spelled_years
from .evidence import Evidence, assess
from .mentions import Boost
from .periods import favoured
from .retrieve import Retrieval, retrieve
from .troubles import discussing_problems
from .versions import SERIES, Versions, named_by_title, years_named


def earlier_years(versions: Versions, scope: Sequence[str]) -> list[str]:
    """The documents left out of `scope` only because a later year of their series came out."""
    shown = set(scope)
    return [
        doc_id
        for doc_id, newer in versions.successor.items()
        if doc_id not in shown and SERIES in versions.docs[newer].how
    ]


def search(
    index: Index,
    versions: Versions,
    query: str,
    *,
    k: int,
    doc_ids: Sequence[str],
    chosen_by_user: bool,
    boosts: Sequence[Boost] = (),
    problems: bool = False,
) -> tuple[Retrieval, Evidence]:
    """The passages for `query` in `doc_ids` and whether they answer it; when they do not and
    the scope came from the versions (not from the user, nor from a report the question names by
    year and title), the earlier years are searched too. A question on the `problems` a thing
    meets favours the passages naming several."""
    favour = favoured(index, query, versions.series)
    if problems:
        troubled = discussing_problems(index)
        favour = troubled if favour is None else np.maximum(favour, troubled)
    words = in_own_words(versions, query)
    words += _as_spelled(index, words)  # the years left: a report's own is 今年 by now
    chosen_by_user = chosen_by_user or bool(_titled(versions, query))  # 2025年政府工作报告对……
    result = retrieve(index, words, k=k, doc_ids=doc_ids, boosts=boosts, favour=favour)
    evidence = assess(index, query, result.passages, _closeness(result))
    # found only by where the question points (its title, its province), the versions in force
    # may still be the wrong year: the earlier years are searched too
    settled = evidence.sufficient and not evidence.pointed
    wider = [] if chosen_by_user or settled else earlier_years(versions, doc_ids)
    if not wider:
        return result, evidence
    again = retrieve(index, words, k=k, doc_ids=[*doc_ids, *wider], boosts=boosts, favour=favour)
    second = assess(index, query, again.passages, _closeness(again))
    better = second.sufficient and (not evidence.sufficient or second.coverage > evidence.coverage)
    return (again, second) if better else (result, evidence)


def in_own_words(versions: Versions, query: str) -> str:
    """The query as the report it names by year and title says it: “1999年政府工作报告对当年
    经济增长的预期” searches that report for 今年 — it calls its own year so, and the passages
    that spell out 1999年 are about something else (its title, a look back)."""
    titled = _titled(versions, query)
    for year in {versions.docs[d].issued[:4] for d in titled if versions.docs[d].issued}:
        query = re.sub(rf"{year}\s*年度?(?=[^，。？]{{0,12}}报告)", "", query)
        query = re.sub(rf"{year}\s*年(?![度底初末中])", "今年", query)
    return _that_year().sub("今年", query) if titled else query


@cache
def _that_year() -> re.Pattern[str]:
    """当年, 该年 …: the year the question names (`expressions.txt [pointing_times]`)."""
    return re.compile(lexicon.alternation("expressions", "pointing_times"))


def _as_spelled(index: Index, query: str) -> str:
    """The years the query names as the texts spell them, when some do (1984年 → 一九八四年):
    older reports write years in Chinese numerals, which BM25 cannot match with digits."""
    spelled = [
        s for y in years_named(query) for s in spelled_years(y) if index.document_frequency(s)
    ]
    return "".join(f" {s}" for s in spelled)


def _titled(versions: Versions, query: str) -> list[str]:
    """The reports the question names by year and title (2019年政府工作报告)."""
    return named_by_title(versions, query, years_named(query), versions.series)


def _closeness(result: Retrieval) -> dict[str, float] | None:
    return result.closeness if result.semantic else None
