"""The JSON object in a model's reply, whether bare, fenced in ```json, or after some prose."""

from __future__ import annotations

import json
import re

_OBJECT = re.compile(r"\{.*\}", re.S)


class NoJSONObject(ValueError):
    """The reply holds no parseable JSON object."""


def json_object(text: str | None) -> dict:
    """The outermost {...} of the reply, parsed; raises `NoJSONObject`."""
    match = _OBJECT.search(text or "")
    if not match:
        raise NoJSONObject("no JSON object in the reply")
    try:
        value = json.loads(match.group())
    except json.JSONDecodeError as exc:
        raise NoJSONObject(f"invalid JSON: {exc}") from exc
    if not isinstance(value, dict):
        raise NoJSONObject("the JSON is not an object")
    return value
