"""What a passage says is still to be done (亟待突破, 有待提高, 尚待解决), is to be done (要按期完成)
or is expected (可望年内投产) said to be done already (已基本突破, 已经按期完成) about the same
thing; what it says is partly or nearly done (接近完成, 开始改变) said to be wholly done (全部完成,
彻底改变); and what it says of some (绝大部分企业) said of all (所有企业)."""

from __future__ import annotations

import re

from .cited import Cited

_PENDING = re.compile(r"(?:亟待|有待于?|尚待|仍待|还待)([\u4e00-\u9fff]{2})")
_DONE = "(?:已经|已|业已)(?:基本|初步|全面|彻底|完全|根本)?(?:得到|获得|实现)?"
_STILL = "(?:亟待|有待|尚待|仍待|还待|尚未|未|没有|仍需|尚需|还需|需要|亟需|急需|要)"
_SHARED = 2  # character pairs of what the passage clause says it of, found in the sentence
_ENDS = "(完成|实现|建成|结束|解决|消除|落实|改变|扭转|形成|覆盖)"
_PLANNED = re.compile(f"(?:要|将|拟|计划|力争|争取)(?:按期|如期|提前|尽快|年内)?{_ENDS}")
_DONE_ON_TIME = "(?:已经|已|业已)(?:按期|如期|提前|全面|基本)?"
# put off to a later day: 在适当时候开工, 待条件成熟时启动
_DEFERRED = re.compile(
    r"(?:在适当时候|适当时候|适时|择机|待条件成熟时?|条件成熟时)([\u4e00-\u9fff]{2})"
)
# expected to come: 可望在年内陆续投产, 预计明年建成
_EXPECTED = re.compile(
    r"(?:可望|有望|预计|预期|计划|将于|将在)[^，。；]{0,12}?"
    r"(投产|建成|完成|开工|竣工|通车|开通|启用|上线|实现|签署|签订|草签|举行|召开|开幕|启动)"
)
_DONE_BEFORE = r"(?:已经|已|业已)[^，。；]{0,8}?"  # 已陆续建成投产
_NEARLY = "(?:接近|即将|将要|行将|基本上?|初步|大体上?|大部分|部分|开始|逐步|逐渐)"
_PARTLY = re.compile(f"{_NEARLY}{_ENDS}")
_WHOLLY = "(?:已经|已)?(?:全部|全面|彻底|完全|圆满|悉数|均已|都已)"
_SOME = re.compile(r"(?:绝大部分|大部分|绝大多数|大多数|多数|一部分|部分|少数)([\u4e00-\u9fff]{2})")
_ALL = "(?:所有|全部|全体|一切|每个|每一个|各个)"


def done_already(sentence: str, cited: Cited) -> list[str]:
    """Issues for each verb a passage clause leaves to be done (局面亟待突破) or plans (要按期完成)
    that the sentence says is done (局面已基本突破, 已经按期完成), says is partly done that the
    sentence says is wholly done, or says of some that the sentence says of all — when the
    sentence speaks of what that clause does (it holds some of the clause's character pairs)."""
    issues = []
    for clause in cited.clauses:
        for match in _PENDING.finditer(clause):
            verb = match.group(1)
            done = re.search(rf"{_DONE}{verb}|{verb}了", sentence)
            if done and not re.search(rf"{_STILL}{verb}", sentence):
                issues += _said_of(sentence, clause, match, done)
        for match in _PLANNED.finditer(clause):  # 要按期完成 → 已经按期完成
            done = re.search(f"{_DONE_ON_TIME}{match.group(1)}", sentence)
            if done and match.group() not in sentence:
                issues += _said_of(sentence, clause, match, done, after=True)
        said = _said_in(clause, cited.text)
        for match in _DEFERRED.finditer(said, len(said) - len(clause)):  # 适时开工 → 已经开工
            done = re.search(f"{_DONE_ON_TIME}{match.group(1)}", sentence)
            if done:
                issues += _said_of(sentence, said, match, done)
        for match in _EXPECTED.finditer(clause):  # 可望年内投产 → 已投产
            verb = match.group(1)
            done = re.search(f"{_DONE_BEFORE}{verb}", sentence)
            if done and not _EXPECTED.search(sentence):  # what it is said of: the whole clause
                issues += _said_of(sentence, clause, match, done, after=True, within=True)
        for match in _PARTLY.finditer(clause):  # 接近完成 → 全部完成
            verb = match.group(1)
            wholly = re.search(f"{_WHOLLY}{verb}", sentence)
            if wholly and not re.search(f"{_NEARLY}{verb}", sentence):
                issues += _said_of(sentence, clause, match, wholly, after=True)
        for match in _SOME.finditer(clause):  # 绝大部分企业 → 所有企业
            every = re.search(f"{_ALL}{match.group(1)}", sentence)
            if every and every.group() not in cited.text:  # 全体教师……部分教师, as written
                issues += _said_of(sentence, clause, match, every, after=True)
    return issues


def _said_in(clause: str, text: str) -> str:
    """The passage's sentence up to and including the clause: what a clause that names no
    subject of its own (……，在适当时候开工) speaks of."""
    at = text.find(clause)
    return text[text.rfind("。", 0, at) + 1 : at + len(clause)] if at >= 0 else clause


def _said_of(
    sentence: str,
    clause: str,
    match: re.Match[str],
    said: re.Match[str],
    *,
    after: bool = False,
    within: bool = False,
) -> list[str]:
    """The issue, when the sentence speaks of what the passage clause does: it holds some of
    the clause's character pairs before the verb (and, `after`, after it; `within`, between
    the match's cue and its verb: 将于明天由代表团|草签)."""
    around = clause[: match.start()] + ("，" + clause[match.end() :] if after else "")
    if within:
        around += "，" + clause[match.start() + 2 : match.start(1)]
    pairs = {around[i : i + 2] for i in range(len(around) - 1)}
    if sum(p in sentence for p in pairs) < _SHARED:
        return []
    source = clause[max(0, match.start() - 20) : match.end() + 10].strip("，, ")
    return [f"原文说“{match.group()}”，句中却说“{said.group()}”（原文：“{source}”）"]
