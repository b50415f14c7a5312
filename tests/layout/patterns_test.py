"""Issue 23, item 7: no regular expression in the package ends with a bare `$`, which in Python also
matches before a final newline ('en\\n' passed as a language tag, '0321125215\\n' as an ISBN). The end
of the text is `\\Z` (or the pattern is used with fullmatch); `$` stays only where the pattern is
multi-line on purpose."""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Iterator
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

PACKAGE = Path(__file__).resolve().parents[2] / "scripts" / "pmgenome"
RE_FUNCTIONS = frozenset({"compile", "match", "search", "fullmatch", "sub", "subn", "split", "findall", "finditer"})


def _ends_with_bare_dollar(items: object, multiline: bool) -> bool:
    """Whether a parsed pattern holds `$` outside multi-line mode, at any depth."""
    for op, arg in items:  # type: ignore[attr-defined]
        if op is sre_constants.AT and arg is sre_constants.AT_END and not multiline:
            return True
        if op is sre_constants.SUBPATTERN:
            add_flags = arg[1]
            if _ends_with_bare_dollar(arg[3], multiline or bool(add_flags & re.MULTILINE)):
                return True
        elif op is sre_constants.BRANCH:
            if any(_ends_with_bare_dollar(branch, multiline) for branch in arg[1]):
                return True
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
            if _ends_with_bare_dollar(arg[2], multiline):
                return True
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            if _ends_with_bare_dollar(arg[1], multiline):
                return True
        elif op is sre_constants.ATOMIC_GROUP:
            if _ends_with_bare_dollar(arg, multiline):
                return True
        elif op is sre_constants.GROUPREF_EXISTS and any(
                branch is not None and _ends_with_bare_dollar(branch, multiline) for branch in arg[1:]):
            return True
    return False


def bare_dollar(pattern: str | bytes, flags: int = 0) -> bool:
    parsed = sre_parse.parse(pattern, flags)
    return _ends_with_bare_dollar(parsed, bool(parsed.state.flags & re.MULTILINE))


def _module_patterns(value: object, depth: int = 0) -> Iterator[re.Pattern]:
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 3 and isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _module_patterns(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _module_patterns(item, depth + 1)


def compiled_offenders() -> list[str]:
    """Patterns compiled at import time (module constants, tables of them) that end with a bare `$`."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "__main__.py":
            continue  # importing it runs the command line
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            for pattern in _module_patterns(value):
                if bare_dollar(pattern.pattern, pattern.flags):
                    found.append(f"{name}.{attribute}: {pattern.pattern!r}")
    return sorted(set(found))


def inline_offenders() -> list[str]:
    """Patterns written straight into a call (`re.sub(r"...$", ...)`) that end with a bare `$`."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.func.attr in RE_FUNCTIONS and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, (str, bytes))):
                continue
            multiline = "MULTILINE" in ast.unparse(node) or "re.M" in ast.unparse(node)
            if bare_dollar(node.args[0].value, re.MULTILINE if multiline else 0):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.args[0].value!r}")
    return found


def test_the_check_sees_a_bare_dollar_and_nothing_else() -> None:
    assert bare_dollar(r"^[a-z]{2}$") and bare_dollar(r"(?:a|b$)") and bare_dollar(r"x(?=$)")
    assert not bare_dollar(r"^[a-z]{2}\Z") and not bare_dollar(r"[$]") and not bare_dollar(r"\$")
    assert not bare_dollar(r"^\s*//.*$", re.MULTILINE) and not bare_dollar(r"(?m)a$")


def test_no_pattern_compiled_by_the_package_ends_with_a_bare_dollar() -> None:
    assert compiled_offenders() == []


def test_no_pattern_written_into_a_call_ends_with_a_bare_dollar() -> None:
    assert inline_offenders() == []
