"""What both drafters share: sections assembled from the template, the coverage matrix, the
note on the province's material, and the verification of every item."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from ..answer.verify import verify_sentence
from ..corpus.metadata import NATIONAL
from ..index.state import Index
from ..schema import CoverageRow, Passage, PlanItem, PlanOutline, PlanSection
from ..text.regions import Province, find_provinces
from .template import Part, PlanTemplate

_DIGITS = "零一二三四五六七八九"
_SOURCES_PER_MEASURE = 3
_NAMED_KEYWORDS = 2  # an item naming this many of a measure's keywords covers it
SCARCE_SENTENCES = 5  # fewer sentences about the province than this: the note says so
_NAMED_TITLES = 6  # the note names this many of the province's texts, then counts the rest


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (enough for headings)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return f"{_DIGITS[tens] if tens > 1 else ''}十{_DIGITS[ones] if ones else ''}"


def _label(chapter: int, part: int, item: int) -> str:
    return f"{chinese_number(chapter + 1)}（{chinese_number(part + 1)}）{item + 1}"


def assemble(
    template: PlanTemplate,
    items: dict[str, list[PlanItem]],
    province: Province,
    tasks: list[Part] | None = None,
) -> list[PlanSection]:
    """一、总体要求 / 二、重点任务 / 三、保障措施, each part a （一） subsection with its items.

    `tasks` overrides the task parts (and their order); a part with no items and no drafting
    note is left out.
    """
    sections = []
    for number, chapter in enumerate(template.chapters):
        parts = tasks if chapter.key == "tasks" and tasks is not None else list(chapter.parts)
        shown = [p for p in parts if items.get(p.key) or p.note]
        subsections = [
            PlanSection(
                number=f"（{chinese_number(i + 1)}）",
                heading=part.heading,
                items=items.get(part.key, []),
                note=part.note.replace("{province}", province.name),
            )
            for i, part in enumerate(shown)
        ]
        sections.append(
            PlanSection(f"{chinese_number(number + 1)}、", chapter.heading, [], subsections)
        )
    return sections


def measure_sources(index: Index, part: Part) -> list[str]:
    """National chunks that name a measure, those naming most of its keywords first."""
    hits = np.zeros(len(index.chunks), dtype=np.int32)
    for keyword in part.keywords:
        hits[index.containing(keyword)] += 1
    hits[~index.field_in("region", (None, NATIONAL))] = 0
    found = np.flatnonzero(hits)
    if len(found) > _SOURCES_PER_MEASURE:  # only those that can make the top few are sorted
        floor = np.partition(hits[found], -_SOURCES_PER_MEASURE)[-_SOURCES_PER_MEASURE]
        found = found[hits[found] >= floor]
    scored = sorted((-int(hits[i]), index.chunks[i].chunk_id) for i in found)
    return [chunk_id for _, chunk_id in scored[:_SOURCES_PER_MEASURE]]


def named_measures(index: Index, template: PlanTemplate) -> list[tuple[Part, list[str]]]:
    """The task measures the corpus names, each with its national sources; the rest are dropped."""
    parts = template.tasks.parts
    key = "plan.measure_sources:" + repr([(p.key, p.keywords) for p in parts])
    found = index.remember(key, lambda: [measure_sources(index, part) for part in parts])
    return [(part, sources) for part, sources in zip(parts, found, strict=True) if sources]


def coverage_matrix(
    sections: list[PlanSection], measures: list[tuple[Part, list[str]]]
) -> list[CoverageRow]:
    """Each national measure against the outline: the items drafted for it or naming it."""
    rows = []
    for part, sources in measures:
        labels: list[str] = []
        citations: list[int] = []
        for c, chapter in enumerate(sections):
            for p, subsection in enumerate(chapter.subsections):
                for i, item in enumerate(subsection.items):
                    text = " ".join([item.text] + [d.text for d in item.details])
                    named = sum(k in text for k in part.keywords) >= _NAMED_KEYWORDS
                    if item.measure == part.key or named:
                        labels.append(_label(c, p, i))
                        citations += [n for n in item.citations if n not in citations]
        rows.append(CoverageRow(part.heading, bool(labels), labels, citations, sources))
    return rows


def verify_items(outline: PlanOutline) -> None:
    verify_plan_items(outline.items(), outline.passages)


def verify_plan_items(items: Iterable[PlanItem], passages: list[Passage]) -> None:
    """Check every item like an answer sentence, plus: each place it names is in its passages."""
    by_number = {p.n: p for p in passages}
    for item in items:
        marked = item.text + "".join(f"[{n}]" for n in item.citations)
        checked = verify_sentence(marked, passages)
        cited_text = "".join(by_number[n].text for n in item.citations if n in by_number)
        # stricter than an answer: an item's province must be named in its passages
        unnamed = [
            f"地名“{place.short}”未出现在所引段落中"
            for place in find_provinces(item.text)
            if not any(alias in cited_text for alias in place.aliases)
            and not any(place.short in issue for issue in checked.issues)
        ]
        item.support = checked.support
        item.issues = (*checked.issues, *unnamed)
        item.status = checked.status
        if unnamed and checked.status != "uncited":
            item.status = "unsupported"


def material_note(material: tuple[list[str], int], province: Province) -> str:
    """What the corpus holds about the province, for the outline's notes: `material` is the
    drafter's titles of texts about it and how many sentences they give."""
    titles, sentences = material
    if not titles:
        return (
            f"资料库中没有关于{province.name}的专门资料：本提纲依据国家层面文本和其他省份的做法拟定，"
            f"借鉴条目已标明来源省份，未写入任何关于{province.short}的具体事实、数字或地名。"
            f"起草时请补充{province.short}的实际情况。"
        )
    named = "、".join(f"《{t}》" for t in titles[:_NAMED_TITLES])
    if len(titles) > _NAMED_TITLES:
        named += f"等{len(titles)}份文件"
    scarce = f"，但只有{sentences}句涉及本省" if sentences < SCARCE_SENTENCES else ""
    return (
        f"资料库中有关于{province.name}的资料（{named}{scarce}），标注“本省”的条目取自这些资料；"
        "其余条目取自国家层面文本或其他省份的做法（已标明）。"
    )
