"""Drafting a plan: resolve the province, then draft with the LLM or offline.

With an endpoint configured the LLM drafts; if the endpoint fails or its output cannot be used,
the offline outline is returned with a note saying so — never a traceback, never nothing.
"""

from __future__ import annotations

import logging

from ..config import Settings
from ..index.state import Index
from ..llm.faults import LLMError
from ..schema import PlanOutline
from .offline import draft_offline
from .provinces import clean_focus, resolve_province
from .template import load_template

log = logging.getLogger(__name__)


def draft_plan(
    settings: Settings, index: Index, province: str, focus: str | None = None
) -> PlanOutline:
    """Raises `PlanError` (Chinese message) for an unknown province or an unusable focus."""
    where = resolve_province(province)
    focus = clean_focus(focus)
    template = load_template(settings.prompts_dir)
    if not settings.uses_llm:
        return draft_offline(index, template, where, focus)
    from .llm_path import draft_with_llm

    try:
        return draft_with_llm(settings, index, template, where, focus)
    except Exception as exc:  # endpoint down, timeout, unusable output: fall back, say so
        log.warning("plan drafting via LLM failed (%s); using the offline drafter", exc)
        outline = draft_offline(index, template, where, focus)
        outline.notes.append(
            f"大模型起草未成功（{_reason(exc)}），以下为离线起草结果，条目均为资料原句。"
        )
        return outline


def _reason(exc: Exception) -> str:
    from .llm_path import PlanOutputError

    if isinstance(exc, LLMError):
        return exc.reason
    if isinstance(exc, PlanOutputError):
        return str(exc)
    return f"大模型服务出错：{type(exc).__name__}"
