"""The Milvus store (`ASSISTANT_STORE=milvus`): keyword and vector search in one engine.

One collection per index configuration. Each record is one chunk: its vector id (primary key),
its search text with a BM25 function over Milvus's jieba analyzer, its dense vector, and its
metadata (document, document version, region, level, date) as scalar fields, so filters run
in the engine. The same client API reaches Milvus Lite (a local `.db` file, in this process) and
a Milvus server or cluster (`http://host:19530`, with a token).

A record is written before the state that uses it is committed, under an id no earlier state
knows, and removed only after no kept state refers to it; so whatever the consistency level, a
reader searching its own committed state never sees half an update (see README, “from one
machine to a cluster”). The collection is created with `Strong` consistency: a search sees
every write acknowledged before it.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..config import Settings
from .keyword import K1, B
from .vectors import Hit, Item, Where

log = logging.getLogger(__name__)

_TEXT_CHARS = 16000  # VARCHAR holds at most 65,535 bytes; a chunk is far shorter
_PAGE = 1000
_clients: dict[tuple[str, str], object] = {}
_lock = threading.Lock()


class MilvusUnavailable(RuntimeError):
    """Milvus cannot be reached or opened (message in Chinese, for the user)."""


def _is_server(uri: str) -> bool:
    return uri.startswith(("http://", "https://", "tcp://"))


def milvus_uri(settings: Settings) -> str:
    """The configured server URL, or the Milvus Lite file (default under the data dir)."""
    uri = settings.milvus_uri or str(settings.home / "index" / "milvus.db")
    return uri if _is_server(uri) else str(Path(uri).expanduser().resolve())


def client(settings: Settings):
    """One client per URI in this process (Milvus Lite allows one process per file)."""
    uri = milvus_uri(settings)
    token = settings.milvus_token.get_secret_value() if settings.milvus_token else ""
    with _lock:
        if (uri, token) not in _clients:
            from pymilvus import MilvusClient

            if not _is_server(uri):
                Path(uri).parent.mkdir(parents=True, exist_ok=True)
                # Milvus Lite lacks one call the id listing tries first (it falls back by
                # itself): its server thread and pymilvus would print that to stderr.
                logging.getLogger("grpc._server").setLevel(logging.CRITICAL)
                # A file another process holds is reported below, in Chinese, not as a trace.
                logging.getLogger("milvus_lite").setLevel(logging.CRITICAL)
                logging.getLogger("pymilvus.client.iterator.query_iterator").setLevel(logging.ERROR)
            try:
                _clients[uri, token] = MilvusClient(uri=uri, token=token)
            except Exception as exc:
                raise MilvusUnavailable(_unavailable(uri, exc)) from exc
        return _clients[uri, token]


def _unavailable(uri: str, exc: Exception) -> str:
    if _is_server(uri):
        return f"无法连接 Milvus 服务（{uri}）：{type(exc).__name__}。请检查地址、令牌与服务状态。"
    return (
        f"无法打开 Milvus Lite 文件 {uri}：{type(exc).__name__}。一个 Milvus Lite 文件同一时间"
        "只能由一个进程打开——若 assistant serve 正在运行，请在网页的资料库中导入文档，"
        "或改用 Milvus 服务器（见 README 的 “From one machine to a cluster” 一节）。"
    )


def analyzer() -> dict:
    """Milvus's Chinese analyzer (jieba, search mode) segmenting as ours does: our policy terms
    and place names in its dictionary, our stopwords and punctuation dropped (`removepunct` on
    a server; Milvus Lite knows only the stop filter, so punctuation is listed there too)."""
    from ..text.segment import dictionary_words, stopwords

    punctuation = sorted(set("，。、；：？！“”‘’（）《》【】—…·,.;:?!()[]<>-/%"))
    return {
        "tokenizer": {
            "type": "jieba",
            "mode": "search",
            "dict": ["_default_", *dictionary_words()],
        },
        "filter": [
            "lowercase",
            "removepunct",
            {"type": "stop", "stop_words": sorted(stopwords()) + punctuation},
        ],
    }


def _quoted(values: Sequence[str]) -> str:
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"


def expression(where: Where) -> str:
    """The filter as a Milvus boolean expression (values quoted as JSON strings)."""
    clauses = []
    if where.doc_ids:
        clauses.append(f"doc_id in {_quoted(where.doc_ids)}")
    if where.regions:
        clauses.append(f"region in {_quoted(where.regions)}")
    if where.excluded:
        clauses.append(f"doc_id not in {_quoted(where.excluded)}")
    return " and ".join(clauses)


class MilvusStore:
    """A collection in Milvus holding the chunks' texts (BM25), vectors and metadata."""

    def __init__(self, settings: Settings, name: str) -> None:
        self.settings = settings
        self.name = name.replace("-", "_")  # Milvus names: letters, digits and underscores
        self.client = client(settings)
        self._ready = False

    def _embedding(self):
        from .embeddings import embedding_function

        return embedding_function(self.settings)

    def _ensure(self, dim: int | None = None) -> bool:
        """Create (with `dim`) or load the collection; False when it does not exist yet."""
        if self._ready:
            return True
        if not self.client.has_collection(self.name):
            if dim is None:
                return False
            self._create(dim)
        self.client.load_collection(self.name)
        self._ready = True
        return True

    def _create(self, dim: int) -> None:
        from pymilvus import DataType, Function, FunctionType

        schema = self.client.create_schema(auto_id=False)
        schema.add_field("id", DataType.VARCHAR, is_primary=True, max_length=64)
        schema.add_field("doc_id", DataType.VARCHAR, max_length=1024)
        schema.add_field("version", DataType.VARCHAR, max_length=64)
        schema.add_field("region", DataType.VARCHAR, max_length=64)
        schema.add_field("level", DataType.VARCHAR, max_length=32)
        schema.add_field("date", DataType.VARCHAR, max_length=32)
        schema.add_field(
            "text",
            DataType.VARCHAR,
            max_length=65535,
            enable_analyzer=True,
            analyzer_params=analyzer(),
        )
        schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
        schema.add_function(
            Function(
                name="text_bm25",
                function_type=FunctionType.BM25,
                input_field_names=["text"],
                output_field_names=["sparse"],
            )
        )
        index = self.client.prepare_index_params()
        index.add_index(
            field_name="sparse",
            index_type="SPARSE_INVERTED_INDEX",
            metric_type="BM25",
            params={"bm25_k1": K1, "bm25_b": B},  # as the default store's BM25
        )
        index.add_index(field_name="dense", index_type="AUTOINDEX", metric_type="COSINE")
        self.client.create_collection(
            self.name, schema=schema, index_params=index, consistency_level="Strong"
        )
        log.info("created Milvus collection %s (dim %d)", self.name, dim)

    def upsert(self, items: Sequence[Item], vectors: Sequence) -> None:
        if not items:
            return
        self._ensure(dim=len(vectors[0]))
        self.client.upsert(
            self.name,
            [
                {
                    "id": vid,
                    "doc_id": chunk.doc_id,
                    "version": vid.split("#", 1)[0],
                    "region": chunk.region or "",
                    "level": chunk.level,
                    "date": chunk.date or "",
                    "text": chunk.index_text[:_TEXT_CHARS],
                    "dense": [float(x) for x in vector],
                }
                for (chunk, vid), vector in zip(items, vectors, strict=True)
            ],
        )

    def delete(self, ids: Sequence[str]) -> None:
        if not ids or not self._ensure():
            return
        for start in range(0, len(ids), _PAGE):
            self.client.delete(self.name, ids=list(ids[start : start + _PAGE]))

    def pages(self) -> Iterator[list[str]]:
        if not self._ensure():
            return
        pages = self.client.query_iterator(
            self.name, batch_size=_PAGE, filter='id != ""', output_fields=["id"]
        )
        try:
            while rows := pages.next():
                yield [row["id"] for row in rows]
        finally:
            pages.close()

    def ids(self, where: Where) -> set[str]:
        """The ids stored for the chunks `where` selects (for checks; `pages` lists all)."""
        if not self._ensure():
            return set()
        rows = self.client.query(
            self.name, filter=expression(where) or 'id != ""', output_fields=["id"]
        )
        return {row["id"] for row in rows}

    def count(self) -> int:
        if not self._ensure():
            return 0
        rows = self.client.query(self.name, filter="", output_fields=["count(*)"])
        return int(rows[0]["count(*)"])

    def _search(self, data: list, field: str, where: Where, n: int) -> list[dict]:
        if not self._ensure():
            return []
        result = self.client.search(
            self.name,
            data=data,
            anns_field=field,
            limit=n,
            filter=expression(where),
            output_fields=["id"],
            search_params={"metric_type": "BM25" if field == "sparse" else "COSINE"},
        )
        return list(result[0]) if result else []

    def nearest(self, query: str, where: Where, n: int) -> list[Hit]:
        vector = self._embedding().embed_query([query])[0]
        hits = self._search([[float(x) for x in vector]], "dense", where, n)
        return [(hit["id"], float(hit["distance"])) for hit in hits]

    def keyword(self, query: str, where: Where, n: int) -> list[Hit]:
        """BM25 over Milvus's analyzer; scores as the engine reports them (Milvus Lite reports
        the negated score), so only the order is used."""
        hits = self._search([query], "sparse", where, n)
        return [(hit["id"], abs(float(hit["distance"]))) for hit in hits]
