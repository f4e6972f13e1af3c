"""What a question opens with: the subject or name it asks about, which a passage that answers
it must hold as the question writes it (阿部重次的子女 → 阿部, 重次; 狭|叶|艾纳香; 羊水|栓塞)."""

from __future__ import annotations

import re
from functools import cache

from . import lexicon
from .chars import CJK
from .names import (
    RARE_LONG_NAME,
    RARE_NAME,
    cut_guess,
    is_guessed,
    name_tags,
    noun_tags,
    rarity_limit,
    trim_guess,
)
from .segment import general_frequency, is_dictionary_word, stopwords, tagged

_RARE_HEAD = 600  # a noun after a name is its head up to this many occurrences (穿山甲, 基金会)
_HEAD_ENDS = ("的", "是")  # … and is followed by one of these


@cache
def _entities(section: str) -> frozenset[str]:
    return frozenset(lexicon.words("entities", section))


def subject_words(question: str) -> list[str]:
    """The words of the noun phrase a question opens with, when that phrase is no single known
    word (“阿部重次的子女” → 阿部, 重次): a passage about the subject holds all of them."""
    words = []
    cut = tagged(question)
    for i, (word, flag) in enumerate(cut):
        word = cut_guess(word, question, keep=1)
        proper = flag in _entities("subject_tags") or not is_dictionary_word(word)
        # 马来|穿山甲|的: a name, then the rare noun it qualifies, ending the phrase
        ends = i + 1 < len(cut) and cut[i + 1][0] in _HEAD_ENDS
        head = bool(words) and flag == "n" and ends and general_frequency(word) <= _RARE_HEAD
        if not (proper or head) or word in stopwords() or not re.search(f"[{CJK}A-Za-z]", word):
            break
        words.append(word)
    phrase = "".join(words)
    if len(words) < 2 or len(phrase) < 3 or is_dictionary_word(phrase):
        return []
    return [w for w in words if len(w) >= 2]


_NUMERALS = frozenset("一二三四五六七八九十百千万米")  # one-character numerals, 米 of a name
_OPENING_TAGS = frozenset(
    ["n", "ng", "nr", "nrt", "nrfg", "ns", "nz", "nt", "a", "ag", "b", "g", "j"]
)


def opening_name(question: str) -> str:
    """The name a question opens with when jieba cut it into pieces — names, guesses and single
    characters (狭|叶|艾纳香, 长谷川|町子): what the question is about, which a passage must name
    as written (a passage on 长柄艾纳香 does not answer about 狭叶艾纳香)."""
    pieces = []
    for word, flag in tagged(question):
        guessed = not is_dictionary_word(word) and re.fullmatch(f"[{CJK}]+", word)
        kept = trim_guess(cut_guess(word, question)) if guessed else word
        # before the name, a rare word qualifies it (长柄|艾纳香) and a word tagged as a name is
        # part of it (王法|慧); after it, they are what is asked (罗保铭|本科毕业, 达曼|新建)
        opening = not any(named for _, named in pieces)
        frequency = general_frequency(kept)
        limit = RARE_LONG_NAME if opening else rarity_limit(kept)
        name = flag in name_tags() and frequency <= limit
        rare = frequency <= RARE_NAME and opening
        numeral = flag == "m" and kept in _NUMERALS  # 六|耳铃, 呋塞|米
        if (flag not in _OPENING_TAGS and not numeral) or not kept:
            break
        if not (name or guessed or rare or len(kept) == 1):
            break
        pieces.append((kept, name or bool(guessed)))
        if kept != word:
            break  # a guess cut short (…斯基|是): the rest belongs to the next word
    phrase = "".join(word for word, _ in pieces)
    single = len(pieces) == 1 and _guessed_noun(phrase, question)
    if not single and (len(pieces) < 2 or len(phrase) < 3 or not any(n for _, n in pieces)):
        return ""
    return "" if is_dictionary_word(phrase) else phrase


def _guessed_noun(word: str, question: str) -> bool:
    """A word no dictionary knows, tagged a common noun, that the question opens with (符泳|
    什么时候): a name jieba did not recognise (one it tagged as a name is checked as a name)."""
    return (
        len(word) >= 2
        and not is_dictionary_word(word)
        and re.fullmatch(f"[{CJK}]+", word) is not None
        and dict(tagged(question)).get(word) == "n"
    )


_OPENING_NOUN = 300  # a noun a question opens with, used this rarely, is its topic


def opening_nouns(question: str) -> list[str]:
    """The rare nouns a question opens with (羊水|栓塞…, 丙烯|颜料…): its topic, which a passage
    that answers it names."""
    found = []
    for word, flag in tagged(question):
        if flag not in noun_tags() or flag in name_tags() or is_guessed(word):
            break  # a name is checked as a name (罗保铭|本科毕业: what follows it is asked)
        if len(word) >= 2 and general_frequency(word) <= _OPENING_NOUN:
            found.append(word)
    return found
