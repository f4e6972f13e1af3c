"""`make bench`: the project against the baselines a user would build, on the same data, in one
process on one machine; writes benchmarks/RESULTS.md, results.json and scale.png.

For each corpus size (the 5 seed texts, then deterministic Chinese distractor documents up to
1,000 and 10,000 documents — `benchmarks/distractors.py`):

- retrieval quality on the eval cases (hit@1, hit@5, MRR) — project and every baseline;
- index throughput (characters/s), warm ask p50/p95, plan latency, eval-suite time and the cold
  start of a fresh process answering one question — each also as a ratio to the fastest baseline.

At the seed size it also compares grounding: the offline generator against the naive answer
(the top passages' best sentences, cited) on the same passages.

    python benchmarks/bench.py                 # 5, 1000, 10000 documents (about 20 minutes)
    python benchmarks/bench.py --sizes 5,200   # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from baselines import BASELINES, Baseline, naive_answer  # noqa: E402
from bench_core import QUESTIONS  # noqa: E402
from bench_retrieval import in_scope_cases, score, standalone  # noqa: E402
from distractors import documents  # noqa: E402

from assistant import Assistant, Settings  # noqa: E402
from assistant.answer.verify import verify_answer  # noqa: E402
from assistant.evals.cases import load_cases  # noqa: E402
from assistant.evals.metrics import citation_counts, key_phrase_recall  # noqa: E402
from assistant.evals.plan_cases import load_plan_cases  # noqa: E402
from assistant.evals.runner import run  # noqa: E402
from assistant.plans.template import load_template  # noqa: E402
from assistant.schema import Chunk, Passage  # noqa: E402

PROVINCES = ("河北省", "辽宁", "陕西", "云南")
PROJECT = "政策助手 (this project)"


def percentile(samples: list[float], q: int) -> float:
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def corpus(size: int, folder: Path) -> tuple[dict[str, str], Path]:
    """The seed texts plus `size - 5` distractors, written as a library folder."""
    texts = {p.name: p.read_text("utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))}
    library = folder / "library"
    library.mkdir(parents=True)
    for name, text in documents(max(0, size - len(texts))):
        (library / name).write_text(text, "utf-8")
        texts[name] = text
    return texts, library


def latencies(answer: Callable[[str], object], rounds: int = 3) -> dict[str, float]:
    answer(QUESTIONS[0])  # warm
    samples = [timed(lambda q=q: answer(q)) for _ in range(rounds) for q in QUESTIONS]
    return {
        "ask_p50_ms": round(percentile(samples, 50) * 1000, 1),
        "ask_p95_ms": round(percentile(samples, 95) * 1000, 1),
    }


def cold_start(command: Callable[[str], list[str]], env: dict[str, str]) -> float:
    samples = []
    for question in QUESTIONS[:3]:
        started = time.perf_counter()
        subprocess.run(command(question), env=env, check=True, capture_output=True)
        samples.append(time.perf_counter() - started)
    return round(statistics.median(samples), 2)


def run_measured(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time of a command, and the peak memory (RSS, MB) of its largest process."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", probe, *command], env=env, check=True, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    return elapsed, round(int(done.stdout.split()[-1]) / 1024, 1)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def replace_one(assistant: Assistant, library: Path) -> float | None:
    """Seconds to update the index after one library document changed (None: no library)."""
    files = sorted(library.glob("*.txt"))
    if not files:
        return None
    target = files[len(files) // 2]
    target.write_text(target.read_text("utf-8") + "\n本文件已修订，补充说明一项。\n", "utf-8")
    elapsed = timed(assistant.sync)
    return round(elapsed, 2)


def serve_rss(env: dict[str, str]) -> float:
    """Peak memory (RSS, MB) of `assistant serve` after it answered one question."""
    import socket

    from gradio_client import Client

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--port", str(port)],
        env=env | {"ASSISTANT_AUTH": ""},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                client = Client(f"http://127.0.0.1:{port}/", verbose=False)
                break
            except Exception:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(1)
        client.predict(question=QUESTIONS[0], api_name="/ask")
        status = Path(f"/proc/{server.pid}/status").read_text()
        peak = next(line for line in status.splitlines() if line.startswith("VmHWM"))
        return round(int(peak.split()[1]) / 1024, 1)
    finally:
        server.terminate()
        server.wait(timeout=60)


def segmentation_limit(texts: dict[str, str]) -> dict:
    """Segmentation alone over the same texts on every core: jieba (precise mode), the ceiling
    of a jieba-based ingest on this machine, and rjieba (search mode), the segmenter this
    project's ingest uses. Dictionaries are loaded before the clocks start."""
    from segment_limit import cut_all, cut_all_rust, load, load_rust

    cores = os.cpu_count() or 1
    shares = [list(texts.values())[i::cores] for i in range(cores)]
    chars = sum(map(len, texts.values()))
    jieba_s = _on_every_core(load, cut_all, shares)
    rust_s = _on_every_core(load_rust, cut_all_rust, shares)
    return {
        "cores": cores,
        "index_s": round(jieba_s, 2),
        "index_chars_per_s": round(chars / jieba_s),
        "rjieba_s": round(rust_s, 2),
        "rjieba_chars_per_s": round(chars / rust_s),
    }


