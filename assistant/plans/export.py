"""Write a plan outline to a file: Markdown, JSON or 公文-style DOCX."""

from __future__ import annotations

from pathlib import Path

from ..schema import PlanOutline
from .export_docx import to_docx
from .export_md import EXPORTERS

FORMATS = ("md", "json", "docx")


def write(outline: PlanOutline, fmt: str, path: str | Path) -> Path:
    """Write the outline as `md` or `json` (UTF-8) or `docx` to `path`, creating its folder."""
    if fmt != "docx" and fmt not in EXPORTERS:
        raise ValueError(f"unknown format: {fmt!r} (md, json or docx)")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "docx":
        to_docx(outline, path)
    else:
        path.write_text(EXPORTERS[fmt](outline).rstrip("\n") + "\n", encoding="utf-8")
    return path
