"""Lists a sentence announces (“要做好以下工作。”) and the numbered items that spell them out
(一是…… 二是……, 第一，…… 第二，……, （一）…… （二）……, 1. …… 2. ……); unnumbered items whose short
leads open alike (要坚持A。…… 要坚持B。……); the place a pointer names in a list (第三, 最后)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .numerals import chinese_value

_NUMERAL = "一二三四五六七八九十"
_KINDS = (
    r"方面|点|项|条|工作|原则|措施|任务|关系|政策|举措|重点|内容|领域|要求|目标|事项|问题|环节|途径|建议"
    r"|方针|件事"
)
# 以下几个方面 / 以下三点 / 如下 / 下列措施, closing the sentence: the list follows it
_LEAD = re.compile(  # not 以下 of a bound (10‰以下的目标, 县乡以下的工作负担)
    rf"(?<![\d‰%％乡县市省级])(?:以下|下列)的?[几{_NUMERAL}两]*(?:个|项|条|大)?(?:{_KINDS})"
    r"[^，。；]{0,4}[。：:]?$|如下[。：:]?$"
)
# the item's number and its style: 一是 / 一要, 第一， , （一）, 一、, 1. / 1、, （1）
_ITEM = (
    ("是", re.compile(rf"^([{_NUMERAL}]{{1,3}})(?:是|要)")),
    ("第", re.compile(rf"^第([{_NUMERAL}]{{1,3}})[，,、：:]")),
    ("（一）", re.compile(rf"^[（(]([{_NUMERAL}]{{1,3}})[）)]")),
    ("一、", re.compile(rf"^([{_NUMERAL}]{{1,3}})、(?![{_NUMERAL}])")),  # not 一、二季度
    ("1.", re.compile(r"^(\d{1,2})[.．、](?!\d)")),
    ("（1）", re.compile(r"^[（(](\d{1,2})[）)]")),
)
_FIRST_ITEM_WITHIN = 3  # sentences after the lead the first item must come in
_COUNT = re.compile(rf"(?:以下|下列)的?([{_NUMERAL}两]{{1,3}})(?:个|项|条|大)?")


_COUNT_LABEL = re.compile(r"([一二两三四五六七八九十])([\u4e00-\u9fff]{1,2})")  # 三化, 两新


def is_count_label(phrase: str) -> bool:
    """A label counting what a list's items share: 三化 (数字化、网络化、智能化)."""
    return _COUNT_LABEL.fullmatch(phrase) is not None


def counted_list(label: str, text: str) -> bool:
    """The text lists as many items, each ending or opening as the label says (“三化” → 数字化、
    网络化、智能化; “三农” → 农业、农村、农民); False when the label counts nothing."""
    match = _COUNT_LABEL.fullmatch(label)
    if not match:
        return False
    count, shared = _number(match.group(1)), re.escape(match.group(2))
    for item in (rf"[\u4e00-\u9fff]{{1,3}}{shared}", rf"{shared}[\u4e00-\u9fff]{{1,3}}?"):
        # exactly that many: 三化 is not 现代化、国际化、法治化和信息化
        lists = re.finditer(rf"{item}(?:[、和与及]{item})+", text)
        if any(len(re.split("[、和与及]", found.group())) == count for found in lists):
            return True
    return False


# a list counted right after its last item: A、B、C三大领域, A、B和C等三个方面
_COUNTED_AFTER = re.compile(
    rf"([^，。；：:、]{{1,16}}(?:(?:、|和|及|与|以及)[^，。；：:、]{{1,16}}?)+?)等?"
    rf"([{_NUMERAL}两]{{1,3}}|\d{{1,2}})(?:大|个|项|类|种|条)"
)


def lists_as_many(sentence: str, count: int, kinds: Sequence[str] = ("",)) -> bool:
    """The sentence lists `count` items (any number when 0) and counts them after the last (面向
    A、B、……、F六大领域): it names the members of a set of that size — of one of the `kinds`
    asked for (哪两个乡镇 is not answered by A、B两个社区)."""
    for match in _COUNTED_AFTER.finditer(sentence):
        listed, counted = len(re.split("、|和|及|与|以及", match.group(1))), _number(match.group(2))
        after = sentence[match.end() : match.end() + 6]
        if listed == counted and count in (0, counted) and any(k[:2] in after for k in kinds):
            return True
    return False


def announces(sentence: str) -> bool:
    """The sentence says a list follows: a lead (以下几个方面), or one closing on a colon (重点是
    做三件事：) — not a statement the first item happens to follow (……增长6%。一是……)."""
    return is_list_lead(sentence) or sentence.rstrip().endswith(("：", ":"))


def is_list_lead(sentence: str) -> bool:
    """The sentence announces a list that follows it (主要做了以下工作。, 包括以下几个方面：)."""
    return bool(_LEAD.search(sentence.strip()))


def _number(numeral: str) -> int:
    """An item's number, in digits or Chinese numerals (十二 → 12, 两 → 2); 0 if none."""
    return int(numeral) if numeral.isdigit() else chinese_value(numeral) or 0


