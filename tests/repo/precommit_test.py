"""The pre-commit hook, run for real: `pre-commit install` in a throwaway git repository, then
`git commit` from a shell whose PATH holds nothing of the project (no activated venv)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.catalogs import VALID_ARTICLE

REPO = Path(__file__).resolve().parents[2]
PRE_COMMIT = REPO / ".venv" / "bin" / "pre-commit"
BARE_PATH = "/usr/bin:/bin"


def _git() -> str:
    found = shutil.which("git", path=BARE_PATH)
    if found is None:
        pytest.skip("git is not in /usr/bin or /bin")
    return found


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's hook setup with a one-entry catalog, as a fresh git repository."""
    if not PRE_COMMIT.exists():
        if os.environ.get("CI"):
            pytest.fail("pre-commit is not installed in .venv; the test extra must bring it")
        pytest.skip("pre-commit is not installed in .venv: pip install -e '.[test]'")
    root = tmp_path / "repo"
    (root / "scripts").mkdir(parents=True)
    shutil.copy(REPO / ".pre-commit-config.yaml", root)
    shutil.copy(REPO / "scripts" / "pre-commit-validate", root / "scripts")
    (root / "catalog" / "articles").mkdir(parents=True)
    shutil.copy(REPO / "catalog" / "taxonomy.yaml", root / "catalog")
    (root / "catalog" / "articles" / "good-pm.yaml").write_text(VALID_ARTICLE)
    git(root, "init", "-q")
    result = subprocess.run([str(PRE_COMMIT), "install"], cwd=root, env=_env(tmp_path), capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return root


def _env(tmp_path: Path) -> dict[str, str]:
    return {"PATH": BARE_PATH, "HOME": str(tmp_path), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "test@example.org", "LANG": "C.UTF-8"}


def git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_git(), *args], cwd=root, env=_env(root.parent), capture_output=True, text=True,
                          timeout=300)


def commit_all(root: Path) -> subprocess.CompletedProcess[str]:
    git(root, "add", "-A")
    return git(root, "commit", "-q", "-m", "change the catalog")


def test_the_hook_validates_from_a_bare_path_with_the_projects_venv(project: Path) -> None:
    os.symlink(REPO / ".venv", project / ".venv")  # what `make validate` leaves in a checkout
    (project / ".gitignore").write_text(".venv\n")
    assert commit_all(project).returncode == 0
    (project / "catalog" / "articles" / "good-pm.yaml").write_text(VALID_ARTICLE.replace("access: free", "access: gratis"))
    result = commit_all(project)
    assert result.returncode == 1
    assert "catalog/articles/good-pm.yaml:10:9: 'gratis' is not a valid access; choose from free, signup, freemium, paywalled, paid\n" \
        in result.stderr
    assert git(project, "log", "--format=%s").stdout == "change the catalog\n"  # only the first commit


def test_without_a_venv_the_hook_says_how_to_get_one(project: Path) -> None:
    result = commit_all(project)
    assert result.returncode == 1
    assert (f"pmgenome-validate: no pmgenome command found; run 'make validate' once in {project} (it creates "
            ".venv), or set PMGENOME to the command's path") in result.stderr
    assert "Executable `pmgenome` not found" not in result.stderr + result.stdout


def test_the_checker_hooks_refuse_a_commit_with_a_lint_problem(project: Path) -> None:
    os.symlink(REPO / ".venv", project / ".venv")
    (project / ".gitignore").write_text(".venv\n")
    shutil.copy(REPO / "scripts" / "lint", project / "scripts")
    shutil.copy(REPO / "pyproject.toml", project)
    (project / "scripts" / "pmgenome").mkdir()
    (project / "scripts" / "pmgenome" / "__init__.py").write_text('"""The package mypy checks."""\n')
    assert commit_all(project).returncode == 0
    (project / "tool.py").write_text('"""A tool."""\n\nimport os\n')
    result = commit_all(project)
    assert result.returncode == 1
    assert "tool.py:3:8: F401 [*] `os` imported but unused\n" in result.stderr
    assert git(project, "log", "--format=%s").stdout == "change the catalog\n"  # only the first commit
    (project / "tool.py").write_text('"""A tool."""\n')
    assert commit_all(project).returncode == 0
