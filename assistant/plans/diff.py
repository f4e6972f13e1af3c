"""Two versions of a policy side by side, clause by clause (新旧对照).

The texts are cut into sentences, one row each. Runs of unchanged sentences are matched first
(`difflib` over the sentences); within what differs, sentences are paired best first by the
character pairs they share (Dice coefficient at least `PAIRED`, so a short sentence does not take
a long one's place), found through an index of the pairs few sentences share, so two reports of
a thousand sentences pair in a moment. A pair is a change; an old sentence left alone was
removed, a new one added. The figures that differ between the two sides of a change are listed,
clause by clause, so a drafter sees 3%左右 → 2%左右 at a glance.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from ..schema import Document
from ..text.chars import bigram_set, normalise_for_match
from ..text.numerals import written_figures
from ..text.sentences import split_sentences

PAIRED = 0.45
_CLAUSE = re.compile(r"[；;，,：:、]")
_DIGITS = re.compile(r"[0-9.]+")
_COMMON_PAIRS = 5  # sentences are looked up by their character pairs that few others share


@dataclass
class Change:
    kind: str  # "same", "changed", "removed", "added"
    old: str = ""
    new: str = ""
    old_figures: list[str] = field(default_factory=list)  # as written, differing ones only
    new_figures: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "old": self.old,
            "new": self.new,
            "old_figures": self.old_figures,
            "new_figures": self.new_figures,
        }


@dataclass
class VersionDiff:
    old: Document
    new: Document
    changes: list[Change]

    def counts(self) -> dict[str, int]:
        return dict(Counter(change.kind for change in self.changes))

    def to_json(self, *, unchanged: bool = False) -> dict[str, object]:
        return {
            "old": {"doc_id": self.old.doc_id, "title": self.old.title, "date": self.old.date},
            "new": {"doc_id": self.new.doc_id, "title": self.new.title, "date": self.new.date},
            "counts": self.counts(),
            "changes": [c.to_json() for c in self.changes if unchanged or c.kind != "same"],
        }


def sentences_of(document: Document) -> list[str]:
    return [s.strip() for line in document.text.split("\n") for s in split_sentences(line)]


def diff_documents(old: Document, new: Document) -> VersionDiff:
    return VersionDiff(old, new, align(sentences_of(old), sentences_of(new)))


def align(old: list[str], new: list[str]) -> list[Change]:
    """Rows in reading order of the new text (removed sentences where they stood)."""
    keys_old = [normalise_for_match(s) for s in old]
    keys_new = [normalise_for_match(s) for s in new]
    matcher = difflib.SequenceMatcher(a=keys_old, b=keys_new, autojunk=False)
    rows: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs = zip(range(i1, i2), range(j1, j2), strict=True)
            rows += [Change("same", old[i], new[j]) for i, j in pairs]
        else:
            rows += _paired(old[i1:i2], new[j1:j2])
    return rows


def _paired(old: list[str], new: list[str]) -> list[Change]:
    """Pair each new sentence with its closest old one; the rest are added or removed."""
    grams = [bigram_set(s) for s in old]
    counts = Counter(g for gs in grams for g in gs)
    common = max(_COMMON_PAIRS, len(old) // 20)  # a pair in more sentences than this finds none
    by_gram: dict[str, list[int]] = {}
    for i, gs in enumerate(grams):
        for g in gs:
            if counts[g] <= common:
                by_gram.setdefault(g, []).append(i)
    scored = []  # (similarity, new, old) for every pair that shares an uncommon character pair
    for j, sentence in enumerate(new):
        mine = bigram_set(sentence)
        for i in {i for g in mine for i in by_gram.get(g, ())}:
            shared = 2 * len(mine & grams[i]) / max(1, len(mine) + len(grams[i]))  # Dice
            if shared >= PAIRED:
                scored.append((shared, j, i))
    taken: dict[int, int] = {}  # old → new, best pairs first
    for _, j, i in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if i not in taken and j not in taken.values():
            taken[i] = j
    rows: list[Change] = []
    pending = sorted(set(range(len(old))) - set(taken))
    paired = {j: i for i, j in taken.items()}
    for j, sentence in enumerate(new):
        if j not in paired:
            rows.append(Change("added", new=sentence))
            continue
        while pending and pending[0] < paired[j]:  # removed where they stood
            rows.append(Change("removed", old=old[pending.pop(0)]))
        rows.append(_change(old[paired[j]], sentence))
    rows += [Change("removed", old=old[i]) for i in pending]
    return rows


def _change(old: str, new: str) -> Change:
    if normalise_for_match(old) == normalise_for_match(new):
        return Change("same", old, new)
    before, after = _changed_figures(old, new)
    return Change("changed", old, new, before, after)


def _changed_figures(old: str, new: str) -> tuple[list[str], list[str]]:
    """The figures that differ, clause by clause: a clause of the new sentence is compared with
    the old clause that reads the same but for its figures (涨幅3%左右 → 涨幅2%左右, wherever the
    two stand), the clauses left over with each other."""
    old_by_key = {_key(c): c for c in reversed(_CLAUSE.split(old))}
    before: list[str] = []
    after: list[str] = []
    left_old = dict(old_by_key)
    left_new: list[str] = []
    for clause in _CLAUSE.split(new):
        counterpart = left_old.pop(_key(clause), None)
        if counterpart is None:
            left_new.append(clause)
            continue
        _differ(counterpart, clause, before, after)
    _differ("，".join(left_old.values()), "，".join(left_new), before, after)
    return list(dict.fromkeys(before)), list(dict.fromkeys(after))


def _key(clause: str) -> str:
    return _DIGITS.sub("", normalise_for_match(clause))


def _differ(old: str, new: str, before: list[str], after: list[str]) -> None:
    was, now = written_figures(old), written_figures(new)
    before += [shown for value, shown in was.items() if value not in now]
    after += [shown for value, shown in now.items() if value not in was]