def item_number(sentence: str) -> tuple[str, int] | None:
    """The style and number a list item opens with (“二是……” → ("是", 2)), or None; the first
    of a sentence's items may follow a short clause (为了实现这个目标，一要……)."""
    sentence = sentence.strip()
    for style, pattern in _ITEM:
        if match := pattern.match(sentence):
            return style, _number(match.group(1))
    if (opening := _OPENING.match(sentence)) and (found := item_number(sentence[opening.end() :])):
        return found if found[1] == 1 else None
    return None


_OPENING = re.compile(r"[^，。：:；]{2,24}[，：:]")  # 为了实现这个目标，|一要……


def announced(lead: str) -> int:
    """How many items the lead says there are (以下三点 → 3); 0 when it does not say."""
    match = _COUNT.search(lead)
    return _number(match.group(1)) if match else 0


def list_items(
    sentences: Sequence[str], lead: int, *, limit: int, from_first: bool = False
) -> list[int]:
    """Positions of the items the sentence at `lead` announces: the sentences after it that
    open with the next number of one style (一是, 二是, …), up to `limit` or as many as it says.
    Empty when the sentence is no lead or no first item follows it closely. `from_first`: a
    sentence that is itself the first item (一要大力发展农业生产。) leads the items after it."""
    first = item_number(sentences[lead]) if from_first else None
    if first is not None and first[1] == 1:
        return _following_items(sentences, lead, first[0], limit - 1)
    after = next((s for s in sentences[lead + 1 :] if s.strip("…． \n")), "")  # past a “……”
    opens = (item_number(after) or ("", 0))[1] == 1
    if not is_list_lead(sentences[lead]) and not opens:
        return []  # no lead, nor a sentence the first item follows (……采取一系列措施。一是……)
    count = announced(sentences[lead]) or limit
    found: list[int] = []
    style = ""
    for position in range(lead + 1, len(sentences)):
        numbered = item_number(sentences[position])
        if not found and position - lead > _FIRST_ITEM_WITHIN:
            return []
        if numbered is None or (style and numbered[0] != style):
            continue  # an item's own sentences, or a list of another style within it
        if numbered[1] != len(found) + 1:
            if style:
                break  # the numbering starts again or jumps: another list
            continue
        style = numbered[0]
        found.append(position)
        if len(found) >= min(count, limit):
            break
    return found


def _following_items(sentences: Sequence[str], first: int, style: str, limit: int) -> list[int]:
    """The items numbered 2, 3, … of `style` after the first item at `first`."""
    found: list[int] = []
    for position in range(first + 1, len(sentences)):
        numbered = item_number(sentences[position])
        if numbered is None or numbered[0] != style:
            continue
        if numbered[1] != len(found) + 2 or len(found) >= limit:
            break
        found.append(position)
    return found


_PARALLEL_OPENING = 3  # characters parallel leads open with alike (要坚持|连锁化经营。)
_PARALLEL_MIN = 3  # leads that make a list: two alike may be chance
_PARALLEL_SHORT = 20  # characters of a lead: a heading's length, not a statement's
_PARALLEL_GAP = 6  # sentences from one lead to the next: an item's content, not another part


def parallel_leads(sentences: Sequence[str], position: int) -> list[int]:
    """Positions of the short sentences that open alike with the one at `position` (要坚持连锁化
    经营。要坚持品牌化发展。要坚持便利化服务。), each within a few sentences of the next: the
    unnumbered items of a list, each with its content after it. Empty when the sentence is not
    short or fewer than `_PARALLEL_MIN` are alike."""
    opening = _lead_opening(sentences[position])
    if not opening:
        return []
    found = [position]
    for step in (-1, 1):
        at = position
        while (nearest := _next_alike(sentences, at, step, opening)) is not None:
            found.insert(0 if step < 0 else len(found), nearest)
            at = nearest
    return found if len(found) >= _PARALLEL_MIN else []


def _next_alike(sentences: Sequence[str], at: int, step: int, opening: str) -> int | None:
    """The nearest lead opening alike within `_PARALLEL_GAP` sentences of `at`, that way."""
    for p in range(at + step, at + step * (_PARALLEL_GAP + 1), step):
        if 0 <= p < len(sentences) and _lead_opening(sentences[p]) == opening:
            return p
    return None


def _lead_opening(sentence: str) -> str:
    text = sentence.strip()
    return text[:_PARALLEL_OPENING] if _PARALLEL_OPENING + 1 < len(text) < _PARALLEL_SHORT else ""


def place_in_list(number: str | None, *, first: bool, last: bool, count: int) -> int | None:
    """The position (from 0) a place in a list of `count` names: 第三 → 2, 头一/开头 → 0,
    最后/收尾 → count - 1; None when it is no number."""
    if last:
        return count - 1
    if first:
        return 0
    value = int(number) if number and number.isdigit() else chinese_value(number or "")
    return None if value is None else value - 1
