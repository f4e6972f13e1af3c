"""Plain-text files: UTF-8 (with or without BOM), UTF-16 (with or without BOM) or GB18030."""

from __future__ import annotations

import re
from pathlib import Path

from .dates import find_date
from .files import Extracted, ExtractError, edges, first_line, labelled_source


class CorpusError(ValueError):
    """A source file that cannot be read as text."""


def read_text(path: Path) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    raw = path.read_bytes()
    if not raw.strip():
        raise CorpusError(f"{path.name}: 文件为空")
    if b"\0" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CorpusError(f"{path.name}: 不是文本文件（含二进制内容）")
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        if encoding == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CorpusError(f"{path.name}: 无法识别文本编码（支持 UTF-8、UTF-16、GBK/GB18030）")


def bomless_utf16(raw: bytes) -> str | None:
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


def text_file(path: Path, name: str) -> Extracted:
    raw = path.read_bytes()
    if encoding := bomless_utf16(raw):
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
    head = edges(text)
    return Extracted(text, first_line(text), find_date(head), labelled_source(head), fmt)
