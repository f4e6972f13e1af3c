"""The 问答 tab: streamed answers, verified sentence by sentence, history kept in the browser."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import gradio as gr

from ...answer.questions import QuestionError
from ...app import Assistant
from ...schema import Turn
from .render import answer_html, error_html, streaming_html, user_html

log = logging.getLogger(__name__)

MAX_TURNS = 50  # kept in the browser; older turns drop off
Chat = tuple[list[dict], list[dict], str]


def examples() -> list[str]:
    """The example questions (`data/ui/examples.txt`), about whatever corpus ships."""
    text = resources.files("assistant.data").joinpath("ui", "examples.txt").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def browser_secret(home: Path) -> str:
    """The key that encrypts chat history in browsers: made once, kept private in the data dir."""
    path = home / "ui-secret"
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(32), "utf-8")
    return path.read_text("utf-8").strip()


class ChatTab:
    """The callbacks of the 问答 tab, each a thin call into `Assistant`."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant

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

    @classmethod
    def restore(cls, store: list[dict] | None) -> tuple[list[dict], dict, dict]:
        """On page load: the chat from the browser's store, then the question box and the
        button opened (they start closed, so nothing asked early is wiped by this restore)."""
        ready = gr.update(interactive=True)
        return cls.messages(store), ready, ready

    def chat(
        self, question: str, doc_ids: list[str] | None, store: list[dict] | None
    ) -> Iterator[Chat]:
        """Stream one answer into the chat; the finished, verified turn goes into the store."""
        store = list(store or [])
        shown = self.messages(store) + [{"role": "user", "content": user_html(question or "")}]
        text, answer = "", None
        try:
            for event in self.assistant.stream(
                question or "", history=self._history(store), doc_ids=doc_ids or ()
            ):
                if event.kind in ("delta", "reset"):
                    text = text + event.delta if event.kind == "delta" else ""
                    streaming = {"role": "assistant", "content": streaming_html(text)}
                    yield shown + [streaming], store, ""
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
        assert answer is not None
        key = f"t{len(store)}-{secrets.token_hex(3)}"
        store.append(
            {"question": answer.question, "answer": answer.answer, "html": answer_html(answer, key)}
        )
        store = store[-MAX_TURNS:]
        yield self.messages(store), store, ""

    def build(self, page: gr.Blocks, home: Path, filter_choices: list[tuple[str, str]]):
        """Lay the tab out and wire it (the page's load restores the chat from the browser);
        returns the document filter, which the library tab refreshes."""
        store = gr.BrowserState(
            # Encrypted in the browser, so the HTML a client sends back is the HTML we rendered;
            # the key lives in the data dir, so a server restart keeps conversations readable.
            [],
            storage_key="policy-assistant-chat",
            secret=browser_secret(home),
        )
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(
                    label="问答",
                    height=560,
                    sanitize_html=False,  # render.py escapes every piece of text itself
                    latex_delimiters=[],
                    feedback_options=None,
                    buttons=[],  # its copy buttons would copy HTML; answers carry 复制回答
                    placeholder="请输入关于政策文件的问题，回答中的 [n] 可点击查看引用原文。",
                    elem_id="chat",
                )
                question = gr.Textbox(
                    label="问题",
                    placeholder="例如：2025年上半年全国登记了多少技术合同？（Enter 发送，Shift+Enter 换行）",
                    lines=1,  # Gradio sends on Enter only for a one-line box; it still grows
                    max_lines=6,
                    interactive=False,  # opened by `restore` once the page has loaded
                    elem_id="question",
                )
                with gr.Row():
                    ask = gr.Button(
                        "提问", variant="primary", interactive=False, elem_id="ask-button"
                    )
                    clear = gr.Button("新对话", elem_id="clear-button")
            with gr.Column(scale=1):
                doc_filter = gr.Dropdown(
                    choices=filter_choices,
                    multiselect=True,
                    label="只在这些文档中查找（可选）",
                    elem_id="doc-filter",
                )
                gr.Examples(examples(), inputs=[question], label="示例问题")
        chat_io = {
            "fn": self.chat,
            "inputs": [question, doc_filter, store],
            "outputs": [chatbot, store, question],
            "api_visibility": "private",
        }
        question.submit(**chat_io)
        ask.click(**chat_io)
        clear.click(lambda: ([], []), None, [chatbot, store], api_visibility="private")
        chatbot.clear(lambda: [], None, store, api_visibility="private")
        page.load(self.restore, store, [chatbot, question, ask], api_visibility="private")
        return doc_filter
