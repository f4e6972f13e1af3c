"""Decide from the evidence whether the retrieved passages can answer a question, before generating.

What a question is about decides it: every name it mentions (a place, organisation, programme,
person, title, code — matched as a whole word) must be in the passages (`named.py`), and one
passage must hold most of the weight of its words, each weighted by its rarity in the whole index
(`weights.py`). Everyday words weigh little or nothing, so they never block an answer by
themselves. With a semantic embedding, a passage very close in meaning answers even when the
words differ. The thresholds are measured operating points (`tuning.py`, README).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..index.state import Index
from ..schema import Passage
from ..text import lexicon
from ..text.cities import find_cities
from ..text.names import is_topic_word, names_in
from ..text.regions import find_foreign_places
from ..text.synonyms import asked, present
from ..tuning import TUNING
from .bylines import about_authors, authors_named
from .mentions import points_at, searchable, singles_out
from .named import place_names, unnamed
from .weights import answer_type_words, term_weights

TUNE = TUNING.evidence


@dataclass(frozen=True, slots=True)
class Evidence:
    sufficient: bool
    coverage: float
    missing: tuple[str, ...]
    reason: str = ""
    pointed: bool = False  # sufficient only because the question says where to look


_NEGLIGIBLE = 0.01  # of the weight of a word no passage holds
_COUNTING = re.compile("几|多少")


def _where_named(
    question: str, weights: dict[str, float], texts: list[str]
) -> tuple[list[str], str] | Evidence:
    """The passages naming the foreign places and cities the question names — only they answer
    (巴黎第四区的地理位置: not another town's 地理位置 with 巴黎 in another passage) — and how a
    refusal says where it looked; or the refusal when none names them."""
    named = [p for p in find_foreign_places(question) + find_cities(question) if p in weights]
    naming = [t for t in texts if all(present(p, t) for p in named)]
    if not naming:
        return Evidence(False, 0.0, tuple(named), f"所检索的段落中没有谈到“{named[0]}”的内容")
    return naming, f"谈到“{'、'.join(named)}”的段落中" if len(naming) < len(texts) else ""


def _only_phrasing_missing(found: set[str], missing: tuple[str, ...]) -> bool:
    """Every topic word of the question is in the passage and only verbs are not (营造, 发力):
    the texts say it with other verbs, so that alone never refuses."""
    return any(is_topic_word(asked(w)) for w in found) and not any(
        is_topic_word(asked(w)) for w in missing
    )


def assess(
    index: Index,
    question: str,
    passages: list[Passage],
    closeness: dict[str, float] | None = None,
) -> Evidence:
    """Sufficient when the names the question mentions are in the passages and one passage holds
    most of the weight of its words. `closeness` (a semantic embedding's similarity of the
    question to each passage, when there is one) may vouch for a paraphrase, or veto an answer
    that shares only words."""
    if not passages:
        return Evidence(False, 0.0, (), "资料库中没有检索到相关段落")
    texts = [searchable(p) for p in passages[: TUNE.top_passages]]
    every = "\n".join(searchable(p) for p in passages)
    provinces, places = named = place_names(question)
    # 张明远李思齐那篇: the authors its byline names point at the text, as a place does
    authors, bylines = authors_named(index, question, passages)
    named_in = [*texts, bylines] if authors else texts
    if missing := unnamed(index, question, passages[: TUNE.top_passages], named_in, every, named):
        return Evidence(False, 0.0, (missing,), f"资料中没有关于“{missing}”的内容")
    weights = _asked_weights(index, question, places)
    weights = {w: v for w, v in weights.items() if not about_authors(asked(w), authors)}
    total = sum(weights.values())
    asked_for = answer_type_words(question)
    floor = _NEGLIGIBLE * index.idf("\0")  # 创新 in every text of the library weighs nothing
    substantive = any(v > floor for w, v in weights.items() if asked(w) not in asked_for)
    if not substantive and (provinces or names_in(question) or singles_out(question, passages)):
        # only names, everyday words and the kind of answer asked for (湖南算啥定位), or a
        # document and what is asked of it (求是那篇啥时候发的): what is said about what is named
        return Evidence(True, 1.0, ())
    if not total:
        return Evidence(False, 0.0, tuple(weights), "问题中没有可检索的内容")
    if (meant := _meaning(question, passages, closeness)) is True:
        return Evidence(True, 1.0, ())
    found = _where_named(question, weights, texts)
    if isinstance(found, Evidence):
        return found
    texts, where = found
    # … but what is counted (几家重点实验室) is what the passage must be about
    kinds = set() if _COUNTING.search(question) else asked_for
    pooled = _held_by_best(weights, texts, kinds)
    # the kind of answer asked for (哪几类企业) comes as instances: missing, it weighs less
    for word in (w for w in asked_for & set(weights) if w not in pooled):
        total -= (1 - TUNE.answer_type_factor) * weights[word]
    coverage = sum(weights[w] for w in pooled) / total
    missing = tuple(w for w, v in weights.items() if v and w not in pooled)
    if meant is False:
        return Evidence(False, coverage, missing, "所检索的段落与问题的意思相去较远")
    # 冀那篇, 人民网说: the question says where to look, and the texts there use their own words
    pointed = points_at(question, passages[0])
    if TUNE.anchored_coverage <= coverage < TUNE.min_coverage and pointed:
        return Evidence(True, coverage, missing, pointed=True)
    if coverage < TUNE.min_coverage and _only_phrasing_missing(pooled, missing):
        return Evidence(True, coverage, missing)  # 营造 for 构建: how it is asked, not what
    if coverage < TUNE.min_coverage:
        return Evidence(False, coverage, missing, _not_found(missing, weights, where))
    return Evidence(True, coverage, missing)


def _asked_weights(index: Index, question: str, places: set[str]) -> dict[str, float]:
    """The question's words by weight, without its place names, which choose the passages and
    are not what is asked about (“山东有哪些举措？”), nor the parts of a document it says to look
    in (那篇收尾说), nor the kind asked for (啥类型的企业)."""
    left_out = places | set(lexicon.words("question_types", "document_parts"))
    left_out |= answer_type_words(question) & lexicon.word_set("question_types", "kind_nouns")
    return {w: v for w, v in term_weights(index, question).items() if w not in left_out}


def _meaning(
    question: str, passages: list[Passage], closeness: dict[str, float] | None
) -> bool | None:
    """A semantic embedding's say: True when the best passage is close enough to vouch for a
    paraphrase, False when all are far in meaning — unless the question singles out its document
    (冀那篇, 人民网说: an everyday question is far from a text's official wording); else None."""
    if not closeness:
        return None
    near = max(closeness.get(p.chunk.chunk_id, 0.0) for p in passages[: TUNE.top_passages])
    if near >= TUNE.semantic_sure:
        return True
    if near < TUNE.semantic_floor and not singles_out(question, passages, points_at):
        return False
    return None


def _held_by_best(weights: dict[str, float], texts: list[str], kinds: set[str]) -> set[str]:
    """The question's words the best passages hold (`pooled_passages` of them together); the
    kind of answer asked for (什么职务) counts for little in choosing them, as in the coverage."""
    weighed = {w: v * (TUNE.answer_type_factor if w in kinds else 1) for w, v in weights.items()}
    held = sorted(
        ({w for w in weights if present(w, text)} for text in texts),
        key=lambda found: -sum(weighed[w] for w in found),
    )
    return set().union(*held[: TUNE.pooled_passages])


def _not_found(missing: tuple[str, ...], weights: dict[str, float], where: str) -> str:
    """The refusal's reason: the heaviest words missing, and where they were looked for."""
    shown = "、".join(asked(w) for w in sorted(missing, key=lambda w: -weights[w])[:3])
    return (
        f"{where or '资料中'}找不到与“{shown}”相关的内容" if shown else "所检索的段落与问题关系不大"
    )
