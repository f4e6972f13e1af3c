"""Where searches run: the store the index writes vectors to and retrieval searches.

Two implementations share this interface:

- `ChromaStore` (the default): vectors in Chroma, embedded or a server; the keyword side is the
  state's own bm25s files, so retrieval ranks by BM25 itself (`Index.store_ranks_keywords`).
- `MilvusStore` (`milvus.py`, `ASSISTANT_STORE=milvus`): each chunk's text, vector and metadata
  in one Milvus collection, which ranks by BM25 over its own jieba analyzer as well as by
  vector, with filters pushed into the engine's expressions.

Either way a record's id is the chunk's vector id (`state.vector_id`: new for every version of
a document), so an update writes beside what the live state reads, and a reader keeps only the
ids its own committed state knows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..config import Settings
from ..schema import Chunk

Hit = tuple[str, float]  # a vector id with its similarity (higher is closer)
Item = tuple[Chunk, str]  # a chunk with its vector id


@dataclass(frozen=True, slots=True)
class Where:
    """Which chunks a search may return: these documents and regions (empty = any)."""

    doc_ids: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    """Documents left out (the shorter way to say “all in force but these”)."""


class SearchStore(Protocol):
    def upsert(self, items: Sequence[Item], vectors: Sequence) -> None: ...

    def delete(self, ids: Sequence[str]) -> None: ...

    def pages(self) -> Iterator[list[str]]:
        """Every stored id, a page at a time (to find what a killed update left behind)."""
        ...

    def count(self) -> int: ...

    def nearest(self, query: str, where: Where, n: int) -> list[Hit]: ...

    def keyword(self, query: str, where: Where, n: int) -> list[Hit]: ...


_PAGE = 5000


class ChromaStore:
    """Vectors and metadata in a Chroma collection; the texts stay in the state's files."""

    def __init__(self, settings: Settings, name: str) -> None:
        from .chroma import open_collection

        self.collection = open_collection(settings, name)

    def upsert(self, items: Sequence[Item], vectors: Sequence) -> None:
        self.collection.upsert(
            ids=[vid for _, vid in items],
            embeddings=list(vectors),
            metadatas=[
                {"doc_id": c.doc_id, "region": c.region or "", "level": c.level} for c, _ in items
            ],
        )

    def delete(self, ids: Sequence[str]) -> None:
        for start in range(0, len(ids), _PAGE):
            self.collection.delete(ids=list(ids[start : start + _PAGE]))

    def pages(self) -> Iterator[list[str]]:
        offset = 0
        while True:
            ids = self.collection.get(include=[], limit=_PAGE, offset=offset)["ids"]
            yield ids
            if len(ids) < _PAGE:
                return
            offset += _PAGE

    def count(self) -> int:
        return self.collection.count()

    def nearest(self, query: str, where: Where, n: int) -> list[Hit]:
        clauses: list[dict] = []
        if where.doc_ids:
            clauses.append({"doc_id": {"$in": list(where.doc_ids)}})
        if where.regions:
            clauses.append({"region": {"$in": list(where.regions)}})
        if where.excluded:
            clauses.append({"doc_id": {"$nin": list(where.excluded)}})
        condition = clauses[0] if len(clauses) == 1 else ({"$and": clauses} if clauses else None)
        result = self.collection.query(query_texts=[query], n_results=n, where=condition)
        pairs = zip(result["ids"][0], result["distances"][0], strict=True)
        return [(vid, 1.0 - distance) for vid, distance in pairs]

    def keyword(self, query: str, where: Where, n: int) -> list[Hit]:
        raise NotImplementedError("the keyword side of the Chroma store is the state's bm25s")
