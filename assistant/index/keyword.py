"""The keyword side of a state: every chunk's search terms kept as ids, and the BM25 model built
from them in a few vectorised passes.

bm25s builds its model with a Python loop over every chunk (about 18 s at 112,000 chunks), and
an update used to rebuild it that way from the terms as text. Here the terms are kept as numpy
arrays (`terms/`: the vocabulary, every chunk's term ids end to end, where each chunk starts),
an update carries the unchanged chunks' ids over by slicing, and the model is computed with
numpy — the same BM25 (Lucene's variant, bm25s's default) to the last float32 bit, saved in
bm25s's own format, so searching is unchanged.

An update does not even recompute the model's (term, chunk) entries: it takes the live state's
(`updated_pairs`), drops the removed chunks' and inserts the new chunks' in place — no sort over
the library — then recomputes the scores, which every document's length enters.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

TERMS_DIR = "terms"
TF_FILE = "tf.npy"  # in terms/: each model entry's term frequency, in the model's order
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
        self.sources: list[int] = []
        """For each chunk added, its position in the live table, or -1 (segmented now)."""

    def add_terms(self, terms: Sequence[str]) -> None:
        self.add_ids(self.ids_for(terms))

    def ids_for(self, words: Sequence[str]) -> np.ndarray:
        """The ids the table gives `words` (new words get the next ids)."""
        return word_ids(self._word_id, words)

    def add_ids(self, ids: np.ndarray) -> None:
        """A chunk segmented now, its terms already as this table's ids (`ids_for`)."""
        self._parts.append(ids)
        self.sources.append(-1)

    def add_kept(self, position: int) -> None:
        """Chunk `position` of the live table, unchanged."""
        assert self._base is not None
        self._parts.append(self._base.ids_of(position))
        self.sources.append(position)

    def build(self) -> TermTable:
        lengths = np.fromiter((len(p) for p in self._parts), dtype=np.int64, count=len(self._parts))
        offsets = np.zeros(len(self._parts) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        ids = np.concatenate(self._parts) if self._parts else np.zeros(0, dtype=np.int32)
        self._parts = []  # (copies: the table's ids are all that is kept)
        # drop the words no chunk has any more, keeping the others' order
        words = list(self._word_id)
        used = np.flatnonzero(np.bincount(ids, minlength=len(words)))
        renumbered = np.zeros(len(words), dtype=np.int32)
        renumbered[used] = np.arange(len(used), dtype=np.int32)
        return TermTable([words[t] for t in used], renumbered[ids], offsets)


def word_ids(vocabulary: dict[str, int], words: Sequence[str]) -> np.ndarray:
    """Each word's id in `vocabulary`, a word not in it added with the next id (the dict's
    order is the vocabulary's)."""
    return np.fromiter(
        (vocabulary.setdefault(w, len(vocabulary)) for w in words), np.int32, len(words)
    )


def table_from_terms(rows: Iterable[Sequence[str]]) -> TermTable:
    builder = TermTableBuilder()
    for terms in rows:
        builder.add_terms(terms)
    return builder.build()


def pairs_of(table: TermTable, chunks: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The model's entries: one key per (term, chunk) — term · chunks + chunk, ascending — with
    how often the term occurs in the chunk; for `chunks` (positions) only, or every chunk.

    Every chunk's are counted a block of chunks at a time and sorted in place, with the count in
    the key's low bits: at 100,000 documents (124 M terms) a single `np.unique` held gigabytes.
    """
    n_docs = max(len(table), 1)
    lengths = np.diff(table.offsets)
    if chunks is not None:
        ids = np.concatenate([table.ids_of(int(c)) for c in chunks] or [np.zeros(0, np.int32)])
        docs = np.repeat(np.asarray(chunks, dtype=np.int64), lengths[chunks])
        keys, tf = np.unique(np.asarray(ids, dtype=np.int64) * n_docs + docs, return_counts=True)
        return keys, tf.astype(np.int32)
    packed = []
    for first, last in _blocks(table.offsets):
        docs = np.repeat(np.arange(first, last, dtype=np.int32), lengths[first:last])
        keys = table.ids[table.offsets[first] : table.offsets[last]].astype(np.int64)
        keys *= n_docs
        keys += docs
        keys, tf = np.unique(keys, return_counts=True)
        keys <<= _TF_BITS
        keys |= np.minimum(tf, _TF_MAX)  # a term at most once per character: far below
        packed.append(keys)
    keys = np.concatenate(packed) if packed else np.zeros(0, dtype=np.int64)
    del packed
    keys.sort()  # in place; the keys are distinct, so the counts in the low bits never decide
    tf = (keys & _TF_MAX).astype(np.int32)
    keys >>= _TF_BITS
    return keys, tf


_TF_BITS = 20
_TF_MAX = (1 << _TF_BITS) - 1
_BLOCK_TERMS = 1 << 22
"""Terms counted at a time (4 M: about 100 MB of temporaries)."""


def _blocks(offsets: np.ndarray) -> list[tuple[int, int]]:
    """Ranges of chunks holding about `_BLOCK_TERMS` terms each."""
    cuts = np.searchsorted(offsets, np.arange(0, offsets[-1], _BLOCK_TERMS), side="right") - 1
    bounds = sorted({*cuts.tolist(), len(offsets) - 1})
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def updated_pairs(
    table: TermTable, sources: Sequence[int], base: TermTable, base_folder: Path
) -> tuple[np.ndarray, np.ndarray] | None:
    """`pairs_of(table)` from the live state's model: its entries for the chunks kept (renumbered
    — both numberings keep the live order, so the keys stay sorted) with the new chunks' merged
    in. None when the live state did not keep its entries' frequencies (built before they were)."""
    try:
        indptr = np.load(base_folder / "bm25" / "indptr.csc.index.npy")
        rows = np.load(base_folder / "bm25" / "indices.csc.index.npy")
        tf = np.load(base_folder / TERMS_DIR / TF_FILE)
    except FileNotFoundError:
        return None
    source = np.asarray(sources, dtype=np.int64)
    kept = np.flatnonzero(source >= 0)
    if len(tf) != len(rows) or np.any(np.diff(source[kept]) <= 0):
        return None  # kept chunks out of their live order: compute from scratch
    row_map = np.full(len(base), -1, dtype=np.int64)
    row_map[source[kept]] = kept
    word_id = {word: i for i, word in enumerate(table.vocab)}
    term_map = np.fromiter((word_id.get(w, -1) for w in base.vocab), np.int64, len(base.vocab))
    terms = np.repeat(np.arange(len(indptr) - 1, dtype=np.int64), np.diff(indptr))
    keep = row_map[rows] >= 0
    keys = term_map[terms[keep]] * max(len(table), 1) + row_map[rows[keep]]
    fresh_keys, fresh_tf = pairs_of(table, np.flatnonzero(source < 0))
    at = np.searchsorted(keys, fresh_keys)
    return np.insert(keys, at, fresh_keys), np.insert(tf[keep], at, fresh_tf)


def bm25_model(table: TermTable, pairs: tuple[np.ndarray, np.ndarray] | None = None):
    """bm25s's BM25 (method "lucene", k1 1.2, b 0.75) over the table, computed with numpy
    (from `pairs`, the entries with their term frequencies, when the update kept them).

    Per chunk and term: idf · tf / (tf + k1 · (1 − b + b · length / mean length)), with
    idf = ln(1 + (N − df + 0.5) / (df + 0.5)); stored as a CSC matrix, terms by column,
    chunks in order within each column — the arrays bm25s builds and searches.
    """
    import bm25s

    n_docs, n_vocab = len(table), len(table.vocab)
    lengths = np.diff(table.offsets)
    keys, tf = pairs if pairs is not None else pairs_of(table)
    n = max(n_docs, 1)
    # in slices, so no temporary spans every entry (they are 97 M at 100,000 documents)
    slices = [slice(a, a + _BLOCK_TERMS) for a in range(0, len(keys), _BLOCK_TERMS)]
    rows = np.empty(len(keys), dtype=np.int32)
    df = np.zeros(n_vocab, dtype=np.int64)
    for part in slices:
        df += np.bincount(keys[part] // n, minlength=n_vocab)
        rows[part] = keys[part] % n
    idf = np.log(1 + (n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
    mean_length = lengths.mean() if n_docs else 0.0
    data = np.empty(len(keys), dtype=np.float32)
    for part in slices:
        norm = K1 * ((1 - B) + B * lengths[rows[part]] / mean_length)
        weight = idf[keys[part] // n].astype(np.float64)
        data[part] = (weight * (tf[part] / (norm + tf[part]))).astype(np.float32)
    indptr = np.zeros(n_vocab + 1, dtype=np.int64)
    np.cumsum(df, out=indptr[1:])

    model = bm25s.BM25(k1=K1, b=B)
    model.scores = {
        "data": data,
        "indices": rows,
        "indptr": indptr,
        "num_docs": n_docs,
    }
    model.vocab_dict = {word: i for i, word in enumerate(table.vocab)}
    if "" not in model.vocab_dict:  # as bm25s does: the empty term scores nothing
        model.vocab_dict[""] = n_vocab
    model.unique_token_ids_set = set(model.vocab_dict.values())
    model.nonoccurrence_array = None  # Lucene's variant has none
    return model
