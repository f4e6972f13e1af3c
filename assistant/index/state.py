"""One committed state of the index, opened read-only: chunks, the BM25 model, the collection.

Layout under `<home>/index/`::

    chroma/               embedded Chroma (not used when `ASSISTANT_CHROMA_URL` names a server)
    states/<state_id>/    chunks/, terms/, bm25/, manifest.json: one committed state
    CURRENT               names the live state
    WRITING               present while an update writes vectors (a killed one leaves it)
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import version
from pathlib import Path
from typing import TypeVar

import numpy as np

from ..config import Settings
from ..schema import Chunk
from ..text import lexicon
from ..text.regions import province_aliases
from . import hashing
from .chunk_table import ChunkTable
from .keyword import TermTable, table_from_terms

_REMEMBERED_PHRASES = 1024
T = TypeVar("T")


TERMS_FILE = "terms.tsv"  # the terms as text, as states before `terms/` kept them
# 3: BM25 terms include the character pairs of unknown words; 4: cut by rjieba; 5: a list item's
# number on a line of its own (一是) opens the line after it, not a section
FORMAT_VERSION = 5


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
    name, config = _embedding_identity(settings)
    return {
        "format": FORMAT_VERSION,
        "chunk_tokens": settings.chunk_tokens,
        "chunk_overlap_sentences": settings.chunk_overlap_sentences,
        "embedding": name,
        "embedding_config": config,
        # The word lists that decide how text is cut into search terms: a change re-indexes.
        "vocabulary": lexicon.fingerprint(lexicon.INDEXING),
    } | _store_identity(settings)


def _store_identity(settings: Settings) -> dict[str, object]:
    """Which store a state's searches run in; none for the default (so states built before
    there was a choice stay fresh). Another Milvus (URI) is another index: rebuilt into it."""
    if settings.store == "chroma":
        return {}
    from .milvus import milvus_uri

    return {"store": settings.store, "store_uri": milvus_uri(settings)}


def _embedding_identity(settings: Settings) -> tuple[str, dict]:
    """The embedding's registered name and configuration; for the offline default without
    importing Chroma (a cold `assistant ask` then never loads it for a keyword hit)."""
    if settings.embedding == "hashing":
        return hashing.NAME, hashing.config(settings.embedding_dim)
    from .embeddings import embedding_function

    ef = embedding_function(settings)
    return ef.name(), ef.get_config()


def collection_name(settings_of_index: dict[str, object]) -> str:
    key = hashlib.sha256(json.dumps(settings_of_index, sort_keys=True).encode()).hexdigest()
    return f"passages-{key[:12]}"


def library_versions() -> dict[str, str]:
    return {name: version(name) for name in ("chromadb", "bm25s", "jieba", "tiktoken")}


def vector_id(chunk: Chunk, doc_version: str) -> str:
    """The id of a chunk's vector: `<doc version>#<n>`, new for every version of a document."""
    return f"{doc_version[:24]}#{chunk.chunk_id.rsplit('#', 1)[1]}"


