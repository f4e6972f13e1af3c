"""`assistant index | ingest | remove | sources`: the corpus and its index."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .app import app, fail, make_assistant, progress_bar


@app.command()
def index(
    rebuild: Annotated[bool, typer.Option("--rebuild", help="忽略现有索引，全部重建。")] = False,
) -> None:
    """建立或更新 seeds/ 与资料库的索引（只处理新增、改动和删除的文档）。"""
    assistant = make_assistant()
    for problem in assistant.library.problems():
        typer.echo(f"  跳过 {problem}", err=True)
    with progress_bar() as progress:
        task = progress.add_task("建立索引", total=None)
        result = assistant.sync(
            rebuild=rebuild,
            progress=lambda done, total: progress.update(task, completed=done, total=total),
        )
    m = result.index.manifest
    if result.changed or rebuild:
        state = (
            f"已更新索引（新增或改动 {len(result.added)} 篇，删除 {len(result.removed)} 篇，"
            f"用时 {m.build_seconds:.2f} 秒）"
        )
    else:
        state = "索引已是最新，无需重建"
    typer.echo(f"{state}：{m.documents} 篇文档，{m.chunks} 个段落，位置 {result.index.folder}")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="要导入的文件或文件夹（文件夹会递归查找）。")],
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON 结果。")] = False,
) -> None:
    """把文件（.txt .md .html .docx .pdf）导入资料库并更新索引；坏文件逐个报告并跳过。"""
    from ...corpus.ingest import collect

    assistant = make_assistant()
    files, skipped = collect(paths)
    with progress_bar() as progress:
        reading = progress.add_task("读取文件", total=len(files))
        indexing = progress.add_task("建立索引", total=None, start=False)

        def on_index(done: int, total: int) -> None:
            progress.start_task(indexing)
            progress.update(indexing, completed=done, total=total)

        report = assistant.ingest(
            files,
            on_file=lambda done, total: progress.update(reading, completed=done),
            on_index=on_index,
        )
    report.outcomes = skipped + report.outcomes
    if as_json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    for outcome in report.failed:
        typer.echo(f"  未导入 {outcome.name}：{outcome.message}", err=True)
    typer.echo(report.summary(), err=True)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def remove(
    names: Annotated[list[str], typer.Argument(help="资料库中的文档名（见 assistant sources）。")],
) -> None:
    """从资料库和索引中删除文档。"""
    removed, unknown = make_assistant().remove(names)
    for name in removed:
        typer.echo(f"已删除 {name}")
    if unknown:
        fail(f"资料库中没有：{'、'.join(unknown)}（内置 seeds 不能删除）", 1)


@app.command()
def sources(
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON。")] = False,
) -> None:
    """列出资料库中的文档及其元数据。"""
    documents = make_assistant().sources()
    if as_json:
        rows = [
            {
                "doc_id": d.doc_id,
                "title": d.title,
                "source": d.source,
                "date": d.date,
                "region": d.region,
                "level": d.level,
                "articles": [a.title for a in d.articles],
                "chars": len(d.text),
            }
            for d in documents
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for d in documents:
        meta = " | ".join(
            x
            for x in (d.source or "未注明出处", d.date or "未注明日期", d.region or "", d.level)
            if x
        )
        typer.echo(f"{d.doc_id}  {d.title}\n    {meta}，{len(d.text)}字")
        if len(d.articles) > 1:
            for article in d.articles:
                typer.echo(f"    · {article.title}（{article.source}）")
