"""Answer quality on material nobody on the project wrote, side by side with a naive baseline.

Three sets, each in a library of its own (the seeds left out):

- **CMRC 2018** (`../shared/data/cmrc2018/`, Chinese Wikipedia paragraphs with questions and
  answer spans; CC BY-SA 4.0, Cui et al., EMNLP-IJCNLP 2019): every paragraph is a document, one
  in ten held back. Passage hit@1/@5 (the passage comes from the question's paragraph), the share
  of answers whose first sentence / whole text holds a gold span, median answer length, false
  refusals on answerable questions, refusals on questions about held-back paragraphs. `trial`
  is for tuning, `dev` for reporting.
- **Government work reports 2014–2025** (`../shared/data/gov-work-reports/`): the questions of
  `benchmarks/data/gov_reports_questions.jsonl`, written before looking at any answer.
- **Everyday wording** on the seeds: `evals/everyday_cases.jsonl` (reported) or
  `evals/dev/everyday_dev.jsonl` (tuning).

The naive baseline answers from the same retrieved passages: the sentence of the top passage
sharing most characters with the question, cited; it never refuses.

    python benchmarks/bench_quality.py cmrc-dev gov everyday [--embedding e5] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
OUT = REPO / "benchmarks"
HELD_BACK_EVERY = 10

sys.path.insert(0, str(REPO))
from bench_report import put_table  # noqa: E402

from assistant import Assistant, Settings  # noqa: E402
from assistant.answer.verify import answer_lines, strip_citations  # noqa: E402
from assistant.evals.metrics import comparable, key_phrase_recall  # noqa: E402
from assistant.text.sentences import split_sentences  # noqa: E402


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    gold_docs: tuple[str, ...]  # empty: the library cannot answer it
    spans: tuple[str, ...] = ()  # CMRC: any of these in the answer is right
    key_phrases: tuple[tuple[str, ...], ...] = ()  # the other sets: every fact, any alternative


@dataclass
class Outcome:
    """One question answered by one system."""

    answerable: bool
    refused: bool
    rank: int | None = None
    first_has_span: bool = False
    whole_has_span: bool = False
    facts: float = 0.0
    numbers_exact: bool = True
    length: int = 0
    seconds: float = 0.0


@dataclass
class Report:
    name: str
    system: str
    outcomes: list[Outcome] = field(default_factory=list)

    def summary(self) -> dict[str, float | int]:
        answerable = [o for o in self.outcomes if o.answerable]
        unanswerable = [o for o in self.outcomes if not o.answerable]
        answered = [o for o in answerable if not o.refused]
        share = lambda items, test: round(sum(map(test, items)) / len(items), 4) if items else None  # noqa: E731
        return {
            "questions": len(self.outcomes),
            "answerable": len(answerable),
            "hit@1": share(answerable, lambda o: o.rank == 0),
            "hit@5": share(answerable, lambda o: o.rank is not None and o.rank < 5),
            "first_sentence_has_span": share(answerable, lambda o: o.first_has_span),
            "answer_has_span": share(answerable, lambda o: o.whole_has_span),
            "key_facts": share(answerable, lambda o: o.facts),
            "all_key_facts": share(answerable, lambda o: o.facts == 1.0),
            "numbers_exact": share(answered, lambda o: o.numbers_exact),
            "false_refusals": share(answerable, lambda o: o.refused),
            "unanswerable": len(unanswerable),
            "refused_unanswerable": share(unanswerable, lambda o: o.refused),
            "median_chars": statistics.median([o.length for o in answered]) if answered else None,
            "ms_per_question": round(1000 * statistics.mean(o.seconds for o in self.outcomes), 1)
            if self.outcomes
            else None,
        }


# --- the sets ---


def cmrc(split: str, limit: int | None) -> tuple[dict[str, str], list[Question]]:
    """Paragraphs as documents (every tenth held back) and every question about them."""
    paragraphs = json.loads((DATA / "cmrc2018" / f"{split}.json").read_text("utf-8"))
    documents, questions = {}, []
    for i, paragraph in enumerate(paragraphs[:limit]):
        held_back = i % HELD_BACK_EVERY == HELD_BACK_EVERY - 1
        name = f"{paragraph['context_id']}.txt"
        if not held_back:
            documents[name] = f"{paragraph['title']}\n{paragraph['context_text']}"
        for qa in (q for q in paragraph["qas"] if q["query_text"].strip()):
            questions.append(
                Question(
                    qa["query_id"],
                    qa["query_text"],
                    () if held_back else (name,),
                    spans=tuple(str(a) for a in qa["answers"] if str(a).strip()),
                )
            )
    return documents, questions


def gov_reports() -> tuple[dict[str, str], list[Question]]:
    folder = DATA / "gov-work-reports" / "txt"
    documents = {
        path.name: path.read_text("utf-8")
        for path in sorted(folder.glob("*.txt"))
        if 2014 <= int(path.name[:4]) <= 2025
    }
    lines = (REPO / "benchmarks" / "data" / "gov_reports_questions.jsonl").read_text("utf-8")
    questions = [
        Question(
            c["id"],
            c["question"],
            tuple(c["gold_docs"]) if c["expect"] == "answer" else (),
            key_phrases=tuple(tuple(k) for k in c["key_phrases"]),
        )
        for c in map(json.loads, lines.splitlines())
    ]
    return documents, questions


def everyday(dev: bool) -> tuple[dict[str, str], list[Question]]:
    path = REPO / "evals" / ("dev/everyday_dev.jsonl" if dev else "everyday_cases.jsonl")
    questions = [
        Question(
            c["id"],
            c["question"],
            tuple(f"{d}" for d in c["gold_docs"]) if c["expect"] == "answer" else (),
            key_phrases=tuple(tuple(k) for k in c["key_phrases"]),
        )
        for c in map(json.loads, path.read_text("utf-8").splitlines())
    ]
    return {}, questions  # the seeds themselves


# --- answering ---


def assistant_for(documents: dict[str, str], home: Path, embedding: str) -> Assistant:
    """An assistant over exactly these documents (or the seeds when there are none)."""
    library = home / "library"
    library.mkdir(parents=True, exist_ok=True)
    for name, text in documents.items():
        (library / name).write_text(text, "utf-8")
    seeds = REPO / "seeds" if not documents else home / "no-seeds"
    seeds.mkdir(exist_ok=True)
    settings = Settings(
        home=home,
        seeds_dir=seeds,
        library_dir=library,
        generator="extractive",
        embedding=embedding,
        openai_api_key=None,
        openai_base_url=None,
    )
    assistant = Assistant(settings)
    started = time.perf_counter()
    assistant.sync()
    print(f"  indexed {len(documents) or 'the seeds'} in {time.perf_counter() - started:.1f} s")
    return assistant


def _has(text: str, spans: Iterable[str]) -> bool:
    flat = comparable(text)
    return any(comparable(span) in flat for span in spans if comparable(span))


def _first_sentence(answer: str) -> str:
    lines = answer_lines(answer)
    return lines[0][1][0] if lines and lines[0][1] else answer


def naive_answer(question: str, passage_text: str, n: int = 1) -> str:
    """The top passage's sentence sharing most characters with the question."""
    sentences = split_sentences(passage_text) or [passage_text]
    best = max(sentences, key=lambda s: len(set(s) & set(question)))
    return f"{best}[{n}]"


