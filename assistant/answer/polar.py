"""Words of polarity, read from `data/lexicon/polarity.txt`: negators, opposites, words of rising,
falling and staying, and the words with a negating character that negate nothing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..text import lexicon
from ..text.numerals import figures
from ..text.segment import is_dictionary_word, tagged


@cache
def polar() -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """The negators, and the pairs of opposites (a/b: saying a where the passage says b)."""
    negators = frozenset(lexicon.words("polarity", "negators"))
    pairs = lexicon.words("polarity", "opposites")
    return negators, tuple(tuple(p.split("/")) for p in pairs)  # type: ignore[misc]


_PLAIN_NEGATORS = "不再|不|未|没有|无须|无需|不用"


def said_as_opposite(clause: str, source: str) -> str:
    """The clause with a word negated said as the word of denial it means, when the passage says
    that one and not the other: 不再征收 for the passage's 免征, 不允许 for its 禁止."""
    for a, b in polar()[1]:
        for word, other in ((a, b), (b, a)):
            if _denies(other) and other in source and word not in source:
                clause = re.sub(rf"(?:{_PLAIN_NEGATORS}){re.escape(word)}", other, clause)
    return clause


@cache
def _denies(word: str) -> bool:
    """A word that is a denial itself: 禁止, 取消, 免征 (exempting from what the other word does)."""
    return word.startswith("免") or any(n in word for n in polar()[0] if len(n) > 1)


@cache
def not_negating() -> re.Pattern[str]:
    """不断, 不仅, 不动摇 …: words with a negating character that negate nothing."""
    return re.compile(lexicon.alternation("polarity", "not_negating"))


def unnegated(text: str) -> str:
    """The text without the words that look negating and are not (不少, 不断): their characters
    say nothing of their own (the 少 of 不少 is no 少)."""
    return not_negating().sub("，", text)


@cache
def directions() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Words of rising, of falling, and of staying as it was."""
    up, down, steady = (lexicon.alternation("polarity", s) for s in ("up", "down", "steady"))
    return re.compile(up), re.compile(down), re.compile(steady)


def negations(text: str) -> set[str]:
    """The negators of a text, with those jieba glued to their verb (不减, 不降 → 不; 避免出现 →
    避免: a negator of two or more characters opening a longer word)."""
    negators, _ = polar()
    words = negators_apart(tagged(not_negating().sub("，", text)))
    glued = {w[0] for w, flag in words if len(w) == 2 and w[0] in negators and flag in ("v", "a")}
    glued |= {n for w, _ in words for n in _long_negators() if len(w) > len(n) and w.startswith(n)}
    return ({w for w, _ in words} | glued) & negators


def negated_words(text: str) -> set[str]:
    """The words made of 不 or 未 and another word (不确定性: 确定性 negated), which `negations`
    leaves aside: such a word names a thing (风险和不确定性), it denies no statement."""
    words = tagged(not_negating().sub("，", text))
    return {w for w, _ in words if len(w) >= 3 and w[0] in "不未" and is_dictionary_word(w[1:])}


# 而不以, 却未必: jieba glues a joining word and the negator after it to what follows
_JOINED_NEGATOR = re.compile(r"([而并且也都还却又])(不|未|没)(.+)")


def negators_apart(words: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The words with a joining word glued to a negator and what follows (而不以) cut apart: 而,
    不, 以."""
    apart = []
    for word, flag in words:
        joined = _JOINED_NEGATOR.fullmatch(word) if len(word) >= 3 else None
        if joined:
            apart += [(joined.group(1), "c"), (joined.group(2), "d"), (joined.group(3), flag)]
        else:
            apart.append((word, flag))
    return apart


@cache
def _long_negators() -> tuple[str, ...]:
    return tuple(n for n in polar()[0] if len(n) >= 2)


_COMPARATIVE = re.compile(r"[快慢高低多少好差优大小]于|超过|不如")


def comparative(text: str) -> bool:
    """快于, 低于, 超过, 不如: a comparison of two things, not a change of one (`outpaced.py`)."""
    return bool(_COMPARATIVE.search(text))


def sides(text: str) -> dict[str, set[str]]:
    """The direction words of a text, by side (up, down)."""
    found: dict[str, set[str]] = {}
    words = [w for w, _ in tagged(text)]
    # 降|至, 跌|到: jieba cuts a one-character verb from the preposition that completes it
    joined = [
        w + after if len(w) == 1 else w for w, after in zip(words, [*words[1:], ""], strict=True)
    ]
    said = [(word, direction_of(word)) for word in joined]
    for (word, side), (_, then) in zip(said, [*said[1:], ("", None)], strict=True):
        if side and not (then and (word in _sizes() or word in _SIZE_ADVERBS)):
            found.setdefault(side, set()).add(word)  # 大幅|下降: the size goes with what follows
    return found


# adverbs of size that qualify the direction word after them (大幅|下降), none of their own
_SIZE_ADVERBS = frozenset(["大幅", "小幅", "大大", "明显", "显著", "急剧", "稍微", "略微"])


def direction_of(word: str) -> str | None:
    """ "up" or "down" for a word of rising or falling (大幅提高, 大力发展), else None."""
    if comparative(word):
        return None  # 低于 compares two things, it does not say one fell
    for side, pattern in zip(("up", "down"), directions()[:2], strict=True):
        # 大幅提高, 有所下降: jieba keeps the phrase whole
        if pattern.fullmatch(word) or (len(word) == 4 and pattern.fullmatch(word[2:])):
            return side
    return None


