"""Word lists as data: `assistant/data/lexicon/<name>.txt`, loaded once.

A list file holds words separated by spaces or line breaks; `#` starts a comment; a line
`[name]` opens a named section; a line starting with `re:` is a regular expression used as
is (for patterns such as an ordinal “一是/二是/…”). The lists are part of the eval gate's
version hash, so editing one is treated like a prompt change.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

_FOLDER = "lexicon"


@cache
def _read(name: str) -> dict[str, tuple[str, ...]]:
    text = resources.files("assistant.data").joinpath(_FOLDER, f"{name}.txt").read_text("utf-8")
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("re:") else raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
        elif line.startswith("re:"):
            sections[current].append(line)
        else:
            sections[current].extend(line.split())
    return {key: tuple(dict.fromkeys(values)) for key, values in sections.items()}


def sections(name: str) -> dict[str, tuple[str, ...]]:
    """Every named section of a list (plain words only)."""
    return {
        key: tuple(w for w in values if not w.startswith("re:"))
        for key, values in _read(name).items()
        if key
    }


@cache
def groups(name: str) -> tuple[tuple[str, ...], ...]:
    """The lines of a list as groups of words (one group a line; comments and sections skipped)."""
    text = resources.files("assistant.data").joinpath(_FOLDER, f"{name}.txt").read_text("utf-8")
    lines = (raw.split(" #", 1)[0].strip() for raw in text.splitlines())
    return tuple(
        tuple(line.split()) for line in lines if line and not line.startswith(("#", "[", "re:"))
    )


def words(name: str, section: str = "") -> tuple[str, ...]:
    """The plain words of a list (or of one section of it), in file order."""
    return tuple(w for w in _read(name).get(section, ()) if not w.startswith("re:"))


@cache
def word_set(name: str, section: str = "") -> frozenset[str]:
    """The plain words of a list (or of one of its sections) as a set, built once."""
    return frozenset(words(name, section))


@cache
def alternation(name: str, section: str = "") -> str:
    """A regex alternation of the list: words escaped, longest first, then its `re:` patterns."""
    entries = _read(name).get(section, ())
    plain = sorted((w for w in entries if not w.startswith("re:")), key=len, reverse=True)
    raw = [w[3:].strip() for w in entries if w.startswith("re:")]
    return "|".join([*map(re.escape, plain), *raw])


def files() -> list[str]:
    """Names of every list file (for the version hash)."""
    folder = resources.files("assistant.data").joinpath(_FOLDER)
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))


# The lists that decide how a text is cleaned, chunked and cut into search terms: the index's
# vocabulary (a change to another list, such as the target cues, does not re-index a library).
INDEXING = ("abbreviations", "entities", "page_furniture", "policy_terms", "stopwords")


def fingerprint(names: Iterable[str] | None = None) -> str:
    """One hash over the word lists (every one, or `names`) and the region tables: it changes
    when any of them does."""
    data = resources.files("assistant.data")
    digest = hashlib.sha256()
    chosen = files() if names is None else sorted(f"{name}.txt" for name in names)
    for name in chosen:
        digest.update(name.encode() + b"\0" + data.joinpath(_FOLDER, name).read_bytes() + b"\0")
    digest.update(data.joinpath("regions.tsv").read_bytes())
    if names is not None:
        digest.update(data.joinpath("region_groups.tsv").read_bytes())
    return digest.hexdigest()[:12]
