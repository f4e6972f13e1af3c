"""HTML for the province comparison matrix (escaped like answers, citations clickable)."""

from __future__ import annotations

from html import escape

from ...plans.compare import NOT_COVERED, Comparison
from ...plans.compare_export import title
from .render import sources_html, text_html
from .render_plan import item_html


def comparison_html(comparison: Comparison, key: str = "compare") -> str:
    """The matrix as a table, a cell's items as a list, then the notes and cited passages."""
    known = {p.n for p in comparison.passages}
    head = "".join(f"<th>{escape(c)}</th>" for c in ["举措", *comparison.columns])
    rows = []
    for row in comparison.rows:
        cells = []
        for column in comparison.columns:
            items = row.cells[column]
            if items:
                listed = "".join(f"<li>{item_html(i, key, known)}</li>" for i in items)
                cells.append(f"<td><ul>{listed}</ul></td>")
            else:
                cells.append(f'<td class="pa-empty">{NOT_COVERED}</td>')
        rows.append(f'<tr><th scope="row">{text_html(row.measure)}</th>{"".join(cells)}</tr>')
    notes = "".join(f"<li>{text_html(n)}</li>" for n in comparison.notes)
    return (
        f'<div class="pa-compare pa-answer" data-key="{key}">'
        f"<h2>{escape(title(comparison))}</h2>"
        + (f'<div class="pa-notice"><b>说明</b><ul>{notes}</ul></div>' if notes else "")
        + f'<div class="pa-table-wrap"><table class="pa-matrix"><thead><tr>{head}</tr></thead>'
        + f"<tbody>{''.join(rows)}</tbody></table></div>"
        + sources_html(comparison.passages, key, (), "参考依据")
        + "</div>"
    )
