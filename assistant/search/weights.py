"""How much each word of a question matters: its rarity in the index times its topicality."""

from __future__ import annotations

import math
import re
from functools import cache

from ..index.state import Index
from ..text import lexicon
from ..text.chars import has_chinese
from ..text.names import (
    cut_from_pointer,
    is_code,
    is_guessed,
    name_tags,
    noun_tags,
    phrasing_tags,
    trimmed_guess,
)
from ..text.segment import general_frequency, search_terms, tagged, tagged_content
from ..text.synonyms import joined_as_listed, listed, qualified, stand_in, synonyms
from ..tuning import TUNING
from .phrased import said_plainly

TUNE = TUNING.evidence
_LATIN = re.compile(r"[A-Za-z]")


def specificity(word: str) -> float:
    """1 for domain words, down to a floor for words common in everyday Chinese (表现, 到底)."""
    frequency = general_frequency(word)
    if frequency <= TUNE.common_word_frequency:
        return 1.0
    fall = TUNE.specificity_slope * math.log10(frequency / TUNE.common_word_frequency)
    return max(TUNE.specificity_floor, 1.0 - fall)


def word_weight(index: Index, word: str) -> float | None:
    """IDF of a word, or of its rarest sub-word for compounds BM25 indexed in parts; None if unseen."""
    if index.document_frequency(word):
        return index.idf(word)
    parts = _held_parts(index, word)
    covered = {i for t in parts for at in _starts(word, t) for i in range(at, at + len(t))}
    if len(covered) < len(word):
        return None  # 科技|厅: a part the index never holds — the compound is unseen
    return max(index.idf(t) for t in parts) if parts else None


def _starts(word: str, part: str) -> list[int]:
    return [i for i in range(len(word)) if word.startswith(part, i)]


def _held_parts(index: Index, word: str) -> list[str]:
    """The words of a compound (jieba's search mode) that the index holds."""
    return [t for t in search_terms(word) if t != word and index.document_frequency(t)]


def _rarest_part(index: Index, word: str) -> float:
    """The IDF of the rarest part of a compound the index holds: an unseen compound (科技厅)
    weighs no less than that part would."""
    return max((index.idf(t) for t in _held_parts(index, word)), default=0.0)


def term_weights(index: Index, question: str) -> dict[str, float]:
    """The question's words, weighted by rarity in the index times topicality.

    Topicality: nouns and names count fully, verbs and other words of phrasing (借助, 绘制)
    `verb_factor` as much, and a word common in everyday Chinese less (`specificity`). A word the
    index never uses is usually the asker's own phrasing: a verb (搞, 发力, 引育) then weighs
    nothing, a common noun less than an average known word; a name jieba had to guess (锦地罗) or
    a code (GDP, 5G) counts as much as the rarest word: the passages cannot answer without it.
    """
    words = {}
    tagged_words = joined_as_listed(_recut(index, tagged_content(question)), question.lower())
    for word, flag in said_plainly(tagged_words):
        if flag in phrasing_tags() and not is_code(word):
            continue  # 到底, 跟, 一种: how the question is phrased, not what it is about
        if word in _pointing_times():
            continue  # 当年: the year the question names, which the texts call 今年
        if cut_from_pointer(word, question.lower()):
            continue  # 这|段时间: a pointer's measure word glued to the next word
        if _LATIN.search(word) and not is_code(word) and word_weight(index, word) is None:
            continue  # markup or an English word the texts never use (script, yaml)
        kept = word if listed(word) else trimmed_guess(word, question.lower())
        if kept and not (kept != word and len(kept) < 2):
            words[kept] = flag
    topical = {
        w: flag in noun_tags() or _guessed_term(index, w) or _rare_character(w)
        for w, flag in words.items()
    }
    known = {}
    for word in words:
        weight = _grouped_weight(index, word, question)
        if weight is not None and (topical[word] or general_frequency(word)):
            factor = 1.0 if topical[word] else TUNE.verb_factor
            known[word] = weight * specificity(word) * factor
    average = sum(known.values()) / len(known) if known else 0.0
    ceiling = index.idf("\0")
    weights = {}
    for word, flag in words.items():
        if word in known:  # … found where the texts' usual word for it is, if they seldom use it
            weights[_as_the_texts_say(index, word)] = known[word]
        elif (
            is_code(word) or (is_guessed(word) and _name_like(word, flag)) or _rare_character(word)
        ):
            weights[word] = ceiling  # a code or a name the index never saw
        else:
            used = _used_synonyms(index, word)
            if topical[word] or (used and specificity(word) == 1):
                # with nothing known to compare with, as much as a rare word (an uncommon verb
                # as a verb — not 搞 or 抓, which say nothing of what is done); the asker's word
                # for one the texts use (托底 for 兜底, 找钱 for 融资): found there
                factor = 1.0 if topical[word] else TUNE.verb_factor
                base = (average or ceiling) * TUNE.unknown_word_factor * factor
                base = max(base, _rarest_part(index, word) * factor)
                weights[stand_in(word, used)] = base * specificity(word)
            else:
                weights[word] = 0.0
    return weights


