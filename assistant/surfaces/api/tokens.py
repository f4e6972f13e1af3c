"""Bearer-token authentication and the per-token rate limit, shared by the API and MCP."""

from __future__ import annotations

import math
import threading
import time
from collections import deque

from ..accounts import Identity
from ..team import Team


class Refused(Exception):
    """An API request refused before any work: HTTP status, Chinese message, extra headers."""

    def __init__(self, status: int, message: str, code: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.code, self.headers = status, message, code, headers or {}


class RateLimit:
    """At most `per_minute` requests per token in any 60 seconds (a sliding window)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def admit(self, key: str) -> float:
        """0 when admitted, else the seconds until the next request would be."""
        now = time.monotonic()
        with self._lock:
            seen = self._seen.setdefault(key, deque())
            while seen and now - seen[0] >= 60:
                seen.popleft()
            if len(seen) >= self.per_minute:
                return 60 - (now - seen[0])
            seen.append(now)
            return 0.0


def authenticate(team: Team, limit: RateLimit, authorization: str | None) -> Identity:
    """The user behind `Authorization: Bearer <token>`, within the token's rate limit."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Refused(
            401, "缺少 API 令牌：请在请求头中提供 Authorization: Bearer <令牌>。", "missing_api_key"
        )
    found = team.accounts.token_identity(token.strip())
    if found is None:
        raise Refused(401, "API 令牌无效或已撤销。", "invalid_api_key")
    token_id, who = found
    wait = limit.admit(token_id)
    if wait:
        seconds = max(1, math.ceil(wait))
        raise Refused(
            429,
            f"请求过于频繁：每个令牌每分钟最多 {limit.per_minute} 次，请 {seconds} 秒后再试。",
            "rate_limit_exceeded",
            {"Retry-After": str(seconds)},
        )
    return who
