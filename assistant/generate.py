"""The generator interface, and the LLM generator: prompt | ChatOpenAI | parser, streaming.

Both generators — this one and the offline `ExtractiveGenerator` in `extractive.py` — take a
`GenerationRequest` and offer `invoke(request) -> str` and `stream(request)`. The extractive one
does not subclass LangChain's `Runnable` (it offers `as_runnable()`), so a cold offline `ask`
skips importing LangChain.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .citations import parse_citations
from .config import Settings
from .llm_faults import Budget, LLMError, Restart
from .prompts import load_prompt
from .safety import drop_instructions
from .schema import Passage

REFUSAL = "根据现有资料无法回答该问题。"


@dataclass(frozen=True)
class GenerationRequest:
    """What a generator answers from: the standalone question and the numbered passages."""

    question: str
    passages: list[Passage]
    term_weights: Mapping[str, float] = field(default_factory=dict)


class Generator(Protocol):
    model_name: str
    prompt_version: str

    def invoke(self, input: GenerationRequest) -> str: ...

    def stream(self, input: GenerationRequest) -> Iterator[str]: ...


class LLMGenerator:
    """Answers from any OpenAI-compatible endpoint (LangChain `ChatOpenAI`), streaming.

    Every call goes through `llm.reply`: bounded retries inside a time budget, and a reply that
    cites a passage number it was not given counts as a fault. Callers fall back on `LLMError`.
    """

    def __init__(self, settings: Settings, prompts_dir: Path) -> None:
        self.settings = settings
        self.prompt = load_prompt(prompts_dir, "answer")
        self.model_name = settings.chat_model
        self.prompt_version = self.prompt.version

    def messages(self, request: GenerationRequest) -> list[tuple[str, str]]:
        passages = [
            {
                "n": p.n,
                "title": p.chunk.title,
                "source": p.chunk.source,
                "date": p.chunk.date,
                "text": fence(p.text),
            }
            for p in request.passages
        ]
        return self.prompt.render(passages=passages, question=request.question)

    def reply(
        self, request: GenerationRequest, *, streaming: bool, budget: Budget | None = None
    ) -> Iterator[str | Restart]:
        """Pieces of the answer; `RESTART` when a retry starts over; raises `LLMError`."""
        from .llm import reply

        numbers = {p.n for p in request.passages}

        def check(text: str) -> None:
            unknown = sorted(set(parse_citations(text)) - numbers)
            if unknown:
                raise LLMError("citations", f"cited {unknown}, passages are 1..{len(numbers)}")

        return reply(
            self.settings, self.messages(request), budget=budget, streaming=streaming, check=check
        )

    def invoke(self, input: GenerationRequest, config: Any = None) -> str:
        return "".join(p for p in self.reply(input, streaming=False) if isinstance(p, str))

    def stream(self, input: GenerationRequest, config: Any = None) -> Iterator[str]:
        """Answer pieces as they arrive (a retry's restart is not signalled here; see `reply`)."""
        for piece in self.reply(input, streaming=True):
            if isinstance(piece, str):
                yield piece


def fence(text: str) -> str:
    """Passage text for the prompt: data that cannot close its fence or carry instructions."""
    return drop_instructions(text).replace("</资料", "〈/资料").replace("<资料", "〈资料")
