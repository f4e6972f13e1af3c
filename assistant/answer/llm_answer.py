"""The LLM generator: `prompts/answer.md` rendered with the passages, sent to the endpoint."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from ..llm.faults import Budget, LLMError, Restart
from ..llm.prompts import load_prompt
from .generate import GenerationRequest, fence
from .verify import parse_citations


class LLMGenerator:
    """Answers from any OpenAI-compatible endpoint, streaming.

    Every call goes through `llm.client.reply`: bounded retries inside a time budget, and a reply
    that cites a passage number it was not given counts as a fault. Callers fall back on
    `LLMError`.
    """

    def __init__(self, settings: Settings, prompts_dir: Path) -> None:
        self.settings = settings
        self.prompt = load_prompt(prompts_dir, "answer")
        self.model_name = settings.chat_model
        self.prompt_version = self.prompt.version
        self.system_prompts = (self.prompt.system,)

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
        from ..llm.client import reply

        numbers = {p.n for p in request.passages}

        def check(text: str) -> None:
            unknown = sorted(set(parse_citations(text)) - numbers)
            if unknown:
                raise LLMError("citations", f"cited {unknown}, passages are 1..{len(numbers)}")

        return reply(
            self.settings, self.messages(request), budget=budget, streaming=streaming, check=check
        )
