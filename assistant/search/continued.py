"""A passage that announces a list (“还必须做好以下工作。”) carries the list on: its items are
often in the chunks after it, which the search need not have found. The passage is continued
with each item's opening sentence (一是扩大退耕还林规模。), verbatim, from the document, after a
line “……” that marks what is left out between."""

from __future__ import annotations

from dataclasses import replace

from ..index.state import Index
from ..schema import Passage
from ..text.clean import SENTENCE_END
from ..text.listing import list_items
from ..text.sentences import split_sentences
from ..tuning import TUNING

TUNE = TUNING.answer
_FOLLOWING_CHUNKS = 12  # of the document, read for the items of one list


def continued(index: Index, passages: list[Passage]) -> list[Passage]:
    """The passages, each one that announces a list continued with the items it lacks."""
    return [_continued(index, p) for p in passages]


def _continued(index: Index, passage: Passage) -> Passage:
    own = _sentences(passage.text)
    following = _following(index, passage)
    if not following:
        return passage
    sentences = own + following
    added: list[str] = []
    for lead in range(len(own)):  # a lead (做好以下工作), or a sentence 一是…… follows
        items = list_items(sentences, lead, limit=TUNE.list_items)
        added += [
            sentences[i]
            for i in items
            if i >= len(own) and sentences[i] not in added and _said(sentences[i])
        ]  # a heading (一、2023年工作回顾) opens a section, not an item of a list
    if not added:
        return passage
    # “……”: what the document says between the passage and the items is left out
    text = passage.chunk.text.rstrip() + "\n……\n" + "\n".join(added)
    return replace(passage, chunk=replace(passage.chunk, text=text))


def _said(sentence: str) -> bool:
    return sentence.rstrip().endswith(tuple(SENTENCE_END))


def _sentences(text: str) -> list[str]:
    return split_sentences(text, max_chars=TUNE.sentence_max_chars)


def _following(index: Index, passage: Passage) -> list[str]:
    """The sentences of the document after the passage's chunk, without the chunks' overlap."""
    chunks = index.chunks
    start = index.position.get(passage.chunk.chunk_id)
    if start is None:
        return []
    seen = set(_sentences(passage.chunk.text))
    found: list[str] = []
    for chunk in chunks[start + 1 : start + 1 + _FOLLOWING_CHUNKS]:
        if chunk.doc_id != passage.chunk.doc_id:
            break
        for sentence in _sentences(chunk.text):
            if sentence not in seen:
                seen.add(sentence)
                found.append(sentence)
    return found
