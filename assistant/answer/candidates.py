"""The sentences an offline answer can be made of, each scored for one question.

A sentence scores by a weighted sum of `FEATURES`: the weighted share of the question's words it
holds (rarer words weigh more), the share of the question's character pairs (which catches
paraphrases word matching misses), whether it holds the kind of fact the question asks for, the
rank of its passage … The weights were fitted on CMRC trial questions (`tuning.py`). A sentence
holding the asked fact next to one that echoes the question counts its neighbour's coverage:
“……选址在A地。计划于2024年上半年完工。” answers “何时完工”.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, partial

import numpy as np

from ..schema import Passage
from ..text import lexicon
from ..text.clean import looks_like_heading
from ..text.numerals import in_digits
from ..text.page_record import RECORD_LABELS
from ..text.sentences import split_sentences, strip_connective
from ..tuning import TUNING
from .held import held_share
from .leads import leads, under
from .question_types import TYPED, answers_kind, definition_pattern
from .wording import echo, opens_on_date, opens_with, overlap, template, verb_share

TUNE = TUNING.answer


@dataclass(frozen=True, slots=True)
class Candidate:
    passage: Passage
    position: int
    text: str
    coverage: float
    score: float
    typed: bool = False
    defines: bool = False  # says “X是……” for the X a “什么是X” question asks about
    label: str = ""  # “河北：” before one side of a comparison
    own: float = 0.0  # its coverage without what a neighbour lends it

    @property
    def key(self) -> tuple[int, int]:
        return (self.passage.n, self.position)


@cache
def _byline() -> re.Pattern[str]:
    """Bylines, metadata lines and the page record's lines (`text/page_record.py`)."""
    record = "|".join(map(re.escape, RECORD_LABELS))
    return re.compile(rf"^(?:{lexicon.alternation('bylines')}|{record})")


def is_answer_sentence(sentence: str) -> bool:
    if len(sentence) < TUNE.min_sentence_chars or _byline().match(sentence):
        return False
    return not looks_like_heading(sentence)


def term_coverage(text: str, weights: Mapping[str, float]) -> float:
    total = sum(weights.values())
    if not total:
        return 0.0
    lowered = text.lower()
    return sum(w * held_share(lowered, term) for term, w in weights.items()) / total


def context(passage: Passage) -> str:
    """What holds for every sentence of a passage: its title, section, outlet, region, date."""
    chunk = passage.chunk
    parts = (chunk.title, chunk.heading, chunk.source, chunk.region, chunk.date)
    return " ".join(part for part in parts if part)


def sentences_of(passage: Passage) -> list[str]:
    return split_sentences(passage.text, max_chars=TUNE.sentence_max_chars)


FEATURES = (
    "coverage",  # weighted share of the question's words in the sentence itself
    "coverage_in_context",  # … counting the passage's title, section and region too
    "overlap",  # share of the question's character pairs in the sentence
    "overlap_in_context",  # … counting the title and section too (“树高可达55米” under its name)
    "echo",  # longest run of the question's characters in the sentence, as a share of it
    "template",  # the words around the question word, with the answer between (以……为食)
    "typed_when",  # holds the kind of fact asked for: a date for 何时 …
    "typed_quantity",
    "typed_who",
    "typed_where",
    "typed_reason",
    "typed_list",
    "neighbour",  # typed, near a sentence that echoes the question: that one's coverage
    "rank",  # 1 / (rank of the passage + 1)
    "position",  # 1 / (position in the passage + 1)
    "length",  # log of the sentence length
    "defines",  # says “X是……” for the X a “什么是X” question asks about
    "new",  # share of the sentence's characters not in the question: it adds something
    "opens_with_subject",  # opens with the noun the question opens with (X（生卒年）是……)
    "verbs",  # share of the question's verbs it holds (毕业, 瓦解)
    "opens_on_date",  # opens with a date the question names (1973年10月，任……)
)


_NEIGHBOURHOOD = 3  # sentences either side that an answer may refer back to (“该计划于……启动”)
_TYPED_ORDER = ("when", "quantity", "who", "where", "reason", "list")
_SLOT = {"problem": "reason"}  # what holds a thing back explains it as a reason does


def features(
    sentences: list[str],
    position: int,
    text: str,
    covers: tuple[list[float], list[float]],
    ask: tuple[str, str, set[str], list[str]],
    rank: int,
    where: str = "",
) -> tuple[float, ...]:
    """The sentence's `FEATURES`, for the question `ask` = (question, kind, pairs, definienda);
    `where` is the passage's `context`."""
    question, kind, pairs, definienda = ask
    own, in_context = covers
    typed = kind in TYPED and answers_kind(kind, text, question)
    window = range(max(0, position - _NEIGHBOURHOOD), min(len(own), position + _NEIGHBOURHOOD + 1))
    nearby = [own[p] for p in window if p != position]
    chars = [ch for ch in text if not ch.isspace()]
    # the question's 23岁 is the sentence's 二十三岁
    read = in_digits(text) if any(ch.isdigit() for ch in question) else text
    return (
        own[position],
        in_context[position],
        overlap(pairs, read),
        overlap(pairs, f"{read} {where}"),
        echo(question, read),
        template(question, text),
        *(float(typed and _SLOT.get(kind, kind) == k) for k in _TYPED_ORDER),
        max(nearby, default=0.0) if typed else 0.0,
        1 / (rank + 1),
        1 / (position + 1),
        math.log(len(text) + 1),
        float(any(is_definition_of(t, text) for t in definienda)),
        sum(ch not in question for ch in chars) / (len(chars) or 1),
        opens_with(question, text),
        verb_share(question, text),
        opens_on_date(question, text),
    )


