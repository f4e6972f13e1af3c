"""A plan outline as Markdown or as the `plan --format json` contract."""

from __future__ import annotations

import json
from collections.abc import Callable

from ..schema import CoverageRow, Passage, PlanItem, PlanOutline, PlanSection
from .render_common import borrowed, cited_work, clause, marks, one_line, pending


def _md_item(item: PlanItem) -> str:
    line = f"{clause(item.text)}{borrowed(item)}{marks(item.citations)}。"
    return line if item.status == "supported" else f"{line} ⚠ 引用待核（{pending(item)}）"


def _md_section(section: PlanSection, depth: int) -> list[str]:
    lines = [f"{'#' * min(depth, 6)} {section.number}{section.heading}", ""]
    if section.note:
        lines += [f"*（起草提示：{one_line(section.note)}）*", ""]
    for i, item in enumerate(section.items, 1):
        lines += [f"{i}. {_md_item(item)}", ""]
        pad = " " * len(f"{i}. ")  # keeps the details inside the numbered item
        for j, detail in enumerate(item.details, 1):
            lines += [f"{pad}（{j}）{_md_item(detail)}", ""]
    for sub in section.subsections:
        lines += _md_section(sub, depth + 1)
    return lines


def _cell(text: str) -> str:
    return one_line(text).replace("|", "\\|")


def _md_row(row: CoverageRow) -> str:
    cells = (
        row.measure,
        "✓" if row.covered else "✗",
        "、".join(row.items),
        marks(row.citations),
        "、".join(row.sources),
    )
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _md_reference(passage: Passage, limit: int = 120) -> str:
    text = one_line(passage.text)
    text = text[:limit] + "…" if len(text) > limit else text
    return f"[{passage.n}] {cited_work(passage)}{passage.chunk.chunk_id}：{text}"


def to_markdown(outline: PlanOutline) -> str:
    """Render the outline, its notes, the coverage table and the cited passages as Markdown."""
    lines = [f"# {outline.title}", ""]
    for section in outline.sections:
        lines += _md_section(section, 2)
    if outline.notes:
        lines += ["## 说明", "", *(f"- {one_line(note)}" for note in outline.notes), ""]
    lines += ["## 重点举措覆盖对照表", "", "| 举措 | 是否覆盖 | 对应条目 | 引用 | 资料出处 |"]
    lines += ["| --- | --- | --- | --- | --- |", *(_md_row(row) for row in outline.coverage), ""]
    lines += ["## 参考依据", "", *(f"- {_md_reference(p)}" for p in outline.passages)]
    return "\n".join(lines) + "\n"


def to_json(outline: PlanOutline) -> str:
    """Render the `plan --format json` contract."""
    return json.dumps(outline.to_json(), ensure_ascii=False, indent=2)


EXPORTERS: dict[str, Callable[[PlanOutline], str]] = {"md": to_markdown, "json": to_json}