def _recut(index: Index, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Words in a row the index never holds, one of them a guess of jieba's (把算|力拼), cut
    again where a word the index holds spans the edge of a guess (把|算力|拼): the texts' term,
    which the guesses split; what is left over, single characters, only phrases the question.
    Dictionary words stay as they are (科技厅|厅长 holds no 科技)."""
    out: list[tuple[str, str]] = []
    at = 0
    while at < len(pairs):
        end = at
        while end < len(pairs) and _unheld(index, pairs[end][0]):
            end += 1
        pieces = _across_guesses(index, [w for w, _ in pairs[at:end]])
        if pieces:
            out += [(p, "n" if len(p) > 1 else "u") for p in pieces]
            at = end
        else:
            out.append(pairs[at])
            at += 1
    return out


def _unheld(index: Index, word: str) -> bool:
    return len(word) >= 2 and has_chinese(word) and not index.document_frequency(word)


def _across_guesses(index: Index, words: list[str]) -> list[str]:
    """The run cut at the longest words the index holds, if one spans the edge of a guess."""
    edges, at = set(), 0
    for word, after in zip(words, words[1:], strict=False):
        at += len(word)
        if is_guessed(word) or is_guessed(after):
            edges.add(at)
    run, pieces, at = "".join(words), [], 0
    while at < len(run):
        held = (n for n in (4, 3, 2) if index.document_frequency(run[at : at + n]))
        size = next((n for n in held if at + n <= len(run)), 1)
        pieces.append(run[at : at + size])
        at += size
    starts = [sum(map(len, pieces[:i])) for i in range(len(pieces))]
    spans = any(
        len(p) > 1 and any(a < e < a + len(p) for e in edges)
        for p, a in zip(pieces, starts, strict=True)
    )
    return pieces if spans else []


def _grouped_weight(index: Index, word: str, question: str) -> float | None:
    """The word's weight — found as any word of its group, as common as the commonest (科创
    where the texts say 科技创新), unless the question says that one too (平台载体: 载体 is
    another word there)."""
    weight = _qualified_weight(index, word) or word_weight(index, word)
    used = [s for s in _used_synonyms(index, word) if s not in question]
    return min(weight, *(index.idf(s) for s in used)) if weight is not None and used else weight


def _qualified_weight(index: Index, word: str) -> float | None:
    """An asker's noun the texts never use, an adjective before a word they do (老|产业), weighs
    as the words of its group they use (传统产业) — not as the word it qualifies (产业), which
    every text may use."""
    if index.document_frequency(word) or not qualified(word):
        return None
    used = _used_synonyms(index, word)
    return max(index.idf(s) for s in used) if used else None


def _used_synonyms(index: Index, word: str) -> list[str]:
    return [s for s in synonyms(word) if index.document_frequency(s)]


def _as_the_texts_say(index: Index, word: str) -> str:
    """The word, or the word standing for its group when the texts say it seldom and another
    word of the group far more often (公司 once, 企业 in every text): the asker's word for it."""
    seldom = index.document_frequency(word)
    if seldom > TUNE.seldom_word_documents:
        return word
    floor = max(1.0, TUNE.usual_word_ratio * seldom)
    return stand_in(word, [s for s in synonyms(word) if index.document_frequency(s) >= floor])


