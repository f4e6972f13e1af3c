"""The offline generator: an answer composed of the passages' sentences, verbatim.

The sentence that answers comes first (for “何时” one with a date, for “谁” one naming a person
or organisation, …), then at most a few that add to it; a comparison is answered side by side
(河北：……[n]。辽宁：……[m]。). Each sentence ends with the `[n]` of its passage, so numbers are
copied exactly and every claim is traceable. Headings, bylines and boilerplate are never quoted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace

from ..llm.faults import Budget, Restart
from ..schema import Passage
from ..search.mentions import names_source, singles_out, source_named_as
from ..text.listing import announces
from ..text.overlap import NearDuplicates
from ..text.regions import Province, find_provinces
from ..text.synonyms import asked
from ..tuning import TUNING
from .about import document_answer
from .asked_fact import has_the_fact
from .candidates import (
    Candidate,
    context,
    is_answer_sentence,
    score_all,
    sentence_features,
    term_coverage,
)
from .details import antecedent, details, items
from .first import answering
from .generate import REFUSAL, GenerationRequest
from .question_types import FACTOID, classify, definienda, question_parts
from .remaining import unlisted
from .wording import question_pairs

TUNE = TUNING.answer
_LISTING = ("list", "how")  # questions a numbered list answers whole
_NAMING = frozenset({"when", "who", "where"})  # answered by a name or date: only close sentences
_MISSING_FACT = {"quantity": "资料中没有与之对应的具体数据", "when": "资料中没有与之对应的具体时间"}


__all__ = ["ExtractiveGenerator", "is_answer_sentence", "select_sentences", "term_coverage"]


class ExtractiveGenerator:
    """Offline answers: the passages' most relevant sentences, verbatim, each ending with `[n]`."""

    model_name = "extractive"
    prompt_version = "extractive@2"
    system_prompts: tuple[str, ...] = ()

    def reply(
        self, request: GenerationRequest, *, streaming: bool = False, budget: Budget | None = None
    ) -> Iterator[str | Restart]:
        """The answer sentence by sentence (all at once when not streaming)."""
        pieces = self._pieces(request)
        return pieces if streaming else iter(["".join(pieces)])

    def answer(self, request: GenerationRequest) -> str:
        return "".join(self._pieces(request))

    @staticmethod
    def _pieces(request: GenerationRequest) -> Iterator[str]:
        if recorded := document_answer(request.searched, request.passages):
            yield recorded  # when, where, by whom the document was published: its record
            return
        chosen, reason = select_sentences(request)
        if not chosen:
            yield f"{REFUSAL[:-1]}：{reason}。"
            return
        label = ""
        for candidate in chosen:  # a side's label once, before its first sentence
            shown, label = ("" if candidate.label == label else candidate.label), candidate.label
            yield _cite(shown + candidate.text, candidate.passage.n)


def _cite(sentence: str, n: int) -> str:
    """Put `[n]` before the closing punctuation, which stays outside: “……[1]。”."""
    match = re.search(r"([。！？!?…；;]+)([”’」』）)]*)$", sentence)
    if not match:
        return f"{sentence}[{n}]。"
    stop = "。" if match.group(1) in ("；", ";") else match.group(1)
    return f"{sentence[: match.start()]}[{n}]{stop}{match.group(2)}"


def _about(passage: Passage, province: Province) -> bool:
    text = passage.text + context(passage)
    return passage.chunk.region == province.name or any(a in text for a in province.aliases)


def _on_side(candidate: Candidate, province: Province) -> bool:
    """A sentence for the province's side of a comparison: it names the province, or it comes
    from a passage about the province and names no other (如上海……, in a passage naming 陕西
    too, is 上海's side only)."""
    if any(a in candidate.text for a in province.aliases):
        return True
    named = find_provinces(candidate.text)
    return _about(candidate.passage, province) and all(p == province for p in named)


def _candidates(request: GenerationRequest, kind: str) -> list[Candidate]:
    weights = request.term_weights
    # A question about a province is answered from passages about it, never another's.
    named = find_provinces(request.searched)
    ask = (
        request.searched,
        kind,
        question_pairs(request.searched),
        definienda(kind, weights, request.searched),
    )
    # … and one naming its document (新华网那篇, 那篇论文) from that document's (河北和求是那篇: either).
    documents = {p.chunk.doc_id for p in request.passages if names_source(request.searched, p)}
    rows = []
    for rank, passage in enumerate(request.passages):
        about = passage.chunk.doc_id in documents or any(_about(passage, p) for p in named)
        if (named or documents) and not about:
            continue
        rows += sentence_features(passage, rank, ask, weights)
    return score_all(rows)


