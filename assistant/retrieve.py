"""Hybrid search: BM25 over jieba terms plus dense Chroma search, fused by reciprocal rank."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .index import Index
from .schema import Chunk, Passage
from .segment import char_ngrams, search_terms

RRF_K = 60
BM25_WEIGHT = 1.0
DENSE_WEIGHT = 0.7
REGION_WEIGHT = 0.5
CANDIDATES = 40
DUPLICATE_JACCARD = 0.6


@dataclass(frozen=True, slots=True)
class Retrieval:
    """Passages for one query, with what the evidence check needs."""

    query: str
    terms: tuple[str, ...]
    passages: list[Passage]


def _allowed(index: Index, doc_ids: Sequence[str], regions: Sequence[str]) -> np.ndarray | None:
    if not doc_ids and not regions:
        return None
    return np.array(
        [
            (not doc_ids or c.doc_id in doc_ids) and (not regions or c.region in regions)
            for c in index.chunks
        ]
    )


def _bm25_ranking(index: Index, terms: list[str], allowed: np.ndarray | None) -> list[int]:
    if not terms:
        return []
    scores = index.bm25.get_scores(terms)
    if allowed is not None:
        scores = np.where(allowed, scores, 0.0)
    order = np.argsort(-scores, kind="stable")[:CANDIDATES]
    return [int(i) for i in order if scores[i] > 0]


def _dense_ranking(
    index: Index, query: str, doc_ids: Sequence[str], regions: Sequence[str]
) -> list[int]:
    clauses: list[dict] = []
    if doc_ids:
        clauses.append({"doc_id": {"$in": list(doc_ids)}})
    if regions:
        clauses.append({"region": {"$in": list(regions)}})
    where = clauses[0] if len(clauses) == 1 else ({"$and": clauses} if clauses else None)
    count = min(CANDIDATES, len(index.chunks))
    result = index.collection.query(query_texts=[query], n_results=count, where=where)
    return [index.position[chunk_id] for chunk_id in result["ids"][0] if chunk_id in index.position]


def _is_duplicate(chunk: Chunk, kept: list[set[str]]) -> tuple[bool, set[str]]:
    grams = set(char_ngrams(chunk.text, 2))
    for other in kept:
        union = len(grams | other) or 1
        if len(grams & other) / union >= DUPLICATE_JACCARD:
            return True, grams
    return False, grams


def retrieve(
    index: Index,
    query: str,
    *,
    k: int = 6,
    doc_ids: Sequence[str] = (),
    regions: Sequence[str] = (),
    boost_regions: Sequence[str] = (),
) -> Retrieval:
    """Top-k passages for `query`, optionally limited to documents or regions.

    `boost_regions` favours passages from those regions without excluding others: a question
    that names 辽宁 should prefer the 辽宁 text even where a passage does not repeat the name.
    """
    terms = search_terms(query)
    allowed = _allowed(index, doc_ids, regions)
    fused: dict[int, float] = {}
    for weight, ranking in (
        (BM25_WEIGHT, _bm25_ranking(index, terms, allowed)),
        (DENSE_WEIGHT, _dense_ranking(index, query, doc_ids, regions)),
    ):
        for rank, position in enumerate(ranking):
            fused[position] = fused.get(position, 0.0) + weight / (RRF_K + rank + 1)
    if boost_regions:
        for position in fused:
            if index.chunks[position].region in boost_regions:
                fused[position] += REGION_WEIGHT / (RRF_K + 1)
    passages: list[Passage] = []
    kept: list[set[str]] = []
    for position in sorted(fused, key=lambda p: (-fused[p], p)):
        duplicate, grams = _is_duplicate(index.chunks[position], kept)
        if duplicate:
            continue
        kept.append(grams)
        passages.append(
            Passage(n=len(passages) + 1, chunk=index.chunks[position], score=fused[position])
        )
        if len(passages) == k:
            break
    return Retrieval(query=query, terms=tuple(terms), passages=passages)