@cache
def _pointing_times() -> frozenset[str]:
    return frozenset(lexicon.words("expressions", "pointing_times"))


def _guessed_term(index: Index, word: str) -> bool:
    """A word jieba had to guess (怡良 tagged as an adjective) that the index holds: a name or
    term of the texts, whatever its tag — held as itself or in words of its own, not as the
    single characters of two glued together (得|靠)."""
    if len(word) < 2 or not is_guessed(word):
        return False
    return any(t == word or len(t) >= 2 for t in search_terms(word) if index.document_frequency(t))


def _rare_character(word: str) -> bool:
    """A rare character standing as a word of its own (蓍的别名): the name of what is asked about."""
    return (
        len(word) == 1
        and has_chinese(word)
        and general_frequency(word) <= TUNE.rare_character_frequency
    )


def _name_like(word: str, flag: str) -> bool:
    """A guessed word that is a proper noun, or long enough not to be two glued characters."""
    return flag in name_tags() or (len(word) >= 3 and flag in noun_tags())


def answer_type_words(question: str) -> set[str]:
    """The nouns right after a question word (哪几类**企业**, 什么**职务**, 哪家**漫画公司**): they
    name the kind of answer asked for, which a passage gives as instances (科技型领军企业), so
    they are not evidence the passage must repeat."""
    wh = lexicon.word_set("question_types", "wh_words")
    found: set[str] = set()
    words = tagged(question.lower())
    for i, (word, flag) in enumerate(words):
        if word not in wh and not (flag in {"r", "m"} and set(word) & set("哪几啥何")):
            continue
        nouns = 0
        for following, tag in words[i + 1 :]:
            if tag in {"m", "q", "mq"} and not nouns:
                continue  # 哪|几类|企业, 第几|区
            if tag not in noun_tags() or nouns == 2:
                break
            found.add(following)
            nouns += 1
    return found | _named_before_asking(words)


def _named_before_asking(words: list[tuple[str, str]]) -> set[str]:
    """The noun a question ends by asking for (给新区的**定位**是个啥, 目标是什么, **分量**有多重):
    it names the kind of answer too, said before the question word instead of after it."""
    text = [w for w, _ in words]
    for i in range(1, len(words) - 1):
        rest = "".join(text[i + 1 :]).rstrip("？?。 ")
        if (text[i] == "是" and _ASKING_REST.fullmatch(rest)) or (
            text[i] == "有" and _HOW_GREAT.fullmatch(rest)  # 分量有多重, 意义有多大
        ):
            before = i - 1 - (text[i - 1] in _BETWEEN and i > 1)  # 六个方向|分别|是哪六个
            word, flag = words[before]
            return {word} if flag in noun_tags() else set()
    return set()


# what is left of a question asking for the noun before its 是: 啥, 什么, 哪些, 哪六个
_ASKING_REST = re.compile(
    r"(?:个|一个)?(?:啥|什么)(?:呢|呀|啊)?"
    r"|哪(?:些|几|[一二两三四五六七八九十])(?:个|项|条|类|种|大|样|点|块)?(?:呢|呀|啊)?"
)
_HOW_GREAT = re.compile(r"多(?:重|大|高|深|要紧|重要|关键)(?:呢|呀|啊)?")
_BETWEEN = frozenset(["分别", "都", "又", "究竟", "到底"])
