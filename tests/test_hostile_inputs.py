"""Every hostile question of tests/hostile_inputs.py through every surface.

For each case: the Python API (`Assistant.ask`), the CLI (all cases through ONE
`assistant ask --batch` process; a handful also as `assistant ask TEXT` / `assistant ask -`), and
the web UI (the `/ask` endpoint through `gradio_client`; a handful in a real browser). Whatever the
input, each surface either rejects it with a Chinese message or gives an answer that is a refusal
or cites a passage in every sentence; no traceback, no markup from the question ever becomes HTML,
nothing is requested from another host, and a real question wrapped in junk is still answered.

What the surfaces did is recorded per case with `observe("question", …)` for the README's
hardening table; the summary is built from the outcomes, not written per case.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import httpx
import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError
from hostile_inputs import DESCRIPTIONS, HOSTILE, REAL_FIGURE, WRAPPED

from assistant.answer.questions import QuestionError
from assistant.surfaces.ui.render import answer_html, error_html, user_html

try:  # the browser fixtures, where playwright is installed (test_ui_browser skips otherwise)
    from test_ui_browser import ask as browser_ask
    from test_ui_browser import browser, page  # noqa: F401  (fixtures used by name)
except pytest.skip.Exception:  # pragma: no cover
    browser_ask = None

TEXT = dict(HOSTILE)
NAMES = [name for name, _ in HOSTILE]
CJK = re.compile(r"[\u4e00-\u9fff]")
# What must never appear in an answer unless a cited passage says it.
DANGER = re.compile(
    r"<\s*script|<\s*iframe|<\s*img|onerror\s*=|onload\s*=|javascript:|https?://\S+|www\.\S+|evil\.example",
    re.I,
)
MARKUP = re.compile(r"<\s*/?\s*[a-z!]|!\[[^\]]*\]\(|\]\([^)]*\)|javascript:", re.I)
CONTRACT = {"question", "answer", "refused", "passages", "citations", "sentences", "model"}
MAX_BATCH_RUNS = 8  # the batch is restarted after a case that aborts it, at most this often

# Direct `assistant ask` runs: how the case is passed (argv cannot carry NUL bytes).
DIRECT = {
    "empty": "argv",
    "control_only": "argv",
    "html_script": "argv",
    "long_token_20k": "argv",
    "sql_drop": "argv",
    "path_unix": "argv",
    "huge_100k": "stdin",
    "wrap_nul": "stdin",
    "nul_only": "stdin",
}
BROWSER = [
    "html_script",
    "img_onerror",
    "wrap_md_image",
    "iframe",
    "md_javascript_link",
    "huge_100k",
    "wrap_emoji",
]


# --- outcomes, checked the same way on every surface ---


@dataclass
class Outcome:
    """What one surface did with one question."""

    kind: str  # "error" (rejected with a message), "refused" or "answered"
    text: str  # the error message or the answer text
    citations: tuple[int, ...] = ()
    notice: str = ""
    html: str = ""  # what the web chat shows for it (ui_render), checked for live markup

    def same_as(self, other: Outcome) -> bool:
        return (self.kind, self.text, self.citations) == (other.kind, other.text, other.citations)


def error_outcome(message: str, where: str) -> Outcome:
    assert CJK.search(message), f"{where}: the error message is not Chinese: {message!r}"
    assert "Traceback" not in message, f"{where}: a traceback in the message: {message!r}"
    return Outcome("error", message)


def record_outcome(name: str, record: dict, where: str) -> Outcome:
    """Check an answer in the `ask --json` contract; a refusal or cited in every sentence."""
    missing = CONTRACT - set(record)
    assert not missing, f"{where}: the answer lacks {sorted(missing)}"
    answer, passages = record["answer"], record["passages"]
    assert answer and CJK.search(answer), f"{where}: empty or non-Chinese answer {answer!r}"
    if record["refused"]:
        kind, cited = "refused", []
    else:
        kind = "answered"
        assert record["sentences"], f"{where}: an answer with no checked sentences"
        for sentence in record["sentences"]:
            assert sentence["citations"], f"{where}: uncited sentence {sentence['text']!r}"
            for n in sentence["citations"]:
                assert 1 <= n <= len(passages), f"{where}: [{n}] cites no passage"
        cited = [passages[n - 1]["text"] for n in record["citations"]]
    for match in DANGER.finditer(answer):
        assert any(match.group() in text for text in cited), (
            f"{where}: {match.group()!r} in the answer is not from a cited passage: {answer!r}"
        )
    if name in WRAPPED:
        assert kind == "answered" and REAL_FIGURE in answer, (
            f"{where}: the real question inside {name} lost its answer "
            f"({REAL_FIGURE} missing): {answer!r}"
        )
    return Outcome(kind, answer, tuple(record["citations"]), record.get("notice") or "")


# --- rendered HTML: nothing from the question may become an element or a link ---

ALLOWED_TAGS = {
    "div",
    "span",
    "p",
    "a",
    "br",
    "details",
    "summary",
    "blockquote",
    "mark",
    "code",
    "button",
}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}>")
        for attr, value in attrs:
            if attr.startswith("on") or attr in ("src", "srcdoc", "style", "formaction"):
                self.problems.append(f"{tag}[{attr}]")
            if attr == "href" and value != "#":
                self.problems.append(f"{tag}[href={value!r}]")


def check_rendered(html: str, where: str) -> None:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    assert not parser.problems, f"{where}: live markup in the chat HTML: {parser.problems}"


# --- the Python API ---

_api: dict[str, Outcome] = {}


def api_outcome(assistant, name: str) -> Outcome:
    """`assistant.ask(text)`: QuestionError with a Chinese message, or a checked answer."""
    if name not in _api:
        text = TEXT[name]
        try:
            answer = assistant.ask(text)
        except QuestionError as exc:
            outcome = error_outcome(str(exc), "API")
            outcome.html = user_html(text) + error_html(str(exc))
        else:
            outcome = record_outcome(name, answer.to_json(), "API")
            outcome.html = user_html(text) + answer_html(answer, "t0-test")
        check_rendered(outcome.html, "API → ui_render")
        _api[name] = outcome
    return _api[name]


# --- the CLI ---


@pytest.fixture(scope="module")
def cli(tmp_path_factory, shared_home, assistant):
    """Run `python -m assistant …` as a user does, over the session's index (built once)."""
    assistant.build_index()
    workdir = tmp_path_factory.mktemp("hostile-cli")
    env = dict(os.environ, ASSISTANT_HOME=str(shared_home), ASSISTANT_GENERATOR="extractive")
    env.pop("OPENAI_API_KEY", None)
    env.pop("OPENAI_BASE_URL", None)

    def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "assistant", *args],
            cwd=workdir,
            env=env,
            input=stdin,
            capture_output=True,
            timeout=300,
        )

    run.workdir = workdir  # type: ignore[attr-defined]
    return run


