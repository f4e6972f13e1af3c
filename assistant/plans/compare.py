"""The province comparison matrix: measures as rows, 国家层面 and the chosen provinces as
columns; each cell holds that column's own sentences, cited and checked like plan items, or
资料未涉及.

A province's cell takes only its own material — its own texts, or a national text naming it as
the actor — never another province's (the drafter's `origin`). The rows are the national
measures the library names (the plan's coverage list) or, for a topic, the national texts'
sentences on it, each a sub-measure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..index.state import Index
from ..schema import Passage, PlanItem
from ..text.overlap import NearDuplicates
from ..text.regions import Province
from ..text.segment import content_words
from ..tuning import TUNING
from .drafter import Candidate, PlanDrafter
from .numbering import PassageNumbers
from .offline import focus_part
from .outline import named_measures, verify_plan_items
from .provinces import PlanError, clean_focus, resolve_province
from .template import Part, PlanTemplate

NATIONAL = "国家层面"
NOT_COVERED = "资料未涉及"
MAX_PROVINCES = 6
CELL_ITEMS = 2
SUB_MEASURES = 6
_SUB_KEYWORDS = 4  # a sub-measure's keywords: its rarest content words
_HEADING_CHARS = 40
TUNE = TUNING.plan


@dataclass
class CompareRow:
    key: str
    measure: str
    cells: dict[str, list[PlanItem]]  # column → its items (empty: 资料未涉及)


@dataclass
class Comparison:
    provinces: list[str]
    topic: str | None
    rows: list[CompareRow]
    passages: list[Passage]
    notes: list[str] = field(default_factory=list)

    @property
    def columns(self) -> list[str]:
        return [NATIONAL, *self.provinces]

    def items(self) -> list[PlanItem]:
        return [item for row in self.rows for cell in row.cells.values() for item in cell]

    def to_json(self) -> dict[str, object]:
        return {
            "provinces": self.provinces,
            "topic": self.topic,
            "columns": self.columns,
            "rows": [
                {
                    "key": row.key,
                    "measure": row.measure,
                    "cells": {
                        column: [item.to_json() for item in row.cells[column]]
                        for column in self.columns
                    },
                }
                for row in self.rows
            ],
            "passages": [p.to_json() for p in self.passages],
            "notes": self.notes,
        }


def resolve_provinces(names: Sequence[str]) -> list[Province]:
    """Distinct provinces in the order given; `PlanError` for an unknown name or too many."""
    found = list(dict.fromkeys(resolve_province(n) for n in names if n.strip()))
    if not found:
        raise PlanError("请至少指定一个省份，例如：河北,辽宁,陕西。")
    if len(found) > MAX_PROVINCES:
        raise PlanError(f"一次最多对比{MAX_PROVINCES}个省份（收到{len(found)}个）。")
    return found


def compare(
    index: Index, template: PlanTemplate, names: Sequence[str], topic: str | None = None
) -> Comparison:
    """The matrix for `names` (province names as typed); raises `PlanError` for bad input."""
    provinces = resolve_provinces(names)
    topic = clean_focus(topic)
    numbers = PassageNumbers()
    drafters = {p.name: PlanDrafter(index, p, numbers) for p in provinces}
    first = next(iter(drafters.values()))
    parts = _topic_rows(index, first, template, topic) if topic else _measure_rows(index, template)
    rows = [CompareRow(part.key, part.heading, {}) for part in parts]
    # each drafter's candidates once per row: the national column reads the first drafter's
    found = {name: [d.candidates(part) for part in parts] for name, d in drafters.items()}
    columns = [(NATIONAL, next(iter(found)), "national")]
    columns += [(name, name, "province") for name in drafters]
    for column, source, origin in columns:
        cells = _column(drafters[source], parts, found[source], origin)
        for row, items in zip(rows, cells, strict=True):
            row.cells[column] = items
    result = Comparison([p.name for p in provinces], topic, rows, _in_reading_order(rows, numbers))
    verify_plan_items(result.items(), result.passages)
    if not rows:
        result.notes.append("资料库中没有找到可对比的举措。")
    for name in result.provinces:
        if not any(row.cells[name] for row in rows):
            result.notes.append(f"资料库中没有{name}在这些举措上的材料，该列均为“{NOT_COVERED}”。")
    return result


def _in_reading_order(rows: list[CompareRow], numbers: PassageNumbers) -> list[Passage]:
    """Number the cited passages as the table is read, row by row, left to right."""
    passages: dict[str, Passage] = {}
    for row in rows:
        for items in row.cells.values():
            for item in items:
                chunks = [c for n in item.citations if (c := numbers.chunk(n)) is not None]
                item.citations = tuple(
                    passages.setdefault(c.chunk_id, Passage(len(passages) + 1, c, 0.0)).n
                    for c in chunks
                )
    return list(passages.values())


def _measure_rows(index: Index, template: PlanTemplate) -> list[Part]:
    return [part for part, _ in named_measures(index, template)]


def _topic_rows(
    index: Index, drafter: PlanDrafter, template: PlanTemplate, topic: str
) -> list[Part]:
    """The national texts' sentences on the topic, each a row with its rarest words as
    keywords; the topic itself as the one row when the national texts say nothing on it."""
    part = focus_part(template, topic)
    found = [c for c in drafter.candidates(part) if c.origin == "national"]
    seen = NearDuplicates(TUNE.duplicate_overlap)
    rows = []
    for candidate in found:
        if len(rows) == SUB_MEASURES:
            break
        if candidate.score < TUNE.min_score or not seen.add(candidate.sentence):
            continue
        words = sorted(set(w for w in content_words(candidate.sentence) if len(w) >= 2))
        rare = sorted(words, key=index.idf, reverse=True)[:_SUB_KEYWORDS]
        heading = candidate.sentence.rstrip("。；;")
        if len(heading) > _HEADING_CHARS:
            heading = heading[:_HEADING_CHARS] + "…"
        rows.append(
            Part(
                key=f"topic-{len(rows) + 1}",
                heading=heading,
                query=candidate.sentence,
                keywords=tuple(dict.fromkeys((*part.keywords, *rare))),
                items=CELL_ITEMS,
            )
        )
    return rows or [part]


def _column(
    drafter: PlanDrafter, parts: list[Part], found: list[list[Candidate]], origin: str
) -> list[list[PlanItem]]:
    """Each row's cell for one column: up to `CELL_ITEMS` of the column's own sentences that
    themselves name the measure (a cell shows the sentence alone, not the neighbours the
    drafter judged it with), each in the one row where it scores best — a province with one
    relevant sentence does not repeat it down the table."""
    scored = [
        (candidate.score, r, candidate)
        for r, (part, candidates) in enumerate(zip(parts, found, strict=True))
        for candidate in candidates
        if candidate.origin == origin
        and candidate.score >= TUNE.min_score
        and any(k in candidate.sentence for k in part.keywords)
    ]
    scored.sort(key=lambda s: (-s[0], s[1], s[2].chunk.chunk_id, s[2].position))
    chosen: list[list[Candidate]] = [[] for _ in parts]
    seen = NearDuplicates(TUNE.duplicate_overlap)
    for _, r, candidate in scored:
        if len(chosen[r]) < CELL_ITEMS and seen.add(candidate.sentence):
            chosen[r].append(candidate)
    return [
        [
            PlanItem(
                text=c.sentence.strip(),
                citations=(drafter.numbers.cite(c.chunk),),
                origin=c.origin,  # type: ignore[arg-type]
                region=c.region,
                measure=part.key,
            )
            for c in cell
        ]
        for part, cell in zip(parts, chosen, strict=True)
    ]
