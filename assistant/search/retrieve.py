"""Hybrid search: BM25 over jieba terms plus dense search, fused by reciprocal rank.

Both rankings come from the index's store (`index/vectors.py`): with the default, BM25 over the
state's bm25s files and vectors in Chroma; with Milvus, both from the engine, filters included.

With the offline hashing embedding, the dense side re-orders BM25's candidates instead of
searching the whole collection (see `_reordered`); its vectors are hashed on the spot, never
stored (`index/stores.writes_vectors`)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..index.hashing import DIM, NGRAMS, hash_vectors
from ..index.hashing import NAME as HASHING
from ..index.state import Index
from ..index.vectors import Where
from ..schema import Passage
from ..text.overlap import NearDuplicates
from ..text.segment import search_terms
from ..tuning import TUNING
from .completed import completions
from .mentions import Boost

log = logging.getLogger(__name__)
TUNE = TUNING.retrieval
_BOOSTED_ONLY = 200  # passages a boost alone brings in: far more than any top-k needs
_LISTED = 50  # more allowed documents than this: the filter names the ones left out
_PAIRS = 24  # a question's character pairs looked up when no keyword matched
_WORDLIKE = re.compile(r"[\w]+")


@dataclass(frozen=True, slots=True)
class Retrieval:
    """Passages for one query, with what the evidence check needs."""

    query: str
    terms: tuple[str, ...]
    passages: list[Passage]
    keyword_only: bool = False
    """True when vector search failed (embedding endpoint or Chroma server down): BM25 only."""
    closeness: dict[str, float] = field(default_factory=dict)
    """Cosine similarity of the query to each passage's vector, by chunk id (where known)."""
    semantic: bool = False
    """The vectors are a semantic embedding (e5, OpenAI-compatible, local), not lexical hashing."""


def _allowed(index: Index, doc_ids: Sequence[str], regions: Sequence[str]) -> np.ndarray | None:
    if not doc_ids and not regions:
        return None
    allowed = np.ones(len(index.chunks), dtype=bool)
    if doc_ids:
        allowed &= index.field_in("doc_id", doc_ids)
    if regions:
        allowed &= index.field_in("region", regions)
    return allowed


def _where(index: Index, doc_ids: Sequence[str], regions: Sequence[str]) -> Where:
    """The filter for a store: the allowed documents, or — when most are allowed, as with the
    versions in force — the few left out, so the engine's expression stays short."""
    if len(doc_ids) > _LISTED:
        everything = index.remember("documents", index.documents)
        left_out = tuple(sorted(set(everything) - set(doc_ids)))
        if len(left_out) < len(doc_ids):
            return Where(regions=tuple(regions), excluded=left_out)
    return Where(tuple(doc_ids), tuple(regions))


def _bm25_ranking(
    index: Index, query: str, terms: list[str], allowed: np.ndarray | None, where: Where
) -> list[int]:
    if not terms:
        return []
    if index.store_ranks_keywords:
        try:
            return _engine_ranking(index, index.vectors.keyword(query, where, _wider()))
        except Exception as exc:  # the Milvus server is unreachable: the state's own BM25
            log.warning("keyword search in the store failed (%s); using the state's BM25", exc)
    scores = index.bm25.get_scores(terms)
    if allowed is not None:
        scores = np.where(allowed, scores, 0.0)
    return [int(i) for i in top(scores, TUNE.candidates) if scores[i] > 0]


def top(scores: np.ndarray, n: int) -> np.ndarray:
    """`np.argsort(-scores, kind="stable")[:n]` without sorting every chunk's score: the n-th
    best score is found in linear time, then only the scores at or above it are sorted."""
    if len(scores) <= n:
        return np.argsort(-scores, kind="stable")
    kth = scores[np.argpartition(-scores, n - 1)[:n]].min()
    candidates = np.flatnonzero(scores >= kth)
    return candidates[np.argsort(-scores[candidates], kind="stable")][:n]


Ranked = list[tuple[int, float]]  # chunk positions, best first, with their similarity


def _is_hashing(index: Index) -> bool:
    return index.manifest.settings.get("embedding") == HASHING


def _dense_ranking(
    index: Index, query: str, where: Where, keyword: list[int], allowed: np.ndarray | None
) -> Ranked:
    if _is_hashing(index):
        return _reordered(index, query, keyword or _sharing_pairs(index, query, allowed))
    return _searched(index, query, where)  # also: no keyword hit, nearest sources


def _sharing_pairs(index: Index, query: str, allowed: np.ndarray | None) -> list[int]:
    """Without a keyword hit (the nearest sources a refusal lists), the passages that share the
    most of the question's character pairs — or, when none shares a pair, its characters: with
    a lexical embedding, the only passages whose vectors can be near the question's."""
    runs = _WORDLIKE.findall(query)
    pairs = list(dict.fromkeys(r[i : i + 2] for r in runs for i in range(len(r) - 1)))
    characters = list(dict.fromkeys("".join(runs)))
    for pieces in (pairs, characters):
        found = [index.containing(piece) for piece in pieces[:_PAIRS]]
        if any(len(hits) for hits in found):
            shared = np.bincount(np.concatenate(found), minlength=len(index.chunks))
            if allowed is not None:
                shared = np.where(allowed, shared, 0)
            return [int(i) for i in top(shared, TUNE.candidates) if shared[i] > 0]
    return []


def _wider() -> int:
    """Ask a store for more than needed: records another process has written but not yet
    committed are skipped, since only this state's vector ids map to chunks."""
    return 2 * TUNE.candidates


