"""Chinese segmentation: jieba with a policy-term dictionary and the region names, shared by
BM25, the evidence check and the offline generator; stopwords; abbreviations."""

from __future__ import annotations

import logging
import re
import tempfile
from functools import cache
from importlib import resources

import jieba

from . import lexicon
from .chars import CJK
from .regions import provinces, region_groups

_TOKEN_JUNK = re.compile(rf"^[^{CJK}0-9A-Za-z+]+$")
_USER_WORD_FREQUENCY = 20


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = tempfile.gettempdir()
    terms = resources.files("assistant.data").joinpath("lexicon", "policy_terms.txt")
    with terms.open("rb") as handle:
        tokenizer.load_userdict(handle)
    # Place names, their cities and landmarks are words, whatever jieba's dictionary says.
    places = [a for p in provinces() for a in p.aliases]
    places += [n for g in region_groups() for n in g.names]
    for place in places:
        if not tokenizer.FREQ.get(place):
            tokenizer.add_word(place, _USER_WORD_FREQUENCY)
    return tokenizer


@cache
def stopwords() -> frozenset[str]:
    return frozenset(lexicon.words("stopwords"))


def words(text: str) -> list[str]:
    """Segment into words (jieba precise mode), dropping punctuation and spaces."""
    return [w for w in _tokenizer().lcut(text) if w.strip() and not _TOKEN_JUNK.match(w)]


def search_terms(text: str) -> list[str]:
    """Terms for retrieval: jieba search mode (words plus their sub-words), no stopwords."""
    stop = stopwords()
    terms = []
    for word in _tokenizer().lcut_for_search(text.lower()):
        word = word.strip()
        if word and word not in stop and not _TOKEN_JUNK.match(word):
            terms.append(word)
    return terms


def content_words(text: str) -> list[str]:
    """Words that carry meaning: precise-mode words without stopwords."""
    stop = stopwords()
    return [w for w in words(text.lower()) if w not in stop]


@cache
def _abbreviations() -> tuple[tuple[re.Pattern[str], str], ...]:
    path = resources.files("assistant.data").joinpath("lexicon", "abbreviations.txt")
    lines = path.read_text("utf-8").splitlines()
    pairs = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    pairs.sort(key=lambda pair: -len(pair[0]))
    # Expand a short form only where the full form is not already written out.
    return tuple(
        (re.compile(rf"{re.escape(short)}(?!{re.escape(full[len(short) :])})"), full)
        for short, full in pairs
    )


def expand_abbreviations(text: str) -> str:
    """Write out common short forms of official names (工信 → 工业和信息化) for searching."""
    for pattern, full in _abbreviations():
        if full not in text:
            text = pattern.sub(full, text)
    return text


def general_frequency(word: str) -> int:
    """How common a word is in general Chinese (jieba's dictionary counts; 0 when unknown)."""
    return _tokenizer().FREQ.get(word) or 0


def warm_up() -> None:
    """Load the dictionary now rather than on the first question."""
    _tokenizer().initialize()
