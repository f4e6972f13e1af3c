"""Decide from the evidence whether the retrieved passages can answer a question, before generating.

What a question is about decides it: every name it mentions (a place, organisation, programme,
person, title, code — matched as a whole word, `text/names.py`) must be in the passages, and one
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
from ..text.expressions import defined_term
from ..text.listing import counted_list
from ..text.names import is_idiom, is_topic_word, names_in, quoted
from ..text.openings import (
    broken_subject,
    holds_subject,
    opening_name,
    opening_nouns,
    opening_run,
    subject_words,
)
from ..text.regions import Province, find_foreign_places, find_provinces, region_groups
from ..text.segment import expand_abbreviations, tagged
from ..text.synonyms import asked, holds, said_apart, spelled_otherwise, synonyms
from ..tuning import TUNING
from .mentions import describe, points_at, searchable, singles_out
from .weights import answer_type_words, term_weights, word_weight

TUNE = TUNING.evidence


@dataclass(frozen=True, slots=True)
class Evidence:
    sufficient: bool
    coverage: float
    missing: tuple[str, ...]
    reason: str = ""
    pointed: bool = False  # sufficient only because the question says where to look


def present(word: str, text: str) -> bool:
    """The word is in the text, or a word of its synonym group (托底 → 兜底, 搭建 → 建设: whether
    the passages say it at all, not which sentence says it best), or is spelled there with one
    of its words put another way (普通高校 → 普通高等学校); a two-character contraction
    counts when both its characters open nearby words (引育 → 引进……培育)."""
    word = asked(word)
    if holds(text, word) or any(s in text for s in spelled_otherwise(word)):
        return True
    if said_apart(word, text):
        return True  # 基础学科 → 基础研究学科
    if len(word) != 2:
        return False
    return bool(re.search(rf"{re.escape(word[0])}.{{0,6}}{re.escape(word[1])}", text))


def _place_names(question: str) -> tuple[list[Province], set[str]]:
    provinces = find_provinces(question)
    words = {a for p in provinces for a in (*p.aliases, p.abbreviation)}
    words |= {n for g in region_groups() for n in g.names if n in question}
    return provinces, words


def _missing_place(question: str, provinces: list[Province], every: str) -> Evidence | None:
    for group in (g for g in region_groups() if any(n in question for n in g.names)):
        if not any(name in every for name in group.names):  # 京津冀, 长三角, 川渝 …
            return Evidence(False, 0.0, (group.name,), f"资料中没有关于“{group.name}”的内容")
    for place in find_foreign_places(question) + find_cities(question):
        if place not in every:
            return Evidence(False, 0.0, (place,), f"资料中没有关于“{place}”的内容")
    for province in provinces:
        if not any(alias.lower() in every for alias in province.aliases):
            return Evidence(
                False, 0.0, (province.short,), f"资料中没有关于“{province.short}”的内容"
            )
    return None


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


def _missing_subject(question: str, places: set[str], texts: list[str]) -> Evidence | None:
    """The question's subject (“阿部重次的……”) must be in one passage, all its words together;
    a subject jieba cut into pieces (狭|叶|艾纳香) as written; a rare noun it opens with (羊水|
    栓塞……) in one of the passages."""
    words = [w for w in subject_words(question) if w not in places]
    subject = "".join(words)
    if len(words) >= 2 and not any(all(w.lower() in text for w in words) for text in texts):
        return Evidence(False, 0.0, (subject,), f"资料中没有关于“{subject}”的内容")
    term = defined_term(question, whole=True).strip().lower()
    if (
        _TERM.fullmatch(term)
        and not re.search(_POINTING, term)
        and not any(term in t for t in texts)
    ):
        return Evidence(False, 0.0, (term,), f"资料中没有关于“{term}”的内容")  # 什么是X
    for word in opening_nouns(question):
        if word in places:
            break  # what follows a place is what is asked about it (京津冀|合伙|培育)
        if not any(present(word, text) for text in texts):
            return Evidence(False, 0.0, (word,), f"资料中没有关于“{word}”的内容")
    broken = broken_subject(question)
    if (
        broken
        and not any(p in broken for p in places)
        and not any(holds_subject(t, broken) for t in texts)
    ):
        return Evidence(False, 0.0, (broken,), f"资料中没有关于“{broken}”的内容")
    opening = opening_name(question)
    if not opening or expand_abbreviations(opening) != opening or find_provinces(opening):
        return None  # places are checked by their aliases (冀辽两省)
    if any(opening.lower() in text for text in texts):
        return None
    return Evidence(False, 0.0, (opening,), f"资料中没有关于“{opening}”的内容")


_NEGLIGIBLE = 0.01  # of the weight of a word no passage holds
_TERM = re.compile(r"[^\s《》“”什么哪谁何]{2,6}")  # a term, not a phrase or a question
_POINTING = "[该此这那本其]"  # 该书是什么: the term points back, the passages may name it otherwise
_LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{2,}(?![A-Za-z])")  # Ember, Python: a name


def _missing_name(question: str, places: set[str], texts: list[str]) -> Evidence | None:
    for name in [*names_in(question), *_LATIN_NAME.findall(question)]:
        if name in places or any(name in p for p in places):
            continue  # places are checked above, by their aliases and the passages' regions
        if is_idiom(name) and name not in quoted(question):
            continue  # an idiom jieba tags as a name (武艺超群): a question's wording, unless
            # quoted as a name («碧草如茵»景致)
        if re.search(rf"的{re.escape(name)}(?:是|叫)(?:什么|啥)", question):
            continue  # what is asked of the subject (……的英文名是什么), not a name it mentions
        spellings = [name, *spelled_otherwise(name)]  # 普通高校 as 普通高等学校
        if any(counted_list(name, text) for text in texts):
            continue  # “三化”: the passage lists 数字化、网络化、智能化
        if not any(s.lower() in text for text in texts for s in spellings):
            return Evidence(False, 0.0, (name,), f"资料中没有关于“{name}”的内容")
    return None


def _missing_organisation(question: str, texts: list[str]) -> Evidence | None:
    """An organisation named by several words (越南|投资|发展|银行) must be in one passage as
    written, or without the place it opens with: a passage about another bank of the same
    country holds every word but not the name."""
    heads = set(lexicon.words("expressions", "organisation_heads"))
    run: list[str] = []
    for word, flag in tagged(question):
        if word in heads and len(run) >= 2:
            name, local = "".join(run) + word, "".join(run[1:]) + word
            if not any(name.lower() in text or local.lower() in text for text in texts):
                return Evidence(False, 0.0, (name,), f"资料中没有关于“{name}”的内容")
        run = [*run, word] if flag[0] in "nj" or flag in ("vn", "l", "eng") else []
    return None


def _unseen_subject(
    index: Index, question: str, places: set[str], passages: list[Passage], texts: list[str]
) -> Evidence | None:
    """A noun the question opens with (野驴, 第1|舰队) that the whole library never uses and no
    passage holds: the library has nothing on the question's subject, however common the word.
    After a place, a kind of text or an outlet (辽宁|留人, 论文|收尾, 新华网|文章) comes what
    is asked of it. `texts` are the passages' searchable texts."""
    described = " ".join(describe(p) for p in passages).lower()
    stops = places | set(lexicon.words("question_types", "text_kinds"))
    for word in opening_run(question):
        if word in stops or word.lower() in described:
            return None
        unseen = word_weight(index, word) is None and not any(
            index.document_frequency(s) for s in synonyms(word)
        )
        if unseen and not any(present(word, text) for text in texts):
            return Evidence(False, 0.0, (word,), f"资料中没有关于“{word}”的内容")
    return None


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
    provinces, places = _place_names(question)
    if missing := (
        _missing_place(question, provinces, every)
        or _missing_name(question, places, texts)
        or _missing_subject(question, places, texts)
        or _missing_organisation(question, texts)
        or _unseen_subject(index, question, places, passages[: TUNE.top_passages], texts)
    ):
        return missing
    weights = _asked_weights(index, question, places)
    total = sum(weights.values())
    asked_for = answer_type_words(question)
    floor = _NEGLIGIBLE * index.idf("\0")  # 创新 in every text of the library weighs nothing
    substantive = any(v > floor for w, v in weights.items() if asked(w) not in asked_for)
    if not substantive and (provinces or names_in(question)):
        # only names, everyday words and the kind of answer asked for (湖南算啥定位):
        # what the texts say about what is named
        return Evidence(True, 1.0, ())
    if not total:
        return Evidence(False, 0.0, tuple(weights), "问题中没有可检索的内容")
    if (meant := _meaning(question, passages, closeness)) is True:
        return Evidence(True, 1.0, ())
    found = _where_named(question, weights, texts)
    if isinstance(found, Evidence):
        return found
    texts, where = found
    pooled = _held_by_best(weights, texts)
    # the kind of answer asked for (哪几类企业) comes as instances: missing, it weighs less
    for word in (w for w in asked_for & set(weights) if w not in pooled):
        total -= (1 - TUNE.answer_type_factor) * weights[word]
    coverage = sum(weights[w] for w in pooled) / total
    missing = tuple(w for w, v in weights.items() if v and w not in pooled)
    if meant is False:
        return Evidence(False, coverage, missing, "所检索的段落与问题的意思相去较远")
    # 冀那篇, 新华网说: the question says where to look, and the texts there use their own words
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
    in (那篇收尾说)."""
    left_out = places | set(lexicon.words("question_types", "document_parts"))
    return {w: v for w, v in term_weights(index, question).items() if w not in left_out}


def _meaning(
    question: str, passages: list[Passage], closeness: dict[str, float] | None
) -> bool | None:
    """A semantic embedding's say: True when the best passage is close enough to vouch for a
    paraphrase, False when all are far in meaning — unless the question singles out its document
    (冀那篇, 新华网说: an everyday question is far from a text's official wording); else None."""
    if not closeness:
        return None
    near = max(closeness.get(p.chunk.chunk_id, 0.0) for p in passages[: TUNE.top_passages])
    if near >= TUNE.semantic_sure:
        return True
    if near < TUNE.semantic_floor and not singles_out(question, passages, points_at):
        return False
    return None


def _held_by_best(weights: dict[str, float], texts: list[str]) -> set[str]:
    """The question's words the best passages hold (`pooled_passages` of them together)."""
    held = sorted(
        ({w for w in weights if present(w, text)} for text in texts),
        key=lambda found: -sum(weights[w] for w in found),
    )
    return set().union(*held[: TUNE.pooled_passages])


def _not_found(missing: tuple[str, ...], weights: dict[str, float], where: str) -> str:
    """The refusal's reason: the heaviest words missing, and where they were looked for."""
    shown = "、".join(asked(w) for w in sorted(missing, key=lambda w: -weights[w])[:3])
    return (
        f"{where or '资料中'}找不到与“{shown}”相关的内容" if shown else "所检索的段落与问题关系不大"
    )
