"""Whether the sentences about a question hold the kind of fact it asks for: a figure for 多少
(for each year it names), a date for 何时 — a year or a day for 哪年/几月几号, not 目前 or 近日."""

from __future__ import annotations

import re
from functools import cache

from ..search.periods import period, years_said
from ..search.versions import issued_on
from ..text import lexicon
from ..text.expressions import relative_times
from ..text.numerals import digits_for_spelled
from ..text.regions import find_provinces
from ..tuning import TUNING
from .candidates import Candidate, context
from .generate import GenerationRequest
from .question_types import answers_kind

TUNE = TUNING.answer
_YEAR = re.compile(r"(?:19|20)\d\d(?=年)")


_DAY = re.compile(  # a day of a month (3月12日, 三月十二日, 初五), not 3号文件 or 30日内
    r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}[日号]"
    r"|初[一二三四五六七八九十]"
)


@cache
def _daily() -> re.Pattern[str]:
    """哪天, 几月几号 …: a “when” question asking for the day."""
    return re.compile(lexicon.alternation("question_types", "daily"))


@cache
def _dated() -> re.Pattern[str]:
    """哪年, 哪天, 几月 …: a “when” question asking for a year or a day."""
    return re.compile(lexicon.alternation("question_types", "dated"))


def dated_by(sentence: str, question: str) -> bool | None:
    """For a “哪年/哪天” question, whether the sentence holds a year or day (or a year said from
    the text, 明年) — not only a span of time (日前, 目前); None for any other question."""
    if not _dated().search(question):
        return None
    return _calendar(sentence) or answers_kind("when", sentence, question, strict=True)


def _only_striven_for(sentence: str, question: str) -> bool:
    """The question asks about a thing done (哪年批下来的, 批下来了没, 建成多少个) and the sentence
    only says it is striven for or planned (争创……示范区, 要规划建设若干……): it says nothing of
    the thing done — its dates and figures are not the thing's."""
    done, striven = (lexicon.words("question_types", s) for s in ("done_asks", "striven_for"))
    return (
        any(w in question for w in done)
        and (any(w in sentence for w in striven) or bool(_TO_DO.search(sentence)))
        and not any(w in sentence for w in done)
    )


# a clause saying what is to be done (因此，要以……为牵引，建设……; 全市将建设……)
_TO_DO = re.compile(
    r"(?:^|[，,；;])(?:因此|为此|下一步)?[，,]?[^，,；;]{0,6}?(?:要|将|拟|应)(?![求用近])"
)


# the part of a year a figure is of (全年 against 上半年: the half-year's is not the year's)
_PERIOD = re.compile(r"全年|[上下]半年|前三季度|第?[一二三四1-4]季度")


def _of_another_period(sentence: str, question: str) -> bool:
    """The question asks for the figure of a part of the year (全年, 一季度) and the sentence
    gives it only for another (上半年)."""
    asked, said = ({p.lstrip("第") for p in _PERIOD.findall(t)} for t in (question, sentence))
    return bool(asked and said and not asked & said)


def _calendar(sentence: str) -> bool:
    """The sentence says a year, month or season from the text's date (明年, 上月, 今年一季度)."""
    return any(set(t) & set("年月季") for t in relative_times(sentence))


def has_the_fact(kind: str, request: GenerationRequest, candidates: list[Candidate]) -> bool:
    """A “多少” question needs relevant sentences with a figure, for each year it asks about; a
    “何时” question one with a date (in the sentence, or the document's own date or title) —
    for 哪年/哪天 a year or month said from the text (明年), not a span of time (目前, 此前). None
    answers whether, when or how many of a thing done (批下来了没, 建成多少个) if the sentences
    about it only strive for it or plan it (争创, 要规划建设若干)."""
    most = max((c.own for c in candidates), default=0.0)
    about_it = [c for c in candidates if c.own == most >= TUNE.min_figure_coverage]
    if about_it and all(_only_striven_for(c.text, request.searched) for c in about_it):
        return False  # 批下来了没, 建成多少个: of what the texts only strive for or plan
    if kind == "yes_no":
        return True
    years = set(_YEAR.findall(request.searched))
    dated = kind == "when" and bool(_dated().search(request.searched))
    daily = dated and bool(_daily().search(request.searched))
    about = {c.key for c in candidates if c.own >= TUNE.min_figure_coverage}
    places = set(find_provinces(request.searched))
    found = []
    for candidate in candidates:
        n, position = candidate.key
        if not {(n, position - 1), (n, position), (n, position + 1)} & about:
            continue  # neither it nor the sentence before or after is about the question
        named = set(find_provinces(candidate.text))
        if places and named and not places & named:
            continue  # a figure about another province (“例如X省每年……”)
        where = context(candidate.passage)
        text = _YEAR.sub("", candidate.text) if kind == "quantity" else candidate.text
        if kind == "when":
            text += where
        if daily and not _DAY.search(text):
            continue  # 几月几号: the day, not only the year or month
        if kind == "when" and _only_striven_for(candidate.text, request.searched):
            continue
        if kind == "quantity" and _of_another_period(candidate.text, request.searched):
            continue
        if answers_kind(kind, text, request.searched, strict=dated) or (
            dated and _calendar(candidate.text)
        ):
            # the year its section speaks of (2005年报告's 过去一年工作回顾: 全年 is 2004年)
            chunk = candidate.passage.chunk
            issued = issued_on(chunk.date, chunk.title or "")
            spoken = period(chunk.heading or "", issued)
            said = years_said(candidate.text, issued)  # 去年 in a 2025 report: 2024
            # 一九八二年 is 1982年
            text = digits_for_spelled(candidate.text)
            found.append(" ".join([text, where, *map(str, [spoken or "", *said])]))
    return bool(found) and all(any(year in text for text in found) for year in years)
