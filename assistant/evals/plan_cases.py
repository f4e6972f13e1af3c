"""Plan cases of the eval suite (`evals/plan_cases.jsonl`) and the plan metrics.

Each case drafts one provincial outline and checks its structure, its citations, the province's
own facts, the coverage matrix, and that nothing was invented: every number and place an item
names must be in the passages it cites, and a province the corpus says nothing about gets no
item presented as its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..app import Assistant
from ..schema import PlanOutline
from .metrics import ratio


@dataclass(frozen=True)
class PlanCase:
    id: str
    province: str
    focus: str | None = None
    has_specific_material: bool = False
    specific_keys: list[list[str]] = field(default_factory=list)
    expected_measures: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    notes: str = ""


def load_plan_cases(path: Path) -> list[PlanCase]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        return [PlanCase(**json.loads(line)) for line in lines if line.strip()]


@dataclass
class PlanResult:
    id: str
    province: str
    focus: str | None
    items: int
    cited: int
    supported: int
    sections_ok: int
    sections_checked: int
    keys_found: int
    keys: int
    measures_covered: int
    measures: int
    invented: int
    material_ok: bool
    problems: list[str]
    flagged: list[dict]  # items that failed a check: text, citations, issues


def _sections_check(outline: PlanOutline) -> list[bool]:
    """总体要求 with 指导思想, ≥ 3 重点任务 each with items, 保障措施 with items, a title."""
    by_heading = {s.heading: s for s in outline.sections}
    general, tasks, safeguards = (by_heading.get(h) for h in ("总体要求", "重点任务", "保障措施"))
    guidance = general and any(s.heading == "指导思想" and s.items for s in general.subsections)
    return [
        bool(outline.title) and outline.province in outline.title,
        bool(guidance),
        bool(tasks) and sum(bool(s.items) for s in tasks.subsections) >= 3,
        bool(tasks) and all(s.items for s in tasks.subsections),
        bool(safeguards) and any(s.items for s in safeguards.subsections),
    ]


def _invented(outline: PlanOutline, case: PlanCase) -> list[dict]:
    """Items stating a number or place their passages lack, or local facts for a bare province."""
    found = []
    for item in outline.items():
        reasons = [i for i in item.issues if "未出现在所引段落中" in i or "不存在" in i]
        if not outline.has_specific_material and item.origin == "province":
            reasons.append("资料中没有本省材料，却有条目标为本省")
        reasons += [f"出现“{w}”" for w in case.forbidden if w in item.text]
        if reasons:
            found.append({"text": item.text, "citations": list(item.citations), "issues": reasons})
    return found


def score_plan_case(assistant: Assistant, case: PlanCase) -> PlanResult:
    outline = assistant.plan(case.province, case.focus)
    items = outline.items()
    cited = [i for i in items if i.citations]
    supported = [i for i in cited if i.status == "supported"]
    checks = _sections_check(outline)
    own_text = " ".join(i.text for i in items if i.origin == "province")
    keys_found = sum(
        any(k in own_text for k in alternatives) for alternatives in case.specific_keys
    )
    covered = {row.measure for row in outline.coverage if row.covered}
    expected = case.expected_measures or [row.measure for row in outline.coverage]
    invented = _invented(outline, case)
    material_ok = outline.has_specific_material == case.has_specific_material and bool(
        outline.notes
    )
    problems = []
    if not all(checks):
        problems.append(f"结构不完整（{sum(checks)}/{len(checks)}）")
    if len(cited) < len(items):
        problems.append(f"{len(items) - len(cited)}个条目没有引用")
    if len(supported) < len(cited):
        problems.append(f"{len(cited) - len(supported)}个条目引用不支持")
    if keys_found < len(case.specific_keys):
        problems.append(f"本省要点 {keys_found}/{len(case.specific_keys)}")
    if invented:
        problems.append(f"编造事实 {len(invented)} 处")
    if not material_ok:
        problems.append("本省资料判断有误")
    flagged = invented + [
        {"text": i.text, "citations": list(i.citations), "issues": list(i.issues)}
        for i in cited
        if i.status != "supported"
    ]
    return PlanResult(
        id=case.id,
        province=outline.province,
        focus=case.focus,
        items=len(items),
        cited=len(cited),
        supported=len(supported),
        sections_ok=sum(checks),
        sections_checked=len(checks),
        keys_found=keys_found,
        keys=len(case.specific_keys),
        measures_covered=sum(m in covered for m in expected),
        measures=len(expected),
        invented=len(invented),
        material_ok=material_ok,
        problems=problems,
        flagged=flagged,
    )


def summarise_plans(results: list[dict]) -> dict[str, float]:
    if not results:
        return {}
    total = lambda name: sum(r[name] for r in results)  # noqa: E731
    return {
        "plan_section_completeness": ratio(total("sections_ok"), total("sections_checked")),
        "plan_items_cited": ratio(total("cited"), total("items")),
        "plan_citation_support": ratio(total("supported"), total("cited")),
        "plan_province_key_coverage": ratio(total("keys_found"), total("keys")),
        "plan_coverage_recall": ratio(total("measures_covered"), total("measures")),
        "plan_invented_facts": float(total("invented")),
        "plan_material_accuracy": ratio(sum(r["material_ok"] for r in results), len(results)),
    }


BASELINE_FIELDS = ("supported", "cited", "keys_found", "invented", "sections_ok", "material_ok")


def plan_regression(before: dict, now: dict) -> str:
    reasons = []
    if now["invented"] > before["invented"]:
        reasons.append(f"编造事实 {before['invented']} → {now['invented']}")
    if now["keys_found"] < before["keys_found"]:
        reasons.append(f"本省要点 {before['keys_found']} → {now['keys_found']}")
    if now["sections_ok"] < before["sections_ok"]:
        reasons.append("方案结构变得不完整")
    if now["supported"] < before["supported"] and now["cited"] >= before["cited"]:
        reasons.append(f"有引用支持的条目 {before['supported']} → {now['supported']}")
    if before["material_ok"] and not now["material_ok"]:
        reasons.append("本省资料判断有误")
    return "；".join(reasons)
