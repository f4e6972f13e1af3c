"""What a question asks for: who, when, where, how many, which, what is, why, how, a list, a
comparison or yes/no — and whether a sentence holds that kind of fact."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from ..text import expressions, lexicon
from ..text.expressions import defined_term
from ..text.segment import tagged

# Checked in this order: the first whose cue the question holds decides.
QUESTION_TYPES = (
    "comparison",
    "yes_no",
    "reason",
    "problem",
    "when",
    "quantity",
    "who",
    "where",
    "definition",
    "how",
    "list",
)
FACTOID = frozenset({"when", "quantity", "who", "where", "definition", "yes_no", "which"})
TYPED = frozenset({"when", "quantity", "who", "where", "reason", "problem", "list"})
"""Kinds answered by an expression of their own: a date, a number, a name, a place, a reason,
the problems a thing meets, an enumeration."""


@cache
def _cues(kind: str) -> re.Pattern[str]:
    return re.compile(lexicon.alternation("question_types", kind), re.I)


def classify(question: str) -> str:
    """One of `QUESTION_TYPES`, or `which` (a fact of no particular kind). A yes-no question
    after a question of another kind only presses it (比例到底多少？有具体数吗？: how much). A
    follow-up carrying the earlier question (它说的中试，到底是个啥（那篇说要建啥？）) asks what
    its own words ask; the earlier question's kind only when its own name none."""
    own = _CARRIED.sub("", question)
    if own != question and (kind := _classified(own)) != "which":
        return kind
    return _classified(question)


_CARRIED = re.compile(r"（[^（）]*）$")  # the earlier question a follow-up carries (condense.py)


def _classified(question: str) -> str:
    kind = _first_kind(question)
    first = re.split(r"[？?]", question, maxsplit=1)[0]
    if kind != "yes_no" or first.strip() == question.strip("？? ") or _cues(kind).search(first):
        return kind
    pressed = _first_kind(first)
    return kind if pressed == "which" else pressed


def _first_kind(question: str) -> str:
    return next((kind for kind in QUESTION_TYPES if _cues(kind).search(question)), "which")


# how much, asked in so many words (要到多少, 占几成): a figure, whatever the question's kind
_HOW_MUCH = re.compile(r"多少|多大|多高|几成|百分之几|几个百分点|几倍")


def fact_asked(kind: str, question: str) -> str:
    """The kind of fact the answer must hold: a yes-no question asking how much (有没有定……要到
    多少) asks for the figure."""
    return "quantity" if kind == "yes_no" and _HOW_MUCH.search(question) else kind


def asks_for_list(question: str) -> bool:
    """The question asks for items (哪三件事, 有哪些), whatever else it asks of them."""
    return bool(_cues("list").search(question))


def asks_comparison(words: str) -> bool:
    """The words ask for a comparison (比一比, 有何不同): a cue, not what is compared."""
    return bool(_cues("comparison").search(words))


def comparison_cue(question: str) -> int | None:
    """Where the question's comparison cue (各, 分别, 有何不同) starts, if it has one."""
    found = _cues("comparison").search(question)
    return found.start() if found else None


def answers_kind(kind: str, sentence: str, question: str, *, strict: bool = True) -> bool:
    """True when the sentence holds an expression of the asked kind that the question does not
    already contain (a date for 何时, a person or organisation for 谁, a number in the asked unit
    for 多少 …). Kinds without a typed answer (how, list, which) are always held. Not `strict`,
    any figure in digits answers a question about a size (多高 → 182CM, 21级)."""
    found = _expressions(kind, sentence, question, strict)
    if found is None:
        return True
    return bool(found - _expressions(kind, question, question, strict))


_COUNTED = re.compile(r"几[个种类项条点方]")
_RATIO = re.compile(r"\d+(?:\.\d+)?\s*[:：比]\s*\d+(?:\.\d+)?")
_MAGNITUDES = ("万", "亿", "万亿", "千", "百")  # asked alone (多少亿), they count money or people


