"""The user's document library: original files plus a catalog of their text and metadata.

Layout of the library folder (`ASSISTANT_LIBRARY_DIR`, default `<home>/library`)::

    <name>                    the file as the user gave it (a document's id is its file name)
    .catalog/<name>.json      extracted text, metadata read from the file, the user's edits
    .catalog/<name>.clean     the text as indexed (cleaned, title line dropped), kept so an
                              unchanged file is not cleaned again at every update
    .catalog/versions.relations  which documents supersede which, as the user set it (JSON)

Every write goes to a temporary file that is renamed into place, so a crash never leaves a
half-written file or entry. Files copied in by hand are catalogued the next time they are read.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import orjson

from ..schema import Article, Document
from ..text.clean import clean_text, cleaning_signature, strip_title_line
from ..text.page_record import with_record
from .extract import SUPPORTED, ExtractError, extract
from .metadata import infer_level, infer_region

log = logging.getLogger(__name__)

CATALOG = ".catalog"
_BAD_NAME = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
EDITABLE = ("title", "date", "source", "region")


class LibraryError(ValueError):
    """A file the library will not take; the message names it and says why, in Chinese."""


def safe_name(name: str) -> str:
    """The file name to store under: the last path component only, no control or path characters."""
    base = re.split(r"[/\\]", name.strip())[-1].strip()
    base = _BAD_NAME.sub("_", base).lstrip(".")
    if Path(base).suffix.lower() == ".doc":
        raise LibraryError(f"{base}：旧版 .doc 格式不支持，请另存为 .docx")
    if not base or Path(base).suffix.lower() not in SUPPORTED:
        raise LibraryError(
            f"{name or '（无文件名）'}：不支持的文件名或格式（支持 {' '.join(SUPPORTED)}）"
        )
    return base[:200]


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


@dataclass(frozen=True, slots=True)
class Added:
    """What `Library.add` did with one file: added, replaced or unchanged."""

    name: str
    status: str
    title: str


class Library:
    """Add, replace, edit and remove the user's documents; list them as `Document`s."""

    def __init__(self, folder: Path, *, max_bytes: int = 50 * 2**20) -> None:
        self.folder = folder
        self.max_bytes = max_bytes

    @property
    def catalog(self) -> Path:
        return self.folder / CATALOG

    def _entry_path(self, name: str) -> Path:
        return self.catalog / f"{name}.json"

    def entry(self, name: str) -> dict | None:
        try:
            return orjson.loads(self._entry_path(name).read_bytes())
        except (FileNotFoundError, orjson.JSONDecodeError):
            return None

    def files(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(
            p
            for p in self.folder.iterdir()
            if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUPPORTED
        )

    # --- changes ---

    def add(self, source: Path, name: str | None = None) -> Added:
        """Copy a file in and catalogue it; raises `LibraryError`/`ExtractError`, changing nothing."""
        name = safe_name(name or source.name)
        size = source.stat().st_size
        if size > self.max_bytes:
            raise LibraryError(
                f"{name}：文件过大（{size / 2**20:.1f} MB，上限 {self.max_bytes / 2**20:.0f} MB）"
            )
        data = source.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        before = self.entry(name)
        if before and before["sha256"] == digest and (self.folder / name).exists():
            return Added(name, "unchanged", before["title"])
        extracted = extract(source, name)  # validates before anything is written
        self.folder.mkdir(parents=True, exist_ok=True)
        self.catalog.mkdir(exist_ok=True)
        _write_atomic(self.folder / name, data)
        entry = self._catalogue(self.folder / name, extracted, digest)
        return Added(name, "replaced" if before else "added", entry["title"])

    def _catalogue(self, path: Path, extracted, digest: str) -> dict:
        stat = path.stat()
        title = (extracted.title or path.stem).strip()
        entry = {
            "name": path.name,
            "sha256": digest,
            "size": stat.st_size,
            "mtime_ns": stat.st_mtime_ns,
            "format": extracted.format,
            "title": title,
            "date": extracted.date,
            "source": extracted.source,
            "region": infer_region(title, extracted.text),
            "text": extracted.text,
            "edited": {},
        }
        self.catalog.mkdir(parents=True, exist_ok=True)
        data = json.dumps(entry, ensure_ascii=False).encode("utf-8")
        _write_atomic(self._entry_path(path.name), data)
        return entry

    def remove(self, name: str) -> bool:
        """Delete a document's file and entry; False when there is no such document."""
        path, entry = self.folder / name, self._entry_path(name)
        if name != safe_name(name) or not (path.exists() or entry.exists()):
            return False
        entry.unlink(missing_ok=True)  # the entry first: a file without one is re-read, not lost
        self._clean_path(name).unlink(missing_ok=True)
        path.unlink(missing_ok=True)
        return True

    def edit(self, name: str, **fields: str | None) -> dict:
        """Override title, date, source or region of a document (empty → back to the file's)."""
        entry = self.entry(name)
        if entry is None:
            raise LibraryError(f"{name}：资料库中没有这个文档")
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise LibraryError(f"不能修改的字段：{'、'.join(sorted(unknown))}")
        edited = dict(entry.get("edited", {}))
        for key, value in fields.items():
            if value is None:
                continue
            value = value.strip()
            if value:
                edited[key] = value
            else:
                edited.pop(key, None)
        entry["edited"] = edited
        _write_atomic(self._entry_path(name), json.dumps(entry, ensure_ascii=False).encode())
        return entry

    # --- reading ---

    def _current_entry(self, path: Path) -> dict | None:
        """The catalog entry of a file, (re)extracting it when it is new or changed on disk."""
        entry = self.entry(path.name)
        stat = path.stat()
        if entry and entry["size"] == stat.st_size and entry["mtime_ns"] == stat.st_mtime_ns:
            return entry
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if entry and entry["sha256"] == digest:
            entry |= {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
            _write_atomic(
                self._entry_path(path.name), json.dumps(entry, ensure_ascii=False).encode()
            )
            return entry
        try:
            return self._catalogue(path, extract(path), digest)
        except ExtractError as exc:
            log.warning("skipping %s", exc)
            return None

    def documents(self) -> list[Document]:
        """Every readable document of the library; unreadable files are skipped with a warning."""
        documents = []
        for path in self.files():
            entry = self._current_entry(path)
            if entry:
                documents.append(to_document(entry, path, self._cleaned))
        return documents

    def _clean_path(self, name: str) -> Path:
        return self.catalog / f"{name}.clean"

    def _cleaned(self, entry: dict, title: str) -> str:
        """The entry's text as indexed, cleaned once and kept beside the entry under a key of
        its content, its title and the cleaning code (a separate file: the entry, which the
        user's edits change, is never rewritten here)."""
        key = (
            f"{entry['sha256']}:{cleaning_signature()}:{hashlib.sha256(title.encode()).hexdigest()}"
        )
        path = self._clean_path(entry["name"])
        try:
            kept_key, kept = path.read_text("utf-8").split("\n", 1)
            if kept_key == key:
                return kept
        except (FileNotFoundError, ValueError):
            pass
        text = with_record(strip_title_line(clean_text(entry["text"]), title), entry["text"])
        if self.catalog.is_dir():
            _write_atomic(path, f"{key}\n{text}".encode())
        return text

    # --- versions the user set ---

    @property
    def _versions_path(self) -> Path:
        return self.catalog / "versions.relations"  # JSON; not *.json, which are entries

    def chosen_versions(self) -> dict[str, list[str]]:
        """The relations the user set: document → the documents it supersedes."""
        try:
            return orjson.loads(self._versions_path.read_bytes())
        except (FileNotFoundError, orjson.JSONDecodeError):
            return {}

    def supersede(self, new: str, old: str, *, undo: bool = False) -> None:
        """Record (or, with `undo`, forget) that `new` supersedes `old`."""
        for name in (new, old):
            if self.entry(name) is None:
                raise LibraryError(f"{name}：资料库中没有这个文档")
        if new == old:
            raise LibraryError("一个文档不能取代它自己")
        chosen = self.chosen_versions()
        olds = [o for o in chosen.get(new, []) if o != old] + ([] if undo else [old])
        chosen = {k: v for k, v in chosen.items() if k != new} | ({new: olds} if olds else {})
        self.catalog.mkdir(parents=True, exist_ok=True)
        _write_atomic(self._versions_path, json.dumps(chosen, ensure_ascii=False).encode())

    def problems(self) -> list[str]:
        """Files in the folder that cannot be read, with the reason (for `assistant index`)."""
        out = []
        for path in self.files():
            if self._current_entry(path) is None:
                try:
                    extract(path)
                except ExtractError as exc:
                    out.append(str(exc))
        return out

    def forget_removed(self) -> None:
        """Drop catalog entries whose file is gone (deleted by hand)."""
        if not self.catalog.is_dir():
            return
        for kept in (*self.catalog.glob("*.json"), *self.catalog.glob("*.clean")):
            if not (self.folder / kept.name[: -len(kept.suffix)]).exists():
                kept.unlink(missing_ok=True)
        for folder in (self.folder, self.catalog):
            for tmp in folder.glob(".*.tmp"):  # left by a process killed mid-write
                tmp.unlink(missing_ok=True)


def to_document(entry: dict, path: Path, cleaned: Callable[[dict, str], str]) -> Document:
    """A catalog entry as a `Document` (the user's edits win over what the file said)."""
    meta = {key: entry.get(key) for key in EDITABLE} | entry.get("edited", {})
    title = meta["title"] or path.stem
    region = meta["region"]
    text = cleaned(entry, title)
    level = infer_level(region)
    return Document(
        doc_id=entry["name"],
        title=title,
        articles=(Article(title, text, meta["source"], region, level),),
        source=meta["source"],
        date=meta["date"],
        region=region,
        level=level,
        path=path,
        sha256=entry["sha256"],
    )
