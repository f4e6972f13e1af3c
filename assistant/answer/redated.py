"""A statement put at another of the passage's dates.

“2002年至2004年任埃纳省省长” against “1998年至2001年任埃纳省省长，2002年至2004年任埃纳省议会委员”:
every date and every word is in the passage, and the clause restates one of its clauses all but
the dates, so the alignment sees only a changed date the passage also says. What gives it away:
the passage clause saying the same thing is dated otherwise, and the clause at the sentence's
date says something else.
"""

from __future__ import annotations

import re

from ..text.chars import bigram_set
from ..text.expressions import dates, relative_times
from ..text.numerals import all_in_digits
from .cited import Cited, clauses
from .exchanged import same_times
from .restated import unframed

_SAME = 0.7  # of the clause's character pairs (dates left out) in the passage clause restated
_OTHER = 0.2  # … more than in the clause at the sentence's date, for that one to say another thing


def redated(sentence: str, cited: Cited) -> list[str]:
    """Issues for each dated clause of the sentence whose statement the passage dates otherwise,
    while saying something else at the sentence's date."""
    year = next(iter(cited.issued)) if len(cited.issued) == 1 else None
    theirs, resolved = _passage_dates(cited.clauses, year)
    issues = []
    for clause in clauses(_same_year_said(sentence)):
        when, said = _dates(clause, year), _undated(unframed(clause))
        if not when or len(said) < 4:
            continue
        like = [(_share(said, s), d) for d, s in theirs]
        best = max((share for share, _ in like), default=0.0)
        if best < _SAME:
            continue
        restated = [d for share, d in like if share == best]
        if not all(_apart(d, when) for d in restated):
            continue  # undated there (the date is the context's), or dated alike
        at_that_date = [share for share, d in like if d & when]
        # 去年 in a 1998 report is 1997, not 1998 (which only the report's title says)
        reckoned = all(resolved[i] for i, (share, _) in enumerate(like) if share == best)
        if (at_that_date and max(at_that_date) < best - _OTHER) or (not at_that_date and reckoned):
            said_when = "、".join(sorted(restated[0]))
            issues.append(f"“{'、'.join(sorted(when))}”与原文不符（原文此事在{said_when}）")
    return issues


_YEAR = re.compile(r"(?<!\d)(?:1[0-9]|20)\d\d年")


def _same_year_said(sentence: str) -> str:
    """The sentence with each 同年 written as the year it said last (2012年初……，同年…… →
    2012年): the year it puts the statement in."""
    parts = re.split("(同年)", sentence)
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


def _passage_dates(
    parts: tuple[str, ...], year: int | None
) -> tuple[list[tuple[set[str], str]], list[bool]]:
    """Each passage clause's dates and undated words, and whether its dates were reckoned from
    the text's year of issue (去年 in a 1998 report: 1997年) rather than written."""
    theirs, resolved = [], []
    for clause in parts:
        found = _dates(clause, year)
        theirs.append((found, _undated(clause)))
        resolved.append(bool(year and found) and not any(map(_numbered, _dates(clause))))
    return theirs, resolved


def _undated(clause: str) -> str:
    for date in sorted(dates(clause), key=len, reverse=True):
        clause = clause.replace(date, "")
    return clause


def _share(mine: str, theirs: str) -> float:
    grams = bigram_set(mine)
    return len(grams & bigram_set(theirs)) / len(grams) if grams else 0.0
