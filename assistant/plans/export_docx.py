"""A plan outline as a 公文-style DOCX (GB/T 9704-2012).

DOCX layout: A4, margins 37/35/28/26 mm (top/bottom/left/right); title 方正小标宋简体 二号 centred;
body 仿宋 三号 at an exact 28 pt line spacing with a two-character first-line indent; heading
levels 一、(黑体) （一）(楷体) 1. （1）(仿宋); page numbers “— 1 —” outside on odd and even pages;
citations as superscript [n]; then a 说明 block, the coverage table and the 参考依据 list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ..schema import CoverageRow, PlanItem, PlanOutline, PlanSection
from .render_common import borrowed, cited_work, clause, marks, one_line, pending


@dataclass(frozen=True, slots=True)
class _Look:
    """A paragraph style of the 公文 layout; its runs repeat the font so it survives copy-paste."""

    name: str
    font: str
    size: float = 16  # 三号
    indent: bool = True  # first line indented by two characters
    centred: bool = False
    line: float = 28  # exact line spacing, in points
    outline: int | None = None  # heading level in Word's navigation pane


TITLE = _Look("公文标题", "方正小标宋简体", 22, indent=False, centred=True, line=35)
BODY = _Look("公文正文", "仿宋")
LEVEL1 = _Look("公文一级标题", "黑体", outline=0)
LEVEL2 = _Look("公文二级标题", "楷体", outline=1)
CAPTION = _Look("公文表题", "黑体", indent=False, centred=True)
REFERENCE = _Look("公文参考依据", "仿宋", 12, line=20)
PAGE_FONT, PAGE_SIZE = "宋体", 14  # 四号
TABLE_SIZE = 12
TABLE_HEADER = ("举措", "是否覆盖", "对应条目", "引用")
TABLE_WIDTHS_MM = (52, 22, 50, 32)  # fills the 156 mm text width


def _set_font(target: Run | ParagraphStyle, name: str, size: float) -> None:
    """Set the font for Latin and East Asian text alike (`font.name` covers only Latin)."""
    target.font.name = name
    target.font.size = Pt(size)
    fonts = target.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:hint"), "eastAsia")  # “” and — take the Chinese font's full-width forms


def _run(paragraph: Paragraph, text: str, font: str, size: float) -> Run:
    run = paragraph.add_run(text)
    _set_font(run, font, size)
    return run


def _paragraph(document: DocxDocument, look: _Look, text: str = "", font: str = "") -> Paragraph:
    paragraph = document.add_paragraph(style=look.name)
    if text:
        _run(paragraph, text, font or look.font, look.size)
    return paragraph


def _add_styles(document: DocxDocument) -> None:
    normal = document.styles["Normal"]
    _set_font(normal, BODY.font, BODY.size)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    language = OxmlElement("w:lang")
    language.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(language)
    for look in (TITLE, BODY, LEVEL1, LEVEL2, CAPTION, REFERENCE):
        style = document.styles.add_style(look.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        _set_font(style, look.font, look.size)
        style.font.bold = False
        layout = style.paragraph_format
        layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        layout.line_spacing = Pt(look.line)
        layout.space_before = layout.space_after = Pt(0)
        layout.first_line_indent = Pt(look.size * 2 if look.indent else 0)
        if look.centred:
            layout.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if look.outline is not None:
            layout.keep_with_next = True
            style.element.get_or_add_pPr().get_or_add_outlineLvl().val = look.outline


def _field_char(paragraph: Paragraph, kind: str) -> None:
    mark = OxmlElement("w:fldChar")
    mark.set(qn("w:fldCharType"), kind)
    _run(paragraph, "", PAGE_FONT, PAGE_SIZE).element.append(mark)


def _page_number(paragraph: Paragraph) -> None:
    """Write “— n —” around a PAGE field, which the reader fills in on every page."""
    _run(paragraph, "— ", PAGE_FONT, PAGE_SIZE)
    _field_char(paragraph, "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    _run(paragraph, "", PAGE_FONT, PAGE_SIZE).element.append(instruction)
    _field_char(paragraph, "separate")
    _run(paragraph, "1", PAGE_FONT, PAGE_SIZE)  # shown until the field is updated
    _field_char(paragraph, "end")
    _run(paragraph, " —", PAGE_FONT, PAGE_SIZE)


def _page_setup(document: DocxDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(25)  # puts the 一字线 about 7 mm below the text block
    document.settings.odd_and_even_pages_header_footer = True
    # 单页码居右空一字，双页码居左空一字
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    odd.alignment, odd.paragraph_format.right_indent = WD_ALIGN_PARAGRAPH.RIGHT, Pt(PAGE_SIZE)
    even.alignment, even.paragraph_format.left_indent = WD_ALIGN_PARAGRAPH.LEFT, Pt(PAGE_SIZE)
    _page_number(odd)
    _page_number(even)


def _docx_item(document: DocxDocument, number: str, item: PlanItem) -> None:
    paragraph = _paragraph(document, BODY, f"{number}{clause(item.text)}")
    if label := borrowed(item):
        _run(paragraph, label, LEVEL2.font, BODY.size)
    if item.citations:
        _run(paragraph, marks(item.citations), BODY.font, BODY.size).font.superscript = True
    _run(paragraph, "。", BODY.font, BODY.size)
    if item.status != "supported":
        marker = _run(paragraph, "〔引用待核〕", LEVEL1.font, BODY.size)
        document.add_comment(marker, pending(item), author="政策助手")


def _docx_section(document: DocxDocument, section: PlanSection, depth: int) -> None:
    _paragraph(document, LEVEL1 if depth == 0 else LEVEL2, f"{section.number}{section.heading}")
    if section.note:
        _paragraph(document, BODY, f"（起草提示：{one_line(section.note)}）", LEVEL2.font)
    for i, item in enumerate(section.items, 1):
        _docx_item(document, f"{i}.", item)
        for j, detail in enumerate(item.details, 1):
            _docx_item(document, f"（{j}）", detail)
    for sub in section.subsections:
        _docx_section(document, sub, depth + 1)


def _coverage_table(document: DocxDocument, coverage: list[CoverageRow]) -> None:
    caption = _paragraph(document, CAPTION, "附表　重点举措覆盖对照表")
    caption.paragraph_format.page_break_before = True  # 附表 starts on a page of its own
    caption.paragraph_format.keep_with_next = True
    table = document.add_table(rows=1, cols=len(TABLE_HEADER))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, TABLE_WIDTHS_MM, strict=True):
        column.width = Mm(width)  # the grid, which LibreOffice reads; cells below are for Word
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeat on each page
    rows = [TABLE_HEADER] + [
        (r.measure, "是" if r.covered else "否", "、".join(r.items), marks(r.citations))
        for r in coverage
    ]
    for i, values in enumerate(rows):
        cells = table.rows[0].cells if i == 0 else table.add_row().cells
        for column, (cell, value) in enumerate(zip(cells, values, strict=True)):
            cell.width = Mm(TABLE_WIDTHS_MM[column])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            if i == 0 or column == 1:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(paragraph, one_line(value), LEVEL1.font if i == 0 else BODY.font, TABLE_SIZE)


def to_docx(outline: PlanOutline, target: str | Path | IO[bytes]) -> None:
    """Write the outline as a 公文-style Word document to a path or a binary stream."""
    document = docx.Document()
    document.core_properties.title = outline.title
    _add_styles(document)
    _page_setup(document)
    for run in _paragraph(document, TITLE, one_line(outline.title)).runs:
        run.font.bold = False
    _paragraph(document, BODY)
    for section in outline.sections:
        _docx_section(document, section, 0)
    if outline.notes:
        _paragraph(document, LEVEL1, "说明")
        for note in outline.notes:
            _paragraph(document, BODY, one_line(note))
    _coverage_table(document, outline.coverage)
    _paragraph(document, LEVEL1, "参考依据")
    for p in outline.passages:
        _paragraph(document, REFERENCE, f"[{p.n}]{cited_work(p)}：{one_line(p.text)}")
    document.save(target)
