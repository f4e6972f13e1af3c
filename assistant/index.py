"""The search index: one Chroma collection plus a bm25s index, built atomically with a manifest.

Layout under `<home>/index/`: one folder per build (`<build_id>/` holding `chroma/`, `bm25/`,
`chunks.jsonl`, `manifest.json`) and a `CURRENT` file naming the live build. A build is written
into a `.partial` folder and renamed into place before `CURRENT` is switched, so a crash at any
point leaves the previous index fully usable.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import time
from dataclasses import asdict, dataclass
from functools import cached_property
from importlib.metadata import version
from pathlib import Path

from .chunking import chunk_document, load_encoding
from .config import Settings
from .embeddings import embedding_function
from .schema import Chunk, Document
from .segment import search_terms
from .sources import corpus_fingerprint, load_corpus

COLLECTION = "passages"
FORMAT_VERSION = 1
_KEEP_BUILDS = 2


@dataclass(frozen=True, slots=True)
class Manifest:
    build_id: str
    corpus_hash: str
    files_signature: str
    settings: dict[str, object]
    versions: dict[str, str]
    documents: int
    chunks: int
    built_at: str
    build_seconds: float


def _files_signature(settings: Settings) -> str:
    """Cheap change detector: every corpus file's path, size and mtime."""
    digest = hashlib.sha256()
    for folder in (settings.seeds_dir, settings.library):
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.is_file():
                    stat = path.stat()
                    digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
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


def _versions() -> dict[str, str]:
    return {name: version(name) for name in ("chromadb", "bm25s", "jieba", "tiktoken")}


class Index:
    """A built index, opened read-only: chunks, the BM25 model and the Chroma collection."""

    def __init__(self, folder: Path, settings: Settings) -> None:
        self.folder = folder
        self.settings = settings
        self.manifest = Manifest(**json.loads((folder / "manifest.json").read_text("utf-8")))
        with (folder / "chunks.jsonl").open(encoding="utf-8") as lines:
            self.chunks = [Chunk(**json.loads(line)) for line in lines]
        self.position = {chunk.chunk_id: i for i, chunk in enumerate(self.chunks)}

    @cached_property
    def bm25(self):  # -> bm25s.BM25
        import bm25s

        return bm25s.BM25.load(self.folder / "bm25", show_progress=False)

    @cached_property
    def collection(self):  # -> chromadb Collection
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        client = chromadb.PersistentClient(
            path=str(self.folder / "chroma"),
            settings=ChromaSettings(anonymized_telemetry=False),
        )
        return client.get_collection(
            COLLECTION, embedding_function=embedding_function(self.settings)
        )

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


