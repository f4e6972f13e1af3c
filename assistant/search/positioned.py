"""“冀那篇收尾那一大块主要讲的啥？”: a part of a document asked for by where it stands.

A question may name no subject and point at a part instead — 最后一部分, 开头那块, 第二部分. The
words that match it best are nowhere in the texts (收尾, 大块, 讲), so search alone cannot find it;
the document's layout can. The part is the top-level section at that place in the document the
question singles out (`outlined.named_document`; abstracts, bylines and closing remarks are no parts),
and the answer is its heading, then its parts' headings when it has parts, else the sentences
it opens with — every line verbatim from the document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..index.state import Index
from ..schema import Passage
from ..text.listing import place_in_list
from ..text.sentences import split_sentences
from ..text.synonyms import found_in
from .outlined import Outline, Path, named_document, opened, parts_of, section_openings, topic_of

# 最后一部分, 收尾那一大块, 开头那块, 第二部分 — a section, not a paragraph (第一段) nor a list item
_AT = re.compile(
    r"(?:(收尾|结尾|末尾|最后|最末)|(开头|开篇|头一?)|第([一二三四五六七八九十\d]{1,2}))"
    r"(?:那|这|的)?一?(?:大|小)?(?:块|部分|板块|章)"
)
_LEAD_SENTENCES = 2
_LEAD_CHARS = 160


def part_at(
    index: Index, question: str, passages: Sequence[Passage], weights: Mapping[str, float]
) -> Outline | None:
    """The part of the named document the question points at by its place, when nothing else
    is asked of it but what the document's title says; else None."""
    found = _AT.search(question)
    best = named_document(index, question, passages) if found and passages else None
    if found is None or best is None:
        return None
    topic = topic_of(weights, [found.group()], best.chunk)
    if any(not found_in(best.chunk.title, w) for w in topic):
        return None  # 最后一部分讲人才的有哪些: the ordinary search answers
    openings = section_openings(index, best.chunk)
    parts = parts_of(openings, ())
    place = place_in_list(
        found.group(3), first=bool(found.group(2)), last=bool(found.group(1)), count=len(parts)
    )
    if place is None or not 0 <= place < len(parts):
        return None
    section = parts[place]
    said: list[Path] = [section, *parts_of(openings, section)]
    found_passages, numbers = opened(openings, said, passages)
    lines = [(path[-1], numbers[path]) for path in said]
    if len(said) == 1:  # no parts of its own: the sentences it opens with
        lines += [(s, 1) for s in _lead(found_passages[0].chunk.text, section[-1])]
    return Outline(found_passages, lines)


def _lead(text: str, heading: str) -> list[str]:
    """The first sentences of a section's text after its heading, within a short length."""
    body = "\n".join(line for line in text.split("\n") if line.strip() != heading.strip())
    lead: list[str] = []
    for sentence in split_sentences(body):
        if len(lead) == _LEAD_SENTENCES or sum(map(len, lead)) + len(sentence) > _LEAD_CHARS:
            break
        lead.append(sentence.strip())
    return lead or [s.strip() for s in split_sentences(body)[:1]]
