"""Figures and ranks a sentence states that its cited passages do not.

Figures are compared as values, however written (千家 → 1000, 两成 → 20%, 二亿三千万 → 230000000),
and ranks as ranks (第一, 首位, 最早 → 第1). A figure that only counts what was just listed (甲和乙
两项目标; 两种创新 for the passage's 科技创新和产业创新) is no figure of its own.
"""

from __future__ import annotations

import re

from ..text.chars import CJK
from ..text.numerals import all_in_digits, as_percent, figures, ranks, written_figures
from .cited import Cited


def figures_unstated(sentence: str, cited: Cited) -> list[str]:
    """Figures and ranks of the sentence that its passages do not give, in any script (千家 is
    1000家, 二亿三千万 is 2.3亿) — a count of what the sentence itself or a passage lists aside."""
    known, ranked = figures(cited.text), ranks(cited.text)
    ranked |= {"第1"} if _FIRST_SAID.search(cited.text) else set()  # 首先出现 → 首次登场
    ranked |= {"唯一"} if _ONLY_SAID.search(cited.text) else set()  # 只有他 → 唯一……的车手
    known |= {as_percent(f) for f in known}  # 一半 is 50%
    stated = written_figures(sentence)
    issues = [
        f"数字“{stated[f]}”未出现在所引段落中"
        for f in sorted(set(stated) - known)
        if as_percent(f) not in known
        if not _counts_its_list(stated[f], f, sentence)
        and not _counts_a_list_of_theirs(stated[f], f, sentence, cited)
        and not _POINTING_BACK.search(sentence.split(stated[f])[0])
        and not rounds_a_figure(stated[f], f, sentence, cited.text)
        and not _labelled(stated[f], sentence, cited.text)
        and not _counts_the_texts(stated[f], f, sentence, cited)
        and not _years_between(stated[f], f, sentence, cited)
    ]
    # 次年, 隔天 → 第二年, 第二天: the year or day after, no rank
    said = _SECOND.sub("", sentence) if _NEXT_SAID.search(cited.text) else sentence
    issues += [
        f"排序或次序“{r}”与原文不符"
        for r in sorted(_unranked(ranks(_ORIGINALLY.sub("", said)), ranked))
    ]
    return issues


def _counts_the_texts(written: str, value: str, sentence: str, cited: Cited) -> bool:
    """两篇文章都强调: the figure counts the cited documents themselves."""
    counted = written[-1] in "篇份" or re.search(f"{re.escape(written)}[篇份]", sentence)
    return value == str(len(cited.titles)) and bool(counted)


_YEAR = re.compile(r"(?<!\d)(1\d{3}|20\d{2})年")


def _years_between(written: str, value: str, sentence: str, cited: Cited) -> bool:
    """两年后, 三年之后: the years between two years the passages give (1994年 … 1996年)."""
    at = sentence.find(written)
    if not value.isdigit() or not written.endswith("年") or at < 0:
        return False
    if not re.match("[之以]?后", sentence[at + len(written) :]):
        return False
    years = {int(y) for y in _YEAR.findall(all_in_digits(cited.text))}
    return any(y + int(value) in years for y in years)


def _unranked(stated: set[str], ranked: set[str]) -> set[str]:
    """The sentence's ranks the passages do not give — a time counted (第二次) is given by the
    same ordinal (第二) or by the times counted (两度, `ranks` 第2次)."""
    timed = {r for r in stated & ranked if r.endswith("次")}
    return {
        r
        for r in stated - ranked
        if f"{r}次" not in timed and not (r.endswith("次") and r[:-1] in ranked)
    }


# the passage says it came first (首先出现, 起初, 初名为): a sentence may rank it so (首次登场, 最初叫)
_FIRST_SAID = re.compile(
    "起初|初时|初名|当初|起先|原名|首先(?=由|出现|登场|提出|发现|发明|采用|使用|推出|发布|发表|实行)"
)
_NEXT_SAID = re.compile("次年|翌年|隔年|转年|次日|翌日|隔天|隔日|第二天")  # the year or day after
_SECOND = re.compile("第(?:二|2)(?=年|天|日)")
# 最初打算, 最早则是: when a thing first was, no rank — unless the first of its kind (最早的)
_ORIGINALLY = re.compile("最[先早初](?!的)")
_ONLY_SAID = re.compile("只有|仅有|唯有|独有")  # only it: a sentence may call it 唯一的
_LISTED = re.compile(r"[、和与及]")
# 这两个字, 上述三项: a count of what was just said, not a figure of its own
_POINTING_BACK = re.compile(r"(?:这|那|此|上述|以上|前述)$")


