"""The drafters' tools on a real series: the State Council government work reports 2014–2025
(`../shared/data/gov-work-reports/txt/`; 2020 is missing from the collection).

- **Targets:** each year's GDP-growth and CPI targets, labelled below by reading the reports
  (each label is checked to stand verbatim in its report before it counts), against the
  `assistant targets` rows for that year from that year's report: found with the exact value,
  unit and comparator.
- **Versions:** “今年国内生产总值增长的预期目标是多少？” asked as of 1 June of each year: does the
  answer cite that year's report (and only reports of that year)?
- **新旧对照:** each report against the year before: time, and whether the sentence holding a
  changed GDP or CPI target is paired with last year's and its changed figures marked.

    python benchmarks/bench_versions.py      # about 2 minutes; writes results-versions.json and
                                             # the README table between the versions-table markers
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from bench_report import put_table  # noqa: E402

from assistant import Assistant, Settings  # noqa: E402

REPORTS = REPO.parent / "shared" / "data" / "gov-work-reports" / "txt"
# year → (GDP growth target, CPI target), as the report writes them
LABELS = {
    2014: ("7.5%左右", "3.5%左右"),
    2015: ("7%左右", "3%左右"),
    2016: ("6.5%－7%", "3%左右"),
    2017: ("6.5%左右", "3%左右"),
    2018: ("6.5%左右", "3%左右"),
    2019: ("6%－6.5%", "3%左右"),
    2021: ("6%以上", "3%左右"),
    2022: ("5.5%左右", "3%左右"),
    2023: ("5%左右", "3%左右"),
    2024: ("5%左右", "3%左右"),
    2025: ("5%左右", "2%左右"),
}
INDICATORS = ("国内生产总值增长", "居民消费价格涨幅")
QUESTION = "今年国内生产总值增长的预期目标是多少？"


def name(year: int) -> str:
    return f"{year}年政府工作报告.txt"


def main() -> None:
    years = [y for y in LABELS if (REPORTS / name(y)).exists()]
    if len(years) < 2:
        print(f"bench_versions: the reports are not in {REPORTS}; skipped")
        return
    folder = Path(tempfile.mkdtemp(prefix="bench-versions-"))
    try:
        assistant = Assistant(
            Settings(home=folder, library_dir=folder / "library", generator="extractive")
        )
        started = time.perf_counter()
        assistant.ingest([REPORTS / name(y) for y in years])
        results: dict = {"reports": len(years), "ingest_s": round(time.perf_counter() - started, 2)}
        results |= targets(assistant, years)
        results |= versions(assistant, years)
        results |= diffs(assistant, years)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    (HERE / "results-versions.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8"
    )
    put_table(REPO / "README.md", "versions-table", table(results))
    print(json.dumps({k: v for k, v in results.items() if not isinstance(v, list)}, indent=1))


def targets(assistant: Assistant, years: list[int]) -> dict:
    started = time.perf_counter()
    table = assistant.targets()
    elapsed = time.perf_counter() - started
    rows, checked, exact = [], 0, 0
    for year in years:
        text = (REPORTS / name(year)).read_text("utf-8")
        for indicator, label in zip(INDICATORS, LABELS[year], strict=True):
            if label not in text:  # a label that is not in its report does not count
                continue
            checked += 1
            found = [
                f"{r.value}{r.unit}{r.comparator}"
                for r in table.rows
                if r.year == year and r.doc_id == name(year) and r.indicator.startswith(indicator)
            ]
            exact += label in found
            rows.append({"year": year, "indicator": indicator, "label": label, "found": found})
    return {
        "targets_rows": len(table.rows),
        "targets_s": round(elapsed, 2),
        "targets_checked": checked,
        "targets_exact": exact,
        "targets": rows,
    }


def versions(assistant: Assistant, years: list[int]) -> dict:
    right, rows = 0, []
    for year in years:
        answer = assistant.ask(QUESTION, as_of=f"{year}-06-01")
        cited = sorted({answer.passages[n - 1].chunk.doc_id for n in answer.citations})
        ok = cited == [name(year)]
        right += ok
        rows.append({"year": year, "cited": cited, "ok": ok})
    return {"versions_asked": len(years), "versions_right": right, "versions": rows}


def diffs(assistant: Assistant, years: list[int]) -> dict:
    rows, seconds, marked, changed_targets = [], 0.0, 0, 0
    for old, new in zip(years, years[1:], strict=False):
        started = time.perf_counter()
        result = assistant.diff(name(old), name(new))
        seconds += time.perf_counter() - started
        for indicator, before, after in zip(INDICATORS, LABELS[old], LABELS[new], strict=True):
            if before == after:
                continue
            changed_targets += 1
            hit = any(
                c.old_figures or c.new_figures
                for c in result.changes
                if c.kind == "changed" and indicator in c.new and indicator in c.old
            )
            marked += hit
            rows.append({"old": old, "new": new, "indicator": indicator, "marked": hit})
    return {
        "diff_pairs": len(years) - 1,
        "diff_seconds_each": round(seconds / max(1, len(years) - 1), 3),
        "diff_target_changes": changed_targets,
        "diff_target_changes_marked": marked,
        "diffs": rows,
    }


def table(results: dict) -> str:
    return "\n".join(
        [
            f"| measure (government work reports, {results['reports']} years 2014–2025) | result |",
            "|---|---|",
            f"| ingest of the reports | {results['ingest_s']} s |",
            f"| `assistant targets` over the library | {results['targets_rows']} rows in "
            f"{results['targets_s']} s |",
            f"| each year's GDP and CPI targets found exactly (value, unit, comparator) | "
            f"{results['targets_exact']} / {results['targets_checked']} |",
            f"| “今年…的预期目标” asked as of 1 June of each year, citing that year's report only | "
            f"{results['versions_right']} / {results['versions_asked']} |",
            f"| 新旧对照 of each report with the year before | {results['diff_seconds_each']} s each |",
            f"| changed GDP/CPI targets paired with last year's sentence, figures marked | "
            f"{results['diff_target_changes_marked']} / {results['diff_target_changes']} |",
        ]
    )


if __name__ == "__main__":
    main()
