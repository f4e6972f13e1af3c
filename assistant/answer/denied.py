"""What a passage denies, stated as done (and the reverse), wherever the wording differs.

Clause alignment (`restated.py`) finds a negation dropped only when a clause of the sentence
shares most of its characters with the passage's. A model's restatement often does not:
“他的父亲迄今为止未答应他” → “父亲已经答应了他”, “并未与该队签订工作合同” → “与该队签订了工作
合同”. So the check also reads predicates: the verb a negator governs (未**答应**, 并未与某队
**签订**, 没有受到 → **受到**; 不能忽视、**放弃** — coordinated verbs share the negation). A
sentence clause that states that verb without a negation, about the same thing (it shares
another word with the passage clause), contradicts the passage; so does one that negates a verb the
passage clause states plainly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import accumulate

from ..text import lexicon
from ..text.segment import tagged, verbs_rejoined, with_verb_heads
from .cited import Cited, clauses
from .polar import (
    copulas,
    directions,
    graded_pairs,
    graded_says,
    negated_words,
    negations,
    negators_apart,
    not_negating,
    plainly,
    polar,
    ranked,
    said_alike,
    said_as_opposite,
    sides,
    stating,
    unnegated,
)

# jieba's tags for 裁员, 中断 (nouns), 公开 (an adverb) … when a negator governs them
_NOMINAL = ("n", "vn", "nz", "ns", "ad")
_REACH = 10  # characters after a negator in which the verb it governs may stand (并未与某队签订)


@cache
def _negators() -> frozenset[str]:
    """Negators proper (不, 未, 没有 …), not verbs of forbidding (禁止, 避免), which state
    something themselves."""
    return frozenset(lexicon.words("polarity", "denials"))


@dataclass(frozen=True, slots=True)
class _Predicates:
    governed: frozenset[str]  # the verbs its negators govern (未**批准**)
    denied: frozenset[str]  # every verb after a negator (没有获得主管部门**批准**)
    stated: frozenset[str]  # verbs stated plainly
    topic: frozenset[str]  # the words it is about: nouns, verbs, adjectives


def _predicates(clause: str) -> _Predicates:
    words = verbs_rejoined(negators_apart(tagged(not_negating().sub("，", clause))))
    words = _one_character_verbs_joined(words)
    governed: set[str] = set()
    verbs = [(i, w) for i, (w, flag) in enumerate(words) if _predicate(flag) and len(w) >= 2]
    for i, (word, _) in enumerate(words):
        if word not in _negators():
            continue
        reach = 0
        for j in range(i + 1, len(words)):
            following, flag = words[j]
            reach += len(following)
            if reach > _REACH or following == "的":
                break  # 不裁员的|企业可继续……: the negation ends with its relative clause
            if len(following) >= 2 and (_predicate(flag) or (j == i + 1 and flag in _NOMINAL)):
                governed.add(following)  # 不裁员: a noun right after the negator is its verb
                # 不能忽视、放弃: verbs joined by 、 or 和 share the negation
                k = j + 1
                while k + 1 < len(words) and words[k][0] in ("、", "和", "或"):
                    if _predicate(words[k + 1][1]):
                        governed.add(words[k + 1][0])
                    k += 2
                break
    # every verb after a negator, within its item of a list (数量不减少、质量不下降、利益|有保障),
    # its relative clause (尚未建设的|不准开工, 没有实现年初确定的|目标) or its quotation
    # (“衔接不畅”|是指……供给与需求)
    items = list(accumulate(int(w in ("、", "的", "”", "」", "』")) for w, _ in words))
    negated = {items[i]: i for i in reversed(range(len(words))) if words[i][0] in _negators()}
    attributive = {i for i, _ in verbs if i + 1 < len(words) and words[i + 1][0] == "的"}
    after = {
        w
        for i, w in verbs
        if items[i] in negated and i > negated[items[i]] and i not in attributive
    }
    denied = governed | after
    topic = {w for w, flag in words if flag[0] in "navt" and len(w) >= 2}
    stated = {w for _, w in verbs} - denied
    # 没有鱼虾 / 有鱼虾, 并不是难点 / 是难点
    for copula, taken, negated in copulas(words, _negators()):
        (governed if negated else stated).add(copula + taken)
        topic.add(taken)
    denied |= governed
    governed, denied, stated = (with_verb_heads(s) for s in (governed, denied, stated))
    return _Predicates(frozenset(governed), frozenset(denied), frozenset(stated), frozenset(topic))


_NOT_JOINED = frozenset("有是在为无")  # copulas, read with what they take (`copulas`)


def _one_character_verbs_joined(words: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """A one-character verb and the one character it takes (不|耐|阴 → 耐阴): one predicate."""
    joined: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        word, flag = words[i]
        taken = words[i + 1] if i + 1 < len(words) else ("", "")
        if (
            len(word) == 1
            and flag == "v"
            and word not in _NOT_JOINED
            and len(taken[0]) == 1
            and taken[1][0] in "na"
        ):
            joined.append((word + taken[0], "v"))
            i += 2
            continue
        joined.append((word, flag))
        i += 1
    return tuple(joined)


_PROHIBITING = re.compile(r"不能|不得|不可|不要|不应|切忌|严禁|禁止")
_OWN_COURSE = re.compile(r"^(?:要|应|需|必须|而|但|却|还要|也要|同时|并且)")
_SHORT = 10  # characters of a clause that only opens a prohibition (也不能只顾眼前，……)


def _carried(parts: tuple[str, ...]) -> list[tuple[str, str]]:
    """The clauses (as shown, as read), a prohibition carried over the comma to the verb phrase
    that continues it (也不能只顾眼前，采取损害长期发展的……政策: 采取 is prohibited too; not
    ……，而要……)."""
    carried = [(part, part) for part in parts]
    for i, (first, after) in enumerate(zip(parts, parts[1:], strict=False)):
        words = tagged(after)
        if (
            len(first) <= _SHORT
            and first[-1:] not in ("。", "；", "！", "？")
            and _PROHIBITING.search(first)
            and words
            and words[0][1].startswith("v")
            and not _OWN_COURSE.match(after)
        ):
            prohibition = _PROHIBITING.search(first).group()  # type: ignore[union-attr]
            carried[i + 1] = (f"{first}，{after}", f"{prohibition}{after}")
    return carried


def _predicate(flag: str) -> bool:
    """A verb, or a word jieba files as distinguishing (b) that often is one (附有, 所有)."""
    return flag.startswith("v") or flag == "b"


def denied(sentence: str, cited: Cited) -> list[str]:
    """Issues for each clause of the sentence that states a verb which the passage clauses
    about the same thing only negate, or negates one they only state."""
    issues = []
    carried = _carried(cited.clauses)
    shown = {read: written for written, read in carried}  # 不能采取…… was ……，采取……
    passage = _bare_after(carried)
    # each item of a list on its own (融资便利度提升、综合融资成本下降), for the direction check
    items = [(i, p if i == c else _predicates(i)) for c, p in passage for i in c.split("、")]
    parts = clauses(sentence)
    for at, clause in enumerate(parts):
        mine = _predicates(clause)
        # a noun the passages negate as a verb (尽量不裁员), said here without a negation
        said = {w for w, _ in tagged(clause)} if not negations(clause) else set()
        nominal = {w for _, p in passage for w in p.governed if w in said}  # whole words only
        for verb in sorted(mine.governed | mine.stated | nominal):
            about = _said_of(verb, mine, passage)
            theirs_denied = any(denies for _, denies in about)
            theirs_stated = any(not denies for _, denies in about)
            if theirs_denied != theirs_stated and (verb in mine.governed) != theirs_denied:
                source = shown[about[0][0]].strip()[:30]
                issues.append(f"原文对“{verb}”的说法相反（原文：“{source}”）")
                break
        else:
            issues += (
                _turned(clause, mine.topic, items)
                or _opposed(clause, mine, passage)
                or _against_figure(clause, cited, parts[at - 1] if at else "")
            )
    return issues


def _bare_after(carried: list[tuple[str, str]]) -> list[tuple[str, _Predicates]]:
    """The passage clauses as read, with their predicates; a bare predicate (……邀请其加入，但被
    拒绝) is about what the clause before it is about."""
    passage = [(read, _predicates(read)) for _, read in carried]
    for at in range(1, len(passage)):
        read, mine = passage[at]
        if len(read) <= _SHORT and len(mine.topic) <= 1:
            topic = mine.topic | passage[at - 1][1].topic
            passage[at] = (read, replace(mine, topic=topic))
    return passage


def _said_of(
    verb: str, mine: _Predicates, passage: list[tuple[str, _Predicates]]
) -> list[tuple[str, bool]]:
    """The passage clauses saying the verb about what the sentence clause is about (another
    word in common), each with whether it negates it: the one clause saying it when that is a
    bare predicate (但不耐阴). A word the passages never state as a verb (中断, 裁员, 牙齿 — nouns
    to jieba) is stated by any clause naming it with no negation (曾数度中断; 不确定性 negates it)."""
    holding = [(c, p, verb in p.denied) for c, p in passage if verb in p.denied | p.stated]
    if not any(verb in p.stated for _, p in passage):  # a noun to jieba (裁员, 中断, 牙齿) …
        holding += [  # … is stated by a clause naming it with no negation
            (c, p, False)
            for c, p in passage
            if verb in c and verb not in p.denied and not negations(c) | negated_words(c)
        ]
    about = [(c, d) for c, p, d in holding if (mine.topic - mine.denied) & p.topic - {verb}]
    if not about and len(holding) == 1 and (len(holding[0][0]) <= _SHORT or holding[0][2]):
        about = [(holding[0][0], holding[0][2])]  # … or the one clause saying it denies it
    return about


def _opposed(clause: str, mine: _Predicates, passage: list[tuple[str, _Predicates]]) -> list[str]:
    """A clause saying one of a pair of opposites (以前/之后, 流向/流出) where the passage clauses
    about the same thing say only the other: the clauses may share too little to align. A
    one-character word of degree counts after an adverb of degree or a rank (略高 for 稍低,
    第三大 for 第三小 — not 加大 beside 中小企业)."""
    # 不少 says nothing is 少; 不再征收 says 免征
    plain = unnegated(said_as_opposite(clause, "。".join(c for c, _ in passage)))
    for a, b in (*(opposites := polar()[1]), *graded_pairs()):
        for said, meant in ((a, b), (b, a)):
            graded = len(said) == 1 and graded_says(said, plain) and not graded_says(meant, plain)
            bare = len(said) == 1 and (a, b) not in opposites and not ranked(said, plain)  # 加大
            if not graded and (said not in plain or meant in plain or bare):
                continue
            own = mine.topic - {said, meant}  # none: a bare predicate (但仍领先于我国), read
            # against the passage's short clauses (已经落在我国的后边)
            about = [c for c, p in passage if (own & p.topic if own else len(c) <= _SHORT)]
            if said_alike(said, clause, "。".join(about)):
                continue  # the clause's figure is stated the clause's way in other words
            stated = [c for c in about if meant in plainly(c, meant)]  # 不少's 少 is no 少
            if stated and not any(said in plainly(c, said) for c in about):
                return [f"“{said}”与原文的“{meant}”相反（原文：“{stated[0].strip()[:30]}”）"]
            stated = [c for c in about if graded_says(meant, c)]
            if graded and stated and not any(graded_says(said, c) for c in about):
                return [f"“{said}”与原文的“{meant}”相反（原文：“{stated[0].strip()[:30]}”）"]
    return []


def _against_figure(clause: str, cited: Cited, lead: str = "") -> list[str]:
    """A clause saying its figure rose (增加了80万吨) where every passage piece stating that
    figure says it fell (比上年降低了80万吨), or the reverse: the figure pins down the fact,
    however many other directions the passage sentence holds. Years and dates pin nothing. A
    figure with no direction of its own takes the one of the clause before it, when that one
    states no figure (增幅进一步扩大，达到27.8%)."""
    mine = sides(clause)
    opening = tagged(clause)[:1]
    if not mine and lead and opening and opening[0][1][0] in "vp" and not stating(lead, [lead]):
        mine = sides(lead)  # ……扩大，达到27.8%: the figure's clause opens with its verb
    if len(mine) != 1:
        return []
    pieces = stating(clause, [p for c in cited.clauses for p in c.split("、")])
    theirs = {side for p in pieces for side in sides(p)}
    if theirs and not theirs & mine.keys():
        said = min(next(iter(mine.values())))
        return [f"“{said}”与原文的说法方向相反（原文：“{pieces[0].strip()[:30]}”）"]
    return []


def _turned(clause: str, topic: frozenset[str], items: list[tuple[str, _Predicates]]) -> list[str]:
    """A clause saying a thing rose (增长, 扩大, 上调) where every passage clause about it says
    it fell (下降, 缩小, 降低), or the reverse, or that it stays (保持不变, 基本稳定). Direction
    words count as whole words (增加值 is no 增加); `items` are the passage clauses' list items.
    A figure of the clause the passages state decides instead (`_against_figure`)."""
    mine = sides(clause)
    if len(mine) != 1 or stating(clause, [item for item, _ in items]):
        return []
    said = next(iter(mine.values()))
    about = [item for item, p in items if topic & p.topic - said]
    theirs = {side for c in about for side in sides(c)}
    if theirs and not theirs & mine.keys():
        return [f"“{min(said)}”与原文的说法方向相反（原文：“{about[0].strip()[:30]}”）"]
    kept = [c for c in about if directions()[2].search(c)]
    if not theirs and kept:
        return [f"“{min(said)}”与原文不符：原文未变（原文：“{kept[0].strip()[:30]}”）"]
    return []
