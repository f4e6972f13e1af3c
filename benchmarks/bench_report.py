"""RESULTS.md and scale.png from the figures `bench.py` measured."""

from __future__ import annotations

from pathlib import Path

QUALITY = ("hit@1", "hit@5", "mrr")
SPEED = (
    ("index_chars_per_s", "index chars/s"),
    ("ask_p50_ms", "ask p50 ms"),
    ("ask_p95_ms", "ask p95 ms"),
    ("plan_ms", "plan ms"),
    ("eval_suite_s", "eval suite s"),
    ("cold_start_s", "cold start s"),
)


def _num(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}"


def write_report(results: dict, folder: Path) -> None:
    sizes = results["sizes"]
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`benchmarks/bench.py`) on {results['machine']}: the project and",
        "the baselines a user would build with LangChain, on the same texts, in one process. Corpus:",
        "the 5 seed texts, then deterministic Chinese distractor documents (provincial and city",
        "policy texts on the same theme, 1,500–3,500 characters; `benchmarks/distractors.py`).",
        "Retrieval quality is measured on the eval cases' locator phrases; speed is offline",
        "(extractive answers, hashing embeddings). Baselines answer naively: the best-matching",
        "sentence of each of the top 3 passages, cited. The project's first ingest is timed as",
        "`assistant index` in its own process (start-up included), as a user runs it; a size",
        "past `--baselines-up-to` measures the project alone.",
        "",
        "![latency and quality against corpus size](scale.png)",
        "",
    ]
    for size, block in sizes.items():
        rows = block["systems"]
        lines += [
            f"## {int(size):,} documents ({block['characters']:,} characters)",
            "",
            *([block["note"], ""] if block.get("note") else []),
            "| system | chunks | hit@1 | hit@5 | MRR | "
            + " | ".join(label for _, label in SPEED)
            + " |",
            "|---|" + "---|" * (4 + len(SPEED)),
        ]
        best = {q: max(r[q] for r in rows.values()) for q in QUALITY}
        for name, row in rows.items():
            quality = [
                f"**{row[q]:.3f}**" if row[q] == best[q] else f"{row[q]:.3f}" for q in QUALITY
            ]
            speed = [_num(row[key]) for key, _ in SPEED]
            lines.append(f"| {name} | {row['chunks']:,} | " + " | ".join(quality + speed) + " |")
        ratio = block["ratio_to_fastest_baseline"]
        lines.append("")
        if ratio:
            lines += [
                "Project ÷ fastest baseline: "
                + ", ".join(f"{label} ×{ratio[key]:g}" for key, label in SPEED)
                + " (throughput: higher is better; times: lower is better).",
                "",
            ]
        lines += _scale_lines(block)
    grounding = results.get("grounding")
    if grounding:
        lines += [
            "## Grounding (5 seed texts, answerable eval cases, same passages)",
            "",
            "| answer | citation recall | citation precision | key-phrase recall | answers |",
            "|---|---|---|---|---|",
        ]
        for name, row in grounding.items():
            lines.append(
                f"| {name} | {row['citation_recall']:.3f} | {row['citation_precision']:.3f} | "
                f"{row['key_phrase_recall']:.3f} | {row['answers']} |"
            )
        lines.append("")
    profile = Path(__file__).resolve().parent / "PROFILE.md"
    if profile.exists():  # the hand-written profile summary travels with the figures
        lines += ["", profile.read_text("utf-8")]
    (folder / "RESULTS.md").write_text("\n".join(lines), "utf-8")
    plot(results, folder / "scale.png")


SCALE = (
    ("index_s", "first ingest s"),
    ("ingest_peak_rss_mb", "ingest peak RSS MB"),
    ("index_disk_mb", "index on disk MB"),
    ("replace_one_s", "replace one document s"),
    ("serve_peak_rss_mb", "`serve` peak RSS MB"),
)


