"""What a passage avoids or forbids, stated as something to do (and the reverse).

A model that turns “完善政策设计，避免“一刀切”” into “在政策设计上坚持“一刀切”” rewrites the clause
so freely that no clause of the passages restates it (`restated.py`), and what 避免 governs is a
phrase, not a verb (`denied.py`). The phrase itself is kept, though: a quoted term or a dictionary
word of three characters or more (“一刀切”, “唯论文”, 一哄而上). When every
passage clause holding it negates or forbids before it, the sentence's clause must negate too;
when none does, the sentence's clause may not negate before it.
"""

from __future__ import annotations

import re

from ..text.names import quoted
from ..text.segment import is_dictionary_word, tagged
from .cited import Cited, clauses
from .polar import negations, said_as_opposite
from .restated import aligned

_MIN_PHRASE = 3


def forbidden(sentence: str, cited: Cited) -> list[str]:
    """Clauses no passage clause restates that drop or add the negation of a phrase they share."""
    restated = [part.clause for part in aligned(sentence, cited)]
    negated = _negated_items(cited)
    issues = []
    for clause in clauses(sentence):
        if any(clause in part or part in clause for part in restated):
            continue  # compared with the clause it restates already
        clause = said_as_opposite(clause, cited.text)  # 不再征收农业税 says 免征农业税
        for phrase in [*_phrases(clause), *(i for i in negated if i in clause)]:
            holding = [c for c in cited.clauses if phrase in c]
            if not holding:
                continue
            before = [bool(negations(c[: c.find(phrase)])) for c in holding]
            if all(before) and not negations(clause):
                issues.append(f"原文否定或避免“{phrase}”，句中未否定")
                break
            if not any(map(negations, holding)) and _negated_before(clause, phrase):
                issues.append(f"原文并未否定“{phrase}”，句中却否定")
                break
    return issues


def _negated_before(clause: str, phrase: str) -> bool:
    """The clause negates the phrase: a negator before it in its own item of a list, or one
    that opens the list (避免A、“B”; but in 机制尚不健全、“各自为战”问题突出 尚不 is the first
    item's own)."""
    *others, own = clause[: clause.find(phrase)].split("、")
    if negations(own):
        return True
    if not others:
        return False
    first = others[0]
    return any(first.find(n) <= _LIST_LEAD for n in negations(first) if n in first)


_LIST_LEAD = 3  # characters before a negator that opens a list (要避免, 坚决防止)
_ITEM = re.compile(r"[、和与及]")
_ITEM_CHARS = (3, 12)


def _negated_items(cited: Cited) -> list[str]:
    """The items a passage clause negates or forbids (避免处置措施简单粗暴、一关了之 → 一关了之),
    however the dictionary cuts them."""
    found = []
    for clause in cited.clauses:
        at = min((clause.find(n) + len(n) for n in negations(clause) if n in clause), default=-1)
        if at < 0:
            continue
        for item in _ITEM.split(clause[at:].strip("，。；;,.")):
            if _ITEM_CHARS[0] <= len(item) <= _ITEM_CHARS[1]:
                found.append(item)
    return list(dict.fromkeys(found))


def _phrases(clause: str) -> list[str]:
    """Quoted terms and dictionary words of three or more characters (“一刀切”, 一哄而上)."""
    words = [w for w, _ in tagged(clause) if len(w) >= _MIN_PHRASE and is_dictionary_word(w)]
    return list(dict.fromkeys([*quoted(clause), *words]))
