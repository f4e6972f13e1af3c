"""`assistant serve`: the web UI."""

from __future__ import annotations

from typing import Annotated

import typer

from ...config import Settings
from .app import app, fail


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="监听地址；给团队使用时设为 0.0.0.0（建议同时设置登录）。")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="端口。", min=1, max=65535)] = 7860,
) -> None:
    """启动网页界面（问答、方案起草、资料库、评测）。"""
    from ...app import Assistant
    from ..auth import AuthError
    from ..team import DEPRECATED, Team
    from ..ui.app import launch

    settings = Settings()
    try:
        team = Team(settings)
    except AuthError as exc:
        fail(str(exc), 2)
    if team.legacy:
        typer.echo(DEPRECATED, err=True)
    if host not in ("127.0.0.1", "localhost", "::1") and not team.login_required:
        typer.echo(
            f"注意：服务监听 {host}，同一网络中的人都能访问且可修改资料库；"
            "请先用 assistant users add 添加用户以启用登录与角色。",
            err=True,
        )
    try:
        web = launch(Assistant(settings), host=host, port=port)
    except AuthError as exc:
        fail(str(exc), 2)
    except OSError as exc:
        fail(f"无法在 {host}:{port} 启动服务：{exc}", 1)
    shown = "127.0.0.1" if host == "0.0.0.0" else host
    typer.echo(f"政策助手已启动：http://{shown}:{port}（Ctrl+C 停止）", err=True)
    web.block_thread()
