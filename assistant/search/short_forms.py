"""Short forms the asker made up, written out the way the library says them.

Officials shorten as they speak: 全经会 for 全国经济工作会议, 数实融合 for 数字经济和实体经济融合, 文旅
for 文化和旅游 — the first character of each word, the odd word left out. The fixed list of common
short forms (`abbreviations.expand_abbreviations`) cannot know them all; the library can. A word of the
question the library never uses, and no dictionary knows, is looked for as the first characters
of a run of the library's words, a few characters apart at most; the run the library says most
often is searched for in its place. A name is never shortened this way (锦地罗 stays as it is).
"""

from __future__ import annotations

import re
from collections import Counter

from ..index.state import Index
from ..text.abbreviations import expand_abbreviations
from ..text.chars import CJK
from ..text.segment import is_dictionary_word, tagged

_SHORTENED_TAGS = frozenset({"n", "vn", "j", "ng", "nz", "nt"})  # how jieba tags a made-up one
_GAP = 4  # characters at most between two characters of the short form in the written-out run
_BLOCK = r"\x00，。；、：？！,.;:?!“”‘’（）()《》\s"
_FUNCTION = frozenset("是的在了和与及之于为")  # glued to a word by jieba (花|是), never shortened


def searched_as(index: Index, question: str) -> str:
    """The question as it is searched for: common short forms written out
    (`abbreviations.expand_abbreviations`), then the ones the library writes out."""
    return spelled_out(index, expand_abbreviations(question))


def spelled_out(index: Index, question: str) -> str:
    """The question with each short form the library writes out replaced by its written form."""
    for short in _short_forms(question):
        full = index.remember(f"short-form:{short}", lambda s=short: _written_out(index, s))
        if full:
            question = question.replace(short, full)
    return question


def _short_forms(question: str) -> list[str]:
    """Words of two to four characters no dictionary knows, and runs of single characters cut
    from one (科|企), tagged as common nouns — not names."""
    found, run = [], ""
    for word, flag in [*tagged(question), ("", "")]:
        if len(word) == 1 and flag in _SHORTENED_TAGS and re.fullmatch(f"[{CJK}]", word):
            run += word
            continue
        if 2 <= len(run) <= 3:
            found.append(run)
        run = ""
        if 2 <= len(word) <= 4 and flag in _SHORTENED_TAGS and re.fullmatch(f"[{CJK}]+", word):
            found.append(word)
    return [f for f in found if not is_dictionary_word(f) and not _FUNCTION & set(f)]


def _written_out(index: Index, short: str) -> str:
    """The run of the library's words the short form abbreviates that the library says most
    often, or "" when it never uses the short form's characters that way (or uses the short
    form itself as often)."""
    if index.field_contains("title", short).any():
        return ""  # a document's own name for it (西贡商信银行): searched as it is
    gap = f"[^{_BLOCK}]{{0,{_GAP}}}?"
    pattern = re.compile(re.escape(short[0]) + "".join(gap + re.escape(c) for c in short[1:]))
    text = index.table.joined
    runs: Counter[str] = Counter()
    for match in pattern.finditer(text):
        # the words around the run, to end it where the word of its last character ends
        window = text[match.start() : match.end() + _GAP]
        if run := _word_initial_run(short, window, match.end() - match.start()):
            runs[run] += 1
    if not runs:
        return ""
    run, times = runs.most_common(1)[0]
    # the library's own word when it says the short form as often (数实 of 多数实验室 is rarer)
    return run if times > text.count(short) else ""


def _word_initial_run(short: str, window: str, length: int) -> str:
    """The window's opening words up to the one holding the run's last character, when each
    character of the short form begins one of them — a noun of two characters or more, or for
    the last a verb — or right follows the one before it in its word (融|合 of 融合); ""
    otherwise."""
    spans, at = [], 0
    for word, flag in tagged(window):
        spans.append((at, at + len(word), flag))
        at += len(word)
    wanted = iter(short)
    char, last, left = next(wanted), -2, len(short) - 1
    for start, end, flag in spans:
        for i in range(start, min(end, length)):
            if window[i] != char:
                continue
            # … the last may begin a verb (技转 of 技术|转移: a noun and what is done to it)
            tags = _SHORTENED_TAGS | ({"v"} if not left and last >= 0 else set())
            begins = i == start and end - start >= 2 and flag in tags
            if not begins and i != last + 1:
                return ""  # inside a word it does not begin, or a word of one character
            char, last, left = next(wanted, None), i, left - 1
            if char is None:
                return window[:end]
    return ""
