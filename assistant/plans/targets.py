"""Quantified targets (指标、目标值、年份) in the library, each with its passage.

A target is a clause that states a value to reach — “国内生产总值增长5%左右”, “到2027年研发经费投入
强度达到2.5%以上”, “城镇新增就业1200万人以上” — in a sentence that looks ahead: it names a target
(目标、预期、力争、确保), a year to reach (到2027年), or the value carries a comparator (左右、
以上、不低于). Each row keeps the clause as written and its value exactly as the text has it; the
row is checked against its passage like an answer sentence.

Two kinds of disagreement are flagged: a provincial target for the same indicator, unit and
year set below the national one, and two documents of the same region giving different values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from ..corpus.metadata import NATIONAL
from ..index.state import Index
from ..schema import Chunk, Passage
from ..text import lexicon
from ..text.chars import normalise_for_match
from ..text.numerals import figures
from ..text.sentences import split_sentences

_UNITS = (
    "个百分点|万亿元|亿元|万元|元|万亿斤|亿斤|万吨|亿吨|吨|万人次|万人|人次|人|万户|户|万千瓦|千瓦|"
    "万辆|辆|万个|个|家|所|座|项|条|公里|千米|平方米|万亩|亩|倍|%|‰"
)
_BEFORE = r"(?P<before>不低于|不少于|不超过|超过|突破|达到|控制在|保持在|提高到|增加到|降至|降到)?"
# a value, or a range written with its unit once or twice: 6.5%－7%, 6%-6.5%, 3至5万人
_VALUE = rf"(?P<value>\d+(?:\.\d+)?(?:%?[－\-—~～至]\d+(?:\.\d+)?)?)(?P<unit>{_UNITS})"
_AFTER = r"(?P<after>左右|以上|以下|以内)?"
_TARGET = re.compile(_BEFORE + _VALUE + _AFTER)
_YEAR = re.compile(r"(?:到|至)?(\d{4})年(?:前|底|末)?")
_CEILINGS = ("以下", "以内", "不超过")
_BOUNDS = ("不低于", "不少于", "不超过", "超过", "突破")  # a word before the value that bounds it
_CLAUSES = re.compile(r"[；;，,：:]")


@cache
def _cue(section: str) -> re.Pattern[str]:
    return re.compile(lexicon.alternation("targets", section))


@cache
def _leading() -> re.Pattern[str]:
    return re.compile(f"^(?:{lexicon.alternation('targets', 'leading_words')})+")


@cache
def _trailing() -> re.Pattern[str]:
    return re.compile(f"(?:{lexicon.alternation('targets', 'trailing_words')})+$")


@dataclass
class Target:
    indicator: str
    value: str  # exactly as written
    unit: str
    comparator: str  # 左右 / 以上 / 不低于 …, or ""
    year: int | None
    region: str  # 全国 for a national text
    level: str
    doc_id: str
    title: str
    text: str  # the clause as written
    citation: int
    status: str = "uncited"
    issues: tuple[str, ...] = ()
    flags: list[str] = field(default_factory=list)

    @property
    def number(self) -> float:
        """The value (a range's lower end) as a number, for comparisons."""
        return float(re.match(r"\d+(?:\.\d+)?", self.value).group())  # type: ignore[union-attr]

    def to_json(self) -> dict[str, object]:
        return {
            "indicator": self.indicator,
            "value": self.value,
            "unit": self.unit,
            "comparator": self.comparator,
            "year": self.year,
            "region": self.region,
            "level": self.level,
            "doc_id": self.doc_id,
            "title": self.title,
            "text": self.text,
            "citations": [self.citation],
            "status": self.status,
            "issues": list(self.issues),
            "flags": self.flags,
        }


@dataclass
class TargetTable:
    rows: list[Target]
    passages: list[Passage]
    province: str | None = None
    year: int | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "province": self.province,
            "year": self.year,
            "targets": [row.to_json() for row in self.rows],
            "passages": [p.to_json() for p in self.passages],
        }


def document_year(chunk: Chunk) -> int | None:
    """The year a text speaks from: its date, else a year in its title (2025年政府工作报告)."""
    for source in (chunk.date or "", chunk.title):
        if found := re.search(r"(19|20)\d{2}", source):
            return int(found.group())
    return None


def targets_in(sentence: str, chunk: Chunk) -> list[tuple[str, str, str, str, str, int | None]]:
    """(indicator, value, unit, comparator, clause, year) for each target the sentence sets."""
    if not _cue("ahead").search(sentence) or _cue("review_headings").search(chunk.heading):
        return []
    if _cue("looking_back").search(sentence) and not re.search("目标|预期", sentence):
        return []
    explicit = _YEAR.search(sentence)
    year = int(explicit.group(1)) if explicit else document_year(chunk)
    found = []
    indicator = ""
    for clause in (c.strip() for c in _CLAUSES.split(sentence.rstrip("。"))):
        match = _TARGET.search(clause)
        if not match:
            continue
        head = clause[: match.start()].strip()
        head = _trailing().sub("", _leading().sub("", head))
        indicator = head or indicator  # “…5.5%左右，城镇新增就业1200万人以上” shares nothing
        if len(re.findall(r"[\u4e00-\u9fff]", indicator)) < 2:
            continue
        before = match.group("before") or ""
        comparator = match.group("after") or (before if before in _BOUNDS else "")
        text = clause[: match.end()]
        found.append((indicator, match.group("value"), match.group("unit"), comparator, text, year))
    return found


