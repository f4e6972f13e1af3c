"""“除了A、B，剩下的是什么？”: the rest of a list the question has begun.

The passages answer it only if the list they give A and B in goes on past them. When every
passage that lists A and B stops there (“围绕A、B等6条产业链”), the rest is not in the texts
and the answer says so rather than repeating the two items the asker already named.
"""

from __future__ import annotations

import re

from .candidates import Candidate

_NAMED = re.compile(
    r"(?:除了|除去|除开|(?:^|(?<=[，,]))除)(?P<items>[^，,。？?\s]{2,40}?)(?:以外|之外|外)?[，,\s]"
    r"[^。？?]*(?:剩下|剩余|其余|其他|其它|另外|还有|别的)"
)
_SEPARATOR = re.compile(r"、|和|与|及|以及|跟")
_ITEM_END = "，,。；;：:（(）)“”\n"


def named_items(question: str) -> list[str]:
    """The items a “除了A、B，剩下……” question names, or none if it is not one."""
    match = _NAMED.search(question)
    if not match:
        return []
    items = [i.strip() for i in _SEPARATOR.split(match.group("items"))]
    items = [re.sub(r"^(?:那|这)?[些个几]?", "", i) for i in items]
    items = [re.sub(r"(?:那|这)[个条项种类家块些]?$", "", i) for i in items]  # 医药那条
    return [i for i in items if len(i) >= 2]


_LEFT_OUT = re.compile(
    r"除了?(?P<out>[^，,。？?]{2,30}?)(?:以外|之外|外)?[，,\s]*(?=还|也|又|另|其他|其它|别的)"
)


def left_out(question: str) -> str:
    """What a “除了A，还……” question sets aside (冀那篇AI除了用在工厂里 还往哪些行当推: 用在工厂里):
    the answer is about something else — unless it asks for the rest of a list A begins."""
    match = _LEFT_OUT.search(question)
    return match.group("out") if match and not named_items(question) else ""


def listed_with(items: list[str], sentence: str) -> list[str] | None:
    """The items of the list in which the sentence names all of `items` — items joined by 、,
    up to the 等 that ends the list (“围绕A、B等6条产业链及C、D等5个集群” holds two lists) —
    or None if it does not name them together in one list."""
    for clause in re.split(rf"[{_ITEM_END}]", sentence):
        if not all(i in clause or i in clause.replace("、", "") for i in items):
            continue  # 除了A B: items the question runs together (AB) are items of the list
        ended = re.sub(r"等[^、]*?(?=以及|及|和|与|、|$)", "|", clause)
        runs = ended.split("|")
        for n, run in enumerate(runs):
            links = [re.sub(r"^(?:以及|及|和|与)", "", x).strip() for x in run.split("、")]
            links = [x for link in links for x in _SEPARATOR.split(link) if x.strip()]
            listing = len(links) >= 2 or n < len(runs) - 1  # two items, or one before 等
            if listing and all(any(i in x for x in links) or _run_of(i, links) for i in items):
                return links
    return None


def _run_of(item: str, links: list[str]) -> bool:
    """The item is list items run together (氢能生物医药 of 氢能、生物医药)."""
    return item in "".join(links)


def _names(item: str, link: str) -> bool:
    """The question's item names this link of the list, or begins in it (氢能生物医药 in
    围绕氢能)."""
    return item in link or link in item or any(link.endswith(item[:k]) for k in range(2, len(item)))


def unlisted(question: str, candidates: list[Candidate]) -> str:
    """Why the passages cannot answer a question about the rest of a list, or "" if they can
    (or the question asks no such thing)."""
    items = named_items(question)
    if not items:
        return ""
    lists = [found for c in candidates if (found := listed_with(items, c.text)) is not None]
    goes_on = any(not any(_names(i, x) for i in items) for found in lists for x in found)
    if not lists or goes_on:
        return ""
    return f"资料中只列出了“{_as_written(items, [c.text for c in candidates])}”，没有列出其余各项"


def _as_written(items: list[str], texts: list[str]) -> str:
    """The items as the passage lists them (氢能、生物医药, however the question ran them)."""
    pattern = "[、和与及]?".join(map(re.escape, "".join(items)))
    found = next((m.group() for text in texts if (m := re.search(pattern, text))), None)
    return found or "、".join(items)
