"""Questions about a document itself — when and where it was published, who wrote it — are
answered from what the library records about it, on a made-up library; a question about the
content is not."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from assistant import Assistant
from assistant.answer.about import asked_about_document, content_part, document_answer
from assistant.schema import Chunk, Passage
from assistant.text.abbreviations import expand_abbreviations
from assistant.text.clean import is_boilerplate
from assistant.text.page_record import page_record

TEXTS = {
    "harbour": (
        "海湾市加快建设现代海洋产业体系\n"
        "海湾市提出，到2027年海洋生产总值突破3000亿元，培育海洋领域专精特新企业100家。\n"
        "全市将建设3个海洋科技创新平台，支持企业牵头组建创新联合体。\n"
    ),
    "paper": (
        "滨江县数字乡村建设的路径研究\n"
        "作者简介\n"
        "林晓 滨江大学公共管理学院 副教授\n"
        "原文刊发于《东岸学刊》2024年第2期第35-48页。\n"
        "关键词：数字乡村；网络基础设施；数据共享\n"
        "正文\n"
        "数字乡村建设需要补齐农村网络基础设施短板，推进涉农数据资源共享。\n"
    ),
    "fields": (  # a web page, with its furniture
        "当前位置：首页 > 政策解读 >\n"
        "滨海县推进农田水利建设\n"
        "发布日期：2024-06-01 10:30  来源：滨海农业网  字体大小：【大 中 小】  浏览次数：128\n"
        "滨海县今年新建高标准农田5万亩，改造灌溉渠道120公里。\n"
        "打印本页 关闭窗口\n"
        "主办单位：滨海县农业农村局\n"
        "联系地址：滨海县人民路1号\n"
    ),
}
MANIFEST = {
    "harbour": {
        "title": "海湾市加快建设现代海洋产业体系",
        "source": "海湾日报",
        "date": "2024-03-15",
    },
    "paper": {"title": "滨江县数字乡村建设的路径研究", "source": "东岸学刊"},
    "fields": {"title": "滨海县推进农田水利建设", "source": "滨海农业网"},
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, settings):
    """The offline assistant over these texts alone, described by their manifest."""
    home = tmp_path_factory.mktemp("about")
    seeds = home / "seeds"
    seeds.mkdir()
    for stem, text in TEXTS.items():
        (seeds / f"{stem}.txt").write_text(text, "utf-8")
    (seeds / "manifest.json").write_text(json.dumps(MANIFEST, ensure_ascii=False), "utf-8")
    update = {"home": home, "seeds_dir": seeds, "library_dir": home / "library"}
    made = Assistant(settings.model_copy(update=update))
    made.sync()
    return made


def test_the_cue_must_be_about_the_document():
    assert asked_about_document("海湾日报那篇文章是哪天发的？") == ("date",)
    assert asked_about_document("那篇论文登在哪个刊物上，作者是谁？") == ("source", "byline")
    assert asked_about_document("文章说海洋平台什么时候建成？") == ()  # the content's date
    assert asked_about_document("文章说的技术是什么时候研发的？") == ()  # 研发的 is no 发的
    assert asked_about_document("海湾日报那篇是哪天发出来的？") == ("date",)
    assert asked_about_document("海湾日报那篇啥时候登报的？") == ("date",)  # 登报: published
    assert asked_about_document("那篇说的技术是哪年研发出来的？") == ()


def test_what_the_title_says_comes_from_the_record_and_is_verified(assistant):
    """那篇标题说……: the title answers, cited; a question about the content is not about it."""
    assert asked_about_document("海湾日报那篇标题说海洋产业要建成啥？") == ("title",)
    assert asked_about_document("海湾日报说海洋产业要建成啥？") == ()
    answer = assistant.ask("海湾日报那篇标题说海洋产业要建成啥？")
    assert "《海湾市加快建设现代海洋产业体系》" in answer.answer, answer.answer
    assert [s.status for s in answer.sentences] == ["supported"]


def test_the_date_comes_from_the_record_and_is_verified(assistant):
    answer = assistant.ask("海湾日报那篇文章是哪天发的？")
    assert not answer.refused
    assert "2024-03-15" in answer.answer and "海湾市加快建设现代海洋产业体系" in answer.answer
    assert [s.status for s in answer.sentences] == ["supported"]


def test_the_byline_answers_who_wrote_it(assistant):
    answer = assistant.ask("东岸学刊那篇数字乡村的论文作者是谁？")
    assert "林晓" in answer.answer, answer.answer
    assert all(s.status == "supported" for s in answer.sentences)


def test_a_journal_text_named_as_staff_shorten_it_answers_from_its_byline():
    """学刊俩作者…: 学刊 names the journal text as 那篇论文 does; 博导 is 博士生导师."""
    assert asked_about_document("学刊俩作者哪个是教授") == ("byline",)
    assert expand_abbreviations("哪个是博导") == "哪个是博士生导师"
    byline = "作者简介\n林晓 滨江大学公共管理学院 副教授"
    paper = Chunk("p#1", "p", byline, "滨江县数字乡村建设的路径研究", heading="作者简介")
    paper = replace(paper, source="东岸学刊", level="academic")
    answer = document_answer("学刊俩作者哪个是教授", [Passage(1, paper, 1.0)])
    assert answer is not None and "林晓 滨江大学公共管理学院 副教授" in answer, answer


def test_what_the_record_lacks_is_said_not_guessed(assistant):
    answer = assistant.ask("东岸学刊那篇数字乡村的论文是什么时候发表的？")
    assert answer.refused and "没有记录" in answer.answer and "发布日期" in answer.answer


def test_a_byline_the_text_lacks_is_said_not_guessed(assistant):
    """The newspaper article carries no byline: its author is not in the library."""
    answer = assistant.ask("海湾日报那篇文章是谁写的？")
    assert answer.refused and "没有记录" in answer.answer and "作者" in answer.answer, answer.answer


def test_the_journal_may_be_named_without_the_word_for_its_kind(assistant):
    answer = assistant.ask("东岸那篇论文的作者是谁？")
    assert "林晓" in answer.answer, answer.answer


def test_a_question_about_the_content_is_answered_from_the_text(assistant):
    answer = assistant.ask("海湾日报那篇文章提出海洋生产总值要达到多少？")
    assert not answer.refused and "3000亿元" in answer.answer


def test_a_paper_the_text_is_about_is_not_the_document(assistant):
    """“那篇论文何时发表” without naming the document's outlet or title may mean a paper the text
    discusses: the record does not answer it."""
    answer = assistant.ask("海湾市提到的那篇海洋规划论文是什么时候发表的？")
    assert "2024-03-15" not in answer.answer and "没有记录" not in answer.answer


def test_the_document_may_be_named_by_words_of_its_title(assistant):
    answer = assistant.ask("那篇讲现代海洋产业体系的文章来源是哪里？")
    assert "海湾日报" in answer.answer and answer.sentences[0].status == "supported", answer.answer


def test_the_record_is_that_of_the_document_the_question_names_among_those_retrieved():
    """“那篇论文” names the library's academic text even when another document was retrieved
    first; a text of another kind is not named by it."""
    news = Chunk(
        "n#1",
        "n",
        "海湾市提出建设海洋科技平台。",
        "海湾市海洋产业",
        source="海湾日报",
        date="2024-03-15",
        level="central",
    )
    paper = Chunk(
        "p#1",
        "p",
        "数字乡村建设需要补齐短板。",
        "数字乡村建设的路径研究",
        source="东岸学刊",
        date="2024-06-01",
        level="academic",
    )
    passages = [Passage(1, news, 1.0), Passage(2, paper, 0.9)]
    answer = document_answer("那篇论文是哪天发表的？", passages)
    assert answer is not None and "2024-06-01" in answer and "[2]" in answer, answer
    assert document_answer("那篇论文是哪天发表的？", passages[:1]) is None


def test_a_provincial_daily_and_a_journal_are_named_as_staff_shorten_them():
    """湘报 is 湖南日报 (the province's abbreviation), 学刊那篇 an academic text; 湘报 names no
    other outlet, and 学刊 no newspaper."""
    daily = Chunk("d#1", "d", "全省新建5G基站2万个。", "湖南推进数字基建", source="湖南日报")
    daily = replace(daily, date="2024-05-10", region="湖南省", level="provincial")
    paper = Chunk("p#1", "p", "数字乡村建设需要补齐短板。", "数字乡村建设的路径研究")
    paper = replace(paper, source="东岸学刊", date="2024-06-01", level="academic")
    other = replace(daily, source="海湾日报", region=None)
    answer = document_answer("湘报那篇是哪天登出来的？", [Passage(1, daily, 1.0)])
    assert answer is not None and "2024-05-10" in answer, answer
    assert document_answer("湘报那篇是哪天登出来的？", [Passage(1, other, 1.0)]) is None
    answer = document_answer(
        "学刊那篇是哪天发表的？", [Passage(1, daily, 1.0), Passage(2, paper, 0.9)]
    )
    assert answer is not None and "2024-06-01" in answer and "[2]" in answer, answer


def test_the_byline_is_found_however_many_passages_match_the_question_better(
    tmp_path_factory, settings
):
    """“那篇论文占了哪几页” shares its words with every section of a long paper and none with
    its byline line; the byline is looked up with the passages all the same."""
    sections = (
        "一、网络基础设施\n论文指出，数字乡村建设首先要让光纤和5G网络通到每个行政村，县里三年投入两亿元。\n"
        "二、涉农数据\n作者主张打通农业、民政和自然资源部门的数据，建立统一的涉农数据目录。\n"
        "三、信息平台\n研究发现，乡镇信息平台重建设轻运营，论文建议引入第三方企业负责日常维护。\n"
        "四、智慧农业\n文中以水稻种植为例，说明传感器和无人机如何帮助农户节省化肥与人工。\n"
        "五、电商物流\n农产品上行难在冷链，论文提出在中心村建设共配站点，降低每单配送成本。\n"
        "六、数字治理\n村务公开、矛盾调解和网格管理可以搬到手机上，减少群众跑腿次数。\n"
        "七、数字技能\n老年农民不会用智能手机，论文建议由大学生志愿者开设夜校进行培训。\n"
        "八、数字金融\n基于交易流水的信用贷款让种植大户不必抵押房屋也能借到周转资金。\n"
        "九、文旅营销\n短视频和直播让偏远村落的民宿被游客看见，旺季入住率明显提高。\n"
        "十、数据安全\n采集农户信息必须取得同意，平台要按等级保护要求定期开展安全检查。\n"
    )
    text = (
        "滨江县数字乡村建设的路径研究\n作者简介\n林晓 滨江大学公共管理学院 副教授\n"
        "原文刊发于《东岸学刊》2024年第2期第35-48页。\n" + sections
    )
    home = tmp_path_factory.mktemp("byline")
    seeds = home / "seeds"
    seeds.mkdir()
    (seeds / "paper.txt").write_text(text, "utf-8")
    manifest = {"paper": {"title": "滨江县数字乡村建设的路径研究", "level": "academic"}}
    (seeds / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    made = Assistant(settings.model_copy(update={"home": home, "seeds_dir": seeds}))
    made.sync()
    for question in ("那篇数字乡村建设的论文在刊物上占了哪几页？", "那篇论文登在第几页到第几页？"):
        answer = made.ask(question)
        assert "35-48" in answer.answer, answer.answer
        assert all(s.status == "supported" for s in answer.sentences)


def test_a_pages_furniture_is_kept_as_its_record_not_as_its_text():
    """标签：内容 lines of the page's furniture — the column its breadcrumb ends in, the time to the
    minute, the count of reads, who runs the site — are the page record; the rest is dropped."""
    assert page_record(TEXTS["fields"]).split("\n") == [
        "页面信息",
        "所在栏目：政策解读",
        "发布时间：2024-06-01 10:30",
        "浏览次数：128",
        "主办单位：滨海县农业农村局",
        "联系地址：滨海县人民路1号",
    ]
    assert page_record(TEXTS["harbour"]) == ""


@pytest.mark.parametrize("label", ["阅读量", "访问量", "访问次数", "点击量", "浏览量"])
def test_a_count_of_reads_by_any_of_its_labels_is_the_records_浏览次数(label):
    """Sites label the count of reads differently; the record keeps one label for it, and the
    line is furniture, not text."""
    page = f"发布时间：2024-06-01 10:30  来源：滨海农业网  {label}：3400\n滨海县新建高标准农田2万亩。\n"
    assert page_record(page).split("\n") == [
        "页面信息",
        "发布时间：2024-06-01 10:30",
        "浏览次数：3400",
    ]
    assert is_boilerplate(f"{label}：3400")


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("滨海农业网那篇文章被点开看了多少次？", "浏览次数：128"),
        ("滨海农业网那篇文章在网站的哪个栏目下？", "所在栏目：政策解读"),
        ("登那篇文章的网站是哪家单位主办的？滨海农业网那篇。", "主办单位：滨海县农业农村局"),
        ("滨海农业网那篇文章具体是几点几分发的？", "发布时间：2024-06-01 10:30"),
    ],
)
def test_a_particular_of_the_page_is_answered_from_its_record(assistant, question, line):
    answer = assistant.ask(question)
    assert not answer.refused and line in answer.answer, answer.answer
    assert [s.status for s in answer.sentences] == ["supported"]


def test_a_particular_the_page_does_not_state_is_said_not_guessed(assistant):
    answer = assistant.ask("滨海农业网那篇文章页面上的联系电话是多少？")
    assert answer.refused and "没有记录" in answer.answer and "联系电话" in answer.answer


def test_the_page_record_never_answers_a_question_about_the_content(assistant):
    answer = assistant.ask("滨海县今年新建多少高标准农田，浏览次数多吗？")
    assert "5万亩" in answer.answer and "128" not in answer.answer, answer.answer


def test_a_page_put_online_is_asked_after_by_its_date():
    """挂到网上, 挂上网, 挂出来: when the text came out, said the way staff say it."""
    paper = Chunk("p#1", "p", "数字乡村建设需要补齐短板。", "数字乡村建设的路径研究")
    paper = replace(paper, source="东岸学刊", date="2024-06-01", level="academic")
    for question in (
        "学刊那篇啥时候挂到网上的",
        "那篇论文是哪天挂出来的？",
        "那篇论文啥时候挂上网的",
    ):
        answer = document_answer(question, [Passage(1, paper, 1.0)])
        assert answer is not None and "2024-06-01" in answer, (question, answer)


def test_which_points_is_no_time_of_day():
    """哪几点 asks for points a text makes, not what time its page went up (几点)."""
    assert asked_about_document("那篇文章又细分了哪几点") == ()
    assert asked_about_document("那篇文章提了几点建议") == ()
    assert asked_about_document("那篇文章是几点发的") != ()


def test_a_question_about_the_record_and_the_content_is_answered_on_both(assistant):
    """哪天发的，……建几个平台: the date from the record, then the sentence on the platforms."""
    answer = assistant.ask("海湾日报那篇是哪天发的，全市要建几个海洋科技创新平台")
    assert "2024-03-15" in answer.answer and "3个海洋科技创新平台" in answer.answer, answer.answer
    assert all(s.status == "supported" for s in answer.sentences), answer.sentences
    assert (
        content_part("那篇是哪天发的，开头那句话是在哪个会上讲的") == "开头那句话是在哪个会上讲的"
    )
    assert content_part("那篇文章是哪天发的") == ""


def test_the_date_asked_is_said_as_the_page_records_it_when_the_page_says_more(assistant):
    """哪天发的 of a page whose record says the hour too, though the library records no date for
    it: the record's line, hour and all — not “no date recorded”."""
    answer = assistant.ask("滨海农业网那篇文章是哪天发的？")
    assert "发布时间：2024-06-01 10:30" in answer.answer, answer.answer
    assert [s.status for s in answer.sentences] == ["supported"]


def test_the_date_is_said_with_the_outlet_and_the_issue_when_asked(assistant):
    """哪天发的 is answered with the outlet beside the title (《……》（海湾日报）); 哪年哪期登的
    with the byline line saying the issue (2024年第2期)."""
    answer = assistant.ask("海湾日报那篇文章是哪天发的？")
    assert "《海湾市加快建设现代海洋产业体系》（海湾日报）" in answer.answer, answer.answer
    assert [s.status for s in answer.sentences] == ["supported"]
    answer = assistant.ask("东岸学刊那篇论文是哪年哪期登的？")
    assert "2024年第2期" in answer.answer, answer.answer
    assert all(s.status == "supported" for s in answer.sentences)


def test_the_site_that_carried_a_repost_is_the_pages_host(assistant):
    """在哪个网站看到的转载 asks for the site carrying the page (its 主办单位), besides the
    outlet the text came from."""
    answer = assistant.ask("滨海农业网那篇文章，我是在哪个网站看到的转载？")
    assert "滨海县农业农村局" in answer.answer, answer.answer
    assert all(s.status == "supported" for s in answer.sentences)


def test_the_authors_a_question_points_at_a_text_by_are_no_question_about_them():
    """东岸俩作者那篇说的……: the text its authors wrote, asked of its content — not who wrote it;
    the byline is searched for only when the question asks after the authors."""
    from assistant.search.mentions import boosts_for

    def asks_byline(question: str) -> bool:
        return any(b.only and "作者" in b.phrases for b in boosts_for(question, set()))

    assert not asks_byline("东岸俩作者那篇，说的接力融资分哪几段？")
    assert not asks_byline("林晓写的那篇论文说数字乡村咋建？")
    assert asks_byline("那篇论文的作者是谁？") and asks_byline("东岸学刊那篇是谁执笔的")
    assert asked_about_document("东岸俩作者那篇，说的接力融资分哪几段？") == ()


def test_a_person_or_label_no_sentence_holds_is_answered_by_its_line(assistant):
    """林晓啥身份, 关键词都有啥: no sentence says it; the byline entry her name opens, or the line
    the label opens, does — cited as it stands."""
    answer = assistant.ask("林晓啥身份？")
    assert not answer.refused and "副教授" in answer.answer, answer.answer
    answer = assistant.ask("滨江那篇论文关键词都啥？")
    assert not answer.refused and "数字乡村；网络基础设施；数据共享" in answer.answer, answer.answer
    assert all(s.status == "supported" for s in answer.sentences)
