"""Pure text normalisation: web boilerplate, page-break joins, widths and whitespace."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache
from pathlib import Path

from . import chars, lexicon
from .chars import CJK, CJK_CHAR

LEAD_MARKS = ("■", "▲", "●", "◆")
SENTENCE_END = "。！？；…!?;”’」』"
# ASCII punctuation between Chinese text is a half-width artefact of the source site.
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_PUNCT_NEAR_CJK = re.compile(
    rf"(?<=[{CJK}“”‘’）)》」』%\d])([,:;?!])(?=\s*[{CJK}“‘（(《「『\d])"
    rf"|(?<=[{CJK}])([,:;?!])$"
)
_PAREN_NEAR_CJK = re.compile(rf"\(([^()\n]{{0,60}}[{CJK}][^()\n]{{0,60}})\)")
_WIDE_DECIMAL = re.compile(r"(?<=\d)．(?=\d)")  # not ·: 5·12 is a date
_WIDE_PERCENT = re.compile(r"(?<=\d)\s*％")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2028\u2029\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MIN_BROKEN_PARAGRAPH = 40
# A list item's number on a line of its own (一是 / 第二， / 其三：): it opens the line after it.
_LONE_ORDINAL = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}(?:是|要|则)|第[一二三四五六七八九十]{1,3}|其[一二三四五六七八九十]"
    r"|首先|其次|再次|最后)[，,：:、]?|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]"
)
_SEAM_CHARS = 130


_WIDTH = {
    **{code: code - 0xFEE0 for first, last in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
       for code in range(first, last + 1)},
    **dict.fromkeys(map(ord, "\u3000\u00a0\u2002\u2003\u2009"), " "),
}  # fmt: skip
"""Full-width digits and letters → half-width; the wide and non-breaking spaces → a space."""


def normalise_width(text: str) -> str:
    """Fold full-width letters and digits to half-width, keeping Chinese punctuation full-width."""
    text = _WIDE_DECIMAL.sub(".", text.translate(_WIDTH))  # 7．9％ → 7.9%: a number's own marks
    text = _WIDE_PERCENT.sub("%", text)
    # Innermost pairs first: "(见(一))" needs a second round once "(一)" is full-width.
    while (folded := _PAREN_NEAR_CJK.sub(r"（\1）", text)) != text:
        text = folded
    return _PUNCT_NEAR_CJK.sub(lambda m: _HALF_TO_FULL[m.group(1) or m.group(2)], text)


def normalise_line(line: str) -> str:
    """Normalise one line: unicode form, widths, invisible and control characters, spacing."""
    # Marks go first, as one may sit between a letter and its accent; spaces before widths, so
    # "一, " ends in its comma; NFC again after folding widths (Ａ + accent → A + accent).
    line = unicodedata.normalize("NFC", _CONTROL.sub("", _INVISIBLE.sub("", line))).strip()
    line = unicodedata.normalize("NFC", normalise_width(line))
    return closed_up_figures(re.sub(r"[ \t]{2,}", " ", line))


# A figure a PDF spaced out character by character (1 9 9 7 年, 1 5 ．3 ％, 1 1%): three pieces or
# more (two, of a percentage), each one character or a decimal point and its digit (not 2019 2020
# 2021, nor 12 34 56); with the space after it before a Chinese character.
_SPACED_FIGURE = re.compile(
    r"(?<![0-9A-Za-z.．])[0-9](?: ?[0-9.．%])+(?![0-9A-Za-z.．])(?: (?=[\u4e00-\u9fff]))?"
)


def closed_up_figures(text: str) -> str:
    """The text with the figures a PDF spaced out closed up (1 6 5 5 亿 → 1655亿)."""
    return _SPACED_FIGURE.sub(_closed_up, text)


def _closed_up(match: re.Match[str]) -> str:
    figure = match.group()
    pieces = figure.split()
    digits = [p.rstrip("%") for p in pieces]
    spaced = all(len(p) <= 1 or (len(p) == 2 and p[0] in ".．") for p in digits)
    enough = len(pieces) >= 3 or (len(pieces) == 2 and pieces[-1].endswith("%"))  # 1 1%
    return "".join(pieces) if enough and spaced else figure


@cache
def _furniture() -> re.Pattern[str]:
    """Lines that are page furniture, never content (breadcrumbs, toolbars, footers)."""
    counts = lexicon.alternation("page_furniture", "read_counts")  # 浏览次数：47 …
    return re.compile(
        f"^(?:{lexicon.alternation('page_furniture')}|.*(?:{counts})[:：]?)", re.IGNORECASE
    )


def is_boilerplate(line: str) -> bool:
    # Furniture lines are short; a long line that mentions 浏览次数 is content.
    return len(line) <= 120 and bool(_furniture().match(line))


def looks_like_heading(line: str) -> bool:
    """A short line without closing punctuation: a title or section heading."""
    return len(line) <= 40 and not line.endswith(tuple(SENTENCE_END + "。，、："))


def _is_broken(paragraph: str, following: str) -> bool:
    """True when a page break split one paragraph: it stops mid-sentence and is no heading."""
    if not paragraph or not following or paragraph.endswith(tuple(SENTENCE_END)):
        return False
    if paragraph.startswith(LEAD_MARKS):  # 导读 bullets end without punctuation by design
        return False
    if following[0] in "，。、；：！？）》”":
        return True
    return len(paragraph) >= _MIN_BROKEN_PARAGRAPH and bool(CJK_CHAR.search(paragraph[-1]))


def _join_broken(paragraph: str, line: str) -> str:
    """Re-join a page-broken paragraph, normalising punctuation across the seam ("…中" + ",技").

    Only the paragraph's tail is looked at again (it covers the longest "(…)" folded), so a
    paragraph broken over many pages costs linear time."""
    cut = max(0, len(paragraph) - _SEAM_CHARS)
    return paragraph[:cut] + normalise_width(paragraph[cut:] + line)


def paragraphs(text: str) -> list[str]:
    """Split text into clean paragraphs, dropping boilerplate and re-joining page breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept: list[str] = []
    for raw in text.split("\n"):
        line = normalise_line(raw)
        if not line or is_boilerplate(line):
            continue
        if kept and _LONE_ORDINAL.fullmatch(kept[-1]) and not _LONE_ORDINAL.match(line):
            kept[-1] += line  # “一是” + “发行1000亿元长期国债……” (not 第一 + 第二, a list of them)
        elif kept and _is_broken(kept[-1], line):
            kept[-1] = _join_broken(kept[-1], line)
            if is_boilerplate(kept[-1]):  # the join completed furniture: "当前位置" + "：首页 > …"
                kept.pop()
        else:
            kept.append(line)
    return _drop_repeated_leads(kept)


