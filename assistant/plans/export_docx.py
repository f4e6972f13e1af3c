"""A plan outline as a 公文-style DOCX (the layout: `gongwen.py`): heading levels 一、(黑体)
（一）(楷体) 1. （1）(仿宋), citations as superscript [n]; then a 说明 block, the coverage
table and the 参考依据 list.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from docx.document import Document as DocxDocument

from ..schema import CoverageRow, PlanItem, PlanOutline, PlanSection
from .gongwen import (
    BODY,
    LEVEL1,
    LEVEL2,
    REFERENCE,
    grid_table,
    new_document,
    paragraph_in,
    run_in,
)
from .render_common import borrowed, cited_work, clause, marks, one_line, pending

TABLE_HEADER = ("举措", "是否覆盖", "对应条目", "引用")
TABLE_WIDTHS_MM = (52, 22, 50, 32)  # fills the 156 mm text width


def _docx_item(document: DocxDocument, number: str, item: PlanItem) -> None:
    paragraph = paragraph_in(document, BODY, f"{number}{clause(item.text)}")
    if label := borrowed(item):
        run_in(paragraph, label, LEVEL2.font, BODY.size)
    if item.citations:
        run_in(paragraph, marks(item.citations), BODY.font, BODY.size).font.superscript = True
    run_in(paragraph, "。", BODY.font, BODY.size)
    if item.status != "supported":
        marker = run_in(paragraph, "〔引用待核〕", LEVEL1.font, BODY.size)
        document.add_comment(marker, pending(item), author="政策助手")


def _docx_section(document: DocxDocument, section: PlanSection, depth: int) -> None:
    paragraph_in(document, LEVEL1 if depth == 0 else LEVEL2, f"{section.number}{section.heading}")
    if section.note:
        paragraph_in(document, BODY, f"（起草提示：{one_line(section.note)}）", LEVEL2.font)
    for i, item in enumerate(section.items, 1):
        _docx_item(document, f"{i}.", item)
        for j, detail in enumerate(item.details, 1):
            _docx_item(document, f"（{j}）", detail)
    for sub in section.subsections:
        _docx_section(document, sub, depth + 1)


def _coverage_table(document: DocxDocument, coverage: list[CoverageRow]) -> None:
    rows = [TABLE_HEADER] + [
        (one_line(r.measure), "是" if r.covered else "否", "、".join(r.items), marks(r.citations))
        for r in coverage
    ]
    grid_table(document, "附表　重点举措覆盖对照表", rows, TABLE_WIDTHS_MM, centred=(1,))


def to_docx(outline: PlanOutline, target: str | Path | IO[bytes]) -> None:
    """Write the outline as a 公文-style Word document to a path or a binary stream."""
    document = new_document(one_line(outline.title))
    for section in outline.sections:
        _docx_section(document, section, 0)
    if outline.notes:
        paragraph_in(document, LEVEL1, "说明")
        for note in outline.notes:
            paragraph_in(document, BODY, one_line(note))
    _coverage_table(document, outline.coverage)
    paragraph_in(document, LEVEL1, "参考依据")
    for p in outline.passages:
        paragraph_in(document, REFERENCE, f"[{p.n}]{cited_work(p)}：{one_line(p.text)}")
    document.save(target)
