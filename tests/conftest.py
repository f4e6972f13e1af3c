"""Test setup: no network beyond loopback, one shared offline index over the seeds."""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

# The assistant ships its token encoding: the tests run as a user with no tiktoken cache does.
os.environ.pop("TIKTOKEN_CACHE_DIR", None)

_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address, *args, **kwargs):  # type: ignore[no-untyped-def]
    """Fail any test that tries to reach a host other than this machine."""
    if self.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0]
        try:
            allowed = ipaddress.ip_address(host).is_loopback
        except ValueError:
            allowed = host == "localhost"
        if not allowed:
            raise ConnectionRefusedError(f"tests may not reach the network: {address!r}")
    return _real_connect(self, address, *args, **kwargs)


socket.socket.connect = _loopback_only  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def shared_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("assistant-home")


@pytest.fixture(scope="session")
def settings(shared_home: Path):
    from assistant.config import Settings

    return Settings(
        home=shared_home,
        seeds_dir=REPO / "seeds",
        generator="extractive",
        openai_api_key=None,
        openai_base_url=None,
    )


@pytest.fixture(scope="session")
def assistant(settings):
    """An offline assistant over the bundled seeds, index built once per session."""
    from assistant import Assistant

    return Assistant(settings)


@pytest.fixture(scope="session")
def reports(tmp_path_factory, settings):
    """An assistant over a library of the 2024 and 2025 government work reports and two
    provincial texts written for them (evals/library, which the eval suite reads too)."""
    from assistant import Assistant

    home = tmp_path_factory.mktemp("reports")
    assistant = Assistant(
        settings.model_copy(update={"home": home, "library_dir": home / "library"})
    )
    library = Path(__file__).resolve().parent.parent / "evals" / "library"
    assistant.ingest(sorted(library.glob("*.txt")))
    return assistant


def assistant_of(home, texts: dict[str, str]):
    """The offline assistant over `texts` (file name → text) alone — no seeds — in `home`."""
    from assistant import Assistant
    from assistant.config import Settings

    (home / "library").mkdir()
    (home / "no-seeds").mkdir()
    for name, text in texts.items():
        (home / "library" / name).write_text(text, "utf-8")
    settings = Settings(
        home=home,
        seeds_dir=home / "no-seeds",
        generator="extractive",
        openai_api_key=None,
        openai_base_url=None,
    )
    assistant = Assistant(settings)
    assistant.sync()
    return assistant


def assistant_over(tmp_path, settings, texts: dict[str, str]):
    """An assistant with its own home, over `texts` (file name → text) written under `tmp_path`
    and ingested, beside the seeds."""
    from assistant import Assistant

    home = tmp_path / "home"
    assistant = Assistant(
        settings.model_copy(update={"home": home, "library_dir": home / "library"})
    )
    for name, text in texts.items():
        (tmp_path / name).write_text(text, "utf-8")
    assistant.ingest([tmp_path / name for name in texts])
    return assistant


@pytest.fixture()
def embedding_endpoint():
    """A local OpenAI-compatible endpoint that embeds (deterministic vectors, real HTTP)."""
    from fake_openai import FakeOpenAIServer

    with FakeOpenAIServer() as server:
        yield server


def endpoint_embedded(settings, server):
    """`settings` with `ASSISTANT_EMBEDDING=openai` at `server`: an index built so writes its
    vectors to the store (Chroma), which the offline hashing default never does."""
    from pydantic import SecretStr

    return settings.model_copy(
        update={
            "embedding": "openai",
            "embedding_model": "fake-embedding",
            "openai_base_url": server.base_url,
            "openai_api_key": SecretStr("test-key"),
        }
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_web(settings):
    """Launch the web UI in this process on a free loopback port; returns (app, base URL)."""
    from assistant import Assistant
    from assistant.surfaces.ui.app import launch

    port = free_port()
    return launch(Assistant(settings), port=port), f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="session")
def web_url(settings):
    """The web UI over the shared offline index, no login, for the whole session."""
    app, url = start_web(settings.model_copy(update={"auth": None}))
    yield url
    app.close()


def llm_settings(settings, base_url: str):
    """`settings` pointed at a local fake endpoint: LLM generator, no retries, short timeout."""
    from pydantic import SecretStr

    return settings.model_copy(
        update={
            "openai_base_url": base_url,
            "openai_api_key": SecretStr("test-key"),
            "generator": "llm",
            "chat_model": "fake-chat",
            "llm_max_retries": 0,
            "llm_timeout": 10,
        }
    )


# --- observed behaviour, for the README's hardening table (tests/hardening_table.py) ---

OBSERVATIONS = REPO / "test-artifacts" / "hardening.json"
_observed: dict[str, list[dict[str, str]]] = {}
_failed: set[str] = set()


@pytest.fixture()
def observe(request: pytest.FixtureRequest):
    """`observe(area, case, behaviour)`: a row for the README table, kept only if the test passes."""
    rows = _observed.setdefault(request.node.nodeid, [])

    def record(area: str, case: str, behaviour: str) -> None:
        rows.append({"area": area, "case": case, "behaviour": behaviour})

    return record


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if report.when == "call" and not report.passed:
        _observed.pop(item.nodeid, None)
        _failed.add(item.nodeid)
    return report


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Merge this run's passing observations into test-artifacts/hardening.json (by test id)."""
    import json

    if not any(_observed.values()) and not _failed:
        return
    try:
        known = json.loads(OBSERVATIONS.read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        known = {}
    known.update({nodeid: rows for nodeid, rows in _observed.items() if rows})
    for nodeid in _failed:
        known.pop(nodeid, None)
    OBSERVATIONS.parent.mkdir(parents=True, exist_ok=True)
    OBSERVATIONS.write_text(json.dumps(known, ensure_ascii=False, indent=1), "utf-8")
