"""Plan export: Markdown, JSON and a 公文-style DOCX, read back as a user's tools would."""

import io
import json
import re

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from assistant.plans.export import write
from assistant.plans.export_docx import to_docx
from assistant.plans.export_md import to_json, to_markdown
from assistant.schema import Chunk, CoverageRow, Passage, PlanItem, PlanOutline, PlanSection

TITLE = "河北省推动科技创新和产业创新深度融合行动方案（提纲）"
SUPPORTED = {"status": "supported", "support": 1.0}


def passage(n: int, text: str, title: str, source: str = "河北日报") -> Passage:
    chunk = Chunk(f"doc{n}#{n}", f"doc{n}", text, title, source=source, date="2025-03-01")
    return Passage(n, chunk, 0.5)


@pytest.fixture()
def outline() -> PlanOutline:
    platform = PlanItem("打造高层级产业发展平台。", (1,), "province", "河北省", **SUPPORTED)
    platform.details = [
        PlanItem("以雄安新区为载体，优化产业布局。", (1,), "province", "河北省", **SUPPORTED),
        PlanItem("建设一批中试基地。", (1, 2), "national", **SUPPORTED),
    ]
    tasks = [
        platform,
        PlanItem("强化企业科技创新主体地位。", (3,), "elsewhere", "陕西省", **SUPPORTED),
        PlanItem(
            "新增中试基地99个。",
            (2,),
            status="unsupported",
            issues=("数字“99”未出现在所引段落中",),
        ),
    ]
    requirements = [
        PlanSection("（一）", "指导思想", [PlanItem("加快发展新质生产力。", (2,), **SUPPORTED)]),
        PlanSection("（二）", "主要目标", note="量化目标由起草单位确定。"),
    ]
    return PlanOutline(
        province="河北省",
        title=TITLE,
        sections=[
            PlanSection("一、", "总体要求", subsections=requirements),
            PlanSection(
                "二、", "重点任务", subsections=[PlanSection("（一）", "培育产业集群", tasks)]
            ),
            PlanSection("三、", "保障措施", [PlanItem("加强统筹协调。", (2,), **SUPPORTED)]),
        ],
        coverage=[
            CoverageRow("培育产业集群|产业链", True, ["二（一）1", "二|（一）2"], [1, 3], ["c#1"]),
            CoverageRow("扩大开放合作", False, [], [], ["c#9|x"]),
        ],
        passages=[
            passage(1, "打造高层级产业发展平台。以雄安新区为载体，优化产业布局。" * 6, "河北行动"),
            passage(
                2, "加快发展新质生产力。加强统筹协调。\n建设中试基地。", "国家 | 述评", "新华社"
            ),
            passage(3, "强化企业科技创新主体地位。", "陕西：创新驱动", "陕西日报"),
        ],
        notes=["资料库中没有专门针对河北省的材料，相关条目借鉴了国家文件和其他省份做法。"],
    )


