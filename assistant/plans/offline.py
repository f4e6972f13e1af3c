"""The offline outline: templates → retrieval per part → cited items → coverage matrix.

Each item is a sentence of a retrieved passage, lightly normalised into measure form (要…/推动…)
— numbers and names are never touched.
"""

from __future__ import annotations

import time

from ..index.state import Index
from ..schema import PlanItem, PlanOutline
from ..text.regions import Province
from ..text.segment import content_words
from .drafter import PlanDrafter
from .outline import assemble, coverage_matrix, material_note, named_measures, verify_items
from .template import Part, PlanTemplate

_FOCUS_ITEMS = 3


def draft_offline(
    index: Index, template: PlanTemplate, province: Province, focus: str | None = None
) -> PlanOutline:
    started = time.perf_counter()
    drafter = PlanDrafter(index, province)
    named = named_measures(index, template)
    named_keys = {part.key for part, _ in named}
    focused = focus_part(template, focus) if focus else None
    task_parts = [part for part, _ in named]
    if focused is not None:
        task_parts = [focused] + [p for p in task_parts if p.key != focused.key]

    # Tasks claim their sentences first, then safeguards, then the general requirements.
    drafted: dict[str, list[PlanItem]] = {}
    order = task_parts + [p for c in template.chapters if c.key != "tasks" for p in c.parts][::-1]
    for part in order:
        measure = part.key if part.key in named_keys else None
        drafted[part.key] = drafter.items_for(
            part, measure=measure, measures=part.form == "measure"
        )
    sections = assemble(template, drafted, province, tasks=task_parts)
    outline = PlanOutline(
        province=province.name,
        title=template.title.replace("{province}", province.name),
        sections=sections,
        coverage=coverage_matrix(sections, named),
        passages=drafter.numbers.passages,
        notes=[
            material_note(drafter.own_material, province),
            *_focus_notes(focus, focused, drafted),
        ],
        focus=focus,
        has_specific_material=drafter.has_specific_material,
        prompt_version=template.prompt.version,
    )
    uncovered = [row.measure for row in outline.coverage if not row.covered]
    if uncovered:
        outline.notes.append(f"以下国家层面举措未找到可引用的条目：{'、'.join(uncovered)}。")
    verify_items(outline)
    outline.timings_ms["draft"] = (time.perf_counter() - started) * 1000
    return outline


def _focus_notes(
    focus: str | None, part: Part | None, drafted: dict[str, list[PlanItem]]
) -> list[str]:
    if not focus:
        return []
    if part is not None and not drafted[part.key]:
        return [f"资料中没有与“{focus}”直接相关的内容，未能单列该方向的任务。"]
    return [f"按要求突出“{focus}”方向，相关任务列为重点任务第一项。"]


def focus_part(template: PlanTemplate, focus: str) -> Part:
    """The task part a focus names (人工智能 → the “人工智能+” task), or a new part for it."""
    for part in template.tasks.parts:
        if focus in part.heading or any(k in focus for k in part.keywords if len(k) >= 2):
            return part
    words = tuple(dict.fromkeys(w for w in content_words(focus) if len(w) >= 2)) or (focus,)
    return Part(
        key="focus", heading=f"聚焦{focus}", query=focus, keywords=words, items=_FOCUS_ITEMS
    )
