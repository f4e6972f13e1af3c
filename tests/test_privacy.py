"""Secrets and privacy: keys never logged or shown, no document text in logs, and no connection
anywhere but the configured endpoint — checked on real processes under a network guard."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import httpx
import pytest
from gradio_client import Client
from served import Served, guarded_env, violations

from fake_openai import FakeOpenAIServer
from test_llm import faithful_model

KEY = "sk-privacy-test-0123456789abcdef"
PASSWORD = "correct-horse-battery"
BODY = (
    "宁夏回族自治区推进科技创新和产业创新深度融合三年行动。",
    "到2026年，宁夏建成自治区级中试基地19个，培育科技型中小企业2850家。",
    "宁夏设立产业技术研究院专项资金，每年安排4.6亿元支持关键核心技术攻关。",
)
QUESTION = "宁夏建成了多少个自治区级中试基地？"


@pytest.fixture()
def endpoint():
    with FakeOpenAIServer(api_key=KEY, responder=faithful_model) as server:
        yield server


def environment(home, endpoint, log, *ports: int, level: str = "INFO") -> dict[str, str]:
    env = dict(
        os.environ,
        ASSISTANT_HOME=str(home),
        OPENAI_BASE_URL=endpoint.base_url,
        OPENAI_API_KEY=KEY,
        ASSISTANT_CHAT_MODEL="fake-chat",
        ASSISTANT_LOG_LEVEL=level,
        ASSISTANT_LLM_TIMEOUT="10",
    )
    for name in ("ASSISTANT_AUTH", "ASSISTANT_GENERATOR"):
        env.pop(name, None)
    endpoint_port = int(endpoint.base_url.split(":")[2].split("/")[0])
    return guarded_env(env, log, [("127.0.0.1", endpoint_port)] + [("127.0.0.1", p) for p in ports])


def assistant(env, cwd, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_guard_refuses_and_records_any_other_connection(tmp_path, endpoint):
    """The control: the guard really catches an outside lookup and an outside address."""
    log = tmp_path / "net.log"
    env = environment(tmp_path, endpoint, log)
    script = (
        "import socket, urllib.request\n"
        "for probe in (lambda: urllib.request.urlopen('http://example.com', timeout=2),\n"
        "              lambda: socket.create_connection(('10.255.255.1', 80), timeout=2)):\n"
        "    try: probe()\n"
        "    except OSError: pass\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=60)
    assert violations(log) == ["lookup 'example.com'", "connect ('10.255.255.1', 80)"]


def test_the_cli_reaches_nothing_but_the_endpoint_and_logs_no_secrets(tmp_path, endpoint, observe):
    log = tmp_path / "net.log"
    env = environment(tmp_path / "home", endpoint, log)
    document = tmp_path / "宁夏行动.txt"
    document.write_text("\n".join(BODY), "utf-8")
    runs = [
        assistant(env, tmp_path, "ingest", str(document)),
        assistant(env, tmp_path, "ask", "--json", QUESTION),
        assistant(env, tmp_path, "plan", "--province", "宁夏", "--format", "json"),
        assistant(env, tmp_path, "index"),
    ]
    for done in runs:
        assert done.returncode == 0, done.stderr
        assert KEY not in done.stdout + done.stderr
        assert not [s for s in BODY[1:] if s in done.stderr], done.stderr  # no text in logs
    answer = json.loads(runs[1].stdout)
    assert "19个" in answer["answer"] and answer["model"] == "fake-chat"
    assert any(r.headers.get("authorization") == f"Bearer {KEY}" for r in endpoint.requests)
    assert violations(log) == []
    observe(
        "privacy",
        "CLI ingest, ask (LLM), plan (LLM), index under a network guard, log level INFO",
        "only the configured endpoint contacted; key never printed; no document text on stderr",
    )


def test_a_server_echoing_the_key_does_not_get_it_into_the_logs(tmp_path, endpoint, observe):
    log = tmp_path / "net.log"
    env = environment(tmp_path / "home", endpoint, log, level="DEBUG")
    endpoint.default_fault = endpoint.enqueue_fault(
        "status", status=401, message=f"Incorrect API key provided: {KEY}."
    )
    done = assistant(env, tmp_path, "ask", "2025年上半年全国登记了多少技术合同？")
    assert done.returncode == 0 and "注：大模型暂时无法使用" in done.stdout
    assert "Incorrect API key provided: ***" in done.stderr  # the record is there, redacted
    assert KEY not in done.stdout + done.stderr
    observe(
        "privacy",
        "endpoint answers 401 echoing the API key; log level DEBUG",
        "key replaced by *** in every log line; offline answer with a notice",
    )


def test_the_web_ui_reaches_nothing_but_the_endpoint_and_shows_no_secrets(
    tmp_path, shared_home, endpoint, observe
):
    from conftest import free_port

    port = free_port()
    log = tmp_path / "net.log"
    env = environment(shared_home, endpoint, log, port)
    env["ASSISTANT_AUTH"] = f"alice:{PASSWORD}"
    served = Served(env, tmp_path, port)
    try:
        client = Client(served.url, auth=("alice", PASSWORD), verbose=False)
        answer = client.predict("2025年上半年全国登记了多少技术合同？", [], api_name="/ask")
        plan = client.predict("河北省", "", api_name="/plan")
        with pytest.raises(Exception, match="问题不能为空"):
            client.predict("   ", [], api_name="/ask")
        pages = [
            httpx.get(served.url + path, auth=None, timeout=30).text
            for path in ("", "config", "gradio_api/info")
        ]
    finally:
        stderr = served.stop()
    assert answer["model"] == "fake-chat" and "近41万件" in answer["answer"]
    assert plan["sections"]
    assert "Traceback" not in stderr  # a rejected question is a message, not a logged crash
    for text in pages + [stderr, json.dumps(answer, ensure_ascii=False)]:
        assert KEY not in text and PASSWORD not in text
    sentences = [s["text"] for s in answer["sentences"]]
    assert sentences and not [s for s in sentences if s.rstrip("。") in stderr]
    assert violations(log) == []
    observe(
        "privacy",
        "`assistant serve` (login on, LLM endpoint) under a network guard: ask, plan, pages",
        "only the endpoint and the app's own port contacted; key and password in no page, "
        "API reply or log line; no answer text in the INFO log",
    )
