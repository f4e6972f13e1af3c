"""Chinese segmentation: jieba with a policy-term dictionary and the region names, shared by
BM25, the evidence check and the offline generator; stopwords (short forms written out:
`abbreviations.py`).

Search terms — every chunk at ingest, every question — are cut by `rjieba`, jieba's algorithm
and dictionary in Rust (jieba-rs): the same words as jieba's search mode on Chinese text, about
fifteen times faster, which is what an ingest spends most of its time on. Part-of-speech tags and
dictionary look-ups stay with jieba itself.
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import resources

import jieba

from . import lexicon
from .chars import CJK
from .regions import provinces, region_groups

_TOKEN_JUNK = re.compile(rf"^[^{CJK}0-9A-Za-z+]+$")
_CJK_WORD = re.compile(f"[{CJK}]+")
_USER_WORD_FREQUENCY = 20
# How jieba cuts a run of letters and digits it has no word for (its `finalseg` module):
# 5.5% and pm2 stay whole, zh-hk is zh | - | hk.
_LATIN_PIECE = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


def _places() -> list[str]:
    places = [a for p in provinces() for a in p.aliases]
    return places + [n for g in region_groups() for n in g.names]


def _policy_terms() -> list[tuple[str, int, str]]:
    terms = resources.files("assistant.data").joinpath("lexicon", "policy_terms.txt")
    rows = [line.split() for line in terms.read_text("utf-8").splitlines()]
    return [(word, int(frequency), tag) for word, frequency, tag in filter(None, rows)]


@cache
def jieba_tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = tempfile.gettempdir()
    _add_words(tokenizer.add_word, lambda word: bool(tokenizer.FREQ.get(word)))
    return tokenizer


def _add_words(add, known) -> None:
    """Our words into a segmenter's dictionary: the policy terms, then the place names, their
    cities and landmarks (words, whatever jieba's dictionary says)."""
    for word, frequency, tag in _policy_terms():
        add(word, frequency, tag)
    for place in _places():
        if not known(place):
            add(place, _USER_WORD_FREQUENCY, "ns")


@cache
def _search_segmenter():  # -> rjieba.Jieba
    """jieba's search mode in Rust, over jieba's dictionary plus the same words as `jieba_tokenizer`."""
    import rjieba

    segmenter = rjieba.Jieba()
    _add_words(segmenter.add_word, segmenter.has_word)
    return segmenter


def dictionary_words() -> list[str]:
    """The words our segmentation adds to jieba's dictionary (policy terms, places), for an
    engine that segments with its own jieba (Milvus's analyzer)."""
    return sorted({word for word, _, _ in _policy_terms()} | set(_places()))


@cache
def stopwords() -> frozenset[str]:
    return frozenset(lexicon.words("stopwords"))


def words(text: str) -> list[str]:
    """Segment into words (jieba precise mode), dropping punctuation and spaces."""
    return [w for w in jieba_tokenizer().lcut(text) if w.strip() and not _TOKEN_JUNK.match(w)]


def search_terms(text: str) -> list[str]:
    """Terms for retrieval: jieba search mode (words plus their sub-words), no stopwords.

    A word jieba does not know is guessed, and guessed differently in different contexts (锦地罗
    in a passage, 锦地 + 罗 in a question), so an unknown word of three or more characters also
    gives its character pairs: both sides then share them.
    """
    stop = stopwords()
    segmenter = _search_segmenter()
    terms = []
    for word in _search_words(segmenter, text.lower()):
        word = word.strip()
        if not word or word in stop or _TOKEN_JUNK.match(word):
            continue
        terms.append(word)
        if len(word) >= 3 and _CJK_WORD.fullmatch(word) and not segmenter.has_word(word):
            terms += [word[i : i + 2] for i in range(len(word) - 1)]
    return terms


def _search_words(segmenter, text: str) -> list[str]:
    """jieba's search mode: each word of the precise cut, preceded by the dictionary words of two
    and three characters inside it — over rjieba's precise cut, with runs of letters, digits and
    signs cut as jieba cuts them (rjieba's own search mode also splits those, differently)."""
    words = []
    for word in segmenter.cut(text):
        if len(word) > 1 and not _CJK_WORD.search(word) and not _LATIN_PIECE.fullmatch(word):
            words += [piece for piece in _LATIN_PIECE.split(word) if piece]
            continue
        if len(word) > 2:
            words += [g for i in range(len(word) - 1) if segmenter.has_word(g := word[i : i + 2])]
        if len(word) > 3:
            words += [g for i in range(len(word) - 2) if segmenter.has_word(g := word[i : i + 3])]
        words.append(word)
    return words


def content_words(text: str) -> list[str]:
    """Words that carry meaning: precise-mode words without stopwords."""
    stop = stopwords()
    return [w for w in words(text.lower()) if w not in stop]


def general_frequency(word: str) -> int:
    """How common a word is in general Chinese (jieba's dictionary counts; 0 when unknown)."""
    return jieba_tokenizer().FREQ.get(word) or 0


def warm_up() -> None:
    """Load the dictionary now rather than on the first question."""
    jieba_tokenizer().initialize()


@cache
def _tagger():
    """A part-of-speech tagger over our tokenizer. Importing `jieba.posseg` already reads the
    word tags of jieba's dictionary (a second of work); ours shares that table instead of
    reading the same file again, then adds the tags of our own words."""
    import jieba
    import jieba.posseg

    tokenizer = jieba_tokenizer()
    default = jieba.posseg.dt
    if tokenizer.get_dict_file().name != default.tokenizer.get_dict_file().name:
        return jieba.posseg.POSTokenizer(tokenizer)
    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tagger.tokenizer = tokenizer
    tagger.word_tag_tab = dict(default.word_tag_tab)
    return tagger


@lru_cache(maxsize=8192)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """Words with their part of speech (jieba's ICTCLAS-style tags: n, v, nr, ns, nt, nz …).
    Remembered: checking an answer tags the same passage clauses for every sentence."""
    pairs = [(p.word, p.flag) for p in _tagger().cut(text) if p.word.strip()]
    if _measure_glued(pairs):  # 多少|家中|小型企业: cut again with the count's unit apart
        cut = _tagger().cut(_ASKED_COUNT.sub(r"\1 ", text))
        pairs = [(p.word, p.flag) for p in cut if p.word.strip()]
    return tuple(_pointer_apart(pairs))


_MEASURES = "家个项所名位座条类种批台件款"
_ASKED_COUNT = re.compile(rf"((?:多少|几)[{_MEASURES}])(?=[^\W\d_])")


def _measure_glued(pairs: list[tuple[str, str]]) -> bool:
    """jieba glued the measure word of a count asked for to what is counted, whose rest makes a
    word with what follows (多少|家中|小型企业: 中小): the unit lost, the thing counted cut wrong —
    not a word the measure word opens (多少|项目, 多少|名额, 多少|家庭)."""
    return any(
        a in ("多少", "几")
        and len(b) == 2
        and b[0] in _MEASURES
        and any(is_dictionary_word(b[1] + c[:n]) for n in (1, 2))
        for (a, _), (b, _), (c, _) in zip(pairs, pairs[1:], pairs[2:], strict=False)
    )


def _pointer_apart(pairs: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """The words with a pointer's 那/这 the tagger glued to the word before it taken off again
    (冀那|篇 → 冀|那|篇, as it cuts 辽|那|篇): no name ends in the pointer of 那篇."""
    for at, (word, flag) in enumerate(pairs):
        after = pairs[at + 1][0] if at + 1 < len(pairs) else ""
        pointed = after[:1] in _POINTED
        if pointed and len(word) >= 2 and word[-1] in "那这" and not is_dictionary_word(word):
            yield (word[:-1], "j" if len(word) == 2 else flag)
            yield (word[-1], "r")
        else:
            yield (word, flag)


_POINTED = frozenset("篇份边")  # 那篇, 这份, 那边: what a pointer points at


def with_verb_heads(verbs: set[str]) -> set[str]:
    """The verbs with the verb each adverb-led one is built on (充分发挥 → 发挥, 积极推进 → 推进):
    what is said of the head is said of the whole."""
    heads = set()
    for verb in (v for v in verbs if len(v) == 4):
        lead, head = tagged(verb[:2]), tagged(verb[2:])
        if (
            len(lead) == len(head) == 1
            and lead[0][1] in ("d", "a", "ad")
            and head[0][1] in ("v", "vn")
        ):
            heads.add(verb[2:])
    return verbs | heads


def verbs_rejoined(words: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """A verb said apart with 了 or 过 inside it (签|了|约, 见了面) as the one verb it is (签约,
    见面): what is denied of 签约 is stated by 签了约."""
    joined: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        word = words[i][0]
        three = "".join(w for w, _ in words[i : i + 3]) if len(word) == 1 else word
        if len(three) == 3 and three[1] in "了过" and _a_verb(verb := three[0] + three[2]):
            joined.append((verb, "v"))
            i += 3 if len(word) == 1 else 1
            continue
        joined.append(words[i])
        i += 1
    return tuple(joined)


def _a_verb(word: str) -> bool:
    return is_dictionary_word(word) and tagged(word)[0][1] in ("v", "vn")


def nouns_of(text: str, kinds: str = "n") -> set[str]:
    """The words of two characters or more jieba tags as one of `kinds` (n nouns of every
    kind; l set phrases; b the words that classify nouns: 县级, 民营)."""
    return {w for w, flag in tagged(text) if len(w) >= 2 and flag[0] in kinds}


def tagged_at(text: str) -> list[tuple[str, str, int]]:
    """`tagged`, each word with where it starts in the text."""
    found, at = [], 0
    for word, flag in tagged(text):
        at = text.find(word, at)
        found.append((word, flag, at))
        at += len(word)
    return found


def tagged_content(text: str) -> list[tuple[str, str]]:
    """The words that carry meaning (no stopwords, punctuation or spaces), lower-cased, each
    with its part of speech in context."""
    stop = stopwords()
    return [
        (w, flag)
        for w, flag in tagged(text.lower())
        if w not in stop and not _TOKEN_JUNK.match(w) and not set(w) <= stop  # 是|从 glued
    ]


def is_dictionary_word(word: str) -> bool:
    """In jieba's dictionary (or ours), rather than guessed by its model for unknown words."""
    return bool(jieba_tokenizer().FREQ.get(word))  # not a prefix jieba keeps with count 0


@cache
def everyday_parts(word: str, common: int) -> tuple[str, ...]:
    """The words of a dictionary compound made of everyday words, each used at least `common`
    times (项目风险: 项目, 风险) — none for a name or term jieba had to guess (计算神经科学), nor
    for one with a rarer part (亚硫酸盐): those are the thing asked about."""
    if "|" in word or len(word) < 4 or not is_dictionary_word(word):
        return ()
    parts = tuple(t for t in search_terms(word) if t != word and len(t) >= 2)
    return parts if all(general_frequency(t) >= common for t in parts) else ()
