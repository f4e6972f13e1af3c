"""Writing index states: each one into a partial folder, renamed into place, then `CURRENT`
switched atomically — so a process killed at any point leaves the previous state usable."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from ..config import Settings
from ..schema import Chunk
from ..text.segment import search_terms
from .chunk_table import write_chunks
from .keyword import (
    TERMS_DIR,
    TF_FILE,
    TermTable,
    TermTableBuilder,
    bm25_model,
    pairs_of,
    updated_pairs,
    word_ids,
)
from .state import (
    Index,
    Manifest,
    index_settings,
    library_versions,
    seeds_signature,
)

log = logging.getLogger(__name__)

KEEP_STATES = 2
_LEFTOVER_SECONDS = 600

Items = dict[str, list[tuple[Chunk, str]]]  # doc id → its chunks with their vector ids


class StateWriter:
    """Commits states under `<home>/index/states/` and switches `<home>/index/CURRENT`."""

    def __init__(self, settings: Settings, root: Path) -> None:
        self.settings = settings
        self.root = root
        self.states = root / "states"

    def commit(
        self,
        by_doc: Items,
        versions: dict[str, str],
        collection: str,
        started: float,
        terms: Terms,
    ) -> Index:
        """Write a state into a partial folder, rename it into place, switch CURRENT."""
        items = [item for doc_id in sorted(by_doc) for item in by_doc[doc_id]]
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
            write_chunks(partial, items)
            terms.keyword_index(partial, [chunk for chunk, _ in items])
            manifest = Manifest(
                build_id=state_id,
                corpus_hash=corpus_hash,
                seeds_signature=seeds_signature(self.settings),
                settings=index_settings(self.settings),
                versions=library_versions(),
                collection=collection,
                documents=len(by_doc),
                chunks=len(items),
                built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                build_seconds=round(time.perf_counter() - started, 3),
                doc_versions=dict(sorted(versions.items())),
            )
            _write_json(partial / "manifest.json", asdict(manifest))
            final = self.states / state_id
            partial.rename(final)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        self._switch(state_id)
        return Index(final, self.settings)

    def touch(self, index: Index) -> Index:
        """Record the seeds' new signature in the live state (their content did not change)."""
        data = asdict(index.manifest) | {"seeds_signature": seeds_signature(self.settings)}
        tmp = index.folder / f"manifest.json.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
        os.replace(tmp, index.folder / "manifest.json")
        return Index(index.folder, self.settings)

    def _switch(self, state_id: str) -> None:
        tmp = self.root / f"CURRENT.{os.getpid()}.tmp"
        tmp.write_text(state_id, "utf-8")
        os.replace(tmp, self.root / "CURRENT")
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
        for old in others[KEEP_STATES - 1 :]:
            shutil.rmtree(old, ignore_errors=True)
        for leftover in self.states.glob(".*"):  # partial or replaced folders of earlier runs
            if time.time() - leftover.stat().st_mtime > _LEFTOVER_SECONDS:
                shutil.rmtree(leftover, ignore_errors=True)


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")


@dataclass
class Terms:
    """Where each chunk's search terms come from: segmented in this update (`fresh`, as ids
    into `words`: held as strings, a large ingest's terms took gigabytes), or the live state's
    (`base`, positions by chunk id, its folder `base_folder`); a chunk in neither is segmented
    now."""

    fresh: dict[str, np.ndarray] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)
    base: TermTable | None = None
    base_position: dict[str, int] = field(default_factory=dict)
    base_folder: Path | None = None

    def add(self, chunk_id: str, terms: list[str]) -> None:
        self.fresh[chunk_id] = word_ids(self.words, terms)

    def table(self, chunks: list[Chunk]) -> tuple[TermTable, list[int]]:
        """The chunks' terms, and where each came from (`TermTableBuilder.sources`)."""
        builder = TermTableBuilder(self.base)
        renumber = builder.ids_for(list(self.words))  # this update's word ids → the table's
        for chunk in chunks:
            if (found := self.fresh.get(chunk.chunk_id)) is not None:
                builder.add_ids(renumber[found])
            elif (position := self.base_position.get(chunk.chunk_id)) is not None:
                builder.add_kept(position)
            else:  # a state written before terms were kept
                builder.add_terms(search_terms(chunk.index_text))
        return builder.build(), builder.sources

    def keyword_index(self, folder: Path, chunks: list[Chunk]) -> None:
        """Write the chunks' terms (`terms/`) and the BM25 model (`bm25/`) into `folder`: from
        the live state's model when there is one, else computed over every chunk."""
        table, sources = self.table(chunks)
        pairs = None
        if self.base is not None and self.base_folder is not None:
            pairs = updated_pairs(table, sources, self.base, self.base_folder)
        _write_keyword_index(folder, table, pairs if pairs is not None else pairs_of(table))


def _write_keyword_index(folder: Path, table: TermTable, pairs) -> None:
    table.save(folder)
    np.save(folder / TERMS_DIR / TF_FILE, pairs[1])
    bm25_model(table, pairs).save(folder / "bm25", show_progress=False)
