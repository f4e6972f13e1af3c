"""Words a question may use for the texts' own: 托底 for 兜底, 国外 for 境外, 招 for 举措.

The groups are `data/lexicon/synonyms.txt`, written from general usage of official and everyday
Chinese (not from any text the project answers about). A one-character word is never looked for
in a text (钱 is in 价钱): a question's 钱 finds 资金, a question's 资金 does not find 钱.

A question's word the index never uses stands for the words of its group the index does: its
weighted term (`search/weights.py`) is then `托底|兜底` (`stand_in`), found in a text holding
either (`found_in`) and shown to the user as the question wrote it (`asked`). A word the texts use is looked for as
written: 搭建 must not count as found wherever the common 建设 is.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from . import lexicon
from .segment import search_terms, tagged


@cache
def _table() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for group in lexicon.groups("synonyms"):
        for word in group:
            others = [w for w in group if w != word and len(w) >= 2]
            # as written and lower-cased: the checks read some texts lower-cased (AI → ai)
            table[word.lower()] = tuple(dict.fromkeys(o for w in others for o in (w, w.lower())))
    return table


def joined_as_listed(pairs: list[tuple[str, str]], text: str) -> list[tuple[str, str]]:
    """Tagged words with a listed word the tagger cut into single characters put back together,
    as a noun (引|才|留|才 → 引才, 留才: jieba's tagger splits a word its dictionary lacks where
    its plain cut does not), and a listed noun cut after the adjective opening it (老|产业 →
    老产业, 大|企业). Words cut into words stay cut (成交|金额: the texts may say 成交)."""
    joined: list[tuple[str, str]] = []
    at = 0
    while at < len(pairs):
        for size in (3, 2):
            run = "".join(w for w, _ in pairs[at : at + size])
            opened = size == 2 and len(pairs[at][0]) == 1 and pairs[at][1] in _QUALIFYING
            opened = opened and run in text  # 养|大|的|企业: not 大企业
            if size <= len(pairs) - at and (len(run) == size or opened) and listed(run):
                joined.append((run, "n"))
                at += size
                break
        else:
            joined.append(pairs[at])
            at += 1
    return joined


_QUALIFYING = ("a", "b")  # 老|产业, 总|目标: an adjective or a distinguishing word


def qualified(word: str) -> bool:
    """A listed word jieba cuts after the adjective opening it (老|产业, 大|企业)."""
    cut = tagged(word)
    return listed(word) and len(cut) == 2 and len(cut[0][0]) == 1 and cut[0][1] in _QUALIFYING


def listed(word: str) -> bool:
    """The word is one of a synonym group's (a word as the list writes it, not a guess)."""
    return word.lower() in _table()


def synonyms(word: str) -> tuple[str, ...]:
    """The other words of the word's group that may be looked for in a text."""
    return _table().get(word.lower(), ())


def spelled_otherwise(name: str) -> list[str]:
    """The name with one of its words put the texts' way (普通高校 → 普通高等学校): the other
    spellings of a name built on a word of a synonym group. Only words of two characters or
    more are swapped, and only inside a longer name."""
    lowered = name.lower()  # the table's words are lower-cased (AI → ai)
    return [
        lowered.replace(word, other)
        for word, others in _table().items()
        if len(word) >= 2 and word != lowered and word in lowered
        for other in others
    ]


@cache
def _restatements() -> dict[str, tuple[str, ...]]:
    return {w: tuple(o for o in g if o != w) for g in lexicon.groups("restatements") for w in g}


def restated_otherwise(term: str) -> list[str]:
    """The term with one of its words put another way a restatement may (全面取消 for 全部取消,
    `data/lexicon/restatements.txt`): alike to the sentence check, not to search. Unlike
    `spelled_otherwise`, the word may be the whole term (全面 for 全部: the change the alignment
    finds is often just the qualifier)."""
    return [
        term.replace(word, other)
        for word, others in _restatements().items()
        if word in term
        for other in others
    ]


def whole_words(fragment: str, text: str) -> list[str]:
    """The words of the synonym groups the text holds with the fragment inside them (新农 of
    新农合): what a name cut short by the segmenter stands for."""
    return [w for w in _table() if fragment in w and w != fragment and w in text]


def holds(text: str, word: str) -> bool:
    """The text has the word, or a word of its group."""
    return word in text or any(other in text for other in synonyms(word))


def holds_halves(text: str, word: str) -> bool:
    """The text has each word of the compound, or a word of its group (贯彻落实: 贯彻 and 实施)."""
    parts = _halves(word)
    return bool(parts) and all(holds(text, part) for part in parts)


_APART = 4  # characters a compound's two words may stand apart (基础|研究|学科)


def said_apart(word: str, text: str) -> bool:
    """A compound of two words said with a word between them (基础学科 → 基础研究学科领域)."""
    parts = _halves(word)
    between = f".{{0,{_APART}}}"
    return bool(parts) and re.search(between.join(map(re.escape, parts)), text) is not None


@lru_cache(maxsize=4096)
def _halves(word: str) -> tuple[str, ...]:
    """The compound's two words, each of two characters or more; none for any other word."""
    parts = {t for t in search_terms(word) if t != word}
    # 重大|项目 of 重大项目, whatever else jieba's search mode cuts from it (大项)
    splits = [(word[:i], word[i:]) for i in range(2, len(word) - 1)]
    return next(((a, b) for a, b in splits if a in parts and b in parts), ())


def stand_in(word: str, used: list[str]) -> str:
    """The term for a question's word and the words of its group the texts use."""
    return "|".join([word, *used]) if used else word


def asked(term: str) -> str:
    """The question's own word of a term."""
    return term.split("|", 1)[0]


@cache
def _instances() -> dict[str, tuple[str, ...]]:
    return {group[0]: group[1:] for group in lexicon.groups("instances") if len(group) > 1}


def instances(word: str) -> tuple[str, ...]:
    """What names an instance of the word's kind: 银灰色 says what a question's 颜色 asks."""
    return _instances().get(word, ())


def found_in(text: str, term: str) -> bool:
    """The text holds the term: its word, one the word stands for, or an instance of the kind
    it names (颜色 → 银灰色)."""
    return any(w in text or any(i in text for i in instances(w)) for w in term.split("|"))


def present(word: str, text: str) -> bool:
    """The word is in the text, or a word of its synonym group (托底 → 兜底, 搭建 → 建设: whether
    the passages say it at all, not which sentence says it best), or is spelled there with one
    of its words put another way (普通高校 → 普通高等学校); a two-character contraction
    counts when both its characters open nearby words (引育 → 引进……培育)."""
    word = asked(word)
    if holds(text, word) or any(s in text for s in spelled_otherwise(word)):
        return True
    if said_apart(word, text):
        return True  # 基础学科 → 基础研究学科
    if len(word) != 2:
        return False
    return bool(re.search(rf"{re.escape(word[0])}.{{0,6}}{re.escape(word[1])}", text))
