"""Which version of a policy is in force, and as of when.

A document supersedes another when
- its text says so: “《X》同时废止”, “代替《X》”, “对《X》进行修订” name an earlier document of the
  library by its title;
- they form a series: the same title but for its year (2024年…工作报告, 2025年…工作报告), same
  region — the later one is the current version;
- the user says so (`assistant supersede NEW OLD`, or the 资料库 tab).

A document is issued on its date, else on 1 January of the year its title names; one with
neither is always in force. As of a date, the documents in force are those issued by then that
nothing issued by then supersedes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..index.state import Index
from ..text import lexicon

_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?")
_NAMED = r"《([^》]{2,80})》"
_STATEMENTS = (
    re.compile(_NAMED + r"[^。；《]{0,40}?(?:同时|予以|即行|一并)?(?:废止|停止执行|不再执行)"),
    re.compile(r"(?:代替|取代|替代)" + _NAMED),
    re.compile(r"对" + _NAMED + r"(?:进行了?|作出?)?(?:修订|修改)"),
)
SERIES = "年度系列"
_CUES = ("废止", "停止执行", "不再执行", "代替", "取代", "替代", "修订", "修改")


@dataclass(frozen=True)
class DocVersion:
    doc_id: str
    title: str
    issued: str | None  # YYYY-MM-DD, or YYYY-MM
    region: str | None
    supersedes: tuple[str, ...] = ()
    how: str = ""  # 文本声明 / 年度系列 / 用户设定


@dataclass
class Versions:
    docs: dict[str, DocVersion]
    successor: dict[str, str] = field(default_factory=dict)  # old → the one superseding it

    def __post_init__(self) -> None:
        for doc in sorted(self.docs.values(), key=lambda d: d.issued or ""):
            for old in doc.supersedes:
                self.successor[old] = doc.doc_id

    @cached_property
    def series(self) -> frozenset[str]:
        """The documents of a yearly series (2024年…工作报告, 2025年…工作报告)."""
        newer = {d for d, doc in self.docs.items() if SERIES in doc.how}
        return frozenset(newer | {old for old, new in self.successor.items() if new in newer})

    @property
    def any(self) -> bool:
        return bool(self.successor)

    def issued_by(self, doc_id: str, as_of: str | None) -> bool:
        issued = self.docs[doc_id].issued
        return as_of is None or issued is None or issued <= as_of

    def in_force(self, as_of: str | None = None) -> set[str]:
        """The documents in force on `as_of` (YYYY-MM-DD; None: today)."""
        existing = {d for d in self.docs if self.issued_by(d, as_of)}
        gone = {old for d in existing for old in self.docs[d].supersedes}
        return existing - gone

    def earlier(self, doc_id: str) -> list[str]:
        """The documents `doc_id` supersedes, directly or through others."""
        found, todo = [], list(self.docs[doc_id].supersedes)
        while todo:
            old = todo.pop(0)
            if old in self.docs and old not in found:
                found.append(old)
                todo += self.docs[old].supersedes
        return found


def issued_on(date: str | None, title: str) -> str | None:
    """The date a document takes effect: its own date when its title names no other year,
    else 1 January of the title's year (a 2025年 report is the 2025 version)."""
    named = _TITLE_YEAR.search(title)
    if date and (not named or date.startswith(named.group(1))):
        return date
    return f"{named.group(1)}-01-01" if named else date


def series_key(title: str) -> str | None:
    """The title without its year, for titles that name one (a yearly series)."""
    if not _TITLE_YEAR.search(title):
        return None
    return re.sub(r"\s+", "", _TITLE_YEAR.sub("", title, count=1))


def versions_of(index: Index, chosen: Mapping[str, Sequence[str]] = {}) -> Versions:
    """The library's versions: from statements in the texts, yearly series and `chosen`
    (doc id → the doc ids the user says it supersedes)."""
    columns = index.table.columns
    first: dict[str, int] = {}
    for i, doc_id in enumerate(columns["doc_id"]):
        first.setdefault(doc_id, i)
    docs = {
        d: (columns["title"][i], issued_on(columns["date"][i], columns["title"][i]), columns["region"][i])
        for d, i in first.items()
    }  # fmt: skip
    relations: dict[str, dict[str, str]] = {d: {} for d in docs}
    _from_statements(index, docs, relations)
    _from_series(docs, relations)
    for new, olds in chosen.items():
        for old in olds:
            if new in relations and old in docs and old != new:
                relations[new][old] = "用户设定"
    return Versions(
        {
            d: DocVersion(
                d,
                title,
                issued,
                region,
                tuple(relations[d]),
                "、".join(dict.fromkeys(relations[d].values())),
            )
            for d, (title, issued, region) in docs.items()
        }  # fmt: skip
    )


