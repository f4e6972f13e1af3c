"""Who is asking: the logins of the web UI and the tokens of the APIs, resolved to identities.

Logins come from the users file (`assistant users add`); `ASSISTANT_AUTH` pairs, if set, are
admins as before (deprecated: their passwords sit in clear text). With neither, the UI has no
login and its one user may do everything — right on 127.0.0.1, and `serve` warns otherwise.
"""

from __future__ import annotations

import hmac
from pathlib import Path

from ..config import Settings
from .accounts import LOCAL, Accounts, Identity
from .auth import parse_auth

DEPRECATED = (
    "注意：ASSISTANT_AUTH 以明文保存密码，已不推荐；请改用 assistant users add 用户名 --role "
    "admin|editor|viewer（密码只保存加盐哈希），然后删除 ASSISTANT_AUTH。其中的用户暂按管理员处理。"
)


class Team:
    def __init__(self, settings: Settings) -> None:
        self.home: Path = settings.home
        self.accounts = Accounts(settings.home)
        self.legacy = parse_auth(settings.auth.get_secret_value() if settings.auth else None) or []

    @property
    def login_required(self) -> bool:
        return bool(self.legacy) or self.accounts.has_users()

    def login(self, name: str, password: str) -> bool:
        """Gradio's login check: a user of the users file, or an `ASSISTANT_AUTH` pair."""
        if self.accounts.verify(name, password) is not None:
            return True
        return any(
            hmac.compare_digest(name.encode(), user.encode())
            and hmac.compare_digest(password.encode(), secret.encode())
            for user, secret in self.legacy
        )

    def who(self, username: str | None) -> Identity:
        """The identity behind a UI session (no login configured: the local user, an admin)."""
        if not self.login_required:
            return LOCAL
        if username and (found := self.accounts.identity(username)) is not None:
            return found
        if username and any(username == user for user, _ in self.legacy):
            return Identity(username, "admin")
        return Identity(username or "匿名", "viewer")  # a removed user keeps no rights beyond
