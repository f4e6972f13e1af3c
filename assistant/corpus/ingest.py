"""Bring files into the library and the index: `assistant ingest`, the upload box, removal, edits.

Each file is checked and copied on its own — a bad one is reported by name and skipped, never
aborting the batch — then the index is updated once for the whole batch (incrementally, see
`index/store.py`). Re-running after a crash finishes whatever the crash interrupted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .extract import SUPPORTED, ExtractError
from .library import Library, LibraryError

Progress = Callable[[int, int], None]


def _quiet(done: int, total: int) -> None:
    pass


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """One file of a batch: added, replaced, unchanged, or failed with the reason."""

    name: str
    status: str
    message: str = ""


@dataclass
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    documents: int | None = None
    """Documents in the index after the batch (None until the index was updated)."""
    chunks: int | None = None

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def summary(self) -> str:
        parts = [
            f"新增 {self.count('added')}",
            f"替换 {self.count('replaced')}",
            f"未变 {self.count('unchanged')}",
            f"失败 {self.count('failed')}",
        ]
        indexed = f"；索引共 {self.documents} 篇文档" if self.documents is not None else ""
        return "，".join(parts) + indexed

    def to_json(self) -> dict:
        return {
            "files": [
                {"name": o.name, "status": o.status, "message": o.message} for o in self.outcomes
            ],
            "documents": self.documents,
            "chunks": self.chunks,
        }


def collect(paths: Sequence[Path]) -> tuple[list[Path], list[FileOutcome]]:
    """Files to ingest from files and folders (recursively; hidden entries skipped)."""
    files, problems = [], []
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                parts = found.relative_to(path).parts
                if found.is_file() and not any(p.startswith(".") for p in parts):
                    if found.suffix.lower() in SUPPORTED:
                        files.append(found)
                    else:
                        problems.append(FileOutcome(found.name, "failed", "不支持的格式，已跳过"))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(FileOutcome(str(path), "failed", "文件不存在"))
    return files, problems


def add_files(
    library: Library, files: Sequence[Path | tuple[Path, str]], progress: Progress = _quiet
) -> list[FileOutcome]:
    """Copy each file (or (path, name) from an upload) into the library, one by one."""
    outcomes = []
    for done, item in enumerate(files, start=1):
        path, name = item if isinstance(item, tuple) else (item, item.name)
        try:
            added = library.add(path, name)
            outcomes.append(FileOutcome(added.name, added.status, added.title))
        except (LibraryError, ExtractError) as exc:
            outcomes.append(FileOutcome(name, "failed", str(exc).split("：", 1)[-1]))
        except OSError as exc:
            outcomes.append(FileOutcome(name, "failed", f"无法读取文件（{exc.strerror or exc}）"))
        progress(done, len(files))
    return outcomes
