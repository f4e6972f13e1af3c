"""`assistant ask`: one question, a batch file, or standard input."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from ...labels import STATUS_LABELS, passage_title, sources_shown
from .app import app, fail, make_assistant


def _print_answer(answer) -> None:
    typer.echo(answer.answer)
    flagged = [s for s in answer.sentences if s.status != "supported"]
    for sentence in flagged:
        label = STATUS_LABELS[sentence.status]
        typer.echo(f"  ⚠ {label}：{sentence.text}（{'；'.join(sentence.issues)}）")
    if answer.notice:
        typer.echo(f"  注：{answer.notice}")
    _, shown = sources_shown(answer)
    if shown:
        typer.echo("\n最接近的资料：" if answer.refused else "\n引用来源：")
    for p in shown:
        typer.echo(f"{passage_title(p)}  {p.chunk.chunk_id}")


def _read_batch(path: Path) -> list[dict]:
    """One question per line, or JSONL with `question` (and `history`). A line that looks like
    JSON but is not is taken as a question; only \n ends a line (U+2028 may sit in a question)."""
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError:
        fail(f"批量问题文件必须是 UTF-8 编码：{path}", 2)
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


def _answer_batch(assistant, batch: Path, **options) -> None:
    """One JSON line per question; an error in one never costs the rest of the batch."""
    from ...answer.questions import QuestionError

    for item in _read_batch(batch):
        try:
            record = assistant.ask(item["question"], history=item["history"], **options).to_json()
        except QuestionError as exc:
            record = {"question": item["question"], "error": str(exc)}
        except Exception as exc:
            record = {"question": item["question"], "error": f"处理出错：{type(exc).__name__}"}
        _echo_json(record)


def _as_date(text: str) -> str:
    """YYYY-MM-DD (or YYYY-M-D, YYYY/MM/DD, YYYY年M月D日) as YYYY-MM-DD; a clear error otherwise."""
    import datetime

    parts = [int(p) for p in re.findall(r"\d+", text)]
    if len(parts) == 3:
        try:
            return datetime.date(*parts).isoformat()
        except ValueError:
            pass
    fail(f"无法识别的日期“{text}”，请写成 2024-06-01。", 2)
    return ""


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
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="按某一日期时有效的文件版本作答，如 2024-06-01。"),
    ] = None,
) -> None:
    """回答一个问题，每句话标注并核验引用（默认依据现行有效版本）。"""
    from ...answer.questions import QuestionError

    if as_of is not None:
        as_of = _as_date(as_of)
    assistant = make_assistant()
    if not assistant.store.is_fresh(assistant.store.current()):
        typer.echo("正在建立索引（资料有变化或首次使用）……", err=True)
    if batch is not None:
        if not batch.is_file():
            fail(f"找不到批量问题文件：{batch}", 2)
        _answer_batch(assistant, batch, k=k, doc_ids=doc or (), as_of=as_of)
        return
    if question is None:
        fail('请提供问题，例如：assistant ask "2025年上半年全国登记了多少技术合同？"', 2)
    if question == "-":  # read the question from standard input
        question = sys.stdin.read()
    unknown = sorted(set(doc or ()) - set(assistant.index.documents()))
    if unknown:
        fail(f"找不到文档：{'、'.join(unknown)}（用 assistant sources 查看文档编号）", 2)
    try:
        answer = assistant.ask(question, k=k, doc_ids=doc or (), as_of=as_of)
    except QuestionError as exc:
        if as_json:
            _echo_json({"question": question[:200], "error": str(exc)})
        fail(str(exc), 2)
    if as_json:
        _echo_json(answer.to_json(), indent=2)
    else:
        _print_answer(answer)
