"""China's 34 provincial-level divisions, by full name, short name or one-character abbreviation.

The table is data (`assistant/data/regions.tsv`): each province with its main cities and the
landmarks (development zones, platforms) a text may name instead of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from . import lexicon


@dataclass(frozen=True, slots=True)
class Province:
    name: str
    short: str
    abbreviation: str
    cities: tuple[str, ...] = ()
    landmarks: tuple[str, ...] = ()

    @property
    def aliases(self) -> tuple[str, ...]:
        """Every name that points at the province in free text (not the one-character form)."""
        return (self.name, self.short, *self.cities, *self.landmarks)


def _rows(name: str, columns: int) -> list[list[str]]:
    """The rows of a tab-separated data file, each padded to `columns` cells."""
    text = resources.files("assistant.data").joinpath(name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [(line.split("\t") + [""] * columns)[:columns] for line in lines]


@cache
def provinces() -> tuple[Province, ...]:
    return tuple(
        Province(name, short, abbreviation, tuple(cities.split()), tuple(landmarks.split()))
        for name, short, abbreviation, cities, landmarks in _rows("regions.tsv", 5)
    )


@dataclass(frozen=True, slots=True)
class RegionGroup:
    """A region spanning several provinces (京津冀, 长三角, 中部地区 …)."""

    name: str
    aliases: tuple[str, ...]
    members: tuple[Province, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@cache
def region_groups() -> tuple[RegionGroup, ...]:
    return tuple(
        RegionGroup(
            name,
            tuple(aliases.split()),
            tuple(p for short in members.split() if (p := find_province(short))),
        )
        for name, aliases, members in _rows("region_groups.tsv", 3)
    )


def find_province(name: str) -> Province | None:
    """Look a province up by full name, short name or abbreviation (河北省, 河北, 冀)."""
    name = name.strip()
    for province in provinces():
        if name in (province.name, province.short, province.abbreviation):
            return province
    return None


@cache
def province_aliases() -> frozenset[str]:
    """Every name of every province (full, short, cities, landmarks)."""
    return frozenset(a for p in provinces() for a in p.aliases)


@cache
def _alias_pattern() -> re.Pattern[str]:
    aliases = sorted(province_aliases(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, aliases)))


@cache
def _by_alias() -> dict[str, Province]:
    return {alias: p for p in provinces() for alias in p.aliases}


def find_provinces(text: str) -> list[Province]:
    """Provinces named in free text (full or short names, cities, landmarks), in order."""
    found: list[Province] = []
    for match in _alias_pattern().finditer(text):
        province = _by_alias()[match.group()]
        if province not in found:
            found.append(province)
    return found


def find_foreign_places(text: str) -> list[str]:
    return [place for place in lexicon.words("foreign_places") if place in text]
