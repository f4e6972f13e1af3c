"""The retrievers a user would otherwise build with LangChain, on the same texts as the project.

- `whitespace_bm25`: `RecursiveCharacterTextSplitter(1000, 200)` + `BM25Retriever` with its
  default preprocessing (`str.split`, i.e. whitespace tokens — on Chinese, whole clauses).
- `jieba_bm25`: the same with Chinese separators at 500/50 and jieba tokens.
- `chroma_dense`: the 500/50 chunks in a LangChain `Chroma` store, dense search only, with the
  project's offline hashing embedding (the only embedding available offline).

Each offers `search(query, k)`, a naive `answer(question)` (the top passages' best-matching
sentences, each cited), and a naive `plan(queries)`; `save`/`cold_start_command` time a fresh
process that loads the stored index and answers one question.
"""

from __future__ import annotations

import pickle
import re
import sys
from pathlib import Path

import jieba
from langchain_core.embeddings import Embeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.index.embeddings import HashingEmbeddingFunction

CHINESE_SEPARATORS = ["\n\n", "\n", "。", "！", "？", "；", "，", " ", ""]
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")


def jieba_tokens(text: str) -> list[str]:
    return [w for w in jieba.lcut(text) if w.strip()]


class HashingEmbeddings(Embeddings):
    """The project's offline embedding behind LangChain's `Embeddings` interface."""

    def __init__(self) -> None:
        self.function = HashingEmbeddingFunction()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [v.tolist() for v in self.function(texts)]

    def embed_query(self, text: str) -> list[float]:
        return self.function([text])[0].tolist()


class Baseline:
    name = ""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def build(self, texts: dict[str, str]) -> None:
        raise NotImplementedError

    def search(self, query: str, k: int = 5) -> list[str]:
        raise NotImplementedError

    def answer(self, question: str, k: int = 5, sentences: int = 3) -> tuple[str, list[str]]:
        """Naive grounded answer: the best-overlapping sentence of each top passage, cited."""
        passages = self.search(question, k)
        return naive_answer(question, passages, sentences), passages

    def plan(self, queries: list[str]) -> list[str]:
        return [self.answer(query)[0] for query in queries]


def naive_answer(question: str, passages: list[str], sentences: int = 3) -> str:
    wanted = set(question)
    picked = []
    for n, passage in enumerate(passages[:sentences], start=1):
        candidates = [s.strip() for s in _SENTENCE.findall(passage) if len(s.strip()) > 6]
        if candidates:
            best = max(candidates, key=lambda s: len(wanted & set(s)))
            picked.append(f"{best.rstrip('。！？')}[{n}]。")
    return "".join(picked)


class BM25Baseline(Baseline):
    chunk_size, overlap, separators, tokens = 1000, 200, None, None

    def build(self, texts: dict[str, str]) -> None:
        from langchain_community.retrievers import BM25Retriever

        options = {"chunk_size": self.chunk_size, "chunk_overlap": self.overlap}
        if self.separators:
            options["separators"] = self.separators
        splitter = RecursiveCharacterTextSplitter(**options)
        docs = splitter.create_documents(list(texts.values()), [{"doc": n} for n in texts])
        extra = {"preprocess_func": self.tokens} if self.tokens else {}
        self.retriever = BM25Retriever.from_documents(docs, k=5, **extra)
        self.chunks = len(docs)
        self.path = self.save()  # persisted, as the project's index is

    def search(self, query: str, k: int = 5) -> list[str]:
        self.retriever.k = k
        return [d.page_content for d in self.retriever.invoke(query)]

    def save(self) -> Path:
        path = self.folder / f"{type(self).__name__}.pickle"
        self.folder.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(self.retriever))
        return path

    def cold_start_command(self, question: str) -> list[str]:
        script = (
            "import pickle, sys; sys.path.insert(0, sys.argv[1])\n"
            "from baselines import jieba_tokens, naive_answer\n"
            "r = pickle.load(open(sys.argv[2], 'rb'))\n"
            "print(naive_answer(sys.argv[3], [d.page_content for d in r.invoke(sys.argv[3])]))\n"
        )
        here = str(Path(__file__).resolve().parent)
        return [sys.executable, "-c", script, here, str(self.path), question]


class WhitespaceBM25(BM25Baseline):
    name = "LangChain 1000/200 + BM25Retriever (whitespace)"


class JiebaBM25(BM25Baseline):
    name = "LangChain 500/50 中文分隔 + BM25Retriever (jieba)"
    chunk_size, overlap, separators = 500, 50, CHINESE_SEPARATORS
    tokens = staticmethod(jieba_tokens)


class ChromaDense(Baseline):
    name = "LangChain 500/50 + Chroma dense only (hashing)"

    def build(self, texts: dict[str, str]) -> None:
        from langchain_chroma import Chroma

        splitter = RecursiveCharacterTextSplitter(
            chunk_size=500, chunk_overlap=50, separators=CHINESE_SEPARATORS
        )
        docs = splitter.create_documents(list(texts.values()), [{"doc": n} for n in texts])
        self.store = Chroma(
            collection_name="baseline",
            embedding_function=HashingEmbeddings(),
            persist_directory=str(self.folder / "chroma"),
            collection_metadata={"hnsw:space": "cosine"},
        )
        for start in range(0, len(docs), 2000):
            self.store.add_documents(docs[start : start + 2000])
        self.chunks = len(docs)

    def search(self, query: str, k: int = 5) -> list[str]:
        return [d.page_content for d in self.store.similarity_search(query, k=k)]

    def cold_start_command(self, question: str) -> list[str]:
        script = (
            "import sys; sys.path.insert(0, sys.argv[1])\n"
            "from langchain_chroma import Chroma\n"
            "from baselines import HashingEmbeddings, naive_answer\n"
            "s = Chroma(collection_name='baseline', embedding_function=HashingEmbeddings(),\n"
            "           persist_directory=sys.argv[2])\n"
            "q = sys.argv[3]\n"
            "print(naive_answer(q, [d.page_content for d in s.similarity_search(q, k=5)]))\n"
        )
        here = str(Path(__file__).resolve().parent)
        return [sys.executable, "-c", script, here, str(self.folder / "chroma"), question]


BASELINES = (WhitespaceBM25, JiebaBM25, ChromaDense)
