"""What a passage leaves out (除棉花和糖料减产外，主要农产品……都增加) said to be included (包括棉花和
糖料在内……都增加), and what it says of some only (只招收中四或以上学生) said of others too (除中四或
以上学生外也招收初中学生; 不仅在平日早上、其他时段也)."""

from __future__ import annotations

import re

from ..text.segment import content_words, nouns_of
from .cited import Cited

_EXCEPT = re.compile(r"除(?:了)?([^，。；,;]{1,20}?)(?:以)?外")
_INCLUDING = re.compile(r"(?:包括|连同|包含)([^，。；,;]{1,20}?)在内")
_BESIDES = re.compile(r"除(?:了)?([^，。；,;]{1,20}?)(?:以)?外[^，。；,;]{0,8}?(?:也|还|亦|另)")
_NOT_ONLY = re.compile(r"(?:不仅|不只|不单|不光|不止)([^，。；,;、]{1,20})")
_ONLY = "(?<![不非])(?:只|仅|唯有|仅限)"
_ONLY_REACH = 12  # characters between 只 and what it is said of


def excepted(sentence: str, cited: Cited) -> list[str]:
    """Issues for a thing the passage excepts that the sentence includes, and for a thing the
    passage says alone that the sentence says with others."""
    issues = []
    for including in _INCLUDING.finditer(sentence):
        things = _things(including.group(1))
        for out in _EXCEPT.finditer(cited.text):
            if things & _things(out.group(1)):
                issues.append(f"原文将其除外（原文：“{out.group()}”）")
    for besides in [*_BESIDES.finditer(sentence), *_NOT_ONLY.finditer(sentence)]:
        # 不仅在平日早上: a time or place it is said of, as well as a thing
        things = _things(besides.group(1)) or _words(besides.group(1))
        for clause in cited.clauses:
            for only in re.finditer(_ONLY, clause):
                after = clause[only.end() : only.end() + _ONLY_REACH]
                if any(t in after for t in things):
                    issues.append(f"原文说的是“{clause.strip()[:30]}”，并无其他")
    return list(dict.fromkeys(issues))


def _things(text: str) -> set[str]:
    return {w for w in nouns_of(text) if len(w) >= 2}


def _words(text: str) -> set[str]:
    return {w for w in content_words(text) if len(w) >= 2}
