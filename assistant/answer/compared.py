"""Comparisons turned round: the passage says A比B大, the sentence B比A大 (or A比B小); and changes
of course turned round: the passage says 由A向B (从A转向B, 由30万元提高到50万元), the sentence 由B向A.

Clause alignment misses these: the two share every word, in another order. So each “X比Y大” /
“X较Y高” of the sentence is matched with the comparisons of its passages about the same two
things; the same things in the other order with the same measure, or in the same order with the
opposite measure, reverse what the passage says.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import cache

from ..text import lexicon
from ..text.chars import CJK
from ..text.segment import nouns_of
from .cited import Cited, clauses


@cache
def _opposite() -> dict[str, str]:
    pairs = [p.split("/") for p in lexicon.words("polarity", "measures")]
    return {**{a: b for a, b in pairs}, **{b: a for a, b in pairs}}


@cache
def _comparison() -> re.Pattern[str]:
    measures = "".join(_opposite())
    return re.compile(
        rf"([{CJK}]{{2,6}}?)(?:比|较)([{CJK}]{{2,6}}?)(?:更|还|要|略|稍)?([{measures}])"
    )


@cache
def _exceeding() -> re.Pattern[str]:
    """X(远)大于Y, X高于Y: the measure before 于, Y to the clause's end (or six characters)."""
    measures = "".join(_opposite())
    return re.compile(rf"([{CJK}]{{2,6}}?)(?:远|略|稍|要)?([{measures}])于([{CJK}]{{2,6}})")


def _comparisons(text: str) -> list[tuple[str, str, str, str]]:
    """(X, Y, measure, as written) for each “X比Y大” or “X大于Y” of the text; X said before a
    comma when the clause opens with the comparison (甲的命名，早于乙)."""
    found = [(*m.groups(), m.group()) for c in clauses(text) for m in _comparison().finditer(c)]
    cut = clauses(text)
    for before, clause in zip(["", *cut], cut, strict=False):
        said = before.strip()[-6:] if _exceeding_opens().match(clause) else ""
        for m in _exceeding().finditer(said + clause):
            written = (
                m[0] if m.start() >= len(said) else f"{m[0][: len(said) - m.start()]}，{clause}"
            )
            found.append((m[1], m[3], m[2], written))
    return found


@cache
def _exceeding_opens() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:远|略|稍|要)?[{''.join(_opposite())}]于")


def _same(a: str, b: str) -> bool:
    return a in b or b in a


def compared(sentence: str, cited: Cited) -> list[str]:
    """Issues for each comparison of the sentence that its passages make the other way round."""
    issues = []
    theirs = _comparisons(cited.text)
    for first, second, measure, written in _comparisons(sentence):
        for one, other, said, source in theirs:
            if _same(first, one) and _same(second, other):
                reversed_ = said == _opposite()[measure]
            elif _same(first, other) and _same(second, one) and not _same(first, one):
                reversed_ = said == measure
            else:
                continue
            if reversed_:
                issues.append(f"“{written}”与原文的比较相反（原文：“{source}”）")
    return issues


@cache
def _by_how_much() -> re.Pattern[str]:
    measures = "".join(_opposite())
    # 大于“P. bennisoni”约40%: what it is compared with may stand between measure and figure
    return re.compile(
        rf"([{measures}])(?:于[^，。；、\d]{{1,20}}?)?(?:约|了|出|近|达)?(\d+(?:\.\d+)?)"
    )


def by_how_much(sentence: str, cited: Cited) -> list[str]:
    """A difference stated the other way: 快0.14秒 where the passage has 慢0.14秒 (比……大约40%
    → 小约40%, 高0.5个百分点 → 低0.5个百分点) — the figure pins down which difference it is."""
    theirs = _differences(cited.text)
    issues = []
    for measure, figure, written in _differences(sentence):
        same = [(said, source) for said, value, source in theirs if value == figure]
        if same and all(said == _opposite()[measure] for said, _ in same):
            issues.append(f"“{written}”与原文的说法相反（原文：“{same[0][1]}”）")
    return issues


# 超过原定计划427.4亿元的15.3%, 超过……指标1.2%: a share of what it is compared with, above or below
_EXCEEDING = re.compile(r"(超过|超出|高出|低于)[^，。；、]{1,20}?(?<![\d.])(\d+(?:\.\d+)?)[%％]")
_EXCEEDING_MEASURE = {"超过": "高", "超出": "高", "高出": "高", "低于": "低"}


def _differences(text: str) -> list[tuple[str, str, str]]:
    """(measure, figure, as written) for each difference the text states (高15.3, 低于……的15.3%)."""
    found = [(m.group(1), m.group(2), m.group()) for m in _by_how_much().finditer(text)]
    found += [
        (_EXCEEDING_MEASURE[m.group(1)], m.group(2), m.group()) for m in _EXCEEDING.finditer(text)
    ]
    return found


