"""The web UI (`assistant serve`): a Gradio app over `Assistant`, with no logic of its own.

Tabs: 问答 (streamed, verified answers with clickable citations; history kept in the browser so
it survives a reload), 方案起草 (outline, coverage matrix, .docx/.md), 资料库 (the corpus; upload,
edit and delete documents) and 评测 (the offline eval gate). Named API endpoints `/ask` and `/plan` serve `gradio_client`.
"""

from __future__ import annotations

import logging
import re
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from .config import Settings, apply_offline_environment

apply_offline_environment()

import gradio as gr  # noqa: E402  (after the offline environment is set)

from . import eval_gate, export  # noqa: E402
from .evaluation import METRICS  # noqa: E402
from .extract import SUPPORTED  # noqa: E402
from .plans import PlanError  # noqa: E402
from .qa import Assistant, QuestionError  # noqa: E402
from .regions import provinces  # noqa: E402
from .schema import Turn  # noqa: E402
from .ui_render import (  # noqa: E402
    answer_html,
    coverage_rows,
    css,
    document_html,
    error_html,
    head,
    outline_html,
    streaming_html,
    user_html,
)

log = logging.getLogger(__name__)

MAX_TURNS = 50  # kept in the browser; older turns drop off
EXPORTS_KEPT_SECONDS = 24 * 3600
EXAMPLES = [
    "2025年上半年全国登记了多少技术合同？",
    "如何推动人工智能与产业深度融合？",
    "科技成果转化方面提出了哪些举措？",
    "河北省在推动科技创新和产业创新融合方面有哪些做法？",
]
LEVELS = {
    "central": "中央",
    "provincial": "省级",
    "municipal": "市级",
    "academic": "研究",
    "other": "其他",
}
COVERAGE_HEADERS = ["重点举措", "是否覆盖", "对应条目", "引用", "资料出处"]
LIBRARY_HEADERS = ["编号", "标题", "发布机构", "日期", "地区", "层级", "字数", "来源"]
STATUS = {"added": "新增", "replaced": "已替换", "unchanged": "未变（跳过）", "failed": "失败"}
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


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


def browser_secret(home: Path) -> str:
    """The key that encrypts chat history in browsers: made once, kept private in the data dir."""
    path = home / "ui-secret"
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(32), "utf-8")
    return path.read_text("utf-8").strip()


def mode_label(settings: Settings) -> str:
    """Which generator answers, without ever showing a key."""
    if not settings.uses_llm:
        return "离线模式（抽取式回答，不调用大模型）"
    host = urlsplit(settings.openai_base_url or "https://api.openai.com").netloc
    return f"大模型：{settings.chat_model}（{host}）"


