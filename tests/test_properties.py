"""Property-based tests (hypothesis) for the text pipeline: cleaning, chunking, sentence
splitting and citation parsing / checking.

The example tests (test_clean, test_chunking, test_citations) pin behaviour on the seeds; these
check invariants over generated text: Chinese-heavy policy prose, arbitrary unicode and hostile
characters (NUL and other controls, lone surrogates, emoji, RTL scripts, zero-width marks, long
whitespace runs). Each test records one row for the README's hardening table once every example
has passed.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assistant.answer.verify import (
    MARKER,
    answer_lines,
    is_claim,
    parse_citations,
    split_answer,
    strip_citations,
    supporting_span,
    verify_answer,
    verify_sentence,
)
from assistant.index.chunking import chunk_document, heading_level
from assistant.index.encoding import load_encoding
from assistant.schema import Article, Chunk, Document, Passage
from assistant.text.chars import normalise_for_match
from assistant.text.clean import LEAD_MARKS, clean_text, normalise_line
from assistant.text.sentences import split_sentences

AREA = "question"
EXAMPLES = 200


def props(examples: int = EXAMPLES):
    # No example database: the runs are cheap to repeat; known failures are pinned by @example.
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


# --- strategies ---------------------------------------------------------------------------------

POLICY = "科技创新产业深度融合发展推动企业政策支持资金人才。，；！？、…0123456789%万亿元年月日[]（）《》“”\n "
WORDS = "科技创新产业深度融合发展推动企业政策支持资金人才数字经济高质量"
# Sentence bodies: no sentence end, quotation mark, title mark or square bracket.
BODY = WORDS + "，、：0123456789%万亿元年月日（） "
HOSTILE = [
    *"\x00\x07\x0b\x0c\x1b\x7f\x85\u200b\u200e\u2028\u2029\u2060\ufeff\u00ad\u3000\u00a0\r\t\u202e",
    "🚀",
    "🇨🇳",
    "👨‍👩‍👧",
    "שלום עולם",
    "مرحبا بالعالم",
    "١٢٣",
    "１２Ａｚ",
    "e\u0301",
    "\uf900",
    "\u037e",
    "\ud800",
    "\udfff",
    " " * 300,
    "\t" * 50,
    "\n" * 40,
    "\r\n",
    *",:;?!()",
    "(科技)",
    "■ ",
    "当前位置：",
    "浏览次数：",
    "\u0301",
    "Ａ",
    "a(",
    "科技创新产业融合发展" * 4,  # long enough to be re-joined across a line break
]

policy_text = st.text(alphabet=st.sampled_from(list(POLICY)), max_size=300)
_piece = st.one_of(
    st.text(alphabet=st.sampled_from(list(POLICY)), max_size=60),
    st.sampled_from(HOSTILE),
    st.text(max_size=30),
    st.text(alphabet=st.characters(categories=["Cs"]), max_size=2),  # lone surrogates
)
any_text = st.one_of(policy_text, st.text(max_size=300), st.lists(_piece, max_size=25).map("".join))
body = (
    st.text(alphabet=st.sampled_from(list(BODY)), min_size=1, max_size=80)
    .map(str.strip)
    .filter(bool)
)


def is_subsequence(part: str, whole: str) -> bool:
    rest = iter(whole)
    return all(ch in rest for ch in part)


def no_space(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def passages(texts: list[str]) -> list[Passage]:
    return [
        Passage(n=i, chunk=Chunk(chunk_id=f"d#{i}", doc_id="d", text=t, title="t"), score=0.0)
        for i, t in enumerate(texts, start=1)
    ]


# --- cleaning -----------------------------------------------------------------------------------

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\u2060\ufeff\u00ad]")
WIDE_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


# Atoms that interact: marks between a letter and its accent, nested half-width brackets, a
# paragraph long enough to be re-joined across a line break, furniture split over two lines.
TRICKY = st.lists(
    st.sampled_from(
        ["e", "Ａ", "\u0301", "\x00", "\u200b", "(", ")", "中", ",", "!", ";", "：", " ", "\u3000"]
        + [
            "１",
            "\u037e",
            "\n",
            "科技创新产业融合发展" * 4,
            "当前位置",
            "首页 > 新闻",
            "浏览",
            "次数",
        ]
    ),
    max_size=20,
).map("".join)
# Half- and full-width punctuation compare equal where a re-join folded it.
FOLD_PUNCT = str.maketrans("，：；？！（）", ",:;?!()")


def test_cleaning_is_idempotent_and_only_drops_or_joins_lines(observe):
    @props(300)
    @given(st.one_of(any_text, TRICKY))
    @example("e\x00\u0301")  # NFC ran before the NUL between letter and accent was removed
    @example("Ａ\u0301")  # width folding left A + accent uncomposed
    @example("(见(中)文)")  # nested half-width brackets needed a second pass
    @example("科技创新产业融合发展" * 4 + "\n,技")  # half-width comma kept across a page-break join
    @example("当前位置\n：首页 > 新闻\n正文。")  # breadcrumb split over two lines survived
    @example("一, ")  # the trailing space hid the line-final comma from width folding
    def check(text: str) -> None:
        cleaned = clean_text(text)
        again = clean_text(cleaned)
        if any(mark in text for mark in LEAD_MARKS):
            # A dropped 导读 bullet no longer separates its neighbours, which a second pass may
            # re-join: the text is the same, the line breaks may differ.
            assert normalise_for_match(again) == normalise_for_match(cleaned)
        else:
            assert again == cleaned
        for line in cleaned.split("\n") if cleaned else []:
            assert line and line == line.strip()
            assert not CONTROL.search(line) and "\r" not in line
            assert not WIDE_ALNUM.search(line) and not re.search(r"[ \t]{2,}", line)
        # Cleaning drops furniture lines and re-joins page breaks: it never invents or reorders.
        raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        assert is_subsequence(
            cleaned.replace("\n", "").translate(FOLD_PUNCT),
            "".join(map(normalise_line, raw)).translate(FOLD_PUNCT),
        )

    check()
    observe(
        AREA,
        "property: text cleaning (hypothesis, 300 random texts incl. NUL, lone surrogates, emoji, "
        "RTL, zero-width marks)",
        "never raises; idempotent (after a dropped 导读 bullet: up to line breaks); no "
        "control/zero-width characters, full-width digits or blank lines left; output is a "
        "subsequence of the normalised input lines",
    )


@st.composite
def byline(draw):
    digits = str.maketrans("0123456789", "０１２３４５６７８９") if draw(st.booleans()) else {}
    year, month, day = (
        draw(st.integers(1990, 2099)),
        draw(st.integers(1, 12)),
        draw(st.integers(1, 28)),
    )
    date = draw(
        st.sampled_from(
            [
                f"{year}-{month:02d}-{day:02d}",
                f"{year}年{month}月{day}日",
                f"{year}/{month}/{day}",
                f"{year}.{month:02d}.{day:02d}",
            ]
        )
    )
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    time = draw(st.sampled_from(["", f" {hour:02d}:{minute:02d}", f" {hour}:{minute:02d}:00"]))
    label = draw(st.sampled_from(["发布日期", "发布时间"]))
    colon = draw(st.sampled_from([":", "：", ": "]))
    lead = draw(st.sampled_from(["", "- ", "· "]))
    return f"{lead}{label}{colon}{date}{time}".translate(digits)


def test_cleaning_drops_every_dated_byline(observe):
    @props()
    @given(byline())
    @example("发布时间：2024-05-10 10:30")  # the time's colon became “：”, which was not allowed
    def check(line: str) -> None:
        assert clean_text(f"{line}\n正文第一句。") == "正文第一句。"

    check()
    observe(
        AREA,
        f"property: dated bylines (hypothesis, {EXAMPLES} generated 发布日期/发布时间 lines)",
        "every date/time format (half- or full-width) is removed as page furniture",
    )


def test_cleaning_keeps_every_chinese_character_and_digit_of_prose(observe):
    @props()
    @given(policy_text)
    def check(text: str) -> None:
        # Prose without page furniture: every CJK character, digit and letter survives, in order.
        assert normalise_for_match(clean_text(text)) == normalise_for_match(text)

    check()
    observe(
        AREA,
        f"property: text cleaning keeps the prose (hypothesis, {EXAMPLES} Chinese texts)",
        "every CJK character and digit of the input is kept, in order",
    )


# --- chunking -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def count_tokens():
    return load_encoding()


NUMERALS = "一二三四五六七八九十"
TAG = re.compile(r"#(\d+)#")


@st.composite
def tagged_article(draw):
    """Sections (an optional preamble, then 一、 headings) of paragraphs of sentences; each
    sentence starts with a unique tag #i# so it can be traced into the chunks."""
    sections: list[tuple[str, list[list[str]]]] = []
    counter = 0
    for s in range(draw(st.integers(1, 4))):
        title = draw(st.text(alphabet=st.sampled_from(list(WORDS)), min_size=1, max_size=20))
        heading = "" if s == 0 and draw(st.booleans()) else f"{NUMERALS[s]}、{title}"
        paras = []
        for _ in range(draw(st.integers(1, 4))):
            sentences = []
            for _ in range(draw(st.integers(1, 5))):
                end = draw(st.sampled_from(["。", "！", "？", "……"]))
                sentences.append(f"#{counter}#{draw(body)}{end}")
                counter += 1
            paras.append(sentences)
        sections.append((heading, paras))
    lines = []
    for heading, paras in sections:
        lines += [heading] if heading else []
        lines += ["".join(sentences) for sentences in paras]
    return sections, "\n".join(lines)


