"""What a passage says is still to be done (亟待突破, 有待提高, 尚待解决) said to be done already
(已基本突破, 已经提高了) about the same thing; what it says is partly or nearly done (接近完成,
基本建成) said to be wholly done (全部完成)."""

from __future__ import annotations

import re

from .cited import Cited

_PENDING = re.compile(r"(?:亟待|有待于?|尚待|仍待|还待)([\u4e00-\u9fff]{2})")
_DONE = "(?:已经|已|业已)(?:基本|初步|全面|彻底|完全|根本)?(?:得到|获得|实现)?"
_STILL = "(?:亟待|有待|尚待|仍待|还待|尚未|未|没有|仍需|尚需|还需|需要|亟需|急需|要)"
_SHARED = 2  # character pairs of what the passage clause says it of, found in the sentence
_NEARLY = "(?:接近|即将|将要|行将|基本上?|初步|大体上?|大部分|部分)"
_PARTLY = re.compile(f"{_NEARLY}(完成|实现|建成|结束|解决|消除|落实)")
_WHOLLY = "(?:已经|已)?(?:全部|全面|彻底|完全|圆满|悉数|均已|都已)"


def done_already(sentence: str, cited: Cited) -> list[str]:
    """Issues for each verb a passage clause leaves to be done (局面亟待突破) that the sentence
    says is done (局面已基本突破, 突破了), when the sentence speaks of what that clause does (it
    holds some of the clause's character pairs before the verb)."""
    issues = []
    for clause in cited.clauses:
        for match in _PENDING.finditer(clause):
            verb = match.group(1)
            done = re.search(rf"{_DONE}{verb}|{verb}了", sentence)
            if done and not re.search(rf"{_STILL}{verb}", sentence):
                issues += _said_of(sentence, clause, match, done)
        for match in _PARTLY.finditer(clause):  # 接近完成 → 全部完成
            verb = match.group(1)
            wholly = re.search(f"{_WHOLLY}{verb}", sentence)
            if wholly and not re.search(f"{_NEARLY}{verb}", sentence):
                issues += _said_of(sentence, clause, match, wholly)
    return issues


def _said_of(sentence: str, clause: str, match: re.Match[str], said: re.Match[str]) -> list[str]:
    """The issue, when the sentence speaks of what the passage clause does: it holds some of
    the clause's character pairs before the verb."""
    before = clause[: match.start()]
    pairs = {before[i : i + 2] for i in range(len(before) - 1)}
    if sum(p in sentence for p in pairs) < _SHARED:
        return []
    source = clause.strip()[:30]
    return [f"原文说“{match.group()}”，句中却说“{said.group()}”（原文：“{source}”）"]
