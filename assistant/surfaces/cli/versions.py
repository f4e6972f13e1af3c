"""`assistant diff` (新旧对照表) and `assistant supersede` (which version is in force)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import app, fail, make_assistant


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="原文（旧版本）的文档编号，见 assistant sources。")],
    new: Annotated[str, typer.Argument(help="新文（新版本）的文档编号。")],
    fmt: Annotated[str, typer.Option("--format", help="输出格式：md、json 或 docx。")] = "md",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="输出文件（docx 默认写到当前目录）。")
    ] = None,
    unchanged: Annotated[bool, typer.Option("--all", help="连同未变的句子一并列出。")] = False,
) -> None:
    """新旧对照：逐句对齐两个文件，列出修改、删除、新增的句子，标出变化的数字。"""
    from ...plans.diff_export import FORMATS, title, to_json, to_markdown, write
    from ...plans.provinces import PlanError

    if fmt not in FORMATS:
        fail(f"不支持的格式“{fmt}”，请选择 {'、'.join(FORMATS)}。", 2)
    assistant = make_assistant()
    try:
        result = assistant.diff(old, new)
    except PlanError as exc:
        fail(str(exc), 2)
    if output is None and fmt != "docx":
        text = (
            to_json(result, unchanged=unchanged)
            if fmt == "json"
            else to_markdown(result, unchanged=unchanged)
        )
        typer.echo(text)
        return
    target = output or Path(f"{title(result)}.{fmt}".replace("/", "_"))
    try:
        write(result, fmt, target, unchanged=unchanged)
    except OSError as exc:
        fail(f"无法写入 {target}：{exc.strerror or exc}", 1)
    counts = result.counts()
    typer.echo(
        f"已写入 {target}：修改 {counts.get('changed', 0)} 句，删除 {counts.get('removed', 0)} 句，"
        f"新增 {counts.get('added', 0)} 句。",
        err=True,
    )


@app.command()
def supersede(
    new: Annotated[str, typer.Argument(help="新版本的文档编号。")],
    old: Annotated[str, typer.Argument(help="被它取代的旧版本的文档编号。")],
    undo: Annotated[bool, typer.Option("--undo", help="撤销这一关系。")] = False,
) -> None:
    """设定版本关系：NEW 取代 OLD（默认回答只依据现行有效版本；ask --as-of 可查询历史版本）。"""
    from ...corpus.library import LibraryError

    assistant = make_assistant()
    try:
        assistant.supersede(new, old, undo=undo)
    except LibraryError as exc:
        fail(str(exc), 2)
    typer.echo(f"已{'撤销' if undo else '设定'}：{new} 取代 {old}。", err=True)
