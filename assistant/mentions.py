"""What a question names — provinces and documents (by outlet or kind) — as retrieval boosts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .regions import Province, find_provinces
from .schema import Chunk

Boost = Callable[[Chunk], bool]
_ACADEMIC = re.compile(r"论文|学刊|学术|学者|期刊")


def _about(province: Province) -> Boost:
    return lambda c: c.region == province.name or any(a in c.text for a in province.aliases)


def _from(outlet: str) -> Boost:
    return lambda c: outlet in (c.source or "")


def outlets(chunks: Iterable[Chunk]) -> set[str]:
    """Every outlet named in chunk metadata (“经济日报、工信微报” counts as two)."""
    return {name for c in chunks if c.source for name in re.split(r"[、，,/]", c.source) if name}


def boosts_for(question: str, known_outlets: set[str]) -> list[Boost]:
    """One boost per place or document the question points at (“辽宁”, “青岛日报”, “那篇论文”)."""
    boosts = [_about(p) for p in find_provinces(question)]
    boosts += [_from(o) for o in sorted(known_outlets) if o in question]
    if _ACADEMIC.search(question):
        boosts.append(lambda c: c.level == "academic")
    return boosts
