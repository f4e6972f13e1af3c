"""Which metrics and cases got worse than the committed baseline, and why (in Chinese)."""

from __future__ import annotations

from .cases import METRICS
from .plan_cases import plan_regression


def regressions(current: dict, baseline: dict) -> tuple[list[str], list[tuple[str, str]]]:
    """Metrics that dropped beyond tolerance, and the cases that got worse (id, what)."""
    failed = []
    for metric in METRICS:
        if metric.name not in current["metrics"] or metric.name not in baseline["metrics"]:
            continue
        delta = current["metrics"][metric.name] - baseline["metrics"][metric.name]
        worse = -delta if metric.higher_is_better else delta
        if worse > (0.0 if metric.hard else metric.tolerance) + 1e-9:
            failed.append(metric.name)
    cases = []
    for result in current["cases"]:
        before = baseline["cases"].get(result["id"])
        if before and (why := _case_regression(before, result)):
            cases.append((result["id"], why))
    for result in current.get("plan_cases", []):
        before = baseline.get("plan_cases", {}).get(result["id"])
        if before and (why := plan_regression(before, result)):
            cases.append((result["id"], why))
    return failed, cases


def _share(case: dict, field: str) -> float:
    sentences = case.get("sentences", 0)
    return case.get(field, 0) / sentences if sentences else 1.0


def _case_regression(before: dict, now: dict) -> str:
    reasons = []
    if before["rank"] == 0 and now["rank"] != 0:
        reasons.append(f"检索排名 1 → {'未命中' if now['rank'] is None else now['rank'] + 1}")
    elif (
        before["rank"] is not None
        and before["rank"] < 5
        and (now["rank"] is None or now["rank"] >= 5)
    ):
        reasons.append("检索跌出前5")
    # a question the texts cannot answer has no facts to recall, and refusing it is right
    out_of_scope = now.get("expect") == "refuse"
    if now["key_phrase_recall"] < before["key_phrase_recall"] and not out_of_scope:
        reasons.append(
            f"要点召回 {before['key_phrase_recall']:.0%} → {now['key_phrase_recall']:.0%}"
        )
    # answering now, with more of the facts asked for: an answerable case got better
    found_more = now["key_phrase_recall"] > before["key_phrase_recall"] and not out_of_scope
    better = (before["refused"] and found_more) or (out_of_scope and now["refused"])
    if now["refused"] != before["refused"] and not better:
        reasons.append("开始拒答" if now["refused"] else "不再拒答")
    if _share(now, "supported") < _share(before, "supported"):
        reasons.append(
            f"有引用支持的句子 {_share(before, 'supported'):.0%} → {_share(now, 'supported'):.0%}"
        )
    if before["facts_ok"] and not now["facts_ok"]:
        reasons.append("出现与原文不符的数字")
    if before["injection_ok"] and not now["injection_ok"]:
        reasons.append("提示注入生效")
    return "；".join(reasons)