def test_chunking_keeps_every_sentence_once_in_order_within_budget(observe, count_tokens):
    @props(150)
    @given(
        tagged_article(),
        st.sampled_from([24, 48, 96, 160, 320]),
        st.integers(0, 2),
    )
    @example(([("一、政策", [["#0#科技。"]])], "一、政策\n#0#科技。"), 24, 1)
    def check(article, max_tokens: int, overlap: int) -> None:
        sections, text = article
        doc = Document("doc", "标题", (Article("标题", text),))
        chunks = chunk_document(doc, count_tokens, max_tokens=max_tokens, overlap_sentences=overlap)
        assert chunks == chunk_document(
            doc, count_tokens, max_tokens=max_tokens, overlap_sentences=overlap
        )
        assert [c.chunk_id for c in chunks] == [f"doc#{i}" for i in range(1, len(chunks) + 1)]
        # Units in reading order: each heading line, then its sentences.
        unit_of, section_of, sentences = {}, [], []
        for heading, paras in sections:
            if heading:
                unit_of[heading] = len(section_of)
                section_of.append(heading)
                sentences.append(heading)
            for sentence in (s for p in paras for s in p):
                unit_of[int(TAG.match(sentence).group(1))] = len(section_of)
                section_of.append(heading)
                sentences.append(sentence)
        seen: set[int] = set()
        previous: list[int] = []
        for chunk in chunks:
            assert chunk.tokens == count_tokens(chunk.text)
            units = [unit_of[chunk.heading]] if chunk.text.split("\n")[0] == chunk.heading else []
            units += [unit_of[int(t)] for t in TAG.findall(chunk.text)]
            # A contiguous run of whole units of one section, under that section's heading.
            assert units and units == list(range(units[0], units[-1] + 1))
            assert {section_of[u] for u in units} == {chunk.heading}
            assert all(sentences[u] in chunk.text for u in units)
            if chunk.tokens > max_tokens:  # only a single sentence (or heading) may overflow
                assert len(units) == 1
            if previous:
                # The next chunk moves on, repeating at most `overlap` units, none across a heading.
                same = section_of[previous[-1]] == chunk.heading
                lowest = previous[-1] + 1 - (overlap if same else 0)
                assert max(lowest, previous[0] + 1) <= units[0] <= previous[-1] + 1
            seen.update(units)
            previous = units
        assert seen == set(range(len(sentences)))

    check()
    observe(
        AREA,
        "property: chunking (hypothesis, 150 generated documents, 24–320 token budgets)",
        "deterministic; ids doc#1..n; every sentence kept, in order, repeated only as the "
        "≤overlap sentences; no chunk crosses a heading; only a single sentence exceeds the budget",
    )