def _on_every_core(load: Callable[[], None], cut: Callable, shares: list[list[str]]) -> float:
    import multiprocessing

    from segment_limit import ready

    with multiprocessing.get_context("spawn").Pool(len(shares), initializer=load) as pool:
        pool.map(ready, range(len(shares)), chunksize=1)
        started = time.perf_counter()
        pool.map(cut, shares)
        return time.perf_counter() - started


def plan_queries(province: str) -> list[str]:
    template = load_template(REPO / "prompts")
    return [f"{province}{part.query}" for chapter in template.chapters for part in chapter.parts]


def measure_project(texts: dict[str, str], library: Path, home: Path) -> dict:
    """The project's figures; its first ingest runs as `assistant index` in its own process,
    so its time and peak memory are a user's."""
    env = dict(
        os.environ,
        ASSISTANT_HOME=str(home),
        ASSISTANT_LIBRARY_DIR=str(library),
        ASSISTANT_GENERATOR="extractive",
    )
    chars = sum(map(len, texts.values()))
    build, ingest_rss = run_measured([sys.executable, "-m", "assistant", "index"], env)
    settings = Settings(home=home, library_dir=library, generator="extractive")
    assistant = Assistant(settings)
    scale = {
        "ingest_peak_rss_mb": ingest_rss,
        "index_disk_mb": round(folder_size(home / "index") / 2**20, 1),
        "replace_one_s": replace_one(assistant, library),
        "serve_peak_rss_mb": serve_rss(env),
    }
    cases = in_scope_cases()
    rankings = []
    for case in cases:
        events = assistant.stream(case["question"], history=case.get("history", []), k=5)
        rankings.append([p.text for p in next(e.passages for e in events if e.kind == "passages")])
    result = {
        "chunks": assistant.index.manifest.chunks,
        "index_s": round(build, 2),
        "index_chars_per_s": round(chars / build),
        **scale,
        **score(rankings, cases),
        **latencies(assistant.ask),
        "plan_ms": round(
            statistics.median(timed(lambda p=p: assistant.plan(p)) for p in PROVINCES) * 1000, 1
        ),
    }
    qa_cases = load_cases(REPO / "evals" / "cases.jsonl")
    plan_cases = load_plan_cases(REPO / "evals" / "plan_cases.jsonl")
    started = time.perf_counter()
    suite = run(assistant, qa_cases, llm=False, plan_cases=plan_cases)
    result["eval_suite_s"] = round(time.perf_counter() - started, 2)
    result["grounding"] = {
        k: round(suite.metrics[k], 3)
        for k in ("citation_recall", "citation_precision", "key_phrase_recall")
    }
    result["cold_start_s"] = cold_start(
        lambda q: [sys.executable, "-m", "assistant", "ask", q], env
    )
    return result


def measure_baseline(kind: type[Baseline], texts: dict[str, str], folder: Path) -> dict:
    baseline = kind(folder)
    chars = sum(map(len, texts.values()))
    build = timed(lambda: baseline.build(texts))
    cases = in_scope_cases()
    rankings = [baseline.search(standalone(case), 5) for case in cases]
    result = {
        "chunks": baseline.chunks,
        "index_s": round(build, 2),
        "index_chars_per_s": round(chars / build),
        **score(rankings, cases),
        **latencies(baseline.answer),
        "plan_ms": round(
            statistics.median(timed(lambda p=p: baseline.plan(plan_queries(p))) for p in PROVINCES)
            * 1000,
            1,
        ),
    }
    qa_cases = load_cases(REPO / "evals" / "cases.jsonl")

    def suite() -> None:
        for case in qa_cases:
            question = standalone({"question": case.question, "history": case.history})
            text, passages = baseline.answer(question)
            numbered = _passages(passages)
            citation_counts(verify_answer(text, numbered), numbered)
            key_phrase_recall(text, case.key_phrases)

    result["eval_suite_s"] = round(timed(suite), 2)
    result["cold_start_s"] = cold_start(baseline.cold_start_command, dict(os.environ))
    return result


def _passages(texts: list[str]) -> list[Passage]:
    return [
        Passage(
            n=n,
            chunk=Chunk(chunk_id=f"p#{n}", doc_id="p", text=text, title=""),
            score=0.0,
        )
        for n, text in enumerate(texts, start=1)
    ]


