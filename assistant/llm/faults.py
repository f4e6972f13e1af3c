"""What can go wrong with an LLM endpoint, and the time budget a request may spend on it.

Light on purpose (no openai or LangChain import at load time): the offline path imports it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class LLMUnavailable(RuntimeError):
    """The endpoint is not configured correctly."""


REASONS = {
    "timeout": "等待大模型超时",
    "connection": "无法连接大模型服务",
    "rate_limit": "大模型服务繁忙（请求过多，429）",
    "server": "大模型服务内部错误",
    "malformed": "大模型服务返回了无法解析的数据",
    "cut": "大模型的回答传输中断",
    "empty": "大模型返回了空回答",
    "citations": "大模型的回答引用了不存在的资料编号",
    "auth": "大模型服务拒绝了访问密钥",
    "request": "大模型服务拒绝了请求",
    "config": "大模型配置不完整",
}
_RETRYABLE = {
    "timeout",
    "connection",
    "rate_limit",
    "server",
    "malformed",
    "cut",
    "empty",
    "citations",
}


class LLMError(RuntimeError):
    """No usable reply from the endpoint within the retries and the time budget.

    `kind` is one of `REASONS`; `reason` says it in Chinese for the user.
    """

    def __init__(self, kind: str, detail: str = "", *, retry_after: float | None = None) -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind, self.detail, self.retry_after = kind, detail, retry_after
        self.attempts = 1

    @property
    def reason(self) -> str:
        return REASONS.get(self.kind, "大模型调用失败")

    @property
    def retryable(self) -> bool:
        return self.kind in _RETRYABLE


class Budget:
    """The seconds one request may spend waiting for the model, retries and back-off included.

    The clock runs only inside `running()`: retrieval, verification and loading the client
    library between two model calls of the same question do not eat into the model's time.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.spent = 0.0
        self.since: float | None = None

    def left(self) -> float:
        ticking = time.monotonic() - self.since if self.since is not None else 0.0
        return max(0.0, self.seconds - self.spent - ticking)

    @contextmanager
    def running(self) -> Iterator[None]:
        if self.since is not None:  # nested: the outer call keeps the clock
            yield
            return
        self.since = time.monotonic()
        try:
            yield
        finally:
            self.spent += time.monotonic() - self.since
            self.since = None


class Restart:
    """Yielded by `reply` when a retry begins: drop the pieces received so far."""


RESTART = Restart()
