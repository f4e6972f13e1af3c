"""What a question opens with: the subject or name it asks about, which a passage that answers
it must hold as the question writes it (阿部重次的子女 → 阿部, 重次; 狭|叶|艾纳香; 羊水|栓塞)."""

from __future__ import annotations

import re
from functools import cache

from . import lexicon
from .chars import CJK
from .names import (
    JOINING,
    RARE_LONG_NAME,
    RARE_NAME,
    cut_guess,
    is_guessed,
    name_tags,
    noun_tags,
    rarity_limit,
    trim_guess,
)
from .segment import general_frequency, is_dictionary_word, search_terms, stopwords, tagged

_RARE_HEAD = 600  # a noun after a name is its head up to this many occurrences (穿山甲, 基金会)
_HEAD_ENDS = ("的", "是")  # … and is followed by one of these


@cache
def _entities(section: str) -> frozenset[str]:
    return frozenset(lexicon.words("entities", section))


@cache
def _text_kinds() -> frozenset[str]:
    return frozenset(lexicon.words("question_types", "text_kinds"))


_SAYING = "说讲称"
_JOINING = JOINING + "同"  # 新华网|跟求|是那篇: jieba glued the word joining a second source on


def subject_words(question: str) -> list[str]:
    """The words of the noun phrase a question opens with, when that phrase is no single known
    word (“阿部重次的子女” → 阿部, 重次): a passage about the subject holds all of them."""
    words: list[str] = []
    cut = tagged(question)
    for i, (word, flag) in enumerate(cut):
        if not words and word in _text_kinds():
            continue  # 论文|讲破……: the kind of text the question names its document by
        word = cut_guess(word, question, keep=1)
        if words and word[0] in _SAYING + _JOINING and not is_dictionary_word(word):
            break  # 人民网|说引|才: what a source says follows it, jieba glued 说 to it
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


_ACCORDING = frozenset("照按据依凭")  # the one-character "according to" jieba reads as a noun


def opening_name(question: str) -> str:
    """The name a question opens with when jieba cut it into pieces — names, guesses and single
    characters (狭|叶|艾纳香, 长谷川|町子): what the question is about, which a passage must name
    as written (a passage on 长柄艾纳香 does not answer about 狭叶艾纳香)."""
    pieces = []
    for word, flag in tagged(question):
        if not pieces and word in _ACCORDING:
            continue  # 照|新华那篇的意思: according to the text, no part of a name
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
        # a numeral glued to the word it opens (六|十进制): one term, when no dictionary has it
        counted = len(pieces) == 1 and pieces[0][0] in _NUMERALS and len(kept) >= 2
        if counted and not is_dictionary_word(pieces[0][0] + kept):
            pieces.append((kept, True))
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


_SETTING = re.compile(
    r"^(?:\d{2,4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|在[^，,]{2,12}(?:中|时|内|后|期间))[，,]"
)


def after_setting(question: str) -> str:
    """The question after a clause that sets its time or occasion (“475年9月，”, “在广东巡抚
    任内，”): what it opens with is its subject."""
    return _SETTING.sub("", question, count=1)


def opening_nouns(question: str) -> list[str]:
    """The rare nouns a question opens with (羊水|栓塞…, 丙烯|颜料…): its topic, which a passage
    that answers it names."""
    found = []
    for i, (word, flag) in enumerate(tagged(question)):
        if flag == "l" and not found and _names_a_topic(word):
            flag = "n"  # a set phrase the question opens with is its topic (花样游泳|什么时候)
        if flag not in noun_tags() or is_guessed(word) or (i and verb_object(word)):
            break  # a guessed name is checked as a name (罗保铭|本科毕业: what follows is asked)
        frequency = general_frequency(word)
        if flag in name_tags() and not rarity_limit(word) < frequency <= _OPENING_NOUN:
            break  # … and so is a rare one (a common one, 山东, is a place): one between (龙胆)
            # is a noun here
        if len(word) >= 2 and frequency <= _OPENING_NOUN:
            found.append(word)
    return found


def opening_run(question: str) -> list[str]:
    """The dictionary nouns of the noun phrase a question opens with, after a count or rank
    (第1|舰队, 4个|翼状|结构), up to a name jieba guessed (李日华|进士|及第: what follows a
    name is said of it): the question's subject and what qualifies it (欧洲|越橘)."""
    cut = tagged(question)
    start = next((i for i, (_, flag) in enumerate(cut) if flag not in _COUNTING), len(cut))
    found = []
    for i, (word, flag) in enumerate(cut[start:]):
        if flag not in noun_tags() or (i and verb_object(word)):
            break
        if not is_dictionary_word(word) or word in stopwords():
            break  # … or a word no index keeps (问题：…)
        if len(word) >= 2 and re.fullmatch(f"[{CJK}]+", word):
            found.append(word)
    return found


_COUNTING = frozenset(["m", "q", "mq"])


