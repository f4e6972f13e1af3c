"""Library cases of the eval suite (`evals/library_cases.jsonl`): the drafters' tools that need
a library of their own — quantified targets, the version in force, the 新旧对照 — run over
`evals/library/` (two government work reports and two provincial texts).

Kinds:
- `target`: the table has this row (indicator, year, region, value, unit, comparator exact);
- `target_flag`: the row of this indicator and region carries a flag starting with `flag`;
- `version`: the answer to `question` (as of `as_of`) cites `cited`, not `not_cited`, and its
  notice says `notice`;
- `diff`: between `old` and `new`, a changed sentence marks the `figures` (old, new) pairs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..app import Assistant
from ..config import Settings
from .metrics import ratio


@dataclass(frozen=True)
class LibraryCase:
    id: str
    kind: str  # target | target_flag | version | diff
    indicator: str = ""
    year: int | None = None
    region: str = ""
    value: str = ""
    unit: str = ""
    comparator: str = ""
    flag: str = ""
    question: str = ""
    as_of: str | None = None
    cited: str = ""
    not_cited: str = ""
    notice: str = ""
    old: str = ""
    new: str = ""
    figures: list[list[str]] = field(default_factory=list)
    notes: str = ""


def load_library_cases(path: Path) -> list[LibraryCase]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        return [LibraryCase(**json.loads(line)) for line in lines if line.strip()]


def library_assistant(settings: Settings, folder: Path) -> Assistant:
    """An assistant with the texts of `folder` as its library, copied in (the folder itself is
    never written to) under an index of its own beside the eval's."""
    home = settings.home / "library-cases"
    assistant = Assistant(
        settings.model_copy(update={"home": home, "library_dir": home / "library"})
    )
    assistant.ingest(sorted(folder.glob("*.txt")))  # unchanged files are skipped
    return assistant


def score_library_case(assistant: Assistant, case: LibraryCase) -> dict:
    problem = {"target": _target, "target_flag": _flag, "version": _version, "diff": _diff}[
        case.kind
    ](assistant, case)
    return {
        "id": case.id,
        "kind": case.kind,
        "ok": not problem,
        "problems": [problem] if problem else [],
    }


def _rows(assistant: Assistant, case: LibraryCase) -> list:
    """The case's indicator in its region and year."""
    table = assistant.targets(year=case.year)
    return [r for r in table.rows if r.indicator == case.indicator and r.region == case.region]


def _target(assistant: Assistant, case: LibraryCase) -> str:
    found = [(r.value, r.unit, r.comparator) for r in _rows(assistant, case)]
    wanted = (case.value, case.unit, case.comparator)
    return (
        "" if wanted in found else f"{case.indicator}：应为{''.join(wanted)}，实际{found or '无'}"
    )


def _flag(assistant: Assistant, case: LibraryCase) -> str:
    flags = [f for r in _rows(assistant, case) for f in r.flags]
    return "" if any(f.startswith(case.flag) for f in flags) else f"缺少提示“{case.flag}”：{flags}"


def _version(assistant: Assistant, case: LibraryCase) -> str:
    answer = assistant.ask(case.question, as_of=case.as_of)
    cited = {answer.passages[n - 1].chunk.doc_id for n in answer.citations}
    problems = []
    if case.cited not in cited:
        problems.append(f"未引用{case.cited}")
    if case.not_cited and case.not_cited in cited:
        problems.append(f"引用了{case.not_cited}")
    if case.notice not in answer.notice:
        problems.append(f"说明中没有“{case.notice}”")
    return "；".join(problems)


def _diff(assistant: Assistant, case: LibraryCase) -> str:
    changes = [c for c in assistant.diff(case.old, case.new).changes if c.kind == "changed"]
    missing = [
        f"{old}→{new}"
        for old, new in case.figures
        if not any(old in c.old_figures and new in c.new_figures for c in changes)
    ]
    return f"未标出变化：{'、'.join(missing)}" if missing else ""


def summarise_library(results: list[dict]) -> dict[str, float]:
    metrics = {}
    for kind, name in (
        ("target", "library_targets_exact"),
        ("target_flag", "library_target_flags"),
        ("version", "library_versions_in_force"),
        ("diff", "library_diff_figures"),
    ):
        mine = [r for r in results if r["kind"] == kind]
        if mine:
            metrics[name] = ratio(sum(r["ok"] for r in mine), len(mine))
    return metrics
