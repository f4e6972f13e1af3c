"""What a sentence quotes (“……”, 《……》) must be the cited passages' words, verbatim."""

from __future__ import annotations

import re

from ..text.abbreviations import plan_period_in
from ..text.chars import normalise_for_match
from ..text.listing import counted_list
from ..text.names import quoted
from .cited import Cited

_LONG_QUOTE = re.compile(r"“([^“”]{21,120})”")  # a quoted sentence or slogan, not a name


def quotes_unsaid(sentence: str, cited: Cited) -> list[str]:
    """What the sentence quotes must be the passage's words, however long the quotation."""
    return [
        f"引号或书名号中的“{q[:30]}”与原文不符"
        for q in [*quoted(sentence), *_LONG_QUOTE.findall(sentence)]
        if normalise_for_match(q) not in cited.flat
        and not counted_list(q, cited.text)  # “三化”: the passage lists 数字化、网络化、智能化
        and not plan_period_in(q, cited.text)
    ]
