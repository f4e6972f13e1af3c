"""Plan drafting offline: the sentences of the corpus that can become items of each part.

Items about the province come only from material about that province (its own texts, or a
national text naming it as the actor); another province's practice is labelled as such.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ..answer.extractive import is_answer_sentence, term_coverage
from ..answer.safety import drop_instructions
from ..corpus.metadata import NATIONAL
from ..index.state import Index
from ..schema import Chunk, PlanItem
from ..search.retrieve import retrieve
from ..search.weights import term_weights
from ..text.overlap import NearDuplicates
from ..text.regions import Province, province_aliases
from ..text.sentences import lead_details, split_sentences
from ..tuning import TUNING
from .numbering import PassageNumbers
from .outline import SCARCE_SENTENCES
from .phrasing import actor, as_measure, is_description, is_measure
from .template import Part

TUNE = TUNING.plan
_NATIONAL_REGIONS = (None, NATIONAL)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that could become an item of one part."""

    chunk: Chunk
    position: int
    sentence: str
    origin: str
    region: str | None
    score: float

    @property
    def key(self) -> tuple[str, int]:
        return (self.chunk.chunk_id, self.position)


def _actor_chunks(index: Index) -> list[Chunk]:
    """National chunks with a sentence whose actor is a province (“X省发挥…”): only those
    naming a province at all are split into sentences."""
    named = np.zeros(len(index.chunks), dtype=bool)
    for name in province_aliases():
        named[index.containing(name)] = True
    named &= index.field_in("region", _NATIONAL_REGIONS)
    chunks = [index.chunks[i] for i in np.flatnonzero(named)]
    return [c for c in chunks if any(actor(s) for s in PlanDrafter.sentences_of(c))]