def score(question: Question, answer: str, refused: bool, doc_ids: list[str], seconds: float):
    gold = set(question.gold_docs)
    rank = next((i for i, d in enumerate(doc_ids) if d in gold), None) if gold else None
    body = strip_citations(answer)
    outcome = Outcome(bool(gold), refused, rank, seconds=seconds)
    if refused:
        return outcome
    outcome.length = len(re.sub(r"\s+", "", body))
    if question.spans:
        outcome.first_has_span = _has(strip_citations(_first_sentence(answer)), question.spans)
        outcome.whole_has_span = _has(body, question.spans)
    if question.key_phrases:
        outcome.facts = key_phrase_recall(body, question.key_phrases)
    return outcome


def run(
    name: str, documents: dict[str, str], questions: list[Question], embedding: str
) -> tuple[Report, Report]:
    ours, naive = Report(name, "this project"), Report(name, "naive best sentence")
    with tempfile.TemporaryDirectory(prefix="bench-quality-") as folder:
        assistant = assistant_for(documents, Path(folder), embedding)
        for question in questions:
            started = time.perf_counter()
            answer = assistant.ask(question.text)
            seconds = time.perf_counter() - started
            doc_ids = [p.chunk.doc_id for p in answer.passages]
            outcome = score(question, answer.answer, answer.refused, doc_ids, seconds)
            outcome.numbers_exact = all(not s.issues for s in answer.sentences if s.citations)
            ours.outcomes.append(outcome)
            top = answer.passages[0].text if answer.passages else ""
            baseline = naive_answer(question.text, top) if top else ""
            naive.outcomes.append(score(question, baseline, not top, doc_ids, 0.0))
    return ours, naive


