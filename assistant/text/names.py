"""The names a text mentions: people, places, organisations, programmes, titles, codes.

A question about a name the passages do not contain cannot be answered from them, however many
other words they share — so names are found as whole words (仁爱礁 is not 仁爱): jieba's proper
noun tags, a name extended by a one-character suffix (仁爱 + 礁), titles in 《》 and terms in
“”, foreign names joined by ·, and Latin or alphanumeric codes (GDP, 5G, C919).
"""

from __future__ import annotations

import re
from functools import cache

from . import lexicon
from .chars import CJK
from .segment import general_frequency, is_dictionary_word, stopwords, tagged, tagged_at
from .unsegmented import unsegmented

_QUOTED = re.compile(
    r"《([^《》]{1,30})》|“([^“”]{2,20})”|「([^「」]{2,20})」|\"([A-Za-z][A-Za-z .\-]{0,28}[A-Za-z.])\"(?!\s*:)"
)
_FIGURE = re.compile(r"[近约超逾]?[\d.,%％]+[万亿千百]*[^\s]{0,2}")
_ASKING = re.compile("几|啥|哪|什么|多少|^[XＸ某][\u4e00-\u9fff]$")  # “X链”: any 链
_BETWEEN = "是和与的被由将"  # no part of a name joined by dots: 占士·邦|是|伊恩·法兰明, two names
_PART = rf"(?:(?![{_BETWEEN}])[{CJK}]){{1,4}}"
_JOINED = re.compile(rf"{_PART}(?:[·・\-]{_PART})+")
# Codes: capitals (GDP, AI+), letters with digits (C919, H5N1), digits with letters (5G); not a
# lower-case word (script, yaml), which is markup or an English word, not a name.
_CODE = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z][A-Z0-9+&-]{1,11}|[A-Za-z]{1,6}[0-9][A-Za-z0-9]{0,8}"
    r"|[0-9]{1,4}[A-Za-z]{1,4})(?![A-Za-z0-9])"
)
# A dictionary word jieba tags as a name is a name when general Chinese hardly uses it (刘七,
# 泰罗); a common one is left to the word weights (长度, 帝王). Measured on CMRC trial.
RARE_NAME = 10  # a two-character dictionary word jieba tags as a name more often is a word
RARE_LONG_NAME = 1000  # … a longer one (伏尔泰, 塞内加尔, 张永海) is a name below this


@cache
def _set(section: str) -> frozenset[str]:
    return frozenset(lexicon.words("entities", section))


def trim_guess(word: str) -> str:
    """A guessed name without a function character glued to it (“锦地罗不” → “锦地罗”); what
    is left of a two-character guess is no name (“松才”)."""
    if is_dictionary_word(word):
        return word
    glued = _set("glued")
    if word[-1] in glued:
        word = word[:-1]
    if len(word) >= 2 and word[0] in glued:
        word = word[1:]
    return word


def _opens_word(text: str, longer_than: int) -> bool:
    """The text opens with a dictionary word longer than `longer_than` characters (一直, 效力)."""
    return any(
        general_frequency(text[:n]) for n in range(max(2, longer_than + 1), min(7, len(text) + 1))
    )


def _without_next_word(name: str, following: str, keep: int) -> str:
    """A guessed name without the start of the next word glued to its end: 巴利冈一|直担任 →
    巴利冈, 高登现|效力 → 高登, 黄华麒是|哪个 → 黄华麒; 仁爱礁 stays whole."""
    for cut in range(max(keep, len(name) - 2), len(name)):
        rest = name[cut:] + following
        dropped = len(name) - cut
        if _opens_word(rest, dropped - 1) or (
            rest[0] in _set("glued") and _opens_word(rest[1:], 1)
        ):
            return name[:cut]
    return name


def cut_guess(name: str, text: str, keep: int = 2) -> str:
    """`name` as found in `text`, cut where the next word of the text starts inside it (at
    least `keep` characters left)."""
    if is_dictionary_word(name):
        return name
    at = text.find(name)
    return name if at < 0 else _without_next_word(name, text[at + len(name) :], keep)


def rarity_limit(word: str) -> int:
    """How often a dictionary word tagged as a name may occur and still be one: jieba tags many
    two-character words as names (林子, 扎堆, 卡住), few longer ones."""
    return RARE_NAME if len(word) <= 2 else RARE_LONG_NAME


