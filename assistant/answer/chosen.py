"""The sentences an answer has taken so far, within its limits (count and characters), none
said twice."""

from __future__ import annotations

import re
from dataclasses import replace

from ..text.overlap import NearDuplicates
from ..tuning import TUNING
from .candidates import Candidate

TUNE = TUNING.answer


class Chosen:
    """The sentences chosen so far, within the answer's limits."""

    def __init__(self, limit: int, chars: int = TUNE.max_chars) -> None:
        self.limit = limit
        self.chars = chars
        self.chosen: list[Candidate] = []
        self._seen = NearDuplicates(TUNE.duplicate_overlap)

    def fits(self, candidate: Candidate) -> bool:
        if not self.chosen:
            return True  # the answering sentence, however long
        length = sum(len(c.text) for c in self.chosen) + len(candidate.text)
        return len(self.chosen) < self.limit and length <= self.chars

    def take(self, candidate: Candidate, *, leading: bool = False) -> bool:
        """Add `candidate` if it fits (a leading one, answering a part of the question, always
        does) and is not already said."""
        if any(c.key == candidate.key for c in self.chosen):
            return False
        candidate = self._unsaid(candidate)
        if not (leading or self.fits(candidate)):
            return False
        if not self._seen.add(candidate.text):
            return False
        self.chosen.append(candidate)
        return True

    def _unsaid(self, candidate: Candidate) -> Candidate:
        """The candidate without the clauses it opens or ends with that a chosen sentence says
        word for word: overlapping passages cut one long sentence at different points, so two
        sentences may share a clause (……；巩固提升A，…… and 巩固提升A，……；发展B……)."""
        said = [c.text for c in self.chosen]
        clauses = re.split(r"(?<=；)", candidate.text)
        repeated = [
            len(c) >= _MIN_CLAUSE and any(c.rstrip("；") in s for s in said) for c in clauses
        ]
        start, end = 0, len(clauses)
        while start < end and repeated[start]:
            start += 1
        while end > start and repeated[end - 1]:
            end -= 1
        if (start, end) == (0, len(clauses)) or start == end:
            return candidate
        return replace(candidate, text="".join(clauses[start:end]).rstrip("；，"))


_MIN_CLAUSE = 8  # characters: a shorter clause (加强合作；) may well be said twice on purpose
