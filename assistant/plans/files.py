"""What every export shares: writing one format to a path, and the spreadsheet's 参考依据 sheet."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from ..schema import Passage
from .render_common import cited_work

Text = Callable[[], str]  # a text format: the whole file as a string (UTF-8)
Binary = Callable[[Path], None]  # a binary format writes the file itself


def write_as(fmt: str, path: str | Path, formats: Mapping[str, Text | tuple[Binary]]) -> Path:
    """Write `fmt` to `path`, creating its folder; `formats` maps each format to a function
    giving the text, or to a one-tuple of a function writing the file (docx, xlsx)."""
    if fmt not in formats:
        raise ValueError(f"unknown format: {fmt!r} ({', '.join(formats)})")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    how = formats[fmt]
    if isinstance(how, tuple):
        how[0](path)
    else:
        path.write_text(how().rstrip("\n") + "\n", encoding="utf-8")
    return path


def sources_sheet(book, passages: Sequence[Passage]) -> None:  # book: openpyxl Workbook
    """A sheet 参考依据: each cited passage's number, work, document id and text."""
    from openpyxl.styles import Font

    sheet = book.create_sheet("参考依据")
    sheet.append(["编号", "文件", "文档编号", "段落"])
    for p in passages:
        sheet.append([p.n, cited_work(p), p.chunk.doc_id, p.text])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["B"].width = 40
    sheet.column_dimensions["D"].width = 100
