"""The search index: one Chroma collection plus a bm25s index, updated incrementally and safely.

Layout under `<home>/index/`::

    chroma/               embedded Chroma (not used when `ASSISTANT_CHROMA_URL` names a server)
    states/<state_id>/    chunks.jsonl, bm25/, manifest.json: one committed state of the corpus
    CURRENT               names the live state

Vectors live in one collection per index configuration; a vector's id carries its document's
version (content and metadata hash), so writing a new version never touches the vectors the live
state uses. An update embeds only new or changed documents, then commits: it writes a new state
folder, renames it into place and switches `CURRENT` atomically. Searches only return vectors of
their own state. A process killed at any point therefore leaves the previous state fully usable;
the next update re-does what was not committed and drops vectors no state refers to.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from functools import cached_property
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

from .chunking import chunk_document, load_encoding
from .config import Settings
from .embeddings import embedding_function
from .schema import Chunk, Document
from .segment import search_terms
from .sources import CorpusError, document_version, load_corpus

log = logging.getLogger(__name__)

FORMAT_VERSION = 2
BATCH_DOCUMENTS = 500  # documents embedded before the first commit; each later batch doubles
_UPSERT = 256
_KEEP_STATES = 2

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Manifest:
    build_id: str
    corpus_hash: str
    seeds_signature: str
    settings: dict[str, object]
    versions: dict[str, str]
    collection: str
    documents: int
    chunks: int
    built_at: str
    build_seconds: float
    doc_versions: dict[str, str] = field(default_factory=dict)


def _seeds_signature(settings: Settings) -> str:
    """Cheap change detector for the bundled seeds: every file's name, size and mtime."""
    digest = hashlib.sha256()
    folder = settings.seeds_dir
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _index_settings(settings: Settings) -> dict[str, object]:
    ef = embedding_function(settings)
    return {
        "format": FORMAT_VERSION,
        "chunk_tokens": settings.chunk_tokens,
        "chunk_overlap_sentences": settings.chunk_overlap_sentences,
        "embedding": ef.name(),
        "embedding_config": ef.get_config(),
    }


def _collection_name(index_settings: dict[str, object]) -> str:
    key = hashlib.sha256(json.dumps(index_settings, sort_keys=True).encode()).hexdigest()
    return f"passages-{key[:12]}"


def _versions() -> dict[str, str]:
    return {name: version(name) for name in ("chromadb", "bm25s", "jieba", "tiktoken")}


def vector_id(chunk: Chunk, doc_version: str) -> str:
    """The id of a chunk's vector: `<doc version>#<n>`, new for every version of a document."""
    return f"{doc_version[:24]}#{chunk.chunk_id.rsplit('#', 1)[1]}"


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


class Index:
    """One committed state, opened read-only: chunks, the BM25 model and the Chroma collection."""

    def __init__(self, folder: Path, settings: Settings) -> None:
        self.folder = folder
        self.settings = settings
        self.manifest = Manifest(**json.loads((folder / "manifest.json").read_text("utf-8")))
        self.chunks: list[Chunk] = []
        self.vector_ids: list[str] = []
        with (folder / "chunks.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                self.vector_ids.append(record.pop("vector_id"))
                self.chunks.append(Chunk(**record))
        self.position = {chunk.chunk_id: i for i, chunk in enumerate(self.chunks)}
        self.vector_position = {vid: i for i, vid in enumerate(self.vector_ids)}

    @cached_property
    def bm25(self):  # -> bm25s.BM25
        import bm25s

        return bm25s.BM25.load(self.folder / "bm25", show_progress=False)

    @cached_property
    def collection(self):  # -> chromadb Collection
        return open_collection(self.settings, self.manifest.collection)

    def document_frequency(self, term: str) -> int:
        """How many chunks contain the term (as a BM25 search term)."""
        column = self.bm25.vocab_dict.get(term)
        indptr = self.bm25.scores["indptr"]
        return 0 if column is None else int(indptr[column + 1] - indptr[column])

    def idf(self, term: str) -> float:
        """BM25 inverse document frequency of a term over chunks (unknown terms score highest)."""
        df = self.document_frequency(term)
        return math.log(1 + (len(self.chunks) - df + 0.5) / (df + 0.5))

    @cached_property
    def outlets(self) -> set[str]:
        from .mentions import outlets

        return outlets(self.chunks)

    def documents(self) -> list[str]:
        return sorted({chunk.doc_id for chunk in self.chunks})


@dataclass
class SyncResult:
    """What an update did: documents embedded, removed and left as they were."""

    index: Index
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)


