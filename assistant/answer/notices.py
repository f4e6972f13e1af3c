"""The notices an answer carries above it: what was ignored of the question, what search could
not use, and that the offline answer stands in for a model that failed."""

from __future__ import annotations

from ..llm.faults import LLMError
from ..schema import Answer


def notices(
    answer: Answer, injected: bool, keyword_only: bool, failure: LLMError | None
) -> list[str]:
    found = [answer.notice] if answer.notice else []
    if injected:
        found.append("已忽略问题中要求改变规则或透露提示词的部分。")
    if keyword_only:
        found.append("向量检索暂不可用，本次仅按关键词检索。")
    if failure is not None:
        found.insert(
            0, f"大模型暂时无法使用（{failure.reason}），以下为离线摘录的答案：每句均为资料原文。"
        )
    return found
