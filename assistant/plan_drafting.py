"""`Assistant.plan`: resolve the province, then draft with the LLM or offline.

With an endpoint configured the LLM drafts; if the endpoint fails or its output cannot be parsed,
the offline outline is returned with a note saying so — never a traceback, never nothing.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .plan_template import load_template
from .plans import clean_focus, draft_offline, resolve_province
from .schema import PlanOutline

if TYPE_CHECKING:
    from .qa import Assistant

log = logging.getLogger(__name__)


def draft_plan(assistant: Assistant, province: str, focus: str | None = None) -> PlanOutline:
    """Raises `PlanError` (Chinese message) for an unknown province or an unusable focus."""
    where = resolve_province(province)
    focus = clean_focus(focus)
    template = load_template(assistant.settings.prompts_dir)
    if not assistant.settings.uses_llm:
        return draft_offline(assistant.index, template, where, focus)
    from .plan_llm import draft_with_llm

    try:
        return draft_with_llm(assistant.settings, assistant.index, template, where, focus)
    except Exception as exc:  # endpoint down, timeout, unusable output: fall back, say so
        log.warning("plan drafting via LLM failed (%s); using the offline drafter", exc)
        outline = draft_offline(assistant.index, template, where, focus)
        outline.notes.append(
            f"大模型起草未成功（{_reason(exc)}），以下为离线起草结果，条目均为资料原句。"
        )
        return outline


def _reason(exc: Exception) -> str:
    from .llm_faults import LLMError
    from .plan_llm import PlanOutputError

    if isinstance(exc, PlanOutputError | LLMError):
        return exc.reason if isinstance(exc, LLMError) else str(exc)
    return f"大模型服务出错：{type(exc).__name__}"
