"""Load `prompts/*.md` strictly and version each by content hash.

A prompt file has a `# system` section and a `# user` section, each a Jinja template rendered
with `StrictUndefined`: a missing variable is an error, never an empty string. It may also have a
`# sections` section (plain data, e.g. the plan templates' YAML), kept in `Prompt.extra`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2
from jinja2 import meta

_SECTION = re.compile(r"^# (system|user|sections)\s*$", re.M)
_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False)


class PromptError(ValueError):
    """A prompt file is missing, malformed, or rendered with the wrong variables."""


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    system: str
    user: str
    extra: tuple[tuple[str, str], ...] = ()

    def section(self, name: str) -> str:
        """An extra section's text, e.g. `section("sections")`."""
        found = dict(self.extra)
        if name not in found:
            raise PromptError(f"prompt {self.name}: no '# {name}' section")
        return found[name]

    def variables(self) -> set[str]:
        return set().union(
            *(meta.find_undeclared_variables(_ENV.parse(t)) for t in (self.system, self.user))
        )

    def render(self, **variables: object) -> list[tuple[str, str]]:
        """Return `[("system", …), ("user", …)]` messages; unknown or missing variables fail."""
        expected = self.variables()
        if missing := expected - variables.keys():
            raise PromptError(f"prompt {self.name}: missing variables {sorted(missing)}")
        if extra := variables.keys() - expected:
            raise PromptError(f"prompt {self.name}: unexpected variables {sorted(extra)}")
        try:
            return [
                ("system", _ENV.from_string(self.system).render(**variables).strip()),
                ("user", _ENV.from_string(self.user).render(**variables).strip()),
            ]
        except jinja2.UndefinedError as exc:
            raise PromptError(f"prompt {self.name}: {exc}") from exc


@cache
def load_prompt(folder: Path, name: str) -> Prompt:
    path = folder / f"{name}.md"
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError as exc:
        raise PromptError(f"prompt file not found: {path}") from exc
    parts = _SECTION.split(text)
    names = parts[1::2]
    sections = dict(zip(names, parts[2::2], strict=True))
    if len(names) != len(sections) or not {"system", "user"} <= set(sections):
        raise PromptError(f"{path}: needs exactly one '# system' and one '# user' section")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    extra = tuple((k, v.strip()) for k, v in sections.items() if k not in ("system", "user"))
    return Prompt(
        name, f"{name}@{digest}", sections["system"].strip(), sections["user"].strip(), extra
    )


def prompts_version(folder: Path) -> str:
    """One hash over every prompt file: it changes whenever any prompt does."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.md")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]
