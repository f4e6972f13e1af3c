"""Eval reports: Markdown and JSON (metrics against the baseline, failing cases) and a PNG chart."""

from __future__ import annotations

import json
from pathlib import Path

from .cases import METRICS
from .runner import EvalRun

_MAX_CASES = 40


def _row(metric, value, base) -> str:
    if base is None:
        return f"| {metric.label} `{metric.name}` | {value:.3f} | — | — | |"
    delta = value - base
    worse = -delta if metric.higher_is_better else delta
    limit = 0.0 if metric.hard else metric.tolerance
    status = "❌ 回退" if worse > limit + 1e-9 else ("✅ 提升" if worse < -1e-9 else "✅")
    return (
        f"| {metric.label} `{metric.name}` | {value:.3f} | {base:.3f} | {delta:+.3f} | {status} |"
    )


def markdown(run: EvalRun, baseline: dict | None, regressed: list[tuple[str, str]]) -> str:
    base = (baseline or {}).get("metrics", {})
    lines = [
        f"# 评测报告（{run.mode}）",
        "",
        f"- 用例数：{len(run.cases)}（跳过 {len(run.skipped)}：需要大模型）；用时 {run.seconds} 秒",
        f"- 版本（提示词、调优参数、词表）：`{run.version['version']}`；"
        f"基线：`{(baseline or {}).get('version', {}).get('version', '无')}`",
        "",
        "| 指标 | 本次 | 基线 | 变化 | 状态 |",
        "|---|---|---|---|---|",
    ]
    lines += [
        _row(m, run.metrics[m.name], base.get(m.name)) for m in METRICS if m.name in run.metrics
    ]
    if regressed:
        lines += ["", "## 回退的用例", ""]
        lines += [f"- `{case_id}`：{why}" for case_id, why in regressed]
    failing = [c for c in run.cases if c["problems"]]
    lines += ["", f"## 未完全通过的用例（{len(failing)}）", ""]
    for case in failing[:_MAX_CASES]:
        lines += [
            f"### `{case['id']}` {case['question']}",
            "",
            f"问题：{'；'.join(case['problems'])}",
            "",
            f"> {case['answer']}",
            "",
        ]
        lines += [
            f"- [{p['n']}] `{p['chunk_id']}` {p['text'][:120]}…" for p in case["cited_passages"]
        ]
        lines.append("")
    if len(failing) > _MAX_CASES:
        lines.append(f"……另有 {len(failing) - _MAX_CASES} 个，见 JSON 报告。")
    return "\n".join(lines + _drafting_cases(run)) + "\n"


def _drafting_cases(run: EvalRun) -> list[str]:
    """The plan and comparison cases that did not fully pass."""
    lines: list[str] = []
    plans = [c for c in run.plan_cases if c["problems"]]
    if run.plan_cases:
        lines += ["", f"## 方案起草用例：{len(run.plan_cases)} 个，未完全通过 {len(plans)} 个", ""]
    for case in plans:
        focus = f"（重点：{case['focus']}）" if case["focus"] else ""
        lines += [f"### `{case['id']}` {case['province']}{focus}", "", "；".join(case["problems"])]
        lines += [
            f"- {item['text']} {item['citations']}：{'；'.join(item['issues'])}"
            for item in case["flagged"][:10]
        ]
        lines.append("")
    compares = [c for c in run.compare_cases if c["problems"]]
    if run.compare_cases:
        total = len(run.compare_cases)
        lines += ["", f"## 对比用例：{total} 个，未完全通过 {len(compares)} 个", ""]
    for case in compares:
        provinces = "、".join(case["provinces"])
        lines += [f"### `{case['id']}` {provinces}", "", "；".join(case["problems"]), ""]
    shelved = [c for c in run.library_cases if c["problems"]]
    if run.library_cases:
        total = len(run.library_cases)
        lines += ["", f"## 资料库用例：{total} 个，未通过 {len(shelved)} 个", ""]
    lines += [f"- `{c['id']}`（{c['kind']}）：{'；'.join(c['problems'])}" for c in shelved]
    return lines


def chart(run: EvalRun, baseline: dict | None, path: Path) -> None:
    """Bar chart of each metric, this run against the baseline."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [m.name for m in METRICS if m.name in run.metrics]
    base = (baseline or {}).get("metrics", {})
    positions = range(len(names))
    figure, axes = plt.subplots(figsize=(11, 4.5), dpi=110)
    axes.bar(
        [p - 0.2 for p in positions],
        [base.get(n, 0.0) for n in names],
        0.4,
        label="baseline",
        color="#9aa5b1",
    )
    bars = axes.bar(
        [p + 0.2 for p in positions],
        [run.metrics[n] for n in names],
        0.4,
        label=run.mode,
        color="#2f6fdf",
    )
    axes.bar_label(bars, fmt="%.2f", fontsize=7)
    axes.set_xticks(list(positions), names, rotation=30, ha="right")
    axes.set_ylim(0, 1.05)
    axes.set_title(
        f"eval metrics vs baseline ({len(run.cases)} cases, version {run.version['version']})"
    )
    axes.legend(loc="lower left")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


def summary_table(run: EvalRun, baseline: dict | None) -> str:
    """The metric table for the terminal."""
    base = (baseline or {}).get("metrics", {})
    rows = [f"{'指标':<28}{'本次':>8}{'基线':>8}{'变化':>8}"]
    for metric in METRICS:
        if metric.name not in run.metrics:
            continue
        value, before = run.metrics[metric.name], base.get(metric.name)
        change = f"{value - before:+.3f}" if before is not None else "—"
        shown = f"{before:.3f}" if before is not None else "—"
        rows.append(f"{metric.name:<28}{value:>8.3f}{shown:>8}{change:>8}")
    plans = f" + {len(run.plan_cases)} 个方案用例" if run.plan_cases else ""
    plans += f" + {len(run.compare_cases)} 个对比用例" if run.compare_cases else ""
    plans += f" + {len(run.library_cases)} 个资料库用例" if run.library_cases else ""
    rows.append(f"{len(run.cases)} 个问答用例{plans}，{run.seconds} 秒（模式：{run.mode}）")
    return "\n".join(rows)


def write(
    run: EvalRun, baseline: dict | None, regressed: list[tuple[str, str]], folder: Path
) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"eval-{run.mode}"
    paths = [folder / f"{stem}.md", folder / f"{stem}.json", folder / f"{stem}.png"]
    paths[0].write_text(markdown(run, baseline, regressed), "utf-8")
    report = run.to_json() | {"baseline": (baseline or {}).get("metrics"), "regressed": regressed}
    paths[1].write_text(json.dumps(report, ensure_ascii=False, indent=2), "utf-8")
    chart(run, baseline, paths[2])
    return paths
