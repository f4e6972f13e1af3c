"""Opening a store by name: the default (`vectors.ChromaStore`) or Milvus (`milvus.MilvusStore`)."""

from __future__ import annotations

from ..config import Settings
from .vectors import ChromaStore, SearchStore


def open_store(settings: Settings, name: str, store: str | None = None) -> SearchStore:
    """The store `name` lives in: the one a state was built with, else the configured one."""
    if (store or settings.store) == "milvus":
        from .milvus import MilvusStore

        return MilvusStore(settings, name)
    return ChromaStore(settings, name)


def writes_vectors(settings: Settings) -> bool:
    """Whether an update writes vectors to the store. Not for the offline hashing embedding in
    the default store: its vectors are a function of the text, hashed on the spot when a
    question's keyword candidates are re-ranked (`search/retrieve.py`) and never searched over
    the whole library, so storing them only cost time and disk (four fifths of an ingest at
    10,000 documents, and 9 GB of vectors at 100,000). Milvus ranks keywords in the engine and
    keeps its records whole; a semantic embedding is searched, so its vectors are stored."""
    return settings.embedding != "hashing" or settings.store != "chroma"