class WebApp:
    """The callbacks behind the UI and the API, each a thin call into `Assistant`."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.exports = assistant.settings.home / "exports"
        self.documents = {d.doc_id: d for d in assistant.sources()}

    # --- 问答 ---

    @staticmethod
    def _history(store: list[dict]) -> list[Turn]:
        turns = []
        for entry in store:
            turns += [Turn("user", entry["question"]), Turn("assistant", entry["answer"])]
        return turns

    @staticmethod
    def messages(store: list[dict] | None) -> list[dict]:
        """The chat as the Chatbot shows it, rebuilt from the stored turns."""
        out = []
        for entry in store or []:
            out.append({"role": "user", "content": user_html(entry["question"])})
            out.append({"role": "assistant", "content": entry["html"]})
        return out

    def chat(
        self, question: str, doc_ids: list[str] | None, store: list[dict] | None
    ) -> Iterator[tuple[list[dict], list[dict], str]]:
        """Stream one answer into the chat; the finished, verified turn goes into the store."""
        store = list(store or [])
        shown = self.messages(store) + [{"role": "user", "content": user_html(question or "")}]
        text = ""
        try:
            for event in self.assistant.stream(
                question or "", history=self._history(store), doc_ids=doc_ids or ()
            ):
                if event.kind in ("delta", "reset"):
                    text = text + event.delta if event.kind == "delta" else ""
                    yield (
                        shown + [{"role": "assistant", "content": streaming_html(text)}],
                        store,
                        "",
                    )
                elif event.kind == "answer" and event.answer is not None:
                    answer = event.answer
        except QuestionError as exc:
            yield shown + [{"role": "assistant", "content": error_html(str(exc))}], store, question
            return
        except Exception:
            log.exception("answering failed")
            message = error_html("处理问题时出错，请稍后重试；如果反复出现，请联系管理员查看日志。")
            yield shown + [{"role": "assistant", "content": message}], store, question
            return
        key = f"t{len(store)}-{secrets.token_hex(3)}"
        store.append(
            {"question": answer.question, "answer": answer.answer, "html": answer_html(answer, key)}
        )
        store = store[-MAX_TURNS:]
        yield self.messages(store), store, ""

    # --- 方案起草 ---

    def _prune_exports(self) -> None:
        cutoff = time.time() - EXPORTS_KEPT_SECONDS
        for path in self.exports.glob("*/*"):
            if path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                if not any(path.parent.iterdir()):
                    path.parent.rmdir()

    def draft(self, province: str, focus: str):
        """Draft the outline; return its preview, the coverage table and the two downloads."""
        try:
            outline = self.assistant.plan(province or "", focus or None)
        except PlanError as exc:
            raise gr.Error(str(exc), print_exception=False) from None
        self.exports.mkdir(parents=True, exist_ok=True)
        self._prune_exports()
        folder = self.exports / secrets.token_hex(8)
        stem = f"{outline.province}行动方案提纲"
        docx = export.write(outline, "docx", folder / f"{stem}.docx")
        markdown = export.write(outline, "md", folder / f"{stem}.md")
        items = outline.items()
        cited = sum(bool(item.citations) for item in items)
        covered = sum(row.covered for row in outline.coverage)
        status = (
            f"已起草：{len(items)} 个条目，{cited} 个注明引用；"
            f"重点举措覆盖 {covered}/{len(outline.coverage)}。"
        )
        return (
            status,
            outline_html(outline),
            coverage_rows(outline),
            gr.DownloadButton(value=str(docx), visible=True),
            gr.DownloadButton(value=str(markdown), visible=True),
        )

    # --- 资料库 ---

    def refresh(self) -> None:
        self.documents = {d.doc_id: d for d in self.assistant.sources()}

    def library_rows(self) -> list[list]:
        library = {p.name for p in self.assistant.library.files()}
        return [
            [
                d.doc_id,
                d.title,
                d.source or "",
                d.date or "",
                d.region or "",
                LEVELS.get(d.level, d.level),
                len(d.text),
                "资料库" if d.doc_id in library else "内置",
            ]
            for d in self.documents.values()
        ]

    def choices(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(documents to read, documents to filter by) for the two dropdowns."""
        docs = self.documents.values()
        return (
            [(d.title, d.doc_id) for d in docs],
            [(f"{d.title}（{d.source or d.doc_id}）", d.doc_id) for d in docs],
        )

    def _library_outputs(self, chosen: str | None):
        read, filter_by = self.choices()
        return (
            self.library_rows(),
            gr.Dropdown(choices=read, value=chosen),
            gr.Dropdown(choices=filter_by),
        )

    def read(self, doc_id: str | None):
        """The document to read, and its editable title and date (library documents only)."""
        document = self.documents.get(doc_id or "")
        if document is None:
            return (
                "",
                gr.Textbox(value="", interactive=False),
                gr.Textbox(value="", interactive=False),
            )
        editable = self.assistant.library.entry(document.doc_id) is not None
        return (
            document_html(document),
            gr.Textbox(value=document.title, interactive=editable),
            gr.Textbox(value=document.date or "", interactive=editable),
        )

    def read_selected(self, event: gr.SelectData) -> str:
        return str(event.row_value[0]) if event.row_value else ""  # the row as shown (sortable)

    def upload(self, files: list[str] | None, progress: gr.Progress | None = None):
        """Ingest uploaded files (names from the client are reduced to a safe base name)."""
        progress = progress or gr.Progress()
        if not files:
            raise gr.Error("请先选择要上传的文件。", print_exception=False)
        report = self.assistant.ingest(
            [(Path(f), Path(f).name) for f in files],
            on_file=lambda done, total: progress((done, total), desc="读取文件"),
            on_index=lambda done, total: progress((done, total), desc="建立索引"),
        )
        self.refresh()
        rows = [[o.name, STATUS.get(o.status, o.status), o.message] for o in report.outcomes]
        return (report.summary(), rows, *self._library_outputs(None), None)

    def save(self, doc_id: str | None, title: str, date: str):
        if not doc_id or self.assistant.library.entry(doc_id) is None:
            raise gr.Error(
                "只能修改上传到资料库的文档（内置资料不能修改）。", print_exception=False
            )
        if date and not DATE.fullmatch(date.strip()):
            raise gr.Error("日期格式应为 2025-03-01（或 2025-03、2025）。", print_exception=False)
        self.assistant.edit(doc_id, title=title, date=date)
        self.refresh()
        return (f"已保存《{title}》并更新索引。", *self._library_outputs(doc_id))

    def delete(self, doc_id: str | None):
        if not doc_id or self.assistant.library.entry(doc_id) is None:
            raise gr.Error(
                "只能删除上传到资料库的文档（内置资料不能删除）。", print_exception=False
            )
        self.assistant.remove([doc_id])
        self.refresh()
        return (f"已删除 {doc_id}，索引已更新。", *self._library_outputs(None))

    # --- 评测 ---

    def evaluate(self, progress: gr.Progress | None = None):
        """Run the offline eval suite over the seeds; metrics against the baseline, failing cases."""
        progress = progress or gr.Progress()
        settings = eval_gate.eval_settings(self.assistant.settings, llm=False)
        progress(0, desc="准备评测索引…")
        run = eval_gate.run_suite(
            settings, progress=lambda done, total: progress((done, total), desc="评测中")
        )
        result = eval_gate.verdict(run, eval_gate.baseline_path(settings, llm=False))
        base = (result.baseline or {}).get("metrics", {})
        rows = []
        for metric in METRICS:
            if metric.name not in run.metrics:
                continue
            value, before = run.metrics[metric.name], base.get(metric.name)
            rows.append(
                [
                    metric.label,
                    metric.name,
                    round(value, 3),
                    "—" if before is None else round(before, 3),
                    "—" if before is None else f"{value - before:+.3f}",
                    "✗ 回退" if metric.name in result.failed else "✓",
                ]
            )
        failing = [[c["id"], c["question"], "；".join(c["problems"])] for c in result.failing_cases]
        head_line = "**✓ 评测通过**：没有指标回退。" if not result.problems else "**✗ 评测未通过**"
        details = "\n".join(f"- {p}" for p in result.problems)
        summary = (
            f"{head_line}\n\n{details}\n\n{len(run.cases)} 个问答用例 + {len(run.plan_cases)} 个方案用例，"
            f"用时 {run.seconds} 秒；提示词版本 {run.prompts_version}。"
        )
        return summary, rows, failing

    # --- API (gradio_client) ---

    def api_ask(
        self, question: str, history: list[dict] | None = None, doc_ids: list[str] | None = None
    ) -> dict:
        """Answer one question: the `assistant ask --json` object (history: role/content turns)."""
        try:
            answer = self.assistant.ask(question, history=history or [], doc_ids=doc_ids or [])
        except QuestionError as exc:
            raise gr.Error(str(exc), print_exception=False) from None
        return answer.to_json()

    def api_plan(self, province: str, focus: str = "") -> dict:
        """Draft a provincial action-plan outline: the `assistant plan --format json` object."""
        try:
            return self.assistant.plan(province, focus or None).to_json()
        except PlanError as exc:
            raise gr.Error(str(exc), print_exception=False) from None


