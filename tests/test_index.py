import json
import shutil
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.index import IndexStore

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
    assert built and index.manifest.documents == 6
    answer = Assistant(corpus).ask("甘肃要建设多少个中试基地？")
    assert "12个中试基地" in answer.answer
    assert answer.passages[answer.citations[0] - 1].chunk.doc_id == "gansu_plan"


def test_a_crash_during_a_build_leaves_the_previous_index_usable(corpus, monkeypatch):
    store = IndexStore(corpus)
    before, _ = store.ensure()
    (corpus.seeds_dir / "extra.txt").write_text("新增文档。内容足够长的一句话用于测试。", "utf-8")

    def crash(self, folder, chunks):
        raise RuntimeError("killed mid-build")

    monkeypatch.setattr(IndexStore, "_write_chroma", crash)
    with pytest.raises(RuntimeError):
        store.ensure()
    assert store.current().manifest.build_id == before.manifest.build_id
    assert not list(store.root.glob("*.partial-*")), "the partial build is cleaned up"
    monkeypatch.undo()
    answer = Assistant(corpus.model_copy(update={"seeds_dir": REPO / "seeds"})).ask("什么是中试？")
    assert not answer.refused


def test_chroma_uses_the_registered_offline_embedding(assistant):
    config = assistant.index.collection.configuration_json["embedding_function"]
    assert config["name"] == "policy-hashing" and config["type"] == "known"
    assert assistant.index.collection.configuration_json["hnsw"]["space"] == "cosine"


def test_rebuild_replaces_the_build_and_keeps_one_previous_copy(corpus):
    store = IndexStore(corpus)
    first, _ = store.ensure()
    rebuilt, built = store.ensure(rebuild=True)
    assert built and rebuilt.manifest.build_id == first.manifest.build_id
    assert rebuilt.manifest.built_at >= first.manifest.built_at
    builds = [p for p in store.root.iterdir() if p.is_dir()]
    assert len(builds) == 2  # the live build and the previous copy, for readers still on it
    store.ensure(rebuild=True)
    assert len([p for p in store.root.iterdir() if p.is_dir()]) == 2