def test_chunking_any_cleaned_text_never_loses_body_sentences(observe, count_tokens):
    @props(100)
    @given(any_text, st.sampled_from([16, 64, 320]))
    @example("", 320)
    @example("\u3000\n \n", 320)
    def check(raw: str, max_tokens: int) -> None:
        text = clean_text(raw)
        doc = Document("x", "标题", (Article("标题", text),))
        chunks = chunk_document(doc, count_tokens, max_tokens=max_tokens)
        assert chunks == chunk_document(doc, count_tokens, max_tokens=max_tokens)
        if not text:
            # An article with no body (its only line was its title) keeps one empty chunk, so the
            # document stays findable by its title (Chunk.index_text); test_index relies on it.
            assert [(c.text, c.tokens) for c in chunks] == [("", 0)]
            return
        whole = normalise_for_match(text)
        sentences = set()
        for line in text.split("\n"):
            sentences.add(line)
            pieces = split_sentences(line, max_chars=160)
            sentences.update(pieces)
            if heading_level(line) == 0:
                for piece in pieces:
                    assert any(piece in c.text for c in chunks), piece
        for chunk in chunks:
            assert chunk.text.strip() and normalise_for_match(chunk.text) in whole
            if chunk.tokens > max_tokens:
                assert chunk.text in sentences

    check()
    observe(
        AREA,
        "property: chunking arbitrary cleaned text (hypothesis, 100 random texts)",
        "never raises; deterministic; every body sentence is in some chunk; chunks are non-empty "
        "contiguous spans of the text (an empty article: one title-only chunk); only a single "
        "sentence exceeds the budget",
    )