def _counts_its_list(written: str, value: str, sentence: str) -> bool:
    """“甲和乙两项目标”: a count of the items the sentence itself lists just before it."""
    at = sentence.find(written)
    before = re.split(r"[，。；：,;:]", sentence[:at])[-1] if at > 0 else ""
    return value.isdigit() and before != "" and len(_LISTED.split(before)) == int(value)


def _counts_a_list_of_theirs(written: str, value: str, sentence: str, cited: Cited) -> bool:
    """“两种创新” for the passage's “科技创新和产业创新”: a count of the items a passage lists,
    each ending with the noun the count is of."""
    if not value.isdigit() or not 2 <= int(value) <= 9:
        return False
    after = sentence[sentence.find(written) + len(written) :]
    for size in (2, 3, 4):
        head = after[:size]
        if len(head) < size or not re.fullmatch(f"[{CJK}]+", head):
            break
        item = rf"[^，。；、和与及\s]{{1,8}}?{re.escape(head)}"
        listed = rf"{item}(?:(?:、|和|与|及|以及){item}){{{int(value) - 1}}}(?![、和与及])"
        if re.search(listed, cited.text):
            return True
    return False


# 约3.2万, 3.2万左右: a figure said as approximate
_ABOUT_BEFORE = re.compile("(?:约|大约|约为|大概|近|将近|接近|逾|超过|多达)$")
_ABOUT_AFTER = re.compile("^(?:左右|上下|余|多)")


def rounds_a_figure(written: str, value: str, sentence: str, text: str) -> bool:
    """“约3.2万平方千米” for the passage's 3万2471平方千米: an approximate figure that is a figure
    of the passages in the same unit, rounded to the places it is written to (3.2万: to the
    thousand)."""
    at = sentence.find(written)
    if at < 0:
        return False
    after = sentence[at + len(written) :]
    about = _ABOUT_BEFORE.search(sentence[:at]) or _ABOUT_AFTER.search(after)
    digits = re.fullmatch(r"(\d+)(?:\.(\d+))?([百千万亿]*)", written)
    if not about or not digits or not value.isdigit():
        return False
    whole, decimals, magnitudes = digits.groups()
    # the last place written: 3.2万 to the thousand (0.1万), 32000 to the thousand (1000)
    zeros = len(whole) - len(whole.rstrip("0"))
    place = f"0.{'0' * (len(decimals) - 1)}1" if decimals else "1" + "0" * zeros
    step = float(next(iter(figures(place + magnitudes)), "0"))
    if step < 10:
        return False  # 约30: too fine for rounding to hide a change
    unit = _ABOUT_AFTER.sub("", after)[:1]
    if not re.fullmatch(rf"[{CJK}A-Za-z%]", unit):
        return False  # 约3000，: in no unit, it could round any figure
    said = re.finditer(
        rf"(?<![\d.])\d+(?:\.\d+)?[百千万亿]*(?={re.escape(unit)})", all_in_digits(text)
    )
    amounts = {float(f) for known in said for f in figures(known.group())}  # 2019年 is no 约2000元
    return any(a != int(value) and round(a / step) * step == int(value) for a in amounts)


def _labelled(written: str, sentence: str, text: str) -> bool:
    """“2B类” for the passage's 第2B类: a figure opening a label of Latin letters (2B, 5G) is
    found where the passages write the same label."""
    at = sentence.find(written)
    if at < 0:
        return False
    label = re.match(r"[A-Za-z]+", sentence[at + len(written) :])
    return (
        bool(label) and re.search(rf"(?<!\d){re.escape(written + label.group())}", text) is not None
    )
