"""Which province a plan is for, and what it focuses on, from what the user typed."""

from __future__ import annotations

import difflib
import re

from ..text.regions import Province, find_province, provinces
from ..tuning import TUNING


class PlanError(ValueError):
    """The plan cannot be drafted as asked; the message says why, in Chinese."""


def resolve_province(name: str) -> Province:
    """A full name, short name or one-character abbreviation → the province; an unknown name is
    a `PlanError` with suggestions."""
    cleaned = re.sub(r"\s+", "", name or "")
    if not cleaned:
        raise PlanError("请指定省份，例如：河北省、河北或冀。")
    if province := find_province(cleaned):
        return province
    names = {alias: p for p in provinces() for alias in (p.name, p.short)}
    close = difflib.get_close_matches(cleaned, list(names), n=4, cutoff=0.4)
    shared = [p.name for p in provinces() if set(cleaned) & set(p.short)]
    suggestions = list(dict.fromkeys([names[c].name for c in close] + shared))[:5]
    hint = f"您是不是要找：{'、'.join(suggestions)}？" if suggestions else ""
    raise PlanError(
        f"未知的省份“{cleaned[:20]}”。{hint}"
        "请使用34个省级行政区的全称、简称或简称字，例如：河北省、河北、冀。"
    )


def clean_focus(focus: str | None) -> str | None:
    if focus is None:
        return None
    focus = re.sub(r"[\x00-\x1f\x7f]", "", focus).strip()
    if not focus:
        return None
    limit = TUNING.plan.max_focus_chars
    if len(focus) > limit:
        raise PlanError(f"重点方向过长（{len(focus)}字），请精简到{limit}字以内。")
    return focus
