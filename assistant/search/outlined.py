"""A question about how a document is laid out (“那篇分几块？”, “方案从哪几个方面讲保障措施？”)
is answered by the document's section headings, not by the sentences that best match its words.

When the question singles out one document and asks for its parts, the passages become the
opening chunk of each part, in the document's order: the top-level sections, or the sections
under the heading the question names (保障措施 → （一）……（三）). A part whose heading opens no
chunk of its own (the first of its subsections does) gets the heading line put back before it —
every line still verbatim from the document. A question about a topic no heading with parts of
its own names (冀那篇在人才方面分几块讲) is left to the ordinary search.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from ..index.state import Index
from ..schema import Chunk, Passage
from ..text import lexicon
from ..text.numerals import chinese_value
from ..text.sentences import split_sentences
from ..text.synonyms import asked, found_in, present, synonyms
from .bylines import authors_named
from .mentions import singles_out

Path = tuple[str, ...]
_SEPARATOR = " > "  # between the headings of a chunk's heading path (index/chunking.py)
_MIN_PARTS = 2
_CONTEXT = re.compile(r"（[^（）]*）$")  # the earlier question a follow-up is read with
_HELD_SHARE = 0.34  # of the weight of what is asked about, for a heading to name it


@cache
def _asks_for_parts() -> re.Pattern[str]:
    return re.compile(lexicon.alternation("question_types", "outline"))


def asks_for_parts(question: str) -> bool:
    """The question asks what parts a text falls into (分几块, 哪几个方面, 小标题)."""
    return bool(_asks_for_parts().search(question))


@dataclass(frozen=True, slots=True)
class Outline:
    """The passages that open the parts asked for, numbered from 1, and the heading lines the
    answer says, each with the number of the passage that holds it: the section the question
    names first (保障措施), then its parts."""

    passages: list[Passage]
    headings: list[tuple[str, int]]


def outlined(
    index: Index, question: str, passages: Sequence[Passage], weights: Mapping[str, float]
) -> Outline | None:
    """The outline that answers a question about the parts of the document it singles out, or
    None when it asks something else."""
    # a follow-up carries the question before it in brackets (condense.py): its cue is its own
    own = _CONTEXT.sub("", question)
    if not asks_for_parts(own) or not passages:
        return None
    best = named_document(index, question, passages)
    if best is None:
        return None
    openings = section_openings(index, best.chunk)
    cues = [m.group() for m in _asks_for_parts().finditer(own)]
    topic = topic_of(weights, cues, best.chunk)
    parent = _named_parent(openings, topic, best.chunk.title) if topic else None
    # else the title's words are the document's subject; the others, a part no heading names
    if parent is None and any(not found_in(best.chunk.title, w) for w in topic):
        return None
    parent = parent or ()
    parent = (
        _counted(own, openings, parent, topic) or _named_by_cue(cues, openings, parent) or parent
    )
    parts = parts_of(openings, parent)
    if len(parts) < _MIN_PARTS or (parent and _listed_in_text(openings[parent], cues)):
        return None
    said = [parent, *parts] if parent else parts  # the section asked about leads its parts
    found, numbers = opened(openings, said, passages)
    return Outline(found, [(path[-1], numbers[path]) for path in said])


def opened(
    openings: Mapping[Path, Chunk], said: list[Path], passages: Sequence[Passage]
) -> tuple[list[Passage], dict[Path, int]]:
    """The opening chunk of each section said, numbered from 1 in order (sections opening one
    chunk share it, its missing heading lines put back), and the number of each section's."""
    scores = {p.chunk.chunk_id: p.score for p in passages}
    by_chunk: dict[str, list[Path]] = {}
    for path in said:
        by_chunk.setdefault(openings[path].chunk_id, []).append(path)
    found, numbers = [], {}
    for n, (chunk_id, paths) in enumerate(by_chunk.items(), start=1):
        chunk = _opening(openings[paths[0]], [path[-1] for path in paths])
        found.append(Passage(n, chunk, scores.get(chunk_id, 0.0)))
        numbers.update({path: n for path in paths})
    return found, numbers


def topic_of(weights: Mapping[str, float], cues: list[str], chunk: Chunk) -> dict[str, float]:
    """The question's words that say what it asks about: not its cue (分几块), nor a word that
    names the document or says how a text goes about its subject (`_says_how`)."""
    return {
        w: v
        for w, v in weights.items()
        if v > 0 and not any(asked(w) in cue for cue in cues) and not _says_how(w, chunk)
    }


def named_document(index: Index, question: str, passages: Sequence[Passage]) -> Passage | None:
    """The best passage of the one document the question names — by outlet, province, kind of
    text, title (`mentions.singles_out`) or its authors — or None."""
    for passage in passages:
        rest = [p for p in passages if p is not passage]
        if singles_out(question, [passage, *rest]) or authors_named(index, question, [passage])[0]:
            return passage
    return None