# --- sentence splitting -------------------------------------------------------------------------


def test_split_sentences_rejoins_to_the_input(observe):
    @props()
    @given(any_text, st.sampled_from([0, 0, 1, 20, 160]))
    def check(text: str, max_chars: int) -> None:
        sentences = split_sentences(text, max_chars=max_chars)
        assert no_space("".join(sentences)) == no_space(text)
        for sentence in sentences:
            assert sentence and sentence == sentence.strip() and "\n" not in sentence
            if max_chars and len(sentence) > max_chars:  # split after each ；/;
                assert not re.search(r"[；;]", sentence[1:-1])
        if not re.search(r"[。！？!?…\n；;]" if max_chars else r"[。！？!?…\n]", text):
            assert sentences == ([text.strip()] if text.strip() else [])

    check()
    observe(
        AREA,
        f"property: sentence splitting (hypothesis, {EXAMPLES} random texts)",
        "never raises; sentences rejoin to the input (modulo whitespace); none empty or "
        "multi-line; text without 。！？ is one sentence; long ones split only at ；",
    )


CLOSERS = "”’」』）)"


def test_split_sentences_recovers_generated_sentences(observe):
    @props()
    @given(
        st.lists(
            st.tuples(
                body.filter(lambda b: b[0] not in CLOSERS),  # a closer joins the sentence before
                st.sampled_from(["。", "！", "？", "!", "?", "……", "…", "。”", "！）"]),
            ),
            min_size=1,
            max_size=12,
        ),
        st.sampled_from(["", " ", "\n", "  \n  "]),
    )
    def check(parts, gap: str) -> None:
        expected = [b + e for b, e in parts]
        assert split_sentences(gap.join(expected)) == expected

    check()
    observe(
        AREA,
        f"property: sentence splitting of built text (hypothesis, {EXAMPLES} sentence lists)",
        "sentences ending in 。！？!?…… (with closing quote or bracket) come back exactly",
    )


