"""Two answer generators with one interface: `invoke(request) -> str` and `stream(request)`.

`LLMGenerator` is a LangChain runnable chain (prompt | ChatOpenAI | parser). The offline
`ExtractiveGenerator` has the same `invoke`/`stream` signature and `as_runnable()` for LCEL
composition, but does not subclass `Runnable`, so a cold offline `ask` skips importing LangChain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .clean import looks_like_heading
from .config import Settings
from .prompts import load_prompt
from .schema import Passage
from .segment import char_ngrams, split_sentences

REFUSAL = "根据现有资料无法回答该问题。"
_QUANTITY_QUESTION = re.compile(
    r"多少|几[个项条家]|数量|规模|比例|增长|金额|成交|百分之|how many|how much", re.I
)
_DEFINITION_QUESTION = re.compile(
    r"是什么|什么是|什么意思|何谓|含义|内涵|指的是|是指|定义|what is|meaning", re.I
)
_LEADING_CONNECTIVE = re.compile(
    r"^(?:此外|同时|另外|因此|所以|其次|再次|最后|首先|然而|具体而言|具体来看|总之|进一步地?)[，：,]"
)
_BYLINE = re.compile(r"^(?:[（(]?来源|作者|DOI|原文刊发|关键词|责任编辑|编辑)")
_MAX_SENTENCES = 4
_MAX_CHARS = 360
_MIN_COVERAGE = 0.3


@dataclass(frozen=True)
class GenerationRequest:
    """What a generator answers from: the standalone question and the numbered passages."""

    question: str
    passages: list[Passage]
    term_weights: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Candidate:
    passage: Passage
    position: int
    text: str
    coverage: float
    score: float


class Generator(Protocol):
    model_name: str
    prompt_version: str

    def invoke(self, input: GenerationRequest) -> str: ...

    def stream(self, input: GenerationRequest) -> Iterator[str]: ...


class ExtractiveGenerator:
    """Offline answers: the passages' most relevant sentences, verbatim, each ending with `[n]`."""

    model_name = "extractive"
    prompt_version = "extractive@1"

    def invoke(self, input: GenerationRequest, config: Any = None) -> str:
        return "".join(self.stream(input))

    def as_runnable(self):
        """This generator as a LangChain `Runnable` (streaming sentence by sentence)."""
        from langchain_core.runnables import RunnableGenerator

        def run(requests: Iterator[GenerationRequest]) -> Iterator[str]:
            for request in requests:
                yield from self.stream(request)

        return RunnableGenerator(run)

    def stream(self, input: GenerationRequest, config: Any = None) -> Iterator[str]:
        chosen = select_sentences(input)
        if not chosen:
            yield REFUSAL
            return
        for candidate in chosen:
            yield _cite(candidate.text, candidate.passage.n)


def _cite(sentence: str, n: int) -> str:
    """Put `[n]` before the closing punctuation, which stays outside: “……[1]。”."""
    match = re.search(r"([。！？!?…；;]+)([”’」』）)]*)$", sentence)
    if not match:
        return f"{sentence}[{n}]。"
    stop = "。" if match.group(1) in ("；", ";") else match.group(1)
    return f"{sentence[: match.start()]}[{n}]{stop}{match.group(2)}"


def _is_answer_sentence(sentence: str) -> bool:
    if len(sentence) < 12 or _BYLINE.match(sentence):
        return False
    return not looks_like_heading(sentence)


def _coverage(text: str, weights: Mapping[str, float]) -> float:
    total = sum(weights.values())
    if not total:
        return 0.0
    lowered = text.lower()
    return sum(w for term, w in weights.items() if term in lowered) / total


def select_sentences(request: GenerationRequest) -> list[_Candidate]:
    """Pick the few sentences that best cover the question's terms, in reading order."""
    weights = request.term_weights
    wants_number = bool(_QUANTITY_QUESTION.search(request.question))
    # For “什么是X”, a sentence that says “X是……” is the answer.
    definienda = (
        [t for t in sorted(weights, key=weights.get, reverse=True)[:2] if len(t) >= 2]
        if _DEFINITION_QUESTION.search(request.question)
        else []
    )
    candidates: list[_Candidate] = []
    for rank, passage in enumerate(request.passages):
        # Terms met by the passage's title or region (辽宁, 青岛日报) hold for each of its sentences.
        context = f"{passage.chunk.title} {passage.chunk.source or ''} {passage.chunk.region or ''}"
        for position, sentence in enumerate(split_sentences(passage.text, max_chars=160)):
            if not _is_answer_sentence(sentence):
                continue
            sentence = _LEADING_CONNECTIVE.sub("", sentence)
            coverage = _coverage(f"{sentence} {context}", weights)
            score = coverage + 0.12 / (rank + 1)
            if wants_number and re.search(r"\d", sentence):
                score += 0.15
            if any(
                re.match(rf"^(?:所谓)?“?{re.escape(t)}”?(?:是|就是|指)", sentence)
                for t in definienda
            ):
                score += 0.3
            candidates.append(_Candidate(passage, position, sentence, coverage, score))
    candidates.sort(key=lambda c: -c.score)
    if not candidates or candidates[0].coverage < _MIN_COVERAGE:
        return []
    best = candidates[0]
    chosen = [best]
    seen = [set(char_ngrams(best.text, 2))]
    length = len(best.text)
    for candidate in candidates[1:]:
        if len(chosen) == _MAX_SENTENCES or length + len(candidate.text) > _MAX_CHARS:
            continue
        if candidate.coverage < max(_MIN_COVERAGE, 0.6 * best.coverage):
            continue
        grams = set(char_ngrams(candidate.text, 2))
        if any(len(grams & other) / (len(grams) or 1) > 0.6 for other in seen):
            continue
        chosen.append(candidate)
        seen.append(grams)
        length += len(candidate.text)
    return sorted(chosen, key=lambda c: (c.passage.n, c.position))


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
