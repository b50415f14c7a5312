"""scripts/lint, the checkers' one set of commands (`make lint`, `make test`, pre-commit), run for
real on throwaway copies of the project's checker settings: it reports located problems and fails,
runs every checker asked for, and says what is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BARE_PATH = "/usr/bin:/bin"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The checkers' settings and script, with one small clean module of the package."""
    root = tmp_path / "repo"
    (root / "scripts" / "pmgenome").mkdir(parents=True)
    shutil.copy(REPO / "scripts" / "lint", root / "scripts")
    shutil.copy(REPO / "pyproject.toml", root)
    shutil.copy(REPO / "eslint.config.js", root)
    (root / "scripts" / "pmgenome" / "__init__.py").write_text('"""A package."""\n')
    (root / "scripts" / "pmgenome" / "shout.py").write_text(
        '"""Loud words."""\n\n\ndef shout(word: str) -> str:\n    return word.upper()\n')
    return root


def lint(root: Path, *names: str, ci: bool = False) -> subprocess.CompletedProcess[str]:
    env = {"PATH": BARE_PATH, "HOME": str(root.parent), "LANG": "C.UTF-8", "LINT_PYTHON": sys.executable}
    if ci:
        env["CI"] = "true"
    return subprocess.run([str(root / "scripts" / "lint"), *names], cwd=root, env=env, capture_output=True,
                          text=True, timeout=300)


def test_clean_code_passes_each_python_checker(project: Path) -> None:
    result = lint(project, "ruff", "mypy")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "Success: no issues found in 2 source files\n"


def test_every_checker_runs_and_each_problem_is_located(project: Path) -> None:
    (project / "scripts" / "pmgenome" / "shout.py").write_text(
        '"""Loud words."""\n\nimport os\n\n\ndef shout(word):\n    return word.upper()\n')
    result = lint(project, "ruff", "mypy")
    assert result.returncode == 1
    # ruff's problem does not stop mypy from running: both are reported.
    assert result.stdout == (
        "scripts/pmgenome/shout.py:3:8: F401 [*] `os` imported but unused\n"
        "scripts/pmgenome/shout.py:6: error: Function is missing a type annotation  [no-untyped-def]\n"
        "Found 1 error in 1 file (checked 2 source files)\n")


def test_a_type_ignore_without_a_code_is_refused(project: Path) -> None:
    (project / "scripts" / "pmgenome" / "shout.py").write_text(
        '"""Loud words."""\n\n\ndef shout(word: str) -> int:\n    return word.upper()  # type: ignore\n')
    result = lint(project, "mypy")
    assert result.returncode == 1
    assert ('scripts/pmgenome/shout.py:5: error: "type: ignore" comment without error code '
            '(consider "type: ignore[return-value]" instead)  [ignore-without-code]\n') in result.stdout


def test_a_pragma_that_silences_nothing_is_refused(project: Path) -> None:
    (project / "scripts" / "pmgenome" / "shout.py").write_text(
        '"""Loud words."""\n\n\ndef shout(word: str) -> str:\n'
        '    return word.upper()  # type: ignore[return-value]  # noqa: E501\n')
    result = lint(project, "ruff", "mypy")
    assert result.returncode == 1
    assert result.stdout == (
        "scripts/pmgenome/shout.py:5:56: RUF100 [*] Unused `noqa` directive (unused: `E501`)\n"
        'scripts/pmgenome/shout.py:5: error: Unused "type: ignore" comment  [unused-ignore]\n'
        "Found 1 error in 1 file (checked 2 source files)\n")


def test_without_eslint_installed_it_is_skipped_with_a_notice_but_ci_fails(project: Path) -> None:
    result = lint(project, "eslint")
    assert (result.returncode, result.stderr) == (0, "lint: eslint skipped: it is not installed (npm ci installs it)\n")
    result = lint(project, "eslint", ci=True)
    assert (result.returncode, result.stderr) == (1, "lint: eslint is not installed; run 'npm ci'\n")


def test_eslint_checks_the_site_scripts(project: Path) -> None:
    eslint = REPO / "node_modules" / ".bin" / "eslint"
    if not eslint.exists() or shutil.which("node", path=BARE_PATH) is None:
        if os.environ.get("CI"):
            pytest.fail("eslint is not installed in node_modules; .ci/run's `npm ci` must bring it")
        pytest.skip("eslint is not installed: npm ci")
    os.symlink(REPO / "node_modules", project / "node_modules")
    assets = project / "scripts" / "pmgenome" / "site" / "assets"
    assets.mkdir(parents=True)
    (assets / "clean.js").write_text('(function () {\n  "use strict";\n  document.title = "ok";\n})();\n')
    assert lint(project, "eslint").returncode == 0
    (assets / "leaky.js").write_text('function leaked(a) {\n  return a == 1;\n}\n')
    result = lint(project, "eslint")
    assert result.returncode == 1
    # eslint's table, its padding aside
    assert " ".join(result.stdout.split()) == (
        f"{assets / 'leaky.js'} "
        "1:1 error Unexpected function declaration in the global scope, wrap in an IIFE for a local variable, "
        "assign as global property for a global variable no-implicit-globals "
        "1:10 error 'leaked' is defined but never used no-unused-vars "
        "2:12 error Expected '===' and instead saw '==' eqeqeq "
        "✖ 3 problems (3 errors, 0 warnings)")


def test_an_unknown_checker_is_a_usage_error_before_any_runs(project: Path) -> None:
    result = lint(project, "ruff", "pylint")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "lint: unknown checker 'pylint'; choose from ruff, mypy, eslint\n"


def test_without_the_checkers_python_it_says_how_to_get_one(project: Path) -> None:
    env = {"PATH": BARE_PATH, "HOME": str(project.parent)}
    result = subprocess.run([str(project / "scripts" / "lint"), "ruff"], cwd=project, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == ("lint: no Python with the checkers at .venv/bin/python; run 'make lint' once (it "
                             "creates .venv), or set LINT_PYTHON to one that has the test extra\n")
