import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.corpus.documents import load_corpus
from assistant.index.chunking import chunk_document, heading_level
from assistant.index.encoding import load_encoding
from assistant.text.sentences import split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def count_tokens():
    return load_encoding()


@pytest.fixture(scope="module")
def documents():
    return {d.doc_id: d for d in load_corpus(SEEDS)}


def test_chunks_respect_the_token_budget_and_have_stable_ids(documents, count_tokens):
    for doc in documents.values():
        first = chunk_document(doc, count_tokens, max_tokens=320)
        again = chunk_document(doc, count_tokens, max_tokens=320)
        assert [c.chunk_id for c in first] == [
            f"{doc.doc_id}#{i}" for i in range(1, len(first) + 1)
        ]
        assert [c.text for c in first] == [c.text for c in again]
        for chunk in first:
            # A single over-long sentence may exceed the budget; packed chunks never do.
            assert chunk.tokens <= 320 or len(chunk.text) <= 170


def test_chunks_end_on_sentence_boundaries(documents, count_tokens):
    for chunk in chunk_document(documents["004_dd093aed7fc08f9e"], count_tokens, max_tokens=200):
        assert chunk.text.endswith(("。", "！", "？", "”", "；")), chunk.text[-20:]


def test_consecutive_chunks_overlap_by_a_sentence(documents, count_tokens):
    chunks = chunk_document(documents["003_494ccc21f6e99a83"], count_tokens, max_tokens=320)
    same_section = [
        (a, b) for a, b in zip(chunks, chunks[1:], strict=False) if a.heading == b.heading
    ]
    assert same_section
    overlapping = 0
    for a, b in same_section:
        last = split_sentences(a.text)[-1]
        if len(last) < 80:  # a long last sentence is not repeated: it would fill the next chunk
            assert b.text.startswith(last)
            overlapping += 1
    assert overlapping


def test_heading_path_and_article_title_are_kept(documents, count_tokens):
    chunks = chunk_document(documents["002_60a40fa8dcb989e0"], count_tokens)
    headings = {c.heading for c in chunks}
    assert "科技创新与产业创新融合发展的政策保障 > （二）完善金融体系，优化金融支持机制" in headings
    qingdao = [
        c
        for c in chunk_document(documents["000_979be21953a06c52"], count_tokens)
        if c.source == "青岛日报"
    ]
    assert qingdao and all(c.title == "以科技创新引领产业创新" for c in qingdao)
    assert all(c.region == "山东省" for c in qingdao)


def test_heading_levels():
    assert heading_level("一、总体要求") == 1
    assert heading_level("（二）完善金融体系，优化金融支持机制") == 2
    assert heading_level("1. 融合不全：设施瓶颈与人才鸿沟") == 3
    assert heading_level("增加高质量科技供给") == 1
    assert heading_level("关键词：科技创新；产业创新；融合发展") == 0
    assert heading_level("科技是第一生产力，产业是生产力发展的重要载体。") == 0


MIXED = (
    "2025年上半年，全国共登记技术合同近41万件，成交额2.8万亿元 (up 14.2% YoY)；"
    "AI+制造、GDP and R&D spending — “为场景找技术” <|endoftext|>\n\t  emoji 🚀 ok."
)


def test_the_bundled_encoding_counts_exactly_like_tiktoken_cl100k_base(tmp_path: Path):
    """tiktoken's own loader, from a cache folder the test makes, against the bundled file."""
    from assistant.index.encoding import BUNDLED, ENCODING_CACHE_KEY

    (tmp_path / ENCODING_CACHE_KEY).write_bytes(BUNDLED.read_bytes())
    code = (
        "import sys, tiktoken; e = tiktoken.get_encoding('cl100k_base'); "
        "print(len(e.encode(sys.stdin.read(), disallowed_special=())))"
    )
    env = dict(os.environ, TIKTOKEN_CACHE_DIR=str(tmp_path), HTTPS_PROXY="http://127.0.0.1:9")
    texts = [MIXED, (SEEDS / next(iter(sorted(os.listdir(SEEDS))))).read_text("utf-8")]
    counts = [load_encoding()(text) for text in texts]
    theirs = [
        int(subprocess.run([sys.executable, "-c", code], input=text, env=env,
                           capture_output=True, text=True, timeout=60, check=True).stdout)
        for text in texts
    ]  # fmt: skip
    assert counts == theirs and counts[0] > 40


def test_a_tampered_encoding_file_is_refused_by_the_hash_check(tmp_path: Path):
    from assistant.index.encoding import BUNDLED, ENCODING_CACHE_KEY, EncodingUnavailable

    tampered = bytearray(BUNDLED.read_bytes())
    tampered[100:104] = b"AAAA"
    (tmp_path / ENCODING_CACHE_KEY).write_bytes(bytes(tampered))
    with pytest.raises(EncodingUnavailable, match="sha256 校验"):
        load_encoding(tmp_path)
    env = dict(os.environ, TIKTOKEN_CACHE_DIR=str(tmp_path))  # the command refuses it too
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "index"],
        cwd=tmp_path,
        env=env | {"ASSISTANT_HOME": str(tmp_path / "home")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "sha256 校验" in done.stderr and "Traceback" not in done.stderr


def test_with_no_tiktoken_cache_the_bundled_file_is_used(tmp_path: Path):
    from assistant.index.encoding import BUNDLED, encoding_file

    assert encoding_file(None) == BUNDLED and encoding_file(tmp_path) == BUNDLED
    assert "TIKTOKEN_CACHE_DIR" not in os.environ  # conftest: the tests run without one
