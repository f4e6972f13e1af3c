"""Who wrote a document, as its byline says (the lines under 作者简介, or one opening with 作者): a
question may point at the text by its authors (张明远李思齐那篇), whose names the passages retrieved
for what it asks need not hold."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..index.state import Index
from ..schema import Passage
from .weights import term_weights

_AUTHORS = re.compile(r"^作者")
_OPENING_CHUNKS = 3  # of a document, where its byline stands


def byline_of(index: Index, doc_id: str) -> str:
    """The byline lines of the document's opening chunks ("" when it has none)."""

    def read() -> str:
        lines: list[str] = []
        start = index.position.get(f"{doc_id}#1")
        end = min(start + _OPENING_CHUNKS, len(index.chunks)) if start is not None else 0
        for chunk in (index.chunks[i] for i in range(start or 0, end)):
            if chunk.doc_id != doc_id:
                break
            under = bool(_AUTHORS.match(chunk.heading))
            lines += [line for line in chunk.text.splitlines() if under or _AUTHORS.match(line)]
        return "\n".join(lines)

    return index.remember(f"byline:{doc_id}", read)


def authors_named(index: Index, question: str, passages: Sequence[Passage]) -> tuple[set[str], str]:
    """The authors of the passages' documents that the question names, and their bylines."""
    documents = dict.fromkeys(p.chunk.doc_id for p in passages)
    bylines = "\n".join(byline_of(index, d) for d in documents)
    return {n for n in _authors(bylines) if n in question}, bylines


def about_authors(word: str, authors: set[str]) -> bool:
    """A word of the question that is (part of) an author's name (jieba may cut 张明|远)."""
    return any(word in name for name in authors)


_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")


def _authors(byline: str) -> set[str]:
    """The names a byline gives: the first word of each entry (张明远 东部大学……), or the list
    after 作者：."""
    names: list[str] = []
    for line in (raw.strip() for raw in byline.splitlines()):
        if _AUTHORS.match(line):
            names += re.split(r"[、，,；;\s]+", re.sub(r"^作者(?:简介)?[:：]?", "", line))
        else:
            names += line.split()[:1]
    return {n for n in names if _NAME.match(n)}


def weights_of(index: Index, question: str, passages: Sequence[Passage]) -> dict[str, float]:
    """The question's words by weight (`weights.term_weights`), without the authors it names
    its text by: where to look, not what is asked."""
    authors, _ = authors_named(index, question, passages)
    weights = term_weights(index, question)
    return {w: v for w, v in weights.items() if not about_authors(w, authors)}
