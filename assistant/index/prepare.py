"""Chunk documents and segment each chunk into its search terms — once, on every core.

Segmentation (jieba, pure Python) is most of an ingest's time. Each chunk is segmented exactly
once, when its document is new or changed; its terms are kept with the state (`terms/`) and
carried into the next one, so a commit rebuilds the keyword index from stored terms instead of
segmenting the whole library again. A large ingest runs in worker processes, one per core
(`spawn`: a server's threads are never forked); a small one stays in the calling process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path

from ..schema import Chunk, Document
from ..text.segment import search_terms
from .chunking import chunk_document
from .encoding import load_encoding

log = logging.getLogger(__name__)

PARALLEL_CHARS = 1_500_000
"""Below this many characters, starting worker processes costs more than it saves."""

Prepared = tuple[Document, list[Chunk], list[list[str]]]


def prepare(
    documents: Sequence[Document],
    *,
    max_tokens: int,
    overlap_sentences: int,
    cache_dir: Path | None = None,
    workers: int | None = None,
) -> Iterator[Prepared]:
    """Each document with its chunks and each chunk's search terms, in the documents' order."""
    work = partial(
        _prepare, max_tokens=max_tokens, overlap_sentences=overlap_sentences, cache_dir=cache_dir
    )
    workers = workers or os.cpu_count() or 1
    if workers < 2 or sum(len(d.text) for d in documents) < PARALLEL_CHARS:
        yield from map(work, documents)
        return
    done = 0
    try:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            for result in pool.map(work, documents, chunksize=16):
                yield result
                done += 1
    except (BrokenProcessPool, OSError, RuntimeError) as exc:
        # e.g. a calling script without `if __name__ == "__main__":` cannot be re-imported by
        # the workers: finish in this process
        log.warning("parallel segmentation unavailable (%s); continuing in one process", exc)
        yield from map(work, documents[done:])


def _prepare(
    document: Document, *, max_tokens: int, overlap_sentences: int, cache_dir: Path | None
) -> Prepared:
    chunks = chunk_document(
        document,
        load_encoding(cache_dir),
        max_tokens=max_tokens,
        overlap_sentences=overlap_sentences,
    )
    return document, chunks, [search_terms(c.index_text) for c in chunks]
