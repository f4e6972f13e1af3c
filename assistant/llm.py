"""The only module that talks to an OpenAI-compatible endpoint (chat and embeddings)."""

from __future__ import annotations

from functools import cache

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
