"""The targets table as Markdown, JSON or a spreadsheet (XLSX)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from ..corpus.metadata import NATIONAL
from ..labels import LEVEL_LABELS
from .files import sources_sheet, write_as
from .render_common import cited_work, one_line
from .targets import Target, TargetTable

FORMATS = ("md", "json", "xlsx")
HEADER = (
    "指标",
    "目标值",
    "单位",
    "比较",
    "目标年份",
    "地区",
    "层级",
    "文件",
    "原文",
    "引用",
    "提示",
)


def row_cells(row: Target) -> list[object]:
    notes = list(row.flags)
    if row.status != "supported":
        notes.insert(0, f"待核：{'；'.join(row.issues) or row.status}")
    return [
        row.indicator,
        row.value,
        row.unit,
        row.comparator,
        row.year or "",
        row.region,
        "国家层面" if row.region == NATIONAL else LEVEL_LABELS.get(row.level, row.level),
        f"《{row.title}》",
        row.text,
        f"[{row.citation}]",
        "；".join(notes),
    ]


def title(table: TargetTable) -> str:
    scope = table.province or "全部地区"
    year = f"{table.year}年" if table.year else "各年度"
    return f"量化目标一览（{scope}，{year}）"


def to_markdown(table: TargetTable) -> str:
    def cell(value: object) -> str:
        return one_line(str(value)).replace("|", "｜")

    lines = [f"# {title(table)}", "", "| " + " | ".join(HEADER) + " |", "|---" * len(HEADER) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row_cells(r)) + " |" for r in table.rows]
    if not table.rows:
        lines.append("\n资料库中没有找到符合条件的量化目标。")
    lines += ["", "## 参考依据", ""]
    lines += [f"[{p.n}] {cited_work(p)}：{one_line(p.text)}" for p in table.passages]
    return "\n".join(lines) + "\n"


def to_json(table: TargetTable) -> str:
    return json.dumps(table.to_json(), ensure_ascii=False, indent=2)


def to_xlsx(table: TargetTable, target: str | Path | IO[bytes]) -> None:
    """Sheet 目标: one row a target (values as text, exactly as written); sheet 参考依据."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "目标"
    sheet.append(list(HEADER))
    for row in table.rows:
        sheet.append(row_cells(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.column == 2:
                cell.number_format = "@"  # the value as written: “5.50” stays “5.50”
    widths = (24, 10, 8, 8, 10, 10, 10, 30, 40, 8, 30)
    for i, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + i)].width = width
    sheet.freeze_panes = "B2"
    sources_sheet(book, table.passages)
    book.properties.title = title(table)
    book.save(target)


def write(table: TargetTable, fmt: str, path: str | Path) -> Path:
    """Write the table as md, json (UTF-8) or xlsx to `path`, creating its folder."""
    return write_as(
        fmt,
        path,
        {
            "md": lambda: to_markdown(table),
            "json": lambda: to_json(table),
            "xlsx": (lambda target: to_xlsx(table, target),),
        },
    )
