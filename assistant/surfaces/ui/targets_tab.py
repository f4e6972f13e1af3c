"""The 目标值 tab: every quantified target in the library as a table, flagged where a province
sets a rate below the national one or two documents disagree; .xlsx and .md downloads."""

from __future__ import annotations

import gradio as gr

from ...app import Assistant
from ...plans.provinces import PlanError
from ...plans.targets_export import HEADER, row_cells, title, write
from ...text.regions import provinces
from .exports import Exports
from .notices import user_error
from .render import sources_html

ALL = "（全部地区）"


class TargetsTab:
    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.exports = Exports(assistant.settings.home / "exports")

    def run(self, province: str | None, year: float | None):
        region = None if not province or province == ALL else province
        try:
            table = self.assistant.targets(region, int(year) if year else None)
        except PlanError as exc:
            raise user_error(str(exc)) from None
        folder = self.exports.folder()
        files = [write(table, fmt, folder / f"{title(table)}.{fmt}") for fmt in ("xlsx", "md")]
        flagged = sum(bool(r.flags) for r in table.rows)
        status = (
            f"找到 {len(table.rows)} 个量化目标，{flagged} 个有提示（低于国家目标或文件间不一致）。"
            if table.rows
            else "资料库中没有找到符合条件的量化目标。"
        )
        rows = [[str(v) for v in row_cells(r)] for r in table.rows]
        sources = sources_html(table.passages, "targets", (), "参考依据")
        return (
            status,
            rows,
            f'<div class="pa-answer" data-key="targets">{sources}</div>',
            *(gr.DownloadButton(value=str(path), visible=True) for path in files),
        )

    def build(self) -> None:
        with gr.Row():
            province = gr.Dropdown(
                [ALL, *(p.name for p in provinces())],
                value=ALL,
                label="地区（国家目标总会列出以便对照）",
                elem_id="targets-province",
            )
            year = gr.Number(label="目标年份（可选）", precision=0, elem_id="targets-year")
            run = gr.Button("列出目标", variant="primary", elem_id="targets-button")
        status = gr.Markdown()
        with gr.Row():
            buttons = [
                gr.DownloadButton(label, visible=False, elem_id=f"targets-{fmt}")
                for label, fmt in (("下载 Excel（.xlsx）", "xlsx"), ("下载 Markdown（.md）", "md"))
            ]
        table = gr.Dataframe(
            headers=list(HEADER), wrap=True, interactive=False, elem_id="targets-table"
        )
        sources = gr.HTML(elem_id="targets-sources")
        outputs = [status, table, sources, *buttons]
        run.click(self.run, [province, year], outputs, api_visibility="private")
        year.submit(self.run, [province, year], outputs, api_visibility="private")
