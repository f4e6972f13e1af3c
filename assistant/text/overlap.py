"""One near-duplicate check, shared by retrieval, offline answers and plan drafting."""

from __future__ import annotations

from .chars import bigram_set


class NearDuplicates:
    """Remembers the texts kept so far; `is_new` is False for one mostly contained in them.

    A text is a near duplicate when more than `threshold` of its character bigrams occur in one
    text already kept (containment, so a short sentence repeated inside a longer one counts).
    """

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._kept: list[set[str]] = []

    def is_new(self, text: str) -> bool:
        grams = bigram_set(text)
        size = len(grams) or 1
        return not any(len(grams & other) / size > self.threshold for other in self._kept)

    def keep(self, text: str) -> None:
        self._kept.append(bigram_set(text))

    def add(self, text: str) -> bool:
        """Keep `text` if it is new; True when it was."""
        if not self.is_new(text):
            return False
        self.keep(text)
        return True
