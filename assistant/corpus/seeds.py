"""The bundled texts (`seeds/`): plain-text files described by `seeds/manifest.json`."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from ..schema import Article, Document
from ..text.clean import clean_text, strip_title_line
from ..text.page_record import with_record
from .decode import CorpusError, read_text
from .metadata import infer_level, infer_region

MANIFEST = "manifest.json"
TEXT_SUFFIXES = (".txt", ".md")


def load_folder(folder: Path) -> Iterator[Document]:
    """Every text file of a folder, with the metadata its manifest gives (if any)."""
    if not folder.is_dir():
        return
    manifest_path = folder / MANIFEST
    manifest = json.loads(manifest_path.read_text("utf-8")) if manifest_path.exists() else {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in TEXT_SUFFIXES and path.is_file():
            yield load_document(path, manifest.get(path.stem, {}))


def load_document(path: Path, meta: dict) -> Document:
    """Read one file into a `Document`, split into articles where the manifest says so."""
    raw = read_text(path)
    text = clean_text(raw)
    title = meta.get("title") or _first_line(text) or path.stem
    region = meta.get("region") or infer_region(title, text)
    level = meta.get("level") or infer_level(region)
    specs = meta.get("articles") or [{"title": title, "source": meta.get("source")}]
    articles = []
    for spec, body in zip(specs, _split_articles(raw, specs), strict=True):
        body = with_record(strip_title_line(clean_text(body), spec["title"]), body)
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
