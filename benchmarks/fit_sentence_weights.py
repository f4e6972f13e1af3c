"""Fit `AnswerTuning.sentence_weights` on CMRC 2018 *trial* questions (never on dev).

For each answerable question the retrieved passages' sentences are scored by the features of
`assistant/answer/candidates.py`; a softmax over one question's sentences is trained to put a
sentence holding a gold answer span first (listwise log-likelihood, L2-regularised, plain numpy
gradient ascent). Half the paragraphs fit, the other half check, then all of them fit the
weights this prints — paste the table into `tuning.py` and re-record the eval baseline.

    python benchmarks/fit_sentence_weights.py [--limit N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import bench_quality  # noqa: E402

from assistant.answer.candidates import (  # noqa: E402
    EXPANDED,
    expand,
    sentence_features,
)
from assistant.answer.question_types import classify, definienda  # noqa: E402
from assistant.answer.wording import question_pairs  # noqa: E402
from assistant.evals.metrics import comparable  # noqa: E402
from assistant.search.weights import term_weights  # noqa: E402

Group = tuple[np.ndarray, np.ndarray]  # one question: feature rows, which hold a gold span


def groups(assistant, questions) -> list[Group]:
    found = []
    for question in questions:
        if not question.gold_docs:
            continue
        answer = assistant.ask(question.text)
        weights = term_weights(assistant.index, question.text)
        kind = classify(question.text)
        ask = (
            question.text,
            kind,
            question_pairs(question.text),
            definienda(kind, weights, question.text),
        )
        spans = [comparable(s) for s in question.spans if comparable(s)]
        rows = [
            row
            for rank, passage in enumerate(answer.passages)
            for row in sentence_features(passage, rank, ask, weights)
        ]
        labels = [any(span in comparable(row.text) for span in spans) for row in rows]
        if rows and any(labels):
            found.append((expand(rows), np.array(labels, dtype=float)))
    return found


def fit(data: list[Group], steps: int = 1500, rate: float = 1.0, l2: float = 0.003) -> np.ndarray:
    w = np.zeros(len(EXPANDED))
    for _ in range(steps):
        gradient = -l2 * w
        for x, y in data:
            scores = x @ w
            p = np.exp(scores - scores.max())
            p /= p.sum()
            target = y / y.sum()
            gradient += x.T @ (target - p) / len(data)
        w += rate * gradient
    return w


def top1(data: list[Group], w: np.ndarray) -> float:
    return float(np.mean([y[int(np.argmax(x @ w))] for x, y in data]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(REPO.parent / "shared" / "tiktoken"))
    documents, questions = bench_quality.cmrc("trial", args.limit)
    with tempfile.TemporaryDirectory() as folder:
        assistant = bench_quality.assistant_for(documents, Path(folder), "hashing")
        data = groups(assistant, questions)
    half = len(data) // 2
    held_out = fit(data[:half])
    print(f"{len(data)} questions; top-1 on the held-out half: {top1(data[half:], held_out):.3f}")
    weights = fit(data)
    print(f"top-1 on all (fitted): {top1(data, weights):.3f}")
    print("    sentence_weights: tuple[tuple[str, float], ...] = (")
    for name, value in zip(EXPANDED, weights, strict=True):
        print(f'        ("{name}", {value:.3f}),')
    print("    )")


if __name__ == "__main__":
    main()
