"""Endpoint faults, over real HTTP to the fake server: bounded retries, then a marked fallback.

Every fault is tried twice: persistent (the answer falls back to the offline extractive answer
with a notice, after at most `llm_max_retries + 1` requests) and once only (the retry recovers
and the model's answer is shown). No wait outlasts `llm_timeout`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from conftest import free_port, llm_settings

from assistant import Assistant
from assistant.llm.faults import REASONS
from fake_openai import FakeOpenAIServer
from test_llm import faithful_model

QUESTION = "2025年上半年全国登记了多少技术合同？"
RETRIES = 2


@pytest.fixture()
def server():
    with FakeOpenAIServer() as srv:
        srv.responder = faithful_model
        yield srv


def robust(settings, base_url: str, **update) -> Assistant:
    """An LLM assistant with retries on, as shipped (two retries), and a short time budget."""
    values = {"llm_max_retries": RETRIES, "llm_timeout": 6.0, **update}
    return Assistant(llm_settings(settings, base_url).model_copy(update=values))


# (fault id, how to script it, expected LLMError kind, what the table calls it)
FAULTS = {
    "status-500": (lambda s: s.enqueue_fault("status", status=500), "server", "HTTP 500"),
    "status-429": (
        lambda s: s.enqueue_fault("status", status=429, retry_after=0.2),
        "rate_limit",
        "429 with Retry-After",
    ),
    "malformed": (lambda s: s.enqueue_fault("malformed"), "malformed", "malformed JSON body"),
    "cut-stream": (
        lambda s: s.enqueue_fault("cut_stream"),
        "cut",
        "response cut off mid-answer",
    ),
    "empty": (lambda s: s.enqueue_fault("empty"), "empty", "empty completion"),
    "hang-up": (lambda s: s.enqueue_fault("close"), "connection", "connection closed, no reply"),
    "citations": (
        lambda s: s.enqueue("全国共登记技术合同近41万件[9]。"),
        "citations",
        "citation numbers out of range ([9] of 6 passages)",
    ),
}


def run(assistant: Assistant, streaming: bool):
    started = time.monotonic()
    if streaming:
        events = list(assistant.stream(QUESTION))
        answer = events[-1].answer
    else:
        events, answer = [], assistant.ask(QUESTION)
    return answer, events, time.monotonic() - started


def shown(events) -> str:
    """The text a streaming client shows at the end: deltas appended, a reset clears them."""
    text = ""
    for event in events:
        text = (
            text + event.delta if event.kind == "delta" else "" if event.kind == "reset" else text
        )
    return text


def chat_requests(server: FakeOpenAIServer) -> int:
    return sum(r.path.endswith("/chat/completions") for r in server.requests)


def assert_fallback(answer, kind: str) -> None:
    assert answer.fallback == kind
    assert answer.model == "extractive" and not answer.refused
    assert REASONS[kind] in answer.notice and "离线" in answer.notice
    assert "近41万件" in answer.answer
    assert answer.sentences and all(s.status == "supported" for s in answer.sentences)


def describe(answer, requests: int) -> str:
    if answer.fallback:
        return (
            f"{requests} requests ({requests - 1} retries with back-off), then the offline answer, "
            f"every sentence cited and verified, marked “{REASONS[answer.fallback]}”"
        )
    return f"retried ({requests} requests): the model's answer, citations verified"


@pytest.mark.parametrize("streaming", [False, True], ids=["ask", "stream"])
@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_persistent_fault_falls_back_to_the_marked_offline_answer(
    settings, server, fault, streaming, observe
):
    script, kind, label = FAULTS[fault]
    for _ in range(RETRIES + 1):
        script(server)
    answer, events, _ = run(robust(settings, server.base_url), streaming)
    assert_fallback(answer, kind)
    assert chat_requests(server) == RETRIES + 1  # bounded
    if streaming:  # what was shown before the failure is withdrawn before the fallback
        assert shown(events).strip() == answer.answer
    observe("endpoint", f"{label}, every attempt", describe(answer, chat_requests(server)))


@pytest.mark.parametrize("streaming", [False, True], ids=["ask", "stream"])
@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_single_fault_is_retried_and_the_model_answers(
    settings, server, fault, streaming, observe
):
    script, _, label = FAULTS[fault]
    script(server)
    answer, events, _ = run(robust(settings, server.base_url), streaming)
    assert not answer.fallback and answer.model == "fake-chat"
    assert chat_requests(server) == 2
    assert answer.sentences and all(s.status == "supported" for s in answer.sentences)
    if streaming and fault in ("cut-stream", "citations"):  # partial text was withdrawn
        assert "reset" in [e.kind for e in events]
    observe("endpoint", f"{label}, once", describe(answer, chat_requests(server)))


def test_retry_after_is_honoured(settings, server, observe):
    server.enqueue_fault("status", status=429, retry_after=1.5)
    answer, _, seconds = run(robust(settings, server.base_url), False)
    assert not answer.fallback and seconds >= 1.5
    observe(
        "endpoint", "429 with Retry-After: 1.5", f"waited {seconds:.1f} s, then the model's answer"
    )


def test_a_retry_after_beyond_the_budget_falls_back_at_once(settings, server, observe):
    server.enqueue_fault("status", status=429, retry_after=120)
    answer, _, seconds = run(robust(settings, server.base_url, llm_timeout=5.0), False)
    assert_fallback(answer, "rate_limit")
    assert chat_requests(server) == 1 and seconds < 2
    observe(
        "endpoint",
        "429 with Retry-After: 120 (beyond the 5 s budget)",
        f"no pointless wait: one request, offline answer marked “{REASONS['rate_limit']}” at once",
    )


@pytest.mark.parametrize("streaming", [False, True], ids=["ask", "stream"])
def test_a_hanging_endpoint_never_holds_the_answer_past_the_timeout(
    settings, server, streaming, observe
):
    server.default_fault = server.enqueue_fault("delay", seconds=60)
    budget = 2.0
    answer, _, seconds = run(robust(settings, server.base_url, llm_timeout=budget), streaming)
    assert_fallback(answer, "timeout")
    assert seconds < budget + 1.0
    observe(
        "endpoint",
        f"endpoint hangs (no reply for 60 s), llm_timeout {budget:g} s",
        f"offline answer marked “{REASONS['timeout']}” within the budget (< {budget + 1:g} s)",
    )


def test_connection_refused(settings, observe):
    base_url = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there
    answer, _, _ = run(robust(settings, base_url), False)
    assert_fallback(answer, "connection")
    observe(
        "endpoint",
        "connection refused",
        f"{RETRIES} retries, then the offline answer marked “{REASONS['connection']}”",
    )


def test_a_rejected_key_is_not_retried(settings, observe):
    with FakeOpenAIServer(api_key="the-right-key") as srv:
        answer, _, _ = run(robust(settings, srv.base_url), False)
        assert_fallback(answer, "auth")
        assert chat_requests(srv) == 1
    observe(
        "endpoint", "401 (wrong API key)", f"not retried; offline answer marked “{REASONS['auth']}”"
    )


def test_a_failed_follow_up_rewrite_uses_the_offline_rules(settings, server):
    server.default_fault = server.enqueue_fault("status", status=500)
    history = [
        {"role": "user", "content": "2025年上半年全国登记了多少技术合同？"},
        {"role": "assistant", "content": "全国共登记技术合同近41万件[1]。"},
    ]
    answer = robust(settings, server.base_url).ask("成交额呢？", history=history)
    assert answer.fallback == "server" and "技术合同" in answer.standalone_question


def cli(home, base_url: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = dict(
        os.environ,
        ASSISTANT_HOME=str(home),
        OPENAI_BASE_URL=base_url,
        OPENAI_API_KEY="sk-cli-secret-key-0123456789",
        ASSISTANT_CHAT_MODEL="fake-chat",
        ASSISTANT_LLM_TIMEOUT="5",
        **env,
    )
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "fault", ["status-500", "malformed", "hang-up", "refused", "timeout"], ids=str
)
def test_the_cli_prints_the_marked_fallback_never_a_traceback(shared_home, server, fault, observe):
    base_url = server.base_url
    if fault == "refused":
        base_url = f"http://127.0.0.1:{free_port()}/v1"
    elif fault == "timeout":
        server.default_fault = server.enqueue_fault("delay", seconds=60)
    else:
        server.default_fault = server.enqueue_fault(
            {"status-500": "status", "malformed": "malformed", "hang-up": "close"}[fault]
        )
    done = cli(shared_home, base_url, "ask", QUESTION)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "近41万件" in done.stdout and "注：大模型暂时无法使用" in done.stdout
    assert "sk-cli-secret" not in done.stderr + done.stdout
    as_json = json.loads(cli(shared_home, base_url, "ask", "--json", QUESTION).stdout)
    assert as_json["fallback"] and as_json["model"] == "extractive"
    observe(
        "endpoint",
        f"CLI `assistant ask` against: {fault}",
        f"exit 0; the offline answer with “注：{as_json['notice']}”; `--json` has "
        f'fallback="{as_json["fallback"]}"; no traceback',
    )


def test_the_plan_falls_back_with_a_note_when_the_endpoint_fails(settings, server, observe):
    server.default_fault = server.enqueue_fault("status", status=503)
    outline = robust(settings, server.base_url).plan("河北省")
    assert any(REASONS["server"] in note for note in outline.notes)
    assert outline.sections and chat_requests(server) == RETRIES + 1
    observe(
        "endpoint",
        "`plan` while the endpoint answers 503",
        f"{RETRIES + 1} requests, then the offline outline with the note “大模型起草未成功（{REASONS['server']}）…”",
    )


def test_vector_search_falls_back_to_keywords_when_the_embedding_endpoint_fails(
    tmp_path, server, observe
):
    """`ASSISTANT_EMBEDDING=openai`: index built with the endpoint's embeddings; when it then
    fails, answers come from keyword search alone, with a notice — not an error."""
    from conftest import REPO

    from assistant.config import Settings

    settings = Settings(
        home=tmp_path,
        seeds_dir=REPO / "seeds",
        generator="extractive",
        embedding="openai",
        embedding_model="fake-embedding",
        openai_base_url=server.base_url,
        openai_api_key="test-key",
        llm_max_retries=1,
        llm_timeout=5,
    )
    assistant = Assistant(settings)
    healthy = assistant.ask(QUESTION)
    embedded = sum(r.path.endswith("/embeddings") for r in server.requests)
    assert embedded > 1 and not healthy.notice  # corpus and question embedded by the endpoint
    server.default_fault = server.enqueue_fault("status", status=503)
    degraded = assistant.ask(QUESTION)
    assert "仅按关键词检索" in degraded.notice and "近41万件" in degraded.answer
    assert degraded.sentences and all(s.status == "supported" for s in degraded.sentences)
    observe(
        "endpoint",
        "embedding endpoint answers 503 (`ASSISTANT_EMBEDDING=openai`)",
        "keyword (BM25) search only, answer cited and verified, notice “向量检索暂不可用”",
    )
