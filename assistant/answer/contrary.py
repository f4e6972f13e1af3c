"""Negations and directions of a sentence's clause against the passage clause it restates
(`restated.aligned`): 不/未/防止 kept clause by clause, no 增长 where the passage says 下降, no
change where it says 保持稳定, no fall it does not state."""

from __future__ import annotations

import re

from ..text.chars import bigram_set
from ..text.numerals import NUMERAL_CHARACTERS
from .cited import Cited, clauses
from .graded import degree_reversed, rank_moved
from .polar import (
    comparative,
    directions,
    fall_unsaid,
    negated_words,
    negations,
    reversed_words,
    said_as_opposite,
    sides,
)
from .restated import Aligned, aligned


def polarity(sentence: str, cited: Cited) -> list[str]:
    """Negations must match clause by clause; no direction word (增长, 上调, 回升 …) may stand
    where the passage has one of the other direction (下降, 下调, 下滑 …)."""
    issues = []
    for part in aligned(sentence, cited):
        said = said_as_opposite(_litotes(part.clause, part.source), part.source)
        # 不确定 for 不确定性: the clause may state what the passage names
        mine, theirs = _not_to(negations(said)), _not_to(negations(part.source))
        theirs |= {w[0] for w in negated_words(part.source)} & mine
        mine = {n for n in mine if n in theirs or not _written_alike(n, part.clause, part.source)}
        theirs = {n for n in theirs if n in mine or _negating_said(n, part.source, said)}
        # one side's negator missing from the other with none in its place (没有……一律取消 →
        # 有……也一律取消: 取消 on both sides does not make up for 没有; 决不 has 不 in it)
        if bool(_unmatched(mine, theirs)) != bool(_unmatched(theirs, mine)):
            issues.append(f"否定或禁止的说法与原文不符（原文：“{part.source.strip()[:30]}”）")
            continue
        issues += reversed_words(part.clause, part.source)
        up, down, steady = directions()
        for mine, joined in part.changes:
            # with the character after each: jieba cuts 快|于, the direction is 快于
            mine, theirs = _with_next(mine, part.clause), _with_next(joined, part.source)
            if comparative(mine) and not comparative(theirs):
                continue  # 慢于 compares two things (`outpaced.py`), 增加 says one changed
            for said, meant in ((up, down), (down, up)):
                if said.search(mine) and meant.search(theirs) and not said.search(theirs):
                    issues.append(f"“{mine}”与原文的“{theirs}”方向相反")
                elif (turned := said.search(mine)) and (
                    went := _carried_on(joined, part.source, meant)
                ):  # 降低A与B → 降低A、提高B
                    issues.append(f"“{turned.group()}”与原文的“{went}”方向相反")
            moved = up.search(mine) or down.search(mine)
            if moved and steady.search(theirs) and not (up.search(theirs) or down.search(theirs)):
                issues.append(f"“{mine}”与原文的“{theirs}”不符：原文未变")
        # a fall put in (推动 → 放缓推进) as well as one put in place of a word
        put_in = [*part.changes, *((part.clause[a:b], "") for a, b in part.inserted)]
        whole = _whole_clause(part, cited)  # 比重从2.8%|降到1.5%: the stretch stops short
        issues += _kept_steady(part.clause, part.source) + fall_unsaid(put_in, whole)
        issues += [] if issues else _turned_past(part.clause, whole)
    issues += _reversed_at_figure(sentence, cited) + _order_reversed(sentence, cited)
    issues += _permitted(sentence, cited) + degree_reversed(sentence, cited)
    issues += rank_moved(sentence, cited)
    return list(dict.fromkeys(issues))


def _whole_clause(part: Aligned, cited: Cited) -> str:
    """The passage clause the restated stretch is part of (the stretch itself when it spans
    more): the stretch stops short of what the passage says past the figures the sentence
    leaves out (比重从2009年的2.8%|降到去年的1.5%左右)."""
    stretch = part.source.strip("，,。；;、 ")
    return next((c for c in cited.clauses if stretch in c), part.source)


def _turned_past(clause: str, whole: str) -> list[str]:
    """A clause saying its subject went one way (比重有所提高) where the whole passage clause it
    restates says only the other (比重从2009年的2.8%降到去年的1.5%左右)."""
    mine = sides(clause)
    theirs = sides(whole) if len(mine) == 1 else {}
    if not theirs or theirs.keys() & mine.keys():
        return []
    said, meant = min(next(iter(mine.values()))), min(next(iter(theirs.values())))
    return [f"“{said}”与原文的“{meant}”方向相反（原文：“{whole.strip()[:30]}”）"]


# 先安置职工，再偿还债务: what comes first and what after
_FIRST_THEN = re.compile(r"先([^，。；;]{2,16}?)[，,]?(?:再|然后|之后再|后再)([^，。；;]{2,16})")


_FORBIDDING = re.compile(
    r"(?:不能|不得|不可|不许|不准|不应|不要|(?<![未不没再])禁止|(?<![未不没再])严禁)"
    r"([^，,。；;：:、\s]{2,4})"
)
# 可以, 允许 — and 并未禁止, 不再禁止: not forbidding it is permitting it
_PERMITTING = re.compile(
    r"(?<![不没未])(?:可以|能够|允许|准许|应该|应当)|(?:并未|并不|未|没有|不再|不)(?:禁止|严禁)"
)


