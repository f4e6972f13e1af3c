"""The web UI in a real browser: Debian's chromium, headless, driven by Python playwright.

Screenshots go to `test-artifacts/ui/` (or `$ASSISTANT_TEST_ARTIFACTS/ui/`). Every page records
the hosts it requested; a request to anything but the app itself fails the test.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import docx
import pytest

playwright = pytest.importorskip("playwright.sync_api")

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("ASSISTANT_TEST_ARTIFACTS", REPO / "test-artifacts")) / "ui"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def browser():
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        pytest.fail("chromium is not installed (apt-get install chromium fonts-wqy-microhei)")
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, web_url):
    """A fresh browser context on the app; fails if the page requested any other host."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        locale="zh-CN", viewport={"width": 1400, "height": 1000}, accept_downloads=True
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=web_url.rstrip("/"))
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    requested: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(web_url)
    page.locator(
        "#question textarea:not([disabled])"
    ).wait_for()  # opened once the chat is restored
    page.requested, page.dialogs = requested, dialogs  # type: ignore[attr-defined]
    yield page
    context.close()
    app_host = urlsplit(web_url).netloc
    outside = sorted(
        {urlsplit(u).netloc for u in requested if urlsplit(u).scheme in ("http", "https")}
        - {app_host}
    )
    assert not outside, f"the page requested other hosts: {outside}"
    assert not dialogs, f"a script ran in the page: {dialogs}"


def ask(page, question: str, answers_before: int) -> None:
    """Type a question, send it, and wait until the streamed answer has been verified."""
    page.locator("#question textarea").fill(question)
    page.locator("#ask-button").click()
    finished = page.locator("#chat .pa-answer:not(.pa-streaming)")
    finished.nth(answers_before).wait_for()


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def test_answer_streams_and_a_citation_opens_its_passage(page):
    ask(page, "2025年上半年全国登记了多少技术合同？", 0)
    answer = page.locator("#chat .pa-answer").last
    assert "pa-refused" not in (answer.get_attribute("class") or "")
    assert "技术合同" in answer.inner_text()
    cite = answer.locator("a.pa-cite").first
    ref = cite.get_attribute("data-ref")
    cite.click()
    panel = page.locator("#pa-panel")
    panel.wait_for(state="visible")
    source = answer.locator(f'.pa-passage[data-ref="{ref}"]')
    title = source.locator(".pa-title").text_content()
    assert title and title in panel.inner_text()  # document title, [n]
    assert "·" in panel.locator(".pa-meta").inner_text()  # outlet · date
    marked = panel.locator("mark").first.inner_text()
    assert "技术合同" in marked  # the supporting span is highlighted
    page.screenshot(path=ARTIFACTS / "ask-citation.png")
    page.keyboard.press("Escape")
    panel.wait_for(state="hidden")

    answer.locator(".pa-copy").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert (
        copied.startswith(answer.locator(".pa-s").first.inner_text()[:8]) and "参考依据" in copied
    )


def test_follow_up_uses_the_history_and_citations_survive_a_reload(page):
    ask(page, "河北省在推动科技创新和产业创新融合方面有哪些做法？", 0)
    ask(page, "那陕西呢？", 1)
    follow_up = page.locator("#chat .pa-answer").nth(1)
    understood = follow_up.locator(".pa-standalone").inner_text()
    assert "陕西" in understood and "科技创新" in understood
    assert follow_up.locator("a.pa-cite").count() > 0
    page.screenshot(path=ARTIFACTS / "follow-up.png")

    page.reload()
    page.locator("#chat .pa-answer").nth(1).wait_for()
    restored = page.locator("#chat .pa-answer")
    assert restored.count() == 2
    restored.nth(1).locator("a.pa-cite").first.click()
    page.locator("#pa-panel").wait_for(state="visible")
    assert "陕西" in page.locator("#pa-panel").inner_text()
    page.screenshot(path=ARTIFACTS / "after-reload.png")

    page.locator("#clear-button").click()
    page.wait_for_function("document.querySelectorAll('#chat .pa-answer').length === 0")
    page.reload()
    page.locator("#question textarea:not([disabled])").wait_for()  # the restore has run
    assert page.locator("#chat .pa-answer").count() == 0


