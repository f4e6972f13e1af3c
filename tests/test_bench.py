"""`benchmarks/bench.py` on a small corpus: it runs the project and the three baselines on the
same texts, writes the report and the plot, and the project leads on retrieval quality."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_benchmark_compares_the_project_with_the_baselines(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "benchmarks/bench.py",
            "--sizes",
            "5,30",
            "--only-scale",
            "--out",
            str(tmp_path),
        ],
        cwd=REPO,
        env=dict(os.environ, ASSISTANT_HOME=str(tmp_path / "home")),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads((tmp_path / "results.json").read_text("utf-8"))
    assert list(results["sizes"]) == ["5", "30"]
    for block in results["sizes"].values():
        project, *baselines = block["systems"].values()
        assert len(baselines) == 3
        for metric in ("hit@1", "hit@5", "mrr"):
            assert all(project[metric] > b[metric] for b in baselines), (metric, block)
        assert set(block["ratio_to_fastest_baseline"]) >= {"ask_p50_ms", "cold_start_s"}
    grounding = results["grounding"]
    assert (
        grounding["offline generator"]["citation_precision"]
        >= (grounding["naive best sentences"]["citation_precision"])
    )
    report = (tmp_path / "RESULTS.md").read_text("utf-8")
    assert "## 30 documents" in report and "BM25Retriever (whitespace)" in report
    assert (tmp_path / "scale.png").stat().st_size > 10_000
