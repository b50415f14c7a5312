"""The package's shape: layers by folder, no import cycles between modules, small modules, few modules at the top."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "scripts" / "pmgenome"
MAX_LINES = 450
MAX_TOP_MODULES = 6
# Lowest first. A module imports only from its own layer or lower ones; the folders of one layer
# (links, enrich, plan) may use each other. A name is a folder of the package or a module at its top;
# "pmgenome" is the package's own __init__ (its version), which any layer may read.
LAYERS = (("pmgenome", "text"), ("urls",), ("stores",), ("net",), ("catalog",), ("links", "enrich", "plan"),
          ("site",), ("commands",), ("cli", "__main__"))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST) -> list[tuple[str, list[str]]]:
    """(module, names) for every import at any depth, inside functions too, but not under TYPE_CHECKING."""
    found: list[tuple[str, list[str]]] = []
    pending = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.If) and _type_checking_only(node):
            pending.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [alias.name for alias in node.names]))
        pending.extend(ast.iter_child_nodes(node))
    return found


def dependencies(name: str) -> set[str]:
    """The package's modules that `name` imports: `from a.b import c` counts a.b.c when c is a module."""
    deps = set()
    for module, names in _imports(ast.parse(MODULES[name].read_text(encoding="utf-8"))):
        if not module.startswith("pmgenome"):
            continue
        submodules = [f"{module}.{item}" for item in names if f"{module}.{item}" in MODULES]
        deps.update(submodules or [module])
        if submodules and len(submodules) < len(names):
            deps.add(module)  # some names come from the package's __init__ itself
    deps.discard(name)
    return {dep for dep in deps if dep in MODULES}


def cycles() -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan's algorithm)."""
    graph = {name: dependencies(name) for name in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return groups


def layer_of(module: str) -> str:
    """The layer name of a module: its folder under pmgenome, or itself when at the top."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def back_arrows(graph: dict[str, set[str]], layers: tuple[tuple[str, ...], ...] = LAYERS) -> list[str]:
    """Every import that reaches a higher layer than its module's, as 'a -> b (low -> high)'."""
    rank = {name: index for index, group in enumerate(layers) for name in group}
    found = []
    for module in sorted(graph):
        for target in sorted(graph[module]):
            source_layer, target_layer = layer_of(module), layer_of(target)
            if rank[target_layer] > rank[source_layer]:
                found.append(f"{module} -> {target} ({source_layer} may not import {target_layer})")
    return found


def test_every_folder_and_top_module_has_a_layer() -> None:
    named = {name for group in LAYERS for name in group}
    assert sorted({layer_of(module) for module in MODULES} - named) == []


def test_no_module_imports_from_a_higher_layer() -> None:
    assert back_arrows({name: dependencies(name) for name in MODULES}) == []


def test_a_planted_back_arrow_is_named() -> None:
    graph = {"pmgenome.stores.lock": {"pmgenome.catalog.files", "pmgenome.text.paths"},
             "pmgenome.links.run": {"pmgenome.enrich.store", "pmgenome.catalog.hosts"},
             "pmgenome.catalog.validate": {"pmgenome.links.exclusions"}}
    assert back_arrows(graph) == [
        "pmgenome.catalog.validate -> pmgenome.links.exclusions (catalog may not import links)",
        "pmgenome.stores.lock -> pmgenome.catalog.files (stores may not import catalog)",
    ]


def test_no_import_cycles() -> None:
    assert cycles() == []


def test_the_cycle_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    tree = ast.parse("def f():\n    from pmgenome.a import b\nif TYPE_CHECKING:\n    from pmgenome.c import d\n")
    assert _imports(tree) == [("pmgenome.a", ["b"])]


def test_modules_stay_small() -> None:
    long = {name: n for name, path in MODULES.items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_few_modules_at_the_top_and_the_rest_in_folders_by_concern() -> None:
    top = sorted(name for name, path in MODULES.items() if name.count(".") == 1 and path.name != "__init__.py")
    assert len(top) <= MAX_TOP_MODULES, top
    packages = sorted(name for name, path in MODULES.items() if path.name == "__init__.py" and name != "pmgenome")
    assert len(packages) >= 5, packages
