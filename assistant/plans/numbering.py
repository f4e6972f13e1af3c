"""Passage numbers of a plan: each chunk numbered once, in order of first citation, for both
drafters, so `[n]` means the same passage everywhere in the outline."""

from __future__ import annotations

from ..schema import Chunk, Passage


class PassageNumbers:
    def __init__(self) -> None:
        self.passages: list[Passage] = []
        self._numbers: dict[str, int] = {}

    def cite(self, chunk: Chunk) -> int:
        """The chunk's number, given it on first use."""
        if chunk.chunk_id not in self._numbers:
            n = len(self.passages) + 1
            self._numbers[chunk.chunk_id] = n
            self.passages.append(Passage(n=n, chunk=chunk, score=0.0))
        return self._numbers[chunk.chunk_id]

    def chunk(self, n: int) -> Chunk | None:
        return self.passages[n - 1].chunk if 0 < n <= len(self.passages) else None