def _out(data: bytes) -> str:
    return data.decode("utf-8", "replace")


@dataclass
class BatchLine:
    record: dict | None  # the JSON line printed for the case, None if the process died on it
    stderr: str
    returncode: int


def run_batch(cli, cases: list[tuple[str, str]], ensure_ascii: bool) -> dict[str, BatchLine]:
    """All `cases` through one `assistant ask --batch` process (JSONL, a `question` per line).

    If the process dies part-way, the case it died on gets no record and a new process takes
    the rest, so one bad case cannot hide the outcome of all those after it.
    """
    results: dict[str, BatchLine] = {}
    pending = list(cases)
    for attempt in range(MAX_BATCH_RUNS):
        if not pending:
            break
        path = cli.workdir / f"batch-{int(ensure_ascii)}-{attempt}.jsonl"
        with open(path, "w", encoding="utf-8", errors="surrogatepass") as batch:
            for _, text in pending:
                batch.write(json.dumps({"question": text}, ensure_ascii=ensure_ascii) + "\n")
        done = cli("ask", "--batch", str(path))
        stderr = _out(done.stderr)
        # one JSON object per line; split on \n only (a question may hold U+2028, NEL …)
        lines = [line for line in _out(done.stdout).split("\n") if line.strip()]
        for (name, _), line in zip(pending, lines, strict=False):
            results[name] = BatchLine(json.loads(line), stderr, done.returncode)
        if done.returncode == 0 and len(lines) == len(pending):
            return results
        if not lines and len(pending) > 1 and _answers_alone(cli, pending[0][1], ensure_ascii):
            for name, _ in pending:  # the file as a whole, not its first case, stopped it
                results[name] = BatchLine(None, stderr, done.returncode)
            return results
        results[pending[len(lines)][0]] = BatchLine(None, stderr, done.returncode)
        pending = pending[len(lines) + 1 :]
    for name, _ in pending:
        results[name] = BatchLine(None, "not run: the batch kept aborting", -1)
    return results


def _answers_alone(cli, text: str, ensure_ascii: bool) -> bool:
    path = cli.workdir / "batch-one.jsonl"
    path.write_text(json.dumps({"question": text}, ensure_ascii=ensure_ascii) + "\n", "utf-8")
    return cli("ask", "--batch", str(path)).returncode == 0


@pytest.fixture(scope="module")
def batch(cli) -> dict[str, BatchLine]:
    return run_batch(cli, HOSTILE, ensure_ascii=True)