def verb_object(word: str) -> bool:
    """A three-character word jieba files as a noun that is a verb and its object (唱|主角, 搭|
    班子): after the noun a question opens with, what is said of it (企业|唱主角), no subject."""
    if len(word) != 3 or not is_dictionary_word(word[1:]):
        return False
    return tagged(word[0])[0][1] == "v" and tagged(word[1:])[0][1].startswith("n")


_TERM_CHARS = 4  # of a set phrase that names a topic (花样游泳)


def _names_a_topic(phrase: str) -> bool:
    """A set phrase of content words ending in a noun or verb (花样|游泳, 乡村|振兴), not one of
    phrasing (一般|来说, 归根|到底)."""
    parts = [tagged(t)[0][1] for t in search_terms(phrase) if t != phrase]
    return (
        len(phrase) >= _TERM_CHARS
        and len(parts) >= 2
        and all(flag[0] in "nvj" for flag in parts)
        and parts[-1][0] in "nv"
    )


# Where the subject a question opens with ends: a common verb or question word found in the
# characters, wherever jieba's cut runs (戈|登出|生于 hides 出生) …
_SUBJECT_END = re.compile(
    "因为|由于|为什么|为何|位于|出生|生于|出身|什么|哪|谁|如何|怎么|怎样|多少|属于|来自|担任"
    "|成为|获得|开始|称为|别名|又称|原名|本名|[，,？?。]"
)
# … or a particle, a word of phrasing jieba cut out (乍都 is a name, not 乍 and 都), or a
# one-character verb after a known word (玩家|用, 剧院|指).
_PARTICLES = frozenset(
    "的是在叫有被于以和与跟对从将把曾也都又所最何几因及或还就才已并而之等了过着能会可要应得现当"
    "照按据"  # 照|交通运输那篇的说法: according to, no name
)
_PHRASING = ("v", "a", "d", "p", "c", "u", "r", "f", "m", "t", "q")
_FUNCTION = ("d", "p", "c", "u", "r", "y", "e")  # … and 呢, 吗, 啊: 集群|呢
_POINTING = frozenset("这那该此其本他她它")


def broken_subject(question: str) -> str:
    """The name a question opens with, as characters, when jieba cut it into pieces no
    dictionary joins (琦|善, 史|继|偕, 盖|卤|王, 乍都|节|公园) or cut a name apart
    (戈|登出|生于): a passage about it holds the characters as written. Empty when the
    opening is a word, a phrase of words or points back."""
    question = after_setting(question)
    end = _SUBJECT_END.search(question)
    limit = end.start() if end else len(question)
    pieces: list[str] = []
    cut = tagged(question)
    if cut and (
        re.fullmatch(r"[\d零一二三四五六七八九十百千万两]+", cut[0][0]) or _phrase_opens(cut)
    ):
        return ""  # 两|创融合, 搞|科技金融, 老|产业: a numeral, verb or adjective opens: a phrase
    for word, flag in cut:
        used = sum(map(len, pieces))
        if used + len(word) > limit:
            pieces.append(word[: limit - used])  # the cut runs across the subject's end
            break
        phrasing = flag.startswith(_PHRASING)
        after_word = bool(pieces) and len(pieces[-1]) >= 2 and is_dictionary_word(pieces[-1])
        function = flag.startswith(_FUNCTION)  # 不|小心, 当|马来穿山甲: no name opens so
        if word in _PARTICLES or function or (phrasing and (len(word) >= 2 or after_word)):
            break
        pieces.append(word)
    pieces = [p for p in pieces if p]
    phrase = "".join(pieces)
    if not 2 <= len(phrase) <= 6 or not re.fullmatch(f"[{CJK}]+", phrase):
        return ""
    if set(phrase) & _POINTING or len(pieces) < 2 or is_dictionary_word(phrase):
        return ""
    return phrase if any(len(p) == 1 for p in pieces) or _splits_a_word(question, phrase) else ""


def _phrase_opens(cut: tuple[tuple[str, str], ...]) -> bool:
    """One character of verb, adjective or adverb before a word (搞|科技金融, 老|产业) — or two
    (说|到|中试)."""
    single = 0
    while single < min(2, len(cut)) and len(cut[single][0]) == 1:
        if not cut[single][1].startswith(("v", "a", "d", "b")):
            return False
        single += 1
    return 0 < single < len(cut) and len(cut[single][0]) >= 2 and is_dictionary_word(cut[single][0])


def holds_subject(text: str, subject: str) -> bool:
    """The text names the subject — or, when it is four characters or more, all of it but the
    last two, which may be the question's own words (魏舒史|称 → 魏舒, 六十进制|发源)."""
    return subject in text or (len(subject) >= 4 and subject[: max(2, len(subject) - 2)] in text)


def _splits_a_word(question: str, phrase: str) -> bool:
    """jieba's cut of the question runs across the phrase's end (戈|登出|生于 for 戈登)."""
    position = 0
    for word, _ in tagged(question):
        if position < len(phrase) < position + len(word):
            return True
        position += len(word)
    return False