def section_openings(index: Index, best: Chunk) -> dict[Path, Chunk]:
    """Each section of the best passage's article (as its heading path) and the chunk it opens
    with, in order; a section with subsections opens with its first subsection's chunk. (A file
    may hold several articles, each with its own title.)"""
    found: dict[Path, Chunk] = {}
    start = index.position.get(f"{best.doc_id}#1")
    for position in range(start, len(index.chunks)) if start is not None else ():
        chunk = index.chunks[position]
        if chunk.doc_id != best.doc_id:
            break
        if chunk.title != best.title:
            continue
        path = tuple(chunk.heading.split(_SEPARATOR)) if chunk.heading else ()
        for depth in range(1, len(path) + 1):
            found.setdefault(path[:depth], chunk)
    return found


def parts_of(openings: Mapping[Path, Chunk], parent: Path) -> list[Path]:
    """The sections right under `parent` (the document itself when it is ()), in order."""
    return [
        path
        for path in openings
        if len(path) == len(parent) + 1 and path[:-1] == parent and path[-1] not in _not_parts()
    ]


_COUNT = re.compile(r"哪([两二三四五六七八九])")


def _counted(
    question: str, openings: Mapping[Path, Chunk], parent: Path, topic: Mapping[str, float]
) -> Path | None:
    """The section within `parent` with as many parts as the question counts (哪三个角度: the
    one of three under 实践路径's two), when `parent` has another number — of several, the one
    whose heading holds most of the topic, else the first."""
    count = _COUNT.search(question)
    wanted = chinese_value(count.group(1)) if count else None
    if wanted is None or len(parts_of(openings, parent)) == wanted:
        return None
    within = [p for p in openings if p[: len(parent)] == parent and len(p) > len(parent)]
    fitting = [p for p in within if len(parts_of(openings, p)) == wanted]
    return max(fitting, key=lambda p: _held(p[-1], topic), default=None)  # the first of equals


_CUE_NOUN = re.compile(r"(?:块|部分|板块|层面|层次|章|节|方面|角度|维度|条|点)$")


def _named_by_cue(cues: list[str], openings: Mapping[Path, Chunk], parent: Path) -> Path | None:
    """The part of `parent` with parts of its own whose heading says what the question counts
    (几个角度 → 三个视角), when exactly one does."""
    nouns = [m.group() for cue in cues if (m := _CUE_NOUN.search(cue))]
    named = [
        p
        for p in parts_of(openings, parent)
        if parts_of(openings, p) and any(present(n, p[-1]) for n in nouns)
    ]
    return named[0] if len(named) == 1 else None


def _listed_in_text(chunk: Chunk, cues: list[str]) -> bool:
    """The section's own text lists and counts what the question counts (须从A、B、C等维度着手,
    基于A、B与C三大维度): that sentence answers, not the headings."""
    nouns = [m.group() for cue in cues if (m := _CUE_NOUN.search(cue))]
    said = "|".join(re.escape(w) for n in nouns for w in (n, *synonyms(n)))
    counted = re.compile(rf"(?:等|[两二三四五六七八九十几多]大?个?)(?:{said})") if said else None
    body = chunk.text.split("\n", 1)[1] if "\n" in chunk.text else ""
    return bool(counted) and any("、" in s and counted.search(s) for s in split_sentences(body))


def _held(heading: str, topic: Mapping[str, float]) -> float:
    return sum(v for w, v in topic.items() if found_in(heading, w))


def _opening(chunk: Chunk, headings: list[str]) -> Chunk:
    """The opening chunk of one or more sections (a section and its first part, when the
    section has no text of its own), with the heading lines it lacks put back before it, in
    the document's order — each is the line right before the next."""
    lines = {line.strip() for line in chunk.text.split("\n")}
    missing = [h for h in headings if h not in lines]
    if not missing:
        return chunk
    return replace(chunk, text="\n".join([*missing, chunk.text]))


def _named_parent(
    openings: Mapping[Path, Chunk], topic: Mapping[str, float], title: str
) -> Path | None:
    """The section with parts of its own whose heading holds the most of the topic's weight, or
    None when none holds `_HELD_SHARE` of it (方案说给山区县的人才倾斜要从几方面给政策: a 保障措施
    heading holds too little of what is asked) — the title's words it does not hold aside: they
    name the document (数字经济发展方案的保障措施)."""
    parents = {path[:-1] for path in openings if len(path) > 1}
    held = {path: _held(path[-1], topic) for path in parents}
    best = max(held, key=lambda path: (held[path], -len(path)), default=None)
    if best is None:
        return None
    asked = sum(v for w, v in topic.items() if found_in(best[-1], w) or not found_in(title, w))
    return best if held[best] and held[best] >= _HELD_SHARE * asked else None


def _says_how(term: str, chunk: Chunk) -> bool:
    """A word of the question that names the document (its outlet, region, kind of text) or says
    how a text goes about its subject (发力, 分成, 主抓), not what part of it is asked for."""
    if asked(term) in _phrasing() or asked(term) in _where():
        return True
    genre = " ".join(lexicon.words("genres", chunk.level))
    return found_in(" ".join(x for x in (chunk.source, chunk.region, genre) if x), term)


@cache
def _phrasing() -> frozenset[str]:
    return frozenset(lexicon.words("question_types", "outline_phrasing"))


@cache
def _not_parts() -> frozenset[str]:
    return frozenset(lexicon.words("question_types", "not_parts"))


@cache
def _where() -> frozenset[str]:
    """Where in the document the question looks (收尾, 最后): not a part's subject."""
    return frozenset(lexicon.words("question_types", "document_parts"))