def grounding(home: Path, library: Path) -> dict:
    """The offline generator against the naive answer, on the project's own passages."""
    assistant = Assistant(Settings(home=home, library_dir=library, generator="extractive"))
    totals = {name: [0, 0, 0, 0, 0.0, 0] for name in ("offline generator", "naive best sentences")}
    for case in load_cases(REPO / "evals" / "cases.jsonl"):
        if case.expect != "answer" or case.requires_llm:
            continue
        answer = assistant.ask(case.question, history=case.history)
        if answer.refused:
            continue
        naive = naive_answer(answer.standalone_question, [p.text for p in answer.passages])
        for name, text in (("offline generator", answer.answer), ("naive best sentences", naive)):
            counts = citation_counts(verify_answer(text, answer.passages), answer.passages)
            row = totals[name]
            row[0] += counts.sentences
            row[1] += counts.supported
            row[2] += counts.citations
            row[3] += counts.precise
            row[4] += key_phrase_recall(text, case.key_phrases)
            row[5] += 1
    return {
        name: {
            "citation_recall": round(r[1] / max(r[0], 1), 3),
            "citation_precision": round(r[3] / max(r[2], 1), 3),
            "key_phrase_recall": round(r[4] / max(r[5], 1), 3),
            "answers": r[5],
        }
        for name, r in totals.items()
    }


def ratios(rows: dict[str, dict]) -> dict[str, float]:
    """The project's figure divided by the fastest baseline's (< 1 is faster for times;
    > 1 is faster for throughput)."""
    project = rows[PROJECT]
    baselines = [row for name, row in rows.items() if name != PROJECT]
    out = {
        "index_chars_per_s": project["index_chars_per_s"]
        / max(b["index_chars_per_s"] for b in baselines)
    }
    for key in ("ask_p50_ms", "ask_p95_ms", "plan_ms", "eval_suite_s", "cold_start_s"):
        out[key] = project[key] / min(b[key] for b in baselines)
    return {k: float(f"{v:.3g}") for k, v in out.items()}


def warm_up() -> None:
    """Load what every system needs once (jieba's dictionary, the libraries), so no one's first
    index build pays for an import the others got for free."""
    import jieba
    from langchain_chroma import Chroma  # noqa: F401
    from langchain_community.retrievers import BM25Retriever  # noqa: F401

    jieba.initialize()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,1000,10000")
    parser.add_argument(
        "--baselines-up-to",
        type=int,
        default=10000,
        help="larger corpora measure the project alone (the baselines take hours there)",
    )
    parser.add_argument(
        "--only-scale", action="store_true", help="skip bench_core, bench_ingest and bench_ui"
    )
    parser.add_argument("--out", type=Path, default=HERE, help="folder for RESULTS.md and the plot")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if not args.only_scale:  # first, so its peak memory is its own
        import bench_core

        print("== bench_core")
        bench_core.main()
    warm_up()
    results: dict = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "sizes": {},
    }
    for size in sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"bench-{size}-"))
        try:
            texts, library = corpus(size, folder)
            print(f"\n== {len(texts)} documents, {sum(map(len, texts.values())):,} characters")
            rows = {PROJECT: measure_project(texts, library, folder / "home")}
            print(f"{PROJECT}: {rows[PROJECT]}")
            if size == sizes[0]:
                results["grounding"] = grounding(folder / "home", library)
            if size <= args.baselines_up_to:
                for kind in BASELINES:
                    rows[kind.name] = measure_baseline(kind, texts, folder / "baselines")
                    print(f"{kind.name}: {rows[kind.name]}")
            limit = segmentation_limit(texts)
            print(f"segmentation limit: {limit}")
            results["sizes"][str(len(texts))] = {
                "characters": sum(map(len, texts.values())),
                "systems": rows,
                "segmentation_limit": limit,
                "ratio_to_fastest_baseline": ratios(rows) if len(rows) > 1 else {},
                "share_of_segmentation_limit": round(
                    rows[PROJECT]["index_chars_per_s"] / limit["index_chars_per_s"], 3
                ),
                "share_of_rjieba_limit": round(
                    rows[PROJECT]["index_chars_per_s"] / limit["rjieba_chars_per_s"], 3
                ),
            }
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8"
    )
    from bench_report import update_readme, write_report

    write_report(results, args.out)
    if args.out == HERE and update_readme(results, REPO / "README.md"):
        print("README.md: benchmark summary updated")
    print(f"\nwrote {args.out / 'RESULTS.md'} and {args.out / 'scale.png'}")
    if not args.only_scale:  # the other benchmarks, in this same process
        import bench_ingest
        import bench_ui
        import bench_versions

        for module in (bench_ingest, bench_ui, bench_versions):
            print(f"\n== {module.__name__}")
            module.main()


if __name__ == "__main__":
    main()
