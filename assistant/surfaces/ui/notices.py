"""Error messages the UI shows in a toast: Chinese, titled in Chinese, no traceback logged."""

from __future__ import annotations

import gradio as gr


def user_error(message: str) -> gr.Error:
    """A mistake of the user's, said in Chinese (Gradio's own title would be “Error”)."""
    return gr.Error(message, title="出错了", print_exception=False)
