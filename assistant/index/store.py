"""The search index: a store's collection (`vectors.py`: Chroma or Milvus) plus the committed
states' chunks and bm25s index, updated incrementally and safely.

Vectors live in one collection per index configuration; a vector's id carries its document's
version (content and metadata hash), so writing a new version never touches the vectors the live
state uses. An update embeds only new or changed documents, then commits (`commit.py`): a new
state folder renamed into place and `CURRENT` switched atomically. Searches only return vectors
of their own state. A process killed at any point therefore leaves the previous state fully
usable; the next update re-does what was not committed and drops vectors no state refers to.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from ..config import Settings
from ..corpus.decode import CorpusError
from ..corpus.documents import document_version, load_corpus
from ..schema import Chunk, Document
from .commit import Items, StateWriter, Terms
from .prepare import prepare
from .state import Index, collection_name, index_settings, seeds_signature, vector_id
from .stores import writes_vectors
from .vectors import SearchStore

log = logging.getLogger(__name__)

BATCH_DOCUMENTS = 500  # documents embedded before the first commit; each later batch doubles
_UPSERT = 256
WRITING = "WRITING"  # present while an update writes vectors its state does not yet refer to

Progress = Callable[[int, int], None]


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


@dataclass
class _Work:
    """What one update has to do, starting from the live state's chunks and versions."""

    by_doc: Items
    versions: dict[str, str]
    wanted: dict[str, tuple[Document, str]]
    todo: list[Document]
    removed: list[str]
    terms: Terms = field(default_factory=Terms)

    def kept_vectors(self) -> set[str]:
        return {vid for items in self.by_doc.values() for _, vid in items}

    def drop_removed(self) -> None:
        for doc_id in self.removed:
            self.by_doc.pop(doc_id, None)
            self.versions.pop(doc_id, None)


