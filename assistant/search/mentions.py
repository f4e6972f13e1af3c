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

    def __call__(self, chunk: Chunk) -> bool:
        return (
            (self.region is not None and chunk.region == self.region)
            or any(p in chunk.text or p in chunk.heading for p in self.phrases)
            or (self.outlet is not None and self.outlet in (chunk.source or ""))
            or (self.level is not None and chunk.level == self.level)
        )

    @property
    def document(self) -> bool:
        """It points at a document — by its outlet or its kind — not at a place or phrase."""
        return self.outlet is not None or self.level is not None

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


def deeper(boosts: list[Boost], doc_ids: Sequence[str] = ()) -> int:
    """How many passages more than the top-k to search for: some, when the question points at a
    document (新华网那篇, 那篇论文, 1999年政府工作报告: the search is of that one) — that text says
    it in its own words, not the question's."""
    pointed = any(b.document for b in boosts) or len(doc_ids) == 1
    return TUNING.retrieval.pointed_extra if pointed else 0


_BYLINE_LABELS = ("作者", "原文刊发", "DOI")


_ITSELF = re.compile(r"本文|该文|这篇文章|原文")


def outlet_named(outlet: str, question: str) -> bool:
    """The question names the outlet, in full or without the word for its kind (东湖学报 →
    东湖那篇)."""
    return bool(_outlet_named_as(outlet, question))


def _outlet_named_as(outlet: str, question: str) -> str:
    if outlet in question:
        return outlet
    suffixes = lexicon.alternation("genres", "outlet_suffixes")
    short = re.sub(rf"(?:{suffixes})$", "", outlet)
    return short if short != outlet and len(short) >= 2 and short in question else ""


_TITLE_WORDS = 3  # of the title's words, to name the document by it


def names_document(question: str, passage: Passage) -> bool:
    """The question points at this document: by its outlet (辽宁日报那篇), its province (辽宁那篇),
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
    """The question names where this document appeared (辽宁日报那篇) or the kind of text it is
    (那篇论文, of an academic text)."""
    return bool(source_named_as(question, passage))


def source_named_as(question: str, passage: Passage) -> str:
    """The words the question names this document's outlet (新华网, 东湖 for 东湖学报; one of
    several: 经济日报) or kind of text (论文) by; "" when it does not."""
    chunk = passage.chunk
    for outlet in (chunk.source, *re.split(r"[、，,；;/]", chunk.source)) if chunk.source else ():
        if named := _outlet_named_as(outlet.strip(), question):  # 经济日报 of 经济日报、工信微报
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
    return " ".join(x for x in (chunk.title, chunk.source, chunk.region, chunk.heading, genre) if x)


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
