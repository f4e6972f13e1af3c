"""The offline hashing embedding, in numpy alone (no Chroma import): signed feature hashing of
character 1- and 2-grams, sublinear term frequency, L2-normalised.

Deterministic across processes and machines (no Python `hash()`). Many texts are hashed in one
vectorised pass, so re-ranking a question's keyword candidates can hash their texts on the spot
instead of fetching their stored vectors.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..text.chars import normalise_for_match

NAME = "policy-hashing"
DIM = 2048
NGRAMS = (1, 2)
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_MIX = np.uint64(0x9E3779B97F4A7C15)


def config(dim: int = DIM, ngrams: Sequence[int] = NGRAMS) -> dict[str, object]:
    return {"dim": int(dim), "ngrams": [int(n) for n in ngrams]}


def hash_vectors(
    texts: Sequence[str], dim: int = DIM, ngrams: Sequence[int] = NGRAMS
) -> np.ndarray:
    """One row per text: float32, unit length (or zero for a text with no letters)."""
    out = np.zeros((len(texts), dim), dtype=np.float32)
    if not texts:
        return out
    pieces = [
        np.frombuffer(normalise_for_match(t).encode("utf-32-le"), dtype=np.uint32) for t in texts
    ]
    lengths = np.array([len(p) for p in pieces], dtype=np.int64)
    codes = np.concatenate(pieces) if lengths.sum() else np.zeros(0, dtype=np.uint32)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    rows = np.repeat(np.arange(len(texts)), lengths)
    for n in ngrams:
        if len(codes) < n:
            continue
        # An n-gram starting at i belongs to its text if it ends inside that text.
        count = len(codes) - n + 1
        keep = (np.arange(count) + n) <= (starts + lengths)[rows[:count]]
        h = np.zeros(count, dtype=np.uint64)
        for i in range(n):
            h = h * np.uint64(1_000_003) + codes[i : count + i].astype(np.uint64)
        h = (h + np.uint64(n)) * _MIX & _MASK64
        h ^= h >> np.uint64(29)
        h, row = h[keep], rows[:count][keep]
        order = np.lexsort((h, row))  # by text, then hash: equal grams of a text side by side
        h, row = h[order], row[order]
        first = np.ones(len(h), dtype=bool)
        first[1:] = (h[1:] != h[:-1]) | (row[1:] != row[:-1])
        at = np.flatnonzero(first)
        counts = np.diff(np.append(at, len(h)))
        grams, owners = h[at], row[at]
        weights = (1.0 + np.log(counts)).astype(np.float32)
        signs = np.where(grams >> np.uint64(63), -1.0, 1.0).astype(np.float32)
        buckets = (grams % np.uint64(dim)).astype(np.int64)
        np.add.at(out, (owners, buckets), weights * signs)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1.0, norms)
