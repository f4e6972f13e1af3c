"""Write a plan outline to a file: Markdown, JSON or 公文-style DOCX."""

from __future__ import annotations

from pathlib import Path

from ..schema import PlanOutline
from .export_docx import to_docx
from .export_md import EXPORTERS
from .files import write_as

FORMATS = ("md", "json", "docx")


def write(outline: PlanOutline, fmt: str, path: str | Path) -> Path:
    """Write the outline as `md` or `json` (UTF-8) or `docx` to `path`, creating its folder."""
    formats = {name: (lambda e=e: e(outline)) for name, e in EXPORTERS.items()}
    return write_as(fmt, path, formats | {"docx": (lambda target: to_docx(outline, target),)})
