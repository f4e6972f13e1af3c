"""The 对比 tab: chosen provinces against the national texts, measure by measure, with .docx,
.xlsx and .md downloads."""

from __future__ import annotations

import gradio as gr

from ...app import Assistant
from ...plans.compare import MAX_PROVINCES
from ...plans.compare_export import title, write
from ...plans.provinces import PlanError
from ...text.regions import provinces
from ...tuning import TUNING
from .exports import Exports
from .notices import user_error
from .render_compare import comparison_html


class CompareTab:
    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.exports = Exports(assistant.settings.home / "exports")

    def run(self, chosen: list[str] | None, topic: str):
        """The matrix for the chosen provinces; its preview and the three downloads."""
        if not chosen:
            raise user_error("请至少选择一个省份。")
        try:
            comparison = self.assistant.compare(chosen, topic or None)
        except PlanError as exc:
            raise user_error(str(exc)) from None
        folder = self.exports.folder()
        stem = title(comparison)
        files = [write(comparison, fmt, folder / f"{stem}.{fmt}") for fmt in ("docx", "xlsx", "md")]
        items = comparison.items()
        flagged = sum(item.status != "supported" for item in items)
        status = f"已生成：{len(comparison.rows)} 项举措，{len(items)} 个条目" + (
            f"，{flagged} 个待核。" if flagged else "，均通过核验。"
        )
        return (
            status,
            comparison_html(comparison),
            *(gr.DownloadButton(value=str(path), visible=True) for path in files),
        )

    def build(self) -> None:
        limit = TUNING.plan.max_focus_chars
        with gr.Row():
            chosen = gr.Dropdown(
                [p.name for p in provinces()],
                label=f"省份（可多选，最多{MAX_PROVINCES}个）",
                multiselect=True,
                max_choices=MAX_PROVINCES,
                elem_id="compare-provinces",
            )
            topic = gr.Textbox(
                label=f"主题（可选，{limit}字以内）",
                placeholder="例如：科技金融；留空则按国家层面重点举措对比",
                max_length=limit,
                elem_id="compare-topic",
            )
            run = gr.Button("生成对比表", variant="primary", elem_id="compare-button")
        status = gr.Markdown()
        with gr.Row():
            buttons = [
                gr.DownloadButton(label, visible=False, elem_id=f"compare-{fmt}")
                for label, fmt in (
                    ("下载 Word（.docx）", "docx"),
                    ("下载 Excel（.xlsx）", "xlsx"),
                    ("下载 Markdown（.md）", "md"),
                )
            ]
        matrix = gr.HTML(elem_id="compare-matrix")
        outputs = [status, matrix, *buttons]
        run.click(self.run, [chosen, topic], outputs, api_visibility="private")
        topic.submit(self.run, [chosen, topic], outputs, api_visibility="private")
