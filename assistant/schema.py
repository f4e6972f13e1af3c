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
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
        }
