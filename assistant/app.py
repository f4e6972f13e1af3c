"""`Assistant`: one object over the library, the index, answering and plan drafting.

Every surface (CLI, web UI, eval suite, Python API) goes through it; it holds no logic of its
own beyond keeping the live index current and handing each job to its stage.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .answer.pipeline import Answerer, History, StreamEvent
from .config import Settings
from .corpus.documents import load_corpus
from .corpus.ingest import IngestReport, add_files
from .corpus.library import Library
from .index.state import Index
from .index.store import IndexStore, SyncResult
from .schema import Answer, Document, PlanOutline

if TYPE_CHECKING:  # the drafting tools load when first used
    from .plans.compare import Comparison
    from .plans.diff import VersionDiff
    from .plans.targets import TargetTable

Progress = Callable[[int, int], None]


class Assistant:
    """The policy Q&A assistant; every surface (CLI, UI, evals) goes through this class."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.store = IndexStore(self.settings)
        self.library = Library(
            self.settings.library, max_bytes=int(self.settings.max_file_mb * 2**20)
        )
        self.answerer = Answerer(self.settings, lambda: self.index)
        self._index: Index | None = None
        self._lock = threading.Lock()

    @property
    def index(self) -> Index:
        """The live index; picks up a newer state another process committed (an ingest)."""
        index = self._index
        if index is not None and self.store.current_id() in (None, index.manifest.build_id):
            return index
        with self._lock:
            if self._index is None or self._index is index:
                self._index, _ = self.store.ensure()
            return self._index

    @property
    def generator(self):
        """The generator answers come from (the model when one is configured)."""
        return self.answerer.generator

    # --- the corpus and the index ---

    def sources(self) -> list[Document]:
        return load_corpus(self.settings.seeds_dir, self.settings.library)

    def build_index(self, *, rebuild: bool = False) -> tuple[Index, bool]:
        """Bring the index up to date with the seeds and the whole library (`assistant index`)."""
        result = self.sync(rebuild=rebuild)
        return result.index, result.changed or rebuild

    def sync(self, *, rebuild: bool = False, progress: Progress = lambda d, t: None) -> SyncResult:
        """Update the index to the current seeds and library."""
        with self._lock:
            self.library.forget_removed()
            result = self.store.sync(self.sources(), rebuild=rebuild, progress=progress)
            self._index = result.index
        return result

    def ingest(
        self,
        files: Sequence[Path | tuple[Path, str]],
        *,
        on_file: Progress = lambda done, total: None,
        on_index: Progress = lambda done, total: None,
    ) -> IngestReport:
        """Add files (or (path, name) pairs from uploads) to the library, then update the index."""
        report = IngestReport(add_files(self.library, files, on_file))
        manifest = self.sync(progress=on_index).index.manifest
        report.documents, report.chunks = manifest.documents, manifest.chunks
        return report

    def remove(self, names: Sequence[str]) -> tuple[list[str], list[str]]:
        """Delete library documents from the library and the index: (removed, unknown)."""
        removed = [name for name in names if self.library.remove(name)]
        if removed:
            self.sync()
        return removed, [name for name in names if name not in removed]

    def edit(self, name: str, **fields: str | None) -> SyncResult:
        """Change a library document's title, date, source or region, and re-index it."""
        self.library.edit(name, **fields)
        return self.sync()

    # --- answering and drafting ---

    def ask(
        self,
        question: str,
        *,
        history: History = (),
        k: int | None = None,
        doc_ids: Sequence[str] = (),
        as_of: str | None = None,
    ) -> Answer:
        """Answer one question from the versions in force (on `as_of`, YYYY-MM-DD, when given);
        raises `QuestionError` for unusable input."""
        events = self.answerer.run(
            question, history=history, k=k, doc_ids=doc_ids, streaming=False, as_of=as_of
        )
        final = [event.answer for event in events if event.kind == "answer"]
        assert final and final[-1] is not None
        return final[-1]

    def stream(
        self,
        question: str,
        *,
        history: History = (),
        k: int | None = None,
        doc_ids: Sequence[str] = (),
        as_of: str | None = None,
    ) -> Iterator[StreamEvent]:
        """Yield the passages, the answer text as it is generated, then the verified `Answer`."""
        return self.answerer.run(
            question, history=history, k=k, doc_ids=doc_ids, streaming=True, as_of=as_of
        )

    def plan(self, province: str, focus: str | None = None) -> PlanOutline:
        """Draft a provincial action-plan outline; raises `PlanError` (Chinese message)."""
        from .plans.drafting import draft_plan

        return draft_plan(self.settings, self.index, province, focus)

    def compare(self, provinces: Sequence[str], topic: str | None = None) -> Comparison:
        """The province comparison matrix; raises `PlanError` (Chinese message)."""
        from .plans.compare import compare
        from .plans.template import load_template

        return compare(self.index, load_template(self.settings.prompts_dir), provinces, topic)

    def targets(self, province: str | None = None, year: int | None = None) -> TargetTable:
        """The library's quantified targets, flagged; raises `PlanError` for an unknown province."""
        from .plans.provinces import resolve_province
        from .plans.targets import target_table

        region = resolve_province(province).name if province else None
        return target_table(self.index, region, year)

    def diff(self, old: str, new: str) -> VersionDiff:
        """Two documents of the corpus side by side, clause by clause (by document id);
        raises `PlanError` for an unknown id."""
        from .plans.diff import diff_documents
        from .plans.provinces import PlanError

        documents = {d.doc_id: d for d in self.sources()}
        unknown = [name for name in (old, new) if name not in documents]
        if unknown:
            raise PlanError(
                f"找不到文档：{'、'.join(unknown)}（用 assistant sources 查看文档编号）"
            )
        return diff_documents(documents[old], documents[new])

    def supersede(self, new: str, old: str, *, undo: bool = False) -> None:
        """Record that library document `new` supersedes `old` (or forget it, with `undo`)."""
        self.library.supersede(new, old, undo=undo)