class _Answer:
    """The sentences chosen so far, within the answer's limits."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.chosen: list[Candidate] = []
        self._seen = NearDuplicates(TUNE.duplicate_overlap)

    def fits(self, candidate: Candidate) -> bool:
        if not self.chosen:
            return True  # the answering sentence, however long
        length = sum(len(c.text) for c in self.chosen) + len(candidate.text)
        return len(self.chosen) < self.limit and length <= TUNE.max_chars

    def take(self, candidate: Candidate, *, leading: bool = False) -> bool:
        """Add `candidate` if it fits (a leading one, answering a part of the question, always
        does) and is not already said."""
        if any(c.key == candidate.key for c in self.chosen):
            return False
        if not (leading or self.fits(candidate)):
            return False
        if not self._seen.add(candidate.text):
            return False
        self.chosen.append(candidate)
        return True


def _named_as(province: Province, question: str) -> str:
    """The name the question uses for the province (青岛 rather than 山东)."""
    used = [a for a in (*province.aliases, province.abbreviation) if a in question]
    return min(used, key=question.index) if used else province.short


def _comparison(request: GenerationRequest, candidates: list[Candidate]) -> list[Candidate]:
    """Each side of a comparison in turn: each province named (its best sentences, labelled
    “河北：”), or else each document that answers (its best sentence first)."""
    provinces = find_provinces(request.searched)
    answer = _Answer(TUNE.comparison_sentences * max(len(provinces), 2))
    if len(provinces) >= 2:
        for province in provinces:
            label = f"{_named_as(province, request.searched)}："
            side = [c for c in candidates if _on_side(c, province)]
            floor = TUNE.min_coverage * _own_share(request.term_weights, province, provinces)
            for candidate in side[: TUNE.comparison_sentences]:
                if candidate.coverage >= floor:
                    answer.take(replace(candidate, label=label))
        return answer.chosen if len({c.label for c in answer.chosen}) >= 2 else []
    firsts: dict[str, Candidate] = {}
    for candidate in candidates:
        firsts.setdefault(candidate.passage.chunk.doc_id, candidate)
    best = candidates[0]
    sides = [  # close to the best, or a document the question names (新华网和论文……)
        f
        for f in list(firsts.values())[:3]
        if f.coverage >= TUNE.comparison_fraction * best.coverage
        or (f.coverage >= TUNE.min_coverage and source_named_as(request.searched, f.passage))
    ]
    return _documents(sides, candidates, request.searched) if len(sides) >= 2 else []


def _documents(
    sides: list[Candidate], candidates: list[Candidate], question: str
) -> list[Candidate]:
    """Each document's best sentences in turn, labelled by the name the question gives it
    (新华网：……论文：……) when it names each; its best sentence first, a second when there is room
    (from its own article, in a compilation of several)."""
    labels = [source_named_as(question, side.passage) for side in sides]
    named = "" not in labels and len(set(labels)) == len(labels)
    answer = _Answer(TUNE.max_sentences)
    for side, label in zip(sides, labels, strict=True):
        answer.take(replace(side, label=f"{label}：" if named else ""))
    for side, label in zip(sides, labels, strict=True):
        for candidate in candidates:
            same = candidate.passage.chunk.doc_id == side.passage.chunk.doc_id
            if same and (not named or source_named_as(question, candidate.passage) == label):
                answer.take(replace(candidate, label=f"{label}：" if named else ""))
    order = [side.passage.chunk.doc_id for side in sides]
    return sorted(answer.chosen, key=lambda c: order.index(c.passage.chunk.doc_id))


def _own_share(weights: Mapping[str, float], province: Province, named: list[Province]) -> float:
    """The share of the question's weight a sentence on the province's side can hold: not the
    other sides' names (上海 on 陕西's side)."""
    others = {a for p in named if p != province for a in (*p.aliases, p.abbreviation)}
    total = sum(weights.values())
    return 1 - sum(v for w, v in weights.items() if w in others) / total if total else 1.0


def select_sentences(request: GenerationRequest) -> tuple[list[Candidate], str]:
    """The answer's sentences, the answering one first; or none and the reason there is none."""
    kind = classify(request.searched)
    candidates = _candidates(request, kind)
    if not candidates or _too_little(request, candidates):
        return [], "所检索的段落中没有回答该问题的句子"
    if kind in _MISSING_FACT and not has_the_fact(kind, request, candidates):
        return [], _MISSING_FACT[kind]
    if reason := unlisted(request.searched, candidates[: TUNE.max_sentences * 2]):
        return [], reason  # 除了A、B，剩下的呢: the texts list no more than A and B
    if kind == "comparison" and (sides := _comparison(request, candidates)):
        return sides, ""
    best = answering(kind, request.searched, candidates, request.term_weights)
    leading = _part_answers(request) or [best]
    candidates = [best] + [c for c in candidates if c is not best]
    limit = TUNE.factoid_sentences if kind in FACTOID else TUNE.max_sentences
    if kind in _NAMING:
        limit = TUNE.named_sentences
    answer = _Answer(limit + len(leading) - 1)
    listing = kind in _LISTING  # asked for ways or a list, a list comes whole, past the limits
    for first in leading:
        for cause in antecedent(first, kind, request.searched, request.passages):
            answer.take(cause, leading=True)  # the sentence it follows from comes before it
        answer.take(first, leading=True)
        # a list it announces comes right after it — or, asked for a list, the rest of a list it
        # opens (一要……。二要……。)
        for item in items(first, from_first=listing):
            answer.take(item, leading=listing or announces(first.text))
    led = len(answer.chosen)
    for first in leading:  # a short answering sentence's content is in the next one, however long
        for detail in details(first):
            answer.take(detail, leading=True)
            for item in items(detail):  # … and a list that one announces (今后准备采取以下措施：)
                answer.take(item, leading=listing or announces(detail.text))
    keep = TUNE.named_keep_fraction if kind in _NAMING else TUNE.keep_fraction
    floor = max(TUNE.min_coverage, keep * best.coverage)
    for candidate in candidates:
        if candidate is not best and candidate.coverage < floor:
            continue
        if answer.take(candidate):
            for more in [*items(candidate), *details(candidate)]:
                answer.take(more)  # within the answer's limits
    return in_order(answer.chosen[:led], answer.chosen[led:]), ""


