"""What a passage says is still to be done (亟待突破, 有待提高, 尚待解决) said to be done already
(已基本突破, 已经提高了) about the same thing."""

from __future__ import annotations

import re

from .cited import Cited

_PENDING = re.compile(r"(?:亟待|有待于?|尚待|仍待|还待)([\u4e00-\u9fff]{2})")
_DONE = "(?:已经|已|业已)(?:基本|初步|全面|彻底|完全|根本)?(?:得到|获得|实现)?"
_STILL = "(?:亟待|有待|尚待|仍待|还待|尚未|未|没有|仍需|尚需|还需|需要|亟需|急需|要)"
_SHARED = 2  # character pairs of what the passage clause says it of, found in the sentence


def done_already(sentence: str, cited: Cited) -> list[str]:
    """Issues for each verb a passage clause leaves to be done (局面亟待突破) that the sentence
    says is done (局面已基本突破, 突破了), when the sentence speaks of what that clause does (it
    holds some of the clause's character pairs before the verb)."""
    issues = []
    for clause in cited.clauses:
        for match in _PENDING.finditer(clause):
            verb, before = match.group(1), clause[: match.start()]
            done = re.search(rf"{_DONE}{verb}|{verb}了", sentence)
            if not done or re.search(rf"{_STILL}{verb}", sentence):
                continue
            pairs = {before[i : i + 2] for i in range(len(before) - 1)}
            if sum(p in sentence for p in pairs) >= _SHARED:
                source = clause.strip()[:30]
                issues.append(
                    f"原文说“{match.group()}”，句中却说“{done.group()}”（原文：“{source}”）"
                )
    return issues
