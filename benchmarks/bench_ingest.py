"""Ingestion speed: `Assistant.ingest` of generated Chinese notices, then the same folder again.

Run with `make bench`. Writes `benchmarks/results-ingest.json`: files/s and characters/s for a
first ingest of FILES files (copy, extract, catalogue, chunk, embed, commit in batches), the time
of a re-run where nothing changed, and of replacing one file.
"""

from __future__ import annotations

import json
import os
import platform
import random
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FILES = 2000
PROVINCES = [
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
]
TOPICS = ["中试平台", "科技金融", "成果转化", "产业集群", "创新联合体", "数字化改造", "人才引育"]


def write_corpus(folder: Path) -> int:
    rng = random.Random(8)
    folder.mkdir()
    chars = 0
    for i in range(FILES):
        province, topic = rng.choice(PROVINCES), rng.choice(TOPICS)
        paragraphs = [f"{province}省关于推进{topic}建设的通知（编号{i:05d}）"]
        for _ in range(rng.randint(4, 9)):
            paragraphs.append(
                f"{province}省将围绕{rng.choice(TOPICS)}开展专项行动，计划支持项目{rng.randint(3, 90)}个，"
                f"安排资金{rng.randint(2, 900)}亿元，推动企业、高校和科研院所协同攻关，"
                "完善考核评价和要素保障机制，按季度调度工作进展。"
            )
        text = "\n".join(paragraphs)
        chars += len(text)
        (folder / f"通知_{i:05d}.txt").write_text(text, "utf-8")
    return chars


def main() -> None:
    from assistant import Assistant, Settings

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        chars = write_corpus(root / "inbox")
        assistant = Assistant(Settings(home=root / "home", generator="extractive"))
        assistant.build_index()
        files = sorted((root / "inbox").iterdir())
        started = time.perf_counter()
        report = assistant.ingest(files)
        first = time.perf_counter() - started
        started = time.perf_counter()
        again = assistant.ingest(files)
        noop = time.perf_counter() - started
        files[0].write_text(
            files[0].read_text("utf-8") + "\n补充说明：本通知自印发之日起施行。", "utf-8"
        )
        started = time.perf_counter()
        assistant.ingest(files[:1])
        replace = time.perf_counter() - started
        manifest = assistant.index.manifest
    results = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "files": FILES,
        "characters": chars,
        "chunks_after": manifest.chunks,
        "first_ingest_s": round(first, 2),
        "files_per_s": round(FILES / first, 1),
        "chars_per_s": round(chars / first),
        "rerun_unchanged_s": round(noop, 2),
        "replace_one_file_s": round(replace, 2),
        "added": report.count("added"),
        "unchanged_on_rerun": again.count("unchanged"),
    }
    print(f"{'measure':24} {'value':>12}")
    for key, value in results.items():
        print(f"{key:24} {value!s:>12}")
    out = REPO / "benchmarks" / "results-ingest.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
