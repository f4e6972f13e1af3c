"""A statement put at another of the passage's dates.

“2002年至2004年任埃纳省省长” against “1998年至2001年任埃纳省省长，2002年至2004年任埃纳省议会委员”:
every date and every word is in the passage, and the clause restates one of its clauses all but
the dates, so the alignment sees only a changed date the passage also says. What gives it away:
the passage clause saying the same thing is dated otherwise, and the clause at the sentence's
date says something else. A date also governs the undated clauses after it (于一月底提议，确定了
X的安排): such a span is compared with the passage's spans, in calendar dates or months.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text.chars import bigram_set
from ..text.expressions import dates, relative_times
from ..text.numerals import all_in_digits
from .cited import Cited, clauses
from .exchanged import same_times
from .restated import unframed

_SAME = 0.7  # of the clause's character pairs (dates left out) in the passage clause restated
_OTHER = 0.2  # … more than in the clause at the sentence's date, for that one to say another thing


def redated(sentence: str, cited: Cited) -> list[str]:
    """Issues for each dated clause of the sentence — or dated clause with the undated ones
    after it — whose statement the passage dates otherwise, while saying something else at the
    sentence's date."""
    year = next(iter(cited.issued)) if len(cited.issued) == 1 else None
    theirs = [_spans(clauses(s), year) for s in cited.sentences]
    each = [clause for alone, _ in theirs for clause in alone]
    spans = [span for _, together in theirs for span in together]
    for title in filter(_YEAR.search, cited.titles):  # 1999年政府工作报告回顾: not a date
        sentence = sentence.replace(title, "报告")
    alone, together = _spans(clauses(_same_year_said(sentence)), year, unframed)
    moved = [_moved(clause, each, _apart) for clause in alone]
    # … a span may be put at a time the passages never say (年中 for 9月份后)
    moved += [
        _moved(span, each + spans, _apart_in_calendar, not _said_in(span[0], cited.sentences))
        for span in together
    ]
    return [issue for issue in moved if issue]


Dated = tuple[set[str], str, bool]  # dates, what is said without them, whether they were reckoned


def _moved(
    mine: Dated,
    theirs: list[Dated],
    apart: Callable[[set[str], set[str]], bool],
    unsaid: bool = False,
) -> str:
    """The issue when what `mine` says is restated from a passage clause or span dated `apart`
    from it, while the one at its date says something else (or none is at its date, and that
    date was reckoned, or is `unsaid` in the passages); "" otherwise."""
    when, said, _ = mine
    if not when or len(said) < 4:
        return ""
    like = [(_share(said, s), d) for d, s, _ in theirs]
    best = max((share for share, _ in like), default=0.0)
    if best < _SAME:
        return ""
    restated = [d for share, d in like if share == best]
    # … undated alone, and dated in the span its clause is of (2008年1月，正式当选……): the span's
    restated = [d for d in restated if d] or restated
    if not all(apart(d, when) for d in restated):
        return ""  # undated there (the date is the context's), or dated alike
    at_that_date = [share for share, d in like if d & when]
    # 去年 in a 1998 report is 1997, not 1998 (which only the report's title says)
    reckoned = all(r for (share, _), (*_, r) in zip(like, theirs, strict=True) if share == best)
    if (at_that_date and max(at_that_date) < best - _OTHER) or (
        not at_that_date and (reckoned or unsaid)
    ):
        return f"“{_said(when)}”与原文不符（原文此事在{_said(restated[0])}）"
    return ""


def _said_in(dates: set[str], sentences: tuple[str, ...]) -> bool:
    """Some of the dates is in the passages' text (not only their title: 2009年中华……)."""
    return any(d in s for d in dates for s in sentences)


def _said(dates: set[str]) -> str:
    """The dates as a reader finds them: 1976年1月 (not also the 月底 said with it), 1213年3月
    (not also the 1213年 inside it)."""
    shown = {d for d in dates if _numbered(d)} or dates
    return "、".join(sorted(d for d in shown if not any(d != o and d in o for o in shown)))


_YEAR = re.compile(r"(?<!\d)(?:1[0-9]|20)\d\d年")


def _spans(
    parts: list[str], year: int | None, framed: Callable[[str], str] = str
) -> tuple[list[Dated], list[Dated]]:
    """Each clause by its dates, what it says without them (`framed`: without the words framing
    it) and whether its dates were reckoned from the year of issue (去年 in a 1998 report:
    1997年) rather than written; and each dated clause together with the undated ones after it,
    which its date governs (于一月底提议，确定了……安排)."""
    each = [
        (_dates(clause, year), _undated(framed(clause)), _reckoned(clause, year, _dates))
        for clause in parts
    ]
    spans: list[Dated] = []
    for clause, (_, said, _) in zip(parts, each, strict=True):
        starts = _starting(clause, year)
        if spans and not starts:
            when, before, reckoned = spans[-1]
            spans[-1] = (when, before + said, reckoned)
        else:
            spans.append((starts, said, _reckoned(clause, year, _starting)))
    return each, [span for span in spans if span not in each]