def is_definition_of(term: str, text: str) -> bool:
    """The sentence defines the term: “（所谓）X（……）是/指……”, also after the field it is
    defined in (在数学中，X是……; 两类创新的“X”是指……: of what, before the term in quotes), or
    X opening on its other names in brackets (X（winglet）……)."""
    term = re.escape(term)
    field = r"(?:在[^，,。]{1,12}[中里上][，,]|[^，,。“”\"「」]{1,20}的(?=[“\"「]))?"
    return bool(
        re.match(
            rf"^{field}(?:所谓)?[“\"「]?{term}[”\"」]?(?:[（(][^）)]{{0,60}}[）)])?[，,]?"
            rf"(?:{definition_pattern()})",
            text,
        )
        or re.match(rf"^{term}[（(]", text)
    )


@dataclass(frozen=True, slots=True)
class Scored:
    """A quotable sentence of a retrieved passage with its `FEATURES`, before scoring."""

    passage: Passage
    position: int
    text: str
    values: tuple[float, ...]


def sentence_features(
    passage: Passage,
    rank: int,
    ask: tuple[str, str, set[str], list[str]],
    weights: Mapping[str, float],
) -> list[Scored]:
    """Every quotable sentence of one passage with its features for the question `ask`."""
    where = context(passage)
    sentences = sentences_of(passage)
    heads = leads(passage.text, sentences)  # 要坚持绿色化转型。: for the sentences after it
    cover = partial(term_coverage, weights=weights)
    covers = (
        [cover(s) for s in sentences],
        [under(f"{s} {where}", h, cover) for s, h in zip(sentences, heads, strict=True)],
    )
    found = []
    for position, sentence in enumerate(sentences):
        if is_answer_sentence(sentence):
            text = strip_connective(sentence)
            values = features(
                sentences, position, text, covers, ask, rank, f"{heads[position]} {where}"
            )
            found.append(Scored(passage, position, text, values))
    return found


EXPANDED = (
    *FEATURES,
    "coverage_in_context_squared",
    "coverage_times_overlap",
    "coverage_times_echo",
    "typed_times_coverage",
    "typed_times_neighbour",
    "overlap_squared",
    "overlap_in_context_squared",
    "coverage_times_overlap_in_context",
    "next_to_best",
)
"""The features a sentence is scored on: its own, products of them (a typed sentence counts
only if it is about the question), and whether it follows or precedes the best-covering one."""


def expand(rows: list[Scored]) -> np.ndarray:
    """`EXPANDED` for every sentence of one question (one row each)."""
    x = np.array([row.values for row in rows], dtype=float).reshape(len(rows), len(FEATURES))
    ctx = x[:, FEATURES.index("coverage_in_context")]
    shared = x[:, FEATURES.index("overlap")]  # not `overlap`/`echo`: those are the functions
    echoed = x[:, FEATURES.index("echo")]
    typed = x[:, [FEATURES.index(f"typed_{k}") for k in _TYPED_ORDER]].max(axis=1)
    best = rows[int(np.argmax(ctx))] if rows else None
    near = [
        float(
            best is not None
            and row.passage.n == best.passage.n
            and abs(row.position - best.position) == 1
        )
        for row in rows
    ]
    near_cover = x[:, FEATURES.index("neighbour")]
    around = x[:, FEATURES.index("overlap_in_context")]
    products = [
        *(ctx**2, ctx * shared, ctx * echoed, typed * ctx, typed * near_cover, shared**2),
        *(around**2, ctx * around),
    ]
    return np.column_stack([x, *products, np.array(near)])


@cache
def _weights() -> np.ndarray:
    names = tuple(name for name, _ in TUNE.sentence_weights)
    if names != EXPANDED:  # a stale table would weigh the wrong features silently
        raise ValueError(f"tuning.AnswerTuning.sentence_weights must list {EXPANDED}")
    return np.array([weight for _, weight in TUNE.sentence_weights])


def score_all(rows: list[Scored]) -> list[Candidate]:
    """The sentences as candidates, scored with the fitted weights, best first."""
    if not rows:
        return []
    scores = expand(rows) @ _weights()
    found = []
    for row, score in zip(rows, scores, strict=True):
        named = dict(zip(FEATURES, row.values, strict=True))
        # How much of the question it answers, for the refusal and keep thresholds.
        coverage = max(named["coverage_in_context"], TUNE.neighbour_weight * named["neighbour"])
        typed = any(named[f"typed_{k}"] for k in _TYPED_ORDER)
        found.append(
            Candidate(
                row.passage,
                row.position,
                row.text,
                coverage,
                float(score),
                typed,
                bool(named["defines"]),
                own=named["coverage_in_context"],
            )
        )
    return sorted(found, key=lambda c: -c.score)
