"""The short lead sentences a sentence of a passage falls under: a paragraph opening on a title
of its own (以科技创新赋能传统产业改造升级。……) and, inside it, the lead of each item (要坚持绿色化
转型。加快……). What they name holds for the sentences after them, as a section heading's does:
“辽宁传统产业往绿色上转打算咋弄” is answered by the sentence under both, which names neither."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from ..text.segment import tagged
from ..tuning import TUNING

_LEAD_CHARS = 20  # a lead is short …
_CLAUSE_MARK = re.compile(r"[，,；;：:、“”\"（）()]")  # … and one plain clause


def is_lead(sentence: str) -> bool:
    """Short, one plain clause, and saying what to do (要坚持……, 以科技创新赋能……, 加快……): a
    statement about a thing opens with the thing (该市是……) and heads nothing."""
    body = sentence.strip().rstrip("。.！!")
    if not 0 < len(body) <= _LEAD_CHARS or _CLAUSE_MARK.search(body):
        return False
    words = tagged(body)
    return bool(words) and words[0][1][0] in _DOING


_DOING = frozenset("vpdca")  # the first word's tag: a verb, preposition, adverb, conjunction …
_ITEM_OPENING = 3  # characters the leads of a list's items open with alike (要坚持)


def leads(text: str, sentences: list[str]) -> list[str]:
    """For each sentence of `text` (in order), the leads it falls under, joined: its paragraph's
    opening lead, and the last of the leads of its items before it (要坚持……。要坚持……。)."""
    found, offset, paragraph = [], 0, -1
    opener, latest = "", ""
    # leads opening alike (要坚持|高端化升级。要坚持|数字化赋能。) are items, each heading its own
    openings = {p: s.strip()[:_ITEM_OPENING] for p, s in enumerate(sentences) if is_lead(s)}
    alike = Counter(openings.values())
    for position, sentence in enumerate(sentences):
        at = text.find(sentence.strip(), offset)
        here = text.count("\n", 0, at) if at >= 0 else paragraph
        offset = at + len(sentence.strip()) if at >= 0 else offset
        item = openings.get(position) is not None and alike[openings[position]] >= 2
        if here != paragraph:  # a new paragraph: its first sentence may head it
            paragraph, opener = here, sentence if is_lead(sentence) and not item else ""
            latest = ""
        found.append(" ".join(s for s in (opener, latest) if s and s != sentence))
        if item:
            latest = sentence
    return found


def under(sentence: str, heads: str, coverage: Callable[[str], float]) -> float:
    """The sentence's coverage with, at a discount, what its leads add: weaker evidence."""
    own = coverage(sentence)
    return (
        own + TUNING.answer.lead_share * (coverage(f"{sentence} {heads}") - own) if heads else own
    )
