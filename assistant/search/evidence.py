"""Decide whether the retrieved passages can answer a question at all, before generating."""

from __future__ import annotations

from dataclasses import dataclass

from ..index.state import Index
from ..schema import Passage
from ..text import lexicon
from ..text.chars import char_ngrams
from ..text.regions import find_foreign_places, find_provinces
from ..tuning import TUNING
from .weights import term_weights, word_weight

TUNE = TUNING.evidence


@dataclass(frozen=True, slots=True)
class Evidence:
    sufficient: bool
    coverage: float
    missing: tuple[str, ...]
    reason: str = ""


def describe(passage: Passage) -> str:
    """What a passage is, in words a question may use: title, outlet, region, section, genre."""
    chunk = passage.chunk
    genre = " ".join(lexicon.words("genres", chunk.level))
    return " ".join(x for x in (chunk.title, chunk.source, chunk.region, chunk.heading, genre) if x)


def _present(word: str, text: str) -> float:
    if word in text:
        return 1.0
    if len(word) < 3:
        return 0.0
    grams = char_ngrams(word, 2)
    return sum(g in text for g in grams) / len(grams) if grams else 0.0


def _missing_place(question: str, every: str) -> Evidence | None:
    for place in find_foreign_places(question):
        if place not in every:
            return Evidence(False, 0.0, (place,), f"资料中没有关于“{place}”的内容")
    for province in find_provinces(question):
        if not any(alias in every for alias in province.aliases):
            return Evidence(
                False, 0.0, (province.short,), f"资料中没有关于“{province.short}”的内容"
            )
    return None


def assess(index: Index, question: str, passages: list[Passage]) -> Evidence:
    """Sufficient when the places the question names and most of its rare words are in the passages."""
    if not passages:
        return Evidence(False, 0.0, (), "资料库中没有检索到相关段落")
    texts = [p.text.lower() + describe(p) for p in passages[: TUNE.top_passages]]
    every = "\n".join(p.text + describe(p) for p in passages)
    if missing := _missing_place(question, every):
        return missing
    # Place names choose the passages; they are not what is asked about (“明天北京天气”).
    place_words = {a for p in find_provinces(question) for a in (*p.aliases, p.abbreviation)}
    weights = {w: v for w, v in term_weights(index, question).items() if w not in place_words}
    total = sum(weights.values())
    if not total or not any(word_weight(index, w) is not None for w in weights):
        shown = "、".join(list(weights)[:3])
        return Evidence(
            False,
            0.0,
            tuple(weights),
            f"资料中没有与“{shown}”相关的内容" if shown else "问题中没有可检索的内容",
        )
    found = {w: max(_present(w, t) for t in texts) for w in weights}
    coverage = sum(weights[w] * found[w] for w in weights) / total
    missing_words = tuple(w for w in weights if found[w] == 0)
    if coverage < TUNE.min_coverage:
        shown = "、".join(missing_words[:3])
        return Evidence(
            False, coverage, missing_words, f"资料中找不到与“{shown}”相关的内容" if shown else ""
        )
    return Evidence(True, coverage, missing_words)
