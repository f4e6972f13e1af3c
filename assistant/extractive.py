"""The offline generator: an answer composed of the passages' most relevant sentences, verbatim.

Each sentence ends with the `[n]` of its passage, so numbers are copied exactly and every claim
is traceable. Headings, bylines and boilerplate are never quoted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .clean import looks_like_heading
from .generate import REFUSAL, GenerationRequest
from .regions import find_provinces
from .schema import Passage
from .segment import char_ngrams, split_sentences

# “几个/多少” ask for a figure; “哪几个” asks which ones (a list).
_QUANTITY_QUESTION = re.compile(
    r"多少|(?<!哪)几[个项条家次年]|数量|比例|百分之|how many|how much", re.I
)
_DEFINITION_QUESTION = re.compile(
    r"是什么|什么是|什么意思|何谓|含义|内涵|指的是|是指|定义|界定|如何理解|怎么理解|what is|meaning",
    re.I,
)
_COMPARISON_QUESTION = re.compile(r"分别|各自|两者|异同|对比|比较|区别|相比|有何不同|有什么不同")
_LEADING_CONNECTIVE = re.compile(
    r"^(?:此外|同时|另外|因此|所以|其次|再次|最后|首先|然而|具体而言|具体来看|总之|进一步地?)[，：,]"
)
_BYLINE = re.compile(r"^(?:[（(]?来源|作者|DOI|原文刊发|关键词|责任编辑|编辑)")
_MAX_SENTENCES = 4
_MAX_CHARS = 360
_MIN_COVERAGE = 0.3
_MIN_FIGURE_COVERAGE = 0.4
_LEAD_SENTENCE_CHARS = 40
_DIGIT = re.compile(r"\d+(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d(?=年)")
_DEFINES = "(?:是指|是|就是|指|即|意味着)"


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

    def invoke(self, input: GenerationRequest, config: Any = None) -> str:
        return "".join(self.stream(input))

    def as_runnable(self):
        """This generator as a LangChain `Runnable` (streaming sentence by sentence)."""
        from langchain_core.runnables import RunnableGenerator

        def run(requests: Iterator[GenerationRequest]) -> Iterator[str]:
            for request in requests:
                yield from self.stream(request)

        return RunnableGenerator(run)

    def stream(self, input: GenerationRequest, config: Any = None) -> Iterator[str]:
        chosen, reason = select_sentences(input)
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
    if len(sentence) < 8 or _BYLINE.match(sentence):
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


def _candidates(request: GenerationRequest) -> list[_Candidate]:
    weights = request.term_weights
    question = request.question
    wants_number = bool(_QUANTITY_QUESTION.search(question))
    # For “什么是X”, a sentence that says “X是……” is the answer.
    definienda = (
        [t for t in sorted(weights, key=weights.get, reverse=True)[:2] if len(t) >= 2]
        if _DEFINITION_QUESTION.search(question)
        else []
    )
    # A question about 辽宁 is answered from passages about 辽宁, never from another province's.
    aliases = [alias for p in find_provinces(question) for alias in p.aliases]
    candidates: list[_Candidate] = []
    for rank, passage in enumerate(request.passages):
        if aliases and not _about_places(passage, aliases):
            continue
        # Terms met by the passage's title or region (辽宁, 青岛日报) hold for each of its sentences.
        context = _context(passage)
        for position, sentence in enumerate(split_sentences(passage.text, max_chars=160)):
            if not is_answer_sentence(sentence):
                continue
            sentence = _LEADING_CONNECTIVE.sub("", sentence)
            coverage = term_coverage(f"{sentence} {context}", weights)
            score = coverage + 0.12 / (rank + 1)
            if wants_number and _DIGIT.search(sentence):
                score += 0.15
            defines = any(
                re.match(rf"^(?:所谓)?“?{re.escape(t)}”?{_DEFINES}", sentence) for t in definienda
            )
            score += 0.3 if defines else 0.0
            candidates.append(_Candidate(passage, position, sentence, coverage, score, defines))
    return sorted(candidates, key=lambda c: -c.score)


def _has_the_figure(request: GenerationRequest, candidates: list[_Candidate]) -> bool:
    """A “多少” question needs a relevant sentence with a figure, for the year asked about."""
    years = set(_YEAR.findall(request.question))
    for candidate in candidates:
        figures = _DIGIT.findall(_YEAR.sub("", candidate.text))
        digits = set(figures) - set(_DIGIT.findall(request.question))
        if not digits or candidate.coverage < _MIN_FIGURE_COVERAGE:
            continue
        context = candidate.text + _context(candidate.passage)
        if all(year in context for year in years):
            return True
    return False


def _following(candidate: _Candidate) -> _Candidate | None:
    """The sentence after a short lead sentence (“二是建立科技成果转化平台。”) carries its content."""
    sentences = split_sentences(candidate.passage.text, max_chars=160)
    position = candidate.position + 1
    if position >= len(sentences) or not is_answer_sentence(sentences[position]):
        return None
    text = _LEADING_CONNECTIVE.sub("", sentences[position])
    return _Candidate(candidate.passage, position, text, candidate.coverage, candidate.score)


def select_sentences(request: GenerationRequest) -> tuple[list[_Candidate], str]:
    """Pick the few sentences that best cover the question's terms, in reading order.

    Returns the sentences, or none and the reason the passages cannot answer.
    """
    candidates = _candidates(request)
    if not candidates or candidates[0].coverage < _MIN_COVERAGE:
        return [], "所检索的段落中没有回答该问题的句子"
    if _QUANTITY_QUESTION.search(request.question) and not _has_the_figure(request, candidates):
        return [], "资料中没有与之对应的具体数据"
    best = candidates[0]
    chosen: list[_Candidate] = []
    seen: list[set[str]] = []
    length = 0

    def take(candidate: _Candidate) -> None:
        nonlocal length
        chosen.append(candidate)
        seen.append(set(char_ngrams(candidate.text, 2)))
        length += len(candidate.text)

    def is_new(candidate: _Candidate) -> bool:
        if any(
            (c.passage.n, c.position) == (candidate.passage.n, candidate.position) for c in chosen
        ):
            return False
        grams = set(char_ngrams(candidate.text, 2))
        return not any(len(grams & other) / (len(grams) or 1) > 0.6 for other in seen)

    ordered, leaders = candidates, [best]
    if _COMPARISON_QUESTION.search(request.question):
        # A comparison needs each side: lead with the best sentence of each document.
        firsts: dict[str, _Candidate] = {}
        for candidate in candidates:
            firsts.setdefault(candidate.passage.chunk.doc_id, candidate)
        leaders = [c for c in firsts.values() if c.coverage >= 0.5 * best.coverage][:3]
        ordered = leaders + [c for c in candidates if c not in leaders]
    for candidate in ordered:
        if len(chosen) >= _MAX_SENTENCES or length + len(candidate.text) > _MAX_CHARS:
            continue
        if candidate not in leaders and candidate.coverage < max(
            _MIN_COVERAGE, 0.6 * best.coverage
        ):
            continue
        if not is_new(candidate):
            continue
        take(candidate)
        follower = _following(candidate) if len(candidate.text) < _LEAD_SENTENCE_CHARS else None
        if follower and is_new(follower):
            take(follower)
    # Reading order, except that a definition asked for comes first.
    return sorted(chosen, key=lambda c: (not c.defines, c.passage.n, c.position)), ""
