"""What each verification status is called wherever a user sees it: CLI, web UI, Word comments."""

from __future__ import annotations

from .schema import Answer, Passage, SupportStatus

STATUS_LABELS: dict[SupportStatus, str] = {
    "supported": "已核验",
    "weak": "引用支持较弱",
    "unsupported": "未通过核验",
    "uncited": "未注明引用",
}


LEVEL_LABELS = {
    "central": "中央",
    "provincial": "省级",
    "municipal": "市级",
    "academic": "研究",
    "other": "其他",
}


def flag_reason(status: SupportStatus, issues: tuple[str, ...] | list[str]) -> str:
    """Why a sentence or plan item is flagged: its issues, else what its status means."""
    return "；".join(issues) or STATUS_LABELS[status]


def sources_shown(answer: Answer) -> tuple[str, list[Passage]]:
    """The heading and passages listed under an answer: the cited ones (参考依据), or for a
    refusal the nearest sources."""
    if answer.refused:
        return "最接近的资料", list(answer.passages)
    cited = [answer.passages[n - 1] for n in answer.citations if n <= len(answer.passages)]
    return "参考依据", cited


def passage_title(passage: Passage) -> str:
    """“[n] 标题（来源，日期）” as a source list shows it."""
    meta = "，".join(x for x in (passage.chunk.source, passage.chunk.date) if x)
    return f"[{passage.n}] {passage.chunk.title}{f'（{meta}）' if meta else ''}"