def test_match_normalisation_keeps_only_letters_digits_and_cjk(observe):
    allowed = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff0-9a-z]*")

    @props()
    @given(any_text)
    def check(text: str) -> None:
        norm = normalise_for_match(text)
        assert allowed.fullmatch(norm) and normalise_for_match(norm) == norm
        assert normalise_for_match("".join(split_sentences(text))) == norm

    check()
    observe(
        AREA,
        f"property: match normalisation (hypothesis, {EXAMPLES} random texts)",
        "only CJK, digits and lower-case letters remain; idempotent; unchanged by sentence splitting",
    )


# --- citations ----------------------------------------------------------------------------------

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@st.composite
def marker(draw):
    """One citation marker in a form models write, and the numbers it cites."""
    numbers = draw(st.lists(st.integers(0, 60), min_size=1, max_size=3))
    sep = draw(st.sampled_from([",", ", ", "，", "、", " ,  "]))
    inner = sep.join(map(str, numbers))
    form = draw(st.sampled_from(["[{}]", "【{}】", "[^{}]", "full-width"]))
    if form == "full-width":
        return f"[{inner.translate(FULL_WIDTH)}]", numbers
    return form.format(inner), numbers


@st.composite
def cited_answer(draw):
    """An answer of lines of sentences, each with markers before and/or after its full stop."""
    lines, sentences, cited = [], [], []
    for _ in range(draw(st.integers(1, 4))):
        prefix = draw(st.sampled_from(["", "1. ", "- ", "（2）", "## "]))
        count = draw(st.integers(1, 4))
        line = ""
        for i in range(count):
            text = draw(st.sampled_from(WORDS)) + draw(body)
            end = draw(st.sampled_from(["。", "！", "？"] + ([""] if i == count - 1 else [])))
            before = draw(st.lists(marker(), max_size=2))
            after = draw(st.lists(marker(), max_size=2)) if end else []
            numbers = [n for _, ns in before + after for n in ns]
            marks_before = "".join(m for m, _ in before)
            marks_after = "".join(m for m, _ in after)
            line += text + marks_before + end + marks_after
            sentences.append((text + marks_before + marks_after + end, numbers))
            cited += numbers
        lines.append(prefix + line)
    return "\n".join(lines), sentences, cited


def unique(numbers):
    return tuple(dict.fromkeys(numbers))


def test_citation_parsing_returns_exactly_the_inserted_numbers(observe):
    @props()
    @given(cited_answer())
    def check(generated) -> None:
        answer, sentences, cited = generated
        assert parse_citations(answer) == unique(cited)
        # Each sentence keeps its own markers, including those written after its full stop.
        assert split_answer(answer) == [text for text, _ in sentences]
        for text, numbers in sentences:
            assert parse_citations(text) == unique(numbers)
            assert not MARKER.search(strip_citations(text))

    check()
    observe(
        AREA,
        f"property: citation markers (hypothesis, {EXAMPLES} generated answers)",
        "[n] [a,b] [a，b] [a、b] 【n】 [^n] and full-width digits parse to exactly the numbers "
        "inserted; markers after a full stop stay with their sentence",
    )


