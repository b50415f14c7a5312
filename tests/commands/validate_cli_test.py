"""The validate and schema commands as a contributor and CI run them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pmgenome.cli import main

from tests.support.catalogs import VALID_ARTICLE, CatalogDir


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


def test_missing_catalog_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("validate", "--catalog", "nowhere", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", "pmgenome validate: catalog folder not found: nowhere (pass the folder that holds taxonomy.yaml "
               "with --catalog)\n")
    result = run_cli("validate", "--catalog", "/nonexistent", "--format", "json", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")


@pytest.mark.parametrize("command", [
    ["validate"], ["new", "https://example.org/a-page"], ["enrich"],
])
def test_a_folder_inside_the_catalog_is_a_usage_error(catalog_dir: CatalogDir, command: list[str],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    # Where a contributor works: read as a catalog it gave a "move it" per entry and a missing
    # vocabulary, and `new` wrote into catalog/articles/articles/.
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE)
    assert main([*command, "--catalog", "catalog/articles"]) == 2
    assert capsys.readouterr() == ("", f"pmgenome {command[0]}: catalog/articles is a folder inside the catalog, "
                                       "not the catalog itself: pass --catalog catalog\n")
    assert sorted(path.name for path in (catalog_dir.root / "articles").iterdir()) == ["good-pm.yaml"]


def test_from_inside_a_kind_folder_dot_is_named_as_inside_the_catalog(catalog_dir: CatalogDir,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE)
    monkeypatch.chdir(catalog_dir.root / "articles")
    assert main(["validate", "--catalog", "."]) == 2
    assert capsys.readouterr() == ("", "pmgenome validate: . is a folder inside the catalog, not the catalog itself: "
                                       "pass --catalog ..\n")


@pytest.mark.parametrize("command", [["validate"], ["enrich"], ["path", "--stage", "new", "--background", "design",
                                                                   "--company", "b2b", "--goal", "deepen"]])
def test_inside_the_catalog_the_default_folder_points_at_dot(catalog_dir: CatalogDir, monkeypatch: pytest.MonkeyPatch,
                                                             command: list[str],
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE)
    monkeypatch.chdir(catalog_dir.root)
    assert main(command) == 2
    assert capsys.readouterr() == ("", f"pmgenome {command[0]}: catalog folder not found: catalog; this folder holds "
                                       "taxonomy.yaml, so it is the catalog: pass --catalog .\n")


def test_named_files_report_only_their_own_problems(catalog_dir: CatalogDir,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    catalog_dir.write("articles/mine.yaml", VALID_ARTICLE.replace("access: free", "access: gratis"))
    catalog_dir.write("articles/theirs.yaml", VALID_ARTICLE.replace("access: free", "access: gratis")
                      .replace("https://", "https://other."))
    catalog_dir.write("articles/fine.yaml", VALID_ARTICLE.replace("https://", "https://third."))
    assert main(["validate", "--catalog", "catalog", "catalog/articles/mine.yaml"]) == 1
    assert capsys.readouterr() == (
        "catalog/articles/mine.yaml:10:9: 'gratis' is not a valid access; choose from free, signup, freemium, "
        "paywalled, paid\n",
        "1 problem in 1 file\n(the rest of the catalog has 1 problem: run without FILE to see them)\n")
    assert main(["validate", "--catalog", "catalog", "catalog/articles/fine.yaml"]) == 0
    assert capsys.readouterr() == (
        "", "1 file valid\n(the rest of the catalog has 2 problems: run without FILE to see them)\n")


@pytest.mark.parametrize(("name", "message"), [
    ("catalog/articles/nothere.yaml", "catalog/articles/nothere.yaml: no such file"),
    ("elsewhere.yaml", "elsewhere.yaml is not in the catalog folder catalog (pass the catalog that holds it with "
                       "--catalog)"),
])
def test_a_named_file_must_be_in_the_catalog(catalog_dir: CatalogDir, tmp_path: Path, name: str, message: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE)
    (tmp_path / "elsewhere.yaml").write_text(VALID_ARTICLE)
    assert main(["validate", "--catalog", "catalog", name]) == 2
    assert capsys.readouterr() == ("", f"pmgenome validate: {message}\n")


def test_a_mistyped_command_gets_a_did_you_mean(tmp_path: Path) -> None:
    result = run_cli("valdate", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "pmgenome: error: unknown command 'valdate' (did you mean 'validate'?); the commands are validate, gaps, schema, "
        "path, inspect, enrich, new, links, survey")
    assert run_cli("frobnicate", cwd=tmp_path).stderr.splitlines()[-1] == (
        "pmgenome: error: unknown command 'frobnicate'; the commands are validate, gaps, schema, path, inspect, enrich, "
        "new, links, survey")


def test_a_file_name_cannot_inject_workflow_commands(catalog_dir: CatalogDir, tmp_path: Path) -> None:
    """Issue 15, item 9: a newline in a file name or a value stays inside its own line."""
    name = "x\n::stop-commands::pwned\n::warning::gotcha.yaml"
    catalog_dir.write(f"articles/{name}", VALID_ARTICLE.replace("access: free", 'access: "free\\n::error::fake"'))
    result = run_cli("validate", "--catalog", "catalog", "--format", "github", cwd=tmp_path)
    assert result.returncode == 1
    shown = "catalog/articles/x\\x0a::stop-commands::pwned\\x0a::warning::gotcha.yaml"
    escaped, encoded = name.replace("\n", "\\x0a"), name.replace("\n", "%0A")
    in_property = "catalog/articles/x%0A%3A%3Astop-commands%3A%3Apwned%0A%3A%3Awarning%3A%3Agotcha.yaml"
    assert result.stdout.splitlines() == [
        f"{shown}:1:1: file name '{escaped}' is not a valid id: use lowercase letters, "
        "digits and single hyphens, like 'good-pm-bad-pm.yaml'",
        f"::error file={in_property},line=1,col=1,title=pmgenome id::file name '{encoded}' "
        "is not a valid id: use lowercase letters, digits and single hyphens, like 'good-pm-bad-pm.yaml'",
        f"{shown}:10:9: 'free\\x0a::error::fake' is not a valid access; choose from free, signup, freemium, paywalled, paid",
        f"::error file={in_property},line=10,col=9,title=pmgenome vocabulary::'free%0A::error::fake' is not a "
        "valid access; choose from free, signup, freemium, paywalled, paid",
    ]


def test_text_output_shows_control_sequences_as_escapes(catalog_dir: CatalogDir, tmp_path: Path) -> None:
    """Issue 15, item 14: a value cannot set the terminal's title or colours."""
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace(
        "access: free", 'access: "\\e]0;owned\\a\\e[2J\\u009b31m"'))
    result = run_cli("validate", "--catalog", "catalog", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (
        1, "catalog/articles/good-pm.yaml:10:9: '\\x1b]0;owned\\x07\\x1b[2J\\x9b31m' is not a valid access; "
           "choose from free, signup, freemium, paywalled, paid\n")
    result = run_cli("validate", "--catalog", "catalog", "--format", "github", cwd=tmp_path)
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout
    assert result.stdout.splitlines()[1].endswith(
        "::'\\x1b]0;owned\\x07\\x1b[2J\\x9b31m' is not a valid access; choose from free, signup, freemium, "
        "paywalled, paid")
    result = run_cli("validate", "--catalog", "catalog", "--format", "json", cwd=tmp_path)
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout
    assert json.loads(result.stdout)["problems"][0]["message"] == (
        "'\x1b]0;owned\x07\x1b[2J\x9b31m' is not a valid access; choose from free, signup, freemium, paywalled, paid")


def test_an_invalid_catalog_fails_even_when_the_reader_goes_away(catalog_dir: CatalogDir, tmp_path: Path) -> None:
    """Issue 15, item 18: `pmgenome validate | head -1` must not turn problems into success."""
    for number in range(300):
        catalog_dir.write(f"articles/bad-{number}.yaml", VALID_ARTICLE.replace("access: free", "access: gratis"))
    for output in ("text", "json", "github"):
        with subprocess.Popen([sys.executable, "-m", "pmgenome", "validate", "--catalog", "catalog", "--format",
                               output], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
            assert run.stdout is not None and run.stderr is not None
            run.stdout.close()  # the reader is gone before the first line
            err = run.stderr.read().decode()
            code = run.wait(timeout=60)
        assert code == 1, output
        assert "Traceback" not in err and "Exception ignored" not in err
