"""What a question must be before it is searched: text, not empty, not too long, no links."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..schema import Turn

# Terminal colour codes (“\x1b[31m”) pasted with a question.
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# Control and invisible characters, and lone surrogates (no encoder can write them back).
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff\ud800-\udfff]"
)
# Links and images say nothing searchable: an image goes, a link keeps its text, a URL goes.
_LINKS = re.compile(
    r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|(?:https?|javascript|data):\S*", re.I
)
NOT_CHINESE = "资料均为中文，离线模式请用中文提问（配置大模型后可直接用其他语言提问）。"


class QuestionError(ValueError):
    """The question cannot be processed as given; the message says why, in Chinese."""


def clean_question(question: object, *, limit: int) -> str:
    """Validate and normalise a question, or raise `QuestionError` with a Chinese message."""
    if not isinstance(question, str):
        raise QuestionError("问题必须是文本。")
    question = _CONTROL.sub("", _ANSI.sub("", question)).strip()
    if not question:
        raise QuestionError("问题不能为空，请输入要查询的政策问题。")
    if len(question) > limit:
        raise QuestionError(f"问题过长（{len(question)}字），请精简到{limit}字以内。")
    return question


def without_links(question: str) -> str:
    """The question with links reduced to their text and images and bare URLs removed."""
    return _LINKS.sub(lambda m: m.group(1) or " ", question)


def as_turns(history: Sequence[Turn | Mapping[str, object]]) -> list[Turn]:
    """Chat history from `Turn`s or role/content dicts (Gradio 6 sends content as parts)."""
    turns = []
    for turn in history:
        if isinstance(turn, Turn):
            turns.append(turn)
            continue
        content = turn.get("content", "")
        if isinstance(content, list):
            content = "".join(
                str(p.get("text", "")) if isinstance(p, dict) else str(p) for p in content
            )
        role = "user" if turn.get("role") == "user" else "assistant"
        turns.append(Turn(role, str(content)))
    return turns
