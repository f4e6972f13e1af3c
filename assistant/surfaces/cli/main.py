"""Entry point of the `assistant` command (also `python -m assistant`)."""

from __future__ import annotations

import sys

import typer

from . import ask, compare, evaluate, library, plan, serve, targets, team, versions  # noqa: F401
from .app import app


def main() -> None:
    """Entry point: run the app, turning unexpected errors into one clear line, not a traceback."""
    from ...index.encoding import EncodingUnavailable

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