class Index:
    """One committed state, opened read-only: chunks, the BM25 model and the Chroma collection."""

    def __init__(self, folder: Path, settings: Settings) -> None:
        self.folder = folder
        self.settings = settings
        self.manifest = Manifest(**json.loads((folder / "manifest.json").read_text("utf-8")))
        self._contains: dict[str, np.ndarray] = {}
        self._fields: dict[str, tuple[dict[str | None, int], np.ndarray]] = {}
        self._derived: dict[str, object] = {}

    @cached_property
    def table(self) -> ChunkTable:
        """The chunks, read on first use (a freshness check needs only the manifest)."""
        return ChunkTable(self.folder)

    @property
    def chunks(self) -> Sequence[Chunk]:
        return self.table.chunks

    @property
    def vector_ids(self) -> list[str]:
        return self.table.columns["vector_id"]

    @cached_property
    def position(self) -> dict[str, int]:
        return {chunk_id: i for i, chunk_id in enumerate(self.table.columns["chunk_id"])}

    @cached_property
    def vector_position(self) -> dict[str, int]:
        return {vid: i for i, vid in enumerate(self.vector_ids)}

    @cached_property
    def bm25(self):  # -> bm25s.BM25
        import bm25s

        return bm25s.BM25.load(self.folder / "bm25", mmap=True, show_progress=False)

    @property
    def _joined(self) -> tuple[str, np.ndarray]:
        """Every chunk's text in one string (NUL between chunks) and where each chunk starts."""
        return self.table.joined, self.table.starts

    def containing(self, phrase: str) -> np.ndarray:
        """Positions of the chunks whose text contains `phrase` (remembered per phrase)."""
        if phrase not in self._contains and phrase in province_aliases():
            self._contains.update(self._scan(province_aliases()))  # one pass for every place
        found = self._contains.get(phrase)
        if found is None:
            text, starts = self._joined
            hits, at = [], text.find(phrase)
            while at >= 0:
                hits.append(at)
                at = text.find(phrase, at + 1)
            found = np.unique(
                np.searchsorted(starts, np.asarray(hits, dtype=np.int64), "right") - 1
            )
            if len(self._contains) >= _REMEMBERED_PHRASES:
                self._contains.clear()
            self._contains[phrase] = found
        return found

    def _scan(self, phrases: frozenset[str]) -> dict[str, np.ndarray]:
        """Where each of `phrases` occurs, in one regular-expression pass over all chunks."""
        text, starts = self._joined
        pattern = re.compile("|".join(map(re.escape, sorted(phrases, key=len, reverse=True))))
        hits: dict[str, list[int]] = {p: [] for p in phrases}
        for match in pattern.finditer(text):
            hits[match.group()].append(match.start())
        # a shorter name inside a longer one (河北 in 河北省) is found by the longer one's hits
        for phrase in phrases:
            for longer in phrases:
                if phrase != longer and phrase in longer:
                    hits[phrase] += [at + longer.index(phrase) for at in hits[longer]]
        return {
            p: np.unique(np.searchsorted(starts, np.asarray(at, dtype=np.int64), "right") - 1)
            for p, at in hits.items()
        }

    def field_equals(self, name: str, value: str) -> np.ndarray:
        """Which chunks have metadata field `name` equal to `value`."""
        values, codes = self._field(name)
        return codes == values.get(value, -1)

    def field_in(self, name: str, wanted: Iterable[str | None]) -> np.ndarray:
        """Which chunks have metadata field `name` equal to one of `wanted`."""
        values, codes = self._field(name)
        return np.isin(codes, [values[v] for v in set(wanted) if v in values])

    def remember(self, key: str, compute: Callable[[], T]) -> T:
        """A value derived from this state alone, computed once (the state never changes)."""
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]  # type: ignore[return-value]

    def field_contains(self, name: str, part: str) -> np.ndarray:
        """Which chunks have metadata field `name` containing `part`."""
        values, codes = self._field(name)
        return np.isin(codes, [code for value, code in values.items() if part in (value or "")])

    def _field(self, name: str) -> tuple[dict[str | None, int], np.ndarray]:
        if name not in self._fields:
            values: dict[str | None, int] = {}
            column = self.table.columns[name]
            codes = [values.setdefault(value, len(values)) for value in column]
            self._fields[name] = (values, np.asarray(codes, dtype=np.int32))
        return self._fields[name]

    def term_table(self) -> TermTable | None:
        """Each chunk's search terms as segmented when it was indexed; None for a state written
        before terms were kept (they are segmented again)."""
        table = TermTable.load(self.folder)
        if table is None and (self.folder / TERMS_FILE).exists():  # kept as text before
            with (self.folder / TERMS_FILE).open(encoding="utf-8") as lines:
                table = table_from_terms(
                    line.rstrip("\n").split("\t") if line != "\n" else [] for line in lines
                )
        return table if table is not None and len(table) == len(self.chunks) else None

    def terms(self) -> dict[str, list[str]]:
        """Each chunk's search terms by chunk id (empty when not kept)."""
        table = self.term_table()
        if table is None:
            return {}
        return {c.chunk_id: table.terms_of(i) for i, c in enumerate(self.chunks)}

    @property
    def store_ranks_keywords(self) -> bool:
        """True when the store ranks by keywords too (Milvus), known without opening it."""
        return self.manifest.settings.get("store") == "milvus"

    @cached_property
    def vectors(self):  # -> vectors.SearchStore
        """The store this state's vectors (and, in Milvus, its keyword index) were written to."""
        from .stores import open_store

        store = self.manifest.settings.get("store")
        return open_store(self.settings, self.manifest.collection, store)  # type: ignore[arg-type]

    @property
    def collection(self):  # -> chromadb Collection (the default store)
        return self.vectors.collection

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
        """Every outlet named in chunk metadata (“甲日报、乙微报” counts as two)."""
        sources = set(self.table.columns["source"])
        return {
            name for source in sources if source for name in re.split(r"[、，,/]", source) if name
        }

    def documents(self) -> list[str]:
        return sorted(set(self.table.columns["doc_id"]))
