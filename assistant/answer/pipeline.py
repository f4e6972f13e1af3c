"""Answering one question: condense → retrieve → check evidence → generate → verify → `Answer`.

`Answerer.run` yields `StreamEvent`s; `Assistant.ask` keeps the last, `Assistant.stream` passes
them on. When the model fails, the offline extractive answer stands in, under a notice.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..config import Settings
from ..corpus.library import Library
from ..index.state import Index
from ..llm.faults import Budget, LLMError, Restart
from ..llm.prompts import load_prompt
from ..schema import Answer, Passage, Turn
from ..search.bylines import weights_of
from ..search.continued import continued
from ..search.mentions import boosts_for, deeper, named_by_title
from ..search.outlined import outlined
from ..search.positioned import part_at
from ..search.scoped import search
from ..search.short_forms import searched_as
from ..search.versions import Versions, scope, version_note, versions_of
from ..text.chars import has_chinese
from .condense import condense_offline, unrequested
from .extractive import ExtractiveGenerator
from .generate import REFUSAL, GenerationRequest, Generator
from .judge import SentenceJudge
from .notices import notices
from .question_types import classify
from .questions import NOT_CHINESE, QuestionError, as_turns, clean_question, without_links
from .safety import INJECTION_REFUSAL, drop_instructions, leaks_prompt, strip_injection
from .verify import verify_answer

log = logging.getLogger(__name__)
History = Sequence[Turn | Mapping[str, object]]


@dataclass(frozen=True, slots=True)
class StreamEvent:
    """One step of `Assistant.stream`: `passages`, then `delta`s, then the final `answer`.

    A `reset` means: discard the text so far (the model is retried, or the offline fallback
    takes over after a stream broke off); `delta`s follow again.
    """

    kind: str
    delta: str = ""
    passages: tuple[Passage, ...] = ()
    answer: Answer | None = None


def _as_data(passage: Passage) -> Passage:
    """The passage as generators see it: sentences that try to instruct the model removed."""
    text = drop_instructions(passage.text)
    if text == passage.text:
        return passage
    return replace(passage, chunk=replace(passage.chunk, text=text))


@dataclass(slots=True)
class _Asked:
    """One question on its way through the pipeline."""

    asked: str
    standalone: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    injected: bool = False


class Answerer:
    """Answers questions from the index it is given (a callable: the live index may change)."""

    def __init__(self, settings: Settings, index: Callable[[], Index]) -> None:
        self.settings = settings
        self._index = index

    @cached_property
    def generator(self) -> Generator:
        if self.settings.uses_llm:
            from .llm_answer import LLMGenerator

            return LLMGenerator(self.settings, self.settings.prompts_dir)
        return self.offline

    @cached_property
    def offline(self) -> ExtractiveGenerator:
        """The extractive generator: the default, and the fallback when the model fails."""
        return ExtractiveGenerator()

    def condense(self, question: str, history: Sequence[Turn], budget: Budget | None = None) -> str:
        """A standalone Chinese question: follow-ups completed, other languages translated (LLM)."""
        if not history and (has_chinese(question) or not self.settings.uses_llm):
            return question
        if self.settings.uses_llm:
            try:
                return self._condense_with_llm(question, history, budget)
            except LLMError as exc:  # the offline rules are a safe fallback
                log.warning("condense via LLM failed (%s); using offline rules", exc.kind)
        return condense_offline(question, history)

    def _condense_with_llm(
        self, question: str, history: Sequence[Turn], budget: Budget | None
    ) -> str:
        from ..llm.client import reply_text

        prompt = load_prompt(self.settings.prompts_dir, "condense")
        messages = prompt.render(
            history=[{"role": t.role, "content": t.content} for t in history[-6:]],
            question=question,
        )
        text = reply_text(self.settings, messages, budget=budget).strip()
        return text.splitlines()[0].strip() if text else question

    def run(
        self,
        question: str,
        *,
        history: History,
        k: int | None,
        doc_ids: Sequence[str],
        streaming: bool,
        as_of: str | None = None,
    ) -> Iterator[StreamEvent]:
        """The events of answering one question; raises `QuestionError` for unusable input.

        Only the versions in force are searched (on `as_of`, YYYY-MM-DD, when given)."""
        state = _Asked(clean_question(question, limit=self.settings.max_question_chars))
        question_only, state.injected = strip_injection(without_links(state.asked))
        question_only = question_only.strip()
        if not question_only and not state.injected:
            raise QuestionError("问题中只有链接或图片，请用文字写出要查询的政策问题。")
        if state.injected and not question_only:
            notice = "已拦截：问题要求改变回答规则或透露提示词。"
            yield _final(self._refusal(state, [], INJECTION_REFUSAL, notice=notice))
            return
        budget = Budget(self.settings.llm_timeout)  # for every model call of this question
        with _timed(state, "condense"):
            state.standalone = unrequested(self.condense(question_only, as_turns(history), budget))
        if not has_chinese(state.standalone):
            yield _final(self._refusal(state, [], NOT_CHINESE))
            return
        yield from self._answer(
            state, k=k, doc_ids=doc_ids, streaming=streaming, budget=budget, as_of=as_of
        )

    def _answer(
        self,
        state: _Asked,
        *,
        k: int | None,
        doc_ids: Sequence[str],
        streaming: bool,
        budget: Budget,
        as_of: str | None = None,
    ) -> Iterator[StreamEvent]:
        index = self._index()
        with _timed(state, "retrieve"):
            versions = self._versions(index)
            chosen_by_user = bool(doc_ids)
            doc_ids, as_of = scope(versions, state.standalone, as_of, doc_ids)
            query = searched_as(index, state.standalone)
            boosts = boosts_for(query, index.outlets) + named_by_title(index, query)
            k = k or self.settings.top_k + deeper(boosts, doc_ids)  # one document: more of it
            result, evidence = search(
                index, versions, query, k=k, doc_ids=doc_ids,
                chosen_by_user=chosen_by_user, boosts=boosts,
                problems=classify(state.standalone) == "problem",
            )  # fmt: skip
        weights = weights_of(index, query, result.passages)  # its authors: where, not what
        # 那篇分几块？: the document's parts, by their headings; else 做好以下工作。: with its items
        outline = outlined(index, query, result.passages, weights) or part_at(
            index, query, result.passages, weights
        )
        passages = outline.passages if outline else continued(index, result.passages)
        yield StreamEvent("passages", passages=tuple(passages))
        if not evidence.sufficient and not outline:
            reason = f"{REFUSAL[:-1]}：{evidence.reason}。" if evidence.reason else REFUSAL
            yield _final(self._refusal(state, passages, reason))
            return
        request = GenerationRequest(
            state.standalone,
            [_as_data(p) for p in passages],
            weights,
            query,
            tuple(outline.headings) if outline else (),
        )
        parts: list[str] = []
        with _timed(state, "generate"):
            outcome = yield from self._generate(request, streaming, budget, parts)
        generator, failure = outcome
        with _timed(state, "verify"):
            answer = self._verified(generator, state, "".join(parts).strip(), passages)
            if self.settings.verify_judge and generator is not self.offline and answer.sentences:
                answer.sentences = SentenceJudge(self.settings).review(
                    answer.sentences, passages, budget
                )
        answer.notice = "".join(notices(answer, state.injected, result.keyword_only, failure))
        if versions.any and not answer.refused:
            cited = [passages[n - 1].chunk.doc_id for n in answer.citations]
            answer.notice = version_note(versions, cited, as_of, state.standalone) + answer.notice
        if failure is not None:
            answer.fallback = failure.kind
        yield _final(answer)

    def _versions(self, index: Index) -> Versions:
        """The library's versions, with the relations the user set (remembered per state)."""
        chosen = Library(self.settings.library).chosen_versions()
        key = "versions:" + json.dumps(chosen, sort_keys=True, ensure_ascii=False)
        return index.remember(key, lambda: versions_of(index, chosen))

    def _generate(
        self, request: GenerationRequest, streaming: bool, budget: Budget, parts: list[str]
    ):
        """Stream the generator's pieces into `parts`; on `LLMError`, the offline answer.

        Returns (the generator whose text it is, the failure or None)."""
        generator: Generator = self.generator
        try:
            for piece in generator.reply(request, streaming=streaming, budget=budget):
                if isinstance(piece, Restart):
                    parts.clear()
                    yield StreamEvent("reset")
                    continue
                parts.append(piece)
                yield StreamEvent("delta", delta=piece)
        except LLMError as exc:  # no usable reply: the offline answer, clearly marked
            log.warning("answer via LLM failed after %d attempt(s): %s", exc.attempts, exc)
            if parts:
                yield StreamEvent("reset")
            parts[:] = [self.offline.answer(request)]
            yield StreamEvent("delta", delta=parts[0])
            return self.offline, exc
        return generator, None

    def _verified(
        self, generator: Generator, state: _Asked, text: str, passages: list[Passage]
    ) -> Answer:
        if leaks_prompt(text, list(generator.system_prompts)):
            notice = "已拦截：模型的回答复述了系统提示词。"
            return self._refusal(state, passages, INJECTION_REFUSAL, notice=notice, by=generator)
        if not text or text.startswith(REFUSAL[:8]):
            message = text if text.startswith(REFUSAL[:8]) and len(text) < 200 else REFUSAL
            return self._refusal(state, passages, message, by=generator)
        return Answer(
            question=state.asked,
            answer=text,
            passages=passages,
            sentences=verify_answer(text, passages),
            model=generator.model_name,
            prompt_version=generator.prompt_version,
            standalone_question=state.standalone,
            timings_ms=state.timings,
        )

    def _refusal(
        self,
        state: _Asked,
        passages: list[Passage],
        message: str,
        *,
        notice: str = "",
        by: Generator | None = None,
    ) -> Answer:
        generator = by or self.generator
        return Answer(
            question=state.asked,
            answer=message,
            passages=passages,
            sentences=[],
            refused=True,
            model=generator.model_name,
            prompt_version=generator.prompt_version,
            standalone_question=state.standalone or state.asked,
            notice=notice,
            timings_ms=state.timings,
        )


@contextmanager
def _timed(state: _Asked, stage: str) -> Iterator[None]:
    """Record how long a stage took, in milliseconds, under its name."""
    started = time.perf_counter()
    try:
        yield
    finally:
        state.timings[stage] = (time.perf_counter() - started) * 1000


def _final(answer: Answer) -> StreamEvent:
    return StreamEvent("answer", answer=answer)
