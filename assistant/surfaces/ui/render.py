"""HTML for the web UI: answers with clickable citations, plan outlines, documents.

Every piece of text — questions, answers, passages, titles — is escaped here, so user or document
text can never become markup (a `<script>` in a question shows as text, a markdown image in a
document loads nothing). Each fragment is one line of HTML with no blank lines, so the chat's
markdown renderer passes it through unchanged. The citation popover (`data/ui.js`) needs no
server round trip: a cited passage travels inside the message that cites it, which is also why
citations survive a page reload along with the chat history.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape

from ...answer.verify import MARKER, answer_lines, supporting_span
from ...labels import STATUS_LABELS, flag_reason
from ...schema import Answer, Passage, Sentence
from ...text.chars import normalise_for_match

_CSS_CLASS = {"supported": "ok", "weak": "weak", "unsupported": "bad", "uncited": "bad"}


def text_html(text: str) -> str:
    """Escape text for HTML, keeping its line breaks."""
    return escape(text).replace("\r", "").replace("\n", "<br>")


def attr(text: str) -> str:
    return escape(text, quote=True).replace("\n", "&#10;")


def cite_links(text: str, key: str, known: set[int]) -> str:
    """Escape `text` and turn each [n] into a button that opens passage n of `key`."""

    def link(match: re.Match[str]) -> str:
        numbers = [int(n) for n in re.split(r"[,，、\s]+", match.group(1)) if n]
        return "".join(
            f'<a class="pa-cite" href="#" data-ref="{key}-{n}" title="查看引用原文">[{n}]</a>'
            if n in known
            else f'<span class="pa-cite pa-missing" title="引用编号不存在">[{n}]</span>'
            for n in numbers
        )

    parts, last = [], 0
    for match in MARKER.finditer(text):
        parts += [text_html(text[last : match.start()]), link(match)]
        last = match.end()
    return "".join(parts) + text_html(text[last:])


def _marked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escape a passage, wrapping the supporting spans in <mark>."""
    out, last = [], 0
    for start, end in sorted(spans):
        start = max(start, last)
        if start >= end:
            continue
        out += [text_html(text[last:start]), f"<mark>{text_html(text[start:end])}</mark>"]
        last = end
    return "".join(out) + text_html(text[last:])


def _meta(passage: Passage) -> str:
    chunk = passage.chunk
    parts = [chunk.source or "未注明出处", chunk.date or "未注明日期"]
    if chunk.heading:
        parts.append(chunk.heading)
    return " · ".join(escape(part) for part in parts)


def passage_html(passage: Passage, key: str, spans: Iterable[tuple[int, int]] = ()) -> str:
    """One source: [n] title, outlet, date, section; the passage with its supporting spans marked."""
    chunk = passage.chunk
    return (
        f'<div class="pa-passage" data-ref="{key}-{passage.n}">'
        f'<div class="pa-title">[{passage.n}] 《{escape(chunk.title)}》</div>'
        f'<div class="pa-meta">{_meta(passage)} · <code>{escape(chunk.chunk_id)}</code></div>'
        f'<blockquote class="pa-text">{_marked(chunk.text, spans)}</blockquote></div>'
    )


def _spans(sentences: Sequence[Sentence], passage: Passage) -> list[tuple[int, int]]:
    spans = []
    for sentence in sentences:
        if passage.n in sentence.citations:
            span = supporting_span(sentence.text, passage.text)
            if span:
                spans.append(span)
    return spans


def sources_html(passages: Sequence[Passage], key: str, sentences: Sequence[Sentence], label: str):
    if not passages:
        return ""
    items = "".join(passage_html(p, key, _spans(sentences, p)) for p in passages)
    return f'<details class="pa-sources"><summary>{label}（{len(passages)}）</summary>{items}</details>'


def _key(text: str) -> str:
    return normalise_for_match(MARKER.sub("", text))


def _sentence_html(text: str, verdict: Sentence | None, key: str, known: set[int]) -> str:
    body = cite_links(text, key, known)
    if verdict is None:  # a connective such as “具体如下：”, with no claim to check
        return f'<span class="pa-s">{body}</span>'
    if verdict.status == "supported":
        return f'<span class="pa-s pa-ok">{body}</span>'
    css, label = _CSS_CLASS[verdict.status], STATUS_LABELS[verdict.status]
    why = flag_reason(verdict.status, verdict.issues)
    return (
        f'<span class="pa-s pa-{css}" title="{attr(why)}">{body}'
        f'<span class="pa-flag">⚠ {label}</span></span>'
    )


def copy_text(answer: Answer) -> str:
    """What 复制回答 puts on the clipboard: the answer, then the works it cites."""
    cited = [p for p in answer.passages if p.n in answer.citations]
    lines = [answer.answer]
    if cited:
        lines += ["", "参考依据："]
        lines += [
            f"[{p.n}] 《{p.chunk.title}》 {p.chunk.source or ''} {p.chunk.date or ''}".rstrip()
            for p in cited
        ]
    return "\n".join(lines)


def answer_html(answer: Answer, key: str) -> str:
    """A verified answer or a refusal, with its sources and a copy button."""
    if answer.refused:
        return (
            f'<div class="pa-answer pa-refused" data-key="{key}">'
            f'<div class="pa-refusal">拒答：{text_html(answer.answer)}</div>'
            + sources_html(answer.passages[:3], key, (), "最接近的资料")
            + "</div>"
        )
    verdicts = {_key(s.text): s for s in answer.sentences}
    known = {p.n for p in answer.passages}
    lines = []
    for prefix, sentences in answer_lines(answer.answer):
        body = "".join(_sentence_html(s, verdicts.get(_key(s)), key, known) for s in sentences)
        lines.append(f"<p>{escape(prefix) + ' ' if prefix else ''}{body}</p>")
    checked = sum(s.status == "supported" for s in answer.sentences)
    cited = [p for p in answer.passages if p.n in answer.citations]
    kind = "pa-notice pa-fallback" if answer.fallback else "pa-notice"
    notice = f'<div class="{kind}">{text_html(answer.notice)}</div>' if answer.notice else ""
    if answer.standalone_question and answer.standalone_question != answer.question:
        notice += f'<div class="pa-standalone">结合上文理解为：{text_html(answer.standalone_question)}</div>'
    unchecked = len(answer.sentences) - checked
    warning = f"，{unchecked} 句待核（已标出），请勿直接采用" if unchecked else ""
    summary = (
        f'<div class="pa-summary">逐句核验：{len(answer.sentences)} 句中 {checked} 句有引用支持'
        f"{warning} · 模型：{escape(answer.model)}"
        f'<button class="pa-copy" type="button" data-text="{attr(copy_text(answer))}">'
        "复制回答</button></div>"
    )
    return (
        f'<div class="pa-answer" data-key="{key}">{notice}{"".join(lines)}{summary}'
        + sources_html(cited, key, answer.sentences, "引用来源")
        + "</div>"
    )


def streaming_html(text: str) -> str:
    """The answer while it is being generated (not yet verified)."""
    return (
        f'<div class="pa-answer pa-streaming">{text_html(text)}<span class="pa-cursor">▍</span>'
        '<div class="pa-summary">生成中，完成后逐句核验引用…</div></div>'
    )


def user_html(question: str) -> str:
    return f'<div class="pa-user">{text_html(question)}</div>'


def error_html(message: str) -> str:
    return f'<div class="pa-answer pa-error">⚠ {text_html(message)}</div>'
