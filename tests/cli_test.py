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
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace("access: free", "access: gratis"))
    assert main(["validate", "--catalog", "catalog", "--format", "text"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ("catalog/articles/good-pm.yaml:10:9: 'gratis' is not a valid access; "
                            "choose from free, signup, freemium, paywalled, paid\n")
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


def test_schema_check_and_sync(catalog_dir: CatalogDir, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from pmgenome.catalog import schema as entry_schema

    schema_copy = tmp_path / "entry.schema.json"
    schema_copy.write_text(entry_schema.SCHEMA_PATH.read_text())
    monkeypatch.setattr(entry_schema, "SCHEMA_PATH", schema_copy)
    entry_schema.raw_schema.cache_clear()
    try:
        assert main(["schema", "--check", "--catalog", "catalog"]) == 0
        taxonomy = catalog_dir.root / "taxonomy.yaml"
        taxonomy.write_text(taxonomy.read_text().replace(
            "segments:\n", "segments:\n  - id: marketplaces\n    name: Marketplaces\n"
            "    description: Two-sided products.\n", 1))
        capsys.readouterr()
        catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace("[b2b, technical]", "[marketplaces]"))
        # The validator already accepts the new segment, and says the schema needs a sync.
        _, problems = __import__("pmgenome.catalog.validate", fromlist=["x"]).validate_catalog(catalog_dir.root)
        assert [str(p) for p in problems] == [
            "catalog/taxonomy.yaml:1:1: the schema's segments are out of step with this file "
            "(missing marketplaces); run `pmgenome schema --sync`"]
        assert main(["schema", "--check", "--catalog", "catalog"]) == 1
        assert capsys.readouterr().out == "segments: schema lacks ['marketplaces'], schema still has nothing\n"
        assert main(["schema", "--sync", "--catalog", "catalog"]) == 0
        assert json.loads(schema_copy.read_text())["$defs"]["segment"]["enum"] == [
            "marketplaces", "b2b", "b2c", "technical", "design"]
        assert main(["schema", "--check", "--catalog", "catalog"]) == 0
    finally:
        entry_schema.raw_schema.cache_clear()
