"""The Chroma side of the index: an embedded client under the data dir, or a server."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..config import Settings
from .embeddings import embedding_function


def chroma_client(settings: Settings):
    """The embedded client under the data dir, or an HTTP client when a server URL is set."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlsplit(settings.chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "127.0.0.1",
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
    return chromadb.PersistentClient(
        path=str(settings.home / "index" / "chroma"), settings=chroma_settings
    )


def open_collection(settings: Settings, name: str):
    """The collection, with our embedding function (never Chroma's downloading default)."""
    return chroma_client(settings).get_or_create_collection(
        name,
        embedding_function=embedding_function(settings),
        configuration={"hnsw": {"space": "cosine"}},
    )


def drop_hashing_collections(settings: Settings) -> list[str]:
    """Delete the collections of hashing vectors that states built before the hashing embedding
    stopped storing them left in embedded Chroma (1.3 GB at 10,000 documents); the collections
    of other embeddings stay. Not on a Chroma server, which other processes may share."""
    folder = settings.home / "index" / "chroma"
    if settings.chroma_url or not folder.is_dir():
        return []
    client = chroma_client(settings)
    dropped = []
    for collection in client.list_collections():
        function = (collection.configuration_json or {}).get("embedding_function") or {}
        if function.get("name") == "policy-hashing":
            client.delete_collection(collection.name)
            dropped.append(collection.name)
    return dropped
