"""`assistant plan`: a provincial action-plan outline as Markdown, JSON or Word."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import app, fail, make_assistant


@app.command()
def plan(
    province: Annotated[
        str,
        typer.Option("--province", "-p", help="省份：全称、简称或简称字，如 河北省、河北、冀。"),
    ],
    focus: Annotated[
        str | None, typer.Option("--focus", help="可选的重点方向，如“人工智能+”。")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="输出格式：md、json 或 docx。")] = "md",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="输出文件（docx 默认写到当前目录）。")
    ] = None,
) -> None:
    """起草省级行动方案提纲：每个条目注明引用，附重点举措覆盖对照表。"""
    from ...plans.export import FORMATS, write
    from ...plans.export_md import to_json, to_markdown
    from ...plans.provinces import PlanError

    if fmt not in FORMATS:
        fail(f"不支持的格式“{fmt}”，请选择 md、json 或 docx。", 2)
    assistant = make_assistant()
    try:
        outline = assistant.plan(province, focus)
    except PlanError as exc:
        fail(str(exc), 2)
    if output is None and fmt != "docx":
        typer.echo(to_json(outline) if fmt == "json" else to_markdown(outline))
        return
    target = output or Path(f"{outline.title}.docx")
    try:
        write(outline, fmt, target)
    except OSError as exc:
        fail(f"无法写入 {target}：{exc.strerror or exc}", 1)
    items = outline.items()
    cited = sum(bool(i.citations) for i in items)
    typer.echo(f"已写入 {target}：{len(items)} 个条目，{cited} 个注明引用。", err=True)
    for note in outline.notes:
        typer.echo(f"  注：{note}", err=True)
