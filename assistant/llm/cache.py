"""LLM responses cached on disk, so `assistant eval --llm` re-runs cost nothing."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from langchain_core.caches import BaseCache


class DiskCache(BaseCache):
    """LLM responses on disk, keyed by (model and parameters, full prompt): re-runs cost nothing.

    The prompt text includes the prompt file's content, so a prompt edit is a cache miss.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def _path(self, prompt: str, llm_string: str) -> Path:
        digest = hashlib.sha256(f"{llm_string}\0{prompt}".encode()).hexdigest()
        return self.folder / f"{digest}.json"

    def lookup(self, prompt: str, llm_string: str):
        from langchain_core.messages import AIMessage
        from langchain_core.outputs import ChatGeneration

        try:
            texts = json.loads(self._path(prompt, llm_string).read_text("utf-8"))
        except (FileNotFoundError, ValueError):
            return None
        return [ChatGeneration(message=AIMessage(content=text)) for text in texts]

    def update(self, prompt: str, llm_string: str, return_val: Sequence) -> None:
        path = self._path(prompt, llm_string)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps([g.text for g in return_val], ensure_ascii=False), "utf-8")
        os.replace(tmp, path)

    def clear(self, **kwargs: object) -> None:
        for path in self.folder.glob("*.json"):
            path.unlink()


def use_disk_cache(folder: Path) -> None:
    """Cache every chat model response under `folder` (used by `assistant eval --llm`)."""
    from langchain_core.globals import set_llm_cache

    set_llm_cache(DiskCache(folder))
