"""Decide whether the retrieved passages can answer a question at all, before generating."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .index import Index
from .regions import find_foreign_places, find_provinces
from .schema import Passage
from .segment import char_ngrams, content_words, general_frequency, search_terms

MIN_COVERAGE = 0.4
_ACRONYM = re.compile(r"[A-Za-z]{2,}|\d")
_TOP = 5


@dataclass(frozen=True, slots=True)
class Evidence:
    sufficient: bool
    coverage: float
    missing: tuple[str, ...]
    reason: str = ""


def _specificity(word: str) -> float:
    """1 for domain words, down to 0.3 for words common in everyday Chinese (表现, 到底)."""
    frequency = general_frequency(word)
    if frequency <= 300:
        return 1.0
    return max(0.3, 1.0 - 0.35 * math.log10(frequency / 300))


def _word_weight(index: Index, word: str) -> float | None:
    """IDF of a word, or of its rarest sub-word for compounds BM25 indexed in parts; None if unseen."""
    if index.document_frequency(word):
        return index.idf(word)
    parts = [t for t in search_terms(word) if t != word and index.document_frequency(t)]
    return max(index.idf(t) for t in parts) if parts else None


def term_weights(index: Index, question: str) -> dict[str, float]:
    """The question's words, weighted by corpus rarity times topical specificity.

    A word the corpus never uses is usually the asker's own phrasing (到底, 打算), so it counts
    half as much as an average known word, unless it looks like a name or acronym (GDP, 5G).
    """
    words = list(dict.fromkeys(content_words(question)))
    known = {}
    for word in words:
        weight = _word_weight(index, word)
        if weight is not None:
            known[word] = weight * _specificity(word)
    average = sum(known.values()) / len(known) if known else 0.0
    ceiling = index.idf("\0")
    weights = {}
    for word in words:
        if word in known:
            weights[word] = known[word]
        else:
            weights[word] = ceiling if _ACRONYM.search(word) else 0.5 * average * _specificity(word)
    return weights


# How people refer to a text by its kind (“那篇论文”, “工信述评”) rather than its title.
_GENRE = {
    "academic": "论文 学刊 学术 研究",
    "central": "中央 全国 国家 述评 评论",
    "provincial": "省 地方",
    "municipal": "市 地方",
}


def _describe(passage: Passage) -> str:
    chunk = passage.chunk
    return " ".join(
        x
        for x in (chunk.title, chunk.source, chunk.region, chunk.heading, _GENRE.get(chunk.level))
        if x
    )


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
    texts = [p.text.lower() + _describe(p) for p in passages[:_TOP]]
    every = "\n".join(p.text + _describe(p) for p in passages)
    for place in find_foreign_places(question):
        if place not in every:
            return Evidence(False, 0.0, (place,), f"资料中没有关于“{place}”的内容")
    for province in find_provinces(question):
        if not any(alias in every for alias in province.aliases):
            return Evidence(
                False, 0.0, (province.short,), f"资料中没有关于“{province.short}”的内容"
            )
    # Place names choose the passages; they are not what is asked about (“明天北京天气”).
    place_words = {a for p in find_provinces(question) for a in (*p.aliases, p.abbreviation)}
    weights = {w: v for w, v in term_weights(index, question).items() if w not in place_words}
    total = sum(weights.values())
    if not total or not any(_word_weight(index, w) is not None for w in weights):
        shown = "、".join(list(weights)[:3])
        return Evidence(
            False,
            0.0,
            tuple(weights),
            f"资料中没有与“{shown}”相关的内容" if shown else "问题中没有可检索的内容",
        )
    found = {w: max(_present(w, t) for t in texts) for w in weights}
    coverage = sum(weights[w] * found[w] for w in weights) / total
    missing = tuple(w for w in weights if found[w] == 0)
    if coverage < MIN_COVERAGE:
        shown = "、".join(missing[:3])
        return Evidence(
            False, coverage, missing, f"资料中找不到与“{shown}”相关的内容" if shown else ""
        )
    return Evidence(True, coverage, missing)
