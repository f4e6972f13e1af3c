"""Clause by clause against the passage clause it restates: polarity, exchanged terms, additions.

A sentence that shares most of a clause of its passage restates that clause; it must keep the
clause's negations and directions (不/未/防止, 增长/下降, `contrary.py`), may not put another
name, rank or quoted term in place of one of the clause's (`exchanged.py`), and a clause of it
that restates nothing in the passages is doubtful (`added.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache
from itertools import pairwise

from ..text import expressions, lexicon
from ..text.chars import bigram_set, normalise_for_match
from ..text.names import JOINING, is_idiom
from ..text.numerals import figures, ranks
from ..text.regions import find_provinces
from ..text.segment import (
    is_dictionary_word,
    nouns_of,
    search_terms,
    tagged,
    tagged_at,
)
from ..text.synonyms import synonyms
from .cited import ENTITY_TAGS, Cited, as_written, clauses, matching_clause, sharing
from .polar import negations, not_negating

_APART = 6  # characters more in the source than the clause between two matches
_WHOLE_CLAUSE = 0.75  # of a clause matched by its passage clause, or read against the sentence
_NAMELESS_MIN_PAIRS = 4  # of a clause matched with its names left out
_TIME_FRAME = 2  # characters around a date in a clause that only dates another (自……起)
_FRAMED_MIN = 6  # characters said after a frame (报告指出|) for it to stand alone
_LEAD = 4  # characters of the passage read before the restated stretch (并不, 没有 …)
_NEGATOR_BEFORE = re.compile(r"(?:(?:并|还|尚|也|都)?(?:没有|[不未没无非]))?$")
_NOT_A_NAME_START = "一二两三四五六七八九十百千万几多该本此其各每这那" + JOINING  # 和|七姐: glued


@dataclass(frozen=True, slots=True)
class Aligned:
    """A clause of the sentence and the stretch of the passages it restates."""

    clause: str
    source: str
    changes: tuple[tuple[str, str], ...]  # (the sentence's words, the passage's) per change
    inserted: tuple[tuple[int, int], ...] = ()  # where the clause says more than the passage


@lru_cache(maxsize=64)  # polarity and swapped both ask, sentence by sentence
def aligned(sentence: str, cited: Cited) -> tuple[Aligned, ...]:
    """Each clause that restates a clause (or else a sentence) of the passages, aligned
    character by character; the passage side cut to the restated stretch, with a few
    characters before it (where 并不, 没有 stand)."""
    found = []
    for clause in _with_their_times(_dated_items(clauses(sentence))):
        source = _restated(clause, cited)
        if source is None and (said := unframed(clause)) != clause:
            clause, source = said, _restated(said, cited)  # 报告指出|……
        if source is None:
            continue
        blocks = _blocks(clause, source)
        if sum(b.size for b in blocks) < _WHOLE_CLAUSE * len(clause):
            # the clause runs on past its passage clause (…逃到蜀地|投靠某人): the sentence
            wider = next((s for s in cited.sentences if source in s), source)
            more = _blocks(clause, wider)
            if sum(b.size for b in more) > sum(b.size for b in blocks):
                source, blocks = wider, more
        if not blocks:
            continue
        first, last = blocks[0], blocks[-1]
        before, after = first.a + _LEAD, len(clause) - last.a - last.size + 1
        start, end = max(0, first.b - before), min(len(source), last.b + last.size + after)
        # … but not across a list or clause mark (不减少、质量|不下降、|农民利益有保障)
        start = max([start] + [source.rfind(m, start, first.b) + 1 for m in "、，；。"])
        start -= len(_NEGATOR_BEFORE.search(source[:start]).group())  # 不|适宜: it governs
        ended = last.b + last.size  # … nor past one after it (……支出，|决不允许)
        end = min([end] + [at + 1 for m in "，；。" if (at := source.find(m, ended, end)) >= 0])
        # not widened to a whole quotation: its rest is another clause (“……，选举不可能……”)
        window = _words_over(source, start, end, quotes=False) if start < end else ""
        matcher = SequenceMatcher(None, clause, window, autojunk=False)
        opcodes = matcher.get_opcodes()
        changes = tuple(
            (mine, theirs)
            for op, i1, i2, j1, j2 in opcodes
            if op == "replace"
            and (mine := _words_over(clause, i1, i2))
            not in synonyms(theirs := _words_over(window, j1, j2))
        )  # a word of the same synonym group (托底 for 兜底) is no change
        inserted = tuple((i1, i2) for op, i1, i2, _, _ in opcodes if op == "delete")
        found.append(Aligned(clause, window, changes, inserted))
    return tuple(found)


def _dated_items(parts: list[str]) -> list[str]:
    """A clause listing dated statements (1975年获得硕士学位、1970年获得学士学位) is read item by
    item: each item restates the passage clause of its own date."""
    found = []
    for part in parts:
        items = re.split(r"、(?=(?:\d{4}|[〇零一二三四五六七八九]{4})年)", part)
        dated = len(items) > 1 and all(expressions.dates(i) and not _only_a_time(i) for i in items)
        found += items if dated else [part]
    return found


def _with_their_times(parts: list[str]) -> list[str]:
    """A clause that only says when (自2005年起，……) is read with the clause it dates."""
    joined: list[str] = []
    for part in parts:
        if joined and _only_a_time(joined[-1]):
            joined[-1] += "，" + part
        else:
            joined.append(part)
    return joined


def _only_a_time(clause: str) -> bool:
    rest = clause
    for time in sorted(expressions.dates(clause), key=len, reverse=True):
        rest = rest.replace(time, "")
    return rest != clause and len(normalise_for_match(rest)) <= _TIME_FRAME


@lru_cache(maxsize=4096)
def _figures_of(clause: str) -> frozenset[str]:
    """Remembered: every clause of an answer is compared with the same passage clauses."""
    return frozenset(figures(clause))


_SAME_FIGURE_SHARE = 0.4  # of the clause's character pairs, in a passage clause of its figure


def _restated(clause: str, cited: Cited) -> str | None:
    """The passage clause, or else sentence, the clause restates, if any — one stating the same
    figure first (a clause restated in another order: 1956年……583亿元 is not 1949年……326亿元)."""
    if as_written(clause.strip(), cited.text):
        return clause.strip()  # a clause quoted as written restates itself
    stated, parts, grams = _figures_of(clause), cited.clauses, bigram_set(clause)
    # else one stating its figure, or one read with the clause before it, which may hold its
    # subject (能耗总量，比上年降低了80万吨)
    same = {p: p for p in parts if stated & _figures_of(p)}
    joined = {  # … within its sentence
        parts[i - 1] + p: p
        for i, p in enumerate(parts)
        if p in same and i and not parts[i - 1].rstrip().endswith(("。", "！", "？"))
    }
    for found in (same, joined):
        if found and (read := sharing(grams, tuple(found), _SAME_FIGURE_SHARE)):
            return found[read]
    source = matching_clause(clause, cited)
    if source is None:
        source = matching_clause(clause, cited, pieces=cited.sentences)
    return source if source is not None else _restated_beside_names(clause, cited)


@cache
def _frame() -> re.Pattern[str]:
    return re.compile(rf"^[^“《]{{0,8}}?(?:{lexicon.alternation('expressions', 'speech_verbs')})")


def frame_of(clause: str) -> str:
    """The “who says it” the clause opens with (文章主张|, 报告指出|), when what follows is long
    enough to stand alone — and "" when the opening holds a rank, figure or negation of its own
    (总书记首次强调|), which is part of what the sentence claims."""
    said = unframed(clause)
    frame = clause[: len(clause) - len(said)]
    if not frame or len(said) < _FRAMED_MIN or ranks(frame) or figures(frame) or negations(frame):
        return ""
    return frame


def unframed(clause: str) -> str:
    """The clause without the “who says” it opens with (报告指出|, 他表示|): what is said."""
    return _frame().sub("", clause, count=1)


def _restated_beside_names(clause: str, cited: Cited) -> str | None:
    """The passage clause this clause restates with other names in their place (进入甲公司担任
    某职 ← 进入乙公司担任某职): nearly all of the clause matches once its names are left out —
    first the names the passages never use, then every noun (the name put in may be another the
    passage names elsewhere)."""
    names = clause_names(clause, guessed=True) | nouns_not_in(clause, cited)
    nouns = names | nouns_of(clause)
    for left_out in dict.fromkeys(frozenset(n) for n in (names, nouns) if n):
        cut = "|".join(re.escape(n) for n in sorted(left_out, key=len, reverse=True))
        grams = set().union(*(bigram_set(piece) for piece in re.split(cut, clause)))
        if len(grams) >= _NAMELESS_MIN_PAIRS and (
            found := sharing(grams, cited.clauses, _WHOLE_CLAUSE)
        ):
            return found
    return None


def nouns_not_in(clause: str, cited: Cited) -> set[str]:
    """The clause's nouns the passages never use, in those words or others (高校 for 高等院校),
    nor all their parts (取消|医用耗材|加成 against 取消药品加成; 课程计划 is in a passage with 课程
    and 计划)."""
    found = set()
    for word, flag in tagged(clause):
        if len(word) < 2 or flag[0] != "n":
            continue
        if any(normalise_for_match(w) in cited.flat for w in (word, *synonyms(word))):
            continue
        parts = [t for t in search_terms(word) if t != word]
        if not parts or not all(normalise_for_match(t) in cited.flat for t in parts):
            found.add(word)
    return found


def _blocks(clause: str, source: str) -> list:
    """The stretches of two or more characters the clause shares with the source, in order; a
    pair at either end in another clause of the source is a word met again, not the clause
    running on (提高……经费比例 against ……经费占比，……，不设科目比例限制)."""
    matcher = SequenceMatcher(None, clause, source, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 2]
    while len(blocks) > 1 and blocks[-1].size == 2 and _apart(source, blocks[-2], blocks[-1]):
        blocks.pop()
    while len(blocks) > 1 and blocks[0].size == 2 and _apart(source, blocks[0], blocks[1]):
        blocks.pop(0)
    return blocks


def _apart(source: str, first, second) -> bool:
    """Between the two, the source has a whole clause the clause does not restate (a clause
    running on in the next one, 逃到蜀地，投靠某人, is not apart)."""
    gap = source[first.b + first.size : second.b]
    more = len(gap) - (second.a - first.a - first.size)
    return more > _APART and sum(gap.count(m) for m in "，；。") >= 2


_QUOTE_SPAN = re.compile(r"《[^》]{1,40}》|“[^”]{1,40}”")


def _words_over(text: str, start: int, end: int, *, quotes: bool = True) -> str:
    """The whole words (and, with `quotes`, quotations) of `text` that overlap text[start:end]."""
    first, last = start, end
    spans = [(at, at + len(w)) for w, _, at in tagged_at(text)]
    spans += [m.span() for m in _QUOTE_SPAN.finditer(text)] if quotes else []
    spans += [m.span() for m in not_negating().finditer(text)]  # 不|动摇 cut at 不 would negate
    for left, right in spans:
        if left < end and start < right:
            first, last = min(first, left), max(last, right)
    return text[first:last]


def clause_names(clause: str, *, guessed: bool = False) -> set[str]:
    """Places, people, organisations and other proper names of one clause (with `guessed`,
    also those jieba's model guessed rather than found in its dictionary)."""
    names = {a for p in find_provinces(clause) for a in p.aliases if a in clause}
    names |= {
        w
        for w, flag in tagged(clause)
        if len(w) >= 2
        and (flag in ENTITY_TAGS or flag in ("ns", "j"))
        and (is_dictionary_word(w) or (guessed and w[0] not in _NOT_A_NAME_START))
        and not is_idiom(w)  # 明显提高, 武艺超群: jieba tags them as names
        and w not in lexicon.words("expressions", "generic_places")
    }
    if guessed:
        names |= _surname_and_character(clause)
    return {n for n in names if not any(n != m and n in m for m in names)}


# what jieba tags a given name's lone character it has no word for (王|玥: zg)
_GIVEN_TAGS = ("zg", "ng", "g", "nr", "nrt")


def _surname_and_character(clause: str) -> set[str]:
    """A surname jieba tagged a name on its own, and the one character after it it has no word
    for (王|玥): a person's name cut in two."""
    words = tagged(clause)
    return {
        a + b
        for (a, fa), (b, fb) in pairwise(words)
        if len(a) == len(b) == 1 and fa == "nr" and fb in _GIVEN_TAGS
    }