def batch_outcome(name: str, line: BatchLine) -> Outcome:
    assert "Traceback" not in line.stderr, f"CLI batch: traceback on stderr:\n{line.stderr}"
    assert line.record is not None, (
        f"CLI batch: the process died on this case (exit {line.returncode}), "
        f"losing the rest of the batch: {line.stderr.strip()[-500:]}"
    )
    if "error" in line.record:
        assert "question" in line.record, "CLI batch: error line without its question"
        return error_outcome(line.record["error"], "CLI batch")
    return record_outcome(name, line.record, "CLI batch")


_direct: dict[str, int] = {}


@pytest.mark.parametrize("name", list(DIRECT))
def test_cli_ask_directly(cli, assistant, name):
    """`assistant ask TEXT` / `assistant ask -`: exit 0 or 2, a Chinese message, no traceback."""
    text, api = TEXT[name], api_outcome(assistant, name)
    if DIRECT[name] == "stdin":
        done = cli("ask", "-", stdin=text.encode("utf-8"))
    else:
        done = cli("ask", text)
    stdout, stderr = _out(done.stdout), _out(done.stderr)
    assert "Traceback" not in stderr, stderr
    assert done.returncode in (0, 2), (done.returncode, stderr)
    if api.kind == "error":
        assert done.returncode == 2 and api.text in stderr, (done.returncode, stderr)
        assert CJK.search(stderr) and not stdout.strip()
    else:
        assert done.returncode == 0 and api.text in stdout, (done.returncode, stdout, stderr)
    _direct[name] = done.returncode


# --- the web UI ---


@pytest.fixture(scope="module")
def ui(web_url) -> Client:
    return Client(web_url, verbose=False, download_files=False)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _raw_ask(url: str, text: str) -> dict | str:
    """`/ask` over Gradio's REST API with ASCII-escaped JSON (for text `gradio_client` cannot
    send, such as a lone surrogate): the answer dict, or the error message."""
    body = json.dumps({"data": [text, None, None]}).encode("ascii")
    with httpx.Client(base_url=url, timeout=60) as http:
        started = http.post(
            "gradio_api/call/ask", content=body, headers={"content-type": "application/json"}
        )
        started.raise_for_status()
        events = http.get(f"gradio_api/call/ask/{started.json()['event_id']}").text
    event = re.search(r"^event: (complete|error)\ndata: (.*)$", events, re.M)
    assert event, events
    data = json.loads(event.group(2))
    return data[0] if event.group(1) == "complete" else str((data or {}).get("error"))


def ui_outcome(ui: Client, url: str, name: str) -> Outcome:
    text = TEXT[name]
    if _encodable(text):
        try:
            result = ui.predict(question=text, api_name="/ask")
        except AppError as exc:
            return error_outcome(str(exc), "UI /ask")
    else:
        result = _raw_ask(url, text)
        if isinstance(result, str):
            return error_outcome(result, "UI /ask")
    return record_outcome(name, result, "UI /ask")


# --- the real browser (a few cases): shown as text, nothing loads, no script runs ---

_browser: dict[str, str] = {}
_ELEMENTS = """() => ({
  script: [...document.scripts].filter(s => /alert\\(|evil\\.example/.test(s.textContent + s.src)).length,
  img: document.querySelectorAll('#chat img').length,
  iframe: document.querySelectorAll('iframe').length,
  handlers: [...document.querySelectorAll('#chat *')]
      .filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
  links: [...document.querySelectorAll('#chat a[href]')]
      .map(a => a.getAttribute('href')).filter(h => h !== '#'),
})"""


@pytest.mark.parametrize("name", BROWSER)
def test_in_the_browser(request, name):
    if browser_ask is None:
        pytest.skip("playwright is not installed")
    page = request.getfixturevalue("page")  # the fixture of test_ui_browser.py
    text = TEXT[name]
    browser_ask(page, text, 0)
    page.wait_for_timeout(300)  # time for an injected handler to fire, if there were one
    shown = page.locator("#chat .pa-user").last.inner_text()
    assert text.strip() in shown, "the question is not shown as typed"
    found = page.evaluate(_ELEMENTS)
    assert found == {"script": 0, "img": 0, "iframe": 0, "handlers": 0, "links": []}, found
    host = urlsplit(page.url).netloc
    outside = {
        urlsplit(u).netloc for u in page.requested if urlsplit(u).scheme in ("http", "https")
    }
    assert outside <= {host}, f"requests to other hosts: {outside - {host}}"
    assert not page.dialogs, f"a dialog opened: {page.dialogs}"
    _browser[name] = "browser shows it as text, loads nothing, runs no script"