def extract_targets(index: Index) -> tuple[list[Target], list[Passage]]:
    """Every target in the library, in document order, each citing its chunk."""
    rows: list[Target] = []
    passages: dict[str, Passage] = {}
    seen: set[tuple] = set()
    for chunk in _chunks_with_figures(index):
        for sentence in split_sentences(chunk.text):
            for indicator, value, unit, comparator, text, year in targets_in(sentence, chunk):
                key = (chunk.doc_id, indicator, value, unit, year)
                if key in seen:
                    continue
                seen.add(key)
                passage = passages.setdefault(
                    chunk.chunk_id, Passage(len(passages) + 1, chunk, 0.0)
                )
                region = chunk.region or NATIONAL
                rows.append(
                    Target(
                        indicator,
                        value,
                        unit,
                        comparator,
                        year,
                        region,
                        chunk.level,
                        chunk.doc_id,
                        chunk.title,
                        text,
                        passage.n,
                    )  # fmt: skip
                )
    listed = list(passages.values())
    for row in rows:
        row.status, row.issues = check(row, listed[row.citation - 1].chunk.text)
    return rows, listed


def check(row: Target, passage: str) -> tuple[str, tuple[str, ...]]:
    """A row is copied, not restated: its clause must stand in its passage as written, and
    its figures be the passage's (the number check answers get)."""
    issues = []
    if normalise_for_match(row.text) not in normalise_for_match(passage):
        issues.append("原文中没有这一句")
    missing = figures(f"{row.value}{row.unit}") - figures(passage)
    if missing:
        issues.append(f"数字{'、'.join(sorted(missing))}未出现在所引段落中")
    return ("unsupported", tuple(issues)) if issues else ("supported", ())


def _chunks_with_figures(index: Index) -> list[Chunk]:
    """Only chunks with a number and a comparator or a target word are read sentence by sentence."""
    import numpy as np

    hits = np.zeros(len(index.chunks), dtype=bool)
    for cue in ("%", "左右", "以上", "目标", "不低于", "力争", "达到"):
        hits[index.containing(cue)] = True
    return [index.chunks[i] for i in np.flatnonzero(hits)]


@cache
def _same_indicator() -> tuple[tuple[str, str], ...]:
    pairs = (w.split("/") for w in lexicon.words("targets", "same_indicator"))
    return tuple(sorted(((a, b) for a, b in pairs), key=lambda p: -len(p[0])))


def indicator_key(indicator: str) -> str:
    """The indicator as the national texts name it (地区生产总值增长 → 国内生产总值增长)."""
    for local, national in _same_indicator():
        indicator = indicator.replace(local, national)
    return indicator


def flag(rows: list[Target]) -> None:
    """Mark provincial targets whose rate or share is set below the national one for the same
    indicator and year, and documents of one region that give different values."""
    national: dict[tuple, Target] = {}
    by_region: dict[tuple, list[Target]] = {}
    relative = set(lexicon.words("targets", "relative_units"))
    for row in rows:
        key = (indicator_key(row.indicator), row.unit, row.year)
        if row.region == NATIONAL:
            national.setdefault(key, row)
        by_region.setdefault((*key, row.region), []).append(row)
    for row in rows:
        key = (indicator_key(row.indicator), row.unit, row.year)
        centre = national.get(key)
        ceiling = row.comparator in _CEILINGS or (centre and centre.comparator in _CEILINGS)
        if (
            row.region != NATIONAL
            and centre
            and row.unit in relative
            and not ceiling
            and row.number < centre.number
        ):
            row.flags.append(f"低于国家目标（{centre.value}{centre.unit}{centre.comparator}）")
        for other in by_region[(*key, row.region)]:
            if other.doc_id != row.doc_id and other.value != row.value:
                row.flags.append(f"与《{other.title}》不一致（{other.value}{other.unit}）")
                break


def _flagged(index: Index) -> tuple[list[Target], list[Passage]]:
    rows, passages = extract_targets(index)
    flag(rows)
    return rows, passages


def target_table(index: Index, province: str | None = None, year: int | None = None) -> TargetTable:
    """The library's targets, flagged, optionally only one province's (with the national ones
    it is compared against) and one target year."""
    rows, passages = index.remember("targets", lambda: _flagged(index))
    rows = [replace(r, flags=list(r.flags)) for r in rows]  # callers may renumber their copies
    if province:
        rows = [r for r in rows if r.region in (province, NATIONAL)]
    if year:
        rows = [r for r in rows if r.year == year]
    return TargetTable(rows, _renumbered(rows, passages), province, year)


def _renumbered(rows: list[Target], passages: list[Passage]) -> list[Passage]:
    """Only the passages the rows cite, numbered in row order."""
    kept: dict[int, Passage] = {}
    for row in rows:
        old = passages[row.citation - 1]
        row.citation = kept.setdefault(old.n, Passage(len(kept) + 1, old.chunk, 0.0)).n
    return list(kept.values())
