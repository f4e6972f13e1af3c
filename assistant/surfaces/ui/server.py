"""The one HTTP server of `assistant serve`: FastAPI with the OpenAI-compatible API (`/v1`) and
MCP (`/mcp`), the Gradio UI mounted at `/`, run by uvicorn in a thread of this process."""

from __future__ import annotations

import contextlib
import socket
import threading

import gradio as gr
import uvicorn
from fastapi import FastAPI

from ...app import Assistant
from ..api.mcp_server import TokenGate
from ..api.mcp_server import build as build_mcp
from ..api.openai_routes import OpenAIRoutes
from ..api.tokens import RateLimit
from ..team import Team


class Web:
    """The running server: `.block_thread()` waits (Ctrl+C stops), `.close()` stops."""

    def __init__(self, server: uvicorn.Server, thread: threading.Thread, blocks: gr.Blocks):
        self.server, self.thread, self.blocks = server, thread, blocks

    def block_thread(self) -> None:
        try:
            while self.thread.is_alive():
                self.thread.join(0.5)
        except KeyboardInterrupt:
            self.close()

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join(30)
        self.blocks.close()


def api_app(assistant: Assistant, team: Team, host: str) -> FastAPI:
    """FastAPI with `/v1` and `/mcp` (one rate limit per token across both); the UI is mounted
    on it afterwards."""
    limit = RateLimit(assistant.settings.api_rate_per_minute)
    mcp, mcp_app = build_mcp(assistant, host)

    @contextlib.asynccontextmanager
    async def lifespan(_app):
        async with mcp.session_manager.run():
            yield

    web = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    web.include_router(OpenAIRoutes(assistant, team, limit).router())
    web.mount("/mcp", TokenGate(mcp_app, team, limit))
    return web


def listen(web: FastAPI, blocks: gr.Blocks, host: str, port: int) -> Web:
    """Bind `host:port` here (so a taken port raises OSError at once), then serve in a thread."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    server = uvicorn.Server(uvicorn.Config(web, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise OSError(f"无法在 {host}:{port} 启动服务")
        threading.Event().wait(0.05)
    return Web(server, thread, blocks)
