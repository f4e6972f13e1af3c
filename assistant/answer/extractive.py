"""The offline generator: an answer composed of the passages' most relevant sentences, verbatim.

Each sentence ends with the `[n]` of its passage, so numbers are copied exactly and every claim
is traceable. Headings, bylines and boilerplate are never quoted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from ..llm.faults import Budget, Restart
from ..schema import Passage
from ..text import lexicon
from ..text.clean import looks_like_heading
from ..text.overlap import NearDuplicates
from ..text.regions import find_provinces
from ..text.sentences import lead_details, split_sentences, strip_connective
from ..tuning import TUNING
from .generate import REFUSAL, GenerationRequest

TUNE = TUNING.answer
_DIGIT = re.compile(r"\d+(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d(?=年)")


@cache
def _question_type(kind: str) -> re.Pattern[str]:
    return re.compile(lexicon.alternation("question_types", kind), re.I)


@cache
def _byline() -> re.Pattern[str]:
    return re.compile(rf"^(?:{lexicon.alternation('bylines')})")


@dataclass(frozen=True, slots=True)
class _Candidate:
    passage: Passage
    position: int
    text: str
    coverage: float
    score: float
    defines: bool = False  # says “X是……” for the X a “什么是X” question asks about


class ExtractiveGenerator:
    """Offline answers: the passages' most relevant sentences, verbatim, each ending with `[n]`."""

    model_name = "extractive"
    prompt_version = "extractive@1"
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
        chosen, reason = select_sentences(request)
        if not chosen:
            yield f"{REFUSAL[:-1]}：{reason}。"
            return
        for candidate in chosen:
            yield _cite(candidate.text, candidate.passage.n)


def _cite(sentence: str, n: int) -> str:
    """Put `[n]` before the closing punctuation, which stays outside: “……[1]。”."""
    match = re.search(r"([。！？!?…；;]+)([”’」』）)]*)$", sentence)
    if not match:
        return f"{sentence}[{n}]。"
    stop = "。" if match.group(1) in ("；", ";") else match.group(1)
    return f"{sentence[: match.start()]}[{n}]{stop}{match.group(2)}"


def is_answer_sentence(sentence: str) -> bool:
    if len(sentence) < TUNE.min_sentence_chars or _byline().match(sentence):
        return False
    return not looks_like_heading(sentence)


def term_coverage(text: str, weights: Mapping[str, float]) -> float:
    total = sum(weights.values())
    if not total:
        return 0.0
    lowered = text.lower()
    return sum(w for term, w in weights.items() if term in lowered) / total


def _context(passage: Passage) -> str:
    chunk = passage.chunk
    return f"{chunk.title} {chunk.heading} {chunk.source or ''} {chunk.region or ''} {chunk.date or ''}"


def _about_places(passage: Passage, aliases: list[str]) -> bool:
    text = passage.text + _context(passage)
    return any(alias in text for alias in aliases)


def _sentences(passage: Passage) -> list[str]:
    return split_sentences(passage.text, max_chars=TUNE.sentence_max_chars)


def _definienda(request: GenerationRequest) -> list[str]:
    """For “什么是X”, the X: a sentence that says “X是……” is the answer."""
    if not _question_type("definition").search(request.question):
        return []
    weights = request.term_weights
    return [t for t in sorted(weights, key=weights.get, reverse=True)[:2] if len(t) >= 2]


def _candidates(request: GenerationRequest) -> list[_Candidate]:
    weights = request.term_weights
    wants_number = bool(_question_type("quantity").search(request.question))
    definienda = _definienda(request)
    defines = lexicon.alternation("question_types", "defines")
    # A question about a province is answered from passages about it, never another's.
    aliases = [alias for p in find_provinces(request.question) for alias in p.aliases]
    candidates: list[_Candidate] = []
    for rank, passage in enumerate(request.passages):
        if aliases and not _about_places(passage, aliases):
            continue
        # Terms met by the passage's title, outlet or region hold for each of its sentences.
        context = _context(passage)
        for position, sentence in enumerate(_sentences(passage)):
            if not is_answer_sentence(sentence):
                continue
            sentence = strip_connective(sentence)
            coverage = term_coverage(f"{sentence} {context}", weights)
            score = coverage + TUNE.rank_bonus / (rank + 1)
            if wants_number and _DIGIT.search(sentence):
                score += TUNE.figure_bonus
            says = any(
                re.match(rf"^(?:所谓)?“?{re.escape(t)}”?(?:{defines})", sentence)
                for t in definienda
            )
            score += TUNE.definition_bonus if says else 0.0
            candidates.append(_Candidate(passage, position, sentence, coverage, score, says))
    return sorted(candidates, key=lambda c: -c.score)


