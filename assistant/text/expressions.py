"""Expressions of a kind in a sentence: dates, quantities, people and organisations, places,
reasons — what answers “when”, “how many”, “who”, “where” and “why”."""

from __future__ import annotations

import re
from functools import cache

from . import lexicon
from .chars import CJK
from .regions import find_provinces
from .segment import tagged

_CN_DIGITS = "零〇一二三四五六七八九十百千万亿两"
_NUMBER = rf"(?:\d+(?:[.,]\d+)*|[{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?)"
_DATE = re.compile(
    rf"(?:公元前?)?(?:\d{{1,4}}|[{_CN_DIGITS}]{{2,4}})年(?:\d{{1,2}}月(?:\d{{1,2}}[日号])?)?"
    rf"|\d{{1,2}}月\d{{1,2}}[日号]|\d{{1,2}}世纪(?:\d{{1,2}}0年代)?|\d{{2,4}}年代"
    rf"|[上下]半年|第[一二三四]季度|[{CJK}]{{1,3}}(?:年间|时期)"
    rf"|(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})月(?:份|上旬|中旬|下旬|初|底|末)?"  # 4月, 十月下旬
    r"|(?:星期|礼拜|周)[一二三四五六日天]|\d{1,2}[:：]\d{2}|\d{1,2}[时点](?:\d{1,2}分)?"
)
_NAME_TAGS = ("nr", "nrfg", "nrt", "nt")


@cache
def _alternation(section: str) -> re.Pattern[str]:
    return re.compile(lexicon.alternation("expressions", section))


@cache
def _quantity() -> re.Pattern[str]:
    units = lexicon.alternation("expressions", "units")
    return re.compile(rf"{_NUMBER}(?:多|余|来|左右)?\s*(?:{units}){{1,2}}|\d+(?:\.\d+)?\s*[%％]")


@cache
def _era() -> re.Pattern[str]:
    """A period named by its dynasty or era: 唐末, 清初, 明代, 北宋年间, 战国时代 — or by a
    dynasty a quarter of the compass names alone (北宋, 东汉; not 明 or 春秋, words of their own)."""
    eras = lexicon.alternation("expressions", "eras")
    parts = lexicon.alternation("expressions", "era_parts")
    alone = "|".join(e for e in lexicon.words("expressions", "eras") if e[0] in "东西南北")
    return re.compile(rf"(?:{eras})(?:{parts})|(?:{alone})")


# 连续12年, 历时3年, 5年来, 10余年: a number of years is a duration, not a date
# (约1900年 is a date, 近10年 is not)
_DURATION = re.compile(r"(?:连续|历时|长达|为期|时隔|相隔)$")
_ABOUT = re.compile(r"(?:近|共|约)$")
_DURATION_AFTER = re.compile(r"^(?:多|余|之久)")
_SINCE = re.compile(r"^(?:来|以来|时间|间)")  # 5年来, 5年间, but 1990年以来 is a date


def _a_duration(match: re.Match[str], text: str) -> bool:
    found = match.group()
    if "月" in found or not found.endswith("年"):
        return False
    before = text[: match.start()]
    short = len(found) <= 3  # 10年, 十二年: not a year
    return bool(
        _DURATION.search(before)
        or (short and _ABOUT.search(before))
        or _DURATION_AFTER.match(text[match.end() :])
        or (short and _SINCE.match(text[match.end() :]))
    )


def dates(text: str) -> set[str]:
    found = {m.group() for m in _DATE.finditer(text) if not _a_duration(m, text)}
    found |= {m.group() for m in _era().finditer(text)}
    return found | {m.group() for m in _alternation("time_words").finditer(text)}


def relative_times(text: str) -> set[str]:
    """Times said from the text's own date (明年, 年底, 目前)."""
    return {m.group() for m in _alternation("relative_times").finditer(text)}


def quantities(text: str, unit: str = "") -> set[str]:
    """Numbers with their unit (“近41万件”, “三分之一”, “5%”); only those in `unit` if given."""
    found = {m.group() for m in _quantity().finditer(text)}
    found |= set(re.findall(rf"[{_CN_DIGITS}]+分之[{_CN_DIGITS}]+|\d+分之\d+", text))
    if unit:
        found = {q for q in found if q.endswith(unit) or unit in q}
    return found


def quantities_in(text: str, units: tuple[str, ...]) -> set[str]:
    """Numbers with one of the units (“约8公斤”, “55米”)."""
    return {q for q in quantities(text) if any(q.endswith(u) for u in units)}


def asked_unit(question: str) -> str:
    """The unit a “多少/几” question asks in: 多少人 → 人, 几家 → 家, 多少亿元 → 亿元 (not the
    十几年 of an approximate number it mentions)."""
    units = lexicon.alternation("expressions", "units")
    match = re.search(rf"(?:多少|(?<![十百千万])几)\s*({units})", question)
    return match.group(1) if match else ""


