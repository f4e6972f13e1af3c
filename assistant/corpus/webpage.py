"""Web pages: the main text of an .html file, without navigation, share bars and footers."""

from __future__ import annotations

import re
from itertools import chain
from pathlib import Path

from .dates import find_date, find_labelled_date, normal_date
from .files import (
    TITLE_CHARS,
    WORDISH,
    Extracted,
    ExtractError,
    edges,
    first_line,
    labelled_source,
)

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


def html_file(path: Path, name: str) -> Extracted:
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
    if not WORDISH.search(text):
        raise ExtractError(f"{name}：网页中没有正文")
    headings = (h.text_content().strip() for h in chain(main.iter("h1"), tree.iter("h1")))
    title = meta.get("articletitle") or meta.get("og:title") or next(filter(None, headings), None)
    if not title and page_title:
        cut = re.split(r"\s+-\s+|_|\|", page_title)[0].strip()
        title = cut if len(cut) >= 6 else page_title
    date_keys = ("pubdate", "publishdate", "article:published_time", "og:article:published_time")
    dates = (normal_date(meta.get(key)) for key in date_keys)
    date = next(filter(None, dates), None) or find_date(edges(text))
    if not date:  # a "发布时间：" line often sits just outside the content block
        date = find_labelled_date(_block_text(tree))
    source = meta.get("contentsource") or meta.get("og:site_name") or labelled_source(edges(text))
    return Extracted(text, (title or "")[:TITLE_CHARS] or first_line(text), date, source, "html")
