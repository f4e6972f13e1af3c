"""What each verification status is called wherever a user sees it: CLI, web UI, Word comments."""

from __future__ import annotations

from .schema import SupportStatus

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
