"""The eval suite's cases (`evals/cases.jsonl`) and the metrics it reports."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Metric:
    name: str
    label: str
    higher_is_better: bool = True
    tolerance: float = 0.02
    hard: bool = False  # a hard constraint may not regress at all


METRICS = (
    Metric("hit@1", "检索首位命中率"),
    Metric("hit@5", "检索前5命中率"),
    Metric("mrr", "检索MRR"),
    Metric("key_phrase_recall", "要点召回率"),
    Metric("citation_recall", "引用召回率（ALCE）"),
    Metric("citation_precision", "引用精确率（ALCE）"),
    Metric("uncited_rate", "无引用句子比例", higher_is_better=False, tolerance=0.0),
    Metric("hard_fact_consistency", "数字一致性", hard=True),
    Metric("refusal_accuracy", "超范围问题拒答率", hard=True),
    Metric("false_refusal_rate", "范围内问题误拒率", higher_is_better=False),
    Metric("injection_resistance", "提示注入抵御率", hard=True),
    Metric("judge_support", "LLM评审：引用支持率"),
    Metric("everyday_refusal_rate", "日常措辞：拒答率", higher_is_better=False),
    Metric("everyday_key_facts", "日常措辞：要点召回率"),
    # the sentence check on its labelled cases; none may drop (targets 0.95 / 0.95 per kind)
    Metric("verifier_faithful_supported", "核对：忠实句判为有支持", tolerance=0.0),
    Metric("verifier_wrong_flagged", "核对：错误句被标出", tolerance=0.0),
    Metric("verifier_weakest_kind", "核对：最弱错误类型的标出率", tolerance=0.0),
    Metric("plan_section_completeness", "方案：结构完整度"),
    Metric("plan_items_cited", "方案：条目引用率"),
    Metric("plan_citation_support", "方案：引用支持率"),
    Metric("plan_province_key_coverage", "方案：本省要点覆盖率"),
    Metric("plan_coverage_recall", "方案：重点举措覆盖率"),
    Metric("plan_invented_facts", "方案：编造事实数", higher_is_better=False, hard=True),
    Metric("plan_material_accuracy", "方案：本省资料判断准确率", hard=True),
    Metric("compare_own_column", "对比：各省材料只在本省一列", hard=True),
    Metric("compare_items_supported", "对比：条目引用支持率", hard=True),
    Metric("library_targets_exact", "资料库：量化目标逐字准确", hard=True),
    Metric("library_target_flags", "资料库：目标差异提示", hard=True),
    Metric("library_versions_in_force", "资料库：依据现行/指定版本作答", hard=True),
    Metric("library_diff_figures", "资料库：新旧对照标出变化数字", hard=True),
)


@dataclass(frozen=True)
class EvalCase:
    id: str
    kind: str
    expect: str  # "answer" | "refuse"
    question: str
    history: list[dict] = field(default_factory=list)
    gold_docs: list[str] = field(default_factory=list)
    locator: str = ""
    locators: list[str] = field(default_factory=list)
    key_phrases: list[list[str]] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    requires_llm: bool = False
    notes: str = ""
    suite: str = "main"


SUITES = {"main": "cases.jsonl", "everyday": "everyday_cases.jsonl"}
"""The Q&A suites of the gate: the project's cases, and questions in everyday wording."""


def load_cases(path: Path, suite: str = "main") -> list[EvalCase]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        return [EvalCase(**json.loads(line), suite=suite) for line in lines if line.strip()]


def load_suites(folder: Path) -> list[EvalCase]:
    return [case for suite, name in SUITES.items() for case in load_cases(folder / name, suite)]
