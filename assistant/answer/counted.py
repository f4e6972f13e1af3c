"""“那4个基地具体是哪4个？”: the members of a set the texts only count.

A text may name a set by its size and never say what is in it (“聚焦4个产业基地”, “营造‘四个
尊重’氛围”). A question asking which members the set has is then not answered by the sentence
that counts it: the answer says the texts give the count, not the list. A set is listed when the
clause before its count lists items (“A、B等6条产业链”, even in part), when the words after it
do (“……三项改革：A、B、C”, “即A、B”), or when numbered items follow (一是……二是……) — or
when a passage lists that many right before the set's word without counting them (打好A、B、C的
攻坚战 for 三大攻坚战).
"""

from __future__ import annotations

import re

from ..text.chars import CJK
from ..text.numerals import chinese_value, in_digits
from .candidates import Candidate

_UNITS = "个条项家类种所批大强支座"
_COUNT = re.compile(rf"(\d+|[一二两三四五六七八九十百]+)([{_UNITS}])([{CJK}]{{2,12}})")
# which ones, by name: 哪4个, 哪几项, 具体是哪些, 分别是什么, 指的是啥 — not how many (多少个)
# nor which one of another kind (哪个部门)
_MEMBERS = re.compile(
    rf"哪[\d一二两三四五六七八九十几]+[{_UNITS}]|哪些|分别是|具体(?:是|指|有|都|包括)"
    r"|(?:都|指的?)是?(?:什么|啥|哪)|列出来"
)
_HOW_MANY = re.compile(r"多少|第几|排名|排第|几位|几名")  # a count or a rank, not the members
_ASKING = re.compile(r"具体|分别|都是|是哪|指|有哪|包括|是什么|是啥")
_LIST_BEFORE = re.compile(r"[、]|(?:和|及|与)[^，。；]{1,12}等$")
_LIST_AFTER = re.compile(r"^[”’]?(?:[:：]|，?(?:即|包括|分别是|分别为|主要是|是指|是))[^。]*、")
_ITEMS_FOLLOW = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]|[（(][一二三])"
)
_CLAUSE_END = "，,。；;：:！？!?"


def uncounted(question: str, candidates: list[Candidate]) -> str:
    """Why the passages cannot say which members a counted set has, or "" if they can (or the
    question asks no such thing)."""
    for number, _, thing in _asked_sets(question):
        mentions = [(c, m) for c in candidates for m in _mentions(c.text, number, thing)]
        if any(_lists_apart(c.passage.text, number, thing) for c in candidates):
            continue  # 防范化解重大风险、精准脱贫、污染防治的攻坚战: listed where not counted
        if mentions and not any(_listed(c, m) for c, m in mentions):
            match = mentions[0][1]
            return f"资料只提到“{match.group()}”，没有列出具体是哪些"
    return ""


def _asked_sets(question: str) -> list[tuple[int, str, str]]:
    """The sets a question counts and asks the members of: (4, 个, 万亿级产业基地)."""
    asked: list[tuple[int, str, str]] = []
    if _HOW_MANY.search(question):
        return asked  # 在500强企业名单中排名多少
    for match in _COUNT.finditer(in_digits(question)):
        number, thing = _value(match.group(1)), _ASKING.split(match.group(3))[0]
        if (
            number
            and number > 1
            and len(thing) >= 2
            and _MEMBERS.search(match.string, match.start())
        ):
            asked.append((number, match.group(2), thing))
    return asked


def _value(numeral: str) -> int | None:
    return int(numeral) if numeral.isdigit() else chinese_value(numeral)


def _mentions(text: str, number: int, thing: str) -> list[re.Match[str]]:
    """Where the text counts the set, as the text writes it (4个, 四项): the number, a measure
    word and as much of the thing's name as the question gives."""
    found = []
    # in any measure word (三个改革 for the text's 三项改革)
    pattern = rf"(\d+|[一二两三四五六七八九十百]+)[{_UNITS}][“‘]?{re.escape(thing[:2])}"
    for match in re.finditer(pattern, text):
        if _value(match.group(1)) != number:
            continue
        end = match.end()
        while end < len(text) and end - match.end() + 2 < len(thing):
            if text[end] != thing[end - match.end() + 2]:
                break
            end += 1
        found.append(re.compile(re.escape(text[match.start() : end])).search(text, match.start()))
    return [m for m in found if m]


def _listed(candidate: Candidate, match: re.Match[str]) -> bool:
    text = match.string
    clause_start = max(text.rfind(ch, 0, match.start()) for ch in _CLAUSE_END) + 1
    if _LIST_BEFORE.search(text[clause_start : match.start()].rstrip("“‘")):
        return True  # A、B等6条产业链; 未来制造、未来信息……六大领域
    if _LIST_AFTER.search(text[match.end() :]):
        return True  # ……三项改革：A、B、C
    passage = candidate.passage.text
    at = passage.find(candidate.text)
    return at >= 0 and bool(_ITEMS_FOLLOW.match(passage[at + len(candidate.text) :]))


def _lists_apart(text: str, number: int, thing: str) -> bool:
    """The text lists that many items right before the thing's last word, without the count
    (打好A、B、C的攻坚战 for 三大攻坚战)."""
    head = re.escape(thing[-2:])
    for match in re.finditer(head, text):
        clause_start = max(text.rfind(ch, 0, match.start()) for ch in _CLAUSE_END) + 1
        before = text[clause_start : match.start()]
        if not re.search(rf"(?:的|等){re.escape(thing[:-2])}$", before):
            continue  # the items' shared word, not the last item's own (……、中试基地)
        if len(re.findall(r"、|和|及|与", before)) >= number - 1 >= 1 and "、" in before:
            return True
    return False
