"""`assistant serve` as a real process on a loopback port, optionally under the network guard."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from conftest import free_port

GUARD = Path(__file__).resolve().parent / "netguard"


def guarded_env(env: dict[str, str], log: Path, allow: list[tuple[str, int]]) -> dict[str, str]:
    """`env` with the network guard on: only `allow` ([host, port]) may be reached."""
    return dict(
        env,
        PYTHONPATH=os.pathsep.join([str(GUARD), env.get("PYTHONPATH", "")]),
        NETGUARD_LOG=str(log),
        NETGUARD_ALLOW=json.dumps(allow),
    )


def violations(log: Path) -> list[str]:
    if not log.exists():
        return []
    return [json.loads(line)["attempt"] for line in log.read_text("utf-8").splitlines()]


class Served:
    """Start with `Served(env, cwd)`; `url`, `stderr()`, `rss_kb()`, `stop()`."""

    def __init__(self, env: dict[str, str], cwd: Path, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "assistant", "serve", "--port", str(self.port)],
            cwd=cwd,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.monotonic() + 180
        while not any("已启动" in line for line in self.lines):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("assistant serve did not start:\n" + self.stderr())
            time.sleep(0.1)

    def _read(self) -> None:
        for line in self.process.stderr:  # type: ignore[union-attr]
            self.lines.append(line)

    def stderr(self) -> str:
        return "".join(self.lines)

    def rss_kb(self) -> int:
        """Resident memory of the server process (VmRSS), in kB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(
            next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1]
        )

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.stderr()
