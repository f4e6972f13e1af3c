"""The plan's section templates, read from the `# sections` part of `prompts/plan.md`.

Each part of an action plan (指导思想, a 重点任务 such as 科技金融, a 保障措施) has a retrieval
`query` and the `keywords` a sentence must contain to be drafted as one of its items. The 重点任务
parts double as the national measures of the coverage matrix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..llm.prompts import Prompt, PromptError, load_prompt

_FENCE = re.compile(r"^```(?:yaml)?\s*$|^```\s*$", re.M)


@dataclass(frozen=True, slots=True)
class Part:
    """One part of the outline: a （一）-level heading and how to find its items."""

    key: str
    heading: str
    query: str
    keywords: tuple[str, ...]
    items: int
    note: str = ""
    form: str = "measure"  # "measure": prefer 要…/推动… sentences; "framing": statements of aim
    borrow: bool = True  # may another province's practice stand in where this one has none?


@dataclass(frozen=True, slots=True)
class Chapter:
    """A 一、-level chapter: 总体要求, 重点任务 or 保障措施."""

    key: str
    heading: str
    parts: tuple[Part, ...]


@dataclass(frozen=True, slots=True)
class PlanTemplate:
    prompt: Prompt
    title: str
    chapters: tuple[Chapter, ...]

    @property
    def tasks(self) -> Chapter:
        return next(c for c in self.chapters if c.key == "tasks")

    def part(self, key: str) -> Part | None:
        return next((p for c in self.chapters for p in c.parts if p.key == key), None)


def _part(raw: dict, default_items: int, where: str) -> Part:
    try:
        return Part(
            key=str(raw["key"]),
            heading=str(raw["heading"]),
            query=str(raw["query"]),
            keywords=tuple(str(k) for k in raw["keywords"]),
            items=int(raw.get("items", default_items)),
            note=str(raw.get("note", "")),
            form=str(raw.get("form", "measure")),
            borrow=bool(raw.get("borrow", True)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise PromptError(f"prompts/plan.md: {where} needs key, heading, query, keywords") from exc


def load_template(prompts_dir: Path) -> PlanTemplate:
    """Parse `prompts/plan.md`; a malformed template is a `PromptError` naming the problem."""
    prompt = load_prompt(prompts_dir, "plan")
    try:
        data = yaml.safe_load(_FENCE.sub("", prompt.section("sections")))
    except yaml.YAMLError as exc:
        raise PromptError(f"prompts/plan.md: the sections block is not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or "title" not in data:
        raise PromptError("prompts/plan.md: the sections block needs a title and three chapters")
    default_items = int(data.get("items_per_part", 3))
    chapters = []
    for key in ("general", "tasks", "safeguards"):
        raw = data.get(key)
        if not isinstance(raw, dict) or not raw.get("parts"):
            raise PromptError(f"prompts/plan.md: chapter '{key}' is missing or has no parts")
        parts = tuple(_part(p, default_items, f"{key}[{i}]") for i, p in enumerate(raw["parts"]))
        chapters.append(Chapter(key, str(raw["heading"]), parts))
    keys = [p.key for c in chapters for p in c.parts]
    if len(keys) != len(set(keys)):
        raise PromptError("prompts/plan.md: part keys must be unique")
    return PlanTemplate(prompt, str(data["title"]), tuple(chapters))
