"""Chroma server mode: the same collection in `chroma run` on loopback gives the same answers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from conftest import endpoint_embedded, free_port
from docs_fixtures import docx_with_table, gbk_txt, html_with_nav

from assistant import Assistant

QUESTIONS = [
    "湖南省计划新建多少个省级中试平台？",
    "江西省2026年技术合同成交额的目标是多少？",
    "贵州省计划培育多少家大数据融合标杆企业？",
    "2025年上半年全国登记了多少技术合同？",
    "河北在人才方面有哪些举措？",
    "什么是中试？",
]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    """`chroma run` on a free loopback port, persisting into a temporary folder."""
    executable = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which(
        "chroma"
    )
    if not executable:
        pytest.fail("the `chroma` command (from the chromadb package) is not installed")
    folder = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    log = (folder / "server.log").open("w")
    env = dict(os.environ, ANONYMIZED_TELEMETRY="False")
    server = subprocess.Popen(
        [
            executable,
            "run",
            "--path",
            str(folder / "data"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail("chroma run did not start: " + (folder / "server.log").read_text())
    yield url
    server.terminate()
    server.wait(timeout=30)


def stocked(settings, home: Path, inbox: Path, **update) -> Assistant:
    assistant = Assistant(
        settings.model_copy(update={"home": home, "library_dir": home / "library", **update})
    )
    assistant.ingest(sorted(inbox.iterdir()))
    return assistant


def test_server_mode_answers_exactly_like_embedded_mode(
    settings, tmp_path, chroma_url, embedding_endpoint
):
    """With an embedding whose vectors are searched (an OpenAI-compatible endpoint: the hashing
    default stores none)."""
    settings = endpoint_embedded(settings, embedding_endpoint)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for builder in (gbk_txt, docx_with_table, html_with_nav):
        builder(inbox)
    embedded = stocked(settings, tmp_path / "embedded", inbox)
    served = stocked(settings, tmp_path / "served", inbox, chroma_url=chroma_url)

    assert not (tmp_path / "served" / "index" / "chroma").exists(), "vectors live in the server"
    import chromadb

    client = chromadb.HttpClient(host="127.0.0.1", port=int(chroma_url.rsplit(":", 1)[1]))
    names = [c.name for c in client.list_collections()]
    assert served.index.manifest.collection in names
    assert served.index.collection.count() == len(served.index.chunks)

    for question in QUESTIONS:
        here, there = embedded.ask(question), served.ask(question)
        assert there.answer == here.answer, question
        assert [p.chunk.chunk_id for p in there.passages] == [
            p.chunk.chunk_id for p in here.passages
        ]
        assert there.citations == here.citations and (there.citations or there.refused)

    served.remove(["guizhou_news.html"])
    assert not served.index.collection.get(where={"doc_id": "guizhou_news.html"})["ids"]
