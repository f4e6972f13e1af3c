"""A comparison answered side by side: each province the question names (河北：……[n]。辽宁：
……[m]。), each document that answers it, labelled by the name the question gives it
(人民网：……论文：……; 评论：……冀：……), or each thing of one text it compares (`topics.py`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial

from ..schema import Passage
from ..search.mentions import describe, source_named_as, title_named_as
from ..text.abbreviations import expand_abbreviations
from ..text.regions import Province, find_provinces
from ..text.segment import search_terms
from ..tuning import TUNING
from .candidates import Candidate, context, term_coverage
from .chosen import Chosen
from .details import details, parallel
from .generate import GenerationRequest
from .question_types import asks_comparison
from .topics import topic_answer, topic_sides

TUNE = TUNING.answer


def is_about(passage: Passage, province: Province) -> bool:
    text = passage.text + context(passage)
    return passage.chunk.region == province.name or any(a in text for a in province.aliases)


def comparison(request: GenerationRequest, candidates: list[Candidate]) -> list[Candidate]:
    """Each side of a comparison in turn: each province named (its best sentences, labelled
    “河北：”), each document the question names (“人民网：”, “论文：”), or else each document
    that answers (its best sentence first)."""
    question = request.searched
    provinces = find_provinces(question)
    if len(provinces) >= 2:
        sides = {_named_as(p, question): partial(_on_side, province=p) for p in provinces}
        naming = {a for p in provinces for a in (*p.aliases, p.abbreviation)}
        return _each_side(request, candidates, sides, naming)
    names = {c.passage.n: _side_name(request, c.passage, provinces) for c in candidates}
    labels = sorted({n for n in names.values() if n}, key=lambda n: _first_said(n, question))
    if len(labels) >= 2:  # 人民网和论文……: each side is what the question calls it
        sides = {n: (lambda c, n=n: names[c.passage.n] == n) for n in labels}
        passages = {names[c.passage.n]: c.passage for c in candidates}
        naming = {_naming(question, n, describe(passages[n])) for n in labels}
        return _each_side(request, candidates, sides, naming)
    # things of one text set side by side (老城区和新区各是啥定位): each thing a side
    if (topics := topic_sides(question)) and (answered := topic_answer(candidates, topics)):
        return answered
    firsts: dict[str, Candidate] = {}
    for candidate in candidates:
        firsts.setdefault(candidate.passage.chunk.doc_id, candidate)
    best, top = candidates[0], list(firsts.values())[:3]
    sides = [  # close to the best, or a document the question names (冀那篇)
        f
        for f in top
        if f.coverage >= TUNE.comparison_fraction * best.coverage
        or (
            names[f.passage.n]
            and f.coverage >= TUNE.min_coverage * _unnamed_share(request.term_weights, f, top)
        )
    ]
    return _documents(sides, candidates) if len(sides) >= 2 else []


def _each_side(
    request: GenerationRequest,
    candidates: list[Candidate],
    sides: Mapping[str, Callable[[Candidate], bool]],
    naming: set[str],
) -> list[Candidate]:
    """The best sentences of each named side, labelled with its name: those holding enough of
    what the question asks besides the sides' names — or, holding too little, its best one that
    holds some (the question asks about each side; it is answered as well as the side allows).
    None unless two sides are answered."""
    weights = request.term_weights.items()
    asked = {w: v for w, v in weights if not (_names(w, naming) or asks_comparison(w))}
    held = [(c, term_coverage(f"{c.text} {context(c.passage)}", asked)) for c in candidates]
    answer = Chosen(TUNE.comparison_sentences * len(sides), TUNE.listing_chars)
    for label, on_side in sides.items():
        shown = _as_asked(label, request.question)
        side = [(c, share) for c, share in held if on_side(c)]
        enough = [c for c, share in side if share >= TUNE.min_coverage]
        some = [c for c, share in side if share >= TUNE.side_min_coverage]
        taken = 0
        for candidate in enough or some[:1]:
            if taken == TUNE.comparison_sentences:
                break
            # one of a list's short leads (要坚持A。……要坚持B。): the side's answer is the list
            alike = [a for a in parallel(candidate) if on_side(a)] if not taken else []
            for one in alike:
                answer.take(replace(one, label=f"{shown}："), leading=True)
            if alike:  # past the side's share of the answer, not into the other side's
                answer.limit += max(0, len(alike) - TUNE.comparison_sentences)
                break
            # a short first sentence with the one it leads to, if that is of the side too
            leads = [d for d in details(candidate) if on_side(d)] if not taken else []
            for one in (candidate, *leads):
                taken += answer.take(replace(one, label=f"{shown}："))
    return answer.chosen if len({c.label for c in answer.chosen}) >= 2 else []


def _names(word: str, naming: set[str]) -> bool:
    """The question's word names a side (日报 of 青岛日报, 冀), not what is compared."""
    return any(word in name or name in word for name in naming)