def _has_the_figure(request: GenerationRequest, candidates: list[_Candidate]) -> bool:
    """A “多少” question needs a relevant sentence with a figure, for the year asked about."""
    years = set(_YEAR.findall(request.question))
    for candidate in candidates:
        figures = _DIGIT.findall(_YEAR.sub("", candidate.text))
        digits = set(figures) - set(_DIGIT.findall(request.question))
        if not digits or candidate.coverage < TUNE.min_figure_coverage:
            continue
        context = candidate.text + _context(candidate.passage)
        if all(year in context for year in years):
            return True
    return False


def _details(candidate: _Candidate) -> list[_Candidate]:
    """The sentence after a short lead sentence (“二是建立科技成果转化平台。”) carries its content."""
    if len(candidate.text) >= TUNE.lead_sentence_chars:
        return []
    sentences = _sentences(candidate.passage)
    positions = lead_details(sentences, candidate.position, limit=1, usable=is_answer_sentence)
    return [
        _Candidate(
            candidate.passage,
            p,
            strip_connective(sentences[p]),
            candidate.coverage,
            candidate.score,
        )
        for p in positions
    ]


def _leaders(request: GenerationRequest, candidates: list[_Candidate]) -> list[_Candidate]:
    """The sentences that must open the answer: the best one, or for a comparison the best
    sentence of each document."""
    best = candidates[0]
    if not _question_type("comparison").search(request.question):
        return [best]
    firsts: dict[str, _Candidate] = {}
    for candidate in candidates:
        firsts.setdefault(candidate.passage.chunk.doc_id, candidate)
    leaders = [c for c in firsts.values() if c.coverage >= TUNE.comparison_fraction * best.coverage]
    return leaders[:3]


def select_sentences(request: GenerationRequest) -> tuple[list[_Candidate], str]:
    """Pick the few sentences that best cover the question's terms, in reading order.

    Returns the sentences, or none and the reason the passages cannot answer.
    """
    candidates = _candidates(request)
    if not candidates or candidates[0].coverage < TUNE.min_coverage:
        return [], "所检索的段落中没有回答该问题的句子"
    if _question_type("quantity").search(request.question) and not _has_the_figure(
        request, candidates
    ):
        return [], "资料中没有与之对应的具体数据"
    leaders = _leaders(request, candidates)
    floor = max(TUNE.min_coverage, TUNE.keep_fraction * candidates[0].coverage)
    chosen: list[_Candidate] = []
    seen = NearDuplicates(TUNE.duplicate_overlap)

    def fresh(candidate: _Candidate) -> bool:
        taken = any(
            (c.passage.n, c.position) == (candidate.passage.n, candidate.position) for c in chosen
        )
        return not taken and seen.is_new(candidate.text)

    def take(candidate: _Candidate) -> None:
        chosen.append(candidate)
        seen.keep(candidate.text)

    for candidate in leaders + [c for c in candidates if c not in leaders]:
        length = sum(len(c.text) for c in chosen)
        if len(chosen) >= TUNE.max_sentences or length + len(candidate.text) > TUNE.max_chars:
            continue
        if (candidate not in leaders and candidate.coverage < floor) or not fresh(candidate):
            continue
        take(candidate)
        for detail in _details(candidate):
            if fresh(detail):
                take(detail)
    # Reading order, except that a definition asked for comes first.
    return sorted(chosen, key=lambda c: (not c.defines, c.passage.n, c.position)), ""
