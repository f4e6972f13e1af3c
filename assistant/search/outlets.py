"""How a question names an outlet: in full, as its short form is written out, without the word
for its kind (东湖 for 东湖学报), a daily without when it comes out (东湖报), a province's daily
by the province (辽报) — and the words a passage is described by for its outlets (报纸, 网站)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import lexicon
from ..text.abbreviations import expand_abbreviations
from ..text.regions import find_provinces
from ..text.segment import tagged


def outlet_named(outlet: str, question: str) -> bool:
    """The question names the outlet, in full or without the word for its kind (东湖学报 →
    东湖那篇)."""
    return bool(outlet_named_as(outlet, question))


@lru_cache(maxsize=4096)
def as_searched(outlet: str) -> str:
    """The outlet's name with its short forms written out, as a question is searched (once per
    outlet: it is asked of every outlet for every question and passage)."""
    return expand_abbreviations(outlet)


def outlet_named_as(outlet: str, question: str) -> str:
    """The outlet as the question names it: whole (as written, or as searched — 人社微报 is
    人力资源和社会保障微报 once its short form is written out), or without the word for its kind."""
    if outlet in question or as_searched(outlet) in question:
        return outlet  # named by its own name, as a label the record bears out
    for short in short_forms(outlet):
        if short in question:
            return short
    return _provincial_paper(outlet, question)


# what an outlet's name ends with → the word for its kind a question may name it by (那篇报纸文章)
_OUTLET_KINDS = {
    **dict.fromkeys(("日报", "晚报", "时报"), "报纸"),
    "网": "网站",
    **dict.fromkeys(("刊", "学报", "杂志"), "刊物 期刊 杂志"),  # 月刊, 季刊, 学报
}


@lru_cache(maxsize=4096)
def other_names(source: str) -> str:
    """The other names of a passage's outlets (东湖报, 报纸 for 东湖日报), to describe it by."""
    outlets = re.split(r"[、，,/ ]", source or "")
    kinds = {
        k
        for o in outlets
        for end, ks in _OUTLET_KINDS.items()
        if o.endswith(end)
        for k in ks.split()
    }
    return " ".join([*(s for o in outlets for s in short_forms(o)), *sorted(kinds)])


def short_forms(outlet: str) -> list[str]:
    """What a question may call the outlet: without the word for its kind (东湖 for 东湖学报), or a
    daily or evening paper without when it comes out (东湖报 for 东湖日报)."""
    suffixes = lexicon.alternation("genres", "outlet_suffixes")
    forms = [re.sub(rf"(?:{suffixes})$", "", outlet)]
    if len(outlet) >= 4 and outlet.endswith(("日报", "晚报")):
        forms.append(f"{outlet[:-2]}报")
    forms += _sisters(outlet) + _site_named(outlet)
    return [f for f in forms if f != outlet and len(f) >= 2]


_NAME_TAGS = frozenset({"nz", "nt", "nr", "j"})  # 新华, 北青, 央视: names, not 人民 or 中国


def _site_named(outlet: str) -> list[str]:
    """A website by its name without 网 (新华 for 新华网), when that is a name of its own — not
    an everyday word (人民) or a place (中国) a question uses for other things."""
    stem = outlet[:-1] if outlet.endswith("网") else ""
    words = tagged(stem) if len(stem) >= 2 else ()
    return [stem] if len(words) == 1 and words[0][1] in _NAME_TAGS else []


# a news agency and its website go by each other's names (X社 / X网), as a daily and its site
_SISTER_KINDS = {"网": ("社",), "社": ("网",), "日报": ("网",)}


def _sisters(outlet: str) -> list[str]:
    """What a question may call the outlet by its sister's name: X社 for X网, X网 for X日报."""
    for end, others in _SISTER_KINDS.items():
        stem = outlet[: -len(end)]
        if outlet.endswith(end) and len(stem) >= 2:
            return [stem + other for other in others]
    return []


def _provincial_paper(outlet: str, question: str) -> str:
    """A province's daily named by the province's abbreviation: 辽报 for 辽宁日报."""
    for province in find_provinces(outlet) if outlet.endswith("日报") else ():
        short = f"{province.abbreviation}报"
        if outlet.startswith((province.name, province.short)) and short in question:
            return short
    return ""
