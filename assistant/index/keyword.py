"""The keyword side of a state: every chunk's search terms kept as ids, and the BM25 model built
from them in a few vectorised passes.

bm25s builds its model with a Python loop over every chunk (about 18 s at 112,000 chunks), and
an update used to rebuild it that way from the terms as text. Here the terms are kept as numpy
arrays (`terms/`: the vocabulary, every chunk's term ids end to end, where each chunk starts),
an update carries the unchanged chunks' ids over by slicing, and the model is computed with
numpy — the same BM25 (Lucene's variant, bm25s's default) to the last float32 bit, saved in
bm25s's own format, so searching is unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

TERMS_DIR = "terms"
K1, B = 1.2, 0.75


@dataclass(frozen=True)
class TermTable:
    """Every chunk's terms: chunk i's term ids are `ids[offsets[i]:offsets[i + 1]]`."""

    vocab: list[str]
    ids: np.ndarray  # int32
    offsets: np.ndarray  # int64, one more than there are chunks

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def ids_of(self, i: int) -> np.ndarray:
        return self.ids[self.offsets[i] : self.offsets[i + 1]]

    def terms_of(self, i: int) -> list[str]:
        return [self.vocab[t] for t in self.ids_of(i)]

    def save(self, folder: Path) -> None:
        target = folder / TERMS_DIR
        target.mkdir()
        (target / "vocab.json").write_text(json.dumps(self.vocab, ensure_ascii=False), "utf-8")
        np.save(target / "ids.npy", self.ids)
        np.save(target / "offsets.npy", self.offsets)

    @classmethod
    def load(cls, folder: Path) -> TermTable | None:
        source = folder / TERMS_DIR
        if not source.is_dir():
            return None
        return cls(
            json.loads((source / "vocab.json").read_text("utf-8")),
            np.load(source / "ids.npy"),
            np.load(source / "offsets.npy"),
        )


class TermTableBuilder:
    """Assembles a new table chunk by chunk: ids carried over from the live table, or terms
    as text for new chunks. The vocabulary keeps the live one's ids and is pruned at the end."""

    def __init__(self, base: TermTable | None = None) -> None:
        self._word_id = {word: i for i, word in enumerate(base.vocab)} if base else {}
        self._base = base
        self._parts: list[np.ndarray] = []

    def add_terms(self, terms: Sequence[str]) -> None:
        known = self._word_id  # a new word gets the next id: the dict's order is the vocabulary
        self._parts.append(
            np.array([known.setdefault(t, len(known)) for t in terms], dtype=np.int32)
        )

    def add_kept(self, position: int) -> None:
        """Chunk `position` of the live table, unchanged."""
        assert self._base is not None
        self._parts.append(self._base.ids_of(position))

    def build(self) -> TermTable:
        lengths = np.fromiter((len(p) for p in self._parts), dtype=np.int64, count=len(self._parts))
        offsets = np.zeros(len(self._parts) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        ids = np.concatenate(self._parts) if self._parts else np.zeros(0, dtype=np.int32)
        # drop the words no chunk has any more, keeping the others' order
        words = list(self._word_id)
        used = np.flatnonzero(np.bincount(ids, minlength=len(words)))
        renumbered = np.zeros(len(words), dtype=np.int32)
        renumbered[used] = np.arange(len(used), dtype=np.int32)
        return TermTable([words[t] for t in used], renumbered[ids], offsets)


def table_from_terms(rows: Iterable[Sequence[str]]) -> TermTable:
    builder = TermTableBuilder()
    for terms in rows:
        builder.add_terms(terms)
    return builder.build()


def bm25_model(table: TermTable):  # -> bm25s.BM25
    """bm25s's BM25 (method "lucene", k1 1.2, b 0.75) over the table, computed with numpy.

    Per chunk and term: idf · tf / (tf + k1 · (1 − b + b · length / mean length)), with
    idf = ln(1 + (N − df + 0.5) / (df + 0.5)); stored as a CSC matrix, terms by column,
    chunks in order within each column — the arrays bm25s builds and searches.
    """
    import bm25s

    n_docs, n_vocab = len(table), len(table.vocab)
    lengths = np.diff(table.offsets)
    docs = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
    # one entry per (term, chunk), ordered by term then chunk, with how often the term occurs
    keys = np.unique(
        np.asarray(table.ids, dtype=np.int64) * max(n_docs, 1) + docs, return_counts=True
    )
    pairs, tf = keys
    terms, rows = pairs // max(n_docs, 1), pairs % max(n_docs, 1)
    df = np.bincount(terms, minlength=n_vocab)
    idf = np.log(1 + (n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
    mean_length = lengths.mean() if n_docs else 0.0
    norm = K1 * ((1 - B) + B * lengths[rows] / mean_length)
    data = (idf[terms].astype(np.float64) * (tf / (norm + tf))).astype(np.float32)
    indptr = np.zeros(n_vocab + 1, dtype=np.int64)
    np.cumsum(df, out=indptr[1:])

    model = bm25s.BM25(k1=K1, b=B)
    model.scores = {
        "data": data,
        "indices": rows.astype(np.int32),
        "indptr": indptr,
        "num_docs": n_docs,
    }
    model.vocab_dict = {word: i for i, word in enumerate(table.vocab)}
    if "" not in model.vocab_dict:  # as bm25s does: the empty term scores nothing
        model.vocab_dict[""] = n_vocab
    model.unique_token_ids_set = set(model.vocab_dict.values())
    model.nonoccurrence_array = None  # Lucene's variant has none
    return model
