"""A 新旧对照表: the old and the new text side by side, changed figures marked, as Markdown,
JSON or a two-column 公文 DOCX."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import IO

from .diff import Change, VersionDiff
from .files import write_as
from .render_common import one_line

FORMATS = ("md", "json", "docx")
KIND_LABELS = {"changed": "修改", "removed": "删除", "added": "新增", "same": "未变"}
_COLUMN_MM = (78.0, 78.0)  # 原文 | 新文: the 156 mm text width
_EMPTY = {"added": "（新增）", "removed": "（删除）"}


def title(diff: VersionDiff) -> str:
    return f"《{diff.new.title}》与《{diff.old.title}》新旧对照表"


def marked(text: str, figures: list[str], left: str = "**", right: str = "**") -> str:
    """The text with each of `figures` wrapped in the marks (longest first, once each)."""
    if not figures:
        return text
    pattern = "|".join(re.escape(f) for f in sorted(figures, key=len, reverse=True))
    return re.sub(f"(?<![0-9.])({pattern})(?![0-9.])", rf"{left}\1{right}", text)


def _shown(diff: VersionDiff, unchanged: bool) -> list[Change]:
    return [c for c in diff.changes if unchanged or c.kind != "same"]


def to_markdown(diff: VersionDiff, *, unchanged: bool = False) -> str:
    def cell(text: str) -> str:
        return one_line(text).replace("|", "｜") or "—"

    counts = diff.counts()
    summary = "，".join(
        f"{KIND_LABELS[k]} {counts.get(k, 0)} 句" for k in KIND_LABELS if k != "same"
    )
    lines = [
        f"# {title(diff)}",
        "",
        f"原文：《{diff.old.title}》（{diff.old.doc_id}）；新文：《{diff.new.title}》（{diff.new.doc_id}）。",
        f"{summary}；数字有变化处加粗。",
        "",
        "| 原文 | 新文 | 变化 |",
        "|---|---|---|",
    ]
    for change in _shown(diff, unchanged):
        old = marked(change.old, change.old_figures)
        new = marked(change.new, change.new_figures)
        lines.append(f"| {cell(old)} | {cell(new)} | {KIND_LABELS[change.kind]} |")
    return "\n".join(lines) + "\n"


def to_json(diff: VersionDiff, *, unchanged: bool = False) -> str:
    return json.dumps(diff.to_json(unchanged=unchanged), ensure_ascii=False, indent=2)


def to_docx(diff: VersionDiff, target: str | Path | IO[bytes], *, unchanged: bool = False) -> None:
    """The usual two-column 新旧对照表 (原文 | 新文): a removed sentence faces （删除）, an added
    one （新增）; changed figures in bold and highlighted."""
    from docx.enum.text import WD_COLOR_INDEX

    from .gongwen import BODY, TABLE_SIZE, grid_table, new_document, paragraph_in, run_in

    document = new_document(one_line(title(diff)))
    paragraph_in(
        document,
        BODY,
        f"原文：《{diff.old.title}》；新文：《{diff.new.title}》。数字有变化处加粗标出。",
    )
    changes = _shown(diff, unchanged)
    rows = [["原文", "新文"]] + [["", ""] for _ in changes]
    table = grid_table(document, "", rows, _COLUMN_MM, new_page=False)
    for row, change in zip(table.rows[1:], changes, strict=True):
        for cell, text, figures in (
            (row.cells[0], change.old, change.old_figures),
            (row.cells[1], change.new, change.new_figures),
        ):
            paragraph = cell.paragraphs[0]
            text = text or _EMPTY.get(change.kind, "")
            for piece in re.split(r"(\x00[^\x00]*\x00)", marked(text, figures, "\x00", "\x00")):
                if not piece:
                    continue
                run = run_in(paragraph, piece.strip("\x00"), BODY.font, TABLE_SIZE)
                if piece.startswith("\x00"):
                    run.font.bold = True
                    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    document.save(target)


def write(diff: VersionDiff, fmt: str, path: str | Path, *, unchanged: bool = False) -> Path:
    return write_as(
        fmt,
        path,
        {
            "md": lambda: to_markdown(diff, unchanged=unchanged),
            "json": lambda: to_json(diff, unchanged=unchanged),
            "docx": (lambda target: to_docx(diff, target, unchanged=unchanged),),
        },
    )
