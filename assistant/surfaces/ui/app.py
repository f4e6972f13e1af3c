"""The web UI (`assistant serve`): a Gradio app over `Assistant`, with no logic of its own.

Tabs (one module each): 问答 (`chat.py`), 方案起草 (`plan_tab.py`), 对比 (`compare_tab.py`),
目标值 (`targets_tab.py`), 资料库 (`library_tab.py`) and 评测 (`eval_tab.py`). Named API endpoints
`/ask` and `/plan` serve `gradio_client`.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ...config import Settings, apply_offline_environment

apply_offline_environment()

import gradio as gr  # noqa: E402  (after the offline environment is set)

from ...answer.questions import QuestionError  # noqa: E402
from ...app import Assistant  # noqa: E402
from ...plans.provinces import PlanError  # noqa: E402
from ..team import Team  # noqa: E402
from .chat import ChatTab  # noqa: E402
from .compare_tab import CompareTab  # noqa: E402
from .eval_tab import EvalTab  # noqa: E402
from .library_tab import LibraryTab  # noqa: E402
from .notices import user_error  # noqa: E402
from .page import css, head, interface_translations  # noqa: E402
from .plan_tab import PlanTab  # noqa: E402
from .server import Web, api_app, listen  # noqa: E402
from .targets_tab import TargetsTab  # noqa: E402


def mode_label(settings: Settings) -> str:
    """Which generator answers, without ever showing a key."""
    if not settings.uses_llm:
        return "离线模式（抽取式回答，不调用大模型）"
    host = urlsplit(settings.openai_base_url or "https://api.openai.com").netloc
    return f"大模型：{settings.chat_model}（{host}）"


class Api:
    """The named endpoints for scripts (`gradio_client`): the CLI's JSON contracts."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant

    def ask(
        self, question: str, history: list[dict] | None = None, doc_ids: list[str] | None = None
    ) -> dict:
        """Answer one question: the `assistant ask --json` object (history: role/content turns)."""
        try:
            answer = self.assistant.ask(question, history=history or [], doc_ids=doc_ids or [])
        except QuestionError as exc:
            raise user_error(str(exc)) from None
        return answer.to_json()

    def plan(self, province: str, focus: str = "") -> dict:
        """Draft a provincial action-plan outline: the `assistant plan --format json` object."""
        try:
            return self.assistant.plan(province, focus or None).to_json()
        except PlanError as exc:
            raise user_error(str(exc)) from None


def build(assistant: Assistant, team: Team | None = None) -> gr.Blocks:
    """The Blocks app; call `.queue(...)` and `.launch(...)` on it (see `launch`)."""
    settings = assistant.settings
    team = team or Team(settings)
    library, chat = LibraryTab(assistant, team), ChatTab(assistant)
    api = Api(assistant)
    with gr.Blocks(title="政策助手", analytics_enabled=False) as page:
        gr.Markdown(
            f"## 政策助手 · 推动科技创新和产业创新深度融合\n"
            f"{mode_label(settings)} · 资料 {len(library.documents)} 篇 · 每句回答都注明出处并逐句核验"
        )
        with gr.Tab("问答", id="ask"):
            doc_filter = chat.build(page, settings.home, library.choices()[1])
        with gr.Tab("方案起草", id="plan"):
            PlanTab(assistant).build()
        with gr.Tab("对比", id="compare"):
            CompareTab(assistant).build()
        with gr.Tab("目标值", id="targets"):
            TargetsTab(assistant).build()
        with gr.Tab("资料库", id="library"):
            library.build(doc_filter, settings.max_file_mb)
        with gr.Tab("评测", id="eval"):
            EvalTab(assistant, team).build()
        gr.api(api.ask, api_name="ask")
        gr.api(api.plan, api_name="plan")
    return page


def theme() -> gr.themes.Base:
    """System fonts only: nothing is fetched from a font CDN."""
    return gr.themes.Default(
        primary_hue="blue",
        font=[
            "Noto Sans CJK SC",
            "WenQuanYi Micro Hei",
            "Microsoft YaHei",
            "PingFang SC",
            "sans-serif",
        ],
        font_mono=["ui-monospace", "Consolas", "monospace"],
    )


def launch(assistant: Assistant, *, host: str = "127.0.0.1", port: int = 7860) -> Web:
    """Build, queue and start the server: the UI at `/`, the OpenAI-compatible API at `/v1`,
    MCP at `/mcp`; returns once it is listening (raises OSError when the port cannot be had)."""
    settings = assistant.settings
    team = Team(settings)
    assistant.build_index()
    _ = assistant.generator  # built once here, not by concurrent first requests
    blocks = build(assistant, team)
    blocks.queue(default_concurrency_limit=settings.ui_concurrency, max_size=settings.ui_queue_size)
    web = api_app(assistant, team, host)
    gr.mount_gradio_app(
        web,
        blocks,
        path="/",
        auth=team.login if team.login_required else None,
        auth_message="请输入政策助手的用户名和密码。" if team.login_required else None,
        show_error=True,
        footer_links=["api"],
        allowed_paths=[str(Path(settings.home / "exports").resolve())],
        max_file_size=f"{settings.max_file_mb * 2:g}mb",  # ours, with a Chinese message, is lower
        ssr_mode=False,
        pwa=False,
        mcp_server=False,
        enable_monitoring=False,
        theme=theme(),
        css=css(),
        head=head(),
        i18n=gr.I18n(**interface_translations()),
    )
    return listen(web, blocks, host, port)
