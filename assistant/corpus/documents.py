"""The corpus: the bundled seeds plus the user's library, each document with a version hash."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..schema import Document
from .library import Library
from .seeds import load_folder


def load_corpus(seeds_dir: Path, library_dir: Path | None = None) -> list[Document]:
    """Every document of the seeds and the library, sorted by `doc_id`."""
    documents = {doc.doc_id: doc for doc in load_folder(seeds_dir)}
    if library_dir and library_dir.is_dir():
        for doc in Library(library_dir).documents():
            documents.setdefault(doc.doc_id, doc)
    return [documents[key] for key in sorted(documents)]


def document_version(doc: Document) -> str:
    """A hash of one document's id, content and every piece of metadata its chunks carry."""
    parts = [doc.doc_id, doc.sha256, doc.title, doc.source, doc.date, doc.region, doc.level]
    parts += [f"{a.title}|{a.source}|{a.region}|{a.level}|{len(a.text)}" for a in doc.articles]
    return hashlib.sha256("\0".join(str(p) for p in parts).encode()).hexdigest()
