from pathlib import Path

from assistant.corpus.decode import CorpusError, read_text
from assistant.corpus.documents import load_corpus
from assistant.text.clean import clean_text, normalise_width, strip_title_line

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(stem: str) -> str:
    return clean_text((SEEDS / f"{stem}.txt").read_text("utf-8"))


def test_web_boilerplate_is_removed_from_the_journal_page():
    text = seed("002_60a40fa8dcb989e0")
    for furniture in (
        "当前位置",
        "字体大小",
        "浏览次数",
        "附件下载",
        "友情链接",
        "主办单位",
        "ICP备",
        "联系地址",
        "联系我们",
    ):
        assert furniture not in text, furniture
    # ... while the content around it survives.
    assert text.splitlines()[-1].startswith("全球新一轮科技革命与产业变革交叉渗透背景下")
    assert "作者简介" in text and "DOI编码" in text


def test_paragraphs_split_by_page_breaks_are_rejoined():
    text = seed("000_979be21953a06c52")
    for joined in ("决定性作用", "传统制造业", "二是以加快数字产业化", "金融产品与服务"):
        assert joined in text, joined
    # Headings stay on their own lines.
    assert "\n增加高质量科技供给\n" in text


def test_lead_bullets_repeating_the_body_are_dropped_but_the_body_stays():
    text = seed("001_54a6ce7563e3e102")
    assert "■" not in text
    assert text.count("要加快构建全链条、多元化、企业主导的协同创新网络") == 1
    assert text.startswith("党的二十届四中全会")


def test_widths_and_punctuation_are_normalised():
    # a number's own marks fold too (１４．２％ → 14.2%): older reports print numbers full-width
    assert normalise_width("同比增长１４.２％，共3万亿元") == "同比增长14.2%，共3万亿元"
    assert normalise_width("增长７．９％，5·12地震") == "增长7.9%，5·12地震"
    assert normalise_width("科技创新,产业创新:融合(发展)") == "科技创新，产业创新：融合（发展）"
    assert normalise_width("DOI:10.19667/j.cnki") == "DOI:10.19667/j.cnki"


def test_bylines_and_invisible_characters_are_removed():
    raw = "正文第一句。\u200b\n(来源:新华网)\n发布日期:2024-05-10\n  末句\x07结束。  "
    assert clean_text(raw) == "正文第一句。\n末句结束。"


def test_title_line_and_subtitle_are_stripped_once():
    text = "大力推动科技创新和产业创新融合发展\n——2025年系列述评之二\n正文。"
    assert (
        strip_title_line(text, "大力推动科技创新和产业创新融合发展——2025年系列述评之二") == "正文。"
    )
    assert strip_title_line("正文。", "标题") == "正文。"


def test_compilation_file_is_three_addressable_articles():
    docs = {d.doc_id: d for d in load_corpus(SEEDS)}
    assert len(docs) == 5
    articles = docs["000_979be21953a06c52"].articles
    assert [a.source for a in articles] == ["新华网", "经济日报、工信微报", "青岛日报"]
    assert articles[2].text.startswith("科技创新是培育和发展新质生产力的“关键变量”")
    assert "(来源" not in articles[0].text and "（来源" not in articles[0].text
    assert docs["003_494ccc21f6e99a83"].date == "2024-05-10"
    assert docs["001_54a6ce7563e3e102"].region == "河北省"


def test_text_encodings_are_detected(tmp_path: Path):
    (tmp_path / "gbk.txt").write_bytes("科技成果转化".encode("gbk"))
    (tmp_path / "u16.txt").write_bytes("科技成果转化".encode("utf-16"))
    (tmp_path / "bom.txt").write_bytes("科技成果转化".encode("utf-8-sig"))
    for name in ("gbk.txt", "u16.txt", "bom.txt"):
        assert read_text(tmp_path / name) == "科技成果转化"


def test_empty_and_binary_files_get_named_errors(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    for name, reason in (("empty.txt", "为空"), ("binary.txt", "二进制")):
        try:
            read_text(tmp_path / name)
        except CorpusError as exc:
            assert name in str(exc) and reason in str(exc)
        else:
            raise AssertionError(f"{name} was accepted")


def test_a_figure_a_pdf_spaced_out_is_closed_up_but_a_row_of_figures_is_not():
    """1 9 9 7 年 and 7 4 7 7 2 亿元 (a PDF's letter-spacing) are 1997年 and 74772亿元, so they
    are found, checked and quoted as figures; figures set apart on purpose stay apart."""
    spaced = "1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元，工业增加值平均每年增长1 5 ．3 ％，进出口增长1 1%。"
    assert (
        clean_text(spaced)
        == "1997年国内生产总值达到74772亿元，工业增加值平均每年增长15．3%，进出口增长11%。"
    )
    for apart in ("2019 2020 2021年的数据", "分别为 12 34 56 元", "编号 1 2 号"):
        assert clean_text(apart) == apart
