"""What a web page says about itself — its column, when it went up to the minute, how often it
was read, which office runs the site and where to reach it — kept as the document's page record.

These lines are page furniture (`clean.is_boilerplate`): they never stand in the text, nor
answer a question about its content. But “那篇文章在哪个栏目下？”, “浏览了多少次？”, “转载它的网站是哪家
单位办的？” are asked of them, so each `标签：内容` they hold is kept, under the heading `RECORD`,
after the text: searchable and citable like a passage, answered from only when a question asks
for that particular (`answer/about.py`).
"""

from __future__ import annotations

import re
from functools import cache

from . import lexicon
from .chars import CJK
from .clean import is_boilerplate, normalise_line

RECORD = "页面信息"

# label as the page writes it → label as the record keeps it
_LABELS = {
    "当前位置": "所在栏目",
    "您的位置": "所在栏目",
    "发布日期": "发布时间",
    "发布时间": "发布时间",
    **dict.fromkeys(lexicon.words("page_furniture", "read_counts"), "浏览次数"),  # 阅读量, 访问量 …
    "主办单位": "主办单位",
    "承办单位": "承办单位",
    "联系地址": "联系地址",
    "联系电话": "联系电话",
}
RECORD_LABELS = (RECORD, *dict.fromkeys(_LABELS.values()))
"""The record's heading and the labels its lines open with: never an answer sentence."""
_LABEL = re.compile(rf"({'|'.join(_LABELS)})\s*[:：]\s*")
_NEXT_LABEL = re.compile(rf"\s{{2,}}|\s(?=[{CJK}]+\s*[:：])")  # … 来源：…, 字体大小：…
_CRUMBS = re.compile(r"\s*[>＞›»]\s*")


def page_record(text: str) -> str:
    """The record section for `text` — `RECORD` and one `标签：内容` line per particular its page
    furniture states (the first of each) — or "" when it states none."""
    found: dict[str, str] = {}
    for raw in text.split("\n"):
        line = normalise_line(raw)
        if not line or not is_boilerplate(line):
            continue
        marks = list(_LABEL.finditer(line))
        for i, mark in enumerate(marks):
            end = marks[i + 1].start() if i + 1 < len(marks) else len(line)
            value = _value(mark.group(1), line[mark.end() : end])
            if value:
                found.setdefault(_LABELS[mark.group(1)], value)
    if not found:
        return ""
    return "\n".join([RECORD, *(f"{label}：{value}" for label, value in found.items())])


def with_record(text: str, raw: str) -> str:
    """The cleaned `text` of a page followed by the record of its `raw` furniture, if any."""
    record = page_record(raw)
    return f"{text}\n{record}" if record else text


def _value(label: str, raw: str) -> str:
    """The particular without what follows it on the line (字体大小:【 】) — for a breadcrumb, its
    last step but the home page (首页 > 科技博览 > → 科技博览)."""
    value = _NEXT_LABEL.split(raw.strip())[0].strip(" 　【】")
    value = re.sub(r"(?<=\d)：(?=\d)", ":", value)  # 09:54, which cleaning widened
    if _LABELS[label] == "所在栏目":
        steps = [s for s in _CRUMBS.split(raw.strip()) if s and s != "首页"]
        value = steps[-1] if steps else ""
    return value


def page_asked(question: str) -> tuple[str, ...]:
    """The labels of a page record the question asks for: it points at a text or its page
    (那篇, 那个网站) and holds the cues of the label (点开看了多少回 → 浏览次数)."""
    pointer, cues = _cues()
    if not pointer.search(question):
        return ()
    return tuple(label for label, cue in cues if cue.search(question))


@cache
def _cues() -> tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]]:
    """What points at a text or page, and each label's cues (sections `[page:标签]`)."""

    def compiled(section: str) -> re.Pattern[str]:
        return re.compile(lexicon.alternation("question_types", section))

    labels = [s for s in lexicon.sections("question_types") if s.startswith("page:")]
    return compiled("about_page"), tuple((s.removeprefix("page:"), compiled(s)) for s in labels)
