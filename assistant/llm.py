"""The only module that talks to an OpenAI-compatible endpoint (chat and embeddings)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from langchain_core.caches import BaseCache

from .config import Settings


class LLMUnavailable(RuntimeError):
    """The endpoint is not configured correctly."""


def _key(settings: Settings) -> str:
    # Local servers (vLLM, Ollama, Xinference) accept any key; the client still needs one.
    return settings.openai_api_key.get_secret_value() if settings.openai_api_key else "EMPTY"


def chat_model(settings: Settings, *, streaming: bool = False):
    """A LangChain `ChatOpenAI` for the configured endpoint, with timeout and bounded retries."""
    from langchain_openai import ChatOpenAI

    if not (settings.openai_api_key or settings.openai_base_url):
        raise LLMUnavailable("未配置大模型：请设置 OPENAI_API_KEY 或 OPENAI_BASE_URL")
    return ChatOpenAI(
        model=settings.chat_model,
        api_key=_key(settings),
        base_url=settings.openai_base_url,
        temperature=settings.temperature,
        timeout=settings.llm_timeout,
        max_retries=settings.llm_max_retries,
        streaming=streaming,
    )


@cache
def _embedding_client(base_url: str | None, key: str, timeout: float, retries: int):
    from openai import OpenAI

    return OpenAI(base_url=base_url, api_key=key, timeout=timeout, max_retries=retries)


def embed_texts(
    texts: list[str], model: str, settings: Settings | None = None
) -> list[list[float]]:
    """Embed texts with the endpoint's embeddings API."""
    settings = settings or Settings()
    client = _embedding_client(
        settings.openai_base_url, _key(settings), settings.llm_timeout, settings.llm_max_retries
    )
    response = client.embeddings.create(model=model, input=texts)
    return [item.embedding for item in sorted(response.data, key=lambda d: d.index)]


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
