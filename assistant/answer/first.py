"""Which sentence answers first: the best-scored one, unless another good one has what the
question points at — the phrase it quotes, the kind of fact it asks for (a date next to the best
sentence for 何时, a colour for 什么颜色), or several kinds of the thing it asks about (哪几类企业)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from ..search.weights import answer_type_words
from ..text import lexicon
from ..text.listing import counted_list, is_count_label, lists_as_many
from ..text.names import quoted
from ..text.numerals import chinese_value
from ..text.synonyms import found_in, instances, synonyms
from ..tuning import TUNING
from .asked_fact import dated_by
from .candidates import Candidate
from .polar import negations

TUNE = TUNING.answer


def answering(
    kind: str, question: str, candidates: list[Candidate], weights: Mapping[str, float]
) -> Candidate:
    """The sentence to put first: the best, unless its passage lacks a phrase the question
    quotes (“衔接不畅”) or it lacks the kind of fact asked for, and another good one has it
    (`weights`: the question's words)."""
    best = candidates[0]
    phrases = quoted(question)
    if phrases and not any(_quotes(p, best) for p in phrases):
        quoting = [c for c in candidates[:5] if any(_quotes(p, c) for p in phrases)]
        if quoting:  # the best sentence is from a passage that does not have what is quoted
            return quoting[0]
    types = answer_type_words(question)
    asked = types if kind in ("list", "which") else set()
    if asked and not lists_kinds(best.text, asked):
        floor = TUNE.keep_fraction * best.coverage
        listing = [c for c in candidates if c.coverage >= floor and lists_kinds(c.text, asked)]
        if listing:  # “哪几类企业”: the sentence naming several kinds of 企业 answers
            return listing[0]
    size, of = _asked_size(question, kind) if kind in _COUNTED_KINDS else (None, "")
    members = (of, *synonyms(of)) if of else ("",)
    if size is not None and not lists_as_many(best.text, size, members):
        floor = TUNE.keep_fraction * best.coverage
        counted = [
            c for c in candidates if c.coverage >= floor and lists_as_many(c.text, size, members)
        ]
        if counted:  # “六个方向分别是哪六个”: the sentence listing six and counting them
            return counted[0]
    kinds = {w for w in types if instances(w)}
    if kinds and not any(found_in(best.text, w) for w in kinds):
        floor = TUNE.keep_fraction * best.coverage
        naming = [
            c for c in candidates if c.coverage >= floor and any(found_in(c.text, w) for w in kinds)
        ]
        if naming:  # “什么颜色”: the sentence naming one (体呈银灰色) answers
            return naming[0]
    asks_name = kind != "reason" and _other_names("question_types").search(question)
    if asks_name and not _names_otherwise(best):
        floor = TUNE.keep_fraction * best.coverage
        naming = [c for c in candidates if c.coverage >= floor and _names_otherwise(c)]
        if naming:  # “又叫什么”: the sentence giving another name (又称……) answers
            return naming[0]
    if labelled := _labelling(question, candidates, weights):
        return labelled  # “当个啥角色”: the sentence putting its label in quotes (“增量器”作用)
    if kind == "yes_no" and not negations(best.text):
        floor = TUNE.keep_fraction * best.coverage
        denying = [c for c in candidates[:_READ] if c.coverage >= floor and negations(c.text)]
        if denying:  # “是不是放下老产业”: the sentence saying 不能忽视 decides it
            return denying[0]
    if kind not in TUNE.typed_first or _typed(best, kind, question):
        return best
    near = [
        c
        for c in candidates
        if _typed(c, kind, question)
        and c.passage.n == best.passage.n
        and abs(c.position - best.position) <= 3
        and (c.score >= TUNE.typed_first_fraction * best.score or _adds(c, best, weights))
    ]
    return near[0] if near else best


_READ = 12  # of the best sentences, for one that says a yes-no question's “not”

# the kinds a question asking for a set's members is classified as (分别是啥 also reads as a
# comparison, which with no two sides is answered as the others)
_COUNTED_KINDS = frozenset(["list", "quantity", "comparison"])
# which members of a set of a given size, and of what: 哪六个, 哪3项, 哪两个乡镇 (not 哪几个)
_ASKED_SIZE = re.compile(
    r"哪([二两三四五六七八九十]{1,2}|\d{1,2})(?:个|项|类|种|条|大|块|样|点)([\u4e00-\u9fff]*)"
)
# … or of a set counted by 几, whose members it asks for too (从几个角度……分别是啥) — or only
# its size, which the sentence listing and counting them gives (从几个角度拆解: 三大维度)
_COUNTED_BY_JI = re.compile(r"几(?:个|项|类|种|条|大)([\u4e00-\u9fff]{2})")
_MEMBERS_ASKED = re.compile(r"分别|都是|是哪|有哪")


def _asked_size(question: str, kind: str) -> tuple[int | None, str]:
    """The size of the set whose members the question asks for (0: any) and what they are."""
    found = _ASKED_SIZE.search(question)
    if not found:
        counted = _COUNTED_BY_JI.search(question)
        asked = counted and (kind == "quantity" or _MEMBERS_ASKED.search(question, counted.end()))
        return (0, counted.group(1)) if asked else (None, "")
    said, of = found.groups()
    of = re.sub(r"(?:呢|呀|啊|吗|啥|分别|是|都).*", "", of)
    return (int(said) if said.isdigit() else chinese_value(said) or 0), of


def _typed(candidate: Candidate, kind: str, question: str) -> bool:
    """The candidate holds the kind of fact asked for — for 哪年/哪天, a year or a day."""
    if kind == "when" and (dated := dated_by(candidate.text, question)) is not None:
        return dated
    return candidate.typed


@cache
def _other_names(section: str) -> re.Pattern[str]:
    return re.compile(lexicon.alternation(section, "other_names"))


@cache
def _label_asked(section: str) -> re.Pattern[str]:
    return re.compile(lexicon.alternation(section, "label_asks"))


def _labelling(
    question: str, candidates: list[Candidate], weights: Mapping[str, float]
) -> Candidate | None:
    """For a role or likeness asked (当个啥角色, 拿啥打比方) that the best sentence gives no label
    for, a good one quoting a label and naming what the question is most about."""
    best = candidates[0]
    if not _label_asked("question_types").search(question) or _labelled(best, question):
        return None
    floor = TUNE.keep_fraction * best.coverage
    subject = max(weights, key=lambda w: weights[w], default="")
    return next(
        (
            c
            for c in candidates
            if c.coverage >= floor and _labelled(c, question) and found_in(c.text, subject)
        ),
        None,
    )


def _labelled(candidate: Candidate, question: str) -> bool:
    """The sentence quotes a short label the question does not (“增量器”, “中间站”)."""
    return any(len(q) <= _LABEL and q not in question for q in quoted(candidate.text))


_LABEL = 12  # characters of a quoted label at most; longer, a quoted saying


def _names_otherwise(candidate: Candidate) -> bool:
    return bool(_other_names("expressions").search(candidate.text))


def _quotes(phrase: str, candidate: Candidate) -> bool:
    """The candidate's passage has the phrase; a label counting a list (“三化”) the sentence
    itself spells out (数字化、网络化、智能化)."""
    if phrase in candidate.passage.text:
        return True
    return is_count_label(phrase) and counted_list(phrase, candidate.text)


def _adds(candidate: Candidate, best: Candidate, weights: Mapping[str, float]) -> bool:
    """The sentence holds a word of the question the best one lacks (“……选址在A地。计划于2024年
    上半年完工。” for 何时完工): the two answer together, the dated one first."""
    return any(found_in(candidate.text, w) and not found_in(best.text, w) for w in weights)


def lists_kinds(sentence: str, nouns: set[str]) -> bool:
    """The sentence names two or more kinds of one of `nouns`, or of a word the texts say for it
    (公司: 企业), in a row (“科技型领军企业、“专精特新”企业和“独角兽”企业”)."""
    said = {s for n in nouns for s in (n, *synonyms(n))}
    return any(
        re.search(
            rf"{re.escape(n)}[”」]?(?:、|和|及|与|以及)[^，。；、]{{1,16}}?{re.escape(n)}", sentence
        )
        for n in said
    )