def _too_little(request: GenerationRequest, candidates: list[Candidate]) -> bool:
    """The best sentence holds too little of the question's weight to answer it — a lower share
    will do when the question singles out its document (那篇论文, 新华网说), and from any of the
    few best-ranked sentences: that text says it in its own words (as the passages may,
    `evidence.assess`)."""
    best = candidates[0]
    rest = [p for p in request.passages if p is not best.passage]
    if singles_out(request.searched, [best.passage, *rest]):
        floor = TUNING.evidence.anchored_coverage
        return all(c.coverage < floor for c in candidates[: TUNE.coverage_ranks])
    return best.coverage < TUNE.min_coverage


def in_order(firsts: list[Candidate], rest: list[Candidate]) -> list[Candidate]:
    """The answering sentences first, then the rest in reading order (a definition asked for
    leads) — save that the sentence right after the last answering one follows it, since it goes
    on from it (“其叶螺旋状排列……。成熟的树的叶则呈鳞状……”)."""
    after = (firsts[-1].passage.n, firsts[-1].position + 1) if firsts else None
    return [
        *firsts,
        *sorted(rest, key=lambda c: (c.key != after, not c.defines, c.passage.n, c.position)),
    ]


def _part_answers(request: GenerationRequest) -> list[Candidate]:
    """The answering sentence of each part of the question, in the question's order."""
    firsts: list[Candidate] = []
    for part in question_parts(request.searched):
        weights = {w: v for w, v in request.term_weights.items() if asked(w) in part}
        kind = classify(part)
        candidates = _candidates(
            replace(request, question=part, query=part, term_weights=weights), kind
        )
        if not candidates or candidates[0].coverage < TUNE.min_coverage:
            continue
        first = answering(kind, part, candidates, weights)
        if all(first.key != c.key for c in firsts):
            firsts.append(first)
    return firsts