class PlanDrafter:
    """Chooses the items of one outline; `numbers` numbers the chunks they cite."""

    def __init__(
        self, index: Index, province: Province, numbers: PassageNumbers | None = None
    ) -> None:
        self.index = index
        self.province = province
        self.numbers = numbers or PassageNumbers()
        self._used: set[tuple[str, int]] = set()
        self._seen = NearDuplicates(TUNE.duplicate_overlap)
        chunks = index.chunks
        own = index.field_equals("region", province.name)
        self.province_chunks = [chunks[i] for i in np.flatnonzero(own)]
        self.actor_chunks = index.remember("plan.actor_chunks", lambda: _actor_chunks(index))

    # --- where a sentence comes from ---

    def origin_of(self, chunk: Chunk, sentence: str) -> tuple[str, str | None]:
        if chunk.region == self.province.name:
            return "province", chunk.region
        if chunk.region not in _NATIONAL_REGIONS:
            return "elsewhere", chunk.region
        if sentence and (who := actor(sentence)):
            return ("province", who.name) if who == self.province else ("elsewhere", who.name)
        return "national", None

    @cached_property
    def own_material(self) -> tuple[list[str], int]:
        """The titles of the texts with sentences about this province (its own texts, and
        national texts naming it as the actor), and how many such sentences — counted exactly
        up to `SCARCE_SENTENCES`; past that, a text already listed is not read again."""
        titles: dict[str, None] = {}
        sentences = 0
        for chunk in self.province_chunks + self.actor_chunks:
            if chunk.title in titles and sentences >= SCARCE_SENTENCES:
                continue
            mine = sum(
                self.origin_of(chunk, s)[0] == "province" and self.usable(s)
                for s in self.sentences_of(chunk)
            )
            if mine:
                titles[chunk.title] = None
                sentences += mine
        return list(titles), sentences

    @property
    def has_specific_material(self) -> bool:
        return bool(self.own_material[0])

    @staticmethod
    def sentences_of(chunk: Chunk) -> list[str]:
        """The chunk's sentences that may become items (never one planted to instruct a model)."""
        return split_sentences(drop_instructions(chunk.text), max_chars=TUNE.max_item_chars)

    @staticmethod
    def usable(sentence: str) -> bool:
        return (
            TUNE.min_item_chars <= len(sentence) <= TUNE.max_item_chars
            and is_answer_sentence(sentence)
            and "？" not in sentence
            and "?" not in sentence
        )

    # --- candidates for one part ---

    def pool(self, part: Part) -> list[tuple[Chunk, int]]:
        """Chunks to draw from, with their retrieval rank: the part's query, the province's own."""
        ranked = retrieve(self.index, part.query, k=TUNE.retrieved_per_part).passages
        pool = [(p.chunk, rank) for rank, p in enumerate(ranked)]
        if self.province_chunks:
            local = retrieve(
                self.index, part.query, k=TUNE.own_per_part, regions=(self.province.name,)
            ).passages
            pool += [(p.chunk, rank) for rank, p in enumerate(local)]
        pool += [(c, TUNE.retrieved_per_part) for c in self.actor_chunks]
        seen: set[str] = set()
        return [(c, r) for c, r in pool if not (c.chunk_id in seen or seen.add(c.chunk_id))]

    def candidates(self, part: Part, *, measures: bool = True) -> list[Candidate]:
        """Sentences with one of the part's keywords, best first; `measures` prefers 要…/推动…."""
        weights = term_weights(self.index, part.query)
        found = []
        for chunk, rank in self.pool(part):
            sentences = self.sentences_of(chunk)
            for position, sentence in enumerate(sentences):
                if not self.usable(sentence):
                    continue
                origin, region = self.origin_of(chunk, sentence)
                # The province's own sentence may take its topic from its neighbours.
                window = self._unit(sentences, position, origin, chunk)
                hits = [k for k in part.keywords if k in window]
                if not hits:
                    continue
                score = term_coverage(window, weights) + self._bonus(
                    part, chunk, rank, origin, len(hits), as_measure(sentence) if measures else ""
                )
                found.append(Candidate(chunk, position, sentence, origin, region, score))
        return sorted(found, key=lambda c: (-c.score, c.chunk.chunk_id, c.position))

    @staticmethod
    def _bonus(part: Part, chunk: Chunk, rank: int, origin: str, hits: int, measure: str) -> float:
        """What makes a sentence a better item than its coverage alone says."""
        bonus = (
            TUNE.keyword_bonus * min(hits, TUNE.max_keyword_hits)
            + TUNE.rank_bonus / (rank + 1)
            + TUNE.own_bonus * (origin == "province")
            + TUNE.heading_bonus * any(k in chunk.heading for k in part.keywords)
        )
        if measure:  # a measures part prefers 要…/推动… to descriptions and framing
            bonus += TUNE.measure_form_bonus * is_measure(measure)
            bonus -= TUNE.descriptive_penalty * is_description(measure)
        return bonus

    @staticmethod
    def _unit(sentences: list[str], position: int, origin: str, chunk: Chunk) -> str:
        """The text a sentence is judged on: itself, the details a short lead sentence heads,
        or, for a province named in a national text, its neighbours (“…多种模式，如X省…。
        Y省发挥…”)."""
        if origin == "province" and chunk.region in _NATIONAL_REGIONS:
            return "".join(sentences[max(0, position - 2) : position + 2])
        if len(sentences[position]) < TUNE.lead_sentence_chars:
            return "".join(sentences[position : position + 3])
        return sentences[position]

    # --- choosing items ---

    def _is_new(self, candidate: Candidate) -> bool:
        return candidate.key not in self._used and self._seen.is_new(candidate.sentence)

    def _take(self, candidate: Candidate) -> None:
        self._used.add(candidate.key)
        self._seen.keep(candidate.sentence)

    def _item(self, candidate: Candidate, measure: str | None) -> PlanItem:
        self._take(candidate)
        return PlanItem(
            text=as_measure(candidate.sentence),
            citations=(self.numbers.cite(candidate.chunk),),
            origin=candidate.origin,  # type: ignore[arg-type]
            region=candidate.region,
            measure=measure,
        )

    def _details(self, candidate: Candidate, item: PlanItem) -> None:
        """A short lead sentence (“打造高层级产业发展平台。”) is spelled out by the next ones."""
        if len(candidate.sentence) >= TUNE.lead_sentence_chars:
            return
        sentences = self.sentences_of(candidate.chunk)
        positions = lead_details(
            sentences, candidate.position, limit=TUNE.max_details, usable=self.usable
        )
        for position in positions:
            follower = Candidate(
                candidate.chunk,
                position,
                sentences[position],
                candidate.origin,
                candidate.region,
                0.0,
            )
            if self._is_new(follower):
                item.details.append(self._item(follower, item.measure))

    def items_for(
        self, part: Part, *, measure: str | None = None, measures: bool = True
    ) -> list[PlanItem]:
        """Up to `part.items` items: the province's own first, then national measures.

        Where the province has nothing for this part, one item of another province's practice
        may stand in, labelled as drawn from elsewhere.
        """
        candidates = [
            c for c in self.candidates(part, measures=measures) if c.score >= TUNE.min_score
        ]
        chosen: list[Candidate] = []

        def pick(pool: Iterable[Candidate], limit: int, floor: float = TUNE.min_score) -> None:
            for candidate in pool:
                if len(chosen) >= limit:
                    return
                if candidate.score >= floor and self._is_new(candidate):
                    chosen.append(candidate)
                    self._take(candidate)

        pick((c for c in candidates if c.origin == "province"), min(2, part.items))
        if not chosen and part.borrow:
            pick((c for c in candidates if c.origin == "elsewhere"), 1, TUNE.min_elsewhere_score)
        pick((c for c in candidates if c.origin == "national"), part.items)
        self._used.difference_update(c.key for c in chosen)  # `_item` takes them again
        items = []
        for candidate in chosen:
            item = self._item(candidate, measure)
            self._details(candidate, item)
            items.append(item)
        return items
