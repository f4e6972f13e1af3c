"""The 方案起草 tab: an outline with clickable citations, its coverage table, .docx and .md."""

from __future__ import annotations

import gradio as gr

from ...app import Assistant
from ...plans.export import write
from ...plans.provinces import PlanError
from ...text.regions import provinces
from ...tuning import TUNING
from .exports import Exports
from .notices import user_error
from .render_plan import coverage_rows, outline_html

COVERAGE_HEADERS = ["重点举措", "是否覆盖", "对应条目", "引用", "资料出处"]


class PlanTab:
    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.exports = Exports(assistant.settings.home / "exports")

    def draft(self, province: str, focus: str):
        """Draft the outline; return its preview, the coverage table and the two downloads."""
        try:
            outline = self.assistant.plan(province or "", focus or None)
        except PlanError as exc:
            raise user_error(str(exc)) from None
        folder = self.exports.folder()
        stem = f"{outline.province}行动方案提纲"
        docx = write(outline, "docx", folder / f"{stem}.docx")
        markdown = write(outline, "md", folder / f"{stem}.md")
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

    def build(self) -> None:
        limit = TUNING.plan.max_focus_chars
        with gr.Row():
            province = gr.Dropdown(
                [p.name for p in provinces()], label="省份", value=None, elem_id="province"
            )
            focus = gr.Textbox(
                label=f"侧重方向（可选，{limit}字以内）",
                placeholder="例如：人工智能+、科技金融",
                max_length=limit,
                elem_id="focus",
            )
            draft = gr.Button("起草提纲", variant="primary", elem_id="draft-button")
        status = gr.Markdown()
        with gr.Row():
            docx_button = gr.DownloadButton("下载 Word（.docx）", visible=False, elem_id="docx")
            md_button = gr.DownloadButton("下载 Markdown（.md）", visible=False, elem_id="md")
        outline = gr.HTML(elem_id="outline")
        coverage = gr.Dataframe(
            headers=COVERAGE_HEADERS, label="重点举措覆盖对照表", wrap=True, interactive=False
        )
        outputs = [status, outline, coverage, docx_button, md_button]
        draft.click(self.draft, [province, focus], outputs, api_visibility="private")
        focus.submit(self.draft, [province, focus], outputs, api_visibility="private")
