"""Text and metadata from one user file: .txt/.md, .html/.htm, .docx, .pdf.

`extract` returns the body (paragraphs separated by "\\n", not yet cleaned) with the title, date
and source the file itself states. Every file that cannot be ingested raises `ExtractError` with a
Chinese message that starts with the file name and says why ("坏.pdf：PDF 文件已损坏或不完整"),
so a batch can report it and move on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime
from itertools import chain
from pathlib import Path

SUPPORTED: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")

_TITLE_CHARS = 80
_MIN_PDF_CHARS = 20
_WORDISH = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")
_YMD = r"(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)"
_YM = r"(\d{4})\s*(?:[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月)"
_LABEL = r"(?:发布日期|发布时间|成文日期|印发日期|公布日期|(?<![\u4e00-\u9fff])日期)\s*[:：]?\s*"
_LABELLED, _LABELLED_YM = re.compile(_LABEL + _YMD), re.compile(_LABEL + _YM + r"(?!\s*[-/.\d])")
_ANY_DATE = re.compile(r"(?<!\d)" + _YMD)
# "research" and "canvas" are not noise; everything else matching these words is
_NOISE = re.compile(
    r"(?<!ca)nav|menu|breadcrumb|crumb|footer|sidebar|share|copyright|toolbar|login"
    r"|(?<!re)search|banner|links|pager",
    re.IGNORECASE,
)
_MAIN = re.compile(r"content|article|detail|TRS_Editor|zoom|main", re.IGNORECASE)
_DROP = "script style noscript iframe nav header footer aside form button select template svg"
_DROP_TAGS = frozenset(_DROP.split())
_BLOCK = "p div li h1 h2 h3 h4 h5 h6 tr br section article table ul ol dd dt"
_BLOCKS = frozenset(_BLOCK.split())
_DOCX_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)  # python-docx's own default.docx


class ExtractError(ValueError):
    """A file that cannot be ingested; str(exc) is a Chinese message starting with the file name."""


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str  # the body, paragraphs separated by "\n", not yet run through clean_text
    title: str | None
    date: str | None  # "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when only that is known
    source: str | None  # publishing outlet when the file says so
    format: str  # "txt" | "md" | "html" | "docx" | "pdf"


def extract(path: Path, name: str | None = None) -> Extracted:
    """Read one file, by its lower-cased suffix. `name` (an upload's original file name, if the
    file was saved under another) decides the format and starts every error message."""
    name = name or path.name
    suffix = Path(name).suffix.lower()
    if suffix not in _READERS and suffix != ".doc":
        raise ExtractError(f"{name}：不支持的格式（支持 {' '.join(SUPPORTED)}）")
    try:
        if path.stat().st_size == 0:
            raise ExtractError(f"{name}：文件为空")
        if suffix in (".doc", ".docx"):
            _check_word(path, name, suffix)
        return _READERS.get(suffix, _docx_file)(path, name)  # a ".doc" that is a zip is a .docx
    except OSError as exc:
        raise ExtractError(f"{name}：无法读取文件（{exc.strerror or exc}）") from None


def find_date(text: str) -> str | None:
    """A labelled date (发布日期/发布时间/成文日期/日期：) first, else the first full date anywhere
    (2025-03-01, 2025/3/1, 2025年3月1日), as "YYYY-MM-DD"; a labelled "2025年3月" gives "2025-03"."""
    return _date_in(text, (_LABELLED, _LABELLED_YM, _ANY_DATE))


def _date_in(text: str, patterns: tuple[re.Pattern, ...]) -> str | None:
    for pattern in patterns:
        for match in pattern.finditer(text):
            year, *rest = (int(g) for g in match.groups() if g)
            if not 1900 < year < 2200:
                continue
            if len(rest) == 1 and 1 <= rest[0] <= 12:
                return f"{year:04d}-{rest[0]:02d}"
            try:
                return Date(year, *rest).isoformat()
            except (TypeError, ValueError):  # 2025-02-30 and the like
                continue
    return None


def _normal_date(value: str | None) -> str | None:
    """A date from metadata ("2025-10-08 09:30", "2025-10-08T09:30+08:00", "2025-10", "2025")."""
    value = (value or "").strip()
    if found := find_date(value) or find_date(f"日期：{value}"):
        return found
    year = re.fullmatch(r"(\d{4})年?", value)
    return year.group(1) if year else None


def _edges(text: str) -> str:
    return text if len(text) <= 900 else text[:600] + "\n" + text[-300:]


def _first_line(lines: str | list[str]) -> str | None:
    for line in lines.split("\n") if isinstance(lines, str) else lines:
        line = line.strip().lstrip("#").strip()
        if _WORDISH.search(line):
            return line[:_TITLE_CHARS]
    return None


# --- plain text ---


def _bomless_utf16(raw: bytes) -> str | None:
    """The codec of BOM-less UTF-16: NULs where ASCII characters' high bytes are, or (Chinese
    text has few NULs) a clean decode into mostly CJK characters; None for anything else."""
    sample = raw[:4096]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\0" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            decoded = sample[: len(sample) // 2 * 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        if sum("\u4e00" <= c <= "\u9fff" for c in decoded) > 0.5 * len(decoded):
            return encoding
    return None


def _garbled(text: str) -> bool:
    bad = sum(c == "\ufffd" or (c < " " and c not in "\n\r\t") for c in text)
    return bad > 0.02 * len(text)


def _text_file(path: Path, name: str) -> Extracted:
    from .sources import CorpusError, read_text

    raw = path.read_bytes()
    if encoding := _bomless_utf16(raw):
        text = raw[: len(raw) // 2 * 2].decode(encoding, errors="replace")
    else:
        try:
            text = read_text(path)
        except CorpusError as exc:  # "x.txt: 文件为空" -> "x.txt：文件为空"
            reason = re.sub(rf"^{re.escape(path.name)}\s*[:：]\s*", "", str(exc))
            raise ExtractError(f"{name}：{reason}") from None
    if _garbled(text):
        raise ExtractError(f"{name}：不是文本文件或编码无法识别")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ExtractError(f"{name}：文件为空")
    fmt = Path(name).suffix.lower().lstrip(".")
    return Extracted(text, _first_line(text), find_date(_edges(text)), None, fmt)


# --- html ---


def _decode_html(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    head = raw[:4096].decode("ascii", errors="ignore")
    declared = re.search(r"<meta[^>]+charset\s*=\s*[\"']?\s*([\w-]+)", head, re.IGNORECASE)
    encodings = [declared.group(1).lower()] if declared else []
    for encoding in [*encodings, "utf-8-sig", "gb18030"]:
        try:
            return raw.decode("gb18030" if encoding.startswith("gb") else encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("utf-8", errors="replace")


def _block_text(element) -> str:
    """One line per block element (table cells side by side), whitespace collapsed in lines."""
    parts: list[str] = []

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""  # comments have a function as tag
        parts.append("\n" if tag in _BLOCKS else " " if tag in ("td", "th") else "")
        if tag and node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            parts.append(child.tail or "")
        parts.append("\n" if tag in _BLOCKS else "")

    walk(element)
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _drop_noise(tree) -> None:
    """Remove scripts, navigation, headers, footers and elements whose id/class names them, but
    never a block that holds most of the page's text (a wrapper like `class="main links"`)."""
    body = tree.find("body")
    total = len((body if body is not None else tree).text_content())
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.tag in ("html", "head", "body", "title"):
            continue
        if element.tag == "header" and any(a.tag == "article" for a in element.iterancestors()):
            continue  # an article's own header holds its title and date
        marker = f"{element.get('id', '')} {element.get('class', '')}"
        noisy = _NOISE.search(marker) and len(element.text_content()) < 0.5 * total
        if element.tag in _DROP_TAGS or noisy:
            element.drop_tree()


