"""Decide whether the retrieved passages can answer a question at all, before generating."""

from __future__ import annotations

from dataclasses import dataclass

from .index import Index
from .regions import find_foreign_places, find_provinces
from .schema import Passage
from .segment import char_ngrams, content_words

MIN_COVERAGE = 0.5
_TOP = 3


@dataclass(frozen=True, slots=True)
class Evidence:
    sufficient: bool
    coverage: float
    missing: tuple[str, ...]
    reason: str = ""


def term_weights(index: Index, question: str) -> dict[str, float]:
    """The question's content words, weighted by how rare they are in the corpus."""
    return {word: index.idf(word) for word in dict.fromkeys(content_words(question))}


def _present(word: str, text: str) -> float:
    if word in text:
        return 1.0
    if len(word) < 3:
        return 0.0
    grams = char_ngrams(word, 2)
    return sum(g in text for g in grams) / len(grams) if grams else 0.0


def assess(index: Index, question: str, passages: list[Passage]) -> Evidence:
    """Sufficient when the places the question names and most of its rare words are in the passages."""
    if not passages:
        return Evidence(False, 0.0, (), "资料库中没有检索到相关段落")
    texts = [p.text.lower() + (p.chunk.region or "") + p.chunk.title for p in passages[:_TOP]]
    pool = "\n".join(texts)
    every = "\n".join(p.text + (p.chunk.region or "") + p.chunk.title for p in passages)
    for place in find_foreign_places(question):
        if place not in every:
            return Evidence(False, 0.0, (place,), f"资料中没有关于“{place}”的内容")
    for province in find_provinces(question):
        if not any(alias in every for alias in province.aliases):
            return Evidence(False, 0.0, (province.short,), f"资料中没有关于“{province.short}”的内容")
    weights = term_weights(index, question)
    total = sum(weights.values())
    if not total:
        return Evidence(False, 0.0, (), "问题中没有可检索的内容")
    found = {w: max(_present(w, t) for t in texts) for w in weights}
    coverage = sum(weights[w] * found[w] for w in weights) / total
    missing = tuple(w for w in weights if found[w] == 0)
    if coverage < MIN_COVERAGE:
        shown = "、".join(missing[:3])
        return Evidence(False, coverage, missing, f"资料中找不到与“{shown}”相关的内容" if shown else "")
    return Evidence(True, coverage, missing)
