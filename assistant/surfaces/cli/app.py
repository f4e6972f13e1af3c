"""The `assistant` command: the Typer app and what every command shares."""

from __future__ import annotations

import typer

from ...config import Settings, apply_offline_environment

apply_offline_environment()

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="政策助手：基于政策原文、逐句核验引用的问答工具（默认离线运行）。",
)


@app.callback()
def _setup() -> None:
    from ..logs import configure

    configure(Settings())


def make_assistant():
    from ...app import Assistant

    return Assistant(Settings())


def fail(message: str, code: int = 1) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def progress_bar():
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stderr_console(),
        transient=False,
    )


def stderr_console():
    from rich.console import Console

    return Console(stderr=True)
