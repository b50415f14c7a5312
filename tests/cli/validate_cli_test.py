"""The validate and schema commands as a contributor and CI run them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pmgenome.cli import main

from tests.conftest import VALID_ARTICLE, CatalogDir


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None
            ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pmgenome", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=60)


def test_valid_catalog_exits_0(catalog_dir: CatalogDir, capsys: pytest.CaptureFixture[str]) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE)
    assert main(["validate", "--catalog", "catalog"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "catalog is valid: 1 entries\n"


def test_problems_exit_1_one_per_line(catalog_dir: CatalogDir, capsys: pytest.CaptureFixture[str]) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace("cost: free", "cost: gratis"))
    assert main(["validate", "--catalog", "catalog", "--format", "text"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ("catalog/articles/good-pm.yaml:10:7: 'gratis' is not a valid cost; "
                            "choose from free, freemium, paid\n")
    assert captured.err == "1 problem in 1 file\n"


def test_json_format(catalog_dir: CatalogDir, capsys: pytest.CaptureFixture[str]) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace("levels: [new]", "levels: [novice]"))
    assert main(["validate", "--catalog", "catalog", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report == {"count": 1, "problems": [{
        "path": "catalog/articles/good-pm.yaml", "line": 9, "col": 10, "rule": "vocabulary",
        "message": "'novice' is not a level in catalog/taxonomy.yaml; choose from aspiring, new, experienced, leader"}]}


def test_github_annotations_by_default_in_actions(catalog_dir: CatalogDir, tmp_path: Path) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace("title: Good", "title: 'Good, <b>really</b>:"
                                                                      " 100%'\nx_title: Good"))
    import os
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    result = run_cli("validate", "--catalog", "catalog", env=env, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "catalog/articles/good-pm.yaml:2:8: 'title' contains HTML (<b>); write plain text",
        "::error file=catalog/articles/good-pm.yaml,line=2,col=8,title=pmgenome plain-text::"
        "'title' contains HTML (<b>); write plain text",
        "catalog/articles/good-pm.yaml:3:1: unknown field 'x_title' for an article (did you mean 'title'?)",
        "::error file=catalog/articles/good-pm.yaml,line=3,col=1,title=pmgenome unknown-field::"
        "unknown field 'x_title' for an article (did you mean 'title'?)",
    ]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    result = run_cli("validate", "--format", "xml", cwd=tmp_path)
    assert result.returncode == 2
    assert "invalid choice: 'xml'" in result.stderr
    assert "Traceback" not in result.stderr
    assert run_cli("no-such-command", cwd=tmp_path).returncode == 2


def test_missing_catalog_folder_is_a_located_problem(tmp_path: Path) -> None:
    result = run_cli("validate", "--catalog", "nowhere", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == "nowhere:1:1: catalog folder not found\n"
    assert "Traceback" not in result.stderr