def _drop_repeated_leads(lines: list[str]) -> list[str]:
    """Drop 导读 bullet lines (■ …) whose text is repeated in the body below."""
    body = "\n".join(line for line in lines if not line.startswith(LEAD_MARKS))
    kept = []
    for line in lines:
        lead = line.lstrip("".join(LEAD_MARKS) + " ")
        if line != lead and lead[:30] in body:
            continue
        kept.append(line)
    return kept


@cache
def cleaning_signature() -> str:
    """Changes whenever `clean_text` or the page record kept after its text could: their code
    and the word lists they read (a text cleaned and kept under an older signature is cleaned
    again)."""
    digest = hashlib.sha256()
    for module in (__file__, chars.__file__, Path(__file__).with_name("page_record.py")):
        digest.update(Path(module).read_bytes())
    digest.update(lexicon.alternation("page_furniture").encode())
    digest.update(lexicon.alternation("page_furniture", "read_counts").encode())
    return digest.hexdigest()[:16]


def clean_text(text: str) -> str:
    """Return normalised text: one paragraph per line, boilerplate removed."""
    return "\n".join(paragraphs(text))


def strip_title_line(text: str, title: str) -> str:
    """Remove a leading line that only repeats the title (it is kept as metadata)."""
    lines = text.split("\n")
    keys = {_comparable(title), _comparable(title.split("——")[0])} - {""}
    for i, line in enumerate(lines[:3]):
        candidate = _comparable(line)
        if len(line) <= len(title) + 20 and any(
            key in candidate or (candidate in key and len(candidate) >= 0.6 * len(key))
            for key in keys
        ):
            rest = lines[i + 1 :]
            if rest and rest[0].startswith("——") and len(rest[0]) <= 40:  # subtitle of the title
                rest = rest[1:]
            return "\n".join(lines[:i] + rest)
    return text


def _comparable(text: str) -> str:
    return re.sub(rf"[^{CJK}0-9A-Za-z]", "", text)
