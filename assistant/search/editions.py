"""One edition of a recurring event: the question asks about the 2023 one, the texts hold 2024's.

A yearly meeting, games or plenary session is named by its edition — a year (2023年全省科技工作
会议) or an ordinal (十九届五中全会). The rest of the name is in the passages and the edition is a
number, so neither the name check nor the word weights notice when the passages only speak of
another edition (2024年…会议, 十九届四中全会): the question is then about something they do not
cover, and `named.py` refuses it. So too a batch or edition asked by its ordinal (首批名单, 第二届)
where the passages number none such (建设一批……平台).
"""

from __future__ import annotations

import re

from ..text.numerals import ranks

_KINDS = "会议|大会|全会|座谈会|工作会|研讨会|峰会|论坛|博览会|交易会|运动会|奥运会|锦标赛|世界杯|选举|春晚"
# 2023年全省科技工作会议, 2025年全省商务系统半年工作座谈会
# 2023年12月召开的全市人才工作会议
_DATED = re.compile(
    rf"((?:19|20)\d\d)年(?:\d{{1,2}}月份?)?(?:召开|举行|举办|开)?(?:的|度)?"
    rf"([\u4e00-\u9fff]{{0,24}}?(?:{_KINDS}))(?!议)"
)
# 十九届四中全会, 五中全会: the session of a plenary, with the congress it belongs to
_PLENARY = re.compile(r"((?:[一二三四五六七八九十]+届)?)([一二三四五六七八九十])中全会")
_ALIKE = 0.5  # of the characters of the question's event name, for a passage's to be the same
# kinds of one meeting: a 工作会议 one year may be held as a 座谈会 another
_MEETINGS = ("会议", "座谈会", "工作会", "研讨会")


def missing_edition(question: str, texts: list[str]) -> str | None:
    """The edition of an event the question names when the passages name the event only in
    other editions and never say its year; None when they name it in this one, or not at all."""
    return (
        _missing_year(question, texts)
        or _missing_session(question, texts)
        or _missing_batch(question, texts)
    )


def _missing_year(question: str, texts: list[str]) -> str | None:
    for year, event in _DATED.findall(question):
        dated = [
            (y, name) for text in texts for y, name in _DATED.findall(text) if _alike(event, name)
        ]
        # 2008年在北京举办的奥运会 is the 2008年北京奥运会 (not 2025年经济工作, nor another
        # meeting of 2025)
        if dated and not any(y == year for y, _ in dated):
            return f"{year}年{event}"
    return None


def _alike(asked: str, named: str) -> bool:
    """Two names of one event (全省发改系统…座谈会, 全省发展改革系统…座谈会; a
    全国…工作会议 and a 全国…座谈会): events of one kind — meetings are one — and most of what
    the question says before the kind is in the passage's name (not 北京奥运会 for 雅典奥运会)."""
    kind, other = _kind(asked), _kind(named)
    if kind != other and not {kind, other} <= set(_MEETINGS):
        return False
    before = set(asked[: -len(kind)])
    return len(before & set(named[: -len(other)])) >= _ALIKE * len(before)


def _kind(event: str) -> str:
    return re.search(rf"(?:{_KINDS})$", event).group()


def _missing_session(question: str, texts: list[str]) -> str | None:
    for congress, session in _PLENARY.findall(question):
        held = [(c, s) for text in texts for c, s in _PLENARY.findall(text)]
        if held and not any(
            s == session and (not congress or c in ("", congress)) for c, s in held
        ):
            return f"{congress}{session}中全会"
    return None


# 首批, 第二批, 首届, 第3届: which batch or edition of a list or event
_BATCH = re.compile(r"(首|第[一二两三四五六七八九十\d]+)(批|届)")


def _missing_batch(question: str, texts: list[str]) -> str | None:
    """A batch or edition the question asks for (首批名单) that no passage numbers: the
    passages speak of the thing (建设一批……平台), not of its first list."""
    for ordinal, kind in _BATCH.findall(question):
        wanted = ranks(ordinal + kind)  # 首批 is 第一批, 第3届 is 第三届
        if not any(
            ranks(o + k) == wanted for text in texts for o, k in _BATCH.findall(text) if k == kind
        ):
            return ordinal + kind
    return None
