"""Terms of a passage clause exchanged for others in the sentence that restates it.

A clause aligned with the passage clause it restates (`restated.py`) may not put another name,
rank, quoted term, time or year in place of one of the clause's (在曼谷 → 在清迈, 首批 → 第二批,
今年 → 去年), nor another term of the same kind (制造业 → 服务业, `kinds.py`), nor put two of the clause's
terms in each other's place, nor drop or add a qualifier (半决赛 → 决赛), nor put another of its
kind before a verb the passage says with the other (`actors.py`). And no sentence may say a year
of the text's own (去年) that no passage says where they say another (今年).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..search.periods import years_said
from ..text import expressions, lexicon
from ..text.names import quoted, unglued
from ..text.numerals import ranks
from ..text.segment import is_dictionary_word, nouns_of
from ..text.synonyms import restated_otherwise, spelled_otherwise, synonyms
from .actors import actor_exchanged
from .cited import TITLE, Cited, short_for_its_title
from .kinds import another_kind, followed, shells_exchanged
from .new_words import new_words
from .renamed import FUNCTION_CHARACTERS, body_renamed, renamed
from .restated import Aligned, aligned, clause_names, frame_of


def swapped(sentence: str, cited: Cited) -> list[str]:
    """A clause restating a clause of the passages with one of its names, ranks or quoted
    terms exchanged for another (在曼谷 → 在清迈, 首批 → 第二批, 《甲》 → 《乙》). The new term may
    be elsewhere in the passages, so the clause is aligned with the one it restates, and only
    what stands in place of a term of the passage counts."""
    issues = []
    for whole in aligned(sentence, cited):
        # a term the texts' way of spelling it (耐久性 for 持久性) is no exchange
        # … nor is a word pointing back at it (二者 for 科技创新和产业创新)
        kept = tuple(
            c
            for c in whole.changes
            if c[1] not in spelled_otherwise(c[0])
            and c[1] not in restated_otherwise(c[0])  # 全面取消 for 全部取消
            and c[0] not in _POINTING
            and not shells_exchanged(*c)  # 的情况下 for 的条件下
        )
        part = replace(whole, changes=_unframed(kept, frame_of(whole.clause)))
        for mine, theirs in part.changes:
            issue = _exchanged(mine, theirs, part.clause, part.source, cited, sentence)
            if issue:
                issues.append(issue)
        issues += _exchanged_with_each_other(part)
        issues += _qualified_otherwise(part)
        issues += another_kind(part, cited)
        issues += actor_exchanged(part, cited)
    issues += _retimed(sentence, cited)
    return list(dict.fromkeys(issues))


# a year or half of it said from the text's own year (not 当年/同年 of a story, nor 2017年|中央)
_TEXT_YEAR = re.compile(
    r"(?<![\d〇零一二三四五六七八九十])(?:今年|本年|去年|上年|明年|前年|后年|上半年|下半年)"
)


def _retimed(sentence: str, cited: Cited) -> list[str]:
    """A year relative to the text (去年, 下半年) that no passage says, where the passages say
    another (今年): the statement moved in time, whichever clause it is in."""
    same = same_times()
    mine = {same.get(t, t) for t in _TEXT_YEAR.findall(sentence)}
    theirs = {same.get(t, t) for t in _TEXT_YEAR.findall(cited.text)}
    moved = sorted(mine - theirs)
    return [f"“{moved[0]}”与原文的“{min(theirs)}”不符"] if moved and theirs else []


def _qualified_otherwise(part: Aligned) -> list[str]:
    """A term of the passage clause with its qualifier dropped or another added (半决赛 → 决赛,
    准决赛 → 半准决赛): a different thing, though every character of one is in the other."""
    mine, theirs = nouns_of(part.clause), nouns_of(part.source)
    return [
        f"“{m}”与原文的“{t}”不符"
        for m in sorted(mine - theirs)
        for t in sorted(theirs - mine)
        if m != t
        and (m.endswith(t) or t.endswith(m))
        and len(m) - len(t) in (-1, 1)
        and t not in synonyms(m)  # 泳池 for 游泳池: a short form, no qualifier dropped
        and not (_glued(m, t) or _glued(t, m))  # 于宁康 is 宁康, jieba glued 于 to it
        and not (_cut_across(t, part.source) or _cut_across(m, part.clause))
        and not _qualified_apart(m, t, part.clause)
        and not _qualified_apart(t, m, part.source)
    ]


_FUNCTION_CHARACTERS = frozenset(FUNCTION_CHARACTERS)


def _qualified_apart(word: str, other: str, text: str) -> bool:
    """The qualifier `other` has is in `text` just before `word`, as a word of its own (主动力 →
    主要动力)."""
    extra = other[: len(other) - len(word)]
    return bool(extra) and re.search(f"{re.escape(extra)}.?{re.escape(word)}", text) is not None


# two items of one list: the gap between them starts and ends with a list mark (甲、乙以及丙 →
# 丙、乙以及甲), with no clause's punctuation nor a list's closing 等 in it
_COORDINATED = re.compile(
    r"(?:[、和与及跟同或]|以及)(?:[^，。；：,;:等]*(?:[、和与及跟同或]|以及))?"
)


def _exchanged_with_each_other(part: Aligned) -> list[str]:
    """Two terms of the passage clause put in each other's place (甲的干堤和乙的堤防 → 乙的干堤
    和甲的堤防); two terms merely listed in another order (甲和乙 → 乙和甲) are the same."""
    changes = set(part.changes)
    issues = []
    for mine, theirs in part.changes:
        if len(mine) < 2 or mine == theirs or (theirs, mine) not in changes or mine > theirs:
            continue
        first, second = sorted((mine, theirs), key=part.clause.find)
        gap = part.clause[part.clause.find(first) + len(first) : part.clause.rfind(second)]
        if _COORDINATED.fullmatch(gap):
            continue
        issues.append(f"“{mine}”与“{theirs}”的位置与原文互换")
    return issues


def _exchanged(
    mine: str, theirs: str, clause: str, source: str, cited: Cited, sentence: str
) -> str | None:
    for said, meant in (
        (ranks(mine), ranks(theirs)),
        ({q for q in quoted(clause) if q in mine}, {q for q in quoted(source) if q in theirs}),
        (
            clause_names(mine, guessed=True) | new_words(mine, cited, clause),
            clause_names(theirs, guessed=True) | set(_ACRONYM.findall(theirs)),  # 漫威 for DC
        ),
        (set(_LATIN_NAME.findall(mine)), set(_LATIN_NAME.findall(theirs))),
        _same_kind(mine, theirs, clause, source, cited),
        body_renamed(mine, theirs, clause, source, cited),
        renamed(mine, theirs, cited),
        (_times(mine), _times(theirs)),
        (set(_YEAR.findall(mine)), set(_YEAR.findall(theirs))),  # 2007 of 2007|年 → 2005
    ):
        reckoned = {str(y) for on in cited.issued for y in years_said(source, f"{on}")}
        added = sorted(
            m
            for m in said - meant
            if m not in source
            and m not in _POINTING  # 二者 points back at what the passage names
            and m not in reckoned  # 1980 for the 今年 of the 1980 report
            and m not in cited.regions
            and m not in cited.titles  # 马飚 of the article 马飚, its passage saying 接替……
            and not _in_cited_title(m, clause, cited)
            and not short_for_its_title(m, source, cited)  # 南宁二中 for 学校 (南宁市第二中学)
            and not any(o in meant for o in synonyms(m))  # 江边 for 江畔: the same, in other words
            and not any(_glued(m, t) for t in meant)  # 宁康 for 于宁康
        )
        # a name the sentence says in another clause is moved, unless what stands in its place
        # here is a term the passages say elsewhere (the two exchanged); a time so moved dates
        # another statement
        elsewhere = not any(m in cited.text for m in added)
        dropped = sorted(
            t
            for t in meant - said
            if t not in clause and not (elsewhere and t in sentence and not _dated(t))
        )
        if added and dropped:
            return f"“{added[0]}”与原文的“{dropped[0]}”不符"
    return None


def _unframed(changes: tuple[tuple[str, str], ...], frame: str) -> tuple[tuple[str, str], ...]:
    """The changes without who says it (文章主张|加快…… for 着力加快……): the frame is no word
    put in place of the passage's."""
    if not frame:
        return changes
    cut = ((m[len(frame) :] if m.startswith(frame) else m, t) for m, t in changes)
    return tuple((m, t) for m, t in cut if m)


