"""How the asker says a thing rather than what it is about, in words jieba cuts apart: a verb
of possibility and its complement (用得|起), a set phrase with words between its verb and its
object (挑|融合的|大梁) — none of it is a word the texts must hold (`weights.term_weights`)."""

from __future__ import annotations

import re

from ..text.segment import general_frequency, is_dictionary_word, tagged

_COMPLEMENTS = frozenset("起上了到动完好住下来去过")  # 用得|起, 赶不|上: can or cannot
_POSSIBLE = re.compile("[\u4e00-\u9fff][得不]")
_GLUED = 100  # uses in everyday Chinese below which 用得 is a glued cut, not a word (获得, 值得)
_PHRASE_REACH = 3  # words between the verb of a set phrase and its object (挑|融合|的|大梁)


def said_plainly(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The words without a verb of possibility and its complement (用得|起, 跟得|上: whether one
    can, said the asker's way; jieba glues 得 to the verb), nor the object of a set phrase said
    with words between (挑|融合的|大梁: 挑大梁, to take the main part)."""
    kept, skip = [], False
    for at, (word, flag) in enumerate(words):
        after = words[at + 1][0] if at + 1 < len(words) else ""
        if skip:
            skip = False
            continue
        if _POSSIBLE.fullmatch(word) and general_frequency(word) < _GLUED and after in _COMPLEMENTS:
            skip = True
            continue
        if _set_phrase_object(word, words[max(0, at - _PHRASE_REACH) : at]):
            continue
        kept.append((word, flag))
    return kept


def _set_phrase_object(word: str, before: list[tuple[str, str]]) -> bool:
    """The word ends a set phrase a one-character verb before it opens (挑……大梁 → 挑大梁)."""
    return len(word) >= 2 and any(
        len(verb) == 1 and is_dictionary_word(verb + word) and tagged(verb + word)[0][1] in "il"
        for verb, flag in before
        if flag.startswith("v")
    )
