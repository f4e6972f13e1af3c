"""“第二点具体咋说的？”: an item of the previous answer, pointed at by its place in the list.

A follow-up may name nothing and point instead: 第二个, 第三条, 最后一点. What it points at is in
the answer the asker just read — the items it listed after a colon (三个：甲、乙、丙), its numbered
points (一是……二是……) or else its sentences — so the pointer is replaced by that item before the
question is searched (“乙具体指啥？”). When the answer lists fewer items than the place pointed
at, nothing is replaced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..schema import Turn
from ..text.listing import place_in_list
from ..text.numerals import chinese_value
from ..text.segment import content_words, tagged
from ..text.sentences import split_sentences
from .verify import strip_citations

# 第二点, 第3条, 头一个, 最后一项 — a place in a list, not a rank (第二大) nor a date (第二天)
POINTER = re.compile(
    r"(?:(?:上面|刚才|前面)?(?:说的|提到的|讲的)?)"
    r"(?:第([一二两三四五六七八九十\d]{1,3})|(头一?|首)|(最后一?))[那这]?"
    r"(?:个|点|条|项|方面|部分|块|步|类|种|样)(?![一二两三四五六七八九十百千\d])"  # 第一个五年计划
)
# item openers that only mark the order (先……再……最后; 一是; 首先): not what the item is about
_ORDER_MARK = re.compile(
    r"^(?:[一二三四五六七八九十]是|首先|其次|再次|然后|其后|最后|第[一二三四五六七八九十]|先|再|后|又|还)[，,、]?"
)
_NUMBERED = re.compile(
    r"[一二三四五六七八九十]是|（[一二三四五六七八九十]）|(?<!\d)\d[.、．]"
    r"|(?:^|(?<=[。；;：:、\s]))[一二三四五六七八九十]、"  # 一、……二、…… (not 统一、规范)
)


_ELABORATING = frozenset(["展开", "详细", "具体", "细说", "说说", "讲讲"])


def points(question: str) -> bool:
    """The question points at an item (第二点具体咋说的), opening with the pointer or naming
    nothing else (第三块里头，重点扶持哪些方向; 最后那个方向要培育啥) — not 方案第二部分讲了什么,
    which asks about a part of a document."""
    found = POINTER.search(question)
    if not found:
        return False
    before = [w for w in content_words(question[: found.start()]) if w not in _ELABORATING]
    after = [w for w in content_words(question[found.end() :]) if w not in _ELABORATING]
    return not before and (not after or found.start() <= _OPENING)


_OPENING = 2  # characters before a pointer that opens the question (那第二条, 还有最后一点)


def point_at(question: str, history: Sequence[Turn]) -> str:
    """The question with its pointer (第二点) replaced by the item of the last answer it points
    at, or as it was."""
    found = POINTER.search(question) if points(question) else None
    answer = next((t.content for t in reversed(history) if t.role == "assistant"), "")
    if not found or not answer.strip():
        return question
    items = listed(answer)
    place = place_in_list(
        found.group(1), first=bool(found.group(2)), last=bool(found.group(3)), count=len(items)
    )
    if place is None or not 0 <= place < len(items):
        return question
    rest = question[found.end() :]
    named = tagged(rest)[:1]  # 第二个|毛病具体指啥: the item is the 毛病 meant
    if named and len(named[0][0]) <= _KIND_CHARS and named[0][1] in _KIND_TAGS:
        rest = rest[len(named[0][0]) :]
    return question[: found.start()] + items[place] + rest


_KIND_CHARS = 2  # a noun right after the pointer this short names the kind of item pointed at
_KIND_TAGS = ("n", "ns", "nz")  # jieba files 维度 as a place


def listed(answer: str) -> list[str]:
    """The items an answer lists: numbered points, the list after its colon or opening it (甲、乙
    和丙，三者……), or its sentences."""
    text = strip_citations(answer).strip()
    numbered = [p for p in _NUMBERED.split(text)[1:] if p.strip("，,；;。 ")]
    if len(numbered) >= 2:
        return [_item(p) for p in numbered]
    if "：" in text:
        before, after = text.split("：", 1)
        splits = [
            [p for p in re.split(m, after) if p.strip()] for m in ("[；;，,。]", "[、；;，,。]")
        ]
        counted = _announced(before)  # 分四块：甲、乙、丙，以及丁: the split into four
        for parts in sorted(splits, key=lambda parts: len(parts) != counted):
            if len(parts) >= 2:
                return _items(_last_joined(parts))
    opening = re.split("[，,。；;：:]", text, maxsplit=1)[0]
    if "、" in opening:
        return _items(_last_joined(opening.split("、")), opening=True)
    return [_item(s) for s in split_sentences(text) if s.strip()]


_ANNOUNCED = re.compile(r"([一二两三四五六七八九十])(?:个|类|块|项|条|点|种|大|方面)")


def _announced(before: str) -> int | None:
    """How many items the words before a colon say follow (分四块, 三个方面)."""
    found = _ANNOUNCED.findall(before)
    return chinese_value(found[-1]) if found else None


def _items(parts: list[str], *, opening: bool = False) -> list[str]:
    """The items, the last without the count closing it (丙|三个问题); a list opening the
    answer, its first without the words leading into it (文章归纳为|甲、乙、丙) when it runs
    longer than any other."""
    items = [_item(p) for p in parts]
    items[-1] = _COUNT_AFTER.sub("", items[-1]).strip() or items[-1]
    longest = max(len(i) for i in items[1:])
    if opening and len(items[0]) > longest + _LEAD_IN:
        words = tagged(items[0])
        ends = [
            sum(len(w) for w, _ in words[: i + 1]) for i, (_, f) in enumerate(words) if f in "vp"
        ]
        if ends and len(items[0]) - ends[-1] >= 2:
            items[0] = items[0][ends[-1] :]
    return items


_LEAD_IN = 2  # characters the first item may run longer than the others before it is cut
# 丙|三个问题, 丁|四个维度提出保障措施: the count that closes a list, and what it says of them
_COUNT_AFTER = re.compile(r"(?:等|这)?[一二两三四五六七八九十]+(?:个|类|块|项|条|种|大)\S*$")


def _last_joined(parts: list[str]) -> list[str]:
    """A list's last two items joined by 和/与/及 (乙和丙) as two, when the items are short."""
    last = re.split("(?:以及|和|与|及)", parts[-1], maxsplit=1)
    if (
        len(parts) >= 2
        and len(last) == 2
        and all(2 <= len(x.strip("。 ")) <= _SHORT_ITEM for x in last)
    ):
        return [*parts[:-1], *last]
    return parts


_SHORT_ITEM = 10  # characters: an item of a list, not a clause with 和 in it


def _item(text: str) -> str:
    text = _JOINING.sub("", text.strip("，,、；;。：: \n"))  # 以及丁: 丁
    return _ORDER_MARK.sub("", text).strip() or text.strip()


_JOINING = re.compile(r"^(?:以及|还有|并且|和|与|及|并)")
