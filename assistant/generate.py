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

from .config import Settings
from .prompts import load_prompt
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
    """`prompt | ChatOpenAI | StrOutputParser` over any OpenAI-compatible endpoint, streaming."""

    def __init__(self, settings: Settings, prompts_dir: Path) -> None:
        from langchain_core.output_parsers import StrOutputParser
        from langchain_core.runnables import RunnableLambda

        from .llm import chat_model

        self.prompt = load_prompt(prompts_dir, "answer")
        self.model_name = settings.chat_model
        self.prompt_version = self.prompt.version
        messages = RunnableLambda(self._messages)
        self.chain = messages | chat_model(settings) | StrOutputParser()
        self.streaming_chain = messages | chat_model(settings, streaming=True) | StrOutputParser()

    def _messages(self, request: GenerationRequest) -> list[tuple[str, str]]:
        passages = [
            {
                "n": p.n,
                "title": p.chunk.title,
                "source": p.chunk.source,
                "date": p.chunk.date,
                # Passages are data: they must not be able to close their own fence.
                "text": p.text.replace("</资料", "〈/资料").replace("<资料", "〈资料"),
            }
            for p in request.passages
        ]
        return self.prompt.render(passages=passages, question=request.question)

    def invoke(self, input: GenerationRequest, config: Any = None) -> str:
        return self.chain.invoke(input, config)

    def stream(self, input: GenerationRequest, config: Any = None) -> Iterator[str]:
        yield from self.streaming_chain.stream(input, config)
