"""How a sentence's wording meets the question's: the question's character pairs it holds, the
longest run of the question it repeats, the words on each side of the question word it keeps,
whether it opens with the question's subject or date and holds its verbs."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..text import lexicon
from ..text.chars import bigram_set, normalise_for_match
from ..text.expressions import dates
from ..text.segment import stopwords, tagged

_OPENING = 6  # characters before the subject that still open the sentence (据说, 在此之后)


def question_pairs(question: str) -> set[str]:
    """The question's character pairs, without those of its question and function words."""
    stop = stopwords()
    kept = "".join(ch if ch not in stop else " " for ch in question)
    return bigram_set(kept)


def overlap(pairs: set[str], sentence: str) -> float:
    return len(pairs & bigram_set(sentence)) / len(pairs) if pairs else 0.0


def echo(question: str, sentence: str) -> float:
    """The longest run of the question's characters found in the sentence, as a share of the
    question's length (its wording around the question word, “……以什么为食” → “以……为食”)."""
    core = normalise_for_match(question)
    best = 0
    for start in range(len(core)):
        length = best + 1
        while start + length <= len(core) and core[start : start + length] in sentence:
            best = length
            length += 1
    return best / (len(core) or 1)


@cache
def wh_word() -> re.Pattern[str]:
    """The question word (什么, 哪些, 谁, 多少, 啥 …), where the answer would stand."""
    return re.compile(lexicon.alternation("question_types", "wh_words"))


def template(question: str, sentence: str) -> float:
    """How much of the wording on each side of the question word the sentence holds, in order,
    with something in between: “X以什么为食” → “以……为食”, “被谁所杀” → “被……所杀”."""
    match = wh_word().search(question)
    if not match:
        return 0.0
    left = normalise_for_match(question[: match.start()])[-4:]
    right = normalise_for_match(question[match.end() :])[:4]
    flat = normalise_for_match(sentence)
    best = 0
    for i in range(len(left) + 1):
        for j in range(len(right), -1, -1):
            head, tail = left[i:], right[:j]
            if len(head) + len(tail) <= best or not (head or tail):
                continue
            pattern = f"{re.escape(head)}.{{1,40}}{re.escape(tail)}" if head and tail else None
            if (pattern and re.search(pattern, flat)) or (not pattern and (head or tail) in flat):
                best = len(head) + len(tail)
    return best / ((len(left) + len(right)) or 1)


@lru_cache(maxsize=256)
def subject(question: str) -> str:
    """The noun a question opens with (松平康忠|是……, 乡里|组织……), if it opens with one."""
    for word, flag in tagged(question):
        if len(word) >= 2 and flag[0] in "nj":
            return word
        if flag in ("r", "v", "p", "d", "c"):
            return ""
    return ""


def opens_with(question: str, sentence: str) -> float:
    """1 when the sentence opens with the question's subject (“X（1546年－1618年）是……”)."""
    word = subject(question)
    return float(bool(word) and word in sentence[: len(word) + _OPENING])


@lru_cache(maxsize=256)
def verbs(question: str) -> tuple[str, ...]:
    """The question's verbs of two characters or more (毕业, 瓦解, 担任)."""
    return tuple(w for w, flag in tagged(question) if flag.startswith("v") and len(w) >= 2)


def verb_share(question: str, sentence: str) -> float:
    """The share of the question's verbs the sentence holds: it says what was asked about."""
    asked = verbs(question)
    return sum(v in sentence for v in asked) / len(asked) if asked else 0.0


def opens_on_date(question: str, sentence: str) -> float:
    """1 when the sentence opens with a date the question names (“1973年10月，任……” for
    “1973年10月，他担任什么职务？”): it says what happened then."""
    named = dates(question)
    return float(any(d in sentence[: len(d) + _OPENING] for d in named))
