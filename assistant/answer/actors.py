"""The one who does something exchanged for another the passage names.

“组织工程师走进车间、设计师与工程师座谈” restated as “组织设计师走进车间以及设计师与工程师座谈”: both nouns
are in the passage clause, and the character alignment matches them where they stand and sees
insertions, not an exchange. What gives it away is the noun right before the verb: the passage
says 工程师走进, the sentence 设计师走进, and the passages never say that (最终甲大学胜出 → 最终乙大学
胜出).
"""

from __future__ import annotations

from ..text.chars import normalise_for_match
from ..text.segment import tagged
from .cited import Cited
from .restated import Aligned


def actor_exchanged(part: Aligned, cited: Cited) -> list[str]:
    """Each verb of the clause the passage clause says once, with another noun of its kind
    (the same last character) before it than the one the passage puts there — a noun of the
    passage clause, while the clause names the passage's one elsewhere."""
    theirs = _doers(part.source)
    issues = []
    for doer, verb in _doers(part.clause):
        before = [d for d, v in theirs if v == verb]
        if len(before) != 1 or before[0] == doer:
            continue
        meant = before[0]
        if (
            doer in part.source
            and meant in part.clause
            and normalise_for_match(doer + verb) not in cited.flat
            and doer[-1] == meant[-1]  # two of a kind (工程师, 设计师): another of them
            and doer not in meant
            and meant not in doer
        ):
            issues.append(f"“{doer}{verb}”与原文的“{meant}{verb}”不符")
    return issues


def _doers(text: str) -> list[tuple[str, str]]:
    """(noun, verb) for each verb of two characters or more right after a noun of two or more."""
    words = tagged(text)
    return [
        (noun, verb)
        for (noun, tag), (verb, flag) in zip(words, words[1:], strict=False)
        if tag[0] == "n" and len(noun) >= 2 and flag == "v" and len(verb) >= 2
    ]
