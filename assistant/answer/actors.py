"""The one who does something exchanged for another the passage names.

“组织工程师走进车间、设计师与工程师座谈” restated as “组织设计师走进车间以及设计师与工程师座谈”: both nouns
are in the passage clause, and the character alignment matches them where they stand and sees
insertions, not an exchange; “最终甲大学胜出” for “甲大学和乙大学争夺，最终乙大学胜出”: the other
university is named a clause before. What gives it away is the noun right before the verb: the
passage says 工程师走进 (乙大学胜出), the sentence 设计师走进 (甲大学胜出), and the passages never
say that.
"""

from __future__ import annotations

from ..text.chars import normalise_for_match
from ..text.segment import tagged
from .cited import Cited
from .restated import Aligned


def actor_exchanged(part: Aligned, cited: Cited) -> list[str]:
    """Each verb of the clause the passage clause says once, with another noun of its kind
    (the same last character) before it than the one the passage puts there — a noun the
    passages name elsewhere, never before that verb."""
    theirs = _doers(part.source)
    issues = []
    for doer, verb in _doers(part.clause):
        before = [d for d, v in theirs if v == verb]
        if len(before) != 1 or before[0] == doer:
            continue
        meant = before[0]
        if (
            doer in cited.text
            and normalise_for_match(doer + verb) not in cited.flat
            and doer[-1] == meant[-1]  # two of a kind (工程师, 设计师): another of them
            and doer not in meant
            and meant not in doer
        ):
            issues.append(f"“{doer}{verb}”与原文的“{meant}{verb}”不符")
    return issues


def _doers(text: str) -> list[tuple[str, str]]:
    """(noun, verb) for each verb of two characters or more right after a noun phrase of two or
    more (伊利诺伊|大学 胜出: the nouns in a row) — not one a preposition or conjunction takes
    (与|四川大学 合并: not who merges)."""
    found, run, taken, before = [], "", False, ""
    for word, flag in tagged(text):
        if flag == "v" and len(word) >= 2 and len(run) >= 2 and not taken:
            found.append((run, word))
        if flag[0] == "n" or flag == "j":
            taken, run = (before in ("p", "c") if not run else taken), run + word
        else:
            run = ""
        before = flag[0]
    return found