def _expressions(kind: str, text: str, question: str, strict: bool) -> set[str] | None:
    if kind == "when":  # not strict, a time said from the text's date (明年) is one
        return expressions.dates(text) | (set() if strict else expressions.relative_times(text))
    if kind == "quantity":  # in a unit asked for (多少人 → 人, 多高 → 米), else in digits
        units = expressions.asked_units(question)
        figures = expressions.quantities(text) | expressions.numbers(text)
        in_digits = {f for f in figures if any(ch.isdigit() for ch in f)}
        if units and not expressions.asked_unit(question):  # 多大面积: not 63千米 (nor its 63)
            other = {f for f in in_digits if expressions.measured_otherwise(f, units)}
            in_digits = {f for f in in_digits - other if not any(o.startswith(f) for o in other)}
        if strict and units and not expressions.asked_unit(question):  # 多高: in metres
            return expressions.quantities_in(text, units)
        # not strict, “几种/几个” is answered by the list it counts (甲、乙、丙)
        listed = (
            set()
            if strict or not _COUNTED.search(question)
            else expressions.enumerations(text, counted=True)
        )
        if "%" in units:  # a share: only a percentage, 成, fraction or ratio (1：7) answers it
            return expressions.quantities_in(text, units) | set(_RATIO.findall(text))
        if "元" in units:  # money: a sum (in a currency, or of 万/亿) or a rate, not 5G or 6条
            sums = {f for f in figures if expressions.is_rate(f) or _a_sum(f, text)}
            return expressions.quantities_in(text, units) | sums
        if units and units[0] in _MAGNITUDES:  # 多少亿: 5000亿元, 1.2万亿元 — not 14年, 6G
            return {q for q in expressions.quantities(text) if units[0] in q}
        return (expressions.quantities_in(text, units) if units else figures) or in_digits or listed
    if kind == "who":
        return expressions.people_and_organisations(text)
    if kind == "where":
        return expressions.places(text)
    if kind == "reason":
        return expressions.reasons(text)
    if kind == "problem":
        return expressions.problems(text)
    if kind == "list":
        return expressions.enumerations(text)
    if kind == "definition":
        return None
    return None


_COUNTED_IN = re.compile("[个条项家所名人次座台件批类种位]")


def _a_sum(figure: str, text: str) -> bool:
    """3000亿, 三千亿, 1000多亿, 数千亿: a number of 万/亿 — not a magnitude naming a kind
    (百万学子, 万亿级产业)."""
    if not figure.endswith(_MAGNITUDES) or _COUNTED_IN.search(figure):
        return False  # 4个万(亿级产业): a count, not a sum
    return bool(figure.strip("万亿千百")) or bool(
        re.search(rf"(?:[\d.]|数|上|近|超|逾)(?:多|余)?{re.escape(figure)}", text)
    )


def definition_pattern() -> str:
    """How a definition sentence links its term to what it is (“X是指……”)."""
    return lexicon.alternation("question_types", "defines")


def definienda(kind: str, weights: Mapping[str, float], question: str = "") -> list[str]:
    """For “什么是X”, the X — as the question writes it, and its weightiest words: a sentence
    that says “X是……” is the answer."""
    if kind != "definition":
        return []
    term = defined_term(question)
    whole = [term] if term else []
    words = [t for t in sorted(weights, key=weights.get, reverse=True)[:2] if len(t) >= 2]
    return list(dict.fromkeys(whole + words))


_PART_CHARS = 4  # shorter pieces between question marks are not questions of their own


def question_parts(question: str) -> list[str]:
    """The parts of a question asking several things (“2016年安排了多少地方专项债券？财政赤字
    规模多大？”); none for a question asking one."""
    parts = [p.strip() for p in re.split(r"[？?]", question) if len(p.strip()) >= _PART_CHARS]
    if len(parts) == 1 and "、" not in parts[0] and (each := _EACH.fullmatch(parts[0])):
        # “……的增长目标和物价涨幅控制目标分别是多少”: each thing it names is a part
        setting, first, second, asked = each.groups()
        parts = [f"{setting or ''}{thing}{asked}" for thing in _both(first, second)]
    return parts if len(parts) >= 2 else []


def _both(first: str, second: str) -> list[str]:
    """The two things “A和B分别” names, each in full: a one-word A qualifies B's noun as B's
    first word does (城镇和农村居民人均可支配收入 → 城镇居民人均可支配收入, 农村……); a list of
    more than two (东部、中部和西部) is not split."""
    if "、" in first + second:
        return []
    words = [w for w, _ in tagged(second)]
    if len(tagged(first)) == 1 and len(words) >= 2 and len(words[0]) >= len(first):
        return [first + second[len(first) :], second]
    return [first, second]


# what the question says of each (……的|A|和|B|分别|是多少): A and B are asked about apart
_EACH = re.compile(r"(.*的)?([^，,的]{2,20}?)(?:和|与|及|以及|、)([^，,的]{2,20}?)分别(.+)")
