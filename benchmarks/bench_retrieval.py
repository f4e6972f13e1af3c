"""Retrieval quality on evals/cases.jsonl: the project against the baseline people would build.

Baseline: LangChain's RecursiveCharacterTextSplitter (500 characters, 50 overlap, Chinese
separators) over the raw seed files, and Okapi BM25 over jieba tokens — what LangChain's
`BM25Retriever` with a jieba `preprocess_func` computes (rank_bm25's BM25Okapi, here via bm25s's
"robertson" variant so no sunset package is needed).

A question counts as a hit@k when one of the top-k passages contains the case's locator phrase.
Run with `make bench`; prints a table and writes benchmarks/results-retrieval.json.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import bm25s
import jieba
import numpy as np
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant import Assistant, Settings
from assistant.answer.condense import condense_offline
from assistant.schema import Turn
from assistant.text.clean import normalise_line

REPO = Path(__file__).resolve().parent.parent
SEPARATORS = ["\n\n", "\n", "。", "！", "？", "；", "，", " ", ""]


def comparable(text: str) -> str:
    return re.sub(r"\s+", "", normalise_line(text))


def in_scope_cases() -> list[dict]:
    rows = [json.loads(line) for line in (REPO / "evals" / "cases.jsonl").open(encoding="utf-8")]
    return [
        r
        for r in rows
        if r["kind"] not in ("out_of_scope", "injection")
        and re.search(r"[\u4e00-\u9fff]", r["question"])
    ]


def standalone(case: dict) -> str:
    history = [Turn(t["role"], t["content"]) for t in case.get("history", [])]
    return condense_offline(case["question"], history)


def score(rankings: list[list[str]], cases: list[dict]) -> dict[str, float]:
    hit1 = hit5 = mrr = 0.0
    for texts, case in zip(rankings, cases, strict=True):
        locator = comparable(case.get("locators", [case["locator"]])[0])
        rank = next((i for i, t in enumerate(texts) if locator in comparable(t)), None)
        hit1 += rank == 0
        hit5 += rank is not None and rank < 5
        mrr += 1 / (rank + 1) if rank is not None else 0
    n = len(cases)
    return {"hit@1": round(hit1 / n, 3), "hit@5": round(hit5 / n, 3), "mrr": round(mrr / n, 3)}


def baseline_rankings(cases: list[dict]) -> list[list[str]]:
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=500, chunk_overlap=50, separators=SEPARATORS
    )
    chunks = [
        chunk
        for path in sorted((REPO / "seeds").glob("*.txt"))
        for chunk in splitter.split_text(path.read_text("utf-8"))
    ]
    tokenize = lambda text: [w for w in jieba.lcut(text) if w.strip()]  # noqa: E731
    model = bm25s.BM25(method="robertson", k1=1.5, b=0.75)
    model.index([tokenize(c) for c in chunks], show_progress=False)
    rankings = []
    for case in cases:
        scores = model.get_scores(tokenize(standalone(case)))
        rankings.append([chunks[i] for i in np.argsort(-scores)[:5]])
    return rankings


def project_rankings(cases: list[dict]) -> list[list[str]]:
    with tempfile.TemporaryDirectory() as home:
        assistant = Assistant(Settings(home=Path(home), generator="extractive"))
        rankings = []
        for case in cases:
            history = [Turn(t["role"], t["content"]) for t in case.get("history", [])]
            events = assistant.stream(case["question"], history=history, k=5)
            passages = next(e.passages for e in events if e.kind == "passages")
            rankings.append([p.text for p in passages])
        return rankings


def main() -> None:
    cases = in_scope_cases()
    results = {
        "cases": len(cases),
        "baseline: 500-char splitter + BM25 (jieba)": score(baseline_rankings(cases), cases),
        "project: hybrid BM25 + hashing dense, RRF": score(project_rankings(cases), cases),
    }
    print(f"{len(cases)} in-scope Chinese cases")
    for name, metrics in results.items():
        if isinstance(metrics, dict):
            print(f"{name:48} " + "  ".join(f"{k}={v:.3f}" for k, v in metrics.items()))
    out = REPO / "benchmarks" / "results-retrieval.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
