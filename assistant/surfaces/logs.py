"""Logging for the CLI and the web UI: one level setting, secrets scrubbed from every record.

Log lines carry what happened (counts, timings, error kinds), never document text or answers;
the API key and login passwords are replaced by `***` even if a server echoes them back.
"""

from __future__ import annotations

import logging
import sys

from ..config import Settings
from .auth import passwords

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class Redact(logging.Filter):
    """Replaces each secret in a record's message (and arguments) with `***`."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if len(s) >= 4}, key=len, reverse=True)

    def scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            record.msg = self.scrub(record.getMessage())
            record.args = None
            if record.exc_info and not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            if record.exc_text:
                record.exc_text = self.scrub(record.exc_text)
        return True


def secrets_of(settings: Settings) -> list[str]:
    secrets = []
    if settings.openai_api_key:
        secrets.append(settings.openai_api_key.get_secret_value())
    if settings.auth:
        secrets += passwords(settings.auth.get_secret_value())
    return secrets


def configure(settings: Settings) -> None:
    """Log to stderr at `ASSISTANT_LOG_LEVEL` (default WARNING), secrets redacted."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT, "%H:%M:%S"))
    handler.setLevel(settings.log_level)
    handler.addFilter(Redact(secrets_of(settings)))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(settings.log_level)