def _tagged_names(text: str) -> list[str]:
    """Proper nouns jieba had to guess (not in its dictionary), and any proper noun extended by
    a one-character suffix. A dictionary word is left to the word weights: jieba tags many common
    words as names (长度, 帝王)."""
    words = tagged(text)
    names: list[str] = []
    for i, (word, flag) in enumerate(words):
        if flag not in _set("name_tags") or flag == "eng":
            continue
        following = words[i + 1][0] if i + 1 < len(words) else ""
        if i and words[i - 1][0] in _POINTERS and word[0] in _CLASSIFIERS:
            continue  # 哪|段时间, 这|种做法: a measure word cut away from its pointer
        if len(word) == 2 and word[0] == "几":
            continue  # 哪|几环, 几块: a count asked with its measure word (几内亚 is longer)
        if len(word) == 2 and word[0] in _NEGATING and not is_dictionary_word(word):
            continue  # 别光|躺着, 没咋: a negated adverb jieba guessed a name, not a name
        if len(word) == 2 and word[0] in _LOCALIZERS and i and not is_dictionary_word(word):
            continue  # 落实上|卡在, 地盘上|省下: the place word ends the word before
        if following in _set("suffixes"):
            word += following  # 仁爱 + 礁: the name is 仁爱礁
        elif _phrasing(word) or (
            is_dictionary_word(word) and general_frequency(word) > rarity_limit(word)
        ):
            continue
        word = trim_guess(cut_guess(word, text))
        if len(word) >= 2 and word not in stopwords():
            names.append(word)
    return names


_POINTERS = frozenset("哪这那每该几某")
_NEGATING = frozenset("别不没未勿非")
_LOCALIZERS = frozenset("上下里中内外")
_CLASSIFIERS = frozenset("个只件条段种类项位名家所座台部本批次轮届期场门支头")  # 那|头: that side


def cut_from_pointer(word: str, text: str) -> bool:
    """The word opens with a measure word jieba cut away from the pointer before it in the text
    (这|段时间, 哪|种做法): no word of the text's own."""
    return word[:1] in _CLASSIFIERS and any(f"{p}{word}" in text for p in _POINTERS)


def _phrasing(word: str) -> bool:
    """A verb phrase jieba tagged as a name — 拉进来, 托底, (工厂)里塞: every character a verb,
    adverb, preposition or place word of its own, one at least a verb; a verb said twice (比一比,
    想了想)."""
    if len(word) == 3 and word[0] == word[2] and word[1] in "一了":
        return True
    if len(word) > 3:
        return False
    flags = [tagged(ch)[0][1] for ch in word]
    return "v" in flags and all(f in _set("phrasing_characters") for f in flags)


def is_code(word: str) -> bool:
    """GDP, 5G, C919 — a code is a name; script or yaml is not."""
    return bool(_CODE.fullmatch(word.strip())) or bool(
        _CODE.fullmatch(word.strip().upper()) and word.isupper()
    )


_LATIN_PHRASE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[ \-][A-Za-z0-9]+)*")


def abbreviated_in(code: str, text: str) -> bool:
    """The code is the capitals and figures of a Latin name the text spells out (PS3 for
    PlayStation 3, WHO for World Health Organization) — not a code with another figure."""
    if not is_code(code) or not code.isascii():
        return False
    wanted = code.upper()
    for phrase in _LATIN_PHRASE.findall(text):
        initials = "".join(c for c in phrase if c.isupper() or c.isdigit())
        if len(initials) >= 2 and initials == wanted:
            return True
    return False


def quoted(text: str) -> list[str]:
    """What a text puts in 《》, “” or 「」 (titles, programmes, slogans), and a Latin name in plain
    quotes ("P. tuckeri", not a JSON key), figures excepted."""
    found = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(text)]
    return [q for q in found if not _FIGURE.fullmatch(q)]


def trimmed_guess(word: str, text: str = "") -> str:
    """A word jieba had to guess without a function character or the start of the next word of
    `text` glued to it (“年去” → “”, “魏舒史|称” → “魏舒”)."""
    if is_dictionary_word(word):
        return word
    word = trim_guess(cut_guess(word, text) if text else word)
    return word if len(word) >= 2 else ""


