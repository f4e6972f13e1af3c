"""The verifier benchmark: labelled (passages, sentence) cases the sentence check must get right.

Each case in `evals/verifier_cases*.jsonl` is one answer sentence citing one or two passages,
labelled `faithful` (a shortened, reordered, merged or reworded restatement) or `wrong`, with the
kind of error a language model makes (a place or name swapped, a figure or rank changed, a
quotation altered, a negation or direction reversed, a fact added, the wrong passage cited).
A faithful sentence must come out `supported`; a wrong one must not (`weak` or `unsupported`,
either of which the user sees flagged with its reason).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..answer.verify import verify_sentence
from ..schema import Chunk, Passage

FILES = ("verifier_cases.jsonl", "verifier_cases_cmrc.jsonl")
FAITHFUL = "faithful"


@dataclass(frozen=True, slots=True)
class VerifierCase:
    id: str
    kind: str
    label: str
    sentence: str
    passages: tuple[Passage, ...]
    error: str = ""


def load_verifier_cases(path: Path) -> list[VerifierCase]:
    cases = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        passages = tuple(
            Passage(
                p["n"],
                Chunk(
                    f"{raw['id']}-{p['n']}#1",
                    f"{raw['id']}-{p['n']}",
                    p["text"],
                    p["title"],
                    source=p.get("source"),
                    region=p.get("region"),
                ),  # fmt: skip
                1.0,
            )
            for p in raw["passages"]
        )
        kind = FAITHFUL if raw["label"] == FAITHFUL else raw["kind"]
        cases.append(
            VerifierCase(raw["id"], kind, raw["label"], raw["sentence"], passages, raw["error"])
        )
    return cases


def verifier_cases(evals_dir: Path) -> list[VerifierCase]:
    return [
        c
        for name in FILES
        if (evals_dir / name).exists()
        for c in load_verifier_cases(evals_dir / name)
    ]


@dataclass
class VerifierScore:
    """Per kind: how many cases the check got right, of how many; and the misses."""

    right: Counter
    total: Counter
    misses: list[dict]

    def share(self, kind: str) -> float:
        return self.right[kind] / self.total[kind] if self.total[kind] else 1.0

    def metrics(self) -> dict[str, float]:
        wrong = [k for k in self.total if k != FAITHFUL]
        flagged = sum(self.right[k] for k in wrong) / max(1, sum(self.total[k] for k in wrong))
        return {
            "verifier_faithful_supported": round(self.share(FAITHFUL), 4),
            "verifier_wrong_flagged": round(flagged, 4),
            "verifier_weakest_kind": round(min((self.share(k) for k in wrong), default=1.0), 4),
        }

    def by_kind(self) -> dict[str, list[int]]:
        return {k: [self.right[k], self.total[k]] for k in sorted(self.total)}


def score_verifier(cases: list[VerifierCase]) -> VerifierScore:
    right: Counter = Counter()
    total: Counter = Counter()
    misses = []
    for case in cases:
        checked = verify_sentence(case.sentence, case.passages)
        ok = (checked.status == "supported") == (case.label == FAITHFUL)
        total[case.kind] += 1
        right[case.kind] += ok
        if not ok:
            misses.append(
                {"id": case.id, "kind": case.kind, "sentence": case.sentence,
                 "status": checked.status, "issues": list(checked.issues), "error": case.error}
            )  # fmt: skip
    return VerifierScore(right, total, misses)
