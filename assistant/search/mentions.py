"""What a question names — provinces and documents (by outlet or kind) — as retrieval boosts;
whether it points at or singles out the best passage's document; what describes a passage."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..index.state import Index
from ..schema import Chunk, Passage
from ..text import lexicon
from ..text.names import quoted
from ..text.page_record import RECORD, page_asked
from ..text.regions import Province, find_provinces
from ..text.segment import content_words
from ..tuning import TUNING
from .outlets import as_searched, other_names, outlet_named, outlet_named_as


@dataclass(frozen=True, slots=True)
class Boost:
    """Passages to favour: those of a region or naming one of `phrases` (a province and its
    aliases, a quoted phrase) in their text or heading, from an outlet, or of a level
    (academic texts)."""

    phrases: tuple[str, ...] = ()
    region: str | None = None
    outlet: str | None = None
    level: str | None = None
    only: bool = False  # its share of the top-k goes to the passages it matches alone (bylines)
    docs: tuple[str, ...] = ()  # documents named by their title

    def __call__(self, chunk: Chunk) -> bool:
        return (
            chunk.doc_id in self.docs
            or (self.region is not None and chunk.region == self.region)
            or any(p in chunk.text or p in chunk.heading for p in self.phrases)
            or (self.outlet is not None and self.outlet in (chunk.source or ""))
            or (self.level is not None and chunk.level == self.level)
        )

    @property
    def document(self) -> bool:
        """It points at a document — by its outlet, kind or title — not at a place or phrase."""
        return self.outlet is not None or self.level is not None or bool(self.docs)

    def mask(self, index: Index) -> np.ndarray:
        """`self(chunk)` for every chunk of the index, from its cached lookups (no loop over
        the chunks per question)."""
        found = np.zeros(len(index.chunks), dtype=bool)
        for phrase in self.phrases:
            found[index.containing(phrase)] = True
            found |= index.field_contains("heading", phrase)  # a passage under a heading naming it
        for field, value in (("region", self.region), ("level", self.level)):
            if value is not None:
                found |= index.field_equals(field, value)
        if self.outlet is not None:
            found |= index.field_contains("source", self.outlet)
        if self.docs:
            found |= index.field_in("doc_id", self.docs)
        return found


def _about(province: Province) -> Boost:
    return Boost(phrases=tuple(province.aliases), region=province.name)


def _from(outlet: str) -> Boost:
    return Boost(outlet=outlet)


def _quoting(phrase: str) -> Boost:
    return Boost(phrases=(phrase,))


def boosts_for(question: str, known_outlets: set[str]) -> list[Boost]:
    """One boost per place or document the question points at (a province, an outlet named in
    the texts' metadata, “那篇论文”), per phrase it quotes (“向污染宣战”, 《…》), and for the
    byline lines when it asks who wrote a text or where it appeared."""
    boosts = [_about(p) for p in find_provinces(question)]
    boosts += [_quoting(phrase) for phrase in quoted(question)]
    boosts += [_from(o) for o in sorted(known_outlets) if outlet_named(o, question)]
    if any(cue in question for cue in lexicon.words("genres", "academic_cues")):
        boosts.append(Boost(level="academic"))
    if re.search(lexicon.alternation("question_types", "about_byline"), question):
        boosts.append(Boost(phrases=_BYLINE_LABELS, only=True))  # 谁写的, 哪几页: its byline
    if page_asked(question):
        boosts.append(Boost(phrases=(RECORD,), only=True))  # 浏览了多少次: its page record
    return boosts


_POINTING = re.compile(r"那篇|这篇|该篇|一文|该文|文章|那份|这份")
_TITLE_NAMING = 2  # words of a title no other title has, to name a document by them


def _points(question: str) -> bool:
    """The question points at a document (那篇, 这份, 评论)."""
    kinds = lexicon.alternation("question_types", "text_kinds")
    return re.search(f"{_POINTING.pattern}|{kinds}", question) is not None


def named_by_title(index: Index, question: str) -> list[Boost]:
    """A boost for the documents a question points at (那篇, 评论) by words of their title no
    other title of the library has (制造业评论 → 《推动制造业创新发展——转型升级系列评论之一》)."""
    if not _points(question):
        return []
    for outlet in index.outlets:  # 人力资源和社会保障微报 names an outlet, not a title's words
        question = question.replace(outlet, "").replace(as_searched(outlet), "")
    own = index.remember("title-words", lambda: _own_title_words(index))
    named = tuple(d for d, words in own.items() if _naming_weight(words, question) >= _TITLE_NAMING)
    return [Boost(docs=named)] if named else []


def _naming_weight(words: set[str], question: str) -> int:
    """How many of a title's own words the question says; a kind of text the title says it is,
    pointed at as one (社论那篇, 那篇综述), names the document by itself."""
    kinds = lexicon.word_set("question_types", "text_kinds")
    return sum(
        _TITLE_NAMING if w in kinds and _pointed_kind(w, question) else w in question for w in words
    )


def _pointed_kind(kind: str, question: str) -> bool:
    pointer = _POINTING.pattern
    return re.search(f"{kind}(?:{pointer})|(?:{pointer})的?{kind}", question) is not None


def title_named_as(question: str, passage: Passage, passages: Sequence[Passage]) -> str:
    """The words the question points at the passage's document by (制造业评论), when two or more
    are words of its title that no other retrieved document's title has, or one is the kind of
    text the title says it is, pointed at as one (社论那篇); "" otherwise."""
    if not _points(question):
        return ""
    others = [p.chunk.title or "" for p in passages if p.chunk.doc_id != passage.chunk.doc_id]
    title = passage.chunk.title or ""
    words = {w for w in _title_words(title) if w in question}
    words = {w for w in words if not any(w in other for other in others)}
    if _naming_weight(words, question) < _TITLE_NAMING:
        return ""
    start = min(question.index(w) for w in words)
    end = max(question.index(w) + len(w) for w in words)
    return question[start:end] if end - start <= _LABEL_CHARS else min(words, key=question.index)


_LABEL_CHARS = 8  # of the question's words for a document, to label its side by


def _title_words(title: str) -> set[str]:
    """A title's words of two characters or more, and the kinds of text it says it is (评论)."""
    kinds = lexicon.words("question_types", "text_kinds")
    return {w for w in content_words(title) if len(w) >= 2} | {k for k in kinds if k in title}


def _own_title_words(index: Index) -> dict[str, set[str]]:
    """Each document's title words (two characters or more) that no other title has."""
    titles = dict(zip(index.table.columns["doc_id"], index.table.columns["title"], strict=True))
    words = {d: _title_words(t or "") for d, t in titles.items()}
    seen: dict[str, int] = {}
    for found in words.values():
        for w in found:
            seen[w] = seen.get(w, 0) + 1
    return {d: {w for w in found if seen[w] == 1} for d, found in words.items()}


def deeper(boosts: list[Boost], doc_ids: Sequence[str] = ()) -> int:
    """How many passages more than the top-k to search for: some, when the question points at a
    document (人民网那篇, 那篇论文, 1999年政府工作报告: the search is of that one) — that text says
    it in its own words, not the question's."""
    pointed = any(b.document for b in boosts) or len(doc_ids) == 1
    return TUNING.retrieval.pointed_extra if pointed else 0


_BYLINE_LABELS = ("作者", "原文刊发", "DOI")


_ITSELF = re.compile(r"本文|该文|这篇文章|原文")


_TITLE_WORDS = 3  # of the title's words, to name the document by it


def names_document(question: str, passage: Passage) -> bool:
    """The question points at this document: by its outlet (湖北日报那篇), its province (辽宁那篇),
    the kind of text it is (那篇论文, of an academic text), three words of its title
    (讲现代海洋产业体系的那篇), or as 本文."""
    chunk = passage.chunk
    if _ITSELF.search(question) or names_source(question, passage):
        return True
    if any(p.name == chunk.region for p in find_provinces(question)):
        return True
    title_words = {w for w in content_words(chunk.title) if len(w) >= 2}
    shared = {w for w in title_words if w in question}
    return len(shared) >= min(_TITLE_WORDS, len(title_words)) > 0


def names_source(question: str, passage: Passage) -> bool:
    """The question names where this document appeared (湖北日报那篇) or the kind of text it is
    (那篇论文, of an academic text)."""
    return bool(source_named_as(question, passage))


def source_named_as(question: str, passage: Passage) -> str:
    """The words the question names this document's outlet (人民网, 东湖 for 东湖学报; one of
    several: 光明日报) or kind of text (论文) by; "" when it does not."""
    chunk = passage.chunk
    for outlet in (chunk.source, *re.split(r"[、，,；;/]", chunk.source)) if chunk.source else ():
        if named := outlet_named_as(outlet.strip(), question):  # 光明日报 of 光明日报、科技日报
            return named
    return next((k for k in kinds_of_text(chunk.level) if k in question), "")


def kinds_of_text(level: str) -> list[str]:
    """The kinds of text a document of this level is (论文 of an academic one), in list order."""
    genre = set(lexicon.words("genres", level))
    return [k for k in lexicon.words("question_types", "text_kinds") if k in genre]


def singles_out(
    question: str,
    passages: Sequence[Passage],
    names: Callable[[str, Passage], bool] = names_document,
) -> bool:
    """The question names the best passage's document (`names`) and no other retrieved document
    of its series (titles alike but for their figures): 政府工作报告 in a library of work reports
    names every year's, and so none."""
    if not passages or not names(question, passages[0]):
        return False
    best = passages[0].chunk
    return not any(
        p.chunk.doc_id != best.doc_id
        and _series(p.chunk.title) == _series(best.title)
        and names(question, p)
        for p in passages
    )


def _series(title: str) -> str:
    return re.sub(r"\d+", "", title)


def describe(passage: Passage) -> str:
    """What a passage is, in words a question may use: title, outlet, region, section, genre."""
    chunk = passage.chunk
    genre = " ".join(lexicon.words("genres", chunk.level))
    parts = (
        chunk.title,
        chunk.source,
        other_names(chunk.source),
        chunk.region,
        chunk.heading,
        genre,
    )
    return " ".join(x for x in parts if x)


def searchable(passage: Passage) -> str:
    """The passage as the check reads it: its text and what describes it, lower-cased."""
    return f"{passage.text}\n{describe(passage)}".lower()


def points_at(question: str, passage: Passage) -> bool:
    """The question says where to look — a province, an outlet, 那篇论文, its title — and the
    best passage is from there (or names the province: 鲁那边 and a national text on 山东)."""
    text = searchable(passage)
    provinces = find_provinces(question)
    if provinces and all(any(a.lower() in text for a in p.aliases) for p in provinces):
        return True
    return names_document(question, passage)
