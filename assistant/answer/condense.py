"""Turn a follow-up question into a standalone one using the chat history."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..schema import Turn
from ..text import lexicon
from ..text.regions import find_provinces
from ..text.segment import content_words, tagged_content
from .pointed import NAMED_POINTER, point_at, points

# 除了这个, 除此之外: besides what was just said
_BESIDES = r"除(?:了?(?:这|那|上述|以上)[个些点条项]?|此之外|此以外|此而外)"
_ANAPHORA = re.compile(
    rf"^(?:那么?|还有|另外|此外|同样|这|那|它|其|该|上述|以上|他们|相应|具体|{_BESIDES})"
    r"|呢[？?]?$|[这那该其它]些?(?:方面|地方|省|做法|举措)"
)
_FILLER = re.compile(
    rf"^(?:那(?:么|个|些)?|还有呢?|另外|此外|同样|{_BESIDES})[，,]?|呢?[？?。！!]*$"
)
_SHORT = 6


def unrequested(question: str) -> str:
    """The question without what the asker says of their task or asks the assistant to do
    (我要写个材料，……; ……帮我摘出来): those words are not what the texts must hold."""
    rest = question
    while (shorter := _request_frames().sub("", rest).strip("，,；; ")) != rest:
        rest = shorter  # 原文咋说的，帮我找下: each frame ends the question once the next is gone
    return rest if len(rest) >= _SHORT else question


@cache
def _request_frames() -> re.Pattern[str]:
    return re.compile(lexicon.alternation("question_types", "request_frames"))


def is_follow_up(question: str) -> bool:
    """Elliptical questions: short, leaning on the previous turn (“那辽宁呢？”), pointing at
    an item of the previous answer (“第二点具体咋说的？”), or naming no thing at all (点了名的都是
    哪几个？ 为啥非得把这仨拧一块推？): what they ask about is in the turn before."""
    text = question.strip()
    return (
        len(text) <= _SHORT
        or bool(_ANAPHORA.search(text) or NAMED_POINTER.match(text))
        or points(text)
        or _no_thing(text)
    )


def _no_thing(text: str) -> bool:
    """No noun, name or term among the question's words."""
    return not any(flag[0] in "ns" or flag in ("vn", "eng") for _, flag in tagged_content(text))


def condense_offline(question: str, history: Sequence[Turn]) -> str:
    """Rule-based condensing: swap the place named, or carry the previous topic over."""
    previous = ""
    for turn in history:
        if turn.role == "user" and turn.content.strip():
            previous = (
                condense_offline(turn.content, [])
                if not previous
                else _merge(previous, turn.content)
            )
    if not previous or not is_follow_up(question):
        return question
    return _merge(previous, question, history)


def _merge(previous: str, question: str, history: Sequence[Turn] = ()) -> str:
    if not is_follow_up(question):
        return question
    new_places = find_provinces(question)
    old_places = find_provinces(previous)
    core = _FILLER.sub("", question.strip()).strip()
    generic = len("".join(w for w in content_words(core) if not find_provinces(w))) < 4
    if new_places and generic:
        if not old_places:
            return f"{new_places[0].short}{previous}"
        merged = previous
        for alias in sorted({a for p in old_places for a in p.aliases}, key=len, reverse=True):
            merged = merged.replace(alias, "\0")
        return re.sub("\0+", new_places[0].short, merged)
    if new_places:
        return core
    # Keep the earlier question alongside: “其中安全性这一条…” means nothing on its own.
    pointed = point_at(core, history)
    # the item pointed at is what to search for; the question before it would only dilute it
    if pointed != core:
        return pointed
    # … as would its terms beside a term the question quotes itself (那“融合不畅”又是啥意思):
    # only the text the earlier question points at is carried over
    # … or beside a topic it names itself (那风险这块咋兜底): the earlier question's is done with
    if (_QUOTED.search(core) or _OWN_TOPIC.search(core)) and (
        text := _TEXT_POINTED.search(previous)
    ):
        return f"{core}（{text.group()}）"
    return f"{core}（{previous}）"


_QUOTED = re.compile(r"“[^”]{2,20}”|《[^》]{2,30}》")
# 风险这块, 人才那方面: a topic named (not 在这块, pointing back at the one before)
_OWN_TOPIC = re.compile(r"[\u4e00-\u9fff]{2}(?<![在对于从就把给])(?:这|那)一?(?:块|方面)")
_TEXT_POINTED = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:那篇|这篇|那份|这份)")
