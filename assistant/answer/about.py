"""Questions about a document itself — when it was published, where, by whom — answered from
what the library records about it.

“辽宁日报那篇文章是哪天发的？” asks for no sentence of the text: the date is the document's,
kept with every passage (`Chunk.date`, `Chunk.source`), as is the title “那篇标题说……” asks
about (`Chunk.title`), and the byline (“作者简介……”,
“原文刊发于……”) is never quoted as an answer to a question about the content. So a question
whose cue asks about the document — and names it, by its outlet (辽宁日报那篇), its title or as
本文 — is answered from the record of the first retrieved passage of that document (“《……》的发布日期为
2024-05-10[1]。”), or from that document's byline (retrieval gives bylines a share of the
top-k for such questions, `search/mentions.py`); when the record lacks
the date or outlet asked for, the answer says so.
"""

from __future__ import annotations

import re
from functools import cache

from ..schema import Passage
from ..search.mentions import names_document
from ..text import lexicon
from ..text.page_record import RECORD, page_asked
from ..text.sentences import split_sentences
from .generate import REFUSAL
from .wording import wh_word

_FIELDS = ("date", "source", "title", "byline")


@cache
def _cue(field: str) -> re.Pattern[str]:
    return re.compile(lexicon.alternation("question_types", f"about_{field}"))


def asked_about_document(question: str) -> tuple[str, ...]:
    """Which of the document's particulars the question asks for: date, source, byline, or a
    label of its page record (浏览次数, 主办单位, …)."""
    return tuple(field for field in _FIELDS if _cue(field).search(question)) + page_asked(question)


_PARTS = re.compile(r"[，,？?；;]")


def content_part(question: str) -> str:
    """The part of the question asking about the text's content when another part asks about
    the document itself (哪天发的，开头那句话是在哪个会上讲的: the meeting), else ""."""
    parts = [p.strip() for p in _PARTS.split(question) if p.strip()]
    asking = [p for p in parts if wh_word().search(p)]
    rest = [p for p in asking if not asked_about_document(p)]
    return "，".join(rest) if len(asking) >= 2 and 0 < len(rest) < len(asking) else ""


def document_answer(question: str, passages: list[Passage]) -> str | None:
    """The answer from the record of the first retrieved document the question names, or None
    when the question asks about the content, or the record does not hold what it asks for."""
    asked = asked_about_document(question)
    named = next((p for p in passages if names_document(question, p)), None) if asked else None
    if named is None:
        return None  # “那篇论文何时发表” may mean a paper the text is about
    chunk, n = named.chunk, named.n
    said, unrecorded = [], []
    # the outlet with the title (《……》（辽宁日报）), unless asked for: then its own sentence says it
    outlet = f"（{chunk.source}）" if chunk.source and "source" not in asked else ""
    for field, value, words in (
        ("date", chunk.date, "的发布日期为"),
        ("source", chunk.source, "来源于"),
    ):
        if field in asked:
            # the page's own line, which may say more (发布时间：2025-08-28 09:54: the hour too)
            # or what the library's record lacks
            line = (
                _recorded("发布时间", chunk.doc_id, passages, outlet) if field == "date" else None
            )
            if line and (not value or value in line):
                said.append(line)
            elif value:
                said.append(f"《{chunk.title}》{outlet}{words}{value}[{n}]。")
            else:
                unrecorded.append(_NAMES[field])
    if "title" in asked:
        said.append(f"该文标题为《{chunk.title}》[{n}]。")
    for label in (field for field in asked if field not in _FIELDS):
        line = _recorded(label, chunk.doc_id, passages)
        said += [line] if line else []
        unrecorded += [] if line else [label]
    if "byline" in asked:
        byline = _byline(question, chunk.doc_id, passages)
        said += byline  # none retrieved, though bylines are searched for: the text has none
        unrecorded += [] if byline else [_NAMES["issue" if _asks_issue(question) else "byline"]]
    if not said and unrecorded:
        return f"{REFUSAL[:-1]}：资料库没有记录《{chunk.title}》的{'和'.join(unrecorded)}。"
    return "".join(said) or None


def _recorded(label: str, doc_id: str, passages: list[Passage], outlet: str = "") -> str | None:
    """The line of the document's page record giving `label`, cited, if that record was
    retrieved (retrieval gives it a share of the top-k for such questions); its title with
    `outlet` after it."""
    for passage in passages:
        if passage.chunk.doc_id != doc_id or passage.chunk.heading != RECORD:
            continue
        for line in passage.text.split("\n"):
            if line.startswith(f"{label}："):
                return f"《{passage.chunk.title}》{outlet}{line}[{passage.n}]。"
    return None


_NAMES = {"date": "发布日期", "source": "来源", "byline": "作者", "issue": "刊载期次和页码"}
_AUTHORS = re.compile(r"^作者")
_ISSUE = re.compile(r"^(?:原文刊发|DOI)")


def _asks_issue(question: str) -> bool:
    """The question asks where in a journal the text stands (第几页, 哪一期, DOI)."""
    return bool(re.search(lexicon.alternation("question_types", "issue_asked"), question))


def _byline(question: str, doc_id: str, passages: list[Passage]) -> list[str]:
    """The byline lines of the document, if retrieved: who wrote it (the entries under a 作者简介
    heading — lines, not sentences — or a line opening with 作者), or where it first appeared
    (原文刊发……, DOI) when the question asks for pages or the issue."""
    wanted = _ISSUE if _asks_issue(question) else _AUTHORS
    lines = []
    for passage in (p for p in passages if p.chunk.doc_id == doc_id):
        under = bool(_AUTHORS.match(passage.chunk.heading or "")) and wanted is _AUTHORS
        for line in split_sentences(passage.text):
            if line.strip() == passage.chunk.heading or _ISSUE.match(line) and wanted is _AUTHORS:
                continue
            if (under and not line.rstrip().endswith("。")) or wanted.match(line):
                lines.append(f"{line.rstrip('。')}[{passage.n}]。")
    return lines[:4]


def entry_named(question: str, passages: list[Passage], *, labelled: bool) -> str | None:
    """A line of a passage that is no sentence, opened by a word the question names: a labelled
    line (关键词：……) with `labelled`, else a byline entry a person's name opens (周军 ……学院
    博士研究生) — what answers 关键词都啥, or 周军啥身份 when no sentence does."""
    for passage in (p for p in passages if p.chunk.heading != RECORD):  # its own questions
        for line in (x.strip() for x in passage.text.split("\n")):
            head, *rest = re.split(r"[:：]" if labelled else r"\s+", line, maxsplit=1)
            if len(head) >= 2 and head in question and rest and rest[0] and line[-1:] != "。":
                return f"{line}[{passage.n}]。"
    return None
