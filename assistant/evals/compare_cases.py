"""Comparison cases of the eval suite (`evals/compare_cases.jsonl`) and their metrics.

Each case builds one province comparison matrix and checks what makes it trustworthy: a phrase
only one province's texts speak of (a programme, a platform) sits in that province's column
and in no other, a province with nothing on a measure gets 资料未涉及 rather than someone
else's material, and every cell item is cited and supported by its passage.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..app import Assistant
from .metrics import ratio


@dataclass(frozen=True)
class CompareCase:
    id: str
    provinces: list[str]
    own: dict[str, str] = field(default_factory=dict)  # phrase → the only column it may be in
    empty: list[str] = field(default_factory=list)  # columns the library says nothing for
    topic: str | None = None
    notes: str = ""


def load_compare_cases(path: Path) -> list[CompareCase]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        return [CompareCase(**json.loads(line)) for line in lines if line.strip()]


def score_compare_case(assistant: Assistant, case: CompareCase) -> dict:
    matrix = assistant.compare(case.provinces, case.topic)
    text = {
        column: "".join(i.text for row in matrix.rows for i in row.cells[column])
        for column in matrix.columns
    }
    problems = []
    placed = 0
    for phrase, owner in case.own.items():
        holders = [column for column, joined in text.items() if phrase in joined]
        if holders == [owner]:
            placed += 1
        else:
            problems.append(f"“{phrase}”应只在{owner}一列，实际在：{'、'.join(holders) or '无'}")
    for column in case.empty:
        if text.get(column, ""):
            problems.append(f"{column}在资料中没有材料，该列应全部为“资料未涉及”")
        else:
            placed += 1
    items = matrix.items()
    supported = sum(item.status == "supported" for item in items)
    if supported < len(items):
        problems.append(f"{len(items) - supported} 个条目未通过核验")
    return {
        "id": case.id,
        "provinces": matrix.provinces,
        "topic": case.topic,
        "rows": len(matrix.rows),
        "checks": len(case.own) + len(case.empty),
        "placed": placed,
        "items": len(items),
        "supported": supported,
        "problems": problems,
    }


def summarise_compares(results: list[dict]) -> dict[str, float]:
    if not results:
        return {}
    total = lambda name: sum(r[name] for r in results)  # noqa: E731
    return {
        "compare_own_column": ratio(total("placed"), total("checks")),
        "compare_items_supported": ratio(total("supported"), total("items")),
    }
