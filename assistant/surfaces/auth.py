"""Logins for the web UI from `ASSISTANT_AUTH`: `user:password` pairs separated by commas."""

from __future__ import annotations


class AuthError(ValueError):
    """`ASSISTANT_AUTH` is not a list of `user:password` pairs."""


def parse_auth(value: str | None) -> list[tuple[str, str]] | None:
    """`alice:pw1,bob:pw2` → [("alice", "pw1"), ("bob", "pw2")]; empty → no login."""
    if not value or not value.strip():
        return None
    pairs = []
    for entry in value.split(","):
        user, sep, password = entry.strip().partition(":")
        if not sep or not user.strip() or not password:
            raise AuthError("ASSISTANT_AUTH 格式应为 用户名:密码，多个用户以英文逗号分隔。")
        pairs.append((user.strip(), password))
    return pairs


def passwords(value: str | None) -> list[str]:
    """Every password in the setting, even a malformed one (for scrubbing logs)."""
    try:
        return [password for _, password in parse_auth(value) or []]
    except AuthError:
        return [entry.partition(":")[2] for entry in (value or "").split(",")]
