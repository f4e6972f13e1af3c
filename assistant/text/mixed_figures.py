"""Figures written half in digits, half in words or signs, as one figure in digits: 3万2471 is
32471, 4亿零700多万 is 40700多万 (四亿零七百多万), 1/4 and 1／4 are 4分之1 (四分之一) — so that
`numerals.written_figures` reads each as the value it is."""

from __future__ import annotations

import re

_TEN_THOUSANDS = re.compile(r"(?<![\d.])(\d+)万(\d{4})(?![\d.万亿])")  # 3万2471
_HUNDRED_MILLIONS = re.compile(r"(?<![\d.])(\d+)亿零?(\d{1,4})(?=[多余]?万)")  # 4亿零700多万
# 1/4, 2／3: a fraction below one with a single-figure denominator (not 12/5, a date)
_SLASHED = re.compile(r"(?<![\d/／.])([1-9])\s*[/／]\s*([2-9])(?![\d/／.])")


def in_one_figure(text: str) -> str:
    text = _TEN_THOUSANDS.sub(lambda m: str(int(m[1]) * 10_000 + int(m[2])), text)
    text = _HUNDRED_MILLIONS.sub(lambda m: str(int(m[1]) * 10_000 + int(m[2])), text)
    return _SLASHED.sub(lambda m: f"{m[2]}分之{m[1]}" if m[1] < m[2] else m[0], text)
