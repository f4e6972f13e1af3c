"""The comparison matrix as Markdown, JSON, a 公文 table (DOCX) or a spreadsheet (XLSX).

Every rendering shows the same cells: each item with its [n] markers, a flagged item with the
reason, an empty cell as 资料未涉及, and the numbered passages below (or on a second sheet).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from ..schema import PlanItem
from .compare import NOT_COVERED, Comparison
from .files import sources_sheet, write_as
from .render_common import cited_work, clause, marks, one_line, pending

FORMATS = ("md", "json", "docx", "xlsx")
_MEASURE_MM = 30.0
_TEXT_MM = 156.0  # the 公文 text width
_WIDE_AFTER = 3  # columns past this many: the DOCX table turns to a landscape page


def title(comparison: Comparison) -> str:
    what = f"“{comparison.topic}”" if comparison.topic else "重点举措"
    return f"{'、'.join(comparison.provinces)}{what}对比表"


def cell_text(items: list[PlanItem], separator: str = "\n") -> str:
    """A cell's items, each “text[n]” with a flag where the check did not support it."""
    if not items:
        return NOT_COVERED
    lines = []
    for item in items:
        line = f"{clause(item.text)}{marks(item.citations)}。"
        if item.status != "supported":
            line += f"〔待核：{pending(item)}〕"
        lines.append(line)
    return separator.join(lines)


def to_markdown(comparison: Comparison) -> str:
    def safe(text: str) -> str:
        return one_line(text).replace("|", "｜")

    columns = comparison.columns
    lines = [f"# {title(comparison)}", ""]
    lines += ["| 举措 | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for row in comparison.rows:
        cells = [safe(cell_text(row.cells[c], " ")).replace("。 ", "。<br>") for c in columns]
        lines.append(f"| {safe(row.measure)} | " + " | ".join(cells) + " |")
    lines.append("")
    if comparison.notes:
        lines += ["**说明**", ""] + [f"- {one_line(n)}" for n in comparison.notes] + [""]
    lines += ["## 参考依据", ""]
    lines += [f"[{p.n}] {cited_work(p)}：{one_line(p.text)}" for p in comparison.passages]
    return "\n".join(lines) + "\n"


def to_json(comparison: Comparison) -> str:
    return json.dumps(comparison.to_json(), ensure_ascii=False, indent=2)


def to_docx(comparison: Comparison, target: str | Path | IO[bytes]) -> None:
    """A 公文 document: the title, the table (landscape when wide), notes and 参考依据."""
    from .gongwen import BODY, LEVEL1, REFERENCE, grid_table, landscape, new_document, paragraph_in

    document = new_document(title(comparison))
    columns = comparison.columns
    width = _TEXT_MM
    if len(columns) > _WIDE_AFTER:
        width = landscape(document)
    share = (width - _MEASURE_MM) / len(columns)
    rows = [["举措", *columns]] + [
        [one_line(row.measure), *(cell_text(row.cells[c]) for c in columns)]
        for row in comparison.rows
    ]
    grid_table(document, "", rows, [_MEASURE_MM] + [share] * len(columns), new_page=False)
    if comparison.notes:
        paragraph_in(document, LEVEL1, "说明")
        for note in comparison.notes:
            paragraph_in(document, BODY, one_line(note))
    paragraph_in(document, LEVEL1, "参考依据")
    for p in comparison.passages:
        paragraph_in(document, REFERENCE, f"[{p.n}]{cited_work(p)}：{one_line(p.text)}")
    document.save(target)


def to_xlsx(comparison: Comparison, target: str | Path | IO[bytes]) -> None:
    """Sheet 对比: the matrix, cells wrapped; sheet 参考依据: every passage with its document."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "对比"
    sheet.append(["举措", *comparison.columns])
    for row in comparison.rows:
        sheet.append([row.measure, *(cell_text(row.cells[c]) for c in comparison.columns)])
    wrap = Alignment(wrap_text=True, vertical="top")
    for line in sheet.iter_rows():
        for cell in line:
            cell.alignment = wrap
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = 24
    for letter in (chr(ord("B") + i) for i in range(len(comparison.columns))):
        sheet.column_dimensions[letter].width = 48
    sources_sheet(book, comparison.passages)
    book.properties.title = title(comparison)
    book.save(target)


def write(comparison: Comparison, fmt: str, path: str | Path) -> Path:
    """Write the matrix as md, json (UTF-8), docx or xlsx to `path`, creating its folder."""
    return write_as(
        fmt,
        path,
        {
            "md": lambda: to_markdown(comparison),
            "json": lambda: to_json(comparison),
            "docx": (lambda target: to_docx(comparison, target),),
            "xlsx": (lambda target: to_xlsx(comparison, target),),
        },
    )
