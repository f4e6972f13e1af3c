"""Token counting in tiktoken's cl100k_base, which sizes the chunks."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

ENCODING = "cl100k_base"
# tiktoken caches each encoding file under the sha1 of its download URL.
ENCODING_CACHE_KEY = "9b5ad71b2ce5302211f9c61530b329a4922fc6a4"
_DOWNLOAD_TIMEOUT_S = 15.0


class EncodingUnavailable(RuntimeError):
    """tiktoken's cl100k_base could not be loaded (no cache file and no internet)."""


def load_encoding(cache_dir: Path) -> Callable[[str], int]:
    """Return a token counter for cl100k_base; fail fast with a clear message offline."""
    import tiktoken

    cached = (cache_dir / ENCODING_CACHE_KEY).exists()
    result: dict[str, object] = {}

    def load() -> None:
        try:
            result["encoding"] = tiktoken.get_encoding(ENCODING)
        except Exception as exc:  # network errors come in many types
            result["error"] = exc

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(None if cached else _DOWNLOAD_TIMEOUT_S)
    if "encoding" not in result:
        raise EncodingUnavailable(
            f"无法加载 tiktoken 编码 {ENCODING}：缓存目录 {cache_dir} 中没有编码文件 "
            f"{ENCODING_CACHE_KEY}，且无法下载（{result.get('error', '超时')}）。"
            "离线环境请设置 TIKTOKEN_CACHE_DIR 为存有该文件的文件夹的绝对路径。"
        )
    encoding = result["encoding"]
    return lambda text: len(encoding.encode(text, disallowed_special=()))  # type: ignore[attr-defined]
