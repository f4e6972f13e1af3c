"""`assistant eval`: the eval gate against the committed baseline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ...config import Settings
from .app import app, fail, stderr_console


@app.command("eval")
def evaluate(
    update_baseline: Annotated[
        bool,
        typer.Option("--update-baseline", help="把本次结果写为新基线（与提示词改动一起提交）。"),
    ] = False,
    llm: Annotated[
        bool,
        typer.Option("--llm", help="用已配置的大模型作答，并由大模型评审引用（结果缓存在磁盘）。"),
    ] = False,
    report: Annotated[
        Path | None, typer.Option("--report", help="报告目录（默认 evals/reports）。")
    ] = None,
) -> None:
    """运行评测集并与基线比较；指标回退或提示词与基线不符时退出码为 1。"""
    from rich.progress import Progress

    from ...evals import gate, reports
    from ...evals.runner import baseline_view

    settings = gate.eval_settings(Settings(), llm)
    if llm and not (settings.openai_api_key or settings.openai_base_url):
        fail("--llm 需要先配置大模型：设置 OPENAI_API_KEY 或 OPENAI_BASE_URL。", 2)
    judge = None
    if llm:
        from ...evals.judge import CitationJudge
        from ...llm.cache import use_disk_cache

        use_disk_cache(settings.home / "llm-cache")
        judge = CitationJudge(settings)
    with Progress(transient=True, console=stderr_console()) as progress:
        task = progress.add_task("评测中", total=None)
        run = gate.run_suite(
            settings,
            llm=llm,
            judge=judge,
            progress=lambda done, total: progress.update(task, completed=done, total=total),
        )
    result = gate.verdict(run, gate.baseline_path(settings, llm))
    folder = report or settings.evals_dir / "reports"
    paths = reports.write(run, result.baseline, result.regressed, folder)
    typer.echo(reports.summary_table(run, result.baseline))
    typer.echo(f"报告：{'、'.join(str(p) for p in paths)}")
    if update_baseline:
        result.baseline_path.write_text(
            json.dumps(baseline_view(run), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
            "utf-8",
        )
        typer.echo(
            f"已更新基线 {result.baseline_path}（版本 {run.version['version']}），"
            "请与改动一起提交。"
        )
        return
    if result.problems:
        fail("评测未通过。\n" + "\n".join(result.problems), 1)
    typer.echo("评测通过：没有指标回退。")
