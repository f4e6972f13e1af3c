"""Extraction per format, and a named Chinese error for every file that cannot be read."""

import docx
import pytest
from docs_fixtures import (
    binary_as_txt,
    docx_with_table,
    empty_file,
    gbk_txt,
    html_with_nav,
    scanned_pdf,
    text_pdf,
    truncated,
    utf16_txt,
)

from assistant.corpus.dates import find_date
from assistant.corpus.extract import SUPPORTED, ExtractError, extract


def test_gbk_text(tmp_path):
    got = extract(gbk_txt(tmp_path))
    assert got.title == "湖南省推动科技创新和产业创新深度融合实施意见"
    assert got.date == "2025-09-12" and got.format == "txt" and got.source is None
    assert "到2027年，全省新建省级中试平台37个。" in got.text


def test_a_saved_web_page_is_titled_by_its_first_line_of_text_and_names_its_outlet(tmp_path):
    """当前位置：首页 > … is furniture, not the title; 来源：… names the outlet."""
    page = tmp_path / "page.txt"
    page.write_text(
        "当前位置：首页 > 政策解读 >\n滨海县推进农田水利建设\n"
        "发布日期：2024-06-01 10:30  来源：滨海农业网  浏览次数：128\n正文。\n",
        "utf-8",
    )
    got = extract(page)
    assert (got.title, got.date, got.source) == (
        "滨海县推进农田水利建设",
        "2024-06-01",
        "滨海农业网",
    )


def test_utf16_without_bom(tmp_path):
    got = extract(utf16_txt(tmp_path))
    assert got.title == "青海省盐湖产业创新方案" and "盐湖提锂中试线7条" in got.text


def test_utf16_big_endian_without_bom(tmp_path):
    path = tmp_path / "be.txt"
    path.write_bytes("Policy 2025\n青海省盐湖产业创新方案。".encode("utf-16-be"))
    assert "盐湖产业创新方案" in extract(path).text


def test_markdown_title_loses_its_hashes(tmp_path):
    path = tmp_path / "要点.md"
    path.write_text("\n# 山西省中试平台建设要点\n\n成文日期：2025年7月\n\n正文。\n", "utf-8")
    got = extract(path)
    assert (got.title, got.date, got.format) == ("山西省中试平台建设要点", "2025-07", "md")


def test_docx_keeps_the_table_rows_with_their_headers(tmp_path):
    got = extract(docx_with_table(tmp_path))
    assert got.title == "江西省科技厅2026年工作要点" and got.format == "docx"
    assert got.date == "2026-01-20" and got.source is None  # core_properties.created
    row = next(line for line in got.text.split("\n") if "技术合同成交额（亿元）" in line)
    assert row == "指标：技术合同成交额（亿元）；2025年实际：1250；2026年目标：1500。"
    lines = got.text.split("\n")
    assert lines.index("主要指标") < lines.index(row)  # paragraphs and tables in document order


def test_docx_merged_cell_is_read_once_and_columns_stay_aligned(tmp_path):
    document = docx.Document()
    document.add_paragraph("附表")
    table = document.add_table(rows=2, cols=3)
    for c, value in enumerate(("项目", "牵头单位", "完成时限")):
        table.cell(0, c).text = value
    table.cell(1, 0).merge(table.cell(1, 1)).text = "中试基地建设"
    table.cell(1, 2).text = "2026年底"
    single = document.add_table(rows=1, cols=2)
    single.cell(0, 0).text, single.cell(0, 1).text = "联系人：张三", "电话：1234"
    path = tmp_path / "附表.docx"
    document.save(str(path))
    lines = extract(path).text.split("\n")
    assert "项目：中试基地建设；完成时限：2026年底。" in lines
    assert "联系人：张三；电话：1234。" in lines


def test_html_keeps_only_the_article(tmp_path):
    got = extract(html_with_nav(tmp_path))
    assert got.title == "贵州省发布数字经济与实体经济融合行动计划" and got.format == "html"
    assert got.date == "2025-10-08" and got.source == "贵州日报"
    lines = got.text.split("\n")  # one line per block: the heading, then each <p>
    assert lines[0] == got.title and len(lines) == 6
    assert (
        "在主体培育方面，贵州省将培育大数据融合标杆企业86家。同时支持中小企业上云用数赋智。"
        in lines
    )
    for noise in ("首页", "新闻中心", "当前位置", "should-not-appear", "ICP", "分享到", "主办单位"):
        assert noise not in got.text


def test_html_declared_gbk_and_title_from_the_page_title(tmp_path):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "<title>山东省关于加快中试平台建设的通知_山东省人民政府</title></head><body>"
        '<div id="menu">首页</div><div class="TRS_Editor"><p>各市人民政府：</p>'
        "<p>现就加快中试平台建设通知如下。</p><p>发布时间：2025年6月3日</p></div></body></html>"
    )
    path = tmp_path / "sd.htm"
    path.write_bytes(page.encode("gbk"))
    got = extract(path)
    assert got.title == "山东省关于加快中试平台建设的通知" and got.date == "2025-06-03"
    assert got.text.split("\n")[:2] == ["各市人民政府：", "现就加快中试平台建设通知如下。"]