# --- every case, every surface, one row of the hardening table ---

_GISTS = (
    ("不能为空", "empty question"),
    ("过长", "question too long"),
    ("必须是文本", "not text"),
    ("只有链接或图片", "only a link or an image, no words to search"),
    ("资料均为中文", "nothing Chinese to search (offline mode answers Chinese questions)"),
    ("不能执行改变规则", "injection blocked"),
    ("无法回答", "nothing in the texts answers it"),
    ("已忽略", "injected instruction dropped"),
    ("已拦截", "blocked"),
)


def gist(message: str) -> str:
    return next((english for fragment, english in _GISTS if fragment in message), "other")


def summary(name: str, api: Outcome, cli: Outcome, ui: Outcome) -> str:
    if api.kind == "error":
        head = f"rejected: {gist(api.text)} (Chinese message)"
        cli_part = "CLI batch error line"
        if name in _direct:
            cli_part += f", `ask` exit {_direct[name]}"
        parts = [head, f"API QuestionError, {cli_part}, UI error message"]
    else:
        if api.kind == "refused":
            head = f"refused: {gist(api.text)}"
        else:
            head = "answered with citations " + "".join(f"[{n}]" for n in api.citations)
            if name in WRAPPED:
                head += f"; key figure {REAL_FIGURE} kept"
        if api.notice and gist(api.notice) not in head:
            head += f"; notice: {gist(api.notice)}"
        same = "same answer" if api.kind == "answered" else "same refusal"
        cli_part = "CLI batch"
        if name in _direct:
            cli_part += f", `ask` (exit {_direct[name]})"
        parts = [head, f"{same} from API, {cli_part} and UI /ask"]
    if MARKUP.search(TEXT[name]):
        parts.append("markup shown as text")
    if name in _browser:
        parts.append(_browser[name])
    return "; ".join(parts)


@pytest.mark.parametrize("name", NAMES)
def test_hostile_question(name, assistant, batch, ui, web_url, observe):
    api = api_outcome(assistant, name)
    cli = batch_outcome(name, batch[name])
    web = ui_outcome(ui, web_url, name)
    assert cli.same_as(api), f"CLI batch and API differ: {cli} vs {api}"
    assert web.same_as(api), f"UI /ask and API differ: {web} vs {api}"
    observe("question", DESCRIPTIONS[name], summary(name, api, cli, web))


# --- the batch file itself, written the way people write it ---


def _one_line_per_case(cases: list[tuple[str, str]], done: subprocess.CompletedProcess) -> None:
    stderr = _out(done.stderr)
    assert "Traceback" not in stderr, stderr
    lines = [line for line in _out(done.stdout).split("\n") if line.strip()]
    assert done.returncode == 0 and len(lines) == len(cases), (
        f"exit {done.returncode}, {len(lines)} output lines for {len(cases)} questions: "
        f"{stderr.strip()[-300:]}"
    )
    for line in lines:
        record = json.loads(line)
        assert "error" in record or set(record) >= CONTRACT, record


def test_batch_of_raw_utf8_jsonl(cli):
    """JSONL as most tools write Chinese (`ensure_ascii=False`, so U+2028, U+2029 and NEL stay
    raw inside the JSON strings): one output line per question, as with escaped JSONL."""
    cases = [(name, text) for name, text in HOSTILE if _encodable(text)]
    path = cli.workdir / "raw.jsonl"
    path.write_text(
        "".join(json.dumps({"question": t}, ensure_ascii=False) + "\n" for _, t in cases), "utf-8"
    )
    split = [n for n, t in cases if len(json.dumps(t, ensure_ascii=False).splitlines()) > 1]
    try:
        _one_line_per_case(cases, cli("ask", "--batch", str(path)))
    except AssertionError as exc:
        raise AssertionError(
            f"{exc}\n(str.splitlines() splits the JSON lines of {split})"
        ) from None


def test_batch_of_plain_text_lines(cli):
    """A plain `questions.txt`, one question per line: every line gets its own output line."""
    cases = [
        (name, text)
        for name, text in HOSTILE
        if _encodable(text) and text.strip() and len(text.splitlines()) == 1
    ]
    path = cli.workdir / "questions.txt"
    path.write_text("".join(text + "\n" for _, text in cases), "utf-8")
    braced = [n for n, t in cases if t.strip().startswith("{") and not _is_json_object(t)]
    try:
        _one_line_per_case(cases, cli("ask", "--batch", str(path)))
    except AssertionError as exc:
        raise AssertionError(
            f"{exc}\n(lines starting with '{{' that are not JSON: {braced})"
        ) from None


def _is_json_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False
