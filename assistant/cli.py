"""Command line: `assistant index | ingest | remove | ask | plan | eval | sources | serve`
(also `python -m assistant …`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .config import Settings, apply_offline_environment

apply_offline_environment()

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="政策助手：基于政策原文、逐句核验引用的问答工具（默认离线运行）。",
)


@app.callback()
def _setup() -> None:
    from .logs import configure

    configure(Settings())


def _assistant():
    from .qa import Assistant

    return Assistant(Settings())


def _fail(message: str, code: int = 1) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)


@app.command()
def index(
    rebuild: Annotated[bool, typer.Option("--rebuild", help="忽略现有索引，全部重建。")] = False,
) -> None:
    """建立或更新 seeds/ 与资料库的索引（只处理新增、改动和删除的文档）。"""
    assistant = _assistant()
    for problem in assistant.library.problems():
        typer.echo(f"  跳过 {problem}", err=True)
    with _progress() as progress:
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


def _progress():
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_stderr_console(),
        transient=False,
    )


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="要导入的文件或文件夹（文件夹会递归查找）。")],
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON 结果。")] = False,
) -> None:
    """把文件（.txt .md .html .docx .pdf）导入资料库并更新索引；坏文件逐个报告并跳过。"""
    from .ingest import collect

    assistant = _assistant()
    files, skipped = collect(paths)
    with _progress() as progress:
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
    removed, unknown = _assistant().remove(names)
    for name in removed:
        typer.echo(f"已删除 {name}")
    if unknown:
        _fail(f"资料库中没有：{'、'.join(unknown)}（内置 seeds 不能删除）", 1)


def _print_answer(answer) -> None:
    typer.echo(answer.answer)
    flagged = [s for s in answer.sentences if s.status != "supported"]
    for sentence in flagged:
        label = {"weak": "引用支持较弱", "unsupported": "引用不支持", "uncited": "未标注引用"}[
            sentence.status
        ]
        typer.echo(f"  ⚠ {label}：{sentence.text}（{'；'.join(sentence.issues)}）")
    if answer.notice:
        typer.echo(f"  注：{answer.notice}")
    shown = (
        answer.passages
        if answer.refused
        else [answer.passages[n - 1] for n in answer.citations if n <= len(answer.passages)]
    )
    if shown:
        typer.echo("\n最接近的资料：" if answer.refused else "\n引用来源：")
    for p in shown:
        meta = "，".join(x for x in (p.chunk.source, p.chunk.date) if x)
        typer.echo(f"[{p.n}] {p.chunk.title}{f'（{meta}）' if meta else ''}  {p.chunk.chunk_id}")


def _read_batch(path: Path) -> list[dict]:
    """One question per line, or JSONL with `question` (and `history`). A line that looks like
    JSON but is not is taken as a question; only \n ends a line (U+2028 may sit in a question)."""
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError:
        _fail(f"批量问题文件必须是 UTF-8 编码：{path}", 2)
    items = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        record = None
        if line.startswith("{"):
            try:
                record = json.loads(line)
            except ValueError:
                record = None
        if isinstance(record, dict):
            history = record.get("history")
            items.append(
                {
                    "question": record.get("question", ""),
                    "history": history if isinstance(history, list) else [],
                }
            )
        else:
            items.append({"question": line, "history": []})
    return items


def _echo_json(record: dict, **options) -> None:
    """Print JSON; characters UTF-8 cannot carry (lone surrogates) become "?"."""
    text = json.dumps(record, ensure_ascii=False, **options)
    typer.echo(text.encode("utf-8", "replace").decode("utf-8"))


@app.command()
def ask(
    question: Annotated[
        str | None, typer.Argument(help="要问的问题（“-”表示从标准输入读取）")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="输出 JSON（含段落、引用与核验结果）。")
    ] = False,
    k: Annotated[int | None, typer.Option("--k", min=1, max=50, help="检索的段落数。")] = None,
    doc: Annotated[
        list[str] | None, typer.Option("--doc", help="只在指定文档中检索（可重复）。")
    ] = None,
    batch: Annotated[
        Path | None,
        typer.Option(
            "--batch", help="每行一个问题（或含 question 字段的 JSONL）；每行输出一个 JSON。"
        ),
    ] = None,
) -> None:
    """回答一个问题，每句话标注并核验引用。"""
    from .qa import QuestionError

    assistant = _assistant()
    if not assistant.store.is_fresh(assistant.store.current()):
        typer.echo("正在建立索引（资料有变化或首次使用）……", err=True)
    if batch is not None:
        if not batch.is_file():
            _fail(f"找不到批量问题文件：{batch}", 2)
        for item in _read_batch(batch):
            try:
                record = assistant.ask(
                    item["question"], history=item["history"], k=k, doc_ids=doc or ()
                ).to_json()
            except QuestionError as exc:
                record = {"question": item["question"], "error": str(exc)}
            except Exception as exc:  # one bad line never costs the rest of the batch
                record = {"question": item["question"], "error": f"处理出错：{type(exc).__name__}"}
            _echo_json(record)
        return
    if question is None:
        _fail('请提供问题，例如：assistant ask "2025年上半年全国登记了多少技术合同？"', 2)
    if question == "-":  # read the question from standard input
        question = sys.stdin.read()
    unknown = sorted(set(doc or ()) - set(assistant.index.documents()))
    if unknown:
        _fail(f"找不到文档：{'、'.join(unknown)}（用 assistant sources 查看文档编号）", 2)
    try:
        answer = assistant.ask(question, k=k, doc_ids=doc or ())
    except QuestionError as exc:
        if as_json:
            _echo_json({"question": question[:200], "error": str(exc)})
        _fail(str(exc), 2)
    if as_json:
        _echo_json(answer.to_json(), indent=2)
    else:
        _print_answer(answer)


_FORMATS = ("md", "json", "docx")


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
    from . import export
    from .plans import PlanError

    if fmt not in _FORMATS:
        _fail(f"不支持的格式“{fmt}”，请选择 md、json 或 docx。", 2)
    assistant = _assistant()
    try:
        outline = assistant.plan(province, focus)
    except PlanError as exc:
        _fail(str(exc), 2)
    if output is None and fmt != "docx":
        typer.echo(export.to_json(outline) if fmt == "json" else export.to_markdown(outline))
        return
    target = output or Path(f"{outline.title}.docx")
    try:
        export.write(outline, fmt, target)
    except OSError as exc:
        _fail(f"无法写入 {target}：{exc.strerror or exc}", 1)
    items = outline.items()
    cited = sum(bool(i.citations) for i in items)
    typer.echo(f"已写入 {target}：{len(items)} 个条目，{cited} 个注明引用。", err=True)
    for note in outline.notes:
        typer.echo(f"  注：{note}", err=True)


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

    from . import eval_gate, evaluation, reports

    settings = eval_gate.eval_settings(Settings(), llm)
    if llm and not (settings.openai_api_key or settings.openai_base_url):
        _fail("--llm 需要先配置大模型：设置 OPENAI_API_KEY 或 OPENAI_BASE_URL。", 2)
    judge = None
    if llm:
        from .judge import CitationJudge
        from .llm import use_disk_cache

        use_disk_cache(settings.home / "llm-cache")
        judge = CitationJudge(settings)
    with Progress(transient=True, console=_stderr_console()) as progress:
        task = progress.add_task("评测中", total=None)
        run = eval_gate.run_suite(
            settings,
            llm=llm,
            judge=judge,
            progress=lambda done, total: progress.update(task, completed=done, total=total),
        )
    result = eval_gate.verdict(run, eval_gate.baseline_path(settings, llm))
    folder = report or settings.evals_dir / "reports"
    paths = reports.write(run, result.baseline, result.regressed, folder)
    typer.echo(reports.summary_table(run, result.baseline))
    typer.echo(f"报告：{'、'.join(str(p) for p in paths)}")
    if update_baseline:
        result.baseline_path.write_text(
            json.dumps(evaluation.baseline_view(run), ensure_ascii=False, indent=1, sort_keys=True)
            + "\n",
            "utf-8",
        )
        typer.echo(
            f"已更新基线 {result.baseline_path}（提示词版本 {run.prompts_version}），"
            "请与改动一起提交。"
        )
        return
    if result.problems:
        _fail("评测未通过。\n" + "\n".join(result.problems), 1)
    typer.echo("评测通过：没有指标回退。")


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@app.command()
def sources(
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON。")] = False,
) -> None:
    """列出资料库中的文档及其元数据。"""
    documents = _assistant().sources()
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


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="监听地址；给团队使用时设为 0.0.0.0（建议同时设置登录）。")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="端口。", min=1, max=65535)] = 7860,
) -> None:
    """启动网页界面（问答、方案起草、资料库、评测）。"""
    from .qa import Assistant
    from .ui import AuthError, launch

    settings = Settings()
    if host not in ("127.0.0.1", "localhost", "::1") and not settings.auth:
        typer.echo(
            f"注意：服务监听 {host}，同一网络中的人都能访问；可设置 ASSISTANT_AUTH 启用登录。",
            err=True,
        )
    try:
        web = launch(Assistant(settings), host=host, port=port)
    except AuthError as exc:
        _fail(str(exc), 2)
    except OSError as exc:
        _fail(f"无法在 {host}:{port} 启动服务：{exc}", 1)
    shown = "127.0.0.1" if host == "0.0.0.0" else host
    typer.echo(f"政策助手已启动：http://{shown}:{port}（Ctrl+C 停止）", err=True)
    web.block_thread()


def main() -> None:
    """Entry point: run the app, turning unexpected errors into one clear line, not a traceback."""
    from .chunking import EncodingUnavailable

    try:
        app()
    except EncodingUnavailable as exc:
        typer.echo(str(exc), err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # last resort: a message, never a traceback
        typer.echo(f"出错了：{type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