# words that point back at what the sentence or passage names, standing in for it
_POINTING = frozenset(["二者", "两者", "三者", "前者", "后者", "双方", "三方", "各方", "彼此"])


def _dated(term: str) -> bool:
    return bool(_times(term) or _YEAR.search(term))


def _cut_across(longer: str, text: str) -> bool:
    """The first character of `longer` ends a word with the one before it in `text` (比上|年产值
    for 比|上年|产值): jieba cut across words, and `longer` is the shorter term after all."""
    return any(
        is_dictionary_word(text[m.start() - 1 : m.start() + 1])
        for m in re.finditer(re.escape(longer), text)
        if m.start() > 0
    )


def _glued(term: str, other: str) -> bool:
    """`other` is `term` with a function character jieba glued to it (于宁康 for 宁康)."""
    return term in unglued(other, _FUNCTION_CHARACTERS)


def _in_cited_title(term: str, clause: str, cited: Cited) -> bool:
    """The term is a part of a title in 《》 the passages hold whole (《阿閦佛国经》's 佛国) — not
    the whole title, which may be another work's."""
    return any(term in t != term and f"《{t}》" in cited.text for t in TITLE.findall(clause))


def _same_kind(
    mine: str, theirs: str, clause: str, source: str, cited: Cited
) -> tuple[set[str], set[str]]:
    """Another thing of the same kind the passages name elsewhere, put in place of the clause's
    (职业教育 → 高等教育, 台南分院 → 嘉义地方法院): the two end in the same head noun (教育,
    法院), which the alignment may have matched already (职业|教育 against 高等教育), or are
    put before the same head in place of a name (甲|车队 → 乙|车队, 国务院|机构改革 → 地方|机构改革)."""
    said = {w for w in nouns_of(mine, "nlb") if w in cited.text and w not in source}
    meant = {w for w in nouns_of(theirs, "nlb") if w not in clause}
    pairs = [
        (m, t)
        for m in said
        for t in meant
        if m[-2:] in (t[-2:], followed(t, source))
        or t[-2:] in (m[-2:], followed(m, clause))
        or (_named(t, theirs) and followed(m, clause) == followed(t, source) != "")
    ]
    return ({m for m, _ in pairs}, {t for _, t in pairs}) if pairs else (set(), set())


def _named(word: str, piece: str) -> bool:
    """A proper name, or a word no dictionary has (世爵 of 世爵车队): a name jieba missed."""
    return word in clause_names(piece, guessed=True) or not is_dictionary_word(word)


def _times(piece: str) -> set[str]:
    """Dates and times relative to the text (今年, 上半年, 年底) in a piece of a clause."""
    same = same_times()
    return expressions.dates(piece) | {same.get(t, t) for t in _relative_time().findall(piece)}


@cache
def same_times() -> dict[str, str]:
    """今年, 本年, 当年 → 今年: one time, said from the text's year or from later."""
    groups = [g.split("/") for g in lexicon.words("expressions", "same_times")]
    return {word: group[0] for group in groups for word in group}


_YEAR = re.compile(r"(?<![\d.])(?:1[6-9]|20)\d\d(?![\d.])")


@cache
def _relative_time() -> re.Pattern[str]:
    return re.compile(lexicon.alternation("expressions", "relative_times"))


_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,5}(?![A-Za-z])")  # a name, not a transliterated one
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z.&'-]+(?: (?:[A-Z][A-Za-z.&'-]+|of|and|for|de))*")
