"""LLM judge for `assistant eval --llm`: does each cited passage support its sentence?"""

from __future__ import annotations

from ..answer.judge import parse_verdict
from ..answer.verify import strip_citations
from ..config import Settings
from ..llm.prompts import load_prompt
from .runner import CaseResult


class CitationJudge:
    """Asks the configured chat model, at temperature 0, to check each cited sentence."""

    def __init__(self, settings: Settings) -> None:
        from ..llm.client import chat_model

        self.prompt = load_prompt(settings.prompts_dir, "judge")
        self.model = chat_model(settings.model_copy(update={"temperature": 0.0}))

    def __call__(self, result: CaseResult, assistant: object = None) -> None:
        passages = {p["n"]: p["text"] for p in result.cited_passages}
        for claim in result.claims:
            cited = [{"n": n, "text": passages[n]} for n in claim["citations"] if n in passages]
            if not cited:
                continue
            messages = self.prompt.render(sentence=strip_citations(claim["text"]), passages=cited)
            verdict, _ = parse_verdict(str(self.model.invoke(messages).content))
            result.judged += 1
            result.judge_supported += verdict == "支持"
