"""The plan package's shape: small modules, and no import cycle through them (imports inside
functions count; those under TYPE_CHECKING do not)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "scripts" / "pmgenome"
MAX_LINES = 450


def _module(path: Path) -> str:
    return ".".join(("pmgenome", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")


def _imports(path: Path, modules: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            node.body = []
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found |= {f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in modules else node.module
                      for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found & modules


def _graph() -> dict[str, set[str]]:
    paths = {_module(path): path for path in PACKAGE.rglob("*.py")}
    return {name: _imports(path, set(paths)) - {name} for name, path in paths.items()}


def _cycle_through(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    """A shortest import chain from `start` back to itself, or None."""
    paths = {start: [start]}
    queue = [start]
    while queue:
        current = queue.pop(0)
        for following in sorted(graph[current]):
            if following == start:
                return paths[current] + [start]
            if following not in paths:
                paths[following] = paths[current] + [following]
                queue.append(following)
    return None


def test_no_import_cycle_runs_through_the_plan_modules():
    graph = _graph()
    mine = sorted(name for name in graph if name.startswith("pmgenome.plan") or name in (
        "pmgenome.site.plan_page", "pmgenome.commands.path"))
    assert len(mine) >= 8
    assert {name: _cycle_through(name, graph) for name in mine} == {name: None for name in mine}


def test_the_check_finds_a_cycle_when_there_is_one():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycle_through("a", graph) == ["a", "b", "c", "a"]
    assert _cycle_through("d", graph) is None


def test_no_plan_module_is_over_450_lines():
    lengths = {path.name: len(path.read_text(encoding="utf-8").splitlines())
               for path in (PACKAGE / "plan").glob("*.py")}
    assert {name: count for name, count in lengths.items() if count > MAX_LINES} == {}
