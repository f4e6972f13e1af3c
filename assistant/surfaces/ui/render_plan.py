"""HTML for plan outlines and whole documents (escaped like answers, citations clickable)."""

from __future__ import annotations

from html import escape

from ...labels import flag_reason
from ...schema import Document, PlanItem, PlanOutline, PlanSection
from .render import attr, cite_links, sources_html, text_html


def item_html(item: PlanItem, key: str, known: set[int]) -> str:
    borrowed = (
        f'<span class="pa-borrowed">（借鉴{escape(item.region)}做法）</span>'
        if item.origin == "elsewhere" and item.region
        else ""
    )
    marks = cite_links("".join(f"[{n}]" for n in item.citations), key, known)
    flag = ""
    if item.status != "supported":
        why = flag_reason(item.status, item.issues)
        flag = f'<span class="pa-flag" title="{attr(why)}">⚠ 引用待核</span>'
    details = "".join(f"<li>{item_html(d, key, known)}</li>" for d in item.details)
    return f"{text_html(item.text.rstrip('。；; '))}{borrowed}{marks}。{flag}" + (
        f'<ol class="pa-details">{details}</ol>' if details else ""
    )


def _section_html(section: PlanSection, key: str, known: set[int], depth: int) -> str:
    tag = "h3" if depth == 0 else "h4"
    parts = [f"<{tag}>{escape(section.number + section.heading)}</{tag}>"]
    if section.note:
        parts.append(f'<p class="pa-note">起草提示：{text_html(section.note)}</p>')
    if section.items:
        items = "".join(f"<li>{item_html(i, key, known)}</li>" for i in section.items)
        parts.append(f"<ol>{items}</ol>")
    parts += [_section_html(s, key, known, depth + 1) for s in section.subsections]
    return "".join(parts)


def outline_html(outline: PlanOutline, key: str = "plan") -> str:
    """The plan outline with clickable citations, its notes and the cited passages."""
    known = {p.n for p in outline.passages}
    notes = "".join(f"<li>{text_html(n)}</li>" for n in outline.notes)
    return (
        f'<div class="pa-outline pa-answer" data-key="{key}">'
        f"<h2>{escape(outline.title)}</h2>"
        + (f'<div class="pa-notice"><b>说明</b><ul>{notes}</ul></div>' if notes else "")
        + "".join(_section_html(s, key, known, 0) for s in outline.sections)
        + sources_html(outline.passages, key, (), "参考依据")
        + "</div>"
    )


def coverage_rows(outline: PlanOutline) -> list[list[str]]:
    return [
        [
            row.measure,
            "✓ 已覆盖" if row.covered else "✗ 未覆盖",
            "、".join(row.items),
            "".join(f"[{n}]" for n in row.citations),
            "、".join(row.sources),
        ]
        for row in outline.coverage
    ]


def document_html(document: Document) -> str:
    """A whole document to read: title, metadata, then each article's paragraphs."""
    meta = " · ".join(
        escape(part)
        for part in (
            document.source or "未注明出处",
            document.date or "未注明日期",
            document.region,
        )
        if part
    )
    parts = [
        f'<div class="pa-document"><h2>{escape(document.title)}</h2>'
        f'<div class="pa-meta">{meta} · {len(document.text)} 字 · <code>{escape(document.doc_id)}</code></div>'
    ]
    for article in document.articles:
        if len(document.articles) > 1:
            parts.append(f"<h3>{escape(article.title)}</h3>")
        parts += [f"<p>{text_html(p)}</p>" for p in article.text.split("\n") if p.strip()]
    return "".join(parts) + "</div>"
