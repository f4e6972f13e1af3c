"""PDF files with a text layer; a scanned PDF is reported as needing OCR."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from .dates import find_date
from .files import TITLE_CHARS, WORDISH, Extracted, ExtractError, edges, first_line

_MIN_PDF_CHARS = 20


def _pdf_title(metadata) -> str | None:
    title = re.sub(r"\s+", " ", str(metadata.title or "")).strip() if metadata else ""
    placeholder = (
        title.lower() in ("", "untitled", "无标题", "unknown")
        or title.lower().endswith((".doc", ".docx", ".pdf", ".wps", ".txt"))
        or title.lower().startswith("microsoft word -")
    )
    return None if placeholder else title[:TITLE_CHARS]


def pdf_file(path: Path, name: str) -> Extracted:
    from pypdf import PdfReader

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                unlocked = reader.decrypt("")
            except Exception:  # e.g. AES without the optional crypto library
                unlocked = False
            if not unlocked:
                raise ExtractError(f"{name}：PDF 已加密，无法读取")
        text = "\n".join((page.extract_text() or "") for page in reader.pages)
    except ExtractError:
        raise
    except Exception:  # pypdf raises many kinds on broken or truncated files
        raise ExtractError(f"{name}：PDF 文件已损坏或不完整") from None
    if len(WORDISH.findall(text)) < _MIN_PDF_CHARS:
        raise ExtractError(f"{name}：PDF 没有文字层（可能是扫描件），请先做文字识别（OCR）后再导入")
    try:  # a broken info dictionary or date string must not lose a readable text
        metadata = reader.metadata
        created = metadata.creation_date if metadata else None
    except Exception:
        metadata = created = None
    date = find_date(edges(text))
    if not date and isinstance(created, datetime):
        date = created.strftime("%Y-%m-%d")
    return Extracted(text, _pdf_title(metadata) or first_line(text), date, None, "pdf")