def _joined(match: re.Match[str], text: str) -> str:
    """A name joined by · from the word before its first dot, back over the name's words but not
    a function character or a common word before it (微软元老|马克·茨柏克沃斯基, 约与因|赫·德克)."""
    name, start = match.group(), match.start()
    dot = start + re.search("[·・-]", name).start()  # type: ignore[union-attr]
    words = [(w, f, at) for w, f, at in tagged_at(text) if start <= at < dot]
    begin = words[-1][2] if words else start
    for word, flag, at in reversed(words[:-1]):
        function = len(word) == 1 and flag[0] in "pcudr"
        if function or (is_dictionary_word(word) and general_frequency(word) > rarity_limit(word)):
            break
        begin = at
    return text[begin : match.end()]


def _dotted(match: re.Match[str], text: str) -> str:
    """A name joined by dots, cut where the next word starts — unless a word between two names
    stopped it short of four characters (让-马克·杜邦|的: 杜邦 is its own word, and the name's)."""
    name = _joined_end(_joined(match, text), text)
    stopped = text[match.end() : match.end() + 1] in set(_BETWEEN)
    return name if stopped and len(re.split("[·・-]", name)[-1]) < 4 else cut_guess(name, text)


def _joined_end(name: str, text: str) -> str:
    """A name joined by · without the one-character function word jieba cut after it (琴娜·杜普
    洛|因|什么 → 琴娜·杜普洛)."""
    spans = {at: (word, flag) for word, flag, at in tagged_at(text)}
    start = text.find(name)
    while len(name) > 2 and name[-1] not in "·・-":
        word, flag = spans.get(start + len(name) - 1, ("", ""))
        if len(word) != 1 or flag[0] not in "pcudr":
            break
        name = name[:-1]
    return name


def names_in(text: str) -> list[str]:
    """The names a text mentions, longest forms first, without repeats."""
    # a quoted figure (“100万件”) is a number, not a name: numbers are checked as numbers; a
    # short quoted question (“几化”) asks for the name
    found = [q for q in quoted(text) if not (len(q) <= 4 and _ASKING.search(q))]
    found += [trim_guess(_dotted(m, text)) for m in _JOINED.finditer(text)]
    found += [m.group() for m in _CODE.finditer(text) if len(m.group()) >= 2]
    found += _tagged_names(_QUOTED.sub(" ", text))
    found += unsegmented(_QUOTED.sub(" ", text))
    unique = list(dict.fromkeys(name.strip() for name in found if name.strip()))
    # a part of a longer name is not a name of its own (“皮埃尔” inside “让-皮埃尔·巴利冈”)
    return [n for n in unique if not any(n != other and n in other for other in unique)]


def name_tags() -> frozenset[str]:
    """Part-of-speech tags of names (people, places, organisations, other proper nouns)."""
    return _set("name_tags")


def noun_tags() -> frozenset[str]:
    """Part-of-speech tags of words that name a topic."""
    return _set("noun_tags")


def phrasing_tags() -> frozenset[str]:
    """Part-of-speech tags of words that only phrase a question (adverbs, particles …)."""
    return _set("phrasing_tags")


def is_idiom(word: str) -> bool:
    """A four-character dictionary word jieba tags as a person's name (武艺超群) is an idiom; a
    place or organisation of four characters (塞内加尔) is a name."""
    return len(word) == 4 and is_dictionary_word(word) and tagged(word)[0][1] not in ("ns", "nt")


def is_guessed(word: str) -> bool:
    """Not a dictionary word: a name or term jieba had to guess (锦地罗, 黄蝉)."""
    return not is_dictionary_word(word)


def is_topic_word(word: str) -> bool:
    """A noun-like word (a topic the question asks about), not a verb or adverb of phrasing."""
    flags = {flag for _, flag in tagged(word)}
    return bool(flags & noun_tags())


LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{2,}(?![A-Za-z])")  # Ember, Ford: a name's word

# conjunctions jieba glues onto the word after them (和|七姐, 跟|求是): no part of a name
JOINING = "和与及跟"


def unglued(name: str, front: str, back: str = "") -> list[str]:
    """`name` without a function or position character jieba glued to one end of it (于|宁康,
    和|耶律留哥, 易颉|中): `front` and `back` are the characters to strip from each end."""
    return [name[1:]] * (name[0] in front) + [name[:-1]] * (name[-1] in back)


_GLUED = "和与及成为在于之的中里外内上"


def unglued_name(name: str) -> list[str]:
    """A guessed name without the function or position character jieba glued to one end of it
    (和|耶律留哥, 易颉|中, 鲍尔默|外); a word its dictionary holds, without a conjunction (和|耶律)."""
    if len(name) < 3:
        return []
    if is_dictionary_word(name):
        return unglued(name, JOINING)
    return unglued(name, _GLUED, _GLUED)
