"""A second opinion on `weak` sentences from the configured model (`ASSISTANT_VERIFY_JUDGE=1`).

The rules are sure about what they flag `unsupported` (a wrong place, figure, quotation…) and
about what they call `supported`; in between lies `weak` — a reworded clause the passage may or
may not say. The judge (`prompts/judge.md`, temperature 0) reads such a sentence with its cited
passages and answers 支持 / 部分支持 / 不支持: 支持 makes it `supported`, 不支持 `unsupported`,
部分支持 leaves it `weak`, each with the judge's reason. It never sees, and so never overturns, a
sentence the rules flagged `unsupported`. Verdicts are cached on disk by model, prompt version,
sentence and passages, so asking again costs nothing; a failed call leaves the sentence as it was.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..config import Settings
from ..llm.client import reply_text
from ..llm.faults import Budget, LLMError
from ..llm.json_reply import NoJSONObject, json_object
from ..llm.prompts import load_prompt
from ..schema import Passage, Sentence
from .verify import strip_citations

log = logging.getLogger(__name__)
VERDICTS = ("支持", "部分支持", "不支持")
STATUS = {"支持": "supported", "部分支持": "weak", "不支持": "unsupported"}


def parse_verdict(text: str) -> tuple[str, str]:
    """(verdict, reason) from the judge's JSON line; anything unreadable is 不支持."""
    try:
        found = json_object(text)
    except NoJSONObject:
        return "不支持", ""
    verdict = str(found.get("verdict", ""))
    return (verdict if verdict in VERDICTS else "不支持"), str(found.get("reason", ""))[:120]


class SentenceJudge:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings.model_copy(update={"temperature": 0.0})
        self.prompt = load_prompt(settings.prompts_dir, "judge")
        self.cache = settings.home / "cache" / "judge"

    def review(
        self, sentences: Sequence[Sentence], passages: Sequence[Passage], budget: Budget
    ) -> list[Sentence]:
        """The sentences with every `weak` one judged; the others untouched."""
        return [self._judged(s, passages, budget) if s.status == "weak" else s for s in sentences]

    def _judged(self, sentence: Sentence, passages: Sequence[Passage], budget: Budget) -> Sentence:
        cited = [{"n": p.n, "text": p.text} for p in passages if p.n in sentence.citations]
        messages = self.prompt.render(sentence=strip_citations(sentence.text), passages=cited)
        path = self._entry(messages)
        try:
            verdict, reason = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            try:
                verdict, reason = parse_verdict(reply_text(self.settings, messages, budget=budget))
            except LLMError as exc:
                log.info("verify judge unavailable: %s", exc)
                return sentence
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(".tmp")
            partial.write_text(json.dumps([verdict, reason], ensure_ascii=False), "utf-8")
            partial.replace(path)
        note = f"大模型核查：{verdict}" + (f"（{reason}）" if reason else "")
        issues = () if verdict == "支持" else (*sentence.issues, note)
        return replace(sentence, status=STATUS[verdict], issues=issues)

    def _entry(self, messages: list[tuple[str, str]]) -> Path:
        key = json.dumps([self.settings.chat_model, self.prompt.version, messages])
        return self.cache / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"
