"""Who did it to whom, turned round through the passive: the passage says 甲被乙驱逐, the
sentence 甲驱逐了乙.

Clause alignment sees the same three words in the same order and passes it. So each passive
clause of the passages (甲被乙[所]V) gives its sufferer, doer and verb; a sentence clause with the
sufferer before the verb and the doer after it, and no passive of its own, says the sufferer did
it.
"""

from __future__ import annotations

from ..text.segment import tagged
from .cited import Cited, clauses

_PASSIVE = frozenset(["被", "遭", "遭到", "受到"])
_NOUN = ("n", "r")  # nouns of every kind, and the pronoun a clause may open with


def passive_turned(sentence: str, cited: Cited) -> list[str]:
    """Issues for each sentence clause that makes the passage's sufferer the doer."""
    issues = []
    for sufferer, doer, verb, written in _passives(cited.text):
        for clause in clauses(sentence):
            if any(p in clause for p in _PASSIVE) or verb not in clause:
                continue
            at = clause.index(verb)
            if sufferer in clause[:at] and doer in clause[at + len(verb) :]:
                issues.append(f"原文是“{written}”，句中说反了施受关系")
    return issues


def _passives(text: str) -> list[tuple[str, str, str, str]]:
    """(sufferer, doer, verb, as written) for each 甲被乙V of the text."""
    found = []
    for clause in clauses(text):
        words = tagged(clause)
        for i, (word, _) in enumerate(words):
            if word not in _PASSIVE or i == 0:
                continue
            sufferer = _nouns_back(words[:i])
            doer, rest = _nouns_on(words[i + 1 :])
            verb = next((w for w, f in rest[:2] if f.startswith("v") and len(w) >= 2), "")
            if sufferer and doer and verb:
                written = clause[clause.find(sufferer) : clause.find(verb) + len(verb)]
                found.append((sufferer, doer, verb, written))
    return found


def _nouns_back(words: tuple[tuple[str, str], ...]) -> str:
    """The run of nouns right before the passive word (李|忠臣)."""
    run = []
    for word, flag in reversed(words):
        if not flag.startswith(_NOUN) or flag == "r" and run:
            break
        run.insert(0, word)
    name = "".join(run)
    return name if len(name) >= 2 else ""


def _nouns_on(words: tuple[tuple[str, str], ...]) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The run of nouns right after it (李希烈), and the words after the run."""
    n = 0
    while n < len(words) and words[n][1].startswith(("n", "r")):
        n += 1
    name = "".join(w for w, _ in words[:n])
    rest = words[n + 1 :] if n < len(words) and words[n][0] == "所" else words[n:]
    return (name if len(name) >= 2 else ""), rest
