"""Sentence- and heading-aware chunks sized in cl100k_base tokens, with stable ids `doc_id#n`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..schema import Article, Chunk, Document
from ..text.clean import SENTENCE_END, looks_like_heading
from ..text.sentences import split_sentences

# 一、 （一） 1. （1） 第X章/节/条: numbered headings and their depth.
_NUMBERED_HEADING = (
    (re.compile(r"^第[一二三四五六七八九十百零0-9]+[章节]"), 1),
    (re.compile(r"^[一二三四五六七八九十]+、"), 1),
    (re.compile(r"^[（(][一二三四五六七八九十]+[）)]"), 2),
    (re.compile(r"^\d+[.．、]\s*\S"), 3),
    (re.compile(r"^[（(]\d+[）)]"), 4),
)


def heading_level(line: str) -> int:
    """0 for body text, else the heading depth (1 = top); unnumbered headings count as 1."""
    for pattern, level in _NUMBERED_HEADING:
        if pattern.match(line) and len(line) <= 40 and looks_like_heading(line):
            return level
    # "标签：内容" lines (关键词：…, DOI编码：…) are data, not headings.
    labelled = "：" in line.rstrip("：")
    return 1 if looks_like_heading(line) and not labelled else 0


def _is_numbered(line: str) -> bool:
    return any(pattern.match(line) for pattern, _ in _NUMBERED_HEADING)


@dataclass(slots=True)
class _Section:
    heading: str
    sentences: list[str] = field(default_factory=list)
    breaks: set[int] = field(default_factory=set)  # sentence indexes that start a paragraph


def _sections(article: Article) -> Iterator[_Section]:
    path: dict[int, str] = {}
    current = _Section(heading="")
    in_run = False  # inside a run of short lines under a heading (作者简介 / names / …)
    for line in article.text.split("\n"):
        level = heading_level(line)
        if level and current.heading and not _is_numbered(line):
            if len(current.sentences) <= 1 or in_run:
                level, in_run = 0, True
        else:
            in_run = in_run and level == 0 and not line.endswith(tuple(SENTENCE_END))
        if level:
            if len(current.sentences) > (1 if current.heading else 0):
                yield current
            path = {k: v for k, v in path.items() if k < level} | {level: line}
            current = _Section(heading=" > ".join(path[k] for k in sorted(path)))
            # The heading line opens the section's first chunk: it is part of the text a reader
            # sees, and sometimes the answer itself (“以链条共延为引擎：依托企业……”).
            current.sentences.append(line)
            current.breaks.add(1)
            continue
        current.breaks.add(len(current.sentences))
        current.sentences.extend(split_sentences(line, max_chars=160))
    if len(current.sentences) > (1 if current.heading else 0):
        yield current


def chunk_document(
    document: Document,
    count_tokens: Callable[[str], int],
    *,
    max_tokens: int = 320,
    overlap_sentences: int = 1,
) -> list[Chunk]:
    """Cut a document into chunks that never cross a heading and overlap by whole sentences."""
    chunks: list[Chunk] = []
    for article in document.articles:
        for section in _sections(article):
            for text in _pack(section, count_tokens, max_tokens, overlap_sentences):
                chunks.append(
                    Chunk(
                        chunk_id=f"{document.doc_id}#{len(chunks) + 1}",
                        doc_id=document.doc_id,
                        text=text,
                        title=article.title,
                        heading=section.heading,
                        source=article.source,
                        date=document.date,
                        region=article.region,
                        level=article.level,
                        tokens=count_tokens(text),
                    )
                )
    return chunks


def _pack(
    section: _Section, count: Callable[[str], int], max_tokens: int, overlap: int
) -> Iterator[str]:
    # A paragraph break costs a token of its own (the newline joining the two sentences).
    sizes = [count(s) + (1 if i in section.breaks else 0) for i, s in enumerate(section.sentences)]
    start = 0
    while start < len(section.sentences):
        end, total = start, 0
        while end < len(sizes) and (end == start or total + sizes[end] <= max_tokens):
            total += sizes[end]
            end += 1
        yield _join(section, start, end)
        if end >= len(sizes):
            return
        # Step back by whole sentences for overlap, unless they would fill most of the chunk.
        back = overlap if sum(sizes[end - overlap : end]) < max_tokens // 3 else 0
        start = max(end - back, start + 1)


def _join(section: _Section, start: int, end: int) -> str:
    parts = []
    for i in range(start, end):
        if i != start and i in section.breaks:
            parts.append("\n")
        parts.append(section.sentences[i])
    return "".join(parts)