def _from_statements(index: Index, docs: dict, relations: dict[str, dict[str, str]]) -> None:
    by_title = {_plain(title): d for d, (title, _, _) in docs.items()}
    positions: set[int] = set()
    for cue in _CUES:
        positions.update(int(i) for i in index.containing(cue))
    for i in sorted(positions):
        chunk = index.chunks[i]
        for pattern in _STATEMENTS:
            for match in pattern.finditer(chunk.text):
                old = by_title.get(_plain(match.group(1)))
                if old and old != chunk.doc_id:
                    relations[chunk.doc_id][old] = "文本声明"


def _from_series(docs: dict, relations: dict[str, dict[str, str]]) -> None:
    series: dict[tuple, list[tuple[str, str]]] = {}
    for d, (title, issued, region) in docs.items():
        key = series_key(title)
        if key and issued:
            series.setdefault((key, region), []).append((issued, d))
    for members in series.values():
        members.sort()
        for (_, older), (_, newer) in zip(members, members[1:], strict=False):
            relations[newer].setdefault(older, SERIES)


def _plain(title: str) -> str:
    return re.sub(r"[\s《》“”\"'（）()]", "", title)


def scope(
    versions: Versions, question: str, as_of: str | None, doc_ids: Sequence[str]
) -> tuple[list[str], str | None]:
    """The documents a question searches, and the date it is asked as of: the versions in
    force (on `as_of`, or at the end of the first year the question names that an earlier
    version was issued in — “2019年的目标” asks about 2019), with the year of a yearly series
    for each other year it names (“2025年的赤字率和2024年比”) and the next year for each year
    named when it asks what happened, not what was planned (the 2020 report looks back on
    2019) — unless it names documents itself, or a report by year and title."""
    if doc_ids or not versions.any:
        return list(doc_ids), as_of
    named, series = years_named(question), versions.series
    if titled := named_by_title(versions, question, named, series):
        return titled, as_of
    if as_of is None:
        past = {versions.docs[d].issued[:4] for d in versions.successor if versions.docs[d].issued}
        as_of = next((f"{year}-12-31" for year in named if year in past), None)
    plans = any(word in question for word in lexicon.words("targets", "asks_for_plans"))
    wanted = {*named, *([] if plans else [str(int(year) + 1) for year in named])}
    of_years = {d for d in series if (versions.docs[d].issued or "")[:4] in wanted}
    return sorted(versions.in_force(as_of) | of_years), as_of


def named_by_title(
    versions: Versions, question: str, years: Sequence[str], series: frozenset[str]
) -> list[str]:
    """The reports of a series a question names by year and title: “2018年政府工作报告” names
    the one titled 2018年…政府工作报告 (the words after the year end the title)."""
    named = []
    for doc_id in sorted(series):
        title = versions.docs[doc_id].title
        year = _TITLE_YEAR.search(title)
        if not year or year.group(1) not in years:
            continue
        rest = title[year.end() :]
        after = re.search(rf"{year.group(1)}\s*年度?", question)
        tail = question[after.end() :] if after else ""
        if any(tail.startswith(rest[i:]) for i in range(max(0, len(rest) - 3))):
            named.append(doc_id)
    return named


def years_named(question: str) -> list[str]:
    """The years a question names (“2019年”), in order, each once."""
    return list(dict.fromkeys(re.findall(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)", question)))


def version_note(
    versions: Versions, cited: Sequence[str], as_of: str | None, question: str = ""
) -> str:
    """What the answer says about the versions it cites (empty when nothing has versions)."""
    named = years_named(question)
    looked_back = {str(int(year) + 1): year for year in named if str(int(year) + 1) not in named}
    for doc_id in cited:
        doc = versions.docs.get(doc_id)
        if doc is None:
            continue
        year = looked_back.get((doc.issued or "")[:4])
        if year and doc_id in versions.series:  # the next year of a series (`scope`)
            return f"{year}年的情况依据次年的《{doc.title}》作答。"
        if doc_id not in versions.in_force(as_of):  # an earlier year (`scoped.search`)
            return f"所查版本中没有相关内容，以下依据较早年份的《{doc.title}》作答。"
        if as_of:
            return f"按{as_of}时有效的版本作答：《{doc.title}》。"
        if earlier := versions.earlier(doc_id):
            replaced = versions.docs[earlier[0]].title
            return f"依据现行有效版本《{doc.title}》（已取代《{replaced}》）。"
    return ""
