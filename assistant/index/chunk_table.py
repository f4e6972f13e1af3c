"""A state's chunks by column, so opening a state reads two files instead of parsing a JSON
object per chunk (2–3 s at 112,000 chunks, on every cold start).

    chunks/texts.txt     every chunk's text, NUL between them (UTF-8)
    chunks/starts.npy    where each text starts in the decoded string (one more than chunks)
    chunks/columns.json  every other field of `Chunk`, and the vector id, one list per field

`Chunk` objects are made when asked for; the joined texts and the columns serve the searches
that look at every chunk (phrase scans, metadata masks) without making any. States written
before this layout (`chunks.jsonl`, one object a line) are read the old way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path
from typing import overload

import numpy as np
import orjson

from ..schema import Chunk

CHUNKS_DIR = "chunks"
LEGACY_FILE = "chunks.jsonl"
_FIELDS = tuple(f.name for f in fields(Chunk) if f.name != "text")
_ALL_FIELDS = tuple(f.name for f in fields(Chunk))  # in order: `Chunk(*row)`


def write_chunks(folder: Path, items: Sequence[tuple[Chunk, str]]) -> None:
    """Write `items` (each chunk with its vector id) under `folder/chunks/`."""
    target = folder / CHUNKS_DIR
    target.mkdir()
    with (target / "texts.txt").open("wb") as out:  # chunk by chunk: a library's texts joined
        for i, (chunk, _) in enumerate(items):  # and encoded at once took gigabytes
            out.write(b"\0" + chunk.text.encode("utf-8") if i else chunk.text.encode("utf-8"))
    lengths = np.fromiter((len(chunk.text) + 1 for chunk, _ in items), np.int64, len(items))
    starts = np.zeros(len(items) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    np.save(target / "starts.npy", starts)
    columns = {name: [getattr(chunk, name) for chunk, _ in items] for name in _FIELDS}
    columns["vector_id"] = [vid for _, vid in items]
    (target / "columns.json").write_bytes(orjson.dumps(columns))


class ChunkTable:
    """One state's chunks, read on first use."""

    def __init__(self, folder: Path) -> None:
        source = folder / CHUNKS_DIR
        if source.is_dir():
            self.joined = (source / "texts.txt").read_bytes().decode("utf-8")
            self.starts = np.load(source / "starts.npy")
            self.columns: dict[str, list] = orjson.loads((source / "columns.json").read_bytes())
        else:
            self._read_legacy(folder / LEGACY_FILE)
        self.chunks = ChunkSequence(self)

    def _read_legacy(self, path: Path) -> None:
        records = [orjson.loads(line) for line in path.read_bytes().splitlines() if line]
        texts = [r["text"] for r in records]
        self.joined = "\0".join(texts)
        self.starts = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum([len(t) + 1 for t in texts], out=self.starts[1:])
        names = (*_FIELDS, "vector_id")
        self.columns = {name: [r.get(name) for r in records] for name in names}
        defaults = {f.name: f.default for f in fields(Chunk)}
        for name in _FIELDS:  # a field added since: its default
            self.columns[name] = [defaults[name] if v is None else v for v in self.columns[name]]

    def __len__(self) -> int:
        return len(self.starts) - 1

    def text(self, i: int) -> str:
        return self.joined[self.starts[i] : self.starts[i + 1] - 1]

    def make(self, i: int) -> Chunk:
        return Chunk(text=self.text(i), **{name: self.columns[name][i] for name in _FIELDS})

    def make_all(self) -> list[Chunk]:
        """Every chunk, in one pass over the columns (an update groups them all by document)."""
        bounds = self.starts.tolist()
        texts = [self.joined[a : b - 1] for a, b in zip(bounds, bounds[1:], strict=False)]
        columns = [texts if name == "text" else self.columns[name] for name in _ALL_FIELDS]
        return [Chunk(*row) for row in zip(*columns, strict=True)]


class ChunkSequence(Sequence[Chunk]):
    """The chunks in index order, each made once, when first asked for."""

    def __init__(self, table: ChunkTable) -> None:
        self._table = table
        self._made: list[Chunk | None] = [None] * len(table)

    def __len__(self) -> int:
        return len(self._made)

    @overload
    def __getitem__(self, i: int) -> Chunk: ...
    @overload
    def __getitem__(self, i: slice) -> list[Chunk]: ...
    def __getitem__(self, i: int | slice) -> Chunk | list[Chunk]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = int(i)
        if i < 0:
            i += len(self)
        made = self._made[i]  # raises IndexError past the end, which ends an iteration
        if made is None:
            made = self._made[i] = self._table.make(i)
        return made

    def every(self) -> list[Chunk]:
        """All the chunks: made in one pass when none was made yet."""
        if all(made is None for made in self._made):
            self._made = self._table.make_all()  # type: ignore[assignment]
        return [self[i] for i in range(len(self))]
