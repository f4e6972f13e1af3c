"""The 公文 layout (GB/T 9704-2012) every Word export shares: A4 with margins 37/35/28/26 mm
(top/bottom/left/right); title 方正小标宋简体 二号 centred; body 仿宋 三号 at an exact 28 pt line
spacing with a two-character first-line indent; headings 黑体 and 楷体; page numbers “— 1 —”
outside on odd and even pages; tables in 仿宋 小四 with a 黑体 header row repeated on each page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run


@dataclass(frozen=True, slots=True)
class Look:
    """A paragraph style of the 公文 layout; its runs repeat the font so it survives copy-paste."""

    name: str
    font: str
    size: float = 16  # 三号
    indent: bool = True  # first line indented by two characters
    centred: bool = False
    line: float = 28  # exact line spacing, in points
    outline: int | None = None  # heading level in Word's navigation pane


TITLE = Look("公文标题", "方正小标宋简体", 22, indent=False, centred=True, line=35)
BODY = Look("公文正文", "仿宋")
LEVEL1 = Look("公文一级标题", "黑体", outline=0)
LEVEL2 = Look("公文二级标题", "楷体", outline=1)
CAPTION = Look("公文表题", "黑体", indent=False, centred=True)
REFERENCE = Look("公文参考依据", "仿宋", 12, line=20)
PAGE_FONT, PAGE_SIZE = "宋体", 14  # 四号
TABLE_SIZE = 12


def set_font(target: Run | ParagraphStyle, name: str, size: float) -> None:
    """Set the font for Latin and East Asian text alike (`font.name` covers only Latin)."""
    target.font.name = name
    target.font.size = Pt(size)
    fonts = target.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:hint"), "eastAsia")  # “” and — take the Chinese font's full-width forms


def run_in(paragraph: Paragraph, text: str, font: str, size: float) -> Run:
    run = paragraph.add_run(text)
    set_font(run, font, size)
    return run


def paragraph_in(document: DocxDocument, look: Look, text: str = "", font: str = "") -> Paragraph:
    paragraph = document.add_paragraph(style=look.name)
    if text:
        run_in(paragraph, text, font or look.font, look.size)
    return paragraph


def _add_styles(document: DocxDocument) -> None:
    normal = document.styles["Normal"]
    set_font(normal, BODY.font, BODY.size)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    language = OxmlElement("w:lang")
    language.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(language)
    for look in (TITLE, BODY, LEVEL1, LEVEL2, CAPTION, REFERENCE):
        style = document.styles.add_style(look.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        set_font(style, look.font, look.size)
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
    run_in(paragraph, "", PAGE_FONT, PAGE_SIZE).element.append(mark)


def _page_number(paragraph: Paragraph) -> None:
    """Write “— n —” around a PAGE field, which the reader fills in on every page."""
    run_in(paragraph, "— ", PAGE_FONT, PAGE_SIZE)
    _field_char(paragraph, "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    run_in(paragraph, "", PAGE_FONT, PAGE_SIZE).element.append(instruction)
    _field_char(paragraph, "separate")
    run_in(paragraph, "1", PAGE_FONT, PAGE_SIZE)  # shown until the field is updated
    _field_char(paragraph, "end")
    run_in(paragraph, " —", PAGE_FONT, PAGE_SIZE)


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


def new_document(title: str) -> DocxDocument:
    """An empty 公文 document: styles, page setup, the title and a blank line under it."""
    document = docx.Document()
    document.core_properties.title = title
    _add_styles(document)
    _page_setup(document)
    for run in paragraph_in(document, TITLE, title).runs:
        run.font.bold = False
    paragraph_in(document, BODY)
    return document


def grid_table(
    document: DocxDocument,
    caption: str,
    rows: Sequence[Sequence[str]],
    widths_mm: Sequence[float],
    *,
    centred: Sequence[int] = (),
    new_page: bool = True,
) -> Table:
    """A captioned table (on a page of its own with `new_page`), the first row a header
    repeated on each page; a cell's lines become paragraphs. The widths should fill the text
    width (156 mm upright, `landscape()` says how much across)."""
    if caption:
        title = paragraph_in(document, CAPTION, caption)
        title.paragraph_format.page_break_before = new_page
        title.paragraph_format.keep_with_next = True
    table = document.add_table(rows=1, cols=len(widths_mm))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)  # the grid, which LibreOffice reads; cells below are for Word
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for i, values in enumerate(rows):
        cells = table.rows[0].cells if i == 0 else table.add_row().cells
        for column, (cell, value) in enumerate(zip(cells, values, strict=True)):
            cell.width = Mm(widths_mm[column])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            for n, line in enumerate(value.split("\n")):
                paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                if i == 0 or column in centred:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                font = LEVEL1.font if i == 0 else BODY.font
                run_in(paragraph, line.strip(), font, TABLE_SIZE)
    return table


def landscape(document: DocxDocument) -> float:
    """Turn the document's pages across (A4 landscape, same margins); the text width in mm."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    return 297 - 28 - 26