def asked_units(question: str) -> tuple[str, ...]:
    """The units that answer a quantity question: the one it names (多少人), else those of what
    it measures (有多高 → 米, 公里 …; 体重 → 公斤 …); none when it says neither."""
    if unit := asked_unit(question):
        return (unit,)
    for entry in lexicon.words("expressions", "dimensions"):
        cues, units = entry.split("=")
        if any(cue in question for cue in cues.split(",")):
            return tuple(units.split(","))
    return ()


_RATE = re.compile(r"(?:[%％]|成|个百分点|倍)$")


def is_rate(figure: str) -> bool:
    """9%, 两成, 3倍: a figure of how much anything changed, in no unit of its own."""
    return bool(_RATE.search(figure))


def measured_otherwise(figure: str, units: tuple[str, ...]) -> bool:
    """The figure is in a unit of another dimension than `units` (63千米 for an area, 1995年 for
    a height): it measures something else. A rate (9%, 两成, 3倍) measures a change of anything."""
    if any(figure.endswith(u) for u in units) or is_rate(figure):
        return False  # a rate answers how much anything grew (经费增长多少 → 9%)
    return any(figure.endswith(u) for u in _dimension_units())


@cache
def _dimension_units() -> frozenset[str]:
    """Every unit of every dimension a size question may ask for."""
    entries = lexicon.words("expressions", "dimensions")
    return frozenset(u for entry in entries for u in entry.split("=")[1].split(","))


def people_and_organisations(text: str) -> set[str]:
    found = {w for w, flag in tagged(text) if flag in _NAME_TAGS and len(w) >= 2}
    suffixes = lexicon.alternation("expressions", "organisation_suffixes")
    found |= {m.group() for m in re.finditer(rf"[{CJK}]{{2,12}}(?:{suffixes})", text)}
    roles = lexicon.alternation("expressions", "role_words")
    found |= {m.group() for m in re.finditer(rf"(?:{roles})[{CJK}]{{2,3}}", text)}
    return found


def places(text: str) -> set[str]:
    found = {w for w, flag in tagged(text) if flag == "ns"}
    return found | {p.short for p in find_provinces(text)}


def reasons(text: str) -> set[str]:
    return {m.group() for m in _alternation("reason_words").finditer(text)}


def problems(text: str) -> set[str]:
    """The problems the sentence names (瓶颈, 融合不畅, 受制于人): what answers “卡在哪”."""
    return {m.group() for m in _alternation("problem_words").finditer(text)}


def numbers(text: str) -> set[str]:
    """Every number written with digits or Chinese numerals (for “多少” without a unit)."""
    return {m.group() for m in re.finditer(_NUMBER, text) if m.group() not in ("一", "两")}


def enumerations(text: str, *, counted: bool = False) -> set[str]:
    """Lists in the sentence (“甲、乙、丙”, “一是……二是……”): what answers “哪些”. `counted`, none
    holding a single 、 — what answers “几个” must have its items plainly apart, and in 甲、乙和丙
    乙和丙 may be one name (概念验证和中试验证平台)."""
    found = {m.group() for m in _alternation("enumeration").finditer(text)}
    return {e for e in found if e.count("、") != 1} if counted else found


_TERM_ASKED = re.compile(
    r"(?:什么是|何谓|什么叫)[“「\"]?([^“”「」\"？?，,]{2,20}?)[”」\"]?[？?]?$"
    r"|^[“「\"]?([^“”「」\"？?，,的]{2,20}?)[”」\"]?(?:又|还)?(?:是什么|是啥|指什么|是指什么|的含义|的定义)"
    # 融合不畅具体指啥, 那篇说的“融合不深”指的啥, 那“融合不畅”又是啥意思
    r"|[“「\"]([^“”「」\"]{2,20})[”」\"](?:又|还|具体)?(?:指的?啥|指的?什么|是指啥|是?(?:啥|什么)意思)"
    r"|^([^“”「」\"？?，,的]{2,20}?)(?:具体)?(?:指的?啥|指的?什么|是指啥)"
    # 中试到底是个啥, 那篇里说的中试，到底是个啥, 论文里讲的技术族群是个啥
    r"|(?:^|[说讲提]的|里头|里面?)(?P<colloquial>[^“”「」\"？?，,的篇\s]{2,12}?)[，,\s]?"
    r"(?:(?:到底|究竟)是个?|是个)(?:啥|什么)"
)


def defined_term(question: str, *, whole: bool = False) -> str:
    """The X of “什么是X？” or “X是什么？”, as the question writes it ("" if it asks no such thing;
    with `whole`, also when more follows: “X是什么时候……” asks something else). With `whole`,
    not the X of “X到底是个啥”: asked that way, X is often the user's own word for the text's
    (中间试验 for 中试) — what to look for, not a name the passages must hold."""
    question = question.strip()
    match = _TERM_ASKED.search(question)
    if not match or (whole and question[match.end() :].strip("？? ")):
        return ""
    if whole and match.group("colloquial"):
        return ""
    return next(g for g in match.groups() if g)
