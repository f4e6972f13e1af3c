"""Chinese segmentation and sentence splitting, shared by BM25, embeddings and citation checks."""

from __future__ import annotations

import logging
import re
import tempfile
from functools import cache
from importlib import resources

import jieba

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD_CHAR = re.compile(rf"[{CJK}0-9A-Za-z]")
_TOKEN_JUNK = re.compile(rf"^[^{CJK}0-9A-Za-z+]+$")
# A sentence ends at 。！？ (or …… / ! ?), taking closing quotes and brackets with it.
_SENTENCE = re.compile(r".+?(?:[。！？!?]+|……|…|$)[”’」』）)]*", re.S)
_CLAUSE = re.compile(r".+?(?:[；;]|$)", re.S)


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = tempfile.gettempdir()
    with resources.files("assistant.data").joinpath("policy_terms.txt").open("rb") as terms:
        tokenizer.load_userdict(terms)
    return tokenizer


@cache
def stopwords() -> frozenset[str]:
    text = resources.files("assistant.data").joinpath("stopwords.txt").read_text("utf-8")
    return frozenset(text.split())


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


def _keep_quotes_whole(pieces: list[str], limit: int = 200) -> list[str]:
    """Re-join pieces split inside a “quotation” that closes within `limit` characters."""
    merged: list[str] = []
    for piece in pieces:
        if merged:
            last = merged[-1]
            if last.count("“") > last.count("”") and len(last) + len(piece) <= limit:
                merged[-1] = last + piece
                continue
        merged.append(piece)
    return merged


def split_sentences(text: str, *, max_chars: int = 0) -> list[str]:
    """Split into sentences at 。！？ (not inside short quotations); long ones further at ；."""
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        pieces = [m.group().strip() for m in _SENTENCE.finditer(paragraph)]
        for sentence in _keep_quotes_whole([p for p in pieces if p]):
            if max_chars and len(sentence) > max_chars:
                sentences.extend(c.strip() for c in _CLAUSE.findall(sentence) if c.strip())
            else:
                sentences.append(sentence)
    return sentences


def normalise_for_match(text: str) -> str:
    """Keep only letters, digits and CJK characters, lower-cased: the basis of overlap checks."""
    return "".join(_WORD_CHAR.findall(text)).lower()


def char_ngrams(text: str, n: int) -> list[str]:
    """Overlapping character n-grams of the normalised text."""
    chars = normalise_for_match(text)
    return [chars[i : i + n] for i in range(len(chars) - n + 1)]


@cache
def _abbreviations() -> tuple[tuple[re.Pattern[str], str], ...]:
    text = resources.files("assistant.data").joinpath("abbreviations.txt").read_text("utf-8")
    pairs = [
        line.split() for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]
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
