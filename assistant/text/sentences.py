"""Sentence splitting that keeps short quotations whole, and sentence-level phrasing helpers."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from . import lexicon

# A sentence ends at 。！？ (or …… / ! ?), taking closing quotes and brackets with it.
_SENTENCE = re.compile(r".+?(?:[。！？!?]+|……|…|$)[”’」』）)]*", re.S)
_CLAUSE = re.compile(r".+?(?:[；;]|$)", re.S)


_TITLES = ("《》", "「」")


def _keep_quotes_whole(pieces: list[str], limit: int = 200) -> list[str]:
    """Re-join pieces split inside a “quotation” that closes within `limit` characters, or
    inside a 《title！》 the next piece closes."""
    merged: list[str] = []
    for piece in pieces:
        if merged:
            last = merged[-1]
            inside = last.count("“") > last.count("”") or any(
                last.count(left) > last.count(right) and right in piece for left, right in _TITLES
            )
            if inside and len(last) + len(piece) <= limit:
                merged[-1] = last + piece
                continue
        merged.append(piece)
    return merged


_ATTRIBUTION_CHARS = 40


@cache
def _attribution() -> re.Pattern[str]:
    return re.compile(
        rf"[^“”。！？]{{2,{_ATTRIBUTION_CHARS}}}(?:{lexicon.alternation('expressions', 'speech_verbs')})(?:\[\d+\])*[。！]?"
    )


def _keep_attributions(pieces: list[str]) -> list[str]:
    """Join a quotation and the short sentence naming who said it (“……。”李晓红表示。)."""
    joined: list[str] = []
    for piece in pieces:
        if joined and joined[-1].endswith("”") and _attribution().fullmatch(piece):
            joined[-1] += piece
        else:
            joined.append(piece)
    return joined


def split_sentences(text: str, *, max_chars: int = 0) -> list[str]:
    """Split into sentences at 。！？ (not inside short quotations); long ones further at ；."""
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        pieces = [m.group().strip() for m in _SENTENCE.finditer(paragraph)]
        for sentence in _keep_attributions(_keep_quotes_whole([p for p in pieces if p])):
            if max_chars and len(sentence) > max_chars:
                sentences.extend(c.strip() for c in _CLAUSE.findall(sentence) if c.strip())
            else:
                sentences.append(sentence)
    return sentences


@cache
def _leading(comma_only: bool) -> re.Pattern[str]:
    after = r"[，：,]" if comma_only else r"[，,、：:]?"
    return re.compile(rf"(?:{lexicon.alternation('connectives')}){after}")


def strip_connective(sentence: str, *, rounds: int = 1, comma_only: bool = True) -> str:
    """Drop leading connectives and ordinals (“此外，”, “一是”, “例如”) that carry no content.

    With `comma_only` a connective goes only when punctuation follows it (“同时，要……”), so a
    sentence whose subject it is (“同时要……” reads on) keeps it.
    """
    pattern = _leading(comma_only)
    text = sentence
    for _ in range(rounds):
        match = pattern.match(text)
        if not match:
            break
        text = text[match.end() :].lstrip("，,、 ")
    return text


def lead_details(
    sentences: Sequence[str], position: int, *, limit: int, usable: Callable[[str], bool]
) -> list[int]:
    """Positions of the sentences that spell out a short lead sentence (“二是建立平台。”): up to
    `limit` of those that follow it, stopping at the first that cannot be quoted. Callers decide
    what is short enough to be a lead."""
    found = []
    for following in range(position + 1, min(position + 1 + limit, len(sentences))):
        if not usable(sentences[following]):
            break
        found.append(following)
    return found
