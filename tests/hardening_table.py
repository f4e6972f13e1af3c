"""Write the README's hardening table from what the test suite observed.

    make test                              # the tests record rows in test-artifacts/hardening.json
    python tests/hardening_table.py        # print the table
    python tests/hardening_table.py --readme   # replace the table between the README markers

Each row is (area, fault or input, observed behaviour), recorded by a test through the `observe`
fixture and kept only when that test passed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OBSERVATIONS = REPO / "test-artifacts" / "hardening.json"
START, END = "<!-- hardening-table:start -->", "<!-- hardening-table:end -->"
AREAS = ("endpoint", "injection", "question", "privacy", "load")
TITLES = {
    "endpoint": "LLM endpoint fault",
    "injection": "Prompt injection",
    "question": "Hostile question",
    "privacy": "Secrets and privacy",
    "load": "Load",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def table(observed: dict[str, list[dict[str, str]]]) -> str:
    rows: dict[tuple[str, str], list[str]] = {}
    for nodeid in sorted(observed):
        for row in observed[nodeid]:
            behaviours = rows.setdefault((row["area"], row["case"]), [])
            if row["behaviour"] not in behaviours:
                behaviours.append(row["behaviour"])
    order = {area: i for i, area in enumerate(AREAS)}
    lines = ["| Area | Fault or input | Observed behaviour |", "|---|---|---|"]
    for area, case in sorted(rows, key=lambda key: order.get(key[0], len(AREAS))):
        behaviour = "; ".join(rows[area, case])
        lines.append(f"| {TITLES.get(area, area)} | {_cell(case)} | {_cell(behaviour)} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    try:
        observed = json.loads(OBSERVATIONS.read_text("utf-8"))
    except FileNotFoundError:
        print(f"{OBSERVATIONS} is missing: run the test suite first", file=sys.stderr)
        return 1
    text = table(observed)
    if "--readme" not in argv:
        print(text)
        return 0
    readme = REPO / "README.md"
    content = readme.read_text("utf-8")
    if START not in content or END not in content:
        print(f"README.md lacks the markers {START} … {END}", file=sys.stderr)
        return 1
    head, rest = content.split(START, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{START}\n{text}\n{END}{tail}", "utf-8")
    print(f"README.md: {text.count(chr(10)) - 1} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
