"""A comparison the passage's own figures contradict.

The passage gives two figures (出口增长20.3%，进口增长24.9%); the sentence draws a conclusion
from them that they do not bear out (出口增速快于进口). Every word of it is in the passage, so
nothing else sees it: the figure stated after each of the two things is read and compared —
percentages when the sentence compares growth, any figure in one unit otherwise.
"""

from __future__ import annotations

import re

from ..text.segment import tagged, tagged_at
from .cited import Cited

_MORE = ("快于", "高于", "超过", "多于", "大于")
_LESS = ("慢于", "低于", "少于", "小于")
_COMPARISON = re.compile(
    rf"([^，。；：:,、]{{1,16}}?)({'|'.join(_MORE + _LESS)})([^，。；：:,、]{{1,16}})"
)
_GROWTH = re.compile(r"增速|增长|增幅|涨幅|速度|增加")
_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*([%％]|[^\d\s，。；、.]{0,4})")
# the figure a thing follows (12.3%的未成年人)
_BEFORE = re.compile(r"(\d+(?:\.\d+)?)\s*([%％])的$")
_AHEAD = 60  # characters after a thing in which its figure is read (within its sentence)


def against_figures(sentence: str, cited: Cited) -> list[str]:
    """“X快于Y” where the figure the passages give X is the smaller, and the like."""
    issues = []
    for match in _COMPARISON.finditer(sentence):
        mine, word, other = match.groups()
        if match.group() in cited.text or f"{word}{other}" in cited.text:
            continue  # the passage says so itself
        growth = bool(_GROWTH.search(mine + other[:4]))
        first, second = _thing(mine, cited.text), _thing(other, cited.text)
        if not first or not second or first == second or first in second or second in first:
            continue
        measured = _measured(mine[mine.find(first) + len(first) :], cited.text)
        text = measured if first in measured and second in measured else cited.text
        values = _respectively(first, second, cited.text, growth) or (
            _figure(first, text, growth),
            _figure(second, text, growth),
        )
        if None in values or values[0][1] != values[1][1] or values[0][0] == values[1][0]:
            continue
        larger = values[0][0] > values[1][0]
        if larger != (word in _MORE):
            shown = f"{first}{values[0][2]}，{second}{values[1][2]}"
            said = re.sub(r"\[\d+\]", "", mine[mine.find(first) :] + word + other)
            issues.append(f"“{said}”与原文的数字不符（原文：{shown}）")
    return issues


def _thing(piece: str, text: str) -> str:
    """The first noun (or set phrase: 未成年人) of the piece the passages hold: what is compared
    (农村|居民……)."""
    for word, flag in tagged(piece):
        if len(word) >= 2 and (flag[0] in "nsjl" or flag == "vn") and word in text:
            return word
    return ""


def _measured(after: str, text: str) -> str:
    """The passage sentence from the measure the sentence compares on (女性|识字率高于男性: from
    “识字率81.95%，其中男性为83.51%，女性为80.47%”, not the head counts before it), or the
    whole text when the sentence names none the passages hold (the two things are read there
    only when that sentence names both)."""
    for word, flag in tagged(after):
        if len(word) >= 2 and flag[0] == "n" and (at := text.find(word)) >= 0:
            return re.split(r"[。；]", text[at:])[0]
    return text


def _figure(thing: str, text: str, growth: bool) -> tuple[float, str, str] | None:
    """(value, unit, as written) of the first figure after the thing in the text — a
    percentage when growth is compared; years are not figures."""
    whole = [at for word, _, at in tagged_at(text) if word == thing]  # 出口, not 进出口
    for at in whole or [m.start() for m in re.finditer(re.escape(thing), text)]:
        if before := _BEFORE.search(text[max(0, at - 12) : at]):  # 12.3%的未成年人
            value = _value(before)
            if value is not None and (value[1] == "%" or not growth):
                return value[0], value[1], value[2].removesuffix("的")
        ahead = re.split(r"[。；]", text[at + len(thing) : at + len(thing) + _AHEAD])[0]
        for found in _FIGURE.finditer(ahead):
            value = _value(found)
            if value is not None and (value[1] == "%" or not growth):
                return value
    return None


def _respectively(first: str, second: str, text: str, growth: bool):
    """The two figures of “A和B……N1、N2” (城镇和农村人均住房面积32.9平方米、37.1平方米), in
    order, when the passage names the two things together before two figures in one unit."""
    for one, other, swapped in ((first, second, False), (second, first, True)):
        for match in re.finditer(rf"{re.escape(one)}(?:和|与|及|、){re.escape(other)}", text):
            ahead = re.split(r"[。；]", text[match.end() : match.end() + _AHEAD])[0]
            found = [_value(f) for f in _FIGURE.finditer(ahead)]
            found = [f for f in found if f is not None and (f[1] == "%" or not growth)]
            if len(found) >= 2 and found[0][1] == found[1][1]:
                return (found[1], found[0]) if swapped else (found[0], found[1])
    return None


def _value(found: re.Match[str]) -> tuple[float, str, str] | None:
    number, unit = found.groups()
    unit = "%" if unit in ("%", "％") else unit
    if unit.startswith("年") and len(number) == 4:
        return None  # 1997年
    return float(number), unit[:1] if unit != "%" else unit, found.group().strip()
