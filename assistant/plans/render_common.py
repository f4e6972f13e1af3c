"""What every rendering of a plan shares: one-line text, citation marks, borrowing labels."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..labels import flag_reason
from ..schema import Passage, PlanItem


def one_line(text: str) -> str:
    """Collapse line breaks, so user text cannot split a list item or a table row."""
    return re.sub(r"\s*\n\s*", " ", text).strip()


def clause(text: str) -> str:
    """Drop the closing punctuation, so the citations can stand before the full stop."""
    return one_line(text).rstrip("。；;，, ")


def marks(citations: Iterable[int]) -> str:
    return "".join(f"[{n}]" for n in citations)


def borrowed(item: PlanItem) -> str:
    return f"（借鉴{item.region}做法）" if item.origin == "elsewhere" and item.region else ""


def pending(item: PlanItem) -> str:
    """Why an item is still to be checked."""
    return flag_reason(item.status, item.issues)


def cited_work(passage: Passage) -> str:
    chunk = passage.chunk
    meta = "，".join(part for part in (chunk.source, chunk.date) if part)
    return f"《{one_line(chunk.title)}》" + (f"（{meta}）" if meta else "")
