"""How much of a question's term a text holds: the whole term, a compound's parts, or the parts
of a compound of its synonym group (引才 said 引进人才: 人才) — the asker's words are often not the
texts' own."""

from __future__ import annotations

from ..text.segment import everyday_parts
from ..text.synonyms import found_in, said_apart, synonyms
from ..tuning import TUNING

TUNE = TUNING.answer


def held_share(text: str, term: str) -> float:
    """1 when the text holds the term; for a compound it does not hold whole (科研项目), a part
    of that for each of its words it holds (项目 of 重大科技项目), or for both said a few characters
    apart: the asker's compound is often not the texts' own; for a word that is no compound, a
    part of that for the words of a compound of its synonym group (引才: 人才 of 引进人才)."""
    if found_in(text, term):
        return 1.0
    # 中试平台 in 中试熟化平台: the asker's compound, qualified — or the texts' word it stands for
    if any(said_apart(word, text) for word in term.split("|")):  # 大项目|重大项目: 重大科技项目
        return TUNE.compound_part_credit
    if _parts(term):
        return _part_credit(text, term)
    # 引才 said 引进人才: the parts of a compound its synonym group holds (人才)
    return max((_part_credit(text, s) for w in term.split("|") for s in synonyms(w)), default=0.0)


def _part_credit(text: str, compound: str) -> float:
    """`compound_part_credit` shared out over the compound's words the text holds."""
    parts = _parts(compound)
    return TUNE.compound_part_credit * sum(p in text for p in parts) / len(parts) if parts else 0.0


def _parts(term: str) -> tuple[str, ...]:
    """The words of a compound of everyday words (科研项目: 科研, 项目) — not of a name or term
    jieba had to guess (计算神经科学), nor of one with a rare part (亚硫酸盐): those are the
    thing asked about, and a sentence holding a part of them is about something else."""
    return everyday_parts(term, TUNING.evidence.common_word_frequency)
