"""What a question names — provinces and documents (by outlet or kind) — as retrieval boosts."""

from __future__ import annotations

from collections.abc import Callable

from ..schema import Chunk
from ..text import lexicon
from ..text.names import quoted
from ..text.regions import Province, find_provinces

Boost = Callable[[Chunk], bool]


def _about(province: Province) -> Boost:
    return lambda c: c.region == province.name or any(a in c.text for a in province.aliases)


def _from(outlet: str) -> Boost:
    return lambda c: outlet in (c.source or "")


def _quoting(phrase: str) -> Boost:
    return lambda c: phrase in c.text


def boosts_for(question: str, known_outlets: set[str]) -> list[Boost]:
    """One boost per place or document the question points at (a province, an outlet named in
    the texts' metadata, “那篇论文”), and per phrase it quotes (“向污染宣战”, 《…》)."""
    boosts = [_about(p) for p in find_provinces(question)]
    boosts += [_quoting(phrase) for phrase in quoted(question)]
    boosts += [_from(o) for o in sorted(known_outlets) if o in question]
    if any(cue in question for cue in lexicon.words("genres", "academic_cues")):
        boosts.append(lambda c: c.level == "academic")
    return boosts
