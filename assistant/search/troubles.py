"""The passages a question on what holds a thing back (卡在哪几处, 有哪些短板) is favoured
towards: those naming several problems (瓶颈, 不畅, 受制于, 两张皮…), where a text says what
stands in the way. A passage saying 需要解决“融合不全”“融合不深”“融合不畅”等关键问题 shares
few words with 两者结合卡在哪几个毛病上, yet it is the answer."""

from __future__ import annotations

import numpy as np

from ..index.state import Index
from ..text import expressions

_NAMED = 3  # distinct problem words a passage names to be one that discusses problems


def discussing_problems(index: Index) -> np.ndarray:
    """1.0 for each chunk naming at least `_NAMED` distinct problems, else 0.0."""
    return index.remember(
        "discussing problems",
        lambda: np.array(
            [len(expressions.problems(c.text)) >= _NAMED for c in index.chunks], dtype=float
        ),
    )
