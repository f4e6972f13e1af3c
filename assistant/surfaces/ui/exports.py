"""Files the UI offers for download: one fresh folder per export, kept for a day."""

from __future__ import annotations

import secrets
import time
from pathlib import Path

KEPT_SECONDS = 24 * 3600


class Exports:
    def __init__(self, root: Path) -> None:
        self.root = root

    def folder(self) -> Path:
        """A new folder under an unguessable name, after dropping exports older than a day."""
        self.root.mkdir(parents=True, exist_ok=True)
        cutoff = time.time() - KEPT_SECONDS
        for path in self.root.glob("*/*"):
            if path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                if not any(path.parent.iterdir()):
                    path.parent.rmdir()
        folder = self.root / secrets.token_hex(8)
        folder.mkdir()
        return folder
