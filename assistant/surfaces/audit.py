"""The audit log (`<home>/audit.log`): one JSON line per mutating action or refused attempt —
who, what, on which document, when, through which door (ui, api, mcp, cli), and the outcome.

Append-only: opened with O_APPEND for every entry (a line is written whole), never rewritten by
the assistant. No password, token or document text is ever written to it.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .accounts import Identity, PermissionDenied

T = TypeVar("T")


def log_path(home: Path) -> Path:
    return home / "audit.log"


def record(home: Path, who: Identity, action: str, target: str, outcome: str, via: str) -> None:
    entry = {
        "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "user": who.name,
        "role": who.role,
        "action": action,
        "target": target,
        "via": via,
        "outcome": outcome,
    }
    home.mkdir(parents=True, exist_ok=True)
    line = (json.dumps(entry, ensure_ascii=False) + "\n").encode()
    fd = os.open(log_path(home), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


def entries(home: Path) -> list[dict]:
    try:
        lines = log_path(home).read_text("utf-8").splitlines()
    except FileNotFoundError:
        return []
    return [json.loads(line) for line in lines if line.strip()]


def perform(
    home: Path, who: Identity, action: str, target: str, via: str, work: Callable[[], T]
) -> T:
    """Check `who` may do `action`, do it, and log the attempt with its outcome (a refusal is
    logged and raised as `PermissionDenied`; an error is logged and re-raised)."""
    try:
        who.check(action)
    except PermissionDenied:
        record(home, who, action, target, "denied", via)
        raise
    try:
        result = work()
    except Exception as exc:
        record(home, who, action, target, f"error: {type(exc).__name__}", via)
        raise
    record(home, who, action, target, "ok", via)
    return result
