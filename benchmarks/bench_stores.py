"""Both stores side by side: the default (bm25s + embedded Chroma) and Milvus (Milvus Lite in a
local file), on the same libraries — the seeds plus deterministic distractors, as `bench.py`.

For each size and store: the first ingest as `assistant index` in its own process (time,
characters/s, peak RSS), the index's size on disk, retrieval quality on the eval cases (hit@1,
hit@5, MRR — the same scoring as `bench.py`), warm ask p50/p95, and replacing one document.

    python benchmarks/bench_stores.py                   # 1,000 and 10,000 documents
    python benchmarks/bench_stores.py --sizes 200       # a quick look

Writes results-stores.json and the README table between the stores-table markers.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from bench import corpus, folder_size, latencies, replace_one, run_measured  # noqa: E402
from bench_report import put_table  # noqa: E402
from bench_retrieval import in_scope_cases, score  # noqa: E402

from assistant import Assistant, Settings  # noqa: E402

STORES = {"chroma": "bm25s + Chroma（默认）", "milvus": "Milvus Lite"}


def measure(store: str, texts: dict[str, str], library: Path, home: Path) -> dict:
    env = dict(
        os.environ,
        ASSISTANT_HOME=str(home),
        ASSISTANT_LIBRARY_DIR=str(library),
        ASSISTANT_GENERATOR="extractive",
        ASSISTANT_STORE=store,
    )
    build, rss = run_measured([sys.executable, "-m", "assistant", "index"], env)
    settings = Settings(home=home, library_dir=library, generator="extractive", store=store)
    assistant = Assistant(settings)
    cases = in_scope_cases()
    rankings = []
    for case in cases:
        events = assistant.stream(case["question"], history=case.get("history", []), k=5)
        rankings.append([p.text for p in next(e.passages for e in events if e.kind == "passages")])
    return {
        "chunks": assistant.index.manifest.chunks,
        "index_s": round(build, 1),
        "index_chars_per_s": round(sum(map(len, texts.values())) / build),
        "ingest_peak_rss_mb": rss,
        "index_disk_mb": round(folder_size(home / "index") / 2**20, 1),
        **score(rankings, cases),
        **latencies(assistant.ask),
        "replace_one_s": replace_one(assistant, library),
    }


def table(results: dict[str, dict[str, dict]]) -> str:
    lines = [
        "| documents | store | hit@1 | hit@5 | MRR | ingest chars/s | ingest peak RSS | "
        "on disk | ask p50 / p95 | replace one |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, rows in results.items():
        for store, r in rows.items():
            lines.append(
                f"| {int(size):,} | {STORES[store]} | {r['hit@1']:.3f} | {r['hit@5']:.3f} | "
                f"{r['mrr']:.3f} | {r['index_chars_per_s']:,} | {r['ingest_peak_rss_mb']:,.0f} MB | "
                f"{r['index_disk_mb']:,.0f} MB | {r['ask_p50_ms']:.0f} / {r['ask_p95_ms']:.0f} ms | "
                f"{r['replace_one_s']:.1f} s |"
            )
        if {"chroma", "milvus"} <= set(rows):
            gap = rows["milvus"]["hit@5"] - rows["chroma"]["hit@5"]
            lines.append(f"| | hit@5 Milvus − default | | {gap:+.3f} | | | | | | |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--stores", default="chroma,milvus")
    args = parser.parse_args()
    results: dict[str, dict[str, dict]] = {}
    work = Path(tempfile.mkdtemp(prefix="bench-stores-"))
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            texts, library = corpus(size, work / str(size))
            for store in args.stores.split(","):
                row = measure(store, texts, library, work / str(size) / f"home-{store}")
                results.setdefault(str(size), {})[store] = row
                print(size, store, json.dumps(row, ensure_ascii=False), flush=True)
                shutil.rmtree(work / str(size) / f"home-{store}", ignore_errors=True)
            shutil.rmtree(work / str(size), ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (HERE / "results-stores.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    if put_table(REPO / "README.md", "stores-table", table(results)):
        print("README table updated")


if __name__ == "__main__":
    main()
