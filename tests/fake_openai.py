"""A scripted, local OpenAI-compatible HTTP server for tests (standard library only).

Usage::

    with FakeOpenAIServer() as srv:
        srv.enqueue("first reply")                        # FIFO chat replies
        srv.enqueue_fault("status", status=429)           # FIFO faults, consumed before replies
        client = OpenAI(base_url=srv.base_url, api_key="test", max_retries=0)
        ...
        assert srv.requests[-1]["messages"][-1]["content"] == "hi"

Endpoints: POST /v1/chat/completions (JSON or SSE with ``"stream": true``),
POST /v1/embeddings (deterministic vectors, float or base64), GET /v1/models.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import math
import socket
import struct
import sys
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

DEFAULT_REPLY = "（测试回复）"
FaultKind = Literal["status", "delay", "malformed", "cut_stream", "empty", "close"]
_ERRORS = {  # status -> (OpenAI error type, code, message)
    401: ("invalid_request_error", "invalid_api_key", "Incorrect API key provided."),
    404: ("invalid_request_error", "not_found", "Unknown route."),
    429: ("requests", "rate_limit_exceeded", "Rate limit reached. Please try again later."),
    500: ("server_error", None, "The server had an error while processing your request."),
    503: ("server_error", None, "The engine is currently overloaded, please try again later."),
}


@dataclass(frozen=True)
class Fault:
    """One scripted failure; applies to POST requests only.

    kind:
      - "status": reply ``status`` with an OpenAI-style error body (``message`` overrides the
        text); adds ``Retry-After: retry_after`` if given (default 1 for 429).
      - "delay": sleep ``seconds`` (interrupted by stop()), then answer normally.
      - "malformed": 200 with an invalid JSON body (for streams: an SSE event with invalid JSON).
      - "cut_stream": streams send the role chunk and about half of the content chunks, then close
        the connection without the terminating chunk or [DONE]; JSON replies are cut in half.
      - "empty": a normal completion whose content is "" (embeddings: empty ``data``).
      - "close": close the socket without sending any response.
    """

    kind: FaultKind
    status: int = 500
    seconds: float = 1.0
    retry_after: float | None = None
    message: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in FaultKind.__args__:  # type: ignore[attr-defined]
            raise ValueError(f"unknown fault kind {self.kind!r}")


class RecordedRequest(dict):
    """The parsed JSON body of one request (a dict), plus ``method``, ``path``, ``headers`` (lowercased)."""

    def __init__(self, method: str, path: str, headers: dict[str, str], body: Any) -> None:
        super().__init__(body if isinstance(body, dict) else {})
        self.method, self.path, self.headers = method, path, headers


def fake_embedding(text: str | list[int], dim: int = 64) -> list[float]:
    """Deterministic unit vector (float32-exact) hashed from character uni- and bigrams.

    Texts sharing characters get similar vectors, so retrieval tests stay meaningful.
    A list of token ids is accepted as well (as sent by some clients).
    """
    units = (
        [str(t) for t in text] if isinstance(text, list) else list("".join(text.lower().split()))
    )
    vec = [0.0] * dim
    for feat in units + [a + "\x00" + b for a, b in zip(units, units[1:], strict=False)]:
        h = int.from_bytes(hashlib.blake2b(feat.encode(), digest_size=8).digest(), "little")
        vec[h % dim] += 1.0 if h >> 63 else -1.0
    norm = math.sqrt(sum(v * v for v in vec))
    if norm == 0:
        vec[0] = norm = 1.0
    return list(struct.unpack(f"<{dim}f", struct.pack(f"<{dim}f", *(v / norm for v in vec))))


class FakeOpenAIServer:
    """Local OpenAI-compatible server on 127.0.0.1 (OS-chosen port), run in a daemon thread.

    Chat replies come from the ``enqueue``d texts (FIFO), then from ``responder(body) -> str``.
    Faults come from ``enqueue_fault`` (FIFO), then from ``default_fault`` (persistent, or None).
    Every request is appended to ``requests``; with ``api_key`` set, requests lacking
    ``Authorization: Bearer <api_key>`` get 401 (checked before faults).
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        embedding_dim: int = 64,
        chunk_size: int = 4,
        responder: Callable[[dict[str, Any]], str] | None = None,
        models: tuple[str, ...] = ("fake-model", "fake-embedding"),
    ) -> None:
        self.api_key = api_key
        self.embedding_dim = embedding_dim
        self.chunk_size = chunk_size  # characters of content per streamed chunk
        # Called with the parsed request body when no reply is queued; exceptions drop the connection.
        self.responder: Callable[[dict[str, Any]], str] = responder or (lambda body: DEFAULT_REPLY)
        self.models = models
        self.default_fault: Fault | None = None
        self.requests: list[RecordedRequest] = []
        self._replies: deque[str] = deque()
        self._faults: deque[Fault] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._conns: dict[socket.socket, threading.Thread] = {}
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """E.g. ``http://127.0.0.1:54321/v1``; only valid while running."""
        if self._httpd is None:
            raise RuntimeError("server is not running")
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def start(self) -> FakeOpenAIServer:
        """Bind a free port and serve in a daemon thread."""
        if self._httpd is None:
            self._stopping.clear()
            self._httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
            self._httpd.fake = self
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, drop open (keep-alive or delayed) connections and join all threads."""
        if self._httpd is None or self._thread is None:
            return
        self._stopping.set()
        self._httpd.shutdown()
        with self._lock:
            conns = list(self._conns.items())
        for conn, _ in conns:
            _shutdown(conn)
        for _, thread in conns:
            thread.join(timeout=2)
        self._httpd.server_close()
        self._thread.join(timeout=2)
        self._httpd = self._thread = None

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def enqueue(self, *replies: str) -> None:
        """Queue chat reply texts, used in FIFO order before ``responder``."""
        with self._lock:
            self._replies.extend(replies)

    def enqueue_fault(self, kind: FaultKind, **options: Any) -> Fault:
        """Queue a one-shot fault for the next POST request; options are ``Fault`` fields."""
        fault = Fault(kind, **options)
        with self._lock:
            self._faults.append(fault)
        return fault

    def reset(self) -> None:
        """Forget queued replies, faults, the default fault and recorded requests."""
        with self._lock:
            self._replies.clear()
            self._faults.clear()
            self.requests.clear()
            self.default_fault = None

    # Internal helpers, called from handler threads.
    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _next_fault(self) -> Fault | None:
        with self._lock:
            return self._faults.popleft() if self._faults else self.default_fault

    def _next_reply(self, body: dict[str, Any]) -> str:
        with self._lock:
            if self._replies:
                return self._replies.popleft()
        return self.responder(body)

    def _track(self, conn: socket.socket, add: bool) -> None:
        with self._lock:
            if add:
                self._conns[conn] = threading.current_thread()
            else:
                self._conns.pop(conn, None)


def _shutdown(conn: socket.socket) -> None:
    with contextlib.suppress(OSError):
        conn.shutdown(socket.SHUT_RDWR)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    fake: FakeOpenAIServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], OSError):  # client hang-ups are expected
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        self.server.fake._track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.fake._track(self.connection, False)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        fake = self.server.fake
        path = self.path.split("?")[0].rstrip("/")
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw) if raw else {}
        except ValueError:
            return self._error(400, "Request body is not valid JSON.")
        fake._record(
            RecordedRequest(method, path, {k.lower(): v for k, v in self.headers.items()}, body)
        )
        if fake.api_key and self.headers.get("Authorization") != f"Bearer {fake.api_key}":
            return self._error(401)
        route = {
            ("GET", "/v1/models"): self._models,
            ("POST", "/v1/chat/completions"): self._chat,
            ("POST", "/v1/embeddings"): self._embeddings,
        }.get((method, path))
        if route is None:
            return self._error(404, f"Unknown route {method} {path}.")
        fault = fake._next_fault() if method == "POST" else None
        if fault and fault.kind == "delay":
            if fake._stopping.wait(fault.seconds):
                return self._hang_up()
            fault = None
        if fault and fault.kind == "status":
            retry = 1 if fault.retry_after is None and fault.status == 429 else fault.retry_after
            headers = {} if retry is None else {"Retry-After": f"{retry:g}"}
            return self._error(fault.status, fault.message, headers)
        if fault and fault.kind == "close":
            return self._hang_up()
        if fault and fault.kind == "malformed":
            if body.get("stream"):
                self._start_sse()
                self._write_chunk(b'data: {"id": "chatcmpl-broken", "choices": [\n\n')
                return self._write_chunk(b"")
            return self._send_json(b'{"id": "chatcmpl-broken", "choices": [')
        route(body, fault)

    def _models(self, body: dict[str, Any], fault: Fault | None) -> None:
        data = [
            {"id": m, "object": "model", "created": 0, "owned_by": "fake"}
            for m in self.server.fake.models
        ]
        self._send_json({"object": "list", "data": data})

    def _chat(self, body: dict[str, Any], fault: Fault | None) -> None:
        fake, kind = self.server.fake, fault.kind if fault else None
        text = "" if kind == "empty" else fake._next_reply(body)
        prompt = sum(len(str(m.get("content") or "")) for m in body.get("messages", []))
        usage = dict(
            prompt_tokens=prompt, completion_tokens=len(text), total_tokens=prompt + len(text)
        )
        base = {
            "id": f"chatcmpl-{uuid.uuid4().hex[:24]}",
            "created": int(time.time()),
            "model": body.get("model") or "fake-model",
            "system_fingerprint": None,
        }
        if not body.get("stream"):
            message = {"role": "assistant", "content": text, "refusal": None}
            choice = {"index": 0, "message": message, "logprobs": None, "finish_reason": "stop"}
            obj = {**base, "object": "chat.completion", "choices": [choice], "usage": usage}
            return self._send_json(obj, cut=kind == "cut_stream")

        def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
            choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
            return {**base, "object": "chat.completion.chunk", "choices": [choice]}

        pieces = [text[i : i + fake.chunk_size] for i in range(0, len(text), fake.chunk_size)]
        events = [chunk({"role": "assistant", "content": ""})]
        events += [chunk({"content": p}) for p in pieces] + [chunk({}, "stop")]
        if (body.get("stream_options") or {}).get("include_usage"):
            events.append(
                {**base, "object": "chat.completion.chunk", "choices": [], "usage": usage}
            )
        if kind == "cut_stream":
            events = events[: 1 + max(1, len(pieces) // 2)]
        self._start_sse()
        for event in events:
            self._write_chunk(f"data: {json.dumps(event, ensure_ascii=False)}\n\n".encode())
        if kind == "cut_stream":
            return self._hang_up()
        self._write_chunk(b"data: [DONE]\n\n")
        self._write_chunk(b"")

    def _embeddings(self, body: dict[str, Any], fault: Fault | None) -> None:
        inp = body.get("input", "")
        single = isinstance(inp, str) or (isinstance(inp, list) and inp and isinstance(inp[0], int))
        items: list[Any] = [inp] if single else list(inp)
        dim = int(body.get("dimensions") or self.server.fake.embedding_dim)
        b64 = body.get("encoding_format") == "base64"
        vectors = [] if fault and fault.kind == "empty" else [fake_embedding(x, dim) for x in items]
        data = [
            {"object": "embedding", "index": i, "embedding": _encode(v, b64)}
            for i, v in enumerate(vectors)
        ]
        tokens = sum(len(x) for x in items)
        usage = {"prompt_tokens": tokens, "total_tokens": tokens}
        obj = {
            "object": "list",
            "data": data,
            "model": body.get("model") or "fake-embedding",
            "usage": usage,
        }
        self._send_json(obj, cut=bool(fault and fault.kind == "cut_stream"))

    # Low-level response writers.
    def _error(
        self, status: int, message: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        fallback = (
            "server_error" if status >= 500 else "invalid_request_error",
            None,
            f"HTTP {status}",
        )
        etype, code, default = _ERRORS.get(status, fallback)
        err = {"message": message or default, "type": etype, "param": None, "code": code}
        self._send_json({"error": err}, status=status, headers=headers)

    def _send_json(
        self, obj: Any, status: int = 200, headers: dict[str, str] | None = None, cut: bool = False
    ) -> None:
        """Send ``obj`` as JSON (bytes are sent as they are); ``cut`` sends half, then hangs up."""
        data = obj if isinstance(obj, bytes) else json.dumps(obj, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data[: len(data) // 2] if cut else data)
        if cut:
            self._hang_up()

    def _start_sse(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def _write_chunk(self, data: bytes) -> None:
        """Write one HTTP/1.1 chunk (an empty one ends the body)."""
        self.wfile.write(b"%X\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def _hang_up(self) -> None:
        self.close_connection = True
        _shutdown(self.connection)


def _encode(vec: list[float], b64: bool) -> list[float] | str:
    return base64.b64encode(struct.pack(f"<{len(vec)}f", *vec)).decode() if b64 else vec