def _main_element(tree):
    """<article>/<main>, unless an element whose id/class says content|article|… holds over three
    times its text; else that element (the innermost one still holding 80% of the text of the
    largest, so a page-wide `class="main"` wrapper gives way to its content); else <body>."""

    def size(element) -> int:
        return len(element.text_content())

    def named_in(root) -> list:
        return [
            e
            for e in root.iterdescendants()
            if isinstance(e.tag, str) and _MAIN.search(f"{e.get('id', '')} {e.get('class', '')}")
        ]

    semantic = max(tree.xpath("//article | //main"), key=size, default=None)
    named = max(named_in(tree), key=size, default=None)
    while named is not None and (inner := max(named_in(named), key=size, default=None)) is not None:
        if size(inner) < 0.8 * size(named):
            break
        named = inner
    if semantic is not None and (named is None or size(semantic) >= 0.3 * size(named)):
        return semantic
    if named is not None:
        return named
    body = tree.find("body")
    return body if body is not None else tree


def _html_file(path: Path, name: str) -> Extracted:
    import lxml.etree
    import lxml.html

    markup = re.sub(r"^\s*<\?xml[^>]*>", "", _decode_html(path.read_bytes()))
    try:
        tree = lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError):
        raise ExtractError(f"{name}：网页中没有正文") from None
    meta: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("name") or element.get("property") or ""
        if key and (element.get("content") or "").strip():
            meta.setdefault(key.lower(), element.get("content").strip())
    page_title = re.sub(r"\s+", " ", tree.findtext(".//title") or "").strip()
    _drop_noise(tree)
    main = _main_element(tree)
    text = _block_text(main)
    if not _WORDISH.search(text):
        raise ExtractError(f"{name}：网页中没有正文")
    headings = (h.text_content().strip() for h in chain(main.iter("h1"), tree.iter("h1")))
    title = meta.get("articletitle") or meta.get("og:title") or next(filter(None, headings), None)
    if not title and page_title:
        cut = re.split(r"\s+-\s+|_|\|", page_title)[0].strip()
        title = cut if len(cut) >= 6 else page_title
    date_keys = ("pubdate", "publishdate", "article:published_time", "og:article:published_time")
    dates = (_normal_date(meta.get(key)) for key in date_keys)
    date = next(filter(None, dates), None) or find_date(_edges(text))
    if not date:  # a "发布时间：" line often sits just outside the content block
        date = _date_in(_block_text(tree), (_LABELLED, _LABELLED_YM))
    source = meta.get("contentsource") or meta.get("og:site_name")
    return Extracted(text, (title or "")[:_TITLE_CHARS] or _first_line(text), date, source, "html")


