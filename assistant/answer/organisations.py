"""An organisation the sentence names by several words (中国国际象棋协会) that its passages do
not: each word may be in them (中国, 国际象棋, 协会), the name is not — the passage's body is
another. A short form of a name they hold (中乙球队 for 中国足球乙级联赛球队) is that name."""

from __future__ import annotations

from ..search.named import organisations_unnamed
from ..text.abbreviations import shortened_from
from .cited import Cited


def organisation_unnamed(sentence: str, cited: Cited) -> list[str]:
    return [
        f"引用段落未提及“{name}”"
        for name in organisations_unnamed(sentence, [cited.text.lower()])
        if not shortened_from(name, cited.text)
    ]