GOV_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>关于印发中试平台管理办法的通知 - 某省科技厅</title></head>
<body><header class="top"><h1 class="logo">某省科学技术厅</h1></header>
<div class="wrap main-box"><div class="left"><ul><li>相关文章一</li></ul></div>
<div class="article"><div class="info">发布时间：2025-04-01 来源：省科技厅</div>
<div id="zoom" class="TRS_Editor"><p>各有关单位：</p>
<p>现将《中试平台管理办法》印发给你们，请认真贯彻执行。</p>
<p>各地要结合产业特点统筹布局中试平台，完善开放共享和绩效评价机制，推动科技成果熟化和产业化。</p>
<table><tr><td>序号</td><td>名称</td></tr><tr><td>1</td><td>中试平台</td></tr></table>
<p>附件：<br>1. 办法全文<br>2. 申报表</p></div></div></div>
<div id="footer">版权所有</div><!-- 统计代码 --></body></html>"""


def test_html_content_block_inside_a_page_wide_wrapper(tmp_path):
    path = tmp_path / "gov.html"
    path.write_text(GOV_PAGE, "utf-8")
    got = extract(path)
    assert got.title == "关于印发中试平台管理办法的通知" and got.date == "2025-04-01"
    assert got.text.split("\n") == [  # the innermost block holding most of the text
        "各有关单位：",
        "现将《中试平台管理办法》印发给你们，请认真贯彻执行。",
        "各地要结合产业特点统筹布局中试平台，完善开放共享和绩效评价机制，推动科技成果熟化和产业化。",
        "序号 名称",
        "1 中试平台",
        "附件：",
        "1. 办法全文",
        "2. 申报表",
    ]  # the date came from the labelled line just outside it
    path.write_text(GOV_PAGE.replace('<div class="article">', "<article>"), "utf-8")
    got = extract(path)  # an <article> element is taken whole
    assert got.text.startswith("发布时间：2025-04-01 来源：省科技厅\n各有关单位：")


def test_text_pdf(tmp_path):
    got = extract(text_pdf(tmp_path))
    assert got.title == "甘肃省科技成果转化三年行动方案" and got.format == "pdf"
    assert "到2026年，甘肃省技术合同登记额突破450亿元。" in got.text
    assert "等领域科技成果在省内落地转化。" in got.text  # the second page


def _encrypted_pdf(folder):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path = folder / "加密.pdf"
    pdf = canvas.Canvas(str(path), encrypt=StandardEncryption("secret", canModify=0))
    pdf.drawString(60, 780, "Encrypted policy text with enough words to pass the text check.")
    pdf.save()
    return path


def _write(name, data: bytes | str):
    def make(folder):
        path = folder / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        return path

    return make


@pytest.mark.parametrize(
    ("make", "phrase"),
    [
        (empty_file, "文件为空"),
        (lambda d: empty_file(d, "空.pdf"), "文件为空"),
        (_write("空白.txt", b" \r\n\t\n"), "文件为空"),
        (binary_as_txt, "不是文本文件（含二进制内容）"),
        (
            _write("乱码.md", b"abc\x01\x02\x03\x04\x05\x06defghijklmnop"),
            "不是文本文件或编码无法识别",
        ),
        (lambda d: truncated(docx_with_table(d)), "Word 文件已损坏或不完整，无法打开"),
        (_write("假的.docx", b"PK\x03\x04 not really a zip"), "Word 文件已损坏或不完整，无法打开"),
        (lambda d: truncated(text_pdf(d)), "PDF 文件已损坏或不完整"),
        (_write("假的.pdf", b"%PDF-1.4\nnothing else"), "PDF 文件已损坏或不完整"),
        (scanned_pdf, "PDF 没有文字层（可能是扫描件），请先做文字识别（OCR）后再导入"),
        (_encrypted_pdf, "PDF 已加密，无法读取"),
        (_write("表格.xls", b"\xd0\xcf\x11\xe0rest"), "不支持的格式（支持 .txt .md .html .htm"),
        (
            _write("旧公文.doc", b"\xd0\xcf\x11\xe0" + b"\0" * 100),
            "旧版 .doc 格式不支持，请另存为 .docx",
        ),
        (_write("改名.docx", b"\xd0\xcf\x11\xe0" + b"\0" * 100), "旧版 .doc 格式不支持"),
        (
            _write("无正文.html", "<html><body><nav>首页</nav><script>x=1</script></body></html>"),
            "网页中没有正文",
        ),
    ],
)
def test_bad_files_get_a_named_reason(tmp_path, make, phrase):
    path = make(tmp_path)
    with pytest.raises(ExtractError) as error:
        extract(path)
    assert str(error.value).startswith(f"{path.name}：") and phrase in str(error.value)


def test_docx_without_text(tmp_path):
    path = tmp_path / "空白.docx"
    docx.Document().save(str(path))
    with pytest.raises(ExtractError, match="^空白.docx：文件中没有文字$"):
        extract(path)


def test_unreadable_path_and_upload_name(tmp_path):
    folder = tmp_path / "文件夹.txt"
    folder.mkdir()
    with pytest.raises(ExtractError, match="^文件夹.txt：无法读取文件（"):
        extract(folder)
    saved = gbk_txt(tmp_path).rename(tmp_path / "upload-1")  # an upload kept under a temp name
    assert extract(saved, "湖南.txt").date == "2025-09-12"
    with pytest.raises(ExtractError, match="^原名.pdf：PDF 文件已损坏"):
        extract(saved, "原名.pdf")


def test_supported_suffixes():
    assert SUPPORTED == (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2024年1月2日召开会议。发布日期：2025-03-01", "2025-03-01"),
        ("印发于2025/3/1。", "2025-03-01"),
        ("2025年10月8日 09:30", "2025-10-08"),
        ("成文日期：2025年 12 月 5 日", "2025-12-05"),
        ("2025-02-30 不存在，2025.4.9 才是", "2025-04-09"),
        ("到2027年，全省新建37个。", None),
        ("没有日期的文字。", None),
    ],
)
def test_find_date(text, date):
    assert find_date(text) == date