def _scale_lines(block: dict) -> list[str]:
    """The project's ingest against the segmentation limit, and its size and memory."""
    project = next(iter(block["systems"].values()))
    limit = block.get("segmentation_limit")
    lines = []
    if limit:
        lines += [
            f"Segmentation limit — jieba alone (precise mode) over the same texts on "
            f"{limit['cores']} cores, dictionaries loaded first: {_num(limit['index_chars_per_s'])} "
            f"characters/s ({limit['index_s']:g} s). The project's ingest runs at "
            f"{block['share_of_segmentation_limit']:.1%} of it.",
            "",
        ]
        if "rjieba_chars_per_s" in limit:
            lines += [
                f"The project's own segmenter alone — rjieba (jieba in Rust, search mode), same "
                f"texts, same cores: {_num(limit['rjieba_chars_per_s'])} characters/s "
                f"({limit['rjieba_s']:g} s); the ingest runs at "
                f"{block['share_of_rjieba_limit']:.1%} of it.",
                "",
            ]
    if all(key in project for key, _ in SCALE):
        cells = ["—" if project[key] is None else _num(project[key]) for key, _ in SCALE]
        lines += [
            "| " + " | ".join(label for _, label in SCALE) + " |",
            "|" + "---|" * len(SCALE),
            "| " + " | ".join(cells) + " |",
            "",
        ]
    return lines


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [int(s) for s in results["sizes"]]
    names = list(next(iter(results["sizes"].values()))["systems"])
    figure, (latency, quality) = plt.subplots(1, 2, figsize=(12, 4.5))
    for name in names:
        shown = [s for s in sizes if name in results["sizes"][str(s)]["systems"]]
        rows = [results["sizes"][str(s)]["systems"][name] for s in shown]
        label = (
            "this project" if name.startswith("政策") else name.replace("中文分隔", "zh separators")
        )
        latency.plot(shown, [r["ask_p50_ms"] for r in rows], marker="o", label=label)
        quality.plot(shown, [r["mrr"] for r in rows], marker="o", label=label)
    for axis, title, unit in (
        (latency, "warm ask p50", "ms"),
        (quality, "retrieval MRR on the eval cases", "MRR"),
    ):
        axis.set_xscale("log")
        axis.set_xlabel("documents in the corpus")
        axis.set_ylabel(unit)
        axis.set_title(title)
        axis.grid(alpha=0.3)
    quality.set_ylim(0, 1)
    latency.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def summary(results: dict) -> str:
    """The README's digest: quality and speed per corpus size, against the best baseline."""
    lines = [
        "| documents | system | hit@1 | hit@5 | MRR | ask p50 / p95 ms | index chars/s | plan ms "
        "| eval suite s | cold start s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for size, block in results["sizes"].items():
        rows = block["systems"]
        project_name = next(iter(rows))
        others = [n for n in rows if n != project_name]
        best = [max(others, key=lambda n: rows[n]["mrr"])] if others else []
        for name in (project_name, *best):
            row = rows[name]
            label = "this project" if name == project_name else f"best baseline: {name}"
            throughput = _num(row["index_chars_per_s"])
            if name == project_name and "share_of_segmentation_limit" in block:
                throughput += f" ({block['share_of_segmentation_limit']:.0%} of jieba alone)"
            lines.append(
                f"| {int(size):,} | {label} | {row['hit@1']:.3f} | {row['hit@5']:.3f} | "
                f"{row['mrr']:.3f} | {_num(row['ask_p50_ms'])} / {_num(row['ask_p95_ms'])} | "
                f"{throughput} | {_num(row['plan_ms'])} | "
                f"{_num(row['eval_suite_s'])} | {_num(row['cold_start_s'])} |"
            )
    scale = [
        (size, next(iter(block["systems"].values()))) for size, block in results["sizes"].items()
    ]
    if any("replace_one_s" in row for _, row in scale):
        lines += [
            "",
            "| documents | " + " | ".join(label for _, label in SCALE) + " |",
            "|---|" + "---|" * len(SCALE),
        ]
        for size, row in scale:
            cells = ["—" if row.get(key) is None else _num(row[key]) for key, _ in SCALE]
            lines.append(f"| {int(size):,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def update_readme(results: dict, readme: Path) -> bool:
    return put_table(readme, "bench-summary", summary(results))


def put_table(readme: Path, name: str, table: str) -> bool:
    """Write `table` between the README's `<!-- name:start -->` and `<!-- name:end -->` lines;
    False when the markers are missing."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = readme.read_text("utf-8")
    if start not in text or end not in text:
        return False
    head, rest = text.split(start, 1)
    readme.write_text(f"{head}{start}\n{table}\n{end}{rest.split(end, 1)[1]}", "utf-8")
    return True
