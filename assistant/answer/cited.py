"""What the passages a sentence cites say, in the forms the sentence checks compare."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..schema import Passage
from ..search.mentions import kinds_of_text
from ..search.outlets import short_forms
from ..search.periods import years_said
from ..search.versions import issued_on
from ..text.abbreviations import expand_abbreviations, shortened_from
from ..text.chars import bigram_set, normalise_for_match
from ..text.numerals import all_in_digits
from ..text.sentences import split_sentences

ENTITY_TAGS = ("nt", "nr", "nrfg", "nrt", "nz")
"""jieba's tags for names of organisations, people and other proper nouns."""


# a figure spelled in Chinese numerals of two characters or more (一九五四, 五百八十三) or in
# older print (百分之, 4·3％): only then is a digit version of a passage worth comparing with
_SPELLED = re.compile(r"[零〇○一二三四五六七八九十百千万亿两]{2,}|百分之|\d[·・．]\d|[０-９]")


@dataclass(frozen=True, slots=True)
class Cited:
    """What the cited passages say, in the forms the checks compare."""

    text: str  # the passages' text, abbreviations written out
    flat: str  # … letters, digits and CJK only
    regions: frozenset[str]  # the regions of the cited documents
    clauses: tuple[str, ...]  # the passages' clauses, for polarity
    sentences: tuple[str, ...]  # … and their sentences
    issued: frozenset[int] = frozenset()  # the years the cited documents were issued in
    titles: frozenset[str] = frozenset()  # the cited documents' titles (马飚: whom they are about)

    @classmethod
    def of(cls, passages: Sequence[Passage]) -> Cited:
        return _cited(cls, tuple(passages))

    @classmethod
    def _build(cls, passages: Sequence[Passage]) -> Cited:
        texts = [expand_abbreviations(p.text) for p in passages]
        # … also with a figure spaced from its unit (39.8 万亿元, as a PDF gives it) set close
        texts += [c for t in texts if (c := _SPACED_UNIT.sub("", t)) != t]
        # … and as they read with every figure in digits (一九五四年的百分之四十二 → 1954年的42%)
        texts += [d for t in texts if _SPELLED.search(t) and (d := all_in_digits(t)) != t]
        regions = {p.chunk.region for p in passages if p.chunk.region}
        sentences = tuple(s for t in texts for s in split_sentences(t))
        parts = tuple(c for s in sentences for c in clauses(s))
        # … and the years its 去年/今年/明年 are, reckoned from its year of issue (1997年 for
        # the 去年 of a 1998 report)
        issued = [issued_on(p.chunk.date, p.chunk.title or "") for p in passages]
        reckoned = [
            f"{y}年" for p, on in zip(passages, issued, strict=True) for y in years_said(p.text, on)
        ]
        records = [expand_abbreviations(record(p)) for p in passages]
        # … by the names its outlet goes by (新华社 for 新华网, 东湖报 for 东湖日报)
        records += [f for p in passages for f in short_forms(p.chunk.source or "")]
        text = "\n".join([*texts, *records, " ".join(reckoned)])
        flat = normalise_for_match(text)
        years = frozenset(int(d[:4]) for d in issued if d and d[:4].isdigit())
        titles = frozenset(p.chunk.title for p in passages if p.chunk.title)
        return cls(text, flat, frozenset(regions), parts, sentences, years, titles)

    def says_with_de(self, term: str) -> bool:
        """The passages say the term with a 的 between its words (新的进展 for 新进展)."""
        spaced = "的?".join(map(re.escape, term))
        return len(term) > 2 and re.search(spaced, self.text) is not None


_SPACED_UNIT = re.compile(r"(?<=\d)[ \u3000\xa0]+(?=[万亿千百%％个元年月日])")


def citable(passage: Passage) -> str:
    """The passage as a citation of it supports a sentence: its text and its document's record —
    and the text with its figures in digits when it spells them out (一九五四年)."""
    digits = all_in_digits(passage.text) if _SPELLED.search(passage.text) else passage.text
    spelled = f"\n{digits}" if digits != passage.text else ""
    return f"{passage.text}{spelled}\n{record(passage)}"


def record(passage: Passage) -> str:
    """What the library records about the passage's document: its title, outlet, date and the
    kind of text it is (论文, 社论) — cited with it (“《……》的发布日期为2024-05-10[1]”, “论文：……[1]”)."""
    chunk = passage.chunk
    kinds = kinds_of_text(chunk.level)
    return " ".join(x for x in (f"《{chunk.title}》", chunk.source, chunk.date, *kinds) if x)


@lru_cache(maxsize=256)
def _cited(cls: type[Cited], passages: tuple[Passage, ...]) -> Cited:
    """Remembered: every sentence of an answer cites from the same few passages."""
    return cls._build(passages)


_CUTS = frozenset("，,；;：:")
_OPENING, _CLOSING = frozenset("（(["), frozenset("）)]")


def clauses(sentence: str) -> list[str]:
    """The sentence cut at commas, semicolons and colons — not inside brackets, nor between the
    digits of a figure (7，000)."""
    found, start, depth = [], 0, 0
    for i, ch in enumerate(sentence):
        depth += (ch in _OPENING) - (ch in _CLOSING and depth > 0)
        if ch not in _CUTS or depth:
            continue
        inside_figure = 0 < i < len(sentence) - 1 and sentence[i - 1].isdigit()
        if ch in "，," and inside_figure and sentence[i + 1].isdigit():
            continue
        found.append(sentence[start:i])
        start = i + 1
    found.append(sentence[start:])
    return [c for c in found if c.strip()]


_VERBATIM_CHARS = 6  # a clause this long found as written in the passages is their own
_BOUNDS = frozenset("，,。；;：:！？!?、“”「」（）() \n")


def as_written(clause: str, text: str) -> bool:
    """The clause is in the text as written, from one clause mark to another — not inside a
    clause whose opening it drops (严禁|以新建名义重复建设)."""
    if len(clause) < _VERBATIM_CHARS:
        return False
    for found in re.finditer(re.escape(clause), text):
        start, end = found.span()
        before, after = text[start - 1 : start] or "\n", text[end : end + 1] or "\n"
        if before in _BOUNDS and after in _BOUNDS:
            return True
    return False


def matching_clause(
    clause: str, cited: Cited, *, pieces: tuple[str, ...] | None = None
) -> str | None:
    """The passage clause (or other piece) this clause of the sentence restates, if one shares
    most of it."""
    grams = bigram_set(clause)
    if len(grams) < 3:
        return None
    return sharing(grams, cited.clauses if pieces is None else pieces, 0.5)


def sharing(grams: set[str], pieces: Sequence[str], share: float) -> str | None:
    """The piece holding most of these character pairs, if it holds `share` of them."""
    best = max(pieces, key=lambda c: len(grams & bigram_set(c)), default=None)
    if best is None or len(grams & bigram_set(best)) < share * len(grams):
        return None
    return best


def short_for_its_title(term: str, source: str, cited: Cited) -> bool:
    """The term opens with a cited document's title said short (南宁二中 of 南宁市第二中学,
    `shortened_from`) and the rest is the passage's (南宁二中|创建): the sentence names what the
    passage, under that title, calls 学校 or 它 — not any name of its text: a short form of
    another of its names may stand in for a name swapped."""
    titles = TITLE.findall(cited.text)
    return any(
        shortened_from(term[:end], title) and term[end:] in source
        for title in titles
        for end in range(len(term), 0, -1)
    )


TITLE = re.compile(r"《([^》]{1,40})》")  # a title in 《》
