"""A model's typical slips, over real HTTP from the local fake endpoint, flagged wherever the user
sees them: `ask --json`, the CLI, the web UI (in a browser) and a plan's DOCX. The same sentence
with the right province, figure and quotation passes.

The library is one document the test writes (a province's action plan); the fake model answers
with one sentence restating its passage — faithfully, or with the province swapped, 千家 turned
into 万家, or the quoted formula reversed.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import docx
import pytest
from conftest import llm_settings
from test_llm_faults import cli as run_cli
from test_plans import plan_parts

from fake_openai import FakeOpenAIServer
from test_llm import passages_in

BODY = (
    "宁夏回族自治区中小企业协同创新行动方案",
    "宁夏每年支持千家中小企业联合高校、院所开展协同创新，推动大型企业科研设施与中小企业共享共用。",
    "宁夏推广“为场景找技术”模式，在各类开发区打造成果转化试验场。",
    "到2027年，宁夏建成自治区级中试基地25个，培育科技型中小企业3000家。",
)
QUESTION = "宁夏每年支持多少家中小企业开展协同创新？"
SENTENCES = {
    "right": ("宁夏每年支持千家中小企业联合高校、院所开展协同创新", "千家"),
    "province": ("甘肃每年支持千家中小企业联合高校、院所开展协同创新", "千家"),
    "number": ("宁夏每年支持万家中小企业联合高校、院所开展协同创新", "千家"),
    "quote": ("宁夏推广“为技术找场景”模式，在各类开发区打造成果转化试验场", "为场景找技术"),
}
REASONS = {"province": "甘肃", "number": "万家", "quote": "为技术找场景"}


class Model:
    """Answers with the sentence of `mode`, citing the passage that holds its anchor."""

    def __init__(self) -> None:
        self.mode = "right"

    def sentence(self, passages: dict[int, str]) -> str:
        text, anchor = SENTENCES[self.mode]
        n = next(n for n, body in sorted(passages.items()) if anchor in body)
        return f"{text}[{n}]。"

    def __call__(self, request) -> str:
        if "部分 " in request["messages"][-1]["content"]:  # the plan prompt
            return self.plan(request)
        return self.sentence(passages_in(request))

    def plan(self, request) -> str:
        parts = plan_parts(request)
        found = {n: text for passages in parts.values() for n, text in passages}
        sections = [{"key": key, "items": []} for key in parts]
        sections[0]["items"].append({"text": self.sentence(found)})
        return json.dumps({"sections": sections}, ensure_ascii=False)


@pytest.fixture(scope="module")
def model():
    responder = Model()
    with FakeOpenAIServer(responder=responder) as server:
        yield responder, server


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    from assistant import Assistant
    from assistant.config import Settings

    root = tmp_path_factory.mktemp("claims")
    (root / "seeds").mkdir()
    document = root / "宁夏中小企业协同创新行动方案.txt"
    document.write_text("\n".join(BODY), "utf-8")
    settings = Settings(home=root / "home", seeds_dir=root / "seeds", generator="extractive")
    Assistant(settings).ingest([document])
    return settings


def cli(settings, server, *args: str) -> subprocess.CompletedProcess:
    """The command over the test's library, answering with the fake model."""
    return run_cli(
        settings.home,
        server.base_url,
        *args,
        ASSISTANT_SEEDS_DIR=str(settings.seeds_dir),
        ASSISTANT_GENERATOR="llm",
        ASSISTANT_LLM_MAX_RETRIES="0",
    )


@pytest.mark.parametrize("mode", ["right", "province", "number", "quote"])
def test_ask_json_flags_the_slip_and_passes_the_faithful_sentence(home, model, mode):
    responder, server = model
    responder.mode = mode
    done = cli(home, server, "ask", "--json", QUESTION)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["model"] == "fake-chat"
    [sentence] = answer["sentences"]
    if mode == "right":
        assert sentence["status"] == "supported" and not sentence["issues"]
    else:
        assert sentence["status"] == "unsupported"
        assert any(REASONS[mode] in issue for issue in sentence["issues"]), sentence


def test_the_cli_marks_the_sentence_with_the_reason(home, model):
    responder, server = model
    responder.mode = "province"
    done = cli(home, server, "ask", QUESTION)
    assert done.returncode == 0, done.stderr
    flagged = [line for line in done.stdout.splitlines() if "⚠" in line]
    assert flagged and "引用段落未提及甘肃" in flagged[0], done.stdout


@pytest.mark.parametrize("mode", ["right", "number"])
def test_a_plan_item_with_the_slip_carries_the_reason_into_the_docx(home, model, tmp_path, mode):
    from assistant import Assistant
    from assistant.plans.export import write

    responder, server = model
    responder.mode = mode
    outline = Assistant(llm_settings(home, server.base_url)).plan("宁夏")
    [item] = [i for i in outline.items() if SENTENCES[mode][0][-8:] in i.text]
    document = docx.Document(str(write(outline, "docx", tmp_path / "plan.docx")))
    comments = [c.text for c in document.comments]
    if mode == "right":
        assert item.status == "supported"
        assert not any("万家" in c for c in comments)
    else:
        assert item.status == "unsupported" and any("万家" in i for i in item.issues)
        assert any("万家" in c for c in comments), comments


def test_the_web_ui_underlines_the_slip_and_names_it_in_the_tooltip(home, model):
    from conftest import start_web
    from test_ui_browser import CHROMIUM_ARGS, TIMEOUT_MS, ask

    playwright = pytest.importorskip("playwright.sync_api")

    responder, server = model
    app, url = start_web(llm_settings(home, server.base_url))
    try:
        with playwright.sync_playwright() as driver:
            browser = driver.chromium.launch(
                executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
            )
            page = browser.new_page(locale="zh-CN", viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(url)
            responder.mode = "quote"
            ask(page, QUESTION, 0)
            answer = page.locator("#chat .pa-answer").last
            flagged = answer.locator(".pa-s.pa-bad")
            assert flagged.count() == 1
            assert "为技术找场景" in flagged.get_attribute("title")
            responder.mode = "right"
            ask(page, QUESTION, 1)
            answer = page.locator("#chat .pa-answer").last
            assert answer.locator(".pa-s.pa-bad").count() == 0
            assert answer.locator(".pa-s.pa-ok").count() == 1
            browser.close()
    finally:
        app.close()
