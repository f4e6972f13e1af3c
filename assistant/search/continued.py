"""A passage that announces a list (“还必须做好以下工作。”) carries the list on: its items are
often in the chunks after it, which the search need not have found. The passage is continued
with each item's opening sentence (一是扩大退耕还林规模。), verbatim, from the document, after a
line “……” that marks what is left out between."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import islice

from ..index.state import Index
from ..schema import Chunk, Passage
from ..text.clean import SENTENCE_END
from ..text.listing import announces, list_items, parallel_leads
from ..text.sentences import split_sentences
from ..tuning import TUNING

TUNE = TUNING.answer
_FOLLOWING_CHUNKS = 40  # of the document, read for the items of one list (十项工作: long ones)


def continued(index: Index, passages: list[Passage]) -> list[Passage]:
    """The passages, each one that announces a list continued with the items it lacks."""
    return [_continued(index, p) for p in passages]


def _continued(index: Index, passage: Passage) -> Passage:
    own = _sentences(passage.text)
    following = _following(index, passage)
    if not following:
        return passage
    sentences = own + following
    headings: list[str] | None = None  # read once, when a lead needs them
    added: list[str] = []
    for lead in range(len(own)):  # a lead (做好以下工作), or a sentence 一是…… follows
        items = list_items(sentences, lead, limit=TUNE.list_items)
        # a heading (一、2023年工作回顾) opens a section, not an item of a list …
        found = [sentences[i] for i in items if i >= len(own) and _said(sentences[i])]
        if announces(own[lead]):  # … unless a list was announced (执行下列十条方针) whose
            headings = _headings_after(index, passage) if headings is None else headings
            headed = list_items([own[lead], *headings], 0, limit=TUNE.list_items)
            found = max(found, [headings[i - 1] for i in headed], key=len)  # items head sections
        # … or the leads of unnumbered items (要坚持A。……要坚持B。) go on past the passage
        found += [sentences[i] for i in parallel_leads(sentences, lead) if i >= len(own)]
        added += [item for item in found if item not in added]
    if not added:
        return passage
    # “……”: what the document says between the passage and the items is left out
    text = passage.chunk.text.rstrip() + "\n……\n" + "\n".join(added)
    return replace(passage, chunk=replace(passage.chunk, text=text))


def _after(index: Index, passage: Passage) -> Iterator[Chunk]:
    """The chunks of the passage's document after its own, in order — each made only when
    reached (a slice of the index's chunks would make every one to its end)."""
    start = index.position.get(passage.chunk.chunk_id)
    for position in range(start + 1, len(index.chunks)) if start is not None else ():
        chunk = index.chunks[position]
        if chunk.doc_id != passage.chunk.doc_id:
            return
        yield chunk


def _headings_after(index: Index, passage: Passage) -> list[str]:
    """The section headings of the rest of the passage's document, in order."""
    found: list[str] = []
    for chunk in _after(index, passage):
        if chunk.heading and chunk.heading not in found and chunk.heading != passage.chunk.heading:
            found.append(chunk.heading)
    return found


def _said(sentence: str) -> bool:
    return sentence.rstrip().endswith(tuple(SENTENCE_END))


def _sentences(text: str) -> list[str]:
    return split_sentences(text, max_chars=TUNE.sentence_max_chars)


def _following(index: Index, passage: Passage) -> list[str]:
    """The sentences of the document after the passage's chunk, without the chunks' overlap."""
    seen = set(_sentences(passage.chunk.text))
    found: list[str] = []
    for chunk in islice(_after(index, passage), _FOLLOWING_CHUNKS):
        for sentence in _sentences(chunk.text):
            if sentence not in seen:
                seen.add(sentence)
                found.append(sentence)
    return found
