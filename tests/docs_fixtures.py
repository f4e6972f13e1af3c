"""Files the ingestion tests make themselves: one per format, each with a fact found nowhere else,
and the broken files users really send (empty, binary renamed .txt, truncated, scanned)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

HUNAN = [
    "湖南省推动科技创新和产业创新深度融合实施意见",
    "发布日期：2025年9月12日",
    "为深入贯彻落实党中央关于推动科技创新和产业创新深度融合的决策部署，加快建设具有核心竞争力的"
    "科技创新高地，结合我省实际，提出如下意见。",
    "一、强化企业科技创新主体地位。支持龙头企业牵头组建创新联合体，承担省级重大科技项目。"
    "完善企业研发投入后补助政策，引导企业加大基础研究投入。",
    "二、建设高水平中试验证体系。围绕工程机械、先进轨道交通装备、新材料等优势产业布局中试能力。"
    "到2027年，全省新建省级中试平台37个。对服务中小企业成效明显的平台给予绩效奖励。",
    "三、畅通科技成果转化通道。深化职务科技成果赋权改革，建设技术转移人才队伍，"
    "推动高校院所成果在省内就地转化。",
    "四、强化要素保障。发挥省级科技创新基金作用，引导金融机构开发科技信贷产品，"
    "完善知识产权质押融资风险补偿机制。",
]

GUIZHOU_PARAGRAPHS = [
    "近日，贵州省印发数字经济与实体经济深度融合行动计划，明确了今后三年的目标任务和重点举措。",
    "行动计划提出，要以大数据为引领，推动数字技术在能源、化工、装备制造等领域深度应用，"
    "加快传统产业数字化转型。",
    "在主体培育方面，贵州省将培育大数据融合标杆企业86家。同时支持中小企业上云用数赋智。",
    "在平台建设方面，将依托国家大数据综合试验区，建设一批行业级工业互联网平台和算力服务平台。",
    "行动计划还明确，要完善数据要素市场，健全数据流通交易规则，推动公共数据有序开放。",
]

GANSU_LINES = [
    "甘肃省科技成果转化三年行动方案",
    "为加快科技成果向现实生产力转化，",
    "推动科技创新和产业创新深度融合，",
    "结合全省实际，制定本行动方案。",
    "一、总体目标",
    "到2026年，甘肃省技术合同登记额突破450亿元。",
    "建成一批概念验证中心和中试基地，",
    "科技成果本地转化率明显提高。",
    "二、重点任务",
    "（一）建设技术转移服务体系，",
    "培育专业化技术转移机构和技术经理人。",
    "（二）推动新能源、新材料、生物医药",
    "等领域科技成果在省内落地转化。",
]


def gbk_txt(folder: Path) -> Path:
    path = folder / "湖南省实施意见.txt"
    path.write_bytes("\n".join(HUNAN).encode("gbk"))
    return path


def utf16_txt(folder: Path) -> Path:
    path = folder / "utf16无BOM.txt"
    text = "青海省盐湖产业创新方案\n青海省将建成盐湖提锂中试线7条，推动盐湖资源综合利用。"
    path.write_bytes(text.encode("utf-16-le"))
    return path


def docx_with_table(folder: Path) -> Path:
    import docx

    title = "江西省科技厅2026年工作要点"
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.created = datetime(2026, 1, 20, 9, 0, tzinfo=UTC)
    document.add_heading(title, level=1)
    document.add_paragraph(
        "2026年，全省科技工作要坚持以科技创新引领产业创新，深入实施创新驱动发展战略，"
        "加快建设创新型省份。"
    )
    document.add_paragraph(
        "要聚焦电子信息、有色金属、新能源等重点产业链，组织实施一批重大科技专项，"
        "突破一批关键核心技术。"
    )
    document.add_paragraph("要深化科技体制改革，完善科技成果评价机制，激发科研人员创新活力。")
    document.add_heading("主要指标", level=2)
    rows = [
        ("指标", "2025年实际", "2026年目标"),
        ("研发经费投入强度（%）", "2.1", "2.3"),
        ("技术合同成交额（亿元）", "1250", "1500"),
        ("高新技术企业数（家）", "9800", "11000"),
    ]
    table = document.add_table(rows=len(rows), cols=3)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    path = folder / f"{title}.docx"
    document.save(str(path))
    return path


def html_with_nav(folder: Path) -> Path:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in GUIZHOU_PARAGRAPHS)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>贵州省发布数字经济与实体经济融合行动计划_贵州省人民政府</title>
<meta name="PubDate" content="2025-10-08 09:30">
<meta name="ContentSource" content="贵州日报">
<script>var tracker = "should-not-appear";</script>
</head><body>
<nav><a href="/">首页</a> | <a href="/news">新闻中心</a> | <a href="/gk">政务公开</a></nav>
<div class="breadcrumb">当前位置：首页 &gt; 新闻中心</div>
<div class="article-content">
<h1>贵州省发布数字经济与实体经济融合行动计划</h1>
{paragraphs}
</div>
<div class="share">分享到：微信 微博</div>
<footer>版权所有 贵州省人民政府 黔ICP备12345678号 主办单位：贵州省人民政府办公厅</footer>
</body></html>"""
    path = folder / "guizhou_news.html"
    path.write_text(page, "utf-8")
    return path


def text_pdf(folder: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = folder / "甘肃省科技成果转化三年行动方案.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setTitle("甘肃省科技成果转化三年行动方案")
    for page in (GANSU_LINES[:7], GANSU_LINES[7:]):
        pdf.setFont("STSong-Light", 14)
        y = 780
        for line in page:
            pdf.drawString(60, y, line)
            y -= 24
        pdf.showPage()
    pdf.save()
    return path


def scanned_pdf(folder: Path) -> Path:
    from reportlab.pdfgen import canvas

    path = folder / "扫描件.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFillGray(0.6)
    pdf.rect(60, 200, 470, 560, fill=1, stroke=0)  # stands in for a scanned page image
    pdf.line(60, 180, 530, 180)
    pdf.showPage()
    pdf.save()
    return path


def empty_file(folder: Path, name: str = "空文件.txt") -> Path:
    path = folder / name
    path.write_bytes(b"")
    return path


def binary_as_txt(folder: Path, name: str = "图片改名.txt") -> Path:
    path = folder / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 8)
    return path


def truncated(path: Path, keep: float = 0.5) -> Path:
    data = path.read_bytes()
    cut = path.with_name(f"截断_{path.name}")
    cut.write_bytes(data[: int(len(data) * keep)])
    return cut