def test_markup_in_a_question_shows_as_text(page):
    question = '<script>alert("x")</script><img src=x onerror=alert(2)> ![图](http://example.com/a.png) 技术合同登记了多少？'
    ask(page, question, 0)
    user = page.locator("#chat .pa-user").last
    assert '<script>alert("x")</script>' in user.inner_text()
    assert page.locator("#chat img").count() == 0
    page.screenshot(path=ARTIFACTS / "markup-question.png")


def test_enter_sends_the_question_and_shift_enter_starts_a_new_line(page):
    box = page.locator("#question textarea")
    box.click()
    page.keyboard.type("2025年上半年全国")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("登记了多少技术合同？")
    assert box.input_value() == "2025年上半年全国\n登记了多少技术合同？"
    page.keyboard.press("Enter")  # no click: the keyboard alone sends it
    answer = page.locator("#chat .pa-answer:not(.pa-streaming)").first
    answer.wait_for()
    assert "技术合同" in answer.inner_text() and answer.locator("a.pa-cite").count() > 0
    assert box.input_value() == ""


def test_the_interface_is_chinese_in_an_english_browser(browser, web_url):
    """Gradio's own text (upload box, error toasts) is Chinese whatever the browser's language."""
    context = browser.new_context(locale="en-US", viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(web_url)
        open_tab(page, "资料库")
        upload = page.locator("#upload")
        upload.get_by_text("将文件拖放到此处").wait_for()
        assert "Drop File Here" not in upload.inner_text()
        page.locator("#save-doc").click()  # nothing chosen: a Chinese error toast
        toast = page.locator(".toast-body").filter(has_text="只能修改")
        toast.wait_for()
        title = toast.locator(".toast-title")
        shown = title.evaluate(
            "e => getComputedStyle(e, '::before').content + getComputedStyle(e).fontSize"
        )
        assert shown == '"出错了"0px', "the English type name is hidden, the Chinese one shown"
        page.screenshot(path=ARTIFACTS / "english-browser.png")
    finally:
        context.close()


def test_empty_question_gets_a_chinese_message(page):
    page.locator("#ask-button").click()
    page.locator("#chat .pa-error").wait_for()
    assert "问题不能为空" in page.locator("#chat .pa-error").inner_text()


def test_plan_is_drafted_shown_and_downloaded_as_docx(page, tmp_path):
    open_tab(page, "方案起草")
    page.locator("#province input").click()
    page.locator("#province input").fill("河北")
    page.get_by_role("option", name="河北省").click()
    page.locator("#focus textarea, #focus input").first.fill("人工智能+")
    page.locator("#draft-button").click()
    outline = page.locator("#outline .pa-outline")
    outline.wait_for()
    title = outline.locator("h2").inner_text()
    assert title.startswith("河北省")
    assert outline.locator("h3").count() >= 3
    assert page.get_by_text("✓ 已覆盖").count() > 0
    outline.locator("a.pa-cite").first.click()
    page.locator("#pa-panel").wait_for(state="visible")
    page.screenshot(path=ARTIFACTS / "plan.png", full_page=True)
    page.keyboard.press("Escape")

    with page.expect_download() as download_info:
        page.locator("#docx").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".docx")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    document = docx.Document(str(saved))
    assert document.paragraphs[0].text == title
    with page.expect_download() as download_info:
        page.locator("#md").click()
    assert download_info.value.suggested_filename.endswith(".md")


