"""One committed state of the index, opened read-only: chunks, the BM25 model, the collection.

Layout under `<home>/index/`::

    chroma/               embedded Chroma (not used when `ASSISTANT_CHROMA_URL` names a server)
    states/<state_id>/    chunks.jsonl, bm25/, manifest.json: one committed state of the corpus
    CURRENT               names the live state
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import version
from pathlib import Path

from ..config import Settings
from ..schema import Chunk
from ..text import lexicon
from .chroma import open_collection
from .embeddings import embedding_function

TERMS_FILE = "terms.tsv"  # each chunk's search terms, tab-separated, one line per chunk
FORMAT_VERSION = 3  # 3: BM25 terms include the character pairs of unknown words


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


def seeds_signature(settings: Settings) -> str:
    """Cheap change detector for the bundled seeds: every file's name, size and mtime."""
    digest = hashlib.sha256()
    folder = settings.seeds_dir
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def index_settings(settings: Settings) -> dict[str, object]:
    """What a state was built with; a state built otherwise is rebuilt."""
    ef = embedding_function(settings)
    return {
        "format": FORMAT_VERSION,
        "chunk_tokens": settings.chunk_tokens,
        "chunk_overlap_sentences": settings.chunk_overlap_sentences,
        "embedding": ef.name(),
        "embedding_config": ef.get_config(),
        # The word lists decide how text is cut into search terms: a change re-indexes.
        "vocabulary": lexicon.fingerprint(),
    }


def collection_name(settings_of_index: dict[str, object]) -> str:
    key = hashlib.sha256(json.dumps(settings_of_index, sort_keys=True).encode()).hexdigest()
    return f"passages-{key[:12]}"


def library_versions() -> dict[str, str]:
    return {name: version(name) for name in ("chromadb", "bm25s", "jieba", "tiktoken")}


def vector_id(chunk: Chunk, doc_version: str) -> str:
    """The id of a chunk's vector: `<doc version>#<n>`, new for every version of a document."""
    return f"{doc_version[:24]}#{chunk.chunk_id.rsplit('#', 1)[1]}"


def outlets(chunks: Iterable[Chunk]) -> set[str]:
    """Every outlet named in chunk metadata (“甲日报、乙微报” counts as two)."""
    return {name for c in chunks if c.source for name in re.split(r"[、，,/]", c.source) if name}


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

    def terms(self) -> dict[str, list[str]]:
        """Each chunk's search terms as segmented when it was indexed (empty for a state written
        before terms were kept: they are segmented again)."""
        path = self.folder / TERMS_FILE
        if not path.exists():
            return {}
        with path.open(encoding="utf-8") as lines:
            rows = [line.rstrip("\n") for line in lines]
        if len(rows) != len(self.chunks):
            return {}
        return {
            c.chunk_id: row.split("\t") if row else []
            for c, row in zip(self.chunks, rows, strict=True)
        }

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
        return outlets(self.chunks)

    def documents(self) -> list[str]:
        return sorted({chunk.doc_id for chunk in self.chunks})
