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
