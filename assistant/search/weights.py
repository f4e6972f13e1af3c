"""How much each word of a question matters: its rarity in the index times its topicality."""

from __future__ import annotations

import math
import re

from ..index.state import Index
from ..text.segment import content_words, general_frequency, search_terms
from ..tuning import TUNING

TUNE = TUNING.evidence
_ACRONYM = re.compile(r"[A-Za-z]{2,}|\d")


def specificity(word: str) -> float:
    """1 for domain words, down to a floor for words common in everyday Chinese (表现, 到底)."""
    frequency = general_frequency(word)
    if frequency <= TUNE.common_word_frequency:
        return 1.0
    fall = TUNE.specificity_slope * math.log10(frequency / TUNE.common_word_frequency)
    return max(TUNE.specificity_floor, 1.0 - fall)


def word_weight(index: Index, word: str) -> float | None:
    """IDF of a word, or of its rarest sub-word for compounds BM25 indexed in parts; None if unseen."""
    if index.document_frequency(word):
        return index.idf(word)
    parts = [t for t in search_terms(word) if t != word and index.document_frequency(t)]
    return max(index.idf(t) for t in parts) if parts else None


def term_weights(index: Index, question: str) -> dict[str, float]:
    """The question's words, weighted by corpus rarity times topical specificity.

    A word the corpus never uses is usually the asker's own phrasing (到底, 打算), so it counts
    less than an average known word, unless it looks like a name or acronym (GDP, 5G).
    """
    words = list(dict.fromkeys(content_words(question)))
    known = {}
    for word in words:
        weight = word_weight(index, word)
        if weight is not None:
            known[word] = weight * specificity(word)
    average = sum(known.values()) / len(known) if known else 0.0
    ceiling = index.idf("\0")
    weights = {}
    for word in words:
        if word in known:
            weights[word] = known[word]
        elif _ACRONYM.search(word):
            weights[word] = ceiling
        else:
            weights[word] = TUNE.unknown_word_factor * average * specificity(word)
    return weights