def build(assistant: Assistant) -> gr.Blocks:
    """The Blocks app; call `.queue(...)` and `.launch(...)` on it (see `serve`)."""
    web = WebApp(assistant)
    settings = assistant.settings
    names = [p.name for p in provinces()]
    with gr.Blocks(title="政策助手", analytics_enabled=False) as app:
        gr.Markdown(
            f"## 政策助手 · 推动科技创新和产业创新深度融合\n"
            f"{mode_label(settings)} · 资料 {len(web.documents)} 篇 · 每句回答都注明出处并逐句核验"
        )
        with gr.Tab("问答", id="ask"):
            # Encrypted in the browser, so the HTML a client sends back is the HTML we rendered;
            # the key lives in the data dir, so a server restart keeps conversations readable.
            store = gr.BrowserState(
                [], storage_key="policy-assistant-chat", secret=browser_secret(settings.home)
            )
            with gr.Row():
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(
                        label="问答",
                        height=560,
                        sanitize_html=False,  # ui_render escapes every piece of text itself
                        latex_delimiters=[],
                        feedback_options=None,
                        buttons=[],  # its copy buttons would copy HTML; answers carry 复制回答
                        placeholder="请输入关于政策文件的问题，回答中的 [n] 可点击查看引用原文。",
                        elem_id="chat",
                    )
                    question = gr.Textbox(
                        label="问题",
                        placeholder="例如：2025年上半年全国登记了多少技术合同？（Enter 发送，Shift+Enter 换行）",
                        lines=2,
                        max_lines=6,
                        elem_id="question",
                    )
                    with gr.Row():
                        ask = gr.Button("提问", variant="primary", elem_id="ask-button")
                        clear = gr.Button("新对话", elem_id="clear-button")
                with gr.Column(scale=1):
                    doc_filter = gr.Dropdown(
                        choices=web.choices()[1],
                        multiselect=True,
                        label="只在这些文档中查找（可选）",
                        elem_id="doc-filter",
                    )
                    gr.Examples(EXAMPLES, inputs=[question], label="示例问题")
            chat_io = {
                "fn": web.chat,
                "inputs": [question, doc_filter, store],
                "outputs": [chatbot, store, question],
                "api_visibility": "private",
            }
            question.submit(**chat_io)
            ask.click(**chat_io)
            clear.click(lambda: ([], []), None, [chatbot, store], api_visibility="private")
            chatbot.clear(lambda: [], None, store, api_visibility="private")
            app.load(web.messages, store, chatbot, api_visibility="private")

        with gr.Tab("方案起草", id="plan"):
            with gr.Row():
                province = gr.Dropdown(names, label="省份", value=None, elem_id="province")
                focus = gr.Textbox(
                    label="侧重方向（可选，50字以内）",
                    placeholder="例如：人工智能+、科技金融",
                    max_length=50,
                    elem_id="focus",
                )
                draft = gr.Button("起草提纲", variant="primary", elem_id="draft-button")
            plan_status = gr.Markdown()
            with gr.Row():
                docx_button = gr.DownloadButton("下载 Word（.docx）", visible=False, elem_id="docx")
                md_button = gr.DownloadButton("下载 Markdown（.md）", visible=False, elem_id="md")
            outline = gr.HTML(elem_id="outline")
            coverage = gr.Dataframe(
                headers=COVERAGE_HEADERS, label="重点举措覆盖对照表", wrap=True, interactive=False
            )
            draft.click(
                web.draft,
                [province, focus],
                [plan_status, outline, coverage, docx_button, md_button],
                api_visibility="private",
            )

        with gr.Tab("资料库", id="library"):
            library = gr.Dataframe(
                value=web.library_rows(),
                headers=LIBRARY_HEADERS,
                label="资料库（点击一行阅读全文）",
                wrap=True,
                interactive=False,
                elem_id="library",
            )
            with gr.Row():
                chosen = gr.Dropdown(
                    web.choices()[0], label="阅读文档", elem_id="read-doc", scale=2
                )
                title = gr.Textbox(label="标题", interactive=False, elem_id="doc-title", scale=2)
                date = gr.Textbox(
                    label="日期", placeholder="2025-03-01", interactive=False, elem_id="doc-date"
                )
            with gr.Row():
                save = gr.Button("保存标题和日期", elem_id="save-doc")
                delete = gr.Button("删除此文档", variant="stop", elem_id="delete-doc")
            library_status = gr.Markdown(elem_id="library-status")
            document = gr.HTML(elem_id="document")
            with gr.Accordion("上传文档", open=True):
                gr.Markdown(
                    "支持 .txt .md（UTF-8、GBK、UTF-16）、.html、.docx、.pdf（需有文字层）；"
                    f"单个文件不超过 {settings.max_file_mb:g} MB。同名文件会替换旧版本，内容未变则跳过；"
                    "有问题的文件逐个说明原因，不影响其他文件。"
                )
                uploads = gr.File(
                    label="选择文件",
                    file_count="multiple",
                    file_types=list(SUPPORTED),
                    type="filepath",
                    elem_id="upload",
                )
                ingest = gr.Button("导入并更新索引", variant="primary", elem_id="ingest-button")
                ingest_status = gr.Markdown(elem_id="ingest-status")
                outcomes = gr.Dataframe(
                    headers=["文件", "结果", "说明"],
                    label="导入结果",
                    wrap=True,
                    interactive=False,
                    elem_id="ingest-results",
                )
            chosen.change(web.read, chosen, [document, title, date], api_visibility="private")
            library.select(web.read_selected, None, chosen, api_visibility="private")
            refreshed = [library, chosen, doc_filter]
            ingest.click(
                web.upload,
                uploads,
                [ingest_status, outcomes, *refreshed, uploads],
                concurrency_id="library",
                concurrency_limit=1,
                api_visibility="private",
            )
            save.click(
                web.save,
                [chosen, title, date],
                [library_status, *refreshed],
                concurrency_id="library",
                concurrency_limit=1,
                api_visibility="private",
            )
            delete.click(
                web.delete,
                chosen,
                [library_status, *refreshed],
                concurrency_id="library",
                concurrency_limit=1,
                api_visibility="private",
            )

        with gr.Tab("评测", id="eval"):
            gr.Markdown(
                "用评测集（问答用例与方案用例）离线检查检索、引用与拒答质量，并与已提交的基线比较。"
                "修改提示词或检索设置后请先在这里或用 `assistant eval` 跑一遍。"
            )
            run_eval = gr.Button("运行离线评测", variant="primary", elem_id="eval-button")
            verdict = gr.Markdown(elem_id="eval-verdict")
            metrics = gr.Dataframe(
                headers=["指标", "名称", "本次", "基线", "变化", "结果"],
                label="指标与基线",
                interactive=False,
            )
            failing = gr.Dataframe(
                headers=["用例", "问题", "存在的问题"],
                label="未完全通过的用例",
                wrap=True,
                interactive=False,
            )
            run_eval.click(
                web.evaluate,
                None,
                [verdict, metrics, failing],
                concurrency_limit=1,
                api_visibility="private",
            )

        gr.api(web.api_ask, api_name="ask")
        gr.api(web.api_plan, api_name="plan")
    return app


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


def launch(assistant: Assistant, *, host: str = "127.0.0.1", port: int = 7860) -> gr.Blocks:
    """Build, queue and start the app; returns once it is listening (`.block_thread()` to wait,
    `.close()` to stop)."""
    settings = assistant.settings
    auth = parse_auth(settings.auth.get_secret_value() if settings.auth else None)
    assistant.build_index()
    _ = assistant.generator  # built once here, not by concurrent first requests
    app = build(assistant)
    app.queue(default_concurrency_limit=settings.ui_concurrency, max_size=settings.ui_queue_size)
    app.launch(
        server_name=host,
        server_port=port,
        auth=auth,
        auth_message="请输入政策助手的用户名和密码。" if auth else None,
        prevent_thread_lock=True,
        quiet=True,
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
    )
    return app
