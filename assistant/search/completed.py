"""A question's word the index never uses, completed to the index's words that begin with it.

The segmenter keeps a term of the texts whole (产教融合) and a question may say only its start
(产教抱团……): as a search term the start matches nothing, though every passage about the term
holds it. Completed to the index's words it begins, it finds them.
"""

from __future__ import annotations

from bisect import bisect_left

from ..index.state import Index
from ..text.chars import CJK_CHAR

_MORE = 4  # characters a completion may add to the word
_COMPLETIONS = 3  # index words a word stands for, the most used first


def completions(index: Index, terms: list[str]) -> list[str]:
    """The index's words that begin with a search term it never uses (产教 → 产教融合)."""
    found: list[str] = []
    for term in dict.fromkeys(terms):
        if len(term) < 2 or not CJK_CHAR.fullmatch(term[0]) or index.document_frequency(term):
            continue
        words = _vocabulary(index)
        at, longer = bisect_left(words, term), []
        while at < len(words) and words[at].startswith(term):
            if len(words[at]) - len(term) <= _MORE:
                longer.append(words[at])
            at += 1
        longer.sort(key=index.document_frequency, reverse=True)
        found += longer[:_COMPLETIONS]
    return found


def _vocabulary(index: Index) -> list[str]:
    return index.remember("sorted vocabulary", lambda: sorted(index.bm25.vocab_dict))
