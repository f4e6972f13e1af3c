"""`Assistant`: condense → retrieve → check evidence → generate → verify → `Answer`."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from .citations import verify_answer
from .config import Settings
from .evidence import assess, term_weights
from .extractive import ExtractiveGenerator
from .followup import condense_offline
from .generate import REFUSAL, GenerationRequest, Generator, LLMGenerator
from .index import Index, IndexStore
from .ingest import IngestReport, add_files
from .library import Library
from .llm_faults import Budget, LLMError, Restart
from .mentions import boosts_for
from .prompts import load_prompt
from .retrieve import retrieve
from .safety import INJECTION_REFUSAL, drop_instructions, leaks_prompt, strip_injection
from .schema import Answer, Passage, Turn
from .segment import expand_abbreviations
from .sources import load_corpus

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
# Control and invisible characters, and lone surrogates (no encoder can write them back).
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff\ud800-\udfff]"
)
# Links and images say nothing searchable: an image goes, a link keeps its text, a URL goes.
_LINKS = re.compile(
    r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|(?:https?|javascript|data):\S*", re.I
)


_CJK = re.compile(r"[\u3400-\u9fff]")
NOT_CHINESE = "资料均为中文，离线模式请用中文提问（配置大模型后可直接用其他语言提问）。"


class QuestionError(ValueError):
    """The question cannot be processed as given; the message says why, in Chinese."""


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


def _turns(history: Sequence[Turn | Mapping[str, object]]) -> list[Turn]:
    turns = []
    for turn in history:
        if isinstance(turn, Turn):
            turns.append(turn)
            continue
        content = turn.get("content", "")
        if isinstance(content, list):  # Gradio 6 sends a list of parts
            content = "".join(
                str(p.get("text", "")) if isinstance(p, dict) else str(p) for p in content
            )
        role = "user" if turn.get("role") == "user" else "assistant"
        turns.append(Turn(role, str(content)))
    return turns


class Assistant:
    """The policy Q&A assistant; every surface (CLI, UI, evals) goes through this class."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.store = IndexStore(self.settings)
        self.library = Library(
            self.settings.library, max_bytes=int(self.settings.max_file_mb * 2**20)
        )
        self._index: Index | None = None
        self._lock = threading.Lock()

    @property
    def index(self) -> Index:
        """The live index; picks up a newer state another process committed (an ingest)."""
        index = self._index
        if index is not None and self.store.current_id() in (None, index.manifest.build_id):
            return index
        with self._lock:
            if self._index is None or self._index is index:
                self._index, _ = self.store.ensure()
            return self._index

    def build_index(self, *, rebuild: bool = False) -> tuple[Index, bool]:
        """Bring the index up to date with the seeds and the whole library (`assistant index`)."""
        result = self.sync(rebuild=rebuild)
        return result.index, result.changed or rebuild

    def sync(self, *, rebuild: bool = False, progress: Progress = lambda done, total: None):
        """Update the index to the current seeds and library (`SyncResult`)."""
        with self._lock:
            self.library.forget_removed()
            result = self.store.sync(self.sources(), rebuild=rebuild, progress=progress)
            self._index = result.index
        return result

    def sources(self):
        return load_corpus(self.settings.seeds_dir, self.settings.library)

    # --- the library ---

    def ingest(
        self,
        files: Sequence[Path | tuple[Path, str]],
        *,
        on_file: Progress = lambda done, total: None,
        on_index: Progress = lambda done, total: None,
    ) -> IngestReport:
        """Add files (or (path, name) pairs from uploads) to the library, then update the index."""
        report = IngestReport(add_files(self.library, files, on_file))
        report.sync = self.sync(progress=on_index)
        return report

    def remove(self, names: Sequence[str]) -> tuple[list[str], list[str]]:
        """Delete library documents from the library and the index: (removed, unknown)."""
        removed = [name for name in names if self.library.remove(name)]
        if removed:
            self.sync()
        return removed, [name for name in names if name not in removed]

    def edit(self, name: str, **fields: str | None):
        """Change a library document's title, date, source or region, and re-index it."""
        self.library.edit(name, **fields)
        return self.sync()

    @cached_property
    def generator(self) -> Generator:
        if self.settings.uses_llm:
            return LLMGenerator(self.settings, self.settings.prompts_dir)
        return self.offline

    @cached_property
    def offline(self) -> ExtractiveGenerator:
        """The extractive generator: the default, and the fallback when the model fails."""
        return ExtractiveGenerator()

    def plan(self, province: str, focus: str | None = None):
        """Draft a provincial action-plan outline (`PlanOutline`); raises `PlanError`."""
        from .plan_drafting import draft_plan

        return draft_plan(self, province, focus)

    # --- the pipeline ---

    def clean_question(self, question: str) -> str:
        """Validate and normalise a question, or raise `QuestionError` with a Chinese message."""
        if not isinstance(question, str):
            raise QuestionError("问题必须是文本。")
        question = _CONTROL.sub("", question).strip()
        if not question:
            raise QuestionError("问题不能为空，请输入要查询的政策问题。")
        limit = self.settings.max_question_chars
        if len(question) > limit:
            raise QuestionError(f"问题过长（{len(question)}字），请精简到{limit}字以内。")
        return question

    def condense(self, question: str, history: Sequence[Turn], budget: Budget | None = None) -> str:
        """A standalone Chinese question: follow-ups completed, other languages translated (LLM)."""
        if not history and (_CJK.search(question) or not self.settings.uses_llm):
            return question
        if isinstance(self.generator, LLMGenerator):
            try:
                return self._condense_with_llm(question, history, budget)
            except LLMError as exc:  # the offline rules are a safe fallback
                log.warning("condense via LLM failed (%s); using offline rules", exc.kind)
        return condense_offline(question, history)

    def _condense_with_llm(
        self, question: str, history: Sequence[Turn], budget: Budget | None
    ) -> str:
        from .llm import reply_text

        prompt = load_prompt(self.settings.prompts_dir, "condense")
        messages = prompt.render(
            history=[{"role": t.role, "content": t.content} for t in history[-6:]],
            question=question,
        )
        text = reply_text(self.settings, messages, budget=budget).strip()
        return text.splitlines()[0].strip() if text else question

    def ask(
        self,
        question: str,
        *,
        history: Sequence[Turn | Mapping[str, object]] = (),
        k: int | None = None,
        doc_ids: Sequence[str] = (),
    ) -> Answer:
        """Answer one question; raises `QuestionError` for unusable input."""
        events = self._run(question, history=history, k=k, doc_ids=doc_ids, streaming=False)
        final = [event.answer for event in events if event.kind == "answer"]
        assert final and final[-1] is not None
        return final[-1]

    def stream(
        self,
        question: str,
        *,
        history: Sequence[Turn | Mapping[str, object]] = (),
        k: int | None = None,
        doc_ids: Sequence[str] = (),
    ) -> Iterator[StreamEvent]:
        """Yield the passages, the answer text as it is generated, then the verified `Answer`."""
        return self._run(question, history=history, k=k, doc_ids=doc_ids, streaming=True)

    def _run(
        self,
        question: str,
        *,
        history: Sequence[Turn | Mapping[str, object]],
        k: int | None,
        doc_ids: Sequence[str],
        streaming: bool,
    ) -> Iterator[StreamEvent]:
        timings: dict[str, float] = {}
        asked = self.clean_question(question)
        question_only, injected = strip_injection(_LINKS.sub(lambda m: m.group(1) or " ", asked))
        question_only = question_only.strip()
        if not question_only and not injected:
            raise QuestionError("问题中只有链接或图片，请用文字写出要查询的政策问题。")
        if injected and not question_only:
            yield self._final(
                self._refusal(
                    asked,
                    [],
                    INJECTION_REFUSAL,
                    timings,
                    notice="已拦截：问题要求改变回答规则或透露提示词。",
                )
            )
            return
        budget = Budget(self.settings.llm_timeout)  # for every model call of this question
        started = time.perf_counter()
        standalone = self.condense(question_only, _turns(history), budget)
        timings["condense"] = (time.perf_counter() - started) * 1000

        if not _CJK.search(standalone):
            yield self._final(self._refusal(asked, [], NOT_CHINESE, timings, standalone=standalone))
            return

        started = time.perf_counter()
        query = expand_abbreviations(standalone)
        result = retrieve(
            self.index,
            query,
            k=k or self.settings.top_k,
            doc_ids=doc_ids,
            boosts=boosts_for(query, self.index.outlets),
        )
        passages = result.passages
        evidence = assess(self.index, query, passages)
        timings["retrieve"] = (time.perf_counter() - started) * 1000
        yield StreamEvent("passages", passages=tuple(passages))
        if not evidence.sufficient:
            message = f"{REFUSAL[:-1]}：{evidence.reason}。" if evidence.reason else REFUSAL
            yield self._final(
                self._refusal(asked, passages, message, timings, standalone=standalone)
            )
            return

        started = time.perf_counter()
        request = GenerationRequest(
            standalone, [_as_data(p) for p in passages], term_weights(self.index, query)
        )
        generator, parts, failure = self.generator, [], None
        try:
            for piece in self._generate(generator, request, streaming, budget):
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
            generator, parts, failure = self.offline, [self.offline.invoke(request)], exc
            yield StreamEvent("delta", delta=parts[0])
        text = "".join(parts).strip()
        timings["generate"] = (time.perf_counter() - started) * 1000

        started = time.perf_counter()
        answer = self._verified(generator, asked, standalone, text, passages, timings)
        timings["verify"] = (time.perf_counter() - started) * 1000
        notices = [answer.notice] if answer.notice else []
        if injected:
            notices.append("已忽略问题中要求改变规则或透露提示词的部分。")
        if result.keyword_only:
            notices.append("向量检索暂不可用，本次仅按关键词检索。")
        if failure is not None:
            answer.fallback = failure.kind
            notices.insert(
                0,
                f"大模型暂时无法使用（{failure.reason}），以下为离线摘录的答案：每句均为资料原文。",
            )
        answer.notice = "".join(notices)
        yield self._final(answer)

    @staticmethod
    def _generate(
        generator: Generator, request: GenerationRequest, streaming: bool, budget: Budget
    ) -> Iterator[str | Restart]:
        if isinstance(generator, LLMGenerator):
            return generator.reply(request, streaming=streaming, budget=budget)
        return generator.stream(request) if streaming else iter([generator.invoke(request)])

    def _verified(
        self,
        generator: Generator,
        asked: str,
        standalone: str,
        text: str,
        passages: list[Passage],
        timings: dict[str, float],
    ) -> Answer:
        if isinstance(generator, LLMGenerator) and leaks_prompt(text, [generator.prompt.system]):
            return self._refusal(
                asked,
                passages,
                INJECTION_REFUSAL,
                timings,
                notice="已拦截：模型的回答复述了系统提示词。",
                by=generator,
            )
        if not text or text.startswith(REFUSAL[:8]):
            message = text if text.startswith(REFUSAL[:8]) and len(text) < 200 else REFUSAL
            return self._refusal(
                asked, passages, message, timings, standalone=standalone, by=generator
            )
        return Answer(
            question=asked,
            answer=text,
            passages=passages,
            sentences=verify_answer(text, passages),
            model=generator.model_name,
            prompt_version=generator.prompt_version,
            standalone_question=standalone,
            timings_ms=timings,
        )

    def _refusal(
        self,
        asked: str,
        passages: list[Passage],
        message: str,
        timings: dict[str, float],
        *,
        standalone: str = "",
        notice: str = "",
        by: Generator | None = None,
    ) -> Answer:
        generator = by or self.generator
        return Answer(
            question=asked,
            answer=message,
            passages=passages,
            sentences=[],
            refused=True,
            model=generator.model_name,
            prompt_version=generator.prompt_version,
            standalone_question=standalone or asked,
            notice=notice,
            timings_ms=timings,
        )

    @staticmethod
    def _final(answer: Answer) -> StreamEvent:
        return StreamEvent("answer", answer=answer)
