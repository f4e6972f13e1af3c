"""Plan outlines as Markdown, JSON and DOCX; the DOCX follows 公文 conventions (GB/T 9704-2012).

DOCX layout: A4, margins 37/35/28/26 mm (top/bottom/left/right); title 方正小标宋简体 二号 centred;
body 仿宋 三号 at a fixed 28 pt line spacing with a two-character first-line indent; heading
levels 一、(黑体) （一）(楷体) 1. （1）(仿宋); page numbers “— 1 —” outside on odd and even pages;
citations as superscript [n]; a 说明 block, the coverage table and the 参考依据 list at the end.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from .schema import PlanItem, PlanOutline

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋"
LEVEL1_FONT = "黑体"
LEVEL2_FONT = "楷体"
PAGE_NUMBER_FONT = "宋体"


# --- Markdown and JSON ---


def _marks(citations: tuple[int, ...] | list[int]) -> str:
    return "".join(f"[{n}]" for n in citations)


def _item_line(item: PlanItem) -> str:
    borrowed = f"（借鉴{item.region}做法）" if item.origin == "elsewhere" and item.region else ""
    text = f"{item.text.rstrip('。')}{borrowed}{_marks(item.citations)}。"
    if item.status != "supported":
        text += f" ⚠ 引用待核（{'；'.join(item.issues) or item.status}）"
    return text


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _passage_line(passage, limit: int | None = None) -> str:
    chunk = passage.chunk
    meta = "，".join(x for x in (chunk.source, chunk.date) if x)
    text = chunk.text.replace("\n", " ")
    if limit and len(text) > limit:
        text = text[:limit] + "…"
    return f"[{passage.n}]《{chunk.title}》{f'（{meta}）' if meta else ''}{chunk.chunk_id}：{text}"


def to_markdown(outline: PlanOutline) -> str:
    lines = [f"# {outline.title}", ""]
    for section in outline.sections:
        lines += [f"## {section.number}{section.heading}", ""]
        for i, item in enumerate(section.items, 1):
            lines.append(f"{i}. {_item_line(item)}")
        for sub in section.subsections:
            lines += [f"### {sub.number}{sub.heading}", ""]
            if sub.note:
                lines += [f"*（起草提示：{sub.note}）*", ""]
            for i, item in enumerate(sub.items, 1):
                lines.append(f"{i}. {_item_line(item)}")
                for j, detail in enumerate(item.details, 1):
                    lines.append(f"   （{j}）{_item_line(detail)}")
            lines.append("")
    if outline.notes:
        lines += ["## 说明", ""] + [f"- {note}" for note in outline.notes] + [""]
    lines += [
        "## 重点举措覆盖对照表",
        "",
        "| 举措 | 是否覆盖 | 对应条目 | 引用 | 资料出处 |",
        "|---|---|---|---|---|",
    ]
    for row in outline.coverage:
        lines.append(
            f"| {_cell(row.measure)} | {'✓' if row.covered else '✗'} | {'、'.join(row.items)} "
            f"| {_marks(row.citations)} | {_cell('、'.join(row.sources))} |"
        )
    lines += ["", "## 参考依据", ""]
    lines += [f"- {_cell(_passage_line(p, 120))}" for p in outline.passages]
    return "\n".join(lines) + "\n"


def to_json(outline: PlanOutline) -> str:
    return json.dumps(outline.to_json(), ensure_ascii=False, indent=2)


# --- DOCX ---


def _font(run, name: str, size: float, *, bold: bool = False) -> None:
    """Set a run's font for Latin and East Asian text (python-docx sets only the former)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def _paragraph(document, text: str, font: str, size: float = 16, *, indent: bool = True):
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    layout = paragraph.paragraph_format
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.line_spacing = Pt(28)
    layout.space_before = layout.space_after = Pt(0)
    if indent:
        layout.first_line_indent = Pt(size * 2)
    if text:
        _font(paragraph.add_run(text), font, size)
    return paragraph


def _cite(paragraph, citations, size: float = 16) -> None:
    if citations:
        run = paragraph.add_run(_marks(citations))
        _font(run, BODY_FONT, size)
        run.font.superscript = True


def _docx_item(document, number: str, item: PlanItem) -> None:
    paragraph = _paragraph(document, f"{number}{item.text.rstrip('。')}", BODY_FONT)
    if item.origin == "elsewhere" and item.region:
        _font(paragraph.add_run(f"（借鉴{item.region}做法）"), LEVEL2_FONT, 16)
    _cite(paragraph, item.citations)
    _font(paragraph.add_run("。"), BODY_FONT, 16)
    if item.status != "supported":
        _font(paragraph.add_run("〔引用待核〕"), LEVEL1_FONT, 16)


def _page_number(paragraph, alignment) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.alignment = alignment
    _font(paragraph.add_run("— "), PAGE_NUMBER_FONT, 14)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1")):
        run = paragraph.add_run()
        _font(run, PAGE_NUMBER_FONT, 14)
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._element.append(field)
        elif text == " PAGE ":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._element.append(instruction)
        else:
            run.text = text
    end = paragraph.add_run()
    field = OxmlElement("w:fldChar")
    field.set(qn("w:fldCharType"), "end")
    end._element.append(field)
    _font(paragraph.add_run(" —"), PAGE_NUMBER_FONT, 14)


def _layout(document) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def _coverage_table(document, outline: PlanOutline) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    caption = _paragraph(document, "附表　重点举措覆盖对照表", LEVEL1_FONT, indent=False)
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    rows = [("举措", "是否覆盖", "对应条目", "引用")] + [
        (r.measure, "是" if r.covered else "否", "、".join(r.items), _marks(r.citations))
        for r in outline.coverage
    ]
    for i, values in enumerate(rows):
        cells = table.rows[0].cells if i == 0 else table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            _font(cell.paragraphs[0].add_run(value), BODY_FONT, 12, bold=i == 0)


def to_docx(outline: PlanOutline, target: str | Path | IO[bytes]) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    document.core_properties.title = outline.title
    _layout(document)
    title = _paragraph(document, outline.title, TITLE_FONT, 22, indent=False)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(document, "", BODY_FONT)
    for section in outline.sections:
        _paragraph(document, f"{section.number}{section.heading}", LEVEL1_FONT)
        for i, item in enumerate(section.items, 1):
            _docx_item(document, f"{i}. ", item)
        for sub in section.subsections:
            _paragraph(document, f"{sub.number}{sub.heading}", LEVEL2_FONT)
            if sub.note:
                _paragraph(document, f"（起草提示：{sub.note}）", LEVEL2_FONT)
            for i, item in enumerate(sub.items, 1):
                _docx_item(document, f"{i}. ", item)
                for j, detail in enumerate(item.details, 1):
                    _docx_item(document, f"（{j}）", detail)
    if outline.notes:
        _paragraph(document, "说明", LEVEL1_FONT)
        for note in outline.notes:
            _paragraph(document, note, BODY_FONT)
    _coverage_table(document, outline)
    _paragraph(document, "参考依据", LEVEL1_FONT)
    for passage in outline.passages:
        _paragraph(document, _passage_line(passage), BODY_FONT, 12)
    document.save(target)


def write(outline: PlanOutline, fmt: str, path: Path) -> Path:
    """Write the outline as `md`, `json` or `docx` to `path` (parent folders created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "docx":
        to_docx(outline, path)
    elif fmt in ("md", "json"):
        path.write_text(to_markdown(outline) if fmt == "md" else to_json(outline) + "\n", "utf-8")
    else:
        raise ValueError(f"unknown format: {fmt}")
    return path
