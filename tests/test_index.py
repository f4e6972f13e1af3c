import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from conftest import endpoint_embedded

from assistant import Assistant
from assistant.index import commit
from assistant.index.store import IndexStore

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture()
def corpus(tmp_path: Path, settings):
    """A private copy of the seeds, so tests can change the corpus."""
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    return settings.model_copy(
        update={"home": tmp_path / "home", "seeds_dir": seeds, "library_dir": tmp_path / "lib"}
    )


def test_build_is_a_no_op_when_nothing_changed(corpus):
    store = IndexStore(corpus)
    first, built = store.ensure()
    assert built and first.manifest.documents == 5 and first.manifest.chunks > 100
    again, built = store.ensure()
    assert not built and again.manifest.build_id == first.manifest.build_id
    manifest = json.loads((first.folder / "manifest.json").read_text("utf-8"))
    assert {"corpus_hash", "settings", "versions", "build_seconds"} <= manifest.keys()


def test_touching_a_file_without_changing_it_does_not_rebuild(corpus):
    store = IndexStore(corpus)
    first, _ = store.ensure()
    path = next(corpus.seeds_dir.glob("003_*.txt"))
    path.write_bytes(path.read_bytes())
    again, built = store.ensure()
    assert not built and again.manifest.build_id == first.manifest.build_id


def test_a_new_library_document_is_indexed_and_answerable(corpus):
    store = IndexStore(corpus)
    store.ensure()
    corpus.library.mkdir(parents=True)
    (corpus.library / "gansu_plan.txt").write_text(
        "甘肃省科技成果转化行动方案\n甘肃省将建设12个中试基地，重点服务新能源和新材料产业。",
        "utf-8",
    )
    index, built = store.ensure()
    assert not built and index.manifest.documents == 5, "readers never wait for the library"
    assistant = Assistant(corpus)
    result = assistant.sync()
    assert result.added == ["gansu_plan.txt"] and result.index.manifest.documents == 6
    answer = assistant.ask("甘肃要建设多少个中试基地？")
    assert "12个中试基地" in answer.answer
    assert answer.passages[answer.citations[0] - 1].chunk.doc_id == "gansu_plan.txt"


def test_a_crash_during_a_build_leaves_the_previous_index_usable(corpus, monkeypatch):
    store = IndexStore(corpus)
    before, _ = store.ensure()
    corpus.library.mkdir(parents=True)
    (corpus.library / "extra.txt").write_text("新增文档。内容足够长的一句话用于测试。", "utf-8")

    monkeypatch.setattr(commit, "_write_keyword_index", _crash)  # before the commit
    with pytest.raises(RuntimeError):
        Assistant(corpus).sync()
    live = store.current()
    assert live.manifest.build_id == before.manifest.build_id
    assert "extra.txt" not in live.documents()
    assert not list(store.states.glob(".*partial*")), "the partial state is cleaned up"
    answer = Assistant(corpus).ask("什么是中试？")
    assert not answer.refused
    assert all(p.chunk.doc_id != "extra.txt" for p in answer.passages)
    monkeypatch.undo()
    index, built = Assistant(corpus).build_index()
    assert built and "extra.txt" in index.documents()
    assert not (corpus.home / "index" / "chroma").exists(), "the hashing embedding stores none"


def test_a_crash_after_vectors_were_written_leaves_none_behind(
    corpus, monkeypatch, embedding_endpoint
):
    """An embedding that is searched (here an OpenAI-compatible endpoint) writes its vectors
    to Chroma before the state that uses them is committed: a crash in between leaves the live
    state answering, and the next update drops what the crashed one wrote."""
    settings = endpoint_embedded(corpus, embedding_endpoint)
    before, _ = IndexStore(settings).ensure()
    assert before.collection.count() == len(before.chunks)
    corpus.library.mkdir(parents=True)
    (corpus.library / "extra.txt").write_text("新增文档。内容足够长的一句话用于测试。", "utf-8")
    monkeypatch.setattr(commit, "_write_keyword_index", _crash)
    with pytest.raises(RuntimeError):
        Assistant(settings).sync()
    assert before.collection.count() > len(before.chunks), "the crashed update wrote vectors"
    answer = Assistant(settings).ask("什么是中试？")  # dense search skips the uncommitted vectors
    assert answer.passages and all(p.chunk.doc_id != "extra.txt" for p in answer.passages)
    monkeypatch.undo()
    index, built = Assistant(settings).build_index()
    assert built and "extra.txt" in index.documents()
    assert index.collection.count() == len(index.chunks), "no vector left over from the crash"


