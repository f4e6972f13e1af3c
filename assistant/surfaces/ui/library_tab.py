"""The 资料库 tab: the corpus with its metadata; read, upload, edit and delete documents."""

from __future__ import annotations

import re
from pathlib import Path

import gradio as gr

from ...app import Assistant
from ...corpus.files import SUPPORTED
from ...labels import LEVEL_LABELS
from ...schema import Document
from ..team import Team
from .notices import guarded, user_error
from .render_plan import document_html
from .versions_panel import VersionsPanel

LIBRARY_HEADERS = ["编号", "标题", "发布机构", "日期", "地区", "层级", "字数", "来源"]
STATUS = {"added": "新增", "replaced": "已替换", "unchanged": "未变（跳过）", "failed": "失败"}
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_ONE_AT_A_TIME = {"concurrency_id": "library", "concurrency_limit": 1, "api_visibility": "private"}


class LibraryTab:
    """The corpus as the UI shows it; `documents` is re-read after every change."""

    def __init__(self, assistant: Assistant, team: Team | None = None) -> None:
        self.assistant = assistant
        self.team = team or Team(assistant.settings)
        self.documents: dict[str, Document] = {}
        self.refresh()

    def refresh(self) -> None:
        self.documents = {d.doc_id: d for d in self.assistant.sources()}

    def rows(self) -> list[list]:
        library = {p.name for p in self.assistant.library.files()}
        return [
            [
                d.doc_id,
                d.title,
                d.source or "",
                d.date or "",
                d.region or "",
                LEVEL_LABELS.get(d.level, d.level),
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

    def _outputs(self, chosen: str | None):
        read, filter_by = self.choices()
        return (
            self.rows(),
            gr.Dropdown(choices=read, value=chosen),
            gr.Dropdown(choices=filter_by),
        )

    def read(self, doc_id: str | None):
        """The document to read, and its editable title and date (library documents only)."""
        document = self.documents.get(doc_id or "")
        if document is None:
            blank = gr.Textbox(value="", interactive=False)
            return "", blank, blank
        editable = self.assistant.library.entry(document.doc_id) is not None
        return (
            document_html(document),
            gr.Textbox(value=document.title, interactive=editable),
            gr.Textbox(value=document.date or "", interactive=editable),
        )

    @staticmethod
    def read_selected(event: gr.SelectData) -> str:
        return str(event.row_value[0]) if event.row_value else ""  # the row as shown (sortable)

    def upload(
        self,
        files: list[str] | None,
        request: gr.Request | None = None,
        progress: gr.Progress | None = None,
    ):
        """Ingest uploaded files (names from the client are reduced to a safe base name)."""
        progress = progress or gr.Progress()
        if not files:
            raise user_error("请先选择要上传的文件。")
        report = guarded(
            self.team,
            request,
            "ingest",
            "、".join(Path(f).name for f in files),
            lambda: self.assistant.ingest(
                [(Path(f), Path(f).name) for f in files],
                on_file=lambda done, total: progress((done, total), desc="读取文件"),
                on_index=lambda done, total: progress((done, total), desc="建立索引"),
            ),
        )
        self.refresh()
        rows = [[o.name, STATUS.get(o.status, o.status), o.message] for o in report.outcomes]
        return (report.summary(), rows, *self._outputs(None), None)

    def _editable(self, doc_id: str | None, action: str) -> str:
        if not doc_id or self.assistant.library.entry(doc_id) is None:
            raise user_error(f"只能{action}上传到资料库的文档（内置资料不能{action}）。")
        return doc_id

    def save(self, doc_id: str | None, title: str, date: str, request: gr.Request | None = None):
        doc_id = self._editable(doc_id, "修改")
        if date and not DATE.fullmatch(date.strip()):
            raise user_error("日期格式应为 2025-03-01（或 2025-03、2025）。")
        guarded(
            self.team,
            request,
            "edit",
            doc_id,
            lambda: self.assistant.edit(doc_id, title=title, date=date),
        )
        self.refresh()
        return (f"已保存《{title}》并更新索引。", *self._outputs(doc_id))

    def delete(self, doc_id: str | None, request: gr.Request | None = None):
        doc_id = self._editable(doc_id, "删除")
        guarded(self.team, request, "delete", doc_id, lambda: self.assistant.remove([doc_id]))
        self.refresh()
        return (f"已删除 {doc_id}，索引已更新。", *self._outputs(None))

    def build(self, doc_filter: gr.Dropdown, max_file_mb: float) -> None:
        table = gr.Dataframe(
            value=self.rows(),
            headers=LIBRARY_HEADERS,
            label="资料库（点击一行阅读全文）",
            wrap=True,
            interactive=False,
            elem_id="library",
        )
        with gr.Row():
            chosen = gr.Dropdown(self.choices()[0], label="阅读文档", elem_id="read-doc", scale=2)
            title = gr.Textbox(label="标题", interactive=False, elem_id="doc-title", scale=2)
            date = gr.Textbox(
                label="日期", placeholder="2025-03-01", interactive=False, elem_id="doc-date"
            )
        with gr.Row():
            save = gr.Button("保存标题和日期", elem_id="save-doc")
            delete = gr.Button("删除此文档", variant="stop", elem_id="delete-doc")
        status = gr.Markdown(elem_id="library-status")
        document = gr.HTML(elem_id="document")
        chosen.change(self.read, chosen, [document, title, date], api_visibility="private")
        table.select(self.read_selected, None, chosen, api_visibility="private")
        refreshed = [table, chosen, doc_filter]
        save.click(self.save, [chosen, title, date], [status, *refreshed], **_ONE_AT_A_TIME)
        delete.click(self.delete, chosen, [status, *refreshed], **_ONE_AT_A_TIME)
        self._build_upload(refreshed, max_file_mb)
        VersionsPanel(self.assistant, self.team).build()

    def _build_upload(self, refreshed: list, max_file_mb: float) -> None:
        with gr.Accordion("上传文档", open=True):
            gr.Markdown(
                "支持 .txt .md（UTF-8、GBK、UTF-16）、.html、.docx、.pdf（需有文字层）；"
                f"单个文件不超过 {max_file_mb:g} MB。同名文件会替换旧版本，内容未变则跳过；"
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
            status = gr.Markdown(elem_id="ingest-status")
            outcomes = gr.Dataframe(
                headers=["文件", "结果", "说明"],
                label="导入结果",
                wrap=True,
                interactive=False,
                elem_id="ingest-results",
            )
        ingest.click(
            self.upload, uploads, [status, outcomes, *refreshed, uploads], **_ONE_AT_A_TIME
        )