_PIECES = re.compile(r"[，,；;、。]")
_DATES = re.compile(r"\d{4}年|\d{1,2}月(?:\d{1,2}日)?")


def stating(clause: str, pieces: list[str]) -> list[str]:
    """The pieces stating a figure of the clause — years and dates aside, which pin no fact
    down."""
    stated = set(figures(_DATES.sub("", clause)))
    return [p for p in pieces if stated & set(figures(p))] if stated else []


def said_alike(said: str, clause: str, text: str) -> bool:
    """A piece of `text` stating a figure of the clause says it the way of `said` in other
    words (……减少了100万吨 ← ……，比上年降低了100万吨): the clause's direction word agrees with
    the fact its figure pins down, whatever another piece of the text says."""
    side = sides(said).keys()
    return bool(side) and any(side & sides(p).keys() for p in stating(clause, _PIECES.split(text)))


def reversed_words(mine: str, source: str) -> list[str]:
    """A word of a pair of opposites (扩大/缩小) where the source has only the other."""
    _, opposites = polar()
    # 不少 says nothing is 少; 不再征收 says 免征
    mine, source = unnegated(said_as_opposite(mine, source)), unnegated(source)
    plain = [
        (said, meant)
        for a, b in opposites
        for said, meant in ((a, b), (b, a))
        if said in mine and meant not in mine and meant in source and said not in source
    ]
    graded = [
        (said, meant)
        for a, b in graded_pairs()
        for said, meant in ((a, b), (b, a))
        if _graded_reversed(said, meant, mine, source)
    ]
    return [
        f"“{said}”与原文的“{meant}”相反"
        for said, meant in dict.fromkeys(plain + graded)
        # … unless the source states the clause's figure the clause's way (减少 ← 降低)
        if not said_alike(said, mine, source)
    ]


@cache
def graded_pairs() -> tuple[tuple[str, str], ...]:
    """One-character words of degree opposite in pairs (长/短), read after an adverb of degree."""
    return tuple(tuple(p.split("/")) for p in lexicon.words("polarity", "graded"))  # type: ignore[misc]


# adverbs of degree before a one-character word of degree (略|高, 相对较|长)
DEGREE_ADVERBS = "稍|略|偏|较|更|很|太|过|略微|稍微|相对|比较|较为|有所|明显"


def _graded_reversed(said: str, meant: str, mine: str, source: str) -> bool:
    """A one-character word of degree said after an adverb of degree (略高) where the source says
    the other so (稍低), though its character is in another word of the source (高危)."""
    return (
        graded_says(said, mine)
        and graded_says(meant, source)
        and not graded_says(said, source)
        and not graded_says(meant, mine)
    )


def graded_says(word: str, text: str) -> bool:
    """The text says the word of degree after an adverb of degree (略高, 较低)."""
    return re.search(rf"(?:{DEGREE_ADVERBS}){re.escape(word)}", text) is not None


def plainly(clause: str, word: str) -> str:
    """The clause as read for a one-character word (少): without the words it only looks like
    part of (不少); as written for a longer one (不容忽视)."""
    return unnegated(clause) if len(word) == 1 else clause


def ranked(word: str, text: str) -> bool:
    """The text ranks by the word of degree, or says a thing turns to it: 第三小, 最大, 变小."""
    return (
        re.search(rf"(?:第[\d一二三四五六七八九十]+|最|变|变得|越来越){re.escape(word)}", text)
        is not None
    )


def fall_unsaid(changes: Sequence[tuple[str, str]], source: str) -> list[str]:
    """A word of falling, cutting or slowing (压减, 放缓) the sentence puts in its clause where the
    passage clause it restates has none — nor a negator or a word of staying, which a fall
    may restate (防止……过快 → 控制): the passage says nothing falls (积极有序发展核电 → 逐步压减)."""
    _, down, steady = directions()
    if down.search(source) or negations(source) or steady.search(source):
        return []
    return [
        f"原文未说“{fall.group()}”（原文：“{source.strip()[:30]}”）"
        for mine, _ in changes
        if not comparative(mine) and (fall := down.search(mine)) and fall.group() not in _sizes()
    ]


@cache
def _sizes() -> frozenset[str]:
    return frozenset(lexicon.words("polarity", "sizes"))


_QUANTITIES = frozenset(["大量", "少量", "许多", "不少", "一定", "一些", "任何", "较多", "较少"])
_HAVING = {"有": "有", "没有": "有", "无": "有", "尚无": "有", "并无": "有", "毫无": "有"}
_BEING = {"是": "是", "不是": "是", "并非": "是", "并不是": "是", "绝非": "是"}


def copulas(
    words: tuple[tuple[str, str], ...], negators: frozenset[str]
) -> list[tuple[str, str, bool]]:
    """有/是 with the word they take (有鱼虾, 是难点), and whether it is negated (没有, 不是)."""
    found = []
    for i, (word, _) in enumerate(words):
        copula = _HAVING.get(word) or _BEING.get(word)
        if not copula:
            continue
        following = next(  # what it takes, past a quantity (有|少量|外债, 没有|任何|外债)
            (
                w
                for w, flag in words[i + 1 : i + 4]
                if len(w) >= 2 and flag[0] not in "cpurxmq" and w not in _QUANTITIES
            ),
            "",
        )
        if following and following not in negators:  # 不会|有身影: a negator before it
            negated = word not in ("有", "是") or (i > 0 and words[i - 1][0] in negators)
            found.append((copula, following, negated))
    return found