def _crash(*args):
    raise RuntimeError("killed mid-build")


def test_chroma_uses_the_registered_embedding(corpus, embedding_endpoint):
    index, _ = IndexStore(endpoint_embedded(corpus, embedding_endpoint)).ensure()
    config = index.collection.configuration_json["embedding_function"]
    assert config["name"] == "policy-openai-compatible" and config["type"] == "known"
    assert index.collection.configuration_json["hnsw"]["space"] == "cosine"


def test_rebuild_replaces_the_state_and_keeps_one_previous_copy(corpus):
    store = IndexStore(corpus)
    first, _ = store.ensure()
    rebuilt, built = store.ensure(rebuild=True)
    assert built and rebuilt.manifest.corpus_hash == first.manifest.corpus_hash
    assert rebuilt.manifest.build_id != first.manifest.build_id
    states = [p for p in store.states.iterdir() if p.is_dir()]
    assert len(states) == 2  # the live state and the previous one, for readers still on it
    store.ensure(rebuild=True)
    assert len([p for p in store.states.iterdir() if p.is_dir()]) == 2


def test_dense_search_maps_vectors_back_to_this_states_chunks(corpus, embedding_endpoint):
    from assistant.index.vectors import Where
    from assistant.search.retrieve import _searched

    index, _ = IndexStore(endpoint_embedded(corpus, embedding_endpoint)).ensure()
    ranking = [position for position, _ in _searched(index, "中试平台建设", Where())]
    assert len(ranking) >= 10
    assert any("中试" in index.chunks[i].text for i in ranking[:3])


def test_the_hashing_embedding_reorders_the_keyword_candidates(assistant):
    from assistant.index.vectors import Where
    from assistant.search.retrieve import _bm25_ranking, _dense_ranking
    from assistant.text.segment import search_terms

    index = assistant.index
    keyword = _bm25_ranking(index, "中试平台建设", search_terms("中试平台建设"), None, Where())
    ranked = _dense_ranking(index, "中试平台建设", Where(), keyword, None)
    ranking = [position for position, _ in ranked]
    assert sorted(ranking) == sorted(keyword) and len(keyword) >= 10
    similarities = [similarity for _, similarity in ranked]
    assert similarities == sorted(similarities, reverse=True) and 0 < similarities[0] <= 1
    assert "中试" in index.chunks[ranking[0]].text


def test_an_update_segments_only_the_new_document(corpus, monkeypatch):
    """Kept chunks' search terms come from the live state (`terms/`), not segmented again,
    and the keyword index built from them scores as the one a full rebuild makes."""
    from assistant.index import prepare

    store = IndexStore(corpus)
    before, _ = store.ensure()
    assert (before.folder / "terms" / "ids.npy").is_file()
    segmented: list[str] = []
    real = prepare.search_terms
    monkeypatch.setattr(prepare, "search_terms", lambda text: segmented.append(text) or real(text))
    monkeypatch.setattr(commit, "search_terms", lambda text: segmented.append(text) or real(text))
    corpus.library.mkdir(parents=True)
    (corpus.library / "extra.txt").write_text(
        "新增文档。宁夏建设中试基地九个，服务葡萄酒产业。", "utf-8"
    )
    after = Assistant(corpus).sync().index
    extra = [c for c in after.chunks if c.doc_id == "extra.txt"]
    assert extra and len(segmented) == len(extra)
    rebuilt, _ = IndexStore(corpus).ensure(rebuild=True)
    assert after.terms() == rebuilt.terms()
    assert after.bm25.vocab_dict.keys() == rebuilt.bm25.vocab_dict.keys()
    for query in (["中试", "基地"], ["葡萄酒", "宁夏"], ["创新", "人才", "平台"]):
        assert np.array_equal(after.bm25.get_scores(query), rebuilt.bm25.get_scores(query))