def _known(index: Index, hits: list[tuple[str, float]]) -> Ranked:
    known = index.vector_position
    return [(known[vid], score) for vid, score in hits if vid in known][: TUNE.candidates]


def _engine_ranking(index: Index, hits: list[tuple[str, float]]) -> list[int]:
    return [position for position, score in _known(index, hits) if score > 0]


def _searched(index: Index, query: str, where: Where) -> Ranked:
    """The nearest passages in the whole collection (filtered), as chunk positions."""
    return _known(index, index.vectors.nearest(query, where, min(_wider(), len(index.chunks))))


def _reordered(index: Index, query: str, keyword: list[int]) -> Ranked:
    """The keyword candidates in order of embedding similarity.

    The offline hashing embedding is lexical (character n-grams): over a large corpus its
    nearest neighbours are mostly look-alike texts, so searching the whole collection with it
    drowns the right passage (benchmarks/RESULTS.md: at 1,000 documents). It still tells the
    keyword candidates apart, so here it only re-orders them. A semantic embedding (`openai`,
    `local`) searches the whole collection.
    """
    # The vectors are hashed on the spot, as they were when stored: no Chroma round trip, and
    # a cold process answers without loading Chroma at all.
    shape = index.manifest.settings.get("embedding_config") or {}
    dim, ngrams = int(shape.get("dim", DIM)), tuple(shape.get("ngrams", NGRAMS))
    matrix = hash_vectors([index.chunks[p].index_text for p in keyword], dim, ngrams)
    question = hash_vectors([query], dim, ngrams)[0]
    similarity = matrix @ question  # unit vectors (or zero): the cosine
    return [(keyword[i], float(similarity[i])) for i in np.argsort(-similarity, kind="stable")]


def _fuse(rankings: list[tuple[float, list[int]]]) -> dict[int, float]:
    fused: dict[int, float] = {}
    for weight, ranking in rankings:
        for rank, position in enumerate(ranking):
            fused[position] = fused.get(position, 0.0) + weight / (TUNE.rrf_k + rank + 1)
    return fused


def _boosted(
    index: Index, fused: dict[int, float], allowed: np.ndarray | None, boost: Boost
) -> dict[int, float]:
    scores = dict(fused)
    mask = boost.mask(index)
    if allowed is not None:
        mask &= allowed
    bonus = TUNE.boost_weight / (TUNE.rrf_k + 1)
    for position in fused:
        if mask[position]:
            scores[position] += bonus
    # The boosted passages no other ranking found all score `bonus` and rank by position: only
    # the first few can reach the top-k, whatever the library's size.
    matched = mask.copy()
    mask[list(fused)] = False
    for position in np.flatnonzero(mask)[:_BOOSTED_ONLY]:
        scores[int(position)] = bonus
    return {p: s for p, s in scores.items() if matched[p]} if boost.only else scores


def _interleave(rankings: list[list[int]]) -> list[int]:
    """Round-robin over several rankings, so each named place gets its share of the top-k."""
    merged: dict[int, None] = {}  # insertion-ordered, with O(1) membership
    for row in zip(*rankings, strict=False):
        merged.update(dict.fromkeys(row))
    for ranking in rankings:
        merged.update(dict.fromkeys(ranking))
    return list(merged)


def retrieve(
    index: Index,
    query: str,
    *,
    k: int = 6,
    doc_ids: Sequence[str] = (),
    regions: Sequence[str] = (),
    boosts: Sequence[Boost] = (),
    favour: np.ndarray | None = None,
) -> Retrieval:
    """Top-k passages for `query`, optionally limited to documents or regions.

    Each boost favours the passages it matches without excluding others: a question naming a
    province prefers that province's texts even where a passage does not repeat the name, and
    finds the province's one mention in a national text. With two boosts (two provinces
    compared) the top-k is shared between them. The chunks `favour` marks (those speaking of
    a year the question names, `periods.favoured`) gain the same bonus among those found.
    """
    terms = search_terms(query)
    completed = completions(index, terms)  # 产教 → 产教融合
    allowed = _allowed(index, doc_ids, regions)
    where = _where(index, doc_ids, regions)
    searched = " ".join([query, *completed])
    keyword = _bm25_ranking(index, searched, terms + completed, allowed, where)
    try:
        dense = _dense_ranking(index, query, where, keyword, allowed)
    except Exception as exc:  # the embedding endpoint or a vector server is unreachable
        log.warning("vector search failed (%s); using keyword search only", type(exc).__name__)
        dense = None
    closeness = dict(dense or [])
    fused = _fuse([(TUNE.bm25_weight, keyword), (TUNE.dense_weight, [p for p, _ in dense or []])])
    if favour is not None:
        bonus = TUNE.boost_weight / (TUNE.rrf_k + 1)
        fused = {p: score + bonus * float(favour[p]) for p, score in fused.items()}
    rankings = [_boosted(index, fused, allowed, boost) for boost in boosts] or [fused]
    order = _interleave([sorted(r, key=lambda p: (-r[p], p)) for r in rankings])
    passages: list[Passage] = []
    seen = NearDuplicates(TUNE.duplicate_overlap)
    for position in order:
        if not seen.add(index.chunks[position].text):
            continue
        score = max(r.get(position, 0.0) for r in rankings)
        passages.append(Passage(n=len(passages) + 1, chunk=index.chunks[position], score=score))
        if len(passages) == k:
            break
    return Retrieval(
        query,
        tuple(terms),
        passages,
        keyword_only=dense is None,
        closeness={
            p.chunk.chunk_id: closeness[index.position[p.chunk.chunk_id]]
            for p in passages
            if index.position[p.chunk.chunk_id] in closeness
        },
        semantic=not _is_hashing(index),
    )
