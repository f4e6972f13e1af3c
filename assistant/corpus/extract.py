"""Text and metadata from one user file: .txt/.md, .html/.htm, .docx, .pdf.

`extract` returns the body (paragraphs separated by "\\n", not yet cleaned) with the title, date
and source the file itself states. Every file that cannot be ingested raises `ExtractError` with a
Chinese message that starts with the file name and says why ("坏.pdf：PDF 文件已损坏或不完整"),
so a batch can report it and move on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .decode import text_file
from .files import SUPPORTED, Extracted, ExtractError
from .pdf import pdf_file
from .webpage import html_file
from .word import check_word, docx_file

__all__ = ["SUPPORTED", "ExtractError", "Extracted", "extract"]


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
            check_word(path, name, suffix)
        return _READERS.get(suffix, docx_file)(path, name)  # a ".doc" that is a zip is a .docx
    except OSError as exc:
        raise ExtractError(f"{name}：无法读取文件（{exc.strerror or exc}）") from None


_READERS: dict[str, Callable[[Path, str], Extracted]] = {
    ".txt": text_file,
    ".md": text_file,
    ".html": html_file,
    ".htm": html_file,
    ".docx": docx_file,
    ".pdf": pdf_file,
}