class IndexStore:
    """Finds, updates and switches index states under `<home>/index/`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.root = settings.home / "index"
        self.states = self.root / "states"

    @property
    def current_file(self) -> Path:
        return self.root / "CURRENT"

    def current_id(self) -> str | None:
        try:
            return self.current_file.read_text("utf-8").strip() or None
        except FileNotFoundError:
            return None

    def current(self) -> Index | None:
        state = self.current_id()
        folder = self.states / state if state else None
        if folder is None or not (folder / "manifest.json").exists():
            return None
        return Index(folder, self.settings)

    def is_fresh(self, index: Index | None) -> bool:
        """True when the live state was built with these settings and the seeds did not change."""
        return (
            index is not None
            and index.manifest.settings == _index_settings(self.settings)
            and index.manifest.seeds_signature == _seeds_signature(self.settings)
        )

    def ensure(self, *, rebuild: bool = False) -> tuple[Index, bool]:
        """The live index, updated first when missing, built with other settings, or when the
        bundled seeds changed; True if anything was (re)indexed. The library is updated only by
        `sync` (`assistant index` / `assistant ingest`), so a reader never waits on an ingest."""
        index = self.current()
        if not rebuild and self.is_fresh(index):
            return index, False  # type: ignore[return-value]
        result = self.sync(
            load_corpus(self.settings.seeds_dir, self.settings.library), rebuild=rebuild
        )
        return result.index, result.changed or rebuild

    def sync(
        self,
        documents: Sequence[Document],
        *,
        rebuild: bool = False,
        progress: Progress = lambda done, total: None,
    ) -> SyncResult:
        """Make the index hold exactly `documents`: embed new and changed ones in batches, each
        batch committed as a new state; drop the rest. `rebuild` re-embeds everything."""
        started = time.perf_counter()
        index_settings = _index_settings(self.settings)
        name = _collection_name(index_settings)
        current = self.current()
        usable = current is not None and not rebuild and current.manifest.settings == index_settings
        collection = open_collection(self.settings, name)
        by_doc: dict[str, list[tuple[Chunk, str]]] = {}
        versions: dict[str, str] = {}
        if usable:
            assert current is not None
            versions = dict(current.manifest.doc_versions)
            for chunk, vid in zip(current.chunks, current.vector_ids, strict=True):
                by_doc.setdefault(chunk.doc_id, []).append((chunk, vid))
        wanted = {doc.doc_id: (doc, document_version(doc)) for doc in documents}
        todo = [doc for doc, v in wanted.values() if versions.get(doc.doc_id) != v]
        removed = sorted(set(versions) - set(wanted))
        if not wanted:
            raise CorpusError("没有可检索的文档：seeds 与资料库都是空的。")
        result = SyncResult(current, unchanged=len(wanted) - len(todo))  # type: ignore[arg-type]
        if usable and not todo and not removed:
            if current.manifest.seeds_signature != _seeds_signature(self.settings):  # type: ignore[union-attr]
                result.index = self._touch(current)  # type: ignore[arg-type]  # files touched only
            return result
        self._collect_garbage(collection, keep={v for items in by_doc.values() for _, v in items})
        for doc_id in removed:
            by_doc.pop(doc_id, None)
            versions.pop(doc_id, None)
        count_tokens = load_encoding(self.settings.effective_tiktoken_cache_dir)
        progress(0, len(todo))
        start, size = 0, BATCH_DOCUMENTS
        while start == 0 or start < len(todo):  # at least one commit, even with nothing new
            batch = todo[start : start + size]
            fresh: list[tuple[Chunk, str]] = []
            for doc in batch:
                version_ = wanted[doc.doc_id][1]
                chunks = chunk_document(
                    doc,
                    count_tokens,
                    max_tokens=self.settings.chunk_tokens,
                    overlap_sentences=self.settings.chunk_overlap_sentences,
                )
                by_doc[doc.doc_id] = [(c, vector_id(c, version_)) for c in chunks]
                versions[doc.doc_id] = version_
                fresh += by_doc[doc.doc_id]
            self._upsert(collection, fresh)
            result.index = self._commit(by_doc, versions, name, started)
            start += max(len(batch), 1)
            size *= 2  # each commit rebuilds BM25 over everything: doubling keeps that linear
            progress(min(start, len(todo)), len(todo))
        # Replaced and removed documents leave no vector behind (a reader still on the previous
        # state just gets fewer dense hits for them: its searches skip ids it does not know).
        self._collect_garbage(collection, keep={v for items in by_doc.values() for _, v in items})
        result.added = [doc.doc_id for doc in todo]
        result.removed = removed
        return result

    # --- writing ---

    def _upsert(self, collection, items: list[tuple[Chunk, str]]) -> None:
        for start in range(0, len(items), _UPSERT):
            part = items[start : start + _UPSERT]
            collection.upsert(
                ids=[vid for _, vid in part],
                documents=[c.index_text for c, _ in part],
                metadatas=[
                    {"doc_id": c.doc_id, "region": c.region or "", "level": c.level}
                    for c, _ in part
                ],
            )

    def _commit(
        self,
        by_doc: dict[str, list[tuple[Chunk, str]]],
        versions: dict[str, str],
        collection: str,
        started: float,
    ) -> Index:
        """Write a state into a partial folder, rename it into place, switch CURRENT."""
        items = [item for doc_id in sorted(by_doc) for item in by_doc[doc_id]]
        chunks = [chunk for chunk, _ in items]
        corpus_hash = hashlib.sha256(
            "".join(versions[d] for d in sorted(versions)).encode()
        ).hexdigest()
        state_id = (
            f"{time.strftime('%Y%m%d-%H%M%S')}-{corpus_hash[:10]}-{time.time_ns() % 10**6:06d}"
        )
        self.states.mkdir(parents=True, exist_ok=True)
        partial = self.states / f".{state_id}.partial-{time.time_ns()}"
        partial.mkdir()
        try:
            with (partial / "chunks.jsonl").open("w", encoding="utf-8") as out:
                for chunk, vid in items:
                    out.write(
                        json.dumps(asdict(chunk) | {"vector_id": vid}, ensure_ascii=False) + "\n"
                    )
            self._write_bm25(partial, chunks)
            manifest = Manifest(
                build_id=state_id,
                corpus_hash=corpus_hash,
                seeds_signature=_seeds_signature(self.settings),
                settings=_index_settings(self.settings),
                versions=_versions(),
                collection=collection,
                documents=len(by_doc),
                chunks=len(chunks),
                built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                build_seconds=round(time.perf_counter() - started, 3),
                doc_versions=dict(sorted(versions.items())),
            )
            (partial / "manifest.json").write_text(
                json.dumps(asdict(manifest), ensure_ascii=False, indent=1), "utf-8"
            )
            final = self.states / state_id
            partial.rename(final)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        self._switch(state_id)
        return Index(final, self.settings)

    def _touch(self, index: Index) -> Index:
        """Record the seeds' new signature in the live state (their content did not change)."""
        data = asdict(index.manifest) | {"seeds_signature": _seeds_signature(self.settings)}
        tmp = index.folder / f"manifest.json.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
        os.replace(tmp, index.folder / "manifest.json")
        return Index(index.folder, self.settings)

    @staticmethod
    def _write_bm25(folder: Path, chunks: list[Chunk]) -> None:
        import bm25s

        model = bm25s.BM25(k1=1.2, b=0.75)
        model.index([search_terms(c.index_text) for c in chunks], show_progress=False)
        model.save(folder / "bm25", show_progress=False)

    def _switch(self, state_id: str) -> None:
        tmp = self.root / f"CURRENT.{os.getpid()}.tmp"
        tmp.write_text(state_id, "utf-8")
        os.replace(tmp, self.current_file)
        self._prune(keep=state_id)

    def _states_newest_first(self) -> list[Path]:
        if not self.states.is_dir():
            return []
        return sorted(
            (p for p in self.states.iterdir() if p.is_dir() and not p.name.startswith(".")),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )

    def _prune(self, keep: str) -> None:
        """Keep the live state and the one before it (readers may still use it); drop the rest."""
        others = [p for p in self._states_newest_first() if p.name != keep]
        for old in others[_KEEP_STATES - 1 :]:
            shutil.rmtree(old, ignore_errors=True)
        for leftover in self.states.glob(".*"):  # partial or replaced folders of earlier runs
            if time.time() - leftover.stat().st_mtime > 600:
                shutil.rmtree(leftover, ignore_errors=True)

    def _collect_garbage(self, collection, keep: set[str]) -> None:
        """Delete vectors that no kept state refers to (left by replaced documents or crashes)."""
        stale, offset, page = [], 0, 5000
        while True:
            ids = collection.get(include=[], limit=page, offset=offset)["ids"]
            stale += [vid for vid in ids if vid not in keep]
            if len(ids) < page:
                break
            offset += page
        for start in range(0, len(stale), 5000):
            collection.delete(ids=stale[start : start + 5000])
        if stale:
            log.info("dropped %d vectors no state refers to", len(stale))
