"""Users, roles and API tokens of a shared assistant (`<home>/accounts.json`).

Passwords are kept only as salted scrypt hashes; API tokens only as SHA-256 digests (a token is
32 random bytes, so a fast digest is safe — a password is not, hence scrypt). The file is
written atomically and readable by its owner only.

Roles: a viewer asks, drafts, compares and exports; an editor also ingests, edits and deletes
library documents; an admin also manages users and runs the eval. `ASSISTANT_AUTH` (clear-text
`user:password` pairs) still works, as admins, with a deprecation notice.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROLES = ("viewer", "editor", "admin")
ROLE_LABELS = {"viewer": "查看者", "editor": "编辑者", "admin": "管理员"}
# action → the least role allowed to do it, and how the refusal names it
ACTIONS = {
    "ask": ("viewer", "提问"),
    "plan": ("viewer", "起草方案"),
    "compare": ("viewer", "对比"),
    "export": ("viewer", "导出"),
    "ingest": ("editor", "导入文档"),
    "edit": ("editor", "修改文档信息"),
    "delete": ("editor", "删除文档"),
    "supersede": ("editor", "设定版本关系"),
    "eval": ("admin", "运行评测"),
    "users": ("admin", "管理用户"),
}
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_TOKEN_PREFIX = "pa-"


class AccountError(ValueError):
    """A bad user name, role, password or token id (message in Chinese)."""


class PermissionDenied(PermissionError):
    """The user's role does not allow the action (message in Chinese)."""


@dataclass(frozen=True, slots=True)
class Identity:
    name: str
    role: str

    def may(self, action: str) -> bool:
        least = ACTIONS[action][0]
        return ROLES.index(self.role) >= ROLES.index(least)

    def check(self, action: str) -> None:
        if not self.may(action):
            least, label = ACTIONS[action]
            raise PermissionDenied(
                f"没有权限{label}：需要{ROLE_LABELS[least]}或更高角色，"
                f"当前用户 {self.name} 是{ROLE_LABELS[self.role]}。"
            )


LOCAL = Identity("本机用户", "admin")
"""Who uses a UI without logins (the default, on 127.0.0.1): everything is allowed."""


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    encode = base64.b64encode
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${encode(salt).decode()}${encode(digest).decode()}"


def password_matches(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if kind != "scrypt":
        return False
    again = hashlib.scrypt(
        password.encode(), salt=base64.b64decode(salt), dklen=32, n=int(n), r=int(r), p=int(p)
    )
    return hmac.compare_digest(again, base64.b64decode(digest))


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Accounts:
    """The users and tokens file; every method reads it afresh, so CLI changes reach a running
    server at once (a revoked token stops working on its next request)."""

    def __init__(self, home: Path) -> None:
        self.path = home / "accounts.json"
        self._lock = threading.Lock()

    def _load(self) -> dict:
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            data = {}
        data.setdefault("users", {})
        data.setdefault("tokens", {})
        return data

    def _save(self, data: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f".{self.path.name}.{os.getpid()}.partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, self.path)

    # --- users ---
    def has_users(self) -> bool:
        return bool(self._load()["users"])

    def users(self) -> list[dict]:
        return [
            {"name": name, "role": user["role"], "created": user["created"]}
            for name, user in sorted(self._load()["users"].items())
        ]

    def add(self, name: str, role: str, password: str) -> None:
        name = _valid_name(name)
        if role not in ROLES:
            raise AccountError(f"角色应为 {'、'.join(ROLES)} 之一。")
        _valid_password(password)
        with self._lock:
            data = self._load()
            if name in data["users"]:
                raise AccountError(f"用户 {name} 已存在（改密码用 users passwd）。")
            data["users"][name] = {
                "role": role,
                "password": hash_password(password),
                "created": time.strftime("%Y-%m-%d %H:%M:%S"),
            }
            self._save(data)

    def set_password(self, name: str, password: str) -> None:
        _valid_password(password)
        with self._lock:
            data = self._load()
            if name not in data["users"]:
                raise AccountError(f"没有用户 {name}。")
            data["users"][name]["password"] = hash_password(password)
            self._save(data)

    def remove(self, name: str) -> None:
        """Remove a user and revoke their tokens."""
        with self._lock:
            data = self._load()
            if data["users"].pop(name, None) is None:
                raise AccountError(f"没有用户 {name}。")
            for token in data["tokens"].values():
                if token["user"] == name:
                    token["revoked"] = True
            self._save(data)

    def verify(self, name: str, password: str) -> Identity | None:
        user = self._load()["users"].get(name)
        if user is None or not password_matches(password, user["password"]):
            return None
        return Identity(name, user["role"])

    def identity(self, name: str) -> Identity | None:
        user = self._load()["users"].get(name)
        return Identity(name, user["role"]) if user else None

    # --- tokens ---
    def create_token(self, name: str) -> tuple[str, str]:
        """A new token for user `name`: (its id, the token — shown once, kept only hashed)."""
        with self._lock:
            data = self._load()
            if name not in data["users"]:
                raise AccountError(f"没有用户 {name}：先用 assistant users add 添加。")
            token_id = secrets.token_hex(4)
            token = f"{_TOKEN_PREFIX}{token_id}-{secrets.token_urlsafe(32)}"
            data["tokens"][token_id] = {
                "user": name,
                "sha256": _token_digest(token),
                "created": time.strftime("%Y-%m-%d %H:%M:%S"),
                "revoked": False,
            }
            self._save(data)
        return token_id, token

    def tokens(self) -> list[dict]:
        return [
            {"id": tid, "user": t["user"], "created": t["created"], "revoked": t["revoked"]}
            for tid, t in sorted(self._load()["tokens"].items(), key=lambda kv: kv[1]["created"])
        ]

    def revoke(self, token_id: str) -> None:
        with self._lock:
            data = self._load()
            if token_id not in data["tokens"]:
                raise AccountError(
                    f"没有编号为 {token_id} 的令牌（assistant tokens list 可查看）。"
                )
            data["tokens"][token_id]["revoked"] = True
            self._save(data)

    def token_identity(self, token: str) -> tuple[str, Identity] | None:
        """(token id, its user) for a valid, unrevoked token; None otherwise."""
        if not token.startswith(_TOKEN_PREFIX) or "-" not in token[len(_TOKEN_PREFIX) :]:
            return None
        token_id = token[len(_TOKEN_PREFIX) :].split("-", 1)[0]
        data = self._load()
        entry = data["tokens"].get(token_id)
        if entry is None or entry["revoked"]:
            return None
        if not hmac.compare_digest(entry["sha256"], _token_digest(token)):
            return None
        user = data["users"].get(entry["user"])
        return (token_id, Identity(entry["user"], user["role"])) if user else None


def _valid_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 64 or any(c in name for c in ":,\n\t "):
        raise AccountError("用户名不能为空、不超过 64 个字符，且不能含空格、冒号或逗号。")
    return name


def _valid_password(password: str) -> None:
    if len(password) < 8:
        raise AccountError("密码至少 8 个字符。")
