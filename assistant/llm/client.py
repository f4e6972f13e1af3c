"""The only module that talks to an OpenAI-compatible endpoint (chat and embeddings)."""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from ..config import Settings
from .faults import RESTART, Budget, LLMError, LLMUnavailable, Restart

log = logging.getLogger(__name__)


def _key(settings: Settings) -> str:
    # Local servers (vLLM, Ollama, Xinference) accept any key; the client still needs one.
    return settings.openai_api_key.get_secret_value() if settings.openai_api_key else "EMPTY"


def chat_model(
    settings: Settings,
    *,
    streaming: bool = False,
    timeout: float | None = None,
    max_retries: int | None = None,
):
    """A LangChain `ChatOpenAI` for the configured endpoint, with timeout and bounded retries."""
    from langchain_openai import ChatOpenAI

    if not (settings.openai_api_key or settings.openai_base_url):
        raise LLMUnavailable("未配置大模型：请设置 OPENAI_API_KEY 或 OPENAI_BASE_URL")
    return ChatOpenAI(
        model=settings.chat_model,
        api_key=_key(settings),
        base_url=settings.openai_base_url,
        temperature=settings.temperature,
        timeout=settings.llm_timeout if timeout is None else timeout,
        max_retries=settings.llm_max_retries if max_retries is None else max_retries,
        streaming=streaming,
    )


def reply(
    settings: Settings,
    messages: list[tuple[str, str]],
    *,
    budget: Budget | None = None,
    streaming: bool = False,
    check: Callable[[str], None] | None = None,
) -> Iterator[str | Restart]:
    """The model's reply to `messages`, in pieces, with bounded retries inside a time budget.

    Faults (timeout, refused connection, 429, 5xx, malformed JSON, a stream cut off, an empty
    reply, or `check(text)` raising `LLMError`) are retried with exponential back-off, honouring
    Retry-After, up to `llm_max_retries` times and never past the budget (`llm_timeout` seconds
    by default). A retry after pieces were yielded first yields `RESTART`. When nothing usable
    arrives, raises `LLMError`, whose `reason` the caller shows with its fallback.
    """
    budget = budget or Budget(settings.llm_timeout)
    try:
        chat_model(settings)  # loads the client library before the clock starts
    except LLMUnavailable as exc:
        raise classify(exc) from exc
    with budget.running():
        yield from _attempts(settings, messages, budget, streaming, check)


def _attempts(
    settings: Settings,
    messages: list[tuple[str, str]],
    budget: Budget,
    streaming: bool,
    check: Callable[[str], None] | None,
) -> Iterator[str | Restart]:
    attempts = settings.llm_max_retries + 1
    for attempt in range(1, attempts + 1):
        pieces: list[str] = []
        try:
            for piece in _attempt(settings, messages, budget, streaming):
                pieces.append(piece)
                yield piece
            text = "".join(pieces)
            if not text.strip():
                raise LLMError("empty")
            if check is not None:
                check(text)
            return
        except Exception as exc:
            error = classify(exc, partial=bool(pieces))
            error.attempts = attempt
            log.info("LLM attempt %d/%d failed: %s", attempt, attempts, error)
            wait = error.retry_after if error.retry_after is not None else _backoff(attempt)
            if not error.retryable or attempt == attempts or wait >= budget.left():
                raise error from exc
        if pieces:
            yield RESTART
        time.sleep(wait)


def reply_text(settings: Settings, messages: list[tuple[str, str]], **options: Any) -> str:
    """`reply` without streaming, as one string."""
    return "".join(p for p in reply(settings, messages, **options) if isinstance(p, str))


def _backoff(attempt: int) -> float:
    return min(8.0, 0.5 * 2 ** (attempt - 1)) * random.uniform(0.5, 1.0)


def _attempt(
    settings: Settings, messages: list[tuple[str, str]], budget: Budget, streaming: bool
) -> Iterator[str]:
    """One request, run in a worker thread so no wait outlasts the budget, whatever the socket does."""
    if budget.left() <= 0:
        raise LLMError("timeout", "no time left")
    # The socket timeout stays fixed (it is part of LangChain's cache key); the budget is
    # enforced below, and a request still running past it is abandoned to its daemon thread.
    model = chat_model(settings, streaming=streaming, max_retries=0)
    pieces: queue.Queue[tuple[str, Any]] = queue.Queue()

    def work() -> None:
        try:
            if streaming:
                finished = False
                for chunk in model.stream(messages):
                    finished = finished or bool(chunk.response_metadata.get("finish_reason"))
                    if chunk.content:
                        pieces.put(("piece", str(chunk.content)))
                if not finished:
                    raise LLMError("cut", "the stream ended without a finish reason")
            else:
                pieces.put(("piece", str(model.invoke(messages).content)))
            pieces.put(("done", None))
        except BaseException as exc:  # handed to the caller's thread
            pieces.put(("error", exc))

    threading.Thread(target=work, name="llm-request", daemon=True).start()
    while True:
        try:
            kind, value = pieces.get(timeout=budget.left())
        except queue.Empty:
            raise LLMError("timeout", "the time budget ran out") from None
        if kind == "done":
            return
        if kind == "error":
            raise value
        yield value


def classify(exc: BaseException, *, partial: bool = False) -> LLMError:
    """Map an exception from the client (or our own checks) to an `LLMError`."""
    import httpx
    import openai

    if isinstance(exc, LLMError):
        return exc
    if isinstance(exc, LLMUnavailable):
        return LLMError("config", str(exc))
    if isinstance(exc, openai.APITimeoutError | httpx.TimeoutException):
        return LLMError("timeout", str(exc))
    if isinstance(exc, openai.RateLimitError):
        return LLMError("rate_limit", str(exc), retry_after=_retry_after(exc.response))
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return LLMError("auth", str(exc))
    if isinstance(exc, openai.APIStatusError):
        kind = "server" if exc.status_code >= 500 else "request"
        return LLMError(kind, str(exc), retry_after=_retry_after(exc.response))
    if isinstance(exc, openai.APIConnectionError | httpx.TransportError):
        causes = _causes(exc)
        cut = partial or any("complete message body" in str(c) for c in causes)
        return LLMError("cut" if cut else "connection", str(causes[-1]))
    if isinstance(exc, ValueError | KeyError | TypeError | AttributeError | IndexError):
        return LLMError("malformed", f"{type(exc).__name__}: {exc}")
    return LLMError("connection", f"{type(exc).__name__}: {exc}")


def _causes(exc: BaseException) -> list[BaseException]:
    chain = [exc]
    while (cause := chain[-1].__cause__ or chain[-1].__context__) and len(chain) < 10:
        chain.append(cause)
    return chain


def _retry_after(response: Any) -> float | None:
    try:
        value = float(response.headers.get("retry-after"))
    except (AttributeError, TypeError, ValueError):
        return None
    return value if 0 <= value <= 600 else None


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
