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
from ..text.segment import content_words, general_frequency, tagged
from ..text.sentences import split_sentences
from .verify import strip_citations

# 第二点, 第3条, 头一个, 最后一项 — a place in a list, not a rank (第二大) nor a date (第二天)
POINTER = re.compile(
    r"(?:(?:上面|刚才|前面)?(?:说的|提到的|讲的)?)"
    r"(?:第([一二两三四五六七八九十\d]{1,3})|(头一?|首)|(最后一?)|(中间))[那这]?"
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
    if not answer.strip():
        return question
    items = listed(answer)
    if not found:
        return _by_name(question, items)
    if len(items) < 2:
        return question  # 头一条 of an answer listing nothing: of the text's own list
    place = place_in_list(
        found.group(1), first=bool(found.group(2)), last=bool(found.group(3)), count=len(items)
    )
    if found.group(4):  # 中间那个: of an odd number of items
        place = len(items) // 2 if len(items) % 2 else None
    if place is None or not 0 <= place < len(items):
        return question
    rest = question[found.end() :]
    named = tagged(rest)[:1]  # 第二个|毛病具体指啥: the item is the 毛病 meant
    if named and len(named[0][0]) <= _KIND_CHARS and named[0][1] in _KIND_TAGS:
        rest = rest[len(named[0][0]) :]
    if (said := set(content_words(rest))) and said <= _ELABORATING:
        rest = "具体指啥"  # 第二条展开说说: what the item says, not a passage that 展开s
    return question[: found.start()] + items[place] + rest


def _by_name(question: str, items: list[str]) -> str:
    """其中安全那条, 平台那条: the one item of the last answer holding the word named."""
    found = NAMED_POINTER.match(question)
    if not found:
        return question
    holding = [item for item in items if found.group(1) in item]
    if len(holding) != 1:
        return question
    return holding[0] + question[found.end() :]


# 其中安全那条, 平台那项: an item of the answer before, by a word of it
NAMED_POINTER = re.compile(
    r"^(?:其中|那|还有)?([\u4e00-\u9fff]{1,6}?)[那这]一?(?:条|项|点|块|招|方面)(?![一二两三四五六七八九十])"
)
_KIND_CHARS = 2  # a noun right after the pointer this short names the kind of item pointed at
_KIND_TAGS = ("n", "ns", "nz")  # jieba files 维度 as a place


def listed(answer: str) -> list[str]:
    """The items an answer lists: numbered points, the list after its colon or opening it (甲、乙
    和丙，三者……), or its sentences."""
    text = strip_citations(answer).strip()
    numbered = [p for p in _NUMBERED.split(text)[1:] if p.strip("，,；;。 ")] or _in_order(text)
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
    # 归纳为“甲”“乙”“丙”三类: the terms quoted one after another
    if run := _QUOTED_RUN.search(text):
        return re.findall("“([^”]+)”", run.group())
    opening = re.split("[，,。；;：:]", text, maxsplit=1)[0]
    if "、" in opening:
        return _items(_last_joined(opening.split("、")), opening=True)
    return [_item(s) for s in split_sentences(text) if s.strip()]


# 首先是甲；其次是乙；最后是丙: points in order (not 分首先、其次、最后三点, the words named)
_IN_ORDER = re.compile(r"(?:首先|其次|再次|然后|最后)是?(?=[\u4e00-\u9fff“])")


def _in_order(text: str) -> list[str]:
    """The points of an answer that sets them out with 首先 … 其次 … 最后, or none."""
    first = _IN_ORDER.search(text)
    if not first or not first.group().startswith("首先"):
        return []
    return [p for p in _IN_ORDER.split(text[first.start() :])[1:] if p.strip("，,；;。 ")]


_QUOTED_RUN = re.compile("(?:“[^“”]{1,20}”[、，,和与及]?){2,}")


_ANNOUNCED = re.compile(r"([一二两三四五六七八九十])(?:个|类|块|项|条|点|种|大|方面)")


def _announced(before: str) -> int | None:
    """How many items the words before a colon say follow (分四块, 三个方面)."""
    found = _ANNOUNCED.findall(before)
    return chinese_value(found[-1]) if found else None


def _items(parts: list[str], *, opening: bool = False) -> list[str]:
    """The items, the last without the count closing it (丙|三个问题); a list opening the
    answer, its first without the words leading into it (文章归纳为|甲、乙、丙) and its last
    without what is said of them all (丙|是……的重要特征)."""
    items = [_item(p) for p in parts]
    items[-1] = _COUNT_AFTER.sub("", items[-1]).strip() or items[-1]
    if opening:
        items[0] = _LEAD_IN.sub("", items[0]).strip() or items[0]
        items[-1] = _SAID_OF_ALL.sub("", items[-1]).strip() or items[-1]
    return items


# 丙|三个问题, 丁|四个维度提出保障措施: the count that closes a list, and what it says of them
_COUNT_AFTER = re.compile(
    r"(?:等|这)?[一二两三四五六七八九十]+(?:个|类|块|项|条|种|大|方面|点|步)\S*$"
)
# 文章说|甲, 报告归纳为|甲, 提出|甲: who says it and the verb leading into the list
_LEAD_IN = re.compile(
    r"^(?:(?:文章|文中|文件|报告|论文|该文|作者|它|其)(?:里|中)?)?"
    r"(?:说|提出了?|认为|指出|强调|归纳为|概括为|总结为|分为|分成|包括|列出了?|列了|主要有|有)"
    r"(?:要坚持|要|了)?"
)
_SAID_OF_ALL = re.compile(
    r"(?:等|这些|这几|三者|四者|二者|两者)?(?:都是|均为|是|为|构成|共同)\S{4,}$"
)


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
    mark = _ORDER_MARK.match(text)
    if not mark or (len(mark.group()) == 1 and general_frequency(text[:2]) > _A_WORD):
        return text.strip()  # 先进性, 再生资源: no order word 先 or 再 before it
    return text[mark.end() :].strip() or text.strip()


_A_WORD = 100  # uses in everyday Chinese of 先进, 再生: a word, not 先|建 or 再|配
_JOINING = re.compile(r"^(?:以及|还有|并且|和|与|及|并)")
