"""What the page loads besides the Gradio app: the citation popover script and the styles."""

from __future__ import annotations

import json
from importlib import resources


def _asset(name: str) -> str:
    return resources.files("assistant.data").joinpath("ui", name).read_text("utf-8")


def head() -> str:
    """The script behind the citation popover and 复制回答, for the page's <head>."""
    return f"<script>{_asset('ui.js')}</script>"


def css() -> str:
    return _asset("ui.css")


def interface_translations() -> dict[str, dict[str, str]]:
    """Gradio's own interface text (upload box, error toasts, tables …) in Chinese, whatever
    language the browser asks for (`data/ui/gradio_zh.json`, from Gradio's own zh-CN strings)."""
    chinese = json.loads(_asset("gradio_zh.json"))
    return {"en": chinese, "zh-CN": chinese}
