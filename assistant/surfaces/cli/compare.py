"""`assistant compare`: what the chosen provinces and the national texts say on each measure."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import app, fail, make_assistant


@app.command()
def compare(
    provinces: Annotated[
        str,
        typer.Option("--provinces", "-p", help="要对比的省份，用逗号分隔，如 河北,辽宁,陕西。"),
    ],
    topic: Annotated[
        str | None,
        typer.Option("--topic", help="可选的主题，如“科技金融”：按国家层面在该主题上的举措分行。"),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="输出格式：md、json、docx 或 xlsx。")] = "md",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="输出文件（docx、xlsx 默认写到当前目录）。"),
    ] = None,
) -> None:
    """省份对比表：各省与国家层面在每项举措上的原文条目（注明引用、逐条核验），未涉及的注明“资料未涉及”。"""
    from ...plans.compare_export import FORMATS, title, to_json, to_markdown, write
    from ...plans.provinces import PlanError

    if fmt not in FORMATS:
        fail(f"不支持的格式“{fmt}”，请选择 {'、'.join(FORMATS)}。", 2)
    names = [name for name in provinces.replace("，", ",").replace("、", ",").split(",")]
    assistant = make_assistant()
    try:
        comparison = assistant.compare(names, topic)
    except PlanError as exc:
        fail(str(exc), 2)
    if output is None and fmt in ("md", "json"):
        typer.echo(to_json(comparison) if fmt == "json" else to_markdown(comparison))
        return
    target = output or Path(f"{title(comparison)}.{fmt}")
    try:
        write(comparison, fmt, target)
    except OSError as exc:
        fail(f"无法写入 {target}：{exc.strerror or exc}", 1)
    items = comparison.items()
    flagged = sum(item.status != "supported" for item in items)
    typer.echo(
        f"已写入 {target}：{len(comparison.rows)} 项举措，{len(items)} 个条目"
        + (f"，{flagged} 个待核" if flagged else "，均通过核验")
        + "。",
        err=True,
    )
    for note in comparison.notes:
        typer.echo(f"  注：{note}", err=True)