def _reckoned(clause: str, year: int | None, dated: Callable[[str, int | None], set[str]]) -> bool:
    return bool(year and dated(clause, year)) and not any(map(_numbered, dated(clause, None)))


# 比2002年, 与2000年相比, 较上年
_COMPARED = re.compile(r"(?:比|较|与|同|相比于|对比)(?:(?:1[0-9]|20)\d\d年|上年|去年|前年)")
# 五年间, 三个月来; 一年, 两年 (上一年, 明后两年: no year of the calendar)
_DURATION = re.compile(r"\d+个?(?:年|月|天|日|周)(?:间|来|以来|内|多)|\d{1,2}年")


def _starting(clause: str, year: int | None) -> set[str]:
    """The dates a clause puts a statement at: not one it compares with (比2002年增长), nor a
    span of time (五年间)."""
    found = _dates(_COMPARED.sub("", all_in_digits(clause)), year)
    return {d for d in found if not _DURATION.fullmatch(d)}


def _same_year_said(sentence: str) -> str:
    """The sentence with each 同年 (当年, 该年 after a year it names) written as the year it
    said last (2012年初……，同年…… → 2012年; 1979年产量……，当年产值…… → 1979年): the year it puts
    the statement in — 当年 with no year before it is the text's own year (今年)."""
    parts = re.split("(同年|当年|该年)", sentence)
    for i in range(1, len(parts), 2):
        said = _YEAR.findall("".join(parts[:i]))
        parts[i] = said[-1] if said else parts[i]
    return "".join(parts)


def _apart(theirs: set[str], mine: set[str]) -> bool:
    """Two clauses dated differently: calendar dates none alike, or times said from the text
    none alike — a calendar date and a time said from the text (1979年, 当年) may be one time."""
    calendar = {d for d in theirs if _numbered(d)}, {d for d in mine if _numbered(d)}
    if all(calendar):
        return not calendar[0] & calendar[1]
    return not any(calendar) and bool(theirs) and bool(mine) and not theirs & mine


def _apart_in_calendar(theirs: set[str], mine: set[str]) -> bool:
    """Dated differently, both in calendar dates none within another (1213年 is in 1213年3月),
    or in months none of which falls in the other's part of the year (9月 is not 年中)."""
    calendar = {d for d in theirs if _numbered(d)}, {d for d in mine if _numbered(d)}
    if all(calendar):
        return not any(a in b or b in a for a in calendar[0] for b in calendar[1])
    months = _months(theirs), _months(mine)
    return all(months) and not months[0] & months[1]


# the months a part of the year spans
_PARTS_OF_YEAR = {
    "年初": range(1, 4), "上半年": range(1, 7), "年中": range(6, 8), "下半年": range(7, 13),
    "年底": range(11, 13), "年末": range(11, 13), "一季度": range(1, 4), "二季度": range(4, 7),
    "三季度": range(7, 10), "四季度": range(10, 13),
}  # fmt: skip
_MONTH = re.compile(r"(?<![\d年])(\d{1,2})月")


def _months(dates: set[str]) -> set[int]:
    """The months the dates say: 9月份 → 9, 年中 → 6 and 7 (none for a year alone)."""
    found = {int(m) for d in dates for m in _MONTH.findall(d) if not re.search(r"\d年", d)}
    return found | {m for d in dates for m in _PARTS_OF_YEAR.get(d, ())}


def _numbered(date: str) -> bool:
    return any(ch.isdigit() for ch in date)


def _dates(clause: str, year: int | None = None) -> set[str]:
    """The clause's calendar dates, in digits (一九五九年 is 1959年, 天正3年), and the times it says
    from the text's own, one for the words saying the same (现在 and 目前, 当年 and 今年) — as
    calendar years when the text's year of issue is known (去年 in a 1998 report: 1997年)."""
    found = {d for d in map(all_in_digits, dates(clause)) if _numbered(d)}
    same = same_times()
    said = {same.get(t, t) for t in relative_times(clause)}
    if year:
        said = {f"{year + _SHIFT[t]}年" if t in _SHIFT else t for t in said}
    return found | said


_SHIFT = {"去年": -1, "上年": -1, "前年": -2, "今年": 0, "明年": 1}


def _undated(clause: str) -> str:
    for date in sorted(dates(clause), key=len, reverse=True):
        clause = clause.replace(date, "")
    return clause


def _share(mine: str, theirs: str) -> float:
    grams = bigram_set(mine)
    return len(grams & bigram_set(theirs)) / len(grams) if grams else 0.0
