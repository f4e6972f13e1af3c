"""Token counting in tiktoken's cl100k_base, which sizes the chunks — with no download.

The encoding's ranks file ships with the package (`data/encodings/cl100k_base.tiktoken`, MIT,
from tiktoken) and is checked against the sha256 tiktoken itself expects before it is used, so
a first `assistant ask` works on a machine that never saw the internet. A user's own tiktoken
cache (`TIKTOKEN_CACHE_DIR` holding the file) wins, under the same check. Token counts are
tiktoken's: the same ranks, pattern and special tokens, encoded by tiktoken's own `Encoding`.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

ENCODING = "cl100k_base"
# tiktoken caches each encoding file under the sha1 of its download URL.
ENCODING_CACHE_KEY = "9b5ad71b2ce5302211f9c61530b329a4922fc6a4"
SHA256 = "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"
BUNDLED = Path(__file__).resolve().parent.parent / "data" / "encodings" / f"{ENCODING}.tiktoken"
# cl100k_base's split pattern and special tokens, as in tiktoken_ext/openai_public.py
_PATTERN = (
    r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+"""
    r"""|\s++$|\s*[\r\n]|\s+(?!\S)|\s"""
)
_SPECIAL = {
    "<|endoftext|>": 100257,
    "<|fim_prefix|>": 100258,
    "<|fim_middle|>": 100259,
    "<|fim_suffix|>": 100260,
    "<|endofprompt|>": 100276,
}


class EncodingUnavailable(RuntimeError):
    """The cl100k_base ranks file is missing or fails its hash check."""


def encoding_file(cache_dir: Path | None) -> Path:
    """The ranks file to use: the user's tiktoken cache when it holds one, else the bundled."""
    if cache_dir is not None and (cache_dir / ENCODING_CACHE_KEY).is_file():
        return cache_dir / ENCODING_CACHE_KEY
    return BUNDLED


def load_encoding(cache_dir: Path | None = None) -> Callable[[str], int]:
    """A token counter for cl100k_base; `EncodingUnavailable` (in Chinese) if the file is
    missing or is not the file tiktoken expects."""
    encoding = _encoding(encoding_file(cache_dir))
    return lambda text: len(encoding.encode(text, disallowed_special=()))


@cache
def _encoding(path: Path):
    import tiktoken

    try:
        contents = path.read_bytes()
    except OSError as exc:
        raise EncodingUnavailable(
            f"无法加载 tiktoken 编码 {ENCODING}：找不到编码文件 {path}（{exc.strerror}）。"
            "请重新安装本程序，或把 TIKTOKEN_CACHE_DIR 设为存有该文件的文件夹。"
        ) from None
    if hashlib.sha256(contents).hexdigest() != SHA256:
        raise EncodingUnavailable(
            f"无法加载 tiktoken 编码 {ENCODING}：编码文件 {path} 未通过 sha256 校验"
            f"（应为 {SHA256[:8]}…{SHA256[-4:]}），文件已损坏或不是 {ENCODING}。"
            "请删除该文件（或重新安装本程序）后重试。"
        )
    ranks = {
        base64.b64decode(token): int(rank)
        for token, rank in (line.split() for line in contents.splitlines() if line)
    }
    return tiktoken.Encoding(
        name=ENCODING, pat_str=_PATTERN, mergeable_ranks=ranks, special_tokens=_SPECIAL
    )
