"""The keyword index computed with numpy scores exactly as bm25s's own builder, and an update
carries the live state's terms over instead of segmenting them again."""

import random

import bm25s
import numpy as np
import pytest

from assistant.index.keyword import (
    TermTable,
    TermTableBuilder,
    bm25_model,
    pairs_of,
    table_from_terms,
    updated_pairs,
)
from assistant.text.segment import search_terms


def _rows(count: int, seed: int) -> list[list[str]]:
    words = [f"词{i}" for i in range(300)] + ["中试", "基地", "创新", "人才"]
    rng = random.Random(seed)
    rows = [[rng.choice(words) for _ in range(rng.randint(1, 60))] for _ in range(count)]
    rows[5] = []  # a chunk with no terms
    return rows


@pytest.mark.parametrize("block", [1 << 22, 7])
def test_the_numpy_model_scores_exactly_as_bm25s_builds_it(block, monkeypatch):
    """Also computed a few terms at a time (`block`), as a large library is."""
    monkeypatch.setattr("assistant.index.keyword._BLOCK_TERMS", block)
    rows = _rows(400, seed=3)
    reference = bm25s.BM25(k1=1.2, b=0.75)
    reference.index(rows, show_progress=False)
    model = bm25_model(table_from_terms(rows))
    rng = random.Random(4)
    for _ in range(50):
        query = rng.sample(sorted({w for r in rows for w in r}), 3)
        assert np.array_equal(model.get_scores(query), reference.get_scores(query))
    assert model.vocab_dict.keys() == reference.vocab_dict.keys()


def test_saved_and_loaded_like_a_bm25s_index(tmp_path):
    rows = [search_terms(t) for t in ("推动中试基地建设。", "培育创新人才队伍。", "中试平台")]
    table = table_from_terms(rows)
    bm25_model(table).save(tmp_path / "bm25", show_progress=False)
    loaded = bm25s.BM25.load(tmp_path / "bm25", mmap=True)
    scores = loaded.get_scores(search_terms("中试"))
    assert scores[0] > 0 and scores[2] > 0 and scores[1] == 0
    table.save(tmp_path)
    again = TermTable.load(tmp_path)
    assert again.vocab == table.vocab and [again.terms_of(i) for i in range(3)] == rows


def test_carrying_ids_over_keeps_each_chunks_terms_and_drops_unused_words():
    base = table_from_terms([["甲", "乙"], ["丙"], ["丁", "甲"]])
    builder = TermTableBuilder(base)
    builder.add_kept(2)
    builder.add_terms(["戊", "甲"])
    table = builder.build()
    assert [table.terms_of(i) for i in range(len(table))] == [["丁", "甲"], ["戊", "甲"]]
    assert sorted(table.vocab) == sorted(["丁", "甲", "戊"])  # 乙 and 丙 are gone


def test_an_update_carries_the_live_models_entries_over_exactly(tmp_path):
    """Removing, replacing and adding chunks: the model updated from the live state's entries
    is the one computed from scratch, to the last bit."""
    from assistant.index.commit import _write_keyword_index

    rows = _rows(300, seed=11)
    base = table_from_terms(rows)
    _write_keyword_index(tmp_path, base, pairs_of(base))
    rng = random.Random(12)
    builder = TermTableBuilder(base)
    for position in range(len(base)):
        if rng.random() < 0.1:
            continue  # removed
        if rng.random() < 0.05:  # a new version, with words the live state never had
            builder.add_terms(rows[position][:5] + [f"新词{position}", "中试"])
        else:
            builder.add_kept(position)
        if rng.random() < 0.03:  # a new document in between
            builder.add_terms(["新文档", f"新词{position}b", "创新"])
    table = builder.build()
    assert -1 in builder.sources and len(table) < len(base) + 30
    updated = updated_pairs(table, builder.sources, base, tmp_path)
    assert updated is not None
    for got, expected in zip(updated, pairs_of(table), strict=True):
        assert np.array_equal(got, expected)
    incremental, full = bm25_model(table, updated), bm25_model(table)
    for key in ("data", "indices", "indptr"):
        assert np.array_equal(incremental.scores[key], full.scores[key]), key
    assert not TermTableBuilder(base).sources  # nothing added, nothing recorded


@pytest.mark.parametrize(
    "text",
    [
        "雄安新区将建设数字化改造中试平台，推进粤港澳大湾区和长三角协同创新。",
        "研发投入强度达到3.5%，pm2.5浓度下降，zh-hk版本于2023-06-05发布。",
        "锦地罗渔民合作社在东部地区成立，唐山市推进产业升级。",
    ],
)
def test_search_words_are_jiebas_search_mode(text):
    """rjieba (jieba in Rust, jieba's dictionary) cuts the search terms: the words jieba's own
    search mode gives with the project's added words, letters and figures cut as jieba cuts."""
    from assistant.text import segment

    expected = segment.jieba_tokenizer().lcut_for_search(text.lower())
    assert segment._search_words(segment._search_segmenter(), text.lower()) == expected
