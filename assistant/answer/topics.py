"""The things a comparison within one text sets side by side: “老城区和新区各是个啥定位”,
“学校、家庭、社会三方各管啥” — each side is a thing the question names before its cue (各,
分别, 有何不同), joined by 和/与/跟/、, and a sentence is of its side when it names it, in the
question's words or in the texts' (老城区 may be the texts' 旧城区, 新区 written out)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import pairwise

from ..text.abbreviations import expand_abbreviations, written_out_forms
from ..text.chars import CJK
from ..text.segment import words
from ..text.synonyms import synonyms
from ..tuning import TUNING
from .candidates import Candidate
from .chosen import Chosen
from .details import details
from .question_types import comparison_cue

_JOINED = re.compile(r"[和与跟、]|(?<=[^\s，,])\s+(?=[^\s，,])")
# 三家, 两者, 这几个: a count of the sides just named
_COUNTED = re.compile(r"(?:这|那)?(?:[两二三四几][家者方个类种]|之间|彼此)$")
# where the question says which text to look in (晚报那篇里|老城区): not a side
_BEFORE_SIDE = re.compile(
    r".*(?:那篇|这篇|文章|文中|一文|报道|论文)(?:里面|里头|里|中|说的|讲的|提的|对|把|讲|说|提|谈)?"
)
_SIDE = re.compile(rf"[{CJK}A-Za-z0-9]{{2,8}}")
# where the question looks, typed as a keyword before a space (晚报里 突破式和渐进式……)
_WITHIN = re.compile(r"^\S{1,8}?(?:里面|里头|里|中)\s+")
_ASKING = re.compile(r"(?:有|是|在)?(?:啥|什么|何|哪些)$")  # …拉内需有啥|不一样: asking, no side


def topic_sides(question: str) -> list[str]:
    """The things the question compares, as it names them; none unless two or more."""
    cue = comparison_cue(question)
    if cue is None:
        return []
    # the clause before the cue that joins the sides (传统产业和新兴产业，定位上咋区分)
    asked = _ASKING.sub("", question[:cue].rstrip())  # 渐进式创新拉内需|有啥|不一样
    clauses = [c for c in re.split("[，,；;]", _WITHIN.sub("", asked)) if _JOINED.search(c)]
    before = _BEFORE_SIDE.sub("", _COUNTED.sub("", clauses[-1].strip())) if clauses else ""
    sides = [p.strip() for p in _joined_parts(before)]
    if len(sides) < 2:
        return []
    return sides if all(_SIDE.fullmatch(s) for s in sides) else []


def _joined_parts(clause: str) -> list[str]:
    """The clause cut at each 和/与/跟/、 joining two sides, not at one inside an official name
    written out (工业和信息化部和科技部: two sides)."""
    inside = {
        i
        for name in written_out_forms()
        if _JOINED.search(name)
        for found in re.finditer(re.escape(name), clause)
        for i in range(found.start(), found.end())
    }
    cuts = [m.start() for m in _JOINED.finditer(clause) if m.start() not in inside]
    return [clause[a + 1 if a >= 0 else 0 : b] for a, b in pairwise([-1, *cuts, len(clause)])]


def topic_words(side: str) -> set[str]:
    """The side in the question's words and in the texts' (老城区: 旧城区)."""
    return {side, expand_abbreviations(side), *synonyms(side)}


def on_topic(side: str) -> Callable[[Candidate], bool]:
    """Whether a sentence names the side."""
    words = topic_words(side)
    return lambda candidate: any(w in candidate.text for w in words)


def topic_answer(candidates: list[Candidate], sides: list[str]) -> list[Candidate]:
    """Each side's sentence about it (the side opening the sentence or a clause: 旧城区是……),
    labelled (老城区：……); else a sentence saying something of each side (以学校为主阵地、家庭为
    第一课堂、社会为大舞台); else each side's best sentence, labelled. None unless every side has one."""
    named = [
        next(
            (
                f
                for f in _forms(s, i == 0, i == len(sides) - 1)
                if any(map(on_topic(f), candidates))
            ),
            "",
        )
        for i, s in enumerate(sides)
    ]
    if not all(named):
        return []
    sides = named
    mine = {side: [c for c in candidates if on_topic(side)(c)] for side in sides}
    opening = {
        s: [c for c in found if _opens_with(c.text, topic_words(s))] for s, found in mine.items()
    }
    whole = next((c for c in candidates if _said_of_each(c.text, sides)), None)
    if whole is not None and not all(opening.values()):
        return [whole]
    per_side = TUNING.answer.comparison_sentences  # its best and the one it leads to
    answer = Chosen(per_side * len(sides))
    for side, found in mine.items():
        best = (opening[side] or found)[0]
        on_side = on_topic(side)
        for one in (best, *[d for d in details(best) if on_side(d)][: per_side - 1]):
            answer.take(replace(one, label=f"{side}："))
    return answer.chosen if len({c.label for c in answer.chosen}) >= 2 else []


def _forms(side: str, first: bool, last: bool) -> Iterator[str]:
    """The side as asked, then cut to the thing it names: the first after where the question
    looks (报告里老产业), the last before what it asks of them (战新产业的定位, 未来产业定位上)."""
    yield side
    within = re.fullmatch(r".{2,}?[里中](.{2,})", side) if first else None
    side = within.group(1) if within else side
    kept = words(side.split("的")[0]) if last else [side]
    yield from ("".join(kept[:n]) for n in range(len(kept), 0, -1) if len("".join(kept[:n])) >= 2)


_OWN_WORDS = 2  # characters between two sides' names for the first to have words of its own


def _said_of_each(text: str, sides: list[str]) -> bool:
    """Each side named with words of its own after it (以学校为主阵地、家庭为第一课堂), not all in one
    compound (“学校-家庭-社会”)."""
    spots = []
    for side in sides:
        found = [(text.find(w), w) for w in topic_words(side) if w in text]
        if not found:
            return False
        spots.append(min(found))
    spots.sort()
    return all(
        b - a - len(w) >= _OWN_WORDS and text[a + len(w)] not in _LISTING  # A、战略性B: a list
        for (a, w), (b, _) in pairwise(spots)
    )


_LISTING = "、和及与"  # right after a side's name, the next side follows with no words between


def _opens_with(text: str, words: set[str]) -> bool:
    """The side opens the sentence or one of its clauses: it is what the clause is about."""
    return any(
        # not the first of a list (A、B并重); after a preposition of respect (从A看, 在A上)
        re.match(rf"(?:从|在|就|对于?|关于)?(?:{_QUALIFIER})?{re.escape(w)}(?![、和与及])", clause)
        for clause in re.split("[，；：]", text)
        for w in words
    )


# a qualifier the text puts before the side the question names (战略性|新兴产业, 创新型|企业)
_QUALIFIER = "[\u4e00-\u9fff]{1,2}[性型]"
