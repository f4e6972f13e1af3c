"""The sentences an answer has taken so far, within its limits (count and characters), none
said twice."""

from __future__ import annotations

from ..text.overlap import NearDuplicates
from ..tuning import TUNING
from .candidates import Candidate

TUNE = TUNING.answer


class Chosen:
    """The sentences chosen so far, within the answer's limits."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.chosen: list[Candidate] = []
        self._seen = NearDuplicates(TUNE.duplicate_overlap)

    def fits(self, candidate: Candidate) -> bool:
        if not self.chosen:
            return True  # the answering sentence, however long
        length = sum(len(c.text) for c in self.chosen) + len(candidate.text)
        return len(self.chosen) < self.limit and length <= TUNE.max_chars

    def take(self, candidate: Candidate, *, leading: bool = False) -> bool:
        """Add `candidate` if it fits (a leading one, answering a part of the question, always
        does) and is not already said."""
        if any(c.key == candidate.key for c in self.chosen):
            return False
        if not (leading or self.fits(candidate)):
            return False
        if not self._seen.add(candidate.text):
            return False
        self.chosen.append(candidate)
        return True
