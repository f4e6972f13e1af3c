"""A count of something the passage counts otherwise.

“可同时追踪30个目标” against the passage's “可同时追踪20个目标”: the figure 30 is in the passage
too (有效距离30km, 精度±30m), so the figure check finds nothing amiss. What gives it away is what
is counted: the passage gives 目标 one count and the sentence another. Figures are compared in
digits however they are written (二十个目标 is 20个目标).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from ..text import lexicon
from ..text.chars import CJK
from ..text.numerals import NUMERAL_CHARACTERS, all_in_digits, chinese_value, figures
from .cited import Cited
from .figured import rounds_a_figure

_THING = 2  # characters after the unit naming what is counted (个|目标, 家|企业)
_DATES = ("年", "月", "日")  # 1956年|全国 dates what follows, it does not count it
# a small numeral of its own (not in 十三五, 第三, 3.5) and the three characters after it
_SMALL_COUNT = re.compile(rf"(?<![{NUMERAL_CHARACTERS}第\d])([两三四五六七八九])([{CJK}]{{3}})")
_RECORD = re.compile(r"(?<![\d.])(\d+)([胜负败平])(?=\d|[，、。；）)的场局]|$)")
_NOT_COUNTING = frozenset("是年月日点分成倍十百千万亿")  # 三是, 五月, 三成: said of no thing


@cache
def _counts() -> re.Pattern[str]:
    units = lexicon.alternation("expressions", "units")
    return re.compile(
        rf"(?<![\d.,])(\d+(?:\.\d+)?(?:万亿|万|亿)?)(?:余|多)?({units})([{CJK}]{{{_THING}}})"
    )


def _counted(text: str) -> dict[str, dict[str, str]]:
    """What the text counts (unit and the thing after it) → the figures it gives it (in digits:
    2.17亿 is 217000000), each with the digits it was written in — and what a small numeral
    counts with a word no unit list has (六孔|石桥, 七男|松千代), and the wins and losses of a record."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    digits = all_in_digits(text)  # 6,476 is 6476 there
    for match in _counts().finditer(digits):
        written, unit, thing = match.groups()
        if unit not in _DATES:
            for value in figures(written):
                found[unit + thing].setdefault(value, written)
    for match in _RECORD.finditer(digits):  # 6胜10败: the wins and the losses
        found[match.group(2)].setdefault(match.group(1), match.group(1))
    for match in _SMALL_COUNT.finditer(text):
        written, counted = match.groups()
        if counted[0] not in _NOT_COUNTING:
            found[counted].setdefault(str(chinese_value(written)), written)
    return found


def recounted(sentence: str, cited: Cited) -> list[str]:
    """A figure the sentence gives a counted thing (30个目标) where the passages give that thing
    only other figures (20个目标)."""
    theirs = _counted(cited.text)
    issues = []
    for counted, values in _counted(sentence).items():
        known = theirs.get(counted)
        for value in sorted(values.keys() - known.keys()) if known else ():
            if _rounded(values[value], counted, sentence, cited):
                continue  # 约2.5万公里 for 2.52万公里
            meant = "、".join(f"{w}{counted}" for w in known.values())
            issues.append(f"“{values[value]}{counted}”与原文的“{meant}”不符")
    return issues


def _rounded(written: str, counted: str, sentence: str, cited: Cited) -> bool:
    """The figure, said as approximate, rounds one of the passages' (约2.5万|公里: 2.52万公里)."""
    whole = written + counted[: len(counted) - len(counted.lstrip("万亿千"))]  # 2.5|万公里
    return any(rounds_a_figure(whole, value, sentence, cited.text) for value in figures(whole))
