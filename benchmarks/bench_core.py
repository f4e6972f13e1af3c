"""Core speed benchmark: index build, warm `ask`, cold `assistant ask` process (offline).

Run with `make bench`. Prints a table and writes `benchmarks/results-core.json`.
Targets (issue #2): build < 10 s, warm ask median < 100 ms, cold process < 4 s.
(issue #4): an offline plan drafts in < 2 s.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "2025年上半年全国登记了多少技术合同？",
    "什么是中试？",
    "河北在人才方面有哪些举措？",
    "辽宁要聚焦哪些产业基地和产业集群？",
    "科技金融如何支持科技创新？",
    "青岛如何构建创新生态？",
    "融合不畅是指什么问题？",
    "怎样强化企业科技创新主体地位？",
    "未来产业应该如何布局？",
    "秦创原发挥了什么作用？",
]


PROVINCES = ("河北省", "辽宁", "山东", "陕西", "云南", "上海", "内蒙古", "广东")


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


def main() -> None:
    from assistant import Assistant, Settings

    results: dict[str, object] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    }
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home), generator="extractive")
        assistant = Assistant(settings)
        started = time.perf_counter()
        index, built = assistant.build_index(rebuild=True)
        results["index_build_s"] = round(time.perf_counter() - started, 3)
        results["chunks"] = index.manifest.chunks

        started = time.perf_counter()
        assistant.build_index()
        results["index_noop_ms"] = round((time.perf_counter() - started) * 1000, 2)

        assistant.ask(QUESTIONS[0])  # warm: dictionary and models loaded
        samples = []
        for _ in range(5):
            for question in QUESTIONS:
                started = time.perf_counter()
                assistant.ask(question)
                samples.append(time.perf_counter() - started)
        results["warm_ask_median_ms"] = median_ms(samples)
        results["warm_ask_p95_ms"] = round(sorted(samples)[int(0.95 * len(samples)) - 1] * 1000, 2)
        # Plans: the first one pays for nothing more than a warm ask did; time every province.
        plan_samples = []
        for province in PROVINCES:
            started = time.perf_counter()
            outline = assistant.plan(province)
            plan_samples.append(time.perf_counter() - started)
            assert outline.items()
        results["plan_first_ms"] = round(plan_samples[0] * 1000, 1)
        results["plan_median_ms"] = median_ms(plan_samples)
        results["plan_max_ms"] = round(max(plan_samples) * 1000, 1)
        results["process_peak_rss_mb"] = round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
        )

        env = dict(os.environ, ASSISTANT_HOME=home, ASSISTANT_GENERATOR="extractive")
        cold = []
        for question in QUESTIONS[:5]:
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "assistant", "ask", question],
                env=env,
                check=True,
                capture_output=True,
            )
            cold.append(time.perf_counter() - started)
        results["cold_ask_process_median_s"] = round(statistics.median(cold), 3)

    targets = {
        "index_build_s": 10,
        "warm_ask_median_ms": 100,
        "cold_ask_process_median_s": 4,
        "plan_max_ms": 2000,
    }
    print(f"{'measure':32} {'value':>10} {'target':>8}")
    for key, value in results.items():
        target = targets.get(key, "")
        print(f"{key:32} {value!s:>10} {target!s:>8}")
    out = REPO / "benchmarks" / "results-core.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
