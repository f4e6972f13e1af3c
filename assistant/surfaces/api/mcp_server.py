"""The MCP server (`/mcp`, streamable HTTP): tools for agents — `ask`, `search` (passages only),
`plan`, `compare`, `targets` and `diff` — behind the same API tokens and rate limit as `/v1`.

Built on the `mcp` SDK's MCPServer (Gradio's own MCP support is left off: it would expose every
UI event, with no token check of ours).
"""

from __future__ import annotations

import contextvars

import anyio
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from ...app import Assistant
from ...search.retrieve import retrieve
from ..accounts import Identity
from ..team import Team
from .tokens import RateLimit, Refused, authenticate

_caller: contextvars.ContextVar[Identity | None] = contextvars.ContextVar("caller", default=None)


def build(assistant: Assistant, host: str):
    """The MCPServer with its tools, and its streamable-HTTP ASGI app (path `/`, to mount)."""
    from mcp.server.mcpserver import MCPServer

    # its own logging setup (a rich handler on the root logger) gets our level, not INFO
    server = MCPServer("policy-assistant", log_level=assistant.settings.log_level)

    async def run(action: str, work):
        who = _caller.get()
        if who is None:  # never reached through `TokenGate`
            raise PermissionError("缺少 API 令牌。")
        who.check(action)
        return await anyio.to_thread.run_sync(work)

    @server.tool()
    async def ask(question: str) -> dict:
        """回答一个关于政策文件的问题：每句话注明并核验引用；资料不足时拒答并列出最接近的资料。
        返回 assistant ask --json 的对象（answer、citations、sentences、passages、refused）。"""
        answer = await run("ask", lambda: assistant.ask(question))
        return answer.to_json()

    @server.tool()
    async def search(query: str, k: int = 6) -> dict:
        """检索与查询最相关的原文段落（不生成回答）：编号、文档、标题、日期、地区与原文。"""
        found = await run("ask", lambda: retrieve(assistant.index, query, k=max(1, min(k, 20))))
        return {"passages": [p.to_json() for p in found.passages]}

    @server.tool()
    async def plan(province: str, focus: str = "") -> dict:
        """起草省级行动方案提纲：每个条目注明引用，附重点举措覆盖对照表。"""
        outline = await run("plan", lambda: assistant.plan(province, focus or None))
        return outline.to_json()

    @server.tool()
    async def compare(provinces: list[str], topic: str = "") -> dict:
        """省份对比表：各省与国家层面在每项举措上的原文条目（注明引用）。"""
        table = await run("compare", lambda: assistant.compare(provinces, topic or None))
        return table.to_json()

    @server.tool()
    async def targets(province: str = "", year: int | None = None) -> dict:
        """量化目标一览：指标、目标值、单位、比较、年份、地区、出处（原文照录）。"""
        table = await run("plan", lambda: assistant.targets(province or None, year))
        return table.to_json()

    @server.tool()
    async def diff(old: str, new: str) -> dict:
        """新旧对照：逐句对齐两个文件（文档编号），列出修改、删除、新增的句子与变化的数字。"""
        compared = await run("compare", lambda: assistant.diff(old, new))
        return compared.to_json()

    app = server.streamable_http_app(
        streamable_http_path="/", stateless_http=True, json_response=True, host=host
    )
    return server, app


class TokenGate:
    """ASGI middleware in front of the MCP app: a valid token within its rate limit, or 401/429
    before the request reaches the SDK; the caller is known to the tools for their role check."""

    def __init__(self, app: ASGIApp, team: Team, limit: RateLimit) -> None:
        self.app, self.team, self.limit = app, team, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode().lower(): v.decode() for k, v in scope.get("headers", [])}
        try:
            who = authenticate(self.team, self.limit, headers.get("authorization"))
        except Refused as exc:
            body = {"error": {"message": exc.message, "code": exc.code}}
            await JSONResponse(body, exc.status, headers=exc.headers)(scope, receive, send)
            return
        token = _caller.set(who)
        try:
            await self.app(scope, receive, send)
        finally:
            _caller.reset(token)
