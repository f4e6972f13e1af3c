"""`benchmarks/bench.py` on a small corpus: it runs the project and the three baselines on the
same texts, writes the report and the plot, and the project leads on retrieval quality; a
size past `--baselines-up-to` measures the project alone, with its ingest against jieba's."""

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
            "--baselines-up-to",
            "5",
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
    small = results["sizes"]["5"]
    project, *baselines = small["systems"].values()
    assert len(baselines) == 3
    for metric in ("hit@1", "hit@5", "mrr"):
        assert all(project[metric] > b[metric] for b in baselines), (metric, small)
    assert set(small["ratio_to_fastest_baseline"]) >= {"ask_p50_ms", "cold_start_s"}
    alone = results["sizes"]["30"]
    (project,) = alone["systems"].values()
    assert project["hit@5"] >= 0.9 and alone["ratio_to_fastest_baseline"] == {}
    assert project["replace_one_s"] > 0 and project["ingest_peak_rss_mb"] > 50
    assert project["serve_peak_rss_mb"] > 50 and project["index_disk_mb"] > 0
    limit = alone["segmentation_limit"]
    assert limit["index_chars_per_s"] > 0 and 0 < alone["share_of_segmentation_limit"] < 1
    grounding = results["grounding"]
    assert (
        grounding["offline generator"]["citation_precision"]
        >= (grounding["naive best sentences"]["citation_precision"])
    )
    report = (tmp_path / "RESULTS.md").read_text("utf-8")
    assert "## 30 documents" in report and "BM25Retriever (whitespace)" in report
    assert "Segmentation limit" in report and "replace one document s" in report
    assert (tmp_path / "scale.png").stat().st_size > 10_000
