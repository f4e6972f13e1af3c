"""`assistant users`, `assistant tokens` and `assistant audit`: who may use a shared assistant,
with which role, and what they changed."""

from __future__ import annotations

import getpass
import json
import sys
from typing import Annotated

import typer

from ...config import Settings
from .app import app, fail

users = typer.Typer(
    help="管理网页与 API 的用户和角色（viewer 查看者、editor 编辑者、admin 管理员）。"
)
tokens = typer.Typer(help="管理 API 令牌（OpenAI 兼容接口与 MCP 使用；只保存哈希）。")
app.add_typer(users, name="users")
app.add_typer(tokens, name="tokens")


def _accounts():
    from ..accounts import Accounts

    return Accounts(Settings().home)


def _password(prompt: str) -> str:
    """From standard input: typed twice on a terminal (not echoed), else the first line."""
    if sys.stdin.isatty():
        first = getpass.getpass(f"{prompt}：")
        if getpass.getpass("再输入一次：") != first:
            fail("两次输入的密码不一致。", 2)
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _run(work) -> None:
    from ..accounts import AccountError

    try:
        work()
    except AccountError as exc:
        fail(str(exc), 2)


def _audited(action: str, target: str, work) -> None:
    """A user-management change made at this machine, logged as the operating-system user."""
    from ..accounts import Identity
    from ..audit import perform

    who = Identity(f"{getpass.getuser()}（命令行）", "admin")
    _run(lambda: perform(Settings().home, who, action, target, "cli", work))


@users.command("add")
def users_add(
    name: str,
    role: Annotated[str, typer.Option("--role", help="viewer | editor | admin")] = "viewer",
) -> None:
    """添加用户；密码从标准输入读取（终端中输入两次，不回显），只保存加盐 scrypt 哈希。"""
    password = _password("密码（至少 8 个字符）")
    _audited("users", f"添加 {name}（{role}）", lambda: _accounts().add(name, role, password))
    typer.echo(f"已添加用户 {name}，角色 {role}。")


@users.command("passwd")
def users_passwd(name: str) -> None:
    """修改用户的密码（从标准输入读取）。"""
    password = _password("新密码（至少 8 个字符）")
    _audited("users", f"改密码 {name}", lambda: _accounts().set_password(name, password))
    typer.echo(f"已修改 {name} 的密码。")


@users.command("remove")
def users_remove(name: str) -> None:
    """删除用户（其 API 令牌同时撤销）。"""
    _audited("users", f"删除 {name}", lambda: _accounts().remove(name))
    typer.echo(f"已删除用户 {name}，其令牌已撤销。")


@users.command("list")
def users_list() -> None:
    """列出用户与角色（不显示密码）。"""
    listed = _accounts().users()
    if not listed:
        typer.echo("还没有用户：网页界面不需要登录（仅适合本机使用）。")
    for user in listed:
        typer.echo(f"{user['name']}\t{user['role']}\t添加于 {user['created']}")


@tokens.command("create")
def tokens_create(name: str) -> None:
    """为用户生成 API 令牌：只显示这一次，服务器只保存其哈希。"""
    created: list[tuple[str, str]] = []
    _audited("users", f"生成令牌 {name}", lambda: created.append(_accounts().create_token(name)))
    token_id, token = created[0]
    typer.echo(
        f"令牌编号 {token_id}（用户 {name}）。请立即保存下面的令牌，它不会再次显示：", err=True
    )
    typer.echo(token)


@tokens.command("list")
def tokens_list() -> None:
    """列出令牌（编号、用户、创建时间、状态；不显示令牌本身）。"""
    for token in _accounts().tokens():
        state = "已撤销" if token["revoked"] else "有效"
        typer.echo(f"{token['id']}\t{token['user']}\t{token['created']}\t{state}")


@tokens.command("revoke")
def tokens_revoke(token_id: str) -> None:
    """撤销令牌（按编号）；正在运行的服务从下一个请求起拒绝它。"""
    _audited("users", f"撤销令牌 {token_id}", lambda: _accounts().revoke(token_id))
    typer.echo(f"已撤销令牌 {token_id}。")


@app.command()
def audit(
    last: Annotated[int, typer.Option("--last", "-n", help="只显示最后 N 条。", min=1)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="每行一个 JSON 对象。")] = False,
) -> None:
    """审计日志：谁在何时通过何处做了什么修改（或被拒绝），结果如何。"""
    from ..audit import entries

    shown = entries(Settings().home)[-last:]
    if not shown:
        typer.echo("审计日志为空。")
    for entry in shown:
        if as_json:
            typer.echo(json.dumps(entry, ensure_ascii=False))
        else:
            typer.echo(
                f"{entry['at']}  {entry['user']}（{entry['role']}）  {entry['action']}  "
                f"{entry['target']}  [{entry['via']}]  {entry['outcome']}"
            )
