"""What the eval baseline is pinned to: the prompts, the tuning values and the word lists.

Changing any of them changes what the assistant says, so the gate fails until the baseline is
re-recorded with `assistant eval --update-baseline` (and committed with the change).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import tuning
from ..llm.prompts import prompts_version
from ..text import lexicon

PARTS = {
    "prompts": "提示词（prompts/）",
    "tuning": "调优参数（tuning.py）",
    "lexicon": "词表（data/）",
}


def suite_version(prompts_dir: Path) -> dict[str, str]:
    """Each part's hash, and `version`, one hash over all of them."""
    parts = {
        "prompts": prompts_version(prompts_dir),
        "tuning": tuning.TUNING.fingerprint(),
        "lexicon": lexicon.fingerprint(),
    }
    joined = "\0".join(f"{k}={v}" for k, v in sorted(parts.items()))
    return {"version": hashlib.sha256(joined.encode()).hexdigest()[:12], **parts}


def changed_parts(baseline: dict[str, str], current: dict[str, str]) -> list[str]:
    """Which parts differ, in Chinese (all of them when the baseline does not say)."""
    return [label for key, label in PARTS.items() if baseline.get(key) != current.get(key)]
