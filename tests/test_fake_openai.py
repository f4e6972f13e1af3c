"""Tests for tests/fake_openai.py, driven by the real `openai` client over real HTTP."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator

import openai
import pytest
from openai import OpenAI

try:
    from tests.fake_openai import DEFAULT_REPLY, FakeOpenAIServer, Fault, fake_embedding
except ImportError:  # `tests` not importable as a package (plain `pytest`, rootdir not on sys.path)
    from fake_openai import DEFAULT_REPLY, FakeOpenAIServer, Fault, fake_embedding

MESSAGES = [{"role": "user", "content": "什么是产业创新？"}]


_clients: list[OpenAI] = []


@pytest.fixture(autouse=True)
def _close_clients() -> Iterator[None]:
    yield
    while _clients:
        _clients.pop().close()


@pytest.fixture
def srv() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


def client(srv: FakeOpenAIServer, **kwargs: object) -> OpenAI:
    """A real client without retries; closed automatically after the test."""
    options: dict = {"api_key": "test", "max_retries": 0, "timeout": 5, **kwargs}
    _clients.append(OpenAI(base_url=srv.base_url, **options))
    return _clients[-1]


def chat(c: OpenAI, **kwargs: object) -> str | None:
    return (
        c.chat.completions.create(model="fake-model", messages=MESSAGES, **kwargs)
        .choices[0]
        .message.content
    )


def test_enqueued_replies_fifo_then_responder(srv: FakeOpenAIServer) -> None:
    c = client(srv)
    srv.enqueue("first", "second")
    assert [chat(c), chat(c), chat(c)] == ["first", "second", DEFAULT_REPLY]
    srv.responder = lambda body: f"echo: {body['messages'][-1]['content']}"
    assert chat(c) == "echo: 什么是产业创新？"


def test_completion_shape_and_recorded_requests(srv: FakeOpenAIServer) -> None:
    srv.enqueue("答复")
    resp = client(srv).chat.completions.create(model="m-1", messages=MESSAGES, temperature=0.2)
    assert resp.object == "chat.completion" and resp.model == "m-1"
    assert resp.choices[0].finish_reason == "stop" and resp.usage is not None
    (req,) = srv.requests
    assert (req.method, req.path) == ("POST", "/v1/chat/completions")
    assert req["messages"] == MESSAGES and req["temperature"] == 0.2 and req["model"] == "m-1"
    assert req.headers["authorization"] == "Bearer test"


def test_streaming_splits_into_chunks(srv: FakeOpenAIServer) -> None:
    text = "推动科技创新和产业创新深度融合。"
    srv.enqueue(text)
    chunks = list(client(srv).chat.completions.create(model="m", messages=MESSAGES, stream=True))
    contents = [ch.choices[0].delta.content for ch in chunks]
    assert "".join(c or "" for c in contents) == text
    assert len([c for c in contents if c]) >= 3
    assert chunks[0].choices[0].delta.role == "assistant"
    assert chunks[-1].choices[0].finish_reason == "stop" and chunks[-1].usage is None
    assert {ch.id for ch in chunks} == {chunks[0].id} and chunks[0].id.startswith("chatcmpl-")
    assert all(
        ch.object == "chat.completion.chunk" and ch.model == "m" and ch.created for ch in chunks
    )
    assert srv.requests[0]["stream"] is True


def test_streaming_include_usage(srv: FakeOpenAIServer) -> None:
    chunks = list(
        client(srv).chat.completions.create(
            model="m", messages=MESSAGES, stream=True, stream_options={"include_usage": True}
        )
    )
    assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens == len(DEFAULT_REPLY)


def test_embeddings_deterministic(srv: FakeOpenAIServer) -> None:
    c = client(srv)
    one = c.embeddings.create(model="e", input="科技创新").data[0].embedding  # base64 by default
    again = c.embeddings.create(model="e", input=["科技创新", "产业"], encoding_format="float").data
    assert len(one) == 64 and one == again[0].embedding == fake_embedding("科技创新")
    assert again[1].embedding != one and [d.index for d in again] == [0, 1]
    assert abs(sum(v * v for v in one) - 1) < 1e-5
    assert len(c.embeddings.create(model="e", input="x", dimensions=8).data[0].embedding) == 8
    with FakeOpenAIServer(embedding_dim=16) as small:
        assert len(client(small).embeddings.create(model="e", input="x").data[0].embedding) == 16


def test_embeddings_reflect_character_overlap() -> None:
    def cos(a: list[float], b: list[float]) -> float:
        return sum(x * y for x, y in zip(a, b, strict=True))

    q = fake_embedding("科技创新政策")
    assert cos(q, fake_embedding("关于科技创新的政策")) > cos(q, fake_embedding("天气晴朗"))


def test_models(srv: FakeOpenAIServer) -> None:
    assert [m.id for m in client(srv).models.list()] == ["fake-model", "fake-embedding"]


@pytest.mark.parametrize(
    ("status", "error"), [(500, openai.InternalServerError), (503, openai.InternalServerError)]
)
def test_server_errors(srv: FakeOpenAIServer, status: int, error: type[Exception]) -> None:
    srv.enqueue_fault("status", status=status)
    with pytest.raises(error) as info:
        chat(client(srv))
    assert info.value.status_code == status and info.value.type == "server_error"


def test_rate_limit_has_retry_after(srv: FakeOpenAIServer) -> None:
    srv.enqueue_fault("status", status=429, message="slow down")
    with pytest.raises(openai.RateLimitError) as info:
        chat(client(srv))
    assert info.value.response.headers["Retry-After"] == "1"
    assert info.value.code == "rate_limit_exceeded" and "slow down" in str(info.value)


def test_faults_are_consumed_before_replies_and_retried(srv: FakeOpenAIServer) -> None:
    srv.enqueue("after retry")
    srv.enqueue_fault("status", status=503, retry_after=0.01)
    assert chat(client(srv, max_retries=1)) == "after retry"
    assert len(srv.requests) == 2


def test_default_fault_is_persistent(srv: FakeOpenAIServer) -> None:
    srv.default_fault = Fault("status", status=500)
    c = client(srv)
    for _ in range(2):
        with pytest.raises(openai.InternalServerError):
            chat(c)
    srv.default_fault = None
    assert chat(c) == DEFAULT_REPLY


def test_delay_triggers_client_timeout(srv: FakeOpenAIServer) -> None:
    srv.enqueue_fault("delay", seconds=2)
    start = time.monotonic()
    with pytest.raises(openai.APITimeoutError):
        chat(client(srv, timeout=0.3))
    assert time.monotonic() - start < 1.5
    assert chat(client(srv)) == DEFAULT_REPLY  # the server stays usable


def test_delay_then_normal_answer(srv: FakeOpenAIServer) -> None:
    srv.enqueue("late")
    srv.enqueue_fault("delay", seconds=0.1)
    assert chat(client(srv)) == "late"


def test_cut_stream_yields_prefix_then_raises_connection_error(srv: FakeOpenAIServer) -> None:
    # The SSE body uses chunked transfer encoding, so the abrupt close is detected by httpx:
    # the client first yields the chunks it received, then raises APIConnectionError.
    srv.enqueue("abcdefghijklmnop")
    srv.enqueue_fault("cut_stream")
    received: list[str] = []
    with pytest.raises(openai.APIConnectionError):
        for ch in client(srv).chat.completions.create(model="m", messages=MESSAGES, stream=True):
            received.append(ch.choices[0].delta.content or "")
    assert "".join(received) == "abcdefgh"  # half of the four 4-char chunks, no finish chunk


def test_cut_non_streaming_body_raises_connection_error(srv: FakeOpenAIServer) -> None:
    srv.enqueue_fault("cut_stream")
    with pytest.raises(openai.APIConnectionError):
        chat(client(srv))


@pytest.mark.parametrize("stream", [False, True])
def test_malformed_raises_json_decode_error(srv: FakeOpenAIServer, stream: bool) -> None:
    # openai does not wrap JSON errors in an APIError: a plain json.JSONDecodeError escapes.
    srv.enqueue_fault("malformed")
    with pytest.raises(json.JSONDecodeError):
        resp = client(srv).chat.completions.create(model="m", messages=MESSAGES, stream=stream)
        if stream:
            list(resp)


def test_empty_completion(srv: FakeOpenAIServer) -> None:
    srv.enqueue("unused")
    srv.enqueue_fault("empty")
    c = client(srv)
    assert chat(c) == ""
    assert chat(c) == "unused"  # "empty" does not consume a queued reply


def test_close_without_response(srv: FakeOpenAIServer) -> None:
    srv.enqueue_fault("close")
    with pytest.raises(openai.APIConnectionError):
        chat(client(srv))


def test_api_key_check() -> None:
    with FakeOpenAIServer(api_key="secret") as srv:
        with pytest.raises(openai.AuthenticationError):
            chat(client(srv, api_key="wrong"))
        assert chat(client(srv, api_key="secret")) == DEFAULT_REPLY


def test_unknown_fault_kind_rejected(srv: FakeOpenAIServer) -> None:
    with pytest.raises(ValueError):
        srv.enqueue_fault("explode")  # type: ignore[arg-type]


def test_stop_is_fast_and_leaves_no_threads() -> None:
    before = set(threading.enumerate())
    srv = FakeOpenAIServer().start()
    c = client(srv)
    chat(c)  # leaves a keep-alive connection open
    srv.enqueue_fault("delay", seconds=30)
    t = threading.Thread(target=lambda: pytest.raises(openai.APIError, chat, c), daemon=True)
    t.start()
    while len(srv.requests) < 2:
        time.sleep(0.01)
    start = time.monotonic()
    srv.stop()
    assert time.monotonic() - start < 1
    t.join(timeout=5)
    assert set(threading.enumerate()) - before == set()
    with pytest.raises(RuntimeError):
        _ = srv.base_url