def test_compare_tab_builds_the_matrix_from_the_keyboard(page, tmp_path):
    """Provinces typed and picked with Enter, Enter in the topic box runs it; the matrix shows
    each province's own programme in its column, citations open, the spreadsheet downloads."""
    open_tab(page, "对比")
    box = page.locator("#compare-provinces input")
    for name in ("河北", "陕西"):
        box.click()
        box.fill(name)
        page.get_by_role("option", name=f"{name}省").wait_for()
        box.press("Enter")
    topic = page.locator("#compare-topic textarea, #compare-topic input").first
    topic.click()
    topic.press("Enter")
    matrix = page.locator("#compare-matrix .pa-matrix")
    matrix.wait_for()
    headers = matrix.locator("thead th").all_inner_texts()
    assert headers == ["举措", "国家层面", "河北省", "陕西省"]
    column = {name: i for i, name in enumerate(headers)}
    shaanxi = matrix.locator(f"tbody td:nth-child({column['陕西省'] + 1})").all_inner_texts()
    hebei = matrix.locator(f"tbody td:nth-child({column['河北省'] + 1})").all_inner_texts()
    assert any("秦创原" in cell for cell in shaanxi) and not any("秦创原" in c for c in hebei)
    assert page.get_by_text("资料未涉及").count() > 0
    matrix.locator("a.pa-cite").first.click()
    page.locator("#pa-panel").wait_for(state="visible")
    page.screenshot(path=ARTIFACTS / "compare.png", full_page=True)
    page.keyboard.press("Escape")
    with page.expect_download() as download_info:
        page.locator("#compare-xlsx").click()
    assert download_info.value.suggested_filename.endswith(".xlsx")
    with page.expect_download() as download_info:
        page.locator("#compare-docx").click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    assert docx.Document(str(saved)).tables[0].rows[0].cells[2].text == "河北省"


@pytest.fixture(scope="module")
def reports_url(reports):
    """A second UI over the government work reports library (conftest `reports`)."""
    from conftest import start_web

    app, url = start_web(reports.settings.model_copy(update={"auth": None}))
    yield url
    app.close()


