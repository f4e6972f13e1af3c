"""What a generator answers from, and the one method the ask pipeline calls on it.

Two generators implement it: the offline `ExtractiveGenerator` (`extractive.py`) and the
`LLMGenerator` (`llm_answer.py`) for any OpenAI-compatible endpoint.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from ..llm.faults import Budget, Restart
from ..schema import Passage
from .safety import drop_instructions

REFUSAL = "根据现有资料无法回答该问题。"


@dataclass(frozen=True)
class GenerationRequest:
    """What a generator answers from: the standalone question and the numbered passages."""

    question: str
    passages: list[Passage]
    term_weights: Mapping[str, float] = field(default_factory=dict)
    query: str = ""
    """The question as searched (abbreviations written out: 冀 → 河北, GDP → 国内生产总值)."""
    outline: tuple[tuple[str, int], ...] = ()
    """When the question asks how a document is laid out (那篇分几块): the heading lines that
    answer it, in order, each with the number of the passage holding it."""

    @property
    def searched(self) -> str:
        return self.query or self.question


class Generator(Protocol):
    model_name: str
    prompt_version: str
    system_prompts: tuple[str, ...]
    """Text an answer must never repeat (the model's instructions); empty offline."""

    def reply(
        self, request: GenerationRequest, *, streaming: bool, budget: Budget | None = None
    ) -> Iterator[str | Restart]:
        """Pieces of the answer; `Restart` when a retry starts over; may raise `LLMError`."""
        ...


def fence(text: str) -> str:
    """Passage text for a prompt: data that cannot close its fence or carry instructions."""
    return drop_instructions(text).replace("</资料", "〈/资料").replace("<资料", "〈资料")
