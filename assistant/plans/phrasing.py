"""From a sentence of a policy text to a plan item: measure form, and the province acting.

Only a leading ordinal, subject or modal is touched (“一是本市要……” → “要……”); numbers, names
and places never are. The word lists are data (`data/lexicon/plan_phrasing.txt`).
"""

from __future__ import annotations

import re
from functools import cache

from ..text import lexicon
from ..text.chars import CJK
from ..text.regions import Province, find_provinces
from ..text.sentences import strip_connective

_MIN_MEASURE_CHARS = 10
_ACTOR_HEAD_CHARS = 8


@cache
def _pattern(section: str, template: str = "^(?:{})") -> re.Pattern[str]:
    return re.compile(template.format(lexicon.alternation("plan_phrasing", section)))


def as_measure(sentence: str) -> str:
    """“一是要整合科技资源，…；” → “要整合科技资源，…。”: only a leading ordinal or subject goes."""
    text = strip_connective(sentence.strip(), rounds=2, comma_only=False)
    modals = lexicon.alternation("plan_phrasing", "subject_modals")
    text = _pattern("subjects", "^(?:{})(?=" + modals.replace("{", "{{") + ")").sub("", text)
    text = _pattern("modals", "^(?:{})(?=[" + CJK + "“])").sub("要", text)
    if len(text) < _MIN_MEASURE_CHARS:  # too little left: keep the sentence as it was
        text = sentence.strip()
    return re.sub(r"[；;，,]$", "。", text) if text[-1:] in "；;，," else text


def is_measure(text: str) -> bool:
    """Phrased as something to do (要…, 推动…)."""
    return bool(_pattern("measure_verbs").match(text))


def is_description(text: str) -> bool:
    """A description of the past or present (近年来…) or a statement of why (……是关键)."""
    framing = re.compile(lexicon.alternation("plan_phrasing", "framing"))
    return bool(_pattern("descriptive_leads").match(text) or framing.search(text))


def actor(sentence: str) -> Province | None:
    """The province a sentence is about as its actor (“X省发挥…”, “例如X省每年…”), if any.

    A place named later in the sentence (“座谈会在X地召开”, “承接X地…外溢”) is not its actor.
    """
    heads = [_pattern("actor_leads").sub("", sentence)[:_ACTOR_HEAD_CHARS]]
    examples = _pattern("example_markers", "[，,：:](?:{})")
    heads += [sentence[m.end() : m.end() + _ACTOR_HEAD_CHARS] for m in examples.finditer(sentence)]
    for head in heads:
        if found := find_provinces(head):
            return found[0]
    return None
