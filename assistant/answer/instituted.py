"""Names a sentence states by their kind: laws and regulations (反垄断法, 劳动合同法, ……条例)
and meetings (中部地区崛起座谈会, 党的十二大) — each must be in the passage it cites."""

from __future__ import annotations

import re
from functools import cache

from ..text import lexicon
from ..text.chars import CJK
from ..text.segment import tagged


@cache
def _meeting() -> re.Pattern[str]:
    kinds = lexicon.alternation("expressions", "meetings")
    return re.compile(rf"([{CJK}]{{2,8}})({kinds})")


LAW = ("法", "条例")
_METHOD = ("方法", "办法", "做法", "说法", "看法", "想法", "用法", "手法", "写法", "算法")


def law_names(sentence: str) -> list[str]:
    """Laws and regulations the sentence names (反垄断法, 劳动|合同法 with the noun before it):
    a word of three characters or more ending in 法 or 条例, not in a word of method (计算方法,
    暂行办法: a regulation's kind, not its name)."""
    words = tagged(sentence)
    names = []
    for i, (word, flag) in enumerate(words):
        if len(word) < 3 or not word.endswith(LAW) or word.endswith(_METHOD) or flag[0] != "n":
            continue
        before, tag = words[i - 1] if i else ("", "")
        names.append(before + word if tag in ("n", "vn") and len(before) >= 2 else word)
    return names


_NOT_IN_A_NAME = re.compile("[的就向在对把于将从为与和及]")  # 国务院就三峡工程向|大会: no name


def meeting_names(sentence: str) -> list[str]:
    """The names of meetings the sentence says something was said at (中部地区崛起座谈会): what
    precedes the kind of meeting, from after the last word no name holds (……向大会 is none)."""
    names = [m.group(1) for m in _CONGRESS.finditer(sentence)]  # 党的十二大
    for match in _meeting().finditer(sentence):
        qualifier = _NOT_IN_A_NAME.split(match.group(1))[-1]
        if len(qualifier) >= 2:
            names.append(qualifier + match.group(2))
    return names


_CONGRESS = re.compile(r"(?:党的|中共)([一二三四五六七八九十]{1,3}大)(?![会学型量])")


@cache
def _designation() -> re.Pattern[str]:
    kinds = lexicon.alternation("expressions", "designations")
    return re.compile(rf"国家级?([{CJK}]{{2,8}}?)({kinds})")


def designation_names(sentence: str) -> list[str]:
    """The national designations the sentence names (国家自主创新示范区), as a passage may also
    write them, without 国家: what qualifies the kind (自主创新示范区, not 新型工业化示范区)."""
    return [
        qualifier + kind
        for qualifier, kind in _designation().findall(sentence)
        if not _NOT_IN_A_NAME.search(qualifier)
    ]
