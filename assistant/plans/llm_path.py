"""The LLM path of plan drafting: `prompts/plan.md` → JSON outline → parsed, validated, verified.

The model sees, part by part, the same passages the offline drafter retrieves, numbered once for
the whole plan and fenced like answer passages (planted instructions dropped). Its JSON is
validated with pydantic; every item's `[n]` markers are parsed and checked exactly like answer
sentences, and where an item comes from (the province, the national texts, another province) is
decided from the passages it cites, not from what the model claims.
"""

from __future__ import annotations

import time

from pydantic import BaseModel, Field, ValidationError

from ..answer.generate import fence
from ..answer.verify import parse_citations, strip_citations
from ..config import Settings
from ..index.state import Index
from ..llm.json_reply import NoJSONObject, json_object
from ..schema import Chunk, PlanItem, PlanOutline
from ..text.regions import Province
from ..tuning import TUNING
from .drafter import PlanDrafter
from .outline import assemble, coverage_matrix, material_note, named_measures, verify_items
from .template import PlanTemplate


class _Item(BaseModel):
    text: str = Field(min_length=2, max_length=600)
    origin: str = "national"
    details: list[str] = Field(default_factory=list, max_length=6)


class _Part(BaseModel):
    key: str
    items: list[_Item] = Field(default_factory=list, max_length=8)


class _Outline(BaseModel):
    sections: list[_Part]


class PlanOutputError(ValueError):
    """The model's output is not a usable outline."""


def parse_outline(text: str) -> _Outline:
    """The model's JSON (bare or inside a ```json fence), validated; else `PlanOutputError`."""
    try:
        return _Outline.model_validate(json_object(text))
    except NoJSONObject as exc:
        raise PlanOutputError("模型输出中没有可解析的 JSON 对象") from exc
    except ValidationError as exc:
        raise PlanOutputError(f"模型输出的 JSON 不符合提纲格式：{str(exc)[:200]}") from exc


def _passages_by_part(drafter: PlanDrafter, template: PlanTemplate) -> dict[str, list[Chunk]]:
    """Each part's passages: the province's own first, then what the part's query retrieves."""
    chosen: dict[str, list[Chunk]] = {}
    for chapter in template.chapters:
        for part in chapter.parts:
            ranked = sorted(drafter.pool(part), key=lambda pair: pair[1])
            own = [c for c, _ in ranked if c in drafter.province_chunks]
            rest = [c for c, _ in ranked if c not in own and c not in drafter.actor_chunks]
            mentions = [c for c in drafter.actor_chunks if any(k in c.text for k in part.keywords)]
            picked = list(dict.fromkeys(own[:2] + mentions[:1] + rest))
            chosen[part.key] = picked[: TUNING.plan.passages_per_part]
    return chosen


def _item_origin(drafter: PlanDrafter, text: str, cited: list[Chunk]) -> tuple[str, str | None]:
    """Where an item comes from, judged by its cited passages."""
    origins = [drafter.origin_of(chunk, sentence) for chunk in cited for sentence in [text, ""]]
    if any(origin == "province" for origin, _ in origins):
        return "province", drafter.province.name
    elsewhere = [region for origin, region in origins if origin == "elsewhere"]
    if elsewhere:
        return "elsewhere", elsewhere[0]
    return "national", None


def _messages(drafter: PlanDrafter, template: PlanTemplate, focus: str | None):
    """The plan prompt with every part's passages, numbered once for the whole plan."""
    by_part = _passages_by_part(drafter, template)
    numbers = drafter.numbers
    sections = [
        {
            "key": part.key,
            "heading": part.heading,
            "passages": [
                {
                    "n": numbers.cite(c),
                    "title": c.title,
                    "region": c.region or "全国",
                    "text": fence(c.text),
                }
                for c in by_part[part.key]
            ],
        }
        for chapter in template.chapters
        for part in chapter.parts
    ]
    return template.prompt.render(
        province=drafter.province.name,
        focus=focus or "",
        has_material=drafter.has_specific_material,
        sections=sections,
    )


def draft_with_llm(
    settings: Settings,
    index: Index,
    template: PlanTemplate,
    province: Province,
    focus: str | None,
) -> PlanOutline:
    """Draft with the configured model; raises on endpoint or output problems (caller falls back)."""
    from ..llm.client import reply_text

    started = time.perf_counter()
    drafter = PlanDrafter(index, province)
    reply = reply_text(settings, _messages(drafter, template, focus))
    parsed = {part.key: part.items for part in parse_outline(reply).sections}
    task_keys = {p.key for p in template.tasks.parts}

    def item(text: str, measure: str | None) -> PlanItem:
        citations = parse_citations(text)
        body = strip_citations(text)
        cited = [c for n in citations if (c := drafter.numbers.chunk(n)) is not None]
        origin, region = _item_origin(drafter, body, cited)
        return PlanItem(body, citations, origin, region, measure)  # type: ignore[arg-type]

    drafted: dict[str, list[PlanItem]] = {}
    for part in (p for chapter in template.chapters for p in chapter.parts):
        measure = part.key if part.key in task_keys else None
        drafted[part.key] = []
        for raw in parsed.get(part.key, []):
            drafted[part.key].append(item(raw.text, measure))
            drafted[part.key][-1].details = [item(d, measure) for d in raw.details]
    sections = assemble(template, drafted, province)
    if not any(s.all_items() for s in sections):
        raise PlanOutputError("模型没有给出任何条目")
    outline = PlanOutline(
        province=province.name,
        title=template.title.replace("{province}", province.name),
        sections=sections,
        coverage=coverage_matrix(sections, named_measures(index, template)),
        passages=drafter.numbers.passages,
        notes=[material_note(drafter.own_material, province)]
        + ([f"按要求突出“{focus}”方向。"] if focus else []),
        focus=focus,
        has_specific_material=drafter.has_specific_material,
        model=settings.chat_model,
        prompt_version=template.prompt.version,
    )
    verify_items(outline)
    flagged = sum(i.status != "supported" for i in outline.items())
    if flagged:
        outline.notes.append(
            f"有{flagged}个条目的引用未通过核验，已标注“引用待核”，请对照原文修改。"
        )
    outline.timings_ms["draft"] = (time.perf_counter() - started) * 1000
    return outline
