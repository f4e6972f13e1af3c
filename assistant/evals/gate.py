"""Run the eval suite and decide pass/fail against the committed baseline (CLI and UI alike)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..app import Assistant
from ..config import Settings
from .cases import load_suites
from .compare_cases import load_compare_cases
from .library_cases import library_assistant, load_library_cases
from .plan_cases import load_plan_cases
from .regressions import regressions
from .runner import EvalRun, run
from .verifier_cases import verifier_cases
from .version import changed_parts


def eval_settings(settings: Settings, llm: bool) -> Settings:
    """Evals always run over the bundled seeds alone, in an index of their own."""
    return settings.model_copy(
        update={
            "home": settings.home / "eval",
            "library_dir": settings.home / "eval" / "no-library",
            "generator": "llm" if llm else "extractive",
            "temperature": 0.0,
        }
    )


def baseline_path(settings: Settings, llm: bool) -> Path:
    return settings.evals_dir / ("baseline-llm.json" if llm else "baseline.json")


def run_suite(
    settings: Settings,
    *,
    llm: bool = False,
    judge: Callable | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> EvalRun:
    """Score every Q&A and plan case with an assistant built from `eval_settings`."""
    assistant = Assistant(settings)
    assistant.build_index()
    shelf = settings.evals_dir / "library"
    cases = load_library_cases(settings.evals_dir / "library_cases.jsonl")
    library = (library_assistant(settings, shelf), cases) if cases and shelf.is_dir() else None
    return run(
        assistant,
        load_suites(settings.evals_dir),
        llm=llm,
        judge=judge,
        progress=progress,
        plan_cases=load_plan_cases(settings.evals_dir / "plan_cases.jsonl"),
        verifier=verifier_cases(settings.evals_dir),
        compare_cases=load_compare_cases(settings.evals_dir / "compare_cases.jsonl"),
        library=library,
    )


@dataclass
class Verdict:
    """The run against its baseline: which metrics and cases regressed, and why it fails."""

    run: EvalRun
    baseline: dict | None
    baseline_path: Path
    failed: list[str]
    regressed: list[tuple[str, str]]

    @property
    def problems(self) -> list[str]:
        """Why the gate fails, in Chinese; empty when it passes."""
        problems = []
        if self.baseline is None:
            problems.append(
                f"没有基线文件 {self.baseline_path}：运行 assistant eval --update-baseline 生成并提交。"
            )
        elif (before := self.baseline.get("version", {})).get("version") != self.run.version[
            "version"
        ]:
            changed = "、".join(changed_parts(before, self.run.version))
            problems.append(
                f"{changed}已改动（当前版本 {self.run.version['version']}，基线 "
                f"{before.get('version', '无')}）：请运行 assistant eval --update-baseline，"
                f"并把新的 evals/{self.baseline_path.name} 与这些改动一起提交。"
            )
        if self.failed:
            problems.append(f"指标回退：{'、'.join(self.failed)}")
        if self.regressed:
            problems.append(
                "回退的用例：\n" + "\n".join(f"  {case}：{why}" for case, why in self.regressed)
            )
        return problems

    @property
    def failing_cases(self) -> list[dict]:
        """Every case with a problem in this run (regressed or not): id, question, problems."""
        regressed = dict(self.regressed)
        rows = []
        cases = self.run.cases + self.run.plan_cases + self.run.compare_cases
        for case in cases + self.run.library_cases:
            problems = list(case.get("problems", []))
            if case["id"] in regressed:
                problems.insert(0, f"回退：{regressed[case['id']]}")
            if problems:
                question = case.get("question") or _label(case)
                rows.append({"id": case["id"], "question": question, "problems": problems})
        return rows


def verdict(result: EvalRun, path: Path) -> Verdict:
    """Compare a run with the baseline file at `path` (missing → the gate fails)."""
    baseline = json.loads(path.read_text("utf-8")) if path.exists() else None
    failed, regressed = regressions(result.to_json(), baseline) if baseline else ([], [])
    return Verdict(result, baseline, path, failed, regressed)


def _label(case: dict) -> str:
    """What a case without a question is about, for the list of failing cases."""
    if "province" in case:
        return f"{case['province']}方案"
    if "provinces" in case:
        return f"{'、'.join(case['provinces'])}对比"
    return f"资料库用例（{case['kind']}）"