def _permitted(sentence: str, cited: Cited) -> list[str]:
    """What the passage forbids (一律不能去堵) the sentence permits (必要时可以去堵), in a clause
    too short to align with the passage's: the act right after the modal on both sides, with
    or without a verb that only says it is done (不能搞强迫命令 → 可以采取强迫命令)."""
    return [
        f"原文说的是“{_CLAUSE_REST.match(cited.text, m.start()).group()[:20]}”，不是允许"
        for m in _FORBIDDING.finditer(cited.text)
        for p in _PERMITTING.finditer(sentence)
        if len(act := _LIGHT_VERB.sub("", m.group(1))) >= 2
        and _LIGHT_VERB.sub("", sentence[p.end() :]).startswith(act)
    ][:1]


_LIGHT_VERB = re.compile(r"^(?:搞|进行|采取|实行|开展|采用|实施|推行)")
_CLAUSE_REST = re.compile(r"[^，,。；;：:！？!?]+")


def _order_reversed(sentence: str, cited: Cited) -> list[str]:
    """A sentence saying first what the passage says comes after (先偿还债务，再安置职工 for
    先安置职工，再偿还债务)."""
    issues = []
    for theirs in _FIRST_THEN.finditer(cited.text):
        before, after = bigram_set(theirs.group(1)), bigram_set(theirs.group(2))
        for mine in _FIRST_THEN.finditer(sentence):
            first, then = bigram_set(mine.group(1)), bigram_set(mine.group(2))
            straight = len(first & before) + len(then & after)
            crossed = len(first & after) + len(then & before)
            if crossed >= 2 and crossed > 2 * straight:
                issues.append(f"先后次序与原文相反（原文：“{theirs.group()}”）")
    return issues


# a figure with its unit, not a date (7.5公斤, 30%): what a clause is said of, however reworded
_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?:%|％|[^\d\s，。；;、,.%％年月日号时])")


def _reversed_at_figure(sentence: str, cited: Cited) -> list[str]:
    """A clause stating a figure of the passages with a word opposite to every passage clause's
    that states it (领先对手7.5公斤 for 落后第一名7.5公斤): the clause restates that one in words
    of its own the alignment does not follow."""
    issues = []
    figured = [(c, set(_FIGURE.findall(c))) for c in cited.clauses]
    for clause in clauses(sentence):
        for figure in set(_FIGURE.findall(clause)):
            stating = [c for c, figures in figured if figure in figures]
            found = [reversed_words(clause, c) for c in stating]
            if found and all(found):
                issues += found[0]
    return issues


def _carried_on(theirs: str, source: str, direction: re.Pattern[str]) -> str:
    """The direction word of `direction` the passage's list carries on to the item after
    `theirs`, when `theirs` only joins the list (降低交易成本与风险溢价: 与 carries 降低 on to
    风险溢价); "" otherwise."""
    if not _JOINS.fullmatch(theirs.strip()):
        return ""
    at = source.find(theirs)
    before = re.split(r"[，,。；;]", source[:at])[-1] if at > 0 else ""
    found = list(direction.finditer(before))
    return found[-1].group() if found else ""


_JOINS = re.compile(r"与|和|及|以及|、|并")


def _kept_steady(clause: str, source: str) -> list[str]:
    """The clause keeps steady (保持稳定) what its passage clause raises or lowers (提高……比重)."""
    up, down, steady = directions()
    kept = steady.search(clause)
    if not kept or steady.search(source) or up.search(clause) or down.search(clause):
        return []
    went = up.search(source) or down.search(source)
    return [f"“{kept.group()}”与原文的“{went.group()}”不符：原文有变化"] if went else []


def _written_alike(negator: str, clause: str, source: str) -> bool:
    """The negator (one the passage clause does not have) stands in the clause after two
    characters the passage clause has before the same characters (耶律厮不在澄州 against
    耶律厮不杀死了……): the passage's own word, which its segmentation did not read as a
    negation (a name)."""
    at = clause.find(negator)
    return at >= 2 and clause[at - 2 : at + len(negator)] in source


_GRADED = dict(zip("大小多少高低长短快慢强弱", "小大少多低高短长慢快弱强", strict=True))
_NOT_GRADED = re.compile(r"不([大小多少高低长短快慢强弱])(?=$|[，。；、的了])")


def _litotes(clause: str, source: str) -> str:
    """The clause with 不大, 不多 … said as the opposite its passage clause says (水量不大 for
    入水量较小): no negation of it."""
    return _NOT_GRADED.sub(
        lambda m: _GRADED[m.group(1)] if _GRADED[m.group(1)] in source else m.group(), clause
    )


def _negating_said(negator: str, source: str, clause: str) -> bool:
    """The passage's negator says something of the clause — not when it only bounds a figure the
    clause does not state (不到3%: the alignment ran across a clause stating another figure)."""
    bounds = (_BOUND.match(source, m.end()) for m in re.finditer(re.escape(negator), source))
    stated = set(_DIGITS.findall(clause)) | set(_NUMERALS.findall(clause))
    return not all(b and b.group(1) not in stated for b in bounds)


# 不到3%, 不足一成, 不超过5万: a negator bounding a figure
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_NUMERALS = re.compile(f"[{NUMERAL_CHARACTERS}半]+")
_BOUND = re.compile(rf"(?:到|足|满|超过|及)({_DIGITS.pattern}|{_NUMERALS.pattern})")


def _unmatched(these: set[str], those: set[str]) -> set[str]:
    return {n for n in these if not any(n in m or m in n for m in those)}


# negators that tell not to (不宜 for 不要, 不应 for 不得): one negation said in other words
_NOT_TO = dict.fromkeys(
    ["不宜", "不应", "不该", "不应该", "不要", "不可", "不得", "切勿", "勿"], "不要"
)


def _not_to(negators: set[str]) -> set[str]:
    return {_NOT_TO.get(n, n) for n in negators}


def _with_next(piece: str, text: str) -> str:
    at = text.find(piece)
    return text[at : at + len(piece) + 1] if at >= 0 else piece
