"""Words of a sentence the passages never use: nouns, adjectives, and names jieba guessed."""

from __future__ import annotations

from ..text.chars import normalise_for_match
from ..text.names import JOINING, unglued
from ..text.segment import is_dictionary_word, tagged
from .cited import Cited

# a guessed word opening on a count or a pointer points back at what is named (两校, 该厂)
_POINTING_START = frozenset("一二两三四五六七八九十几多该本此其各每这那")


def new_words(piece: str, cited: Cited, clause: str = "") -> set[str]:
    """Nouns and adjectives of `piece` — and words no dictionary has, whatever jieba guessed
    them to be (摩押 as a verb) — found nowhere in the passages, not even without the
    conjunction jieba glued to a guessed one (和|七姐)."""
    return {
        w
        for w, flag in tagged(piece)
        if len(w) >= 2
        and (flag[0] in "nas" or guessed_name(w, clause or piece, cited.text))
        and not any(normalise_for_match(u) in cited.flat for u in [w, *_unjoined(w)])
    }


def guessed_name(word: str, clause: str, text: str) -> bool:
    """A word no dictionary has, not pointing back (两校) nor cut across words the passages say
    (固始|站现|为 of 固始站……现为): a name jieba did not know."""
    if is_dictionary_word(word) or word[0] in _POINTING_START:
        return False
    at = clause.find(word)
    edges = [
        clause[at - 1 : at + 1] if at > 0 else "",
        clause[at + len(word) - 1 : at + len(word) + 1],
    ]
    return not any(len(e) == 2 and e in text for e in edges)


def _unjoined(word: str) -> list[str]:
    return [] if is_dictionary_word(word) else unglued(word, JOINING)