def _naming(question: str, name: str, described: str) -> str:
    """The words around a side's name that name it too (农业农村评论: its title says 农业农村):
    the question's characters on either side of it that the document's title and outlet hold."""
    start = question.find(name)
    if start < 0:
        return name
    end = start + len(name)
    while start > 0 and question[start - 1] in described:
        start -= 1
    while end < len(question) and question[end] in described:
        end += 1
    return question[start:end]


def _first_said(name: str, question: str) -> int:
    return question.find(name) if name in question else len(question)


def _unnamed_share(weights: Mapping[str, float], side: Candidate, top: list[Candidate]) -> float:
    """The share of the question's weight a document's side can hold: not the words naming the
    other documents (制造业评论 on 冀's side), which their title or outlet holds."""
    own = f"{side.passage.text} {describe(side.passage)}"
    others = " ".join(describe(t.passage) for t in top if t is not side)
    naming = sum(v for w, v in weights.items() if w in others and w not in own)
    total = sum(weights.values())
    return 1 - naming / total if total else 1.0


def _side_name(request: GenerationRequest, passage: Passage, provinces: list[Province]) -> str:
    """The name the question gives the passage's document: its outlet or kind of text (人民网,
    论文), words of its title (制造业评论), or the province it is of (冀那篇)."""
    question, shown = request.searched, request.passages
    if named := source_named_as(question, passage) or title_named_as(question, passage, shown):
        return named
    own = [p for p in provinces if p.name == passage.chunk.region]
    return _named_as(own[0], question) if own else ""


def _as_asked(named: str, question: str) -> str:
    """The name as the asker wrote it: 工信 for the 工业和信息化 it was searched as."""
    if named in question:
        return named
    short = [w for w in search_terms(question) if len(w) >= 2 and expand_abbreviations(w) == named]
    return short[0] if short else named


def _documents(sides: list[Candidate], candidates: list[Candidate]) -> list[Candidate]:
    """Each document's best sentence in turn, then its others while there is room, unlabelled:
    the question names at most one of them (two named ones are sides of their own, above)."""
    answer = Chosen(TUNE.max_sentences)
    for side in sides:
        answer.take(side)
    for side in sides:
        for candidate in candidates:
            if candidate.passage.chunk.doc_id == side.passage.chunk.doc_id:
                answer.take(candidate)
    order = [side.passage.chunk.doc_id for side in sides]
    return sorted(answer.chosen, key=lambda c: order.index(c.passage.chunk.doc_id))


def _named_as(province: Province, question: str) -> str:
    """The name the question uses for the province (青岛 rather than 山东)."""
    used = [a for a in (*province.aliases, province.abbreviation) if a in question]
    return min(used, key=question.index) if used else province.short


def _on_side(candidate: Candidate, province: Province) -> bool:
    """A sentence for the province's side of a comparison: it names the province, or it comes
    from a passage about the province and names no other (如上海……, in a passage naming 陕西
    too, is 上海's side only)."""
    if any(a in candidate.text for a in province.aliases):
        return True
    named = find_provinces(candidate.text)
    return is_about(candidate.passage, province) and all(p == province for p in named)
