"""Check an answer sentence by sentence against the passages each sentence cites.

Support is lexical: the share of the sentence's character bigrams found in the cited passages
(a cheap, deterministic stand-in for an NLI model). On top of that every number, date and
percentage must appear verbatim in a cited passage, so a changed figure is never "supported".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..schema import Passage, Sentence
from ..text.chars import char_ngrams, normalise_for_match
from ..text.numerals import all_in_digits
from ..text.segment import tagged_content
from ..text.sentences import split_sentences
from ..text.synonyms import holds
from ..tuning import TUNING
from .cited import citable
from .claims import check_claims
from .polar import directions, negations
from .restated import frame_of

TUNE = TUNING.verify
WEAK_REASON = "所引段落只部分支持该句，请核对原文"
# A passage number has at most 9 digits: a longer run is no citation (and int() refuses one of
# over 4300 digits, which a model's output can contain).
MARKER = re.compile(r"[\[【]\^?(\d{1,9}(?:\s*[,，、]\s*\d{1,9})*)[\]】]")
_MARKER_RUN = r"(?:\s*[\[【]\^?\d{1,9}(?:\s*[,，、]\s*\d{1,9})*[\]】])+"
# "……。[1]" → "……[1]。": a citation written after the full stop belongs to that sentence.
_MARKER_AFTER_STOP = re.compile(rf"([。！？!?；;])({_MARKER_RUN})")
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万亿|亿|万|千|百)?")
# conjunctions, adverbs, pronouns, times, places of direction, prepositions: how a sentence
# joins what it says (而且, 其实, 此外, 当时, 之后), said in words of its own
_FUNCTION_TAGS = frozenset("cdrtfpu")
_LIST_PREFIX = re.compile(r"^\s*(?:[-*•·]|\d+[.、)]|[（(]\d+[）)]|#+)\s*")


def parse_citations(text: str) -> tuple[int, ...]:
    """Citation numbers in order of first appearance: [1] [2,3] 【4】 [^5]."""
    seen: list[int] = []
    for match in MARKER.finditer(text):
        for number in re.split(r"[,，、\s]+", match.group(1)):
            if number and int(number) not in seen:
                seen.append(int(number))
    return tuple(seen)


def strip_citations(text: str) -> str:
    return MARKER.sub("", text).strip()


def answer_lines(answer: str) -> list[tuple[str, list[str]]]:
    """Each non-empty line of an answer as (list prefix such as "1. ", its sentences), where each
    sentence keeps its citation markers."""
    answer = _MARKER_AFTER_STOP.sub(lambda m: m.group(2).strip() + m.group(1), answer)
    lines = []
    for line in answer.split("\n"):
        prefix = _LIST_PREFIX.match(line.strip())
        body = line.strip()[prefix.end() if prefix else 0 :].replace("**", "")
        sentences = [s for s in split_sentences(body) if s.strip()]
        if sentences:
            lines.append((prefix.group().strip() if prefix else "", sentences))
    return lines


def split_answer(answer: str) -> list[str]:
    """Split an answer into sentences, keeping each sentence's citation markers with it."""
    return [sentence for _, sentences in answer_lines(answer) for sentence in sentences]


def numbers_in(text: str) -> set[str]:
    return {re.sub(r"\s+", "", n).replace("％", "%") for n in _NUMBER.findall(text)}


@lru_cache(maxsize=4096)
def _bigrams(text: str) -> frozenset[str]:
    return frozenset(char_ngrams(text, 2))


def support(sentence: str, passages: Sequence[str]) -> float:
    """How much of the sentence the passages contain: the share of its character bigrams found
    in them, or the share of its content words, whichever is higher (说到底 → 归根结底 costs
    three bigrams but one word; a word of its synonym group counts: 江边 for 江畔) — counted
    also without the words that only join what it says (而且, 此外, 之后, 或许: a model says
    them its own way). Who says it (报告指出，) is no part of what the passages must hold."""
    body = strip_citations(sentence)
    body = body[len(frame_of(body)) :]
    grams = char_ngrams(body, 2)
    if not grams:
        return 0.0
    pool = frozenset().union(*(_bigrams(p) for p in passages)) if passages else frozenset()
    by_pairs = sum(g in pool for g in grams) / len(grams)
    words = [(w, flag) for w, flag in tagged_content(body) if len(w) >= 2 or w.isdigit()]
    if len(words) < 3:
        return by_pairs
    flat = normalise_for_match("".join(passages))
    held = [(holds(flat, normalise_for_match(w)), flag[:1] in _FUNCTION_TAGS) for w, flag in words]
    by_words = sum(h for h, _ in held) / len(held)
    content = [h for h, joining in held if not joining]
    by_content = sum(content) / len(content) if len(content) >= 3 else 0.0
    return max(by_pairs, by_words, by_content)


