"""Word files (.docx): paragraphs, headings and tables; old .doc and encrypted files refused."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from .dates import find_date
from .files import TITLE_CHARS, WORDISH, Extracted, ExtractError, edges, first_line

_DOCX_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)  # python-docx's own default.docx


def check_word(path: Path, name: str, suffix: str) -> None:
    """Old binary .doc files (and password-protected .docx) are OLE containers, not zips."""
    with path.open("rb") as handle:
        head = handle.read(4)
    if head == b"\xd0\xcf\x11\xe0" and "EncryptedPackage".encode("utf-16-le") in path.read_bytes():
        raise ExtractError(f"{name}：Word 文件已加密，无法读取")
    if head == b"\xd0\xcf\x11\xe0" or (suffix == ".doc" and not head.startswith(b"PK")):
        raise ExtractError(f"{name}：旧版 .doc 格式不支持，请另存为 .docx")


def _blocks(parent) -> Iterator:
    """Body paragraphs and tables in document order, including those inside content controls."""
    for child in parent.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag in ("p", "tbl"):
            yield child
        elif tag in ("sdt", "sdtContent", "customXml"):
            yield from _blocks(child)


def _table_lines(table) -> list[str]:
    """Row by row as "表头1：值1；表头2：值2。"; a cell merged across columns is read once."""
    rows = []
    for row in table.rows:
        cells, seen = [], []
        for cell in row.cells:  # a merged cell comes back once per column it spans
            cells.append("" if cell._tc in seen else re.sub(r"\s+", " ", cell.text).strip())
            seen.append(cell._tc)
        rows.append(cells)
    if len(rows) <= 1:
        return ["；".join(c for c in rows[0] if c) + "。"] if rows and any(rows[0]) else []
    header, lines = rows[0], []
    for cells in rows[1:]:
        pairs = [
            f"{header[i]}：{value}" if i < len(header) and header[i] else value
            for i, value in enumerate(cells)
            if value
        ]
        if pairs:
            lines.append("；".join(pairs) + "。")
    return lines


def docx_file(path: Path, name: str) -> Extracted:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
        lines, paragraphs, styled_title = [], [], None
        for child in _blocks(document.element.body):
            if child.tag.endswith("}p"):
                paragraph = Paragraph(child, document)
                text = paragraph.text.strip()
                style = paragraph.style.name if paragraph.style is not None else ""
                if text and not styled_title and style.startswith(("Title", "Heading 1", "标题")):
                    styled_title = text
                if text:
                    lines.append(text)
                    paragraphs.append(text)
            else:
                lines += _table_lines(Table(child, document))
        properties = document.core_properties
        title, created = (properties.title or "").strip(), properties.created
    except Exception:  # zip, XML and python-docx errors alike mean a damaged file
        raise ExtractError(f"{name}：Word 文件已损坏或不完整，无法打开") from None
    text = "\n".join(lines)
    if not WORDISH.search(text):
        raise ExtractError(f"{name}：文件中没有文字")
    date = find_date(edges(text))
    if not date and created and created.replace(tzinfo=None) != _DOCX_TEMPLATE_CREATED:
        date = created.strftime("%Y-%m-%d")
    title = (title or styled_title or "")[:TITLE_CHARS] or first_line(paragraphs)
    return Extracted(text, title, date, None, "docx")