SETS = {
    "cmrc-trial": lambda limit: cmrc("trial", limit),
    "cmrc-dev": lambda limit: cmrc("dev", limit),
    "gov": lambda limit: gov_reports(),
    "everyday": lambda limit: everyday(dev=False),
    "everyday-dev": lambda limit: everyday(dev=True),
}


ROWS = (  # (set, figure, label, format)
    ("cmrc-dev", "hit@1", "CMRC dev: passage hit@1", "{:.3f}"),
    ("cmrc-dev", "hit@5", "CMRC dev: passage hit@5", "{:.3f}"),
    ("cmrc-dev", "first_sentence_has_span", "CMRC dev: first sentence holds a gold span", "{:.1%}"),
    ("cmrc-dev", "answer_has_span", "CMRC dev: answer holds a gold span", "{:.1%}"),
    ("cmrc-dev", "false_refusals", "CMRC dev: answerable questions refused", "{:.1%}"),
    ("cmrc-dev", "refused_unanswerable", "CMRC dev: held-back questions refused", "{:.1%}"),
    ("cmrc-dev", "median_chars", "CMRC dev: median answer length (characters)", "{:.0f}"),
    ("gov", "hit@1", "Work reports: gold report ranked first", "{:.3f}"),
    ("gov", "key_facts", "Work reports: facts asked for in the answer", "{:.1%}"),
    ("gov", "numbers_exact", "Work reports: answers with every number exact", "{:.1%}"),
    ("gov", "false_refusals", "Work reports: answerable questions refused", "{:.1%}"),
    ("gov", "refused_unanswerable", "Work reports: unanswerable questions refused", "{:.1%}"),
    ("everyday", "false_refusals", "Everyday wording: questions refused", "{:.1%}"),
    ("everyday", "key_facts", "Everyday wording: key facts in the answer", "{:.1%}"),
    ("everyday", "median_chars", "Everyday wording: median answer length", "{:.0f}"),
)


def table(results: dict[str, dict]) -> str:
    """The README table: this project (hashing, e5) against the naive baseline."""
    lines = [
        "| measure | hashing (default) | e5 | naive best sentence |",
        "|---|---|---|---|",
    ]
    for name, figure, label, fmt in ROWS:
        cells = []
        for embedding, system in (
            ("hashing", "this project"),
            ("e5", "this project"),
            ("hashing", "naive best sentence"),
        ):
            value = results.get(embedding, {}).get(name, {}).get(system, {}).get(figure)
            cells.append("—" if value is None else fmt.format(value))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def update_readme() -> None:
    results = {}
    for embedding in ("hashing", "e5"):
        path = OUT / f"results-quality-{embedding}.json"
        if path.exists():
            results[embedding] = json.loads(path.read_text("utf-8"))
    put_table(REPO / "README.md", "quality-table", table(results))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="*", help=f"any of {', '.join(sorted(SETS))}")
    parser.add_argument("--embedding", default="hashing", choices=("hashing", "e5"))
    parser.add_argument("--limit", type=int, default=None, help="first N CMRC paragraphs only")
    parser.add_argument("--out", type=Path, default=None, help="write the figures as JSON")
    parser.add_argument("--readme", action="store_true", help="only rewrite the README table")
    args = parser.parse_args()
    if args.readme:
        update_readme()
        return
    if unknown := set(args.sets) - set(SETS):
        parser.error(f"unknown sets: {', '.join(sorted(unknown))}")
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(REPO.parent / "shared" / "tiktoken"))
    results = {}
    for name in args.sets:
        documents, questions = SETS[name](args.limit)
        print(f"{name}: {len(documents)} documents, {len(questions)} questions ({args.embedding})")
        ours, naive = run(name, documents, questions, args.embedding)
        results[name] = {"this project": ours.summary(), "naive best sentence": naive.summary()}
        for report in (ours, naive):
            print(f"  {report.system}: {json.dumps(report.summary(), ensure_ascii=False)}")
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main()
