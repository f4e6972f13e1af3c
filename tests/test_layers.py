"""The package's shape: imports run one way through the stages, no cycles, small modules.

    text ← corpus ← index ← search ← answer ← plans ← app ← evals ← surfaces

`config`, `schema`, `tuning` and `labels` are the base every stage may use; `llm` (the only
client of an endpoint) may be used from any stage and uses only the base. Imports inside
functions count like any other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "assistant"
STAGES = ("text", "corpus", "index", "search", "answer", "plans", "app", "evals", "surfaces")
BASE = {"config", "schema", "tuning", "labels", "data"}
SIDE = "llm"
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute module an import names (relative imports resolved against `module`)."""
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(root: Path) -> dict[str, set[str]]:
    """Every module of the package under `root` → the package modules it imports anywhere."""
    files = {module_name(p, root): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        targets: set[str] = set()
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                source = _resolve(name, is_package, node)
                for alias in node.names:  # `from . import lexicon` names a module
                    child = f"{source}.{alias.name}"
                    targets.add(child if child in files else source)
        graph[name] = {t for t in targets if t in files and t != name}
    return graph


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] == "__main__":
        return "package"  # the package's own entry points may use anything
    return "base" if parts[1] in BASE else parts[1]


def allowed(source: str, target: str) -> bool:
    src, dst = layer(source), layer(target)
    if src == "package" or dst == "base":
        return True
    if src == "base":
        return False
    if dst == SIDE:
        return True
    if src == SIDE:
        return False
    return STAGES.index(dst) <= STAGES.index(src)


def violations(root: Path) -> list[str]:
    graph = imports(root)
    return sorted(
        f"{source} → {target}"
        for source, targets in graph.items()
        for target in targets
        if target.split(".")[0] == root.name and not allowed(source, target)
    )


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_import_runs_down_the_stages():
    assert violations(PACKAGE) == []


def test_no_module_imports_itself_round_a_cycle():
    internal = {k: v for k, v in imports(PACKAGE).items() if layer(k) != "package"}
    assert cycles(internal) == []


def test_every_module_belongs_to_a_stage_or_the_base():
    for module in imports(PACKAGE):
        assert layer(module) in (*STAGES, "base", SIDE, "package"), module


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "assistant"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (  # a back-import inside a function is caught like one at the top
            {
                "text/clean.py": "def f():\n    from ..answer import verify\n",
                "answer/verify.py": "from ..text import clean\n",
            },
            ["assistant.text.clean → assistant.answer.verify"],
        ),
        (  # llm may be used from any stage, but uses only the base itself
            {
                "llm/client.py": "from ..search.retrieve import x\n",
                "search/retrieve.py": "from ..llm import client\nfrom ..config import S\n",
                "config.py": "",
            },
            ["assistant.llm.client → assistant.search.retrieve"],
        ),
        (  # the base imports nothing above it
            {"schema.py": "import assistant.index.state\n", "index/state.py": ""},
            ["assistant.schema → assistant.index.state"],
        ),
    ],
)
def test_the_checker_catches_back_imports(tmp_path, files, expected):
    assert violations(_package(tmp_path, files)) == expected


def test_the_checker_catches_a_cycle_within_a_stage(tmp_path):
    root = _package(
        tmp_path,
        {"corpus/a.py": "from .b import x\n", "corpus/b.py": "def f():\n    from . import a\n"},
    )
    assert violations(root) == []
    assert cycles(imports(root)) == [["assistant.corpus.a", "assistant.corpus.b"]]


def test_modules_and_functions_stay_small():
    too_long = []
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text("utf-8")
        lines = text.count("\n") + 1
        if lines > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(PACKAGE)}: {lines} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = node.end_lineno - node.lineno + 1  # type: ignore[operator]
                if size > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(PACKAGE)}:{node.name}: {size} lines")
    assert too_long == []


SEED_WORDS = (
    "中关村",
    "雄安",
    "秦创原",
    "台积电",
    "学刊",
    "述评",
    "又如",
    "我省",
    "兴辽英才",
    "周末工程师",
)


def test_no_words_of_the_bundled_texts_in_code():
    """Place, outlet and programme names live in data files with their meaning, not in code."""
    found = [
        f"{path.relative_to(PACKAGE)}: {word}"
        for path in PACKAGE.rglob("*.py")
        for word in SEED_WORDS
        if word in path.read_text("utf-8")
    ]
    assert found == []
