"""The offline generator: an answer composed of the passages' sentences, verbatim.

The sentence that answers comes first (for “何时” one with a date, for “谁” one naming a person
or organisation, …), then at most a few that add to it; a comparison is answered side by side
(河北：……[n]。辽宁：……[m]。). Each sentence ends with the `[n]` of its passage, so numbers are
copied exactly and every claim is traceable. Headings, bylines and boilerplate are never quoted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..llm.faults import Budget, Restart
from ..schema import Passage
from ..search.mentions import names_source, singles_out, title_named_as
from ..text.listing import announces
from ..text.regions import find_provinces
from ..text.synonyms import asked
from ..tuning import TUNING
from .about import content_part, document_answer, entry_named
from .asked_fact import has_the_fact
from .candidates import (
    Candidate,
    is_answer_sentence,
    score_all,
    sentence_features,
    term_coverage,
)
from .chosen import Chosen
from .counted import uncounted
from .details import antecedent, details, explained, items, parallel, singled_out
from .first import answering
from .generate import REFUSAL, GenerationRequest
from .question_types import (
    FACTOID,
    asks_for_list,
    classify,
    definienda,
    fact_asked,
    question_parts,
)
from .remaining import left_out, unlisted
from .sides import comparison, is_about
from .wording import question_pairs

TUNE = TUNING.answer
_LISTING = ("list", "how", "problem")  # questions a numbered list answers whole
_NAMING = frozenset({"when", "who", "where"})  # answered by a name or date: only close sentences
_MISSING_FACT = {
    "quantity": "资料中没有与之对应的具体数据",
    "when": "资料中没有与之对应的具体时间",
    "yes_no": "资料只说正在争取或计划，没有说已经做到",
}


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
        if request.outline:  # 那篇分几块: each part's heading, in the document's order
            for heading, n in request.outline:
                yield _cite(heading, n)
            return
        if recorded := document_answer(request.searched, request.passages):
            yield recorded  # when, where, by whom the document was published: its record
            # … and what another part asks of its content (哪天发的，开头那句是在哪个会上讲的)
            if rest := content_part(request.searched):
                weights = {w: v for w, v in request.term_weights.items() if asked(w) in rest}
                part = replace(request, question=rest, query=rest, term_weights=weights)
                for candidate in select_sentences(part)[0]:
                    yield _cite(candidate.text, candidate.passage.n)
            return
        if entry := entry_named(request.searched, request.passages, labelled=True):
            yield entry  # 关键词都啥: the line it labels
            return
        chosen, reason = select_sentences(request)
        if not chosen and (
            entry := entry_named(request.searched, request.passages, labelled=False)
        ):
            yield entry  # 周军啥身份: the byline entry his name opens
            return
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
    # … and one naming its document (人民网那篇, 那篇论文) from that document's (河北和光明那篇: either).
    documents = {p.chunk.doc_id for p in request.passages if _names(request, p)}
    rows = []
    for rank, passage in enumerate(request.passages):
        about = passage.chunk.doc_id in documents or any(is_about(passage, p) for p in named)
        if (named or documents) and not about:
            continue
        rows += sentence_features(passage, rank, ask, weights)
    return score_all(rows)


def _names(request: GenerationRequest, passage: Passage) -> bool:
    """The question names the passage's document by its outlet, kind of text or title."""
    question = request.searched
    return names_source(question, passage) or bool(
        title_named_as(question, passage, request.passages)
    )


def _setting_aside(request: GenerationRequest) -> GenerationRequest:
    """A “除了A，还……” question chooses its sentences by the rest of its words: A's weigh nothing
    unless the rest uses them too (除了用在工厂里，还往哪些行当推: not the factory)."""
    if not (out := left_out(request.searched)):
        return request
    rest = request.searched.replace(out, "")
    weights = {
        w: v for w, v in request.term_weights.items() if asked(w) not in out or asked(w) in rest
    }
    return replace(request, term_weights=weights) if any(weights.values()) else request