# --- docx ---


def _check_word(path: Path, name: str, suffix: str) -> None:
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


def _docx_file(path: Path, name: str) -> Extracted:
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
    if not _WORDISH.search(text):
        raise ExtractError(f"{name}：文件中没有文字")
    date = find_date(_edges(text))
    if not date and created and created.replace(tzinfo=None) != _DOCX_TEMPLATE_CREATED:
        date = created.strftime("%Y-%m-%d")
    title = (title or styled_title or "")[:_TITLE_CHARS] or _first_line(paragraphs)
    return Extracted(text, title, date, None, "docx")


# --- pdf ---


def _pdf_title(metadata) -> str | None:
    title = re.sub(r"\s+", " ", str(metadata.title or "")).strip() if metadata else ""
    placeholder = (
        title.lower() in ("", "untitled", "无标题", "unknown")
        or title.lower().endswith((".doc", ".docx", ".pdf", ".wps", ".txt"))
        or title.lower().startswith("microsoft word -")
    )
    return None if placeholder else title[:_TITLE_CHARS]


def _pdf_file(path: Path, name: str) -> Extracted:
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
    if len(_WORDISH.findall(text)) < _MIN_PDF_CHARS:
        raise ExtractError(f"{name}：PDF 没有文字层（可能是扫描件），请先做文字识别（OCR）后再导入")
    try:  # a broken info dictionary or date string must not lose a readable text
        metadata = reader.metadata
        created = metadata.creation_date if metadata else None
    except Exception:
        metadata = created = None
    date = find_date(_edges(text))
    if not date and isinstance(created, datetime):
        date = created.strftime("%Y-%m-%d")
    return Extracted(text, _pdf_title(metadata) or _first_line(text), date, None, "pdf")


_READERS: dict[str, Callable[[Path, str], Extracted]] = {
    ".txt": _text_file,
    ".md": _text_file,
    ".html": _html_file,
    ".htm": _html_file,
    ".docx": _docx_file,
    ".pdf": _pdf_file,
}
