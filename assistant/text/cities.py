"""Cities outside mainland China named in a text, as whole words (河内, 曼谷, 纽约).

Countries are found by their names anywhere (`regions.find_foreign_places`); a two-character
city name is too often part of other words for that (黄河内蒙古段 holds 河内), so a city counts
where the word segmenter cuts it as a word, or where its name has three characters or more.
"""

from __future__ import annotations

from functools import cache

from . import lexicon
from .segment import tagged


@cache
def _cities() -> tuple[str, ...]:
    return lexicon.words("foreign_places", "cities")


def find_cities(text: str) -> list[str]:
    present = [city for city in _cities() if city in text]
    if not present:
        return []
    words = {word for word, _ in tagged(text)}
    return [city for city in present if len(city) >= 3 or city in words]