def test_a_state_with_terms_kept_as_text_is_read_and_carried_over(corpus):
    """States written before `terms/` kept their terms in `terms.tsv`: an update reads them
    instead of segmenting the whole library again."""
    store = IndexStore(corpus)
    before, _ = store.ensure()
    table = before.term_table()
    lines = ["\t".join(table.terms_of(i)) for i in range(len(table))]
    (before.folder / "terms.tsv").write_text("\n".join(lines) + "\n", "utf-8")
    shutil.rmtree(before.folder / "terms")
    assert before.terms() == {c.chunk_id: table.terms_of(i) for i, c in enumerate(before.chunks)}
    corpus.library.mkdir(parents=True)
    (corpus.library / "extra.txt").write_text("新增文档。宁夏建设中试基地九个。", "utf-8")
    after = Assistant(corpus).sync().index
    rebuilt, _ = IndexStore(corpus).ensure(rebuild=True)
    assert after.terms() == rebuilt.terms()


def test_a_state_with_chunks_as_json_lines_is_still_read(corpus):
    """States written before the column layout kept one JSON object per chunk."""
    from dataclasses import asdict

    from assistant.index.state import Index

    live, _ = IndexStore(corpus).ensure()
    chunks, vector_ids = list(live.chunks), list(live.vector_ids)
    lines = [
        json.dumps(asdict(c) | {"vector_id": v}, ensure_ascii=False)
        for c, v in zip(chunks, vector_ids, strict=True)
    ]
    (live.folder / "chunks.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    shutil.rmtree(live.folder / "chunks")
    old = Index(live.folder, live.settings)
    assert list(old.chunks) == chunks and old.vector_ids == vector_ids
    assert old.chunks[-1] == chunks[-1] and old.chunks[1:3] == chunks[1:3]
    assert np.array_equal(old.containing("中试"), live.containing("中试"))
    assert old.documents() == live.documents() and old.outlets == live.outlets
    assert np.array_equal(
        old.field_equals("region", "河北省"), live.field_equals("region", "河北省")
    )


def test_segmenting_in_worker_processes_gives_what_one_process_gives(settings, monkeypatch, caplog):
    from assistant.corpus.documents import load_corpus
    from assistant.index.prepare import prepare

    documents = load_corpus(settings.seeds_dir, settings.library)
    options = {"max_tokens": settings.chunk_tokens, "overlap_sentences": 1}
    alone = list(prepare(documents, workers=1, **options))
    monkeypatch.setattr("assistant.index.prepare.PARALLEL_CHARS", 0)
    together = list(prepare(documents, workers=2, **options))
    assert "parallel segmentation unavailable" not in caplog.text  # the workers really ran
    assert [(d.doc_id, c, t) for d, c, t in together] == [(d.doc_id, c, t) for d, c, t in alone]
    assert sum(len(c) for _, c, _ in alone) > 100


def test_a_cold_process_answers_without_loading_chroma(assistant, settings):
    """With the offline hashing embedding the keyword candidates are re-ranked by hashing their
    texts on the spot: asking never imports chromadb (a second or more of a cold start)."""
    import os
    import subprocess
    import sys

    assistant.build_index()
    code = (
        "import sys; from assistant import Assistant, Settings; "
        "a = Assistant(Settings()); answer = a.ask('2025年上半年全国登记了多少技术合同？'); "
        "print(answer.refused, 'chromadb' in sys.modules)"
    )
    env = dict(os.environ, ASSISTANT_HOME=str(settings.home), ASSISTANT_GENERATOR="extractive")
    env["ASSISTANT_SEEDS_DIR"] = str(settings.seeds_dir)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]


@pytest.mark.parametrize("dim", [2048, 512])
def test_the_re_rank_hashes_in_the_dimension_the_index_was_built_with(corpus, dim):
    """The keyword candidates are re-ranked by vectors hashed on the spot in the configured
    dimension (`ASSISTANT_EMBEDDING_DIM`), recorded with the state; none is stored."""
    from assistant.index.hashing import hash_vectors
    from assistant.index.vectors import Where
    from assistant.search.retrieve import _bm25_ranking, _dense_ranking
    from assistant.text.segment import search_terms

    index, _ = IndexStore(corpus.model_copy(update={"embedding_dim": dim})).ensure()
    assert index.manifest.settings["embedding_config"]["dim"] == dim
    assert not (corpus.home / "index" / "chroma").exists()
    keyword = _bm25_ranking(index, "中试平台建设", search_terms("中试平台建设"), None, Where())[:12]
    matrix = hash_vectors([index.chunks[p].index_text for p in keyword], dim)
    question = hash_vectors(["中试平台建设"], dim)[0]
    ranked = _dense_ranking(index, "中试平台建设", Where(), keyword, None)
    expected = sorted(keyword, key=lambda p: -float(matrix[keyword.index(p)] @ question))
    assert [p for p, _ in ranked] == expected
    assert [round(s, 5) for _, s in ranked] == sorted(
        (round(float(matrix[keyword.index(p)] @ question), 5) for p in keyword), reverse=True
    )