GARBAGE = [
    "[",
    "]",
    "【",
    "】",
    "^",
    ",",
    "，",
    "、",
    " ",
    "\n",
    "[]",
    "【】",
    "[abc]",
    "[^]",
    "[1,]",
    "[,1]",
    "[[1]]",
    "[[1]2]",
    "［1］",
    "[1．5]",
    "[99999999999999999999]",
    "[-1]",
    "[1e3]",
    "。",
]
garbage_text = st.one_of(
    any_text,
    st.lists(
        st.one_of(
            st.sampled_from(GARBAGE),
            st.integers(0, 10**30).map(str),
            st.text(alphabet=st.sampled_from(list(POLICY)), max_size=10),
        ),
        max_size=30,
    ).map("".join),
    st.integers(4000, 6000).map(lambda k: f"句子[{'9' * k}]。"),
)


def test_citation_parsing_of_garbage_never_raises(observe):
    @props()
    @given(garbage_text)
    @example(f"句子[{'9' * 4301}]。")  # int() refuses over 4300 digits: ValueError
    @example("[[1]2]【】[abc][^][99999999999999999999]［1］")
    def check(text: str) -> None:
        numbers = parse_citations(text)
        assert len(set(numbers)) == len(numbers)
        assert all(isinstance(n, int) and 0 <= n < 10**9 for n in numbers)
        strip_citations(text)
        answer_lines(text)

    check()
    observe(
        AREA,
        f"property: citation garbage (hypothesis, {EXAMPLES} texts incl. [abc], [], nested, "
        "huge numbers)",
        "never raises; returns distinct passage numbers of at most 9 digits (longer runs are no "
        "marker)",
    )


STATUSES = {"supported", "weak", "unsupported", "uncited"}


def test_verify_answer_never_raises_and_labels_every_sentence(observe):
    @props(150)
    @given(
        st.one_of(garbage_text, cited_answer().map(lambda g: g[0])),
        st.lists(st.one_of(policy_text, any_text), max_size=5),
    )
    def check(answer: str, texts: list[str]) -> None:
        given_passages = passages(texts)
        for sentence in verify_answer(answer, given_passages):
            assert sentence.status in STATUSES
            assert 0.0 <= sentence.support <= 1.0
            assert sentence.citations == parse_citations(sentence.text)
            assert (sentence.status == "uncited") == (not sentence.citations)
            assert bool(sentence.issues) == (sentence.status in ("uncited", "unsupported"))
            if sentence.status == "supported":
                assert sentence.support >= 0.7
            json.dumps(sentence.to_json(), ensure_ascii=False)
            for passage in given_passages:
                span = supporting_span(sentence.text, passage.text)
                assert span is None or 0 <= span[0] < span[1] <= len(passage.text)

    check()
    observe(
        AREA,
        "property: answer verification (hypothesis, 150 random answers × random passages)",
        "never raises; every sentence gets one of supported/weak/unsupported/uncited, "
        "consistent with its citations, score and issues; supporting spans lie inside the passage",
    )


def test_a_sentence_quoted_from_its_cited_passage_is_supported(observe):
    prose = st.text(alphabet=st.sampled_from(list(BODY + "。！？")), min_size=1, max_size=200)

    @props()
    @given(st.lists(prose, min_size=1, max_size=4), st.data())
    def check(texts: list[str], data) -> None:
        given_passages = passages(texts)
        n = data.draw(st.integers(1, len(texts)))
        # A claim with at least one character bigram (a bare "5" has nothing to compare).
        claims = [
            s
            for s in split_sentences(texts[n - 1])
            if is_claim(s) and len(normalise_for_match(s)) >= 2
        ]
        if not claims:
            return
        quoted = data.draw(st.sampled_from(claims))
        sentence = verify_sentence(f"{quoted}[{n}]", given_passages)
        assert sentence.status == "supported" and sentence.support == 1.0
        missing = verify_sentence(f"{quoted}[{len(texts) + 1}]", given_passages)
        assert missing.status == "unsupported"

    check()
    observe(
        AREA,
        f"property: verbatim quotation (hypothesis, {EXAMPLES} random passages)",
        "a sentence copied from the passage it cites is supported (score 1.0); citing a "
        "passage that does not exist makes it unsupported",
    )
