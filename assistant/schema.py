"""Typed records passed between pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Level = Literal["central", "provincial", "municipal", "academic", "other"]
SupportStatus = Literal["supported", "weak", "unsupported", "uncited"]


@dataclass(frozen=True, slots=True)
class Article:
    """One article inside a source file (most files hold exactly one)."""

    title: str
    text: str
    source: str | None = None
    region: str | None = None
    level: Level = "other"


@dataclass(frozen=True, slots=True)
class Document:
    """A source file of the corpus; `doc_id` is the file stem."""

    doc_id: str
    title: str
    articles: tuple[Article, ...]
    source: str | None = None
    date: str | None = None
    region: str | None = None
    level: Level = "other"
    path: Path | None = None
    sha256: str = ""

    @property
    def text(self) -> str:
        return "\n\n".join(article.text for article in self.articles)


@dataclass(frozen=True, slots=True)
class Chunk:
    """A retrievable span of one article, with a stable id `doc_id#n`."""

    chunk_id: str
    doc_id: str
    text: str
    title: str
    heading: str = ""
    source: str | None = None
    date: str | None = None
    region: str | None = None
    level: Level = "other"
    tokens: int = 0

    @property
    def index_text(self) -> str:
        """Text used for search: the title, outlet and heading path give context to the body."""
        prefix = " ".join(part for part in (self.title, self.source, self.heading) if part)
        return f"{prefix}\n{self.text}"


@dataclass(frozen=True, slots=True)
class Passage:
    """A retrieved chunk, numbered `n` (1-based) as cited in answers: `[n]`."""

    n: int
    chunk: Chunk
    score: float

    @property
    def text(self) -> str:
        return self.chunk.text

    def to_json(self) -> dict[str, object]:
        c = self.chunk
        return {
            "n": self.n,
            "chunk_id": c.chunk_id,
            "doc_id": c.doc_id,
            "title": c.title,
            "text": c.text,
            "score": round(self.score, 6),
            "heading": c.heading,
            "source": c.source,
            "date": c.date,
            "region": c.region,
        }


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an answer with the outcome of checking its citations."""

    text: str
    citations: tuple[int, ...]
    support: float
    status: SupportStatus
    issues: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "citations": list(self.citations),
            "support": round(self.support, 3),
            "status": self.status,
            "issues": list(self.issues),
        }


@dataclass(frozen=True, slots=True)
class Turn:
    """One message of the chat history."""

    role: Literal["user", "assistant"]
    content: str


@dataclass(slots=True)
class Answer:
    """What `Assistant.ask` returns; `to_json` is the `ask --json` contract."""

    question: str
    answer: str
    passages: list[Passage]
    sentences: list[Sentence]
    refused: bool = False
    model: str = "extractive"
    prompt_version: str = ""
    standalone_question: str = ""
    notice: str = ""
    timings_ms: dict[str, float] = field(default_factory=dict)
    fallback: str = ""
    """Why the offline answer stands in for the model's (`llm_faults.REASONS` key), or ""."""

    @property
    def citations(self) -> list[int]:
        return sorted({n for s in self.sentences for n in s.citations})

    @property
    def groundedness(self) -> float:
        """Share of answer sentences whose citations support them."""
        if not self.sentences:
            return 1.0 if self.refused else 0.0
        return sum(s.status == "supported" for s in self.sentences) / len(self.sentences)

    def to_json(self) -> dict[str, object]:
        return {
            "question": self.question,
            "answer": self.answer,
            "refused": self.refused,
            "passages": [p.to_json() for p in self.passages],
            "citations": self.citations,
            "sentences": [s.to_json() for s in self.sentences],
            "groundedness": round(self.groundedness, 4),
            "model": self.model,
            "prompt_version": self.prompt_version,
            "standalone_question": self.standalone_question,
            "notice": self.notice,
            "fallback": self.fallback,
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
        }


Origin = Literal["province", "national", "elsewhere"]


@dataclass(slots=True)
class PlanItem:
    """One measure of a plan: a sentence drawn from the cited passages, lightly normalised.

    `origin` says where it comes from: the province's own material, the national texts, or another
    province's practice (`region` names it) offered as a reference.
    """

    text: str
    citations: tuple[int, ...]
    origin: Origin = "national"
    region: str | None = None
    measure: str | None = None  # the coverage-matrix measure this item was drafted for
    support: float = 0.0
    status: SupportStatus = "uncited"
    issues: tuple[str, ...] = ()
    details: list[PlanItem] = field(default_factory=list)  # rendered as （1）（2）

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "citations": list(self.citations),
            "origin": self.origin,
            "region": self.region,
            "measure": self.measure,
            "support": round(self.support, 3),
            "status": self.status,
            "issues": list(self.issues),
            "details": [d.to_json() for d in self.details],
        }


@dataclass(slots=True)
class PlanSection:
    """一、总体要求 / （一）指导思想 …: `number` is the label (“一、”, “（一）”), `heading` the text."""

    number: str
    heading: str
    items: list[PlanItem] = field(default_factory=list)
    subsections: list[PlanSection] = field(default_factory=list)
    note: str = ""  # a drafting hint shown under the heading (never a claim)

    def all_items(self) -> list[PlanItem]:
        found = [d for item in self.items for d in (item, *item.details)]
        return found + [i for s in self.subsections for i in s.all_items()]

    def to_json(self) -> dict[str, object]:
        return {
            "number": self.number,
            "heading": self.heading,
            "items": [i.to_json() for i in self.items],
            "subsections": [s.to_json() for s in self.subsections],
            "note": self.note,
        }


@dataclass(slots=True)
class CoverageRow:
    """One national measure the corpus names, and where the outline covers it."""

    measure: str
    covered: bool
    items: list[str]  # item labels such as “二（三）2”
    citations: list[int]
    sources: list[str]  # chunk ids of the national texts that name the measure

    def to_json(self) -> dict[str, object]:
        return {
            "measure": self.measure,
            "covered": self.covered,
            "items": self.items,
            "citations": self.citations,
            "sources": self.sources,
        }


@dataclass(slots=True)
class PlanOutline:
    """What `Assistant.plan` returns; `to_json` is the `plan --format json` contract."""

    province: str
    title: str
    sections: list[PlanSection]
    coverage: list[CoverageRow]
    passages: list[Passage]
    notes: list[str] = field(default_factory=list)
    focus: str | None = None
    has_specific_material: bool = False
    model: str = "extractive"
    prompt_version: str = ""
    timings_ms: dict[str, float] = field(default_factory=dict)

    def items(self) -> list[PlanItem]:
        return [i for s in self.sections for i in s.all_items()]

    def to_json(self) -> dict[str, object]:
        return {
            "province": self.province,
            "title": self.title,
            "focus": self.focus,
            "has_specific_material": self.has_specific_material,
            "sections": [s.to_json() for s in self.sections],
            "coverage": [c.to_json() for c in self.coverage],
            "passages": [p.to_json() for p in self.passages],
            "notes": self.notes,
            "model": self.model,
            "prompt_version": self.prompt_version,
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
        }
