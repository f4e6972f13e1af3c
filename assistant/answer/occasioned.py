"""A quotation put at another of the passage's occasions: “……”, said at the meeting (or on the
visit) the sentence names before it, where the passage quotes it at another one — the
sentence's occasion is in the passage too, said of something else (党的二十届三中全会将“……”列为
重点任务 for the passage's 三中全会……。2024年中央经济工作会议……将“……”作为重点任务)."""

from __future__ import annotations

import re

from ..text.chars import normalise_for_match
from .cited import Cited
from .instituted import meeting_names

_QUOTE = re.compile(r"“([^“”]{4,80})”")
_VISIT = re.compile(r"在([^，。；“”,]{2,16}?(?:考察调研|考察|调研|视察|访问))(?:期间|时)")


def _occasions(text: str) -> list[str]:
    """The meetings and visits the text says something was said at, in order of mention."""
    found = [(text.find(m), m) for m in meeting_names(text)]
    found += [(v.start(1), v.group(1)) for v in _VISIT.finditer(text)]
    return [name.lstrip("0123456789年") for _, name in sorted(found)]


def occasion_moved(sentence: str, cited: Cited) -> list[str]:
    """Issues for each quotation of the sentence put at an occasion the passage sentences
    quoting it do not name, while they name another."""
    issues = []
    start = 0
    for quote in _QUOTE.finditer(sentence):
        named = _occasions(sentence[start : quote.start()])
        start = quote.end()
        occasion = named[-1] if named else ""
        quoted = normalise_for_match(quote.group(1))  # 创新，积极 for the passage's 创新,积极
        said = [s for s in cited.sentences if quoted in normalise_for_match(s)]
        if not occasion or not said or occasion not in cited.text:
            continue  # an occasion the passages lack is another check's
        if any(occasion in s for s in said):
            continue
        if theirs := [o for s in said for o in _occasions(s)]:
            issues.append(f"“{quote.group(1)[:20]}”原文出自{theirs[0]}，不是{occasion}")
    return issues