def test_with_no_keyword_hit_the_nearest_passages_share_the_questions_character_pairs(
    assistant,
):
    """A question none of whose words the index knows still gets its nearest sources (for the
    refusal to list): the passages sharing its character pairs, by hashing similarity, within
    the filter."""
    from assistant.index.hashing import hash_vectors
    from assistant.index.vectors import Where
    from assistant.search.retrieve import _allowed, _dense_ranking

    index = assistant.index
    query = "试平"  # a pair inside 中试平台, not a word of its own
    ranked = _dense_ranking(index, query, Where(), [], None)
    assert ranked and all(query in index.chunks[p].text for p, _ in ranked)
    assert len(ranked) == len(index.containing(query))
    vectors = hash_vectors([index.chunks[p].index_text for p, _ in ranked])
    similarity = vectors @ hash_vectors([query])[0]
    assert [round(s, 5) for _, s in ranked] == [round(float(x), 5) for x in similarity]
    assert list(similarity) == sorted(similarity, reverse=True)
    region = index.chunks[ranked[-1][0]].region
    allowed = _allowed(index, (), [region])
    within = _dense_ranking(index, query, Where(regions=(region,)), [], allowed)
    assert within and all(index.chunks[p].region == region for p, _ in within)
    assert _dense_ranking(index, "ξψ", Where(), [], None) == []
    assert not len(index.containing("科省"))
    alone = _dense_ranking(index, "科省", Where(), [], None)  # no pair shared: its characters
    assert alone and all(set("科省") & set(index.chunks[p].text) for p, _ in alone)


def test_the_index_vocabulary_covers_every_list_the_ingest_path_reads():
    """A change to a word list the ingest path reads re-indexes; others (target cues, polarity
    words) do not, so editing them never costs a user a full re-index."""
    import re

    from assistant.text import lexicon

    package = REPO / "assistant"
    ingest_path = [
        package / "text" / "segment.py",
        package / "text" / "clean.py",
        package / "text" / "sentences.py",
        *(package / "index").glob("*.py"),
        *(package / "corpus").glob("*.py"),
    ]
    read = set()
    for path in ingest_path:
        text = path.read_text("utf-8")
        read |= set(re.findall(r"lexicon\.(?:words|sections|alternation)\(\s*\"(\w+)\"", text))
        read |= set(re.findall(r"\"lexicon\",\s*\"(\w+)\.txt\"", text))
    assert read and read <= set(lexicon.INDEXING), read - set(lexicon.INDEXING)
    assert lexicon.fingerprint(lexicon.INDEXING) != lexicon.fingerprint()


def test_a_rebuild_drops_the_hashing_vectors_earlier_states_stored(corpus):
    """States built before the hashing embedding stopped storing vectors left a collection of
    them in embedded Chroma: the rebuild a new state format causes deletes it and leaves the
    collections of other embeddings alone."""
    from assistant.index.chroma import chroma_client, open_collection
    from assistant.index.hashing import hash_vectors

    left = open_collection(corpus, "passages-left-by-format-3")
    left.upsert(ids=["a#0"], embeddings=hash_vectors(["旧的向量"]), metadatas=[{"doc_id": "a"}])
    other = chroma_client(corpus).create_collection("passages-of-e5", embedding_function=None)
    other.upsert(ids=["b#0"], embeddings=[[0.1] * 8], metadatas=[{"doc_id": "b"}])
    IndexStore(corpus).ensure()
    names = {c.name for c in chroma_client(corpus).list_collections()}
    assert names == {"passages-of-e5"}