def select_sentences(request: GenerationRequest) -> tuple[list[Candidate], str]:
    """The answer's sentences, the answering one first; or none and the reason there is none."""
    kind = classify(request.searched)
    request = _setting_aside(request)
    candidates = _candidates(request, kind)
    if not candidates or _too_little(request, candidates):
        return [], "所检索的段落中没有回答该问题的句子"
    fact = fact_asked(kind, request.searched)
    if fact in _MISSING_FACT and not has_the_fact(fact, request, candidates):
        return [], _MISSING_FACT[fact]
    if reason := unlisted(request.searched, candidates[: TUNE.max_sentences * 2]):
        return [], reason  # 除了A、B，剩下的呢: the texts list no more than A and B
    if reason := uncounted(request.searched, candidates[: TUNE.max_sentences * 2]):
        return [], reason  # 那4个基地是哪4个: the texts count them, never name them
    if kind == "comparison" and (sides := comparison(request, candidates)):
        return sides, ""
    if kind == "comparison" and asks_for_list(request.searched):
        kind = "list"  # 哪三件事，各自管啥: no sides to set side by side, but items, each
    best = answering(kind, request.searched, candidates, request.term_weights)
    leading = _part_answers(request) or [best]
    candidates = [best] + [c for c in candidates if c is not best]
    limit = TUNE.factoid_sentences if kind in FACTOID else TUNE.max_sentences
    if kind in _NAMING:
        limit = TUNE.named_sentences
    listing = kind in _LISTING  # asked for ways or a list, a list comes whole, past the limits
    chars = TUNE.max_chars
    if listing:  # its items are the answer: room for more of them
        limit, chars = TUNE.listing_sentences, TUNE.listing_chars
    answer = Chosen(limit + len(leading) - 1, chars)
    for first in leading:
        for cause in antecedent(first, kind, request.searched, request.passages):
            answer.take(cause, leading=True)  # the sentence it follows from comes before it
        # asked for a list, the unnumbered items it is one of (要坚持A。……要坚持B。), in order
        alike = parallel(first) if listing else []
        for lead in (c for c in alike if c.position < first.position):
            answer.take(lead, leading=True)
        answer.take(first, leading=True)
        for sentence, leads in _following(first, kind, request):
            answer.take(sentence, leading=leads)
        for lead in (c for c in alike if c.position > first.position):
            answer.take(lead, leading=True)
    led = len(answer.chosen)
    # a short answering sentence's content is in the next one, however long; so is the
    # explanation of a definition asked for (X是指……。由于……)
    for first in leading:
        for detail in details(first) or (explained(first) if kind == "definition" else []):
            answer.take(detail, leading=True)
            for item in items(detail):  # … and a list that one announces (今后准备采取以下措施：)
                answer.take(item, leading=listing or announces(detail.text))
    keep = TUNE.named_keep_fraction if kind in _NAMING else TUNE.keep_fraction
    floor = max(TUNE.min_coverage, keep * best.coverage)
    for candidate in candidates:
        if candidate is not best and candidate.coverage < floor:
            continue
        if answer.take(candidate):
            for lead in parallel(candidate) if listing else []:
                answer.take(lead, leading=True)  # a list comes whole: its short leads
            for more in [*items(candidate), *details(candidate)]:
                answer.take(more)  # within the answer's limits
    return in_order(answer.chosen[:led], answer.chosen[led:]), ""


def _following(
    first: Candidate, kind: str, request: GenerationRequest
) -> list[tuple[Candidate, bool]]:
    """What comes right after the answering sentence, and whether it leads the answer: asked how
    of one numbered item alone, the item's own sentences, not its list (unless items are asked
    for: 提出了哪两项措施); else a list it announces — or, asked for a list, the rest of a list
    it opens (一要……。二要……。)."""
    alone = kind == "how" and not asks_for_list(request.searched)
    if alone and (own := singled_out(first, request.term_weights)):
        return [(sentence, True) for sentence in own]
    listing = kind in _LISTING
    return [(item, listing or announces(first.text)) for item in items(first, from_first=listing)]


def _too_little(request: GenerationRequest, candidates: list[Candidate]) -> bool:
    """The best sentence holds too little of the question's weight to answer it — a lower share
    will do when the question singles out its document (那篇论文, 人民网说), and from any of the
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
