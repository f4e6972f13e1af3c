"""In the 资料库 tab: which version of a document is in force, the user's own say in it, and
the 新旧对照 of any two documents (changed figures marked; .docx download)."""

from __future__ import annotations

from html import escape

import gradio as gr

from ...app import Assistant
from ...corpus.library import LibraryError
from ...plans.diff import VersionDiff
from ...plans.diff_export import KIND_LABELS, marked, title, write
from ...plans.provinces import PlanError
from ...search.versions import versions_of
from ..team import Team
from .exports import Exports
from .notices import guarded, user_error

_PRIVATE = {"api_visibility": "private"}


def diff_html(diff: VersionDiff) -> str:
    counts = diff.counts()
    summary = "，".join(
        f"{KIND_LABELS[k]} {counts.get(k, 0)} 句" for k in ("changed", "removed", "added")
    )
    rows = []
    for change in diff.changes:
        if change.kind == "same":
            continue
        old = marked(escape(change.old), change.old_figures, "<mark>", "</mark>") or "（删除）"
        new = marked(escape(change.new), change.new_figures, "<mark>", "</mark>") or "（新增）"
        rows.append(f'<tr class="pa-{change.kind}"><td>{old}</td><td>{new}</td></tr>')
    return (
        f'<div class="pa-diff"><h2>{escape(title(diff))}</h2><p>{summary}；数字有变化处高亮。</p>'
        '<div class="pa-table-wrap"><table class="pa-matrix"><thead><tr><th>原文</th><th>新文</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div></div>"
    )


class VersionsPanel:
    def __init__(self, assistant: Assistant, team: Team) -> None:
        self.assistant = assistant
        self.team = team
        self.exports = Exports(assistant.settings.home / "exports")

    def choices(self) -> list[tuple[str, str]]:
        return [(f"{d.title}（{d.doc_id}）", d.doc_id) for d in self.assistant.sources()]

    def relations(self) -> str:
        """Which document supersedes which, and why (Markdown)."""
        versions = versions_of(self.assistant.index, self.assistant.library.chosen_versions())
        lines = [
            f"- 《{doc.title}》取代 {'、'.join(f'《{versions.docs[o].title}》' for o in doc.supersedes)}"
            f"（{doc.how}）"
            for doc in versions.docs.values()
            if doc.supersedes
        ]
        return (
            "\n".join(["**版本关系**（默认只依据现行有效版本作答）", *lines])
            if lines
            else (
                "资料库中尚无版本关系：同名逐年文件、正文中的“废止/代替《…》”会自动识别，也可在下方设定。"
            )
        )

    def compare(self, old: str | None, new: str | None):
        if not old or not new:
            raise user_error("请选择原文和新文两个文档。")
        try:
            diff = self.assistant.diff(old, new)
        except PlanError as exc:
            raise user_error(str(exc)) from None
        path = write(diff, "docx", self.exports.folder() / "新旧对照表.docx")
        return diff_html(diff), gr.DownloadButton(value=str(path), visible=True)

    def supersede(
        self,
        old: str | None,
        new: str | None,
        undo: bool = False,
        request: gr.Request | None = None,
    ):
        if not old or not new:
            raise user_error("请选择原文（旧版本）和新文（新版本）。")
        try:
            guarded(
                self.team,
                request,
                "supersede",
                f"{new} 取代 {old}" + ("（撤销）" if undo else ""),
                lambda: self.assistant.supersede(new, old, undo=undo),
            )
        except LibraryError as exc:
            raise user_error(str(exc)) from None
        return self.relations()

    def build(self) -> None:
        with gr.Accordion("版本与新旧对照", open=False):
            relations = gr.Markdown(self.relations(), elem_id="version-relations")
            with gr.Row():
                old = gr.Dropdown(self.choices(), label="原文（旧版本）", elem_id="diff-old")
                new = gr.Dropdown(self.choices(), label="新文（新版本）", elem_id="diff-new")
            with gr.Row():
                run = gr.Button("新旧对照", variant="primary", elem_id="diff-button")
                mark = gr.Button("设定：新文取代原文", elem_id="supersede-button")
                unmark = gr.Button("撤销该取代关系", elem_id="unsupersede-button")
                download = gr.DownloadButton(
                    "下载新旧对照表（.docx）", visible=False, elem_id="diff-docx"
                )
            view = gr.HTML(elem_id="diff-view")
        for box in (old, new):
            box.focus(lambda: gr.Dropdown(choices=self.choices()), None, box, **_PRIVATE)
        run.click(self.compare, [old, new], [view, download], **_PRIVATE)
        mark.click(self.supersede, [old, new], relations, **_PRIVATE)
        unmark.click(self.unsupersede, [old, new], relations, **_PRIVATE)

    def unsupersede(self, old: str | None, new: str | None, request: gr.Request):
        return self.supersede(old, new, undo=True, request=request)