@pytest.fixture
def reports_page(browser, reports_url):
    """A fresh browser context on the reports UI."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(reports_url)
    yield page
    context.close()


def test_targets_tab_lists_the_years_targets_from_the_keyboard(reports_page):
    page = reports_page
    open_tab(page, "目标值")
    year = page.locator("#targets-year input")
    year.fill("2025")
    year.press("Enter")  # Enter in the year box lists them
    table = page.locator("#targets-table")
    table.get_by_text("城镇新增就业", exact=True).first.wait_for()
    text = table.inner_text()
    assert "国内生产总值增长" in text and "1200" in text and "万人" in text
    assert "低于国家目标" in text  # the provincial plan's growth target
    page.screenshot(path=ARTIFACTS / "targets.png", full_page=True)
    with page.expect_download() as download_info:
        page.locator("#targets-xlsx").click()
    assert download_info.value.suggested_filename.endswith(".xlsx")


def test_versions_in_force_and_the_diff_view(reports_page):
    """The answer says which version it used; the 资料库 tab lists the versions and shows the
    新旧对照 of two reports, documents picked from the keyboard."""
    page = reports_page
    ask(page, "今年居民消费价格涨幅的预期目标是多少？", 0)
    answer = page.locator("#chat .pa-answer").last.inner_text()
    assert "依据现行有效版本" in answer and "2%左右" in answer
    open_tab(page, "资料库")
    page.get_by_text("版本与新旧对照").click()
    assert "年度系列" in page.locator("#version-relations").inner_text()
    for box, name in (("#diff-old", "2024年"), ("#diff-new", "2025年")):
        field = page.locator(f"{box} input")
        field.click()
        field.fill(f"{name}中华人民共和国")  # narrow the list, then Enter picks the first
        page.get_by_role("option", name=f"{name}中华人民共和国国务院政府工作报告").first.wait_for()
        field.press("Enter")
    page.locator("#diff-button").click()
    view = page.locator("#diff-view .pa-diff")
    view.wait_for()
    assert view.locator("mark", has_text="1.4万亿").count() >= 1, view.inner_text()[:300]
    view.locator("mark", has_text="1.4万亿").first.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "diff.png", full_page=False)
    with page.expect_download() as download_info:
        page.locator("#diff-docx").click()
    assert download_info.value.suggested_filename.endswith(".docx")


def test_library_lists_the_corpus_and_opens_a_document(page, assistant):
    open_tab(page, "资料库")
    documents = assistant.sources()
    table = page.locator("#library")
    table.get_by_text(documents[1].doc_id).wait_for()
    table.get_by_text(documents[1].doc_id).click()
    page.locator("#document .pa-document").wait_for()
    text = page.locator("#document").inner_text()
    assert documents[1].text.split("\n")[0][:20] in text
    page.screenshot(path=ARTIFACTS / "library.png")


def test_eval_tab_runs_the_offline_suite_against_the_baseline(page):
    open_tab(page, "评测")
    page.locator("#eval-button").click()
    verdict = page.locator("#eval-verdict")
    verdict.get_by_text("评测").first.wait_for(timeout=180_000)
    page.wait_for_function(
        "document.querySelector('#eval-verdict').innerText.includes('用例')", timeout=180_000
    )
    assert "评测通过" in verdict.inner_text()
    assert page.get_by_text("hit@1").count() > 0
    page.screenshot(path=ARTIFACTS / "eval.png", full_page=True)


def test_refusal_is_shown_as_a_refusal_with_the_nearest_sources(page):
    ask(page, "明天北京天气怎么样，会不会下雨？", 0)
    answer = page.locator("#chat .pa-answer").last
    assert "pa-refused" in answer.get_attribute("class")
    assert answer.locator(".pa-refusal").inner_text().startswith("拒答：")
    answer.locator(".pa-sources summary").click()
    assert answer.locator(".pa-passage").count() > 0
    page.screenshot(path=ARTIFACTS / "refusal.png")


def test_document_filter_limits_the_sources(page, assistant):
    document = next(d for d in assistant.sources() if "河北" in (d.region or d.title))
    page.locator("#doc-filter input").click()
    page.get_by_role("option", name=document.title, exact=False).first.click()
    page.keyboard.press("Escape")
    ask(page, "如何推动科技成果转化？", 0)
    answer = page.locator("#chat .pa-answer").last
    codes = answer.locator(".pa-passage code").all_text_contents()  # collapsed: no innerText
    assert codes and all(code.startswith(document.doc_id + "#") for code in codes)


def test_unverified_sentences_of_a_model_answer_are_flagged(browser, settings):
    """A model streaming one faithful and one invented sentence: the UI flags the second."""
    from conftest import llm_settings, start_web

    from fake_openai import FakeOpenAIServer
    from test_llm import first_sentence, passages_in

    def model(request) -> str:
        found = passages_in(request)
        return f"{first_sentence(found[1])}[1]。该举措到2030年将带动999亿元投资[1]。"

    with FakeOpenAIServer(responder=model) as server:
        app, url = start_web(llm_settings(settings, server.base_url))
        context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 1000})
        try:
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(url)
            ask(page, "2025年上半年全国登记了多少技术合同？", 0)
            answer = page.locator("#chat .pa-answer").last
            assert "大模型：fake-chat" in page.locator("body").inner_text()
            flagged = answer.locator(".pa-s.pa-bad")
            assert flagged.count() == 1 and "999" in flagged.inner_text()
            assert "未通过核验" in flagged.inner_text()
            assert "999" in flagged.get_attribute("title")
            assert answer.locator(".pa-s.pa-ok").count() == 1
            assert any(r.get("stream") for r in server.requests)  # streamed over SSE
            page.screenshot(path=ARTIFACTS / "flagged.png")
        finally:
            context.close()
            app.close()


def test_a_broken_model_stream_is_replaced_by_the_marked_fallback(browser, settings, observe):
    """The model's stream breaks off on every attempt: its partial text is withdrawn and the
    offline answer appears under a notice that says why."""
    from conftest import llm_settings, start_web

    from assistant.llm.faults import REASONS
    from fake_openai import FakeOpenAIServer
    from test_llm import faithful_model

    with FakeOpenAIServer(responder=faithful_model, chunk_size=2) as server:
        server.default_fault = server.enqueue_fault("cut_stream")
        fast = {"llm_max_retries": 1, "auth": None}
        app, url = start_web(llm_settings(settings, server.base_url).model_copy(update=fast))
        context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 1000})
        dialogs: list[str] = []
        try:
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(url)
            ask(page, "2025年上半年全国登记了多少技术合同？", 0)
            answer = page.locator("#chat .pa-answer").last
            notice = answer.locator(".pa-fallback").inner_text()
            assert REASONS["cut"] in notice and "离线" in notice
            assert "近41万件" in answer.inner_text() and "模型：extractive" in answer.inner_text()
            assert answer.locator(".pa-s.pa-bad").count() == 0
            assert "Traceback" not in page.content() and not dialogs
            assert sum(r.get("stream") is True for r in server.requests) == 2
            page.screenshot(path=ARTIFACTS / "fallback.png")
        finally:
            context.close()
            app.close()
    observe(
        "endpoint",
        "web UI: the model's stream breaks off, every attempt",
        f"partial text withdrawn; the offline answer under an amber notice “{REASONS['cut']}”",
    )


def test_upload_edit_and_delete_in_the_library_tab(browser, settings, tmp_path):
    """Own app and data dir: upload a good and a bad file, ask about the good one, edit, delete."""
    from conftest import start_web
    from docs_fixtures import empty_file, gbk_txt

    app, url = start_web(
        settings.model_copy(
            update={"home": tmp_path / "home", "library_dir": tmp_path / "home" / "library"}
        )
    )
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(url)
        open_tab(page, "资料库")
        page.locator("#upload input[type=file]").set_input_files(
            [str(gbk_txt(tmp_path)), str(empty_file(tmp_path))]
        )
        page.locator("#ingest-button").click()
        page.locator("#ingest-status").get_by_text("新增 1").wait_for()
        results = page.locator("#ingest-results").inner_text()
        assert "湖南省实施意见.txt" in results and "新增" in results
        assert "空文件.txt" in results and "文件为空" in results
        page.locator("#library").get_by_text("湖南省实施意见.txt").first.wait_for()
        page.screenshot(path=ARTIFACTS / "library-upload.png", full_page=True)

        open_tab(page, "问答")
        ask(page, "湖南省计划新建多少个省级中试平台？", 0)
        answer = page.locator("#chat .pa-answer").last
        assert "37" in answer.inner_text()
        assert "湖南省实施意见.txt" in " ".join(
            answer.locator(".pa-passage code").all_text_contents()
        )

        open_tab(page, "资料库")
        page.locator("#library").get_by_text("湖南省实施意见.txt").first.click()
        page.locator("#document .pa-document").wait_for()
        page.locator("#doc-title textarea, #doc-title input").first.fill(
            "湖南省融合实施意见（修订）"
        )
        page.locator("#save-doc").click()
        page.locator("#library-status").get_by_text("已保存").wait_for()
        page.locator("#library").get_by_text("湖南省融合实施意见（修订）").first.wait_for()

        page.locator("#delete-doc").click()
        page.locator("#library-status").get_by_text("已删除").wait_for()
        page.wait_for_function(
            "!document.querySelector('#library').innerText.includes('湖南省实施意见.txt')"
        )
    finally:
        context.close()
        app.close()


def test_a_viewer_signs_in_with_the_keyboard_and_is_refused_a_delete(browser, settings, tmp_path):
    """Users with roles: the login form (Enter submits), then the 资料库 tab's delete button as a
    viewer — refused by the server with a Chinese message, the document kept, the attempt logged."""
    from conftest import start_web

    from assistant import Assistant
    from assistant.surfaces.accounts import Accounts
    from assistant.surfaces.audit import entries

    home = tmp_path / "home"
    Accounts(home).add("vera", "viewer", "viewer-pass-1")
    configured = settings.model_copy(
        update={"home": home, "library_dir": home / "library", "auth": None}
    )
    draft = tmp_path / "草案.txt"
    draft.write_text("宁夏科技创新草案\n宁夏回族自治区将建设中试基地5个。", "utf-8")
    Assistant(configured).ingest([draft])
    app, url = start_web(configured)
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(url)
        fields = page.locator("input:visible")
        fields.nth(0).fill("vera")
        fields.nth(1).fill("viewer-pass-1")
        fields.nth(1).press("Enter")
        open_tab(page, "资料库")
        page.locator("#library").get_by_text("草案.txt").first.click()
        page.locator("#document .pa-document").wait_for()
        page.locator("#delete-doc").click()
        page.get_by_text("没有权限删除文档").first.wait_for()
        page.screenshot(path=ARTIFACTS / "viewer-refused.png", full_page=True)
        assert "草案.txt" in page.locator("#library").inner_text()
        assert [e["outcome"] for e in entries(home) if e["action"] == "delete"] == ["denied"]
    finally:
        context.close()
        app.close()
