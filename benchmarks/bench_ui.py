"""Web UI under concurrent API users: `assistant serve` in this process, `gradio_client` users.

Run with `make bench`. Each of USERS threads has its own `gradio_client.Client` and asks
ROUNDS different questions through `/ask` (offline generator, default queue settings). Prints a
table and writes `benchmarks/results-ui.json`: throughput, p50/p95 latency, and how many answers
came back refused or without citations (both should be 0 for these in-corpus questions).
"""

from __future__ import annotations

import json
import os
import platform
import socket
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_core import QUESTIONS  # noqa: E402

USERS = 10
ROUNDS = 5


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    from gradio_client import Client

    from assistant import Assistant, Settings
    from assistant.surfaces.ui.app import launch

    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home), generator="extractive", auth=None)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        app = launch(Assistant(settings), port=port)
        url = f"http://127.0.0.1:{port}/"
        try:
            alone = Client(url, verbose=False)
            alone.predict(question=QUESTIONS[0], api_name="/ask")  # warm
            single = []
            for question in QUESTIONS:
                started = time.perf_counter()
                alone.predict(question=question, api_name="/ask")
                single.append(time.perf_counter() - started)

            def user(index: int) -> list[tuple[float, dict]]:
                client = Client(url, verbose=False)
                out = []
                for round_ in range(ROUNDS):
                    question = QUESTIONS[(index + round_) % len(QUESTIONS)]
                    started = time.perf_counter()
                    result = client.predict(question=question, api_name="/ask")
                    out.append((time.perf_counter() - started, result))
                return out

            started = time.perf_counter()
            with ThreadPoolExecutor(USERS) as pool:
                runs = [r for user_runs in pool.map(user, range(USERS)) for r in user_runs]
            wall = time.perf_counter() - started
        finally:
            app.close()

    latencies = [seconds for seconds, _ in runs]
    results = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "users": USERS,
        "requests": len(runs),
        "concurrency_limit": settings.ui_concurrency,
        "throughput_rps": round(len(runs) / wall, 2),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
        "single_user_p50_ms": round(statistics.median(single) * 1000, 1),
        "refused": sum(result["refused"] for _, result in runs),
        "uncited": sum(not result["citations"] for _, result in runs if not result["refused"]),
    }
    print(f"{'measure':24} {'value':>10}")
    for key, value in results.items():
        print(f"{key:24} {value!s:>10}")
    out = REPO / "benchmarks" / "results-ui.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
