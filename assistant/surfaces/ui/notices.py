"""Error messages the UI shows in a toast: Chinese, titled in Chinese, no traceback logged."""

from __future__ import annotations

import gradio as gr


def user_error(message: str) -> gr.Error:
    """A mistake of the user's, said in Chinese (Gradio's own title would be “Error”)."""
    return gr.Error(message, title="出错了", print_exception=False)


def guarded(team, request: gr.Request | None, action: str, target: str, work):
    """Do `work` if the session's user may do `action` (checked here, on the server, for every
    call — a hidden button is not a permission); the attempt goes into the audit log."""
    from ..accounts import PermissionDenied
    from ..audit import perform

    who = team.who(getattr(request, "username", None))
    try:
        return perform(team.home, who, action, target, "ui", work)
    except PermissionDenied as exc:
        raise user_error(str(exc)) from None