def missing_numbers(sentence: str, passages: Sequence[str]) -> list[str]:
    """Numbers in the sentence that no cited passage contains."""
    found = set().union(*(numbers_in(p) for p in passages)) if passages else set()
    return sorted(n for n in numbers_in(strip_citations(sentence)) if n not in found)


def is_claim(sentence: str) -> bool:
    """Connectives such as “具体如下：” carry no claim to verify."""
    body = strip_citations(sentence)
    return len(normalise_for_match(body)) >= TUNE.min_claim_chars or bool(numbers_in(body))


def verify_sentence(text: str, passages: Sequence[Passage]) -> Sentence:
    """Label one sentence supported / weak / unsupported / uncited against its citations."""
    cited = parse_citations(text)
    if not cited:
        return Sentence(text, (), 0.0, "uncited", ("未标注引用",))
    by_number = {p.n: citable(p) for p in passages}
    issues = [f"引用[{n}]不存在" for n in cited if n not in by_number]
    texts = [by_number[n] for n in cited if n in by_number]
    score = _support(text, texts)
    quoted = [p for p in passages if p.n in cited]
    errors, doubts = check_claims(strip_citations(text), quoted) if quoted else ([], [])
    issues += errors
    if issues or score < TUNE.weak:
        status = "unsupported"
        if score < TUNE.weak:
            issues.append("所引段落不支持该句")
    elif doubts or score < TUNE.supported_plain or (score < TUNE.supported and _turnable(text)):
        status = "weak"
        issues = doubts or [WEAK_REASON]
    else:
        status = "supported"
    return Sentence(text, cited, score, status, tuple(issues))


def _support(text: str, texts: list[str]) -> float:
    """`support`, as written or with every figure in digits on both sides, whichever is higher
    (将近一百个 for 近百个: 将近100个 and 近100个 share their figure's pairs)."""
    written = support(text, texts)
    digits = all_in_digits(text), [_in_digits(t) for t in texts]
    return written if digits == (text, texts) else max(written, support(*digits))


# a passage is checked against every sentence citing it: its figures in digits, worked out once
_in_digits = lru_cache(maxsize=4096)(all_in_digits)


def _turnable(sentence: str) -> bool:
    """The sentence says something that could be turned round — a negator, a word of rising or
    falling — so it needs the passage's wording (`supported`); one with none needs less of it
    (`supported_plain`): its names, figures, quotations and clauses are each checked on their
    own. Asked only of a sentence between the two bars."""
    body = strip_citations(sentence)
    up, down, _ = directions()
    return bool(negations(body) or up.search(body) or down.search(body))


def verify_answer(answer: str, passages: Sequence[Passage]) -> list[Sentence]:
    """Verify every claim-bearing sentence of an answer."""
    return [verify_sentence(s, passages) for s in split_answer(answer) if is_claim(s)]


def supporting_span(sentence: str, passage: str) -> tuple[int, int] | None:
    """Where in `passage` the sentence's support lies: the passage sentence sharing the most
    character bigrams with it (offsets into `passage`), or None below the span floor."""
    grams = char_ngrams(strip_citations(sentence), 2)
    if not grams:
        return None
    best, span, start = 0.0, None, 0
    for piece in split_sentences(passage):
        at = passage.find(piece, start)
        if at < 0:
            continue
        start = at + len(piece)
        found = _bigrams(piece)
        score = sum(g in found for g in grams) / len(grams)
        if score > best:
            best, span = score, (at, at + len(piece))
    return span if best >= TUNE.span_floor else None
