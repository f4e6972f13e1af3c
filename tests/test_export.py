"""Plan export: Markdown, JSON and a 公文-style DOCX, read back with python-docx."""

import json

import docx
import pytest
from docx.shared import Mm, Pt

from assistant.export import to_docx, to_json, to_markdown, write
from assistant.schema import Chunk, CoverageRow, Passage, PlanItem, PlanOutline, PlanSection


def passage(n: int, text: str, title: str = "河北：推动科技创新") -> Passage:
    chunk = Chunk(f"doc#{n}", "doc", text, title, source="某日报", date="2025-01-01")
    return Passage(n, chunk, 0.0)


@pytest.fixture()
def outline() -> PlanOutline:
    supported = dict(status="supported", support=1.0)
    lead = PlanItem("打造高层级产业发展平台。", (1,), "province", "河北省", "cluster", **supported)
    lead.details = [
        PlanItem("以雄安新区为载体，优化产业布局。", (1,), "province", "河北省", **supported)
    ]
    return PlanOutline(
        province="河北省",
        title="河北省推动科技创新和产业创新深度融合行动方案（提纲）",
        sections=[
            PlanSection(
                "一、",
                "总体要求",
                [],
                [
                    PlanSection(
                        "（一）", "指导思想", [PlanItem("要发展新质生产力。", (2,), **supported)]
                    ),
                    PlanSection("（二）", "主要目标", [], note="量化目标请起草单位确定。"),
                ],
            ),
            PlanSection(
                "二、",
                "重点任务",
                [],
                [
                    PlanSection(
                        "（一）",
                        "培育产业集群",
                        [
                            lead,
                            PlanItem(
                                "要强化企业主体地位。", (3,), "elsewhere", "辽宁省", **supported
                            ),
                            PlanItem(
                                "新增中试基地99个。",
                                (2,),
                                status="unsupported",
                                issues=("数字“99”未出现在所引段落中",),
                            ),
                        ],
                    ),
                ],
            ),
            PlanSection(
                "三、",
                "保障措施",
                [],
                [
                    PlanSection(
                        "（一）", "加强统筹协调", [PlanItem("要加强顶层设计。", (2,), **supported)]
                    ),
                ],
            ),
        ],
        coverage=[
            CoverageRow("培育产业集群|链", True, ["二（一）1"], [1], ["central#1"]),
            CoverageRow("扩大开放合作", False, [], [], ["central#9"]),
        ],
        passages=[
            passage(1, "打造高层级产业发展平台。以雄安新区为载体，优化产业布局。"),
            passage(2, "要发展新质生产力。要加强顶层设计。", "国家 | 述评"),
            passage(3, "要强化企业主体地位。", "辽宁日报"),
        ],
        notes=["资料库中有关于河北省的资料。"],
    )


def test_markdown_has_the_levels_citations_and_tables(outline):
    md = to_markdown(outline)
    order = [
        "# 河北省",
        "## 一、总体要求",
        "### （一）指导思想",
        "## 二、重点任务",
        "## 三、保障措施",
        "## 说明",
        "## 重点举措覆盖对照表",
        "## 参考依据",
    ]
    positions = [md.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "1. 打造高层级产业发展平台[1]。" in md
    assert "   （1）以雄安新区为载体，优化产业布局[1]。" in md
    assert "要强化企业主体地位（借鉴辽宁省做法）[3]。" in md
    assert "新增中试基地99个[2]。 ⚠ 引用待核（数字“99”未出现在所引段落中）" in md
    assert "*（起草提示：量化目标请起草单位确定。）*" in md
    assert "| 培育产业集群\\|链 | ✓ | 二（一）1 | [1] | central#1 |" in md
    assert "| 扩大开放合作 | ✗ |" in md
    assert "[2]《国家 \\| 述评》（某日报，2025-01-01）doc#2：" in md


def test_json_is_the_contract(outline):
    data = json.loads(to_json(outline))
    assert {"province", "title", "sections", "coverage", "passages", "notes"} <= data.keys()
    assert data["sections"][1]["subsections"][0]["items"][0]["details"][0]["citations"] == [1]


def _east_asian(run) -> str:
    fonts = run._element.rPr.rFonts
    return fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")


def test_docx_follows_gongwen_conventions(outline, tmp_path):
    path = write(outline, "docx", tmp_path / "out" / "plan.docx")
    document = docx.Document(str(path))
    paragraphs = [p for p in document.paragraphs if p.text]
    texts = [p.text for p in paragraphs]
    title = paragraphs[0]
    assert title.text == outline.title and title.alignment == 1  # centred
    assert _east_asian(title.runs[0]) == "方正小标宋简体" and title.runs[0].font.size == Pt(22)

    def styled(text):
        return next(p for p in paragraphs if p.text.startswith(text)).runs[0]

    assert _east_asian(styled("一、总体要求")) == "黑体"
    assert _east_asian(styled("（一）指导思想")) == "楷体"
    item = styled("1. 打造高层级产业发展平台")
    assert _east_asian(item) == "仿宋" and item.font.size == Pt(16)
    assert any(t.startswith("（1）以雄安新区") for t in texts)
    flagged = next(p for p in paragraphs if p.text.startswith("3. 新增中试基地"))
    assert flagged.text.endswith("〔引用待核〕")
    assert any(r.font.superscript and r.text == "[1]" for r in styled_runs(paragraphs, "1. 打造"))
    assert "要强化企业主体地位（借鉴辽宁省做法）[3]。" in "".join(texts).replace("2. ", "")

    section = document.sections[0]
    for actual, expected in [
        (section.top_margin, Mm(37)),
        (section.bottom_margin, Mm(35)),
        (section.left_margin, Mm(28)),
        (section.right_margin, Mm(26)),
    ]:
        assert abs(actual - expected) < Mm(0.1)
    assert document.settings.odd_and_even_pages_header_footer
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml
    assert document.tables[0].rows[0].cells[0].text == "举措"
    assert [r.cells[1].text for r in document.tables[0].rows[1:]] == ["是", "否"]
    references = texts[texts.index("参考依据") + 1 :]
    assert [r[:3] for r in references] == ["[1]", "[2]", "[3]"]
    assert document.core_properties.title == outline.title


def styled_runs(paragraphs, prefix):
    return next(p for p in paragraphs if p.text.startswith(prefix)).runs


def test_docx_to_a_stream_and_unknown_format(outline, tmp_path):
    import io

    buffer = io.BytesIO()
    to_docx(outline, buffer)
    assert buffer.getvalue().startswith(b"PK")
    with pytest.raises(ValueError):
        write(outline, "xls", tmp_path / "x.xls")
