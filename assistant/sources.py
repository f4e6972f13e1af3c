"""Load the corpus: the bundled seeds plus the user's library folder, with metadata."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from .clean import clean_text, strip_title_line
from .regions import find_provinces
from .schema import Article, Document

MANIFEST = "manifest.json"
TEXT_SUFFIXES = (".txt", ".md")


class CorpusError(ValueError):
    """A source file that cannot be read as text."""


def load_corpus(seeds_dir: Path, library_dir: Path | None = None) -> list[Document]:
    """Every document of the seeds and the library, sorted by `doc_id`."""
    from .library import Library

    documents = {doc.doc_id: doc for doc in _load_folder(seeds_dir)}
    if library_dir and library_dir.is_dir():
        for doc in Library(library_dir).documents():
            documents.setdefault(doc.doc_id, doc)
    return [documents[key] for key in sorted(documents)]


def document_version(doc: Document) -> str:
    """A hash of one document's id, content and every piece of metadata its chunks carry."""
    parts = [doc.doc_id, doc.sha256, doc.title, doc.source, doc.date, doc.region, doc.level]
    parts += [f"{a.title}|{a.source}|{a.region}|{a.level}|{len(a.text)}" for a in doc.articles]
    return hashlib.sha256("\0".join(str(p) for p in parts).encode()).hexdigest()


def _load_folder(folder: Path) -> Iterator[Document]:
    if not folder.is_dir():
        return
    manifest_path = folder / MANIFEST
    manifest = json.loads(manifest_path.read_text("utf-8")) if manifest_path.exists() else {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in TEXT_SUFFIXES and path.is_file():
            yield load_document(path, manifest.get(path.stem, {}))


def read_text(path: Path) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    raw = path.read_bytes()
    if not raw.strip():
        raise CorpusError(f"{path.name}: 文件为空")
    if b"\0" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CorpusError(f"{path.name}: 不是文本文件（含二进制内容）")
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        if encoding == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CorpusError(f"{path.name}: 无法识别文本编码（支持 UTF-8、UTF-16、GBK/GB18030）")


def load_document(path: Path, meta: dict) -> Document:
    """Read one file into a `Document`, split into articles where the manifest says so."""
    raw = read_text(path)
    text = clean_text(raw)
    title = meta.get("title") or _first_line(text) or path.stem
    region = meta.get("region") or _infer_region(title)
    level = meta.get("level") or ("provincial" if region and region != "全国" else "other")
    specs = meta.get("articles") or [{"title": title, "source": meta.get("source")}]
    articles = []
    for spec, body in zip(specs, _split_articles(raw, specs), strict=True):
        body = strip_title_line(clean_text(body), spec["title"])
        articles.append(
            Article(
                title=spec["title"],
                text=body,
                source=spec.get("source", meta.get("source")),
                region=spec.get("region", region),
                level=spec.get("level", level),
            )
        )
    return Document(
        doc_id=path.stem,
        title=title,
        articles=tuple(articles),
        source=meta.get("source"),
        date=meta.get("date"),
        region=region,
        level=level,
        path=path,
        sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
    )


def _split_articles(raw: str, specs: list[dict]) -> list[str]:
    """Cut a file holding several articles at each article's first line."""
    if len(specs) == 1:
        return [raw]
    starts = []
    for spec in specs:
        position = raw.find(spec["starts_with"])
        if position < 0:
            raise CorpusError(f"manifest: 找不到文章“{spec['title']}”的起始行")
        starts.append(position)
    bounds = starts[1:] + [len(raw)]
    return [raw[a:b] for a, b in zip(starts, bounds, strict=True)]


def _first_line(text: str) -> str:
    return next((line for line in text.split("\n") if line.strip()), "")[:80]


def _infer_region(title: str) -> str | None:
    provinces = find_provinces(title)
    return provinces[0].name if provinces else None