def test_markdown_shows_levels_citations_warnings_and_sources(outline):
    md = to_markdown(outline)
    headings = [
        f"# {TITLE}",
        "## 一、总体要求",
        "### （一）指导思想",
        "### （二）主要目标",
        "## 二、重点任务",
        "### （一）培育产业集群",
        "## 三、保障措施",
        "## 说明",
        "## 重点举措覆盖对照表",
        "## 参考依据",
    ]
    lines = md.splitlines()
    positions = [lines.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "1. 打造高层级产业发展平台[1]。" in lines
    assert "   （2）建设一批中试基地[1][2]。" in lines
    assert "2. 强化企业科技创新主体地位（借鉴陕西省做法）[3]。" in lines
    assert "3. 新增中试基地99个[2]。 ⚠ 引用待核（数字“99”未出现在所引段落中）" in lines
    assert "*（起草提示：量化目标由起草单位确定。）*" in lines
    assert "1. 加强统筹协调[2]。" in lines
    assert "- 资料库中没有专门针对河北省的材料，相关条目借鉴了国家文件和其他省份做法。" in lines


def test_markdown_table_survives_pipes_and_line_breaks(outline):
    lines = to_markdown(outline).splitlines()
    start = lines.index("| 举措 | 是否覆盖 | 对应条目 | 引用 | 资料出处 |")
    table = lines[start : lines.index("", start)]
    assert len(table) == 2 + len(outline.coverage)
    assert all(len(re.split(r"(?<!\\)\|", row)) == 7 for row in table)  # five cells each
    assert table[2] == "| 培育产业集群\\|产业链 | ✓ | 二（一）1、二\\|（一）2 | [1][3] | c#1 |"
    assert table[3] == "| 扩大开放合作 | ✗ |  |  | c#9\\|x |"
    references = lines[lines.index("## 参考依据") + 2 :]
    assert [r[:5] for r in references] == ["- [1]", "- [2]", "- [3]"]
    assert references[1] == (
        "- [2] 《国家 | 述评》（新华社，2025-03-01）doc2#2：加快发展新质生产力。加强统筹协调。 建设中试基地。"
    )
    assert references[0].endswith("…") and len(references[0].split("：", 1)[1]) == 121


def test_json_round_trips_the_contract(outline):
    data = json.loads(to_json(outline))
    assert {"province", "title", "sections", "coverage", "passages", "notes"} <= data.keys()
    task = data["sections"][1]["subsections"][0]["items"][1]
    assert (task["origin"], task["region"], task["citations"]) == ("elsewhere", "陕西省", [3])
    assert [p["n"] for p in data["passages"]] == [1, 2, 3]


def east_asian_font(run) -> str:
    return run.element.rPr.rFonts.get(qn("w:eastAsia"))


@pytest.fixture()
def document(outline, tmp_path):
    path = write(outline, "docx", tmp_path / "out" / "plan.docx")
    return docx.Document(str(path))


def first_run(document, prefix: str):
    return next(p for p in document.paragraphs if p.text.startswith(prefix)).runs[0]


def test_docx_title_headings_and_body_follow_gongwen_fonts(document):
    title = document.paragraphs[0]
    assert title.text == TITLE
    assert (title.alignment or title.style.paragraph_format.alignment) == WD_ALIGN_PARAGRAPH.CENTER
    run = title.runs[0]
    assert east_asian_font(run) == "方正小标宋简体" and run.font.size == Pt(22)
    assert run.font.bold is False and document.paragraphs[1].text == ""
    assert east_asian_font(first_run(document, "一、总体要求")) == "黑体"
    assert east_asian_font(first_run(document, "（一）指导思想")) == "楷体"
    for prefix in ("1.打造高层级产业发展平台", "（1）以雄安新区为载体"):
        run = first_run(document, prefix)
        assert east_asian_font(run) == "仿宋" and run.font.size == Pt(16)
    body = document.styles["公文正文"].paragraph_format
    assert body.first_line_indent == Pt(32) and body.line_spacing == Pt(28)
    assert document.core_properties.title == TITLE


def test_docx_items_carry_citations_borrowing_and_warnings(document):
    item = next(p for p in document.paragraphs if p.text.startswith("1.打造"))
    assert item.text == "1.打造高层级产业发展平台[1]。"
    assert [r.text for r in item.runs if r.font.superscript] == ["[1]"]
    borrowed = next(p for p in document.paragraphs if "借鉴陕西省做法" in p.text)
    assert borrowed.text == "2.强化企业科技创新主体地位（借鉴陕西省做法）[3]。"
    assert east_asian_font(borrowed.runs[1]) == "楷体"
    flagged = next(p for p in document.paragraphs if p.text.startswith("3.新增中试基地"))
    assert flagged.text.endswith("〔引用待核〕")
    assert [c.text for c in document.comments] == ["数字“99”未出现在所引段落中"]
    hint = next(p for p in document.paragraphs if p.text.startswith("（起草提示"))
    assert east_asian_font(hint.runs[0]) == "楷体"


def test_docx_page_layout_and_page_numbers(document):
    section = document.sections[0]
    for actual, expected in [
        (section.page_width, Mm(210)),
        (section.page_height, Mm(297)),
        (section.top_margin, Mm(37)),
        (section.bottom_margin, Mm(35)),
        (section.left_margin, Mm(28)),
        (section.right_margin, Mm(26)),
    ]:
        assert abs(actual - expected) < Mm(0.1)
    assert document.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert (odd.alignment, even.alignment) == (WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT)
    for footer in (odd, even):
        xml = footer._p.xml
        assert footer.text == "— 1 —"
        assert 'w:fldCharType="begin"' in xml and " PAGE " in xml and 'w:fldCharType="end"' in xml
        assert footer.runs[0].font.size == Pt(14) and east_asian_font(footer.runs[0]) == "宋体"


def test_docx_ends_with_notes_coverage_table_and_references(document, outline):
    texts = [p.text for p in document.paragraphs]
    assert texts.index("说明") < texts.index("附表　重点举措覆盖对照表") < texts.index("参考依据")
    assert outline.notes[0] in texts
    table = document.tables[0]
    assert table.style.name == "Table Grid"
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["举措", "是否覆盖", "对应条目", "引用"]
    assert rows[1] == ["培育产业集群|产业链", "是", "二（一）1、二|（一）2", "[1][3]"]
    assert rows[2][:2] == ["扩大开放合作", "否"]
    assert table.rows[1].cells[0].paragraphs[0].runs[0].font.size == Pt(12)
    references = texts[texts.index("参考依据") + 1 :]
    assert references == [
        f"[{p.n}]《{p.chunk.title}》（{p.chunk.source}，2025-03-01）：{p.text.replace(chr(10), ' ')}"
        for p in outline.passages
    ]


def test_docx_to_a_stream_and_unknown_format(outline, tmp_path):
    buffer = io.BytesIO()
    to_docx(outline, buffer)
    assert docx.Document(io.BytesIO(buffer.getvalue())).paragraphs[0].text == TITLE
    with pytest.raises(ValueError, match="xls"):
        write(outline, "xls", tmp_path / "nowhere" / "plan.xls")
    assert not (tmp_path / "nowhere").exists()


def test_write_text_formats_as_utf8(outline, tmp_path):
    md = write(outline, "md", tmp_path / "a" / "plan.md")
    assert md.read_text(encoding="utf-8") == to_markdown(outline)
    data = json.loads(write(outline, "json", tmp_path / "plan.json").read_bytes().decode("utf-8"))
    assert data["title"] == TITLE