_COURSE = re.compile(
    r"(?<![自理缘])[由从](?![于而事来此中])([^，。；、]{1,12}?)"
    r"(?:转向|转为|调整为|调整到|提高到|提高至|降低到|降低至|增加到|减少到|增至|降至|变为|向|到|至)"
    r"([^，。；、]{1,12})"
)


def _courses(text: str) -> list[tuple[str, str, str]]:
    """(where from, what follows the turn, as written) for each “由A向B” of the text, quotation
    marks left off (从“量的扩张”向“质的提升”)."""
    marks = '“”"「」《》'
    return [
        (a.strip(marks), b.lstrip(marks), m.group())
        for m in _COURSE.finditer(text)
        for a, b in [m.groups()]
    ]


def turned_round(sentence: str, cited: Cited) -> list[str]:
    """Issues for each change of course the sentence states from where its passage says it goes
    to where the passage says it starts (由大向强 → 由强向大)."""
    issues = []
    theirs_all = _courses(cited.text)
    for start, rest, written in _courses(sentence):
        if written in cited.text:
            continue  # the passages say it this way too (由北向南……，由南向北……)
        for their_start, their_rest, source in theirs_all:
            # what the two starts share (上年|增长, 上年|下降2.3%) is no part of the turn
            shared = len(os.path.commonprefix([start, their_start]))
            mine, theirs = start[shared:][:2], their_start[shared:][:2]
            # … nor of the ends (从重过程向重结果 → 从重结果向重过程: 重 opens all four)
            prefix = start[:shared]
            ends = [r[shared:] if r.startswith(prefix) else r for r in (rest, their_rest)]
            turned = ends[0].startswith(theirs) and ends[1].startswith(mine)
            if mine and theirs and mine != theirs and turned:
                issues.append(f"“{written}”与原文的方向相反（原文：“{source}”）")
    return list(dict.fromkeys(issues))


_TURN = re.compile(
    r"转向|转为|转变为|转变成|发展为|发展成|变为|变成|转到|过渡到|调整为|迁到|迁至|迁往|飞往|前往|开往|转任|调任|"
    r"加盟|转会(?!费)|转投|转入|调入|调往|到|向"
)
_TURN_START = re.compile(r"[由从原]|(?<![各亲独来源出])自(?![主然己身由动治愿发信觉行费此])")
_TURN_REACH = 40  # characters read on each side of a turn
_TURN_LIKE = 0.5  # share of the turn's character pairs its passage's turn must hold
_TURN_SHARE = 0.5  # of what one start has and the other has not, found at the other's end


def turns_reversed(sentence: str, cited: Cited) -> list[str]:
    """A long change of course stated the other way round (由依靠投资、出口拉动转向依靠消费……
    → 由依靠消费……转向依靠投资、出口拉动; 原以专科为主，现转为以本科为主 → 原以本科……; 从甲
    迁到乙 → 从乙迁到甲, 由甲经丙飞往乙 → 由乙经丙飞往甲), `_reversed`."""
    issues = []
    for mine_from, mine_to, written in _turns(sentence):
        for theirs_from, theirs_to, turn in _turns(cited.text):
            mine, theirs = mine_from + mine_to, theirs_from + theirs_to
            if max(_like(mine, theirs), _like(theirs, mine)) < _TURN_LIKE:
                continue  # another turn of the passages
            if _reversed(mine_from, mine_to, theirs_from, theirs_to):
                said = f"{theirs_from[:12]}……{turn}{theirs_to[:12]}"
                issues.append(f"“{written}”前后与原文的方向相反（原文：“{said}”）")
                break
    return issues


def _reversed(mine_from: str, mine_to: str, theirs_from: str, theirs_to: str) -> bool:
    """What the sentence has before the turn and the passage has not is what the passage has
    after it, and the reverse — read by character pairs, or by nouns (原本以本科为主，现在……
    against 原以专科为主，现……: the 原本 and 现在 the passage words otherwise are no change)."""
    for parts in (_pairs, nouns_of):
        came = parts(mine_from) - parts(theirs_from)  # said to be where it starts …
        went = parts(theirs_from) - parts(mine_from)  # … instead of where it started
        if (
            came
            and went
            and len(came & parts(theirs_to)) >= _TURN_SHARE * len(came)
            and len(went & parts(mine_to)) >= _TURN_SHARE * len(went)
        ):
            return True
    return False


