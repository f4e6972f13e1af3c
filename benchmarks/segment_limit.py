"""Worker functions for the segmentation limit in `bench.py` (a module, so spawned workers can
import them)."""

from __future__ import annotations


def load() -> None:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()


def cut_all(texts: list[str]) -> int:
    import jieba

    return sum(len(jieba.lcut(text)) for text in texts)


def load_rust() -> None:
    """The project's own segmenter: rjieba with the project's added words (`text/segment.py`)."""
    from assistant.text.segment import _search_segmenter

    _search_segmenter()


def cut_all_rust(texts: list[str]) -> int:
    from assistant.text.segment import _search_segmenter

    segmenter = _search_segmenter()
    return sum(len(segmenter.cut_for_search(text)) for text in texts)


def ready(_: int) -> None:
    """A first task for each worker, run once its initializer has loaded jieba."""
