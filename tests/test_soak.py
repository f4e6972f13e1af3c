"""Soak: 20 concurrent users for 2 minutes against `assistant serve` on loopback.

Each user asks the eval questions (answerable, out-of-scope and injection cases, in its own
order) through the web API as fast as answers come back. Passes with zero errors, every answer
either cited or a refusal, and memory flat after warm-up. Figures go to test-artifacts/soak.json
and the README's hardening table. `ASSISTANT_SOAK_SECONDS` shortens the run while developing.
"""

from __future__ import annotations

import json
import os
import statistics
import threading
import time

from conftest import OBSERVATIONS, REPO
from gradio_client import Client
from served import Served

USERS = 20
SECONDS = float(os.environ.get("ASSISTANT_SOAK_SECONDS", 120))
WARM_UP = 0.25  # share of the run before memory is taken as the baseline


def questions() -> list[str]:
    cases = [json.loads(line) for line in (REPO / "evals" / "cases.jsonl").open(encoding="utf-8")]
    return [case["question"] for case in cases if not case.get("history")]


def test_twenty_users_for_two_minutes(shared_home, tmp_path, observe):
    env = dict(os.environ, ASSISTANT_HOME=str(shared_home), ASSISTANT_GENERATOR="extractive")
    env.pop("ASSISTANT_AUTH", None)
    served = Served(env, tmp_path)
    asked = questions()
    latencies: list[float] = []
    errors: list[str] = []
    memory: list[tuple[float, int]] = []
    stop = threading.Event()
    started = time.monotonic()

    def user(number: int) -> None:
        try:
            client = Client(served.url, verbose=False)
        except Exception as exc:
            errors.append(f"user {number} could not connect: {exc!r}")
            return
        turn = number * 7
        while not stop.is_set():
            question = asked[turn % len(asked)]
            turn += 1
            began = time.monotonic()
            try:
                reply = client.predict(question, [], api_name="/ask")
            except Exception as exc:
                errors.append(f"{question}: {exc!r}")
                continue
            latencies.append(time.monotonic() - began)
            if not (reply.get("refused") or reply.get("citations")):
                errors.append(f"{question}: answer without citations: {reply.get('answer')!r}")

    def sample_memory() -> None:
        while not stop.wait(1.0):
            memory.append((time.monotonic() - started, served.rss_kb()))

    threads = [threading.Thread(target=user, args=(n,)) for n in range(USERS)]
    threads.append(threading.Thread(target=sample_memory))
    try:
        for thread in threads:
            thread.start()
        time.sleep(SECONDS)
        stop.set()
        for thread in threads:
            thread.join(timeout=120)
        assert not any(thread.is_alive() for thread in threads), "a user hung"
    finally:
        stop.set()
        served.stop()

    assert errors == [], errors[:5]
    assert len(latencies) >= USERS
    steady = [kb for at, kb in memory if at >= WARM_UP * SECONDS]
    quarter = max(1, len(steady) // 4)
    early, late = statistics.median(steady[:quarter]), statistics.median(steady[-quarter:])
    growth = (late - early) / early
    assert growth < 0.10, f"memory grew {growth:.1%}: {early / 1024:.0f} → {late / 1024:.0f} MB"

    cuts = statistics.quantiles(latencies, n=100)
    result = {
        "users": USERS,
        "seconds": SECONDS,
        "answers": len(latencies),
        "errors": len(errors),
        "answers_per_second": round(len(latencies) / SECONDS, 1),
        "p50_ms": round(cuts[49] * 1000),
        "p95_ms": round(cuts[94] * 1000),
        "max_ms": round(max(latencies) * 1000),
        "rss_mb_after_warm_up": round(early / 1024),
        "rss_mb_at_end": round(late / 1024),
    }
    (OBSERVATIONS.parent / "soak.json").write_text(json.dumps(result, indent=1), "utf-8")
    observe(
        "load",
        f"{USERS} concurrent users for {SECONDS:g} s against `assistant serve` (offline, loopback)",
        f"{result['answers']} answers, 0 errors, all cited or refused; latency p50 "
        f"{result['p50_ms']} ms, p95 {result['p95_ms']} ms, max {result['max_ms']} ms; "
        f"memory flat ({result['rss_mb_after_warm_up']} → {result['rss_mb_at_end']} MB)",
    )