def _turns(text: str) -> list[tuple[str, str, str]]:
    """(where from, where to, the turn word) for each turn of the text: what comes before the
    turn from its 由/从/原 on, what comes after it, each within its sentence (到 only after a
    由/从/原)."""
    found = []
    for match in _TURN.finditer(text):
        window = text[max(0, match.start() - _TURN_REACH) : match.start()]
        before = re.split(r"[。；！？]", window)[-1]
        start = _TURN_START.search(before)
        if match.group() in "到向" and not start:
            continue  # 得到, 达到, 到2025年, 面向: a 到 or 向 turns only from a 由/从
        before = before[start.end() :] if start else before
        # … a 由……到 reaches no further than its clause (由第十位上升到第五位，进出口……)
        ends = r"[。；！？，,]" if match.group() == "到" else r"[。；！？]"
        after = re.split(ends, text[match.end() : match.end() + _TURN_REACH])[0]
        found.append((before, after, match.group()))
    return found


def _pairs(piece: str) -> set[str]:
    return {piece[i : i + 2] for i in range(len(piece) - 1)}


def _like(piece: str, other: str) -> float:
    """The share of the piece's character pairs the other holds."""
    mine = _pairs(piece)
    return len(mine & _pairs(other)) / (len(mine) or 1)


# A relation whose two sides may not change places: 甲决定乙 is not 乙决定甲.
_RELATION = re.compile(
    r"决定于|取决于|决定了?|替代了?|取代了?|代替了?|支撑|带动|引领|驱动|服务于|依靠|依赖|"
    r"领先于?|落后于|超过|超越|高于|低于|大于|小于|多于|少于|快于|慢于|优于|胜过|"
    r"击败|战胜|打败|输给|负于|承接|隶属于?|源于|来自|导致|引起|兼并|收购|并购|吞并|牵头|"
    r"帮助|援助|接替|接任|继承|(?<![被])被(?=[^，。；]{1,12}?[所给])|"
    r"(?<![方导趋意动走去面倾转偏取指志])向(?![来导往着前后上下外内])|"
    r"(?:转化|转变|转换|演变|演化|升级)为|"
    r"(?<![对相无类好])比(?![例重较如赛拟分率值])"
)


_FIGURE_NEXT = re.compile(
    r"\d|[一二两三四五六七八九十百千万]+(?:分之|[%％倍个元吨年人家项种次岁米])"
)
# 甲(几乎)是乙的3倍: 甲 before 是, 乙 between 是 and the multiple
_TIMES = re.compile(r"是([^，。；]{2,40}?)的(\d+(?:\.\d+)?|[一二两三四五六七八九十百千万几数]+)倍")


def _relations(parts: Sequence[str]) -> list[tuple[str, str, str]]:
    """(what comes before, what comes after, the relation word) within each of the clauses;
    for 甲是乙的3倍, 甲 and 乙 with 3倍 as the relation."""
    found = []
    for clause in parts:
        for match in _RELATION.finditer(clause):
            if _FIGURE_NEXT.match(clause, match.end()):
                continue  # 含量超过10ppm: a threshold, not a second side
            found.append((clause[: match.start()], clause[match.end() :], match.group()))
        for match in _TIMES.finditer(clause):
            found.append((clause[: match.start()], match.group(1), f"{match.group(2)}倍"))
    return found


_ONE_RELATION = {"取决于": "决定于", "取代": "替代", "代替": "替代", "依赖": "依靠", "战胜": "击败"}


def _relation(word: str) -> str:
    """The relation a word states, one for words saying the same (取决于 is 决定于)."""
    word = word.removesuffix("了")
    return _ONE_RELATION.get(word, word)


_AS_SAID = re.compile(r"\[\d+\]|[。！？；\s]+$")  # citation marks, the closing stop


def relations_reversed(sentence: str, cited: Cited) -> list[str]:
    """A relation whose two sides change places (产业技术创新决定了产业中试能力 for 产业中试能力决定了
    产业技术创新; 甲比乙有效 and 甲替代乙 alike), `_reversed` read within the clause."""
    issues = []
    # … the passages' also from the start of their sentence: the subject may stand in a clause
    # of its own (AGG01是一种蛋白质，在实验中证实比青霉素有效100倍)
    theirs_all = list(dict.fromkeys(_relations(cited.clauses) + _relations(cited.sentences)))
    for mine_from, mine_to, word in _relations(clauses(sentence)):
        if _AS_SAID.sub("", f"{mine_from}{word}{mine_to}") in cited.text:
            continue  # the passages say it this way too (甲比乙原始，或是乙比甲原始)
        for theirs_from, theirs_to, said in theirs_all:
            if _relation(said) != _relation(word):
                continue
            mine, theirs = mine_from + mine_to, theirs_from + theirs_to
            if max(_like(mine, theirs), _like(theirs, mine)) < _TURN_LIKE:
                continue
            if _reversed(mine_from, mine_to, theirs_from, theirs_to):
                said = f"{theirs_from[-12:]}{word}{theirs_to[:12]}"
                issues.append(
                    f"“{mine_from[-12:]}{word}{mine_to[:12]}”两边与原文相反（原文：“{said}”）"
                )
                break
    return issues
