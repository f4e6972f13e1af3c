"""The 评测 tab: the offline eval gate, every metric against the committed baseline."""

from __future__ import annotations

import gradio as gr

from ...app import Assistant
from ...evals import gate
from ...evals.cases import METRICS
from ...evals.runner import EvalRun
from ..team import Team
from .notices import guarded


def _metric_rows(run: EvalRun, result: gate.Verdict) -> list[list]:
    base = (result.baseline or {}).get("metrics", {})
    rows = []
    for metric in METRICS:
        if metric.name not in run.metrics:
            continue
        value, before = run.metrics[metric.name], base.get(metric.name)
        rows.append(
            [
                metric.label,
                metric.name,
                round(value, 3),
                "—" if before is None else round(before, 3),
                "—" if before is None else f"{value - before:+.3f}",
                "✗ 回退" if metric.name in result.failed else "✓",
            ]
        )
    return rows


class EvalTab:
    def __init__(self, assistant: Assistant, team: Team) -> None:
        self.assistant = assistant
        self.team = team

    def evaluate(self, request: gr.Request | None = None, progress: gr.Progress | None = None):
        """Run the offline eval suite over the seeds; metrics against the baseline, failing cases."""
        return guarded(self.team, request, "eval", "离线评测", lambda: self._evaluate(progress))

    def _evaluate(self, progress: gr.Progress | None):
        progress = progress or gr.Progress()
        settings = gate.eval_settings(self.assistant.settings, llm=False)
        progress(0, desc="准备评测索引…")
        run = gate.run_suite(
            settings, progress=lambda done, total: progress((done, total), desc="评测中")
        )
        result = gate.verdict(run, gate.baseline_path(settings, llm=False))
        failing = [[c["id"], c["question"], "；".join(c["problems"])] for c in result.failing_cases]
        head_line = "**✓ 评测通过**：没有指标回退。" if not result.problems else "**✗ 评测未通过**"
        details = "\n".join(f"- {p}" for p in result.problems)
        summary = (
            f"{head_line}\n\n{details}\n\n{len(run.cases)} 个问答用例 + {len(run.plan_cases)} 个方案用例"
            f" + {len(run.compare_cases)} 个对比用例 + {len(run.library_cases)} 个资料库用例，"
            f"用时 {run.seconds} 秒；版本（提示词、调优参数、词表）{run.version['version']}。"
        )
        return summary, _metric_rows(run, result), failing

    def build(self) -> None:
        gr.Markdown(
            "用评测集（问答用例与方案用例）离线检查检索、引用与拒答质量，并与已提交的基线比较。"
            "修改提示词、调优参数或词表后请先在这里或用 `assistant eval` 跑一遍。"
        )
        run_eval = gr.Button("运行离线评测", variant="primary", elem_id="eval-button")
        verdict = gr.Markdown(elem_id="eval-verdict")
        metrics = gr.Dataframe(
            headers=["指标", "名称", "本次", "基线", "变化", "结果"],
            label="指标与基线",
            interactive=False,
        )
        failing = gr.Dataframe(
            headers=["用例", "问题", "存在的问题"],
            label="未完全通过的用例",
            wrap=True,
            interactive=False,
        )
        run_eval.click(
            self.evaluate,
            None,
            [verdict, metrics, failing],
            concurrency_limit=1,
            api_visibility="private",
        )