class IndexStore:
    """Finds, builds and switches index builds under `<home>/index/`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.root = settings.home / "index"

    @property
    def current_file(self) -> Path:
        return self.root / "CURRENT"

    def current(self) -> Index | None:
        try:
            build_id = self.current_file.read_text("utf-8").strip()
        except FileNotFoundError:
            return None
        folder = self.root / build_id
        return Index(folder, self.settings) if (folder / "manifest.json").exists() else None

    def is_fresh(self, index: Index | None) -> bool:
        """True when the live build matches the corpus files and the index settings."""
        return (
            index is not None
            and index.manifest.files_signature == _files_signature(self.settings)
            and index.manifest.settings == _index_settings(self.settings)
        )

    def ensure(self, *, rebuild: bool = False) -> tuple[Index, bool]:
        """Return the live index, building it first if missing or stale; True if it was built."""
        index = self.current()
        if not rebuild and self.is_fresh(index):
            return index, False  # type: ignore[return-value]
        documents = load_corpus(self.settings.seeds_dir, self.settings.library)
        build_id = self._build_id(documents)
        if not rebuild and index is not None and index.manifest.build_id == build_id:
            self._touch_signature(index)  # files were touched but their content is the same
            return Index(index.folder, self.settings), False
        return self.build(documents, build_id, replace=rebuild), True

    def _build_id(self, documents: list[Document]) -> str:
        payload = json.dumps([corpus_fingerprint(documents), _index_settings(self.settings)])
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    def build(self, documents: list[Document], build_id: str, *, replace: bool = False) -> Index:
        """Build into a partial folder, move it into place, then switch CURRENT atomically."""
        started = time.perf_counter()
        self.root.mkdir(parents=True, exist_ok=True)
        partial = self.root / f"{build_id}.partial-{os.getpid()}-{time.time_ns()}"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
        try:
            count_tokens = load_encoding(self.settings.effective_tiktoken_cache_dir)
            chunks = [
                chunk
                for doc in documents
                for chunk in chunk_document(
                    doc,
                    count_tokens,
                    max_tokens=self.settings.chunk_tokens,
                    overlap_sentences=self.settings.chunk_overlap_sentences,
                )
            ]
            self._write_chunks(partial, chunks)
            self._write_bm25(partial, chunks)
            self._write_chroma(partial, chunks)
            manifest = Manifest(
                build_id=build_id,
                corpus_hash=corpus_fingerprint(documents),
                files_signature=_files_signature(self.settings),
                settings=_index_settings(self.settings),
                versions=_versions(),
                documents=len(documents),
                chunks=len(chunks),
                built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                build_seconds=round(time.perf_counter() - started, 3),
            )
            (partial / "manifest.json").write_text(
                json.dumps(asdict(manifest), ensure_ascii=False, indent=2), "utf-8"
            )
            final = self.root / build_id
            if replace and final.exists():  # --rebuild: set the old copy aside, prune it later
                final.rename(self.root / f"{build_id}.old-{os.getpid()}-{time.time_ns()}")
            try:
                partial.rename(final)
            except OSError:
                # Another process finished the same build first; readers may be using it.
                if not (final / "manifest.json").exists():
                    raise
                shutil.rmtree(partial, ignore_errors=True)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        self._switch(build_id)
        return Index(final, self.settings)

    def _switch(self, build_id: str) -> None:
        tmp = self.root / f"CURRENT.{os.getpid()}.tmp"
        tmp.write_text(build_id, "utf-8")
        os.replace(tmp, self.current_file)
        self._prune(keep=build_id)

    def _prune(self, keep: str) -> None:
        """Drop old builds (keeping the previous one for readers still using it) and stale partials."""
        builds = sorted(
            (p for p in self.root.iterdir() if p.is_dir() and p.name != keep),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        finished = [p for p in builds if ".partial-" not in p.name]  # including `.old-` copies
        for old in finished[_KEEP_BUILDS - 1 :]:
            shutil.rmtree(old, ignore_errors=True)
        for partial in (p for p in builds if ".partial-" in p.name):
            if time.time() - partial.stat().st_mtime > 3600:
                shutil.rmtree(partial, ignore_errors=True)

    def _touch_signature(self, index: Index) -> None:
        data = asdict(index.manifest) | {"files_signature": _files_signature(self.settings)}
        tmp = index.folder / "manifest.json.tmp"
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
        os.replace(tmp, index.folder / "manifest.json")

    @staticmethod
    def _write_chunks(folder: Path, chunks: list[Chunk]) -> None:
        with (folder / "chunks.jsonl").open("w", encoding="utf-8") as out:
            for chunk in chunks:
                out.write(json.dumps(asdict(chunk), ensure_ascii=False) + "\n")

    @staticmethod
    def _write_bm25(folder: Path, chunks: list[Chunk]) -> None:
        import bm25s

        model = bm25s.BM25(k1=1.2, b=0.75)
        model.index([search_terms(c.index_text) for c in chunks], show_progress=False)
        model.save(folder / "bm25", show_progress=False)

    def _write_chroma(self, folder: Path, chunks: list[Chunk]) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        client = chromadb.PersistentClient(
            path=str(folder / "chroma"), settings=ChromaSettings(anonymized_telemetry=False)
        )
        collection = client.create_collection(
            COLLECTION,
            embedding_function=embedding_function(self.settings),
            configuration={"hnsw": {"space": "cosine"}},
        )
        try:
            batch = 512
            for start in range(0, len(chunks), batch):
                part = chunks[start : start + batch]
                collection.add(
                    ids=[c.chunk_id for c in part],
                    documents=[c.index_text for c in part],
                    metadatas=[
                        {"doc_id": c.doc_id, "region": c.region or "", "level": c.level}
                        for c in part
                    ],
                )
        finally:
            client.close()  # release the store before its folder is renamed into place