class IndexStore:
    """Finds, updates and switches index states under `<home>/index/`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.root = settings.home / "index"
        self.states = self.root / "states"
        self.writer = StateWriter(settings, self.root)

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
            and index.manifest.settings == index_settings(self.settings)
            and index.manifest.seeds_signature == seeds_signature(self.settings)
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
        wanted_settings = index_settings(self.settings)
        name = collection_name(wanted_settings)
        current = self.current()
        usable = (
            current is not None and not rebuild and current.manifest.settings == wanted_settings
        )
        work = self._work(documents, current if usable else None)
        result = SyncResult(current, unchanged=len(work.wanted) - len(work.todo))  # type: ignore[arg-type]
        if usable and not work.todo and not work.removed:
            assert current is not None
            if current.manifest.seeds_signature != seeds_signature(self.settings):
                result.index = self.writer.touch(current)  # files touched, content unchanged
            return result
        if writes_vectors(self.settings):
            result.index = self._with_vectors(work, name, started, progress, rebuild=rebuild)
        else:  # the state alone: nothing outside it to keep in step
            work.drop_removed()
            result.index = self._embed(work, None, name, started, progress)
            if not usable:  # built from scratch: vectors of earlier states are of no use
                self._drop_stored_hashing_vectors()
        result.added = [doc.doc_id for doc in work.todo]
        result.removed = work.removed
        return result

    def _with_vectors(
        self, work: _Work, name: str, started: float, progress: Progress, *, rebuild: bool
    ) -> Index:
        """Write the new documents' vectors to the store as well, and drop the old ones."""
        from .stores import open_store  # here: reading the index never loads Chroma

        collection = open_store(self.settings, name)
        # Vectors are written before the state that uses them is committed: the marker says an
        # update is under way, so one that finds it (the last was killed) looks for leftovers.
        marker = self.root / WRITING
        scan = rebuild or marker.exists()
        self.root.mkdir(parents=True, exist_ok=True)
        marker.touch()
        before = work.kept_vectors()
        self._collect_garbage(collection, keep=before, scan=scan)
        work.drop_removed()
        index = self._embed(work, collection, name, started, progress)
        # Replaced and removed documents leave no vector behind (a reader still on the previous
        # state just gets fewer dense hits for them: its searches skip ids it does not know).
        after = work.kept_vectors()
        self._collect_garbage(collection, keep=after, stale=before - after, scan=scan)
        marker.unlink(missing_ok=True)
        return index

    def _drop_stored_hashing_vectors(self) -> None:
        from .chroma import drop_hashing_collections

        try:
            if dropped := drop_hashing_collections(self.settings):
                log.info("dropped %d collections of hashing vectors", len(dropped))
        except Exception as exc:  # freeing disk space is never worth failing an update for
            log.warning("could not drop old hashing vectors (%s)", exc)

    @staticmethod
    def _work(documents: Sequence[Document], current: Index | None) -> _Work:
        by_doc: Items = {}
        terms = Terms()
        versions = dict(current.manifest.doc_versions) if current is not None else {}
        wanted = {doc.doc_id: (doc, document_version(doc)) for doc in documents}
        if not wanted:
            raise CorpusError("没有可检索的文档：seeds 与资料库都是空的。")
        todo = [doc for doc, v in wanted.values() if versions.get(doc.doc_id) != v]
        removed = sorted(set(versions) - set(wanted))
        if current is not None and (todo or removed):  # the live chunks only when needed
            for chunk, vid in zip(current.table.chunks.every(), current.vector_ids, strict=True):
                by_doc.setdefault(chunk.doc_id, []).append((chunk, vid))
            terms = Terms(
                base=current.term_table(),
                base_position=current.position,
                base_folder=current.folder,
            )
        return _Work(by_doc, versions, wanted, todo, removed, terms)

    def _embed(
        self,
        work: _Work,
        collection: SearchStore | None,
        name: str,
        started: float,
        progress: Progress,
    ) -> Index:
        """Chunk, segment and embed the new documents batch by batch (into `collection`, when
        the store keeps vectors), committing a state after each; the kept documents' terms
        come from the live state, not segmented again."""
        progress(0, len(work.todo))
        prepared = prepare(
            work.todo,
            max_tokens=self.settings.chunk_tokens,
            overlap_sentences=self.settings.chunk_overlap_sentences,
            cache_dir=self.settings.tiktoken_cache_dir,
        )
        done, size, index = 0, BATCH_DOCUMENTS, None
        with closing(prepared):  # on an error, the worker processes stop with it
            while index is None or done < len(work.todo):  # one commit even with nothing new
                fresh: list[tuple[Chunk, str]] = []
                for doc, chunks, terms in islice(prepared, size):
                    version = work.wanted[doc.doc_id][1]
                    work.by_doc[doc.doc_id] = [(c, vector_id(c, version)) for c in chunks]
                    work.versions[doc.doc_id] = version
                    for chunk, chunk_terms in zip(chunks, terms, strict=True):
                        work.terms.add(chunk.chunk_id, chunk_terms)
                    fresh += work.by_doc[doc.doc_id]
                    done += 1
                if collection is not None:
                    self._upsert(collection, fresh)
                index = self.writer.commit(work.by_doc, work.versions, name, started, work.terms)
                size *= 2  # each commit rebuilds BM25 over everything: doubling keeps that linear
                progress(done, len(work.todo))
        return index

    def _upsert(self, collection: SearchStore, items: list[tuple[Chunk, str]]) -> None:
        """Vectors and metadata (Chroma; the texts live in the state's `chunks/`, and Chroma
        indexing them for its own full-text search took most of an ingest's time) or vectors,
        metadata and texts for the engine's BM25 (Milvus)."""
        from .embeddings import embedding_function

        embed = embedding_function(self.settings)
        for start in range(0, len(items), _UPSERT):
            part = items[start : start + _UPSERT]
            collection.upsert(part, embed([c.index_text for c, _ in part]))

    @staticmethod
    def _collect_garbage(
        collection: SearchStore, keep: set[str], stale: set[str] = frozenset(), *, scan: bool
    ) -> None:
        """Delete vectors that no kept state refers to: `stale` (a replaced or removed
        document's) by id; with `scan`, any other (left by a killed update) found by listing
        the collection — not every time, as listing 100,000 ids takes seconds."""
        collection.delete(sorted(stale))
        if not scan:
            return
        left = [vid for ids in collection.pages() for vid in ids if vid not in keep]
        collection.delete(left)
        if left:
            log.info("dropped %d vectors no state refers to", len(left))
