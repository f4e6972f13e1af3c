"""Guards against prompt injection in questions and prompt leaks in answers."""

from __future__ import annotations

import re

from ..text.chars import normalise_for_match
from ..text.sentences import split_sentences

INJECTION_REFUSAL = (
    "抱歉，我只能依据资料库回答政策问题，不能执行改变规则的指令，也不能透露系统提示词。"
)

# Patterns that mark an instruction aimed at the model, wherever it appears.
_COMMANDS = (
    r"(?:输出|打印|显示|泄露|透露|复述|重复|告诉我|给出|列出).{0,10}(?:提示词|prompt|指令内容|规则原文)",
    r"(?:请你?|现在|你来)扮演|角色扮演|假装你|你现在是|开发者模式|越狱|DAN模式",
    r"ignore (?:all |any )?(?:the |your )?(?:previous|prior|above|earlier)",
    r"disregard (?:all |the |your )?(?:previous|prior|above)",
    r"system prompt|developer mode|jailbreak|you are now|pretend (?:to be|you)",
    r"reveal (?:your|the) (?:prompt|instructions)",
)

# In questions: also requests for keys, paths or settings, and broader rule talk.
_INJECTION = re.compile(
    "|".join(
        (
            r"(?:忽略|无视|忘记|忘掉|不要理会|跳过|绕过|违反).{0,12}(?:指令|指示|规则|提示|要求|设定|限制|约束)",
            r"(?:系统|初始|原始|隐藏|内部|上述|以上|你的)(?:提示词|提示语|指令|prompt|设定|规则)",
            *_COMMANDS,
            r"(?:安全|内容|所有)?限制.{0,4}(?:已经?|被)?解除|新指令|最高指令|管理员(?:通知|指令|模式|权限)",
            r"^\s*(?:system|系统|assistant|developer)\s*[:：]",
            r"(?:文件路径|数据库连接|连接信息|环境变量|api[ _-]?key|密钥)",
            r"(?:必须|都要|一律)以“[^”]{1,20}”开头",
            r"(?:系统设置|系统配置|全部原文|原样打印|原样输出)",
        )
    ),
    re.I,
)

# Instructions planted in a document. Narrower than `_INJECTION`, so a real policy sentence
# (上述规定, 密钥管理, 跳过…环节) is never dropped.
_PLANTED = re.compile(
    "|".join(
        (
            r"(?:忽略|无视|忘记|忘掉|不要理会|绕过).{0,12}(?:指令|指示|提示|设定|限制|约束|规则)",
            r"(?:系统|初始|原始|隐藏|内部)(?:提示词|提示语|prompt)|你的(?:提示词|指令|设定)",
            *_COMMANDS,
            r"新指令|最高指令|管理员(?:通知|指令|模式|权限)|(?:安全|内容|所有)限制.{0,4}(?:已经?|被)?解除",
            r"^\s*(?:system|assistant|developer)\s*[:：]",
            r"(?:回答|回复|输出)(?:必须|都要|一律)以“[^”]{1,20}”开头",
        )
    ),
    re.I | re.M,
)


def drop_instructions(text: str) -> str:
    """A passage without the sentences that try to instruct the model (they are data, not rules)."""
    if not _PLANTED.search(text):
        return text
    for sentence in split_sentences(text):
        if _PLANTED.search(sentence):
            text = text.replace(sentence, "", 1)
    return text


def is_injection(text: str) -> bool:
    return bool(_INJECTION.search(text))


def strip_injection(question: str) -> tuple[str, bool]:
    """Drop the sentences of a question that try to change the rules; keep any real question."""
    sentences = split_sentences(question)
    kept = [s for s in sentences if not is_injection(s)]
    return "".join(kept).strip(), len(kept) != len(sentences)


def leaks_prompt(answer: str, prompt_texts: list[str], *, window: int = 24) -> bool:
    """True when the answer repeats a long run of a system prompt verbatim."""
    body = normalise_for_match(answer)
    for text in prompt_texts:
        norm = normalise_for_match(text)
        for start in range(0, max(len(norm) - window, 0) + 1, window // 2):
            if norm[start : start + window] in body:
                return True
    return False
