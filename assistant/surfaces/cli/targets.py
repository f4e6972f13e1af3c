"""`assistant targets`: every quantified target in the library, with its passage."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import app, fail, make_assistant


@app.command()
def targets(
    province: Annotated[
        str | None,
        typer.Option("--province", "-p", help="只看一个省份（及与之对照的国家目标）。"),
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help="只看某一目标年份，如 2025。")] = None,
    fmt: Annotated[str, typer.Option("--format", help="输出格式：md、json 或 xlsx。")] = "md",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="输出文件（xlsx 默认写到当前目录）。")
    ] = None,
) -> None:
    """量化目标一览：指标、目标值、单位、比较、年份、地区、出处（原文照录，逐条核验）；标出低于国家目标或文件间不一致之处。"""
    from ...plans.provinces import PlanError
    from ...plans.targets_export import FORMATS, title, to_json, to_markdown, write

    if fmt not in FORMATS:
        fail(f"不支持的格式“{fmt}”，请选择 {'、'.join(FORMATS)}。", 2)
    assistant = make_assistant()
    try:
        table = assistant.targets(province, year)
    except PlanError as exc:
        fail(str(exc), 2)
    if output is None and fmt != "xlsx":
        typer.echo(to_json(table) if fmt == "json" else to_markdown(table))
        return
    target = output or Path(f"{title(table)}.{fmt}")
    try:
        write(table, fmt, target)
    except OSError as exc:
        fail(f"无法写入 {target}：{exc.strerror or exc}", 1)
    flagged = sum(bool(r.flags) for r in table.rows)
    typer.echo(f"已写入 {target}：{len(table.rows)} 个目标，{flagged} 个有提示。", err=True)
