"""The weekly link workflow's own logic, run as GitHub runs it (bash -e) with a fake `gh`:
results kept on the link-status branch and restored, and the issue opened, kept or closed."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from pmgenome.links.results import save_results
from pmgenome.links.verdict import LinkResult, Verdict

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = yaml.safe_load((REPO / ".github" / "workflows" / "links.yml").read_text())
STEPS = {step.get("name"): step for step in WORKFLOW["jobs"]["check"]["steps"]}
FAKE_GH = """#!/bin/sh
echo "gh $*" >> "$GH_LOG"
if [ "$1 $2" = "issue list" ]; then echo "$OPEN_ISSUE"; fi
"""


def _step(name: str, folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    script = folder / "step.sh"
    script.write_text(STEPS[name]["run"])
    output = folder / "github-output"
    output.touch()
    full = {**os.environ, **WORKFLOW["env"], **{k: str(v) for k, v in STEPS[name].get("env", {}).items()},
            "GITHUB_OUTPUT": str(output), "RUNNER_TEMP": str(folder), **env}
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=folder / "work",
                          env=full, capture_output=True, text=True, timeout=60)


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A clone of a repository whose origin is a local bare one, as actions/checkout leaves it."""
    def git(*args: str, cwd: Path = tmp_path) -> None:
        subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)

    git("init", "-q", "--bare", "origin.git")
    git("init", "-q", "-b", "main", "work")
    work = tmp_path / "work"
    (work / "README.md").write_text("catalog\n")
    git("add", "README.md", cwd=work)
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "start", cwd=work)
    git("remote", "add", "origin", str(tmp_path / "origin.git"), cwd=work)
    git("push", "-q", "origin", "main", cwd=work)
    return tmp_path


def test_the_results_survive_on_their_branch_and_come_back(checkout: Path) -> None:
    work = checkout / "work"
    restored = _step("Restore the results of earlier runs", checkout, {})
    assert restored.returncode == 0, restored.stderr
    assert "::warning title=No link memory::the link-status branch has no results yet" in restored.stdout
    assert (checkout / "github-output").read_text() == "state=lost\n"

    memory = {"version": 1, "results": {"https://a.org/x": {"verdict": "broken", "failures": 1}}}
    (work / ".cache/pmgenome").mkdir(parents=True, exist_ok=True)
    (work / ".cache/pmgenome/links.json").write_text(json.dumps(memory))
    (work / ".cache/pmgenome/link-status.json").write_text('{"version": 1, "results": {}}')
    saved = _step("Keep the results on the link-status branch", checkout, {})
    assert saved.returncode == 0, saved.stderr

    for name in ("links.json", "link-status.json"):
        (work / ".cache/pmgenome" / name).unlink()
    (checkout / "github-output").write_text("")
    again = _step("Restore the results of earlier runs", checkout, {})
    assert again.returncode == 0, again.stderr
    assert (checkout / "github-output").read_text() == "state=kept\n"
    assert json.loads((work / ".cache/pmgenome/links.json").read_text()) == memory
    log = subprocess.run(["git", "log", "--format=%s", "link-status"], cwd=checkout / "origin.git",
                         capture_output=True, text=True, check=True).stdout
    assert log.startswith("Link status of ") and log.count("\n") == 1
    assert subprocess.run(["git", "status", "--porcelain"], cwd=work, capture_output=True, text=True).stdout == (
        "?? .cache/\n")  # the working tree's index was not touched


def _results(entries: dict) -> list[LinkResult]:
    return [LinkResult(url=f"https://{name}.example/page", verdict=Verdict(state["verdict"]), status=None, error=None,
                       final_url=None, redirects=(), entries=(name,), attempts=1, confirmed=state["confirmed"])
            for name, state in entries.items()]


def _issue_step(checkout: Path, exit_code: str, open_issue: str, entries: dict, memory: str = "kept") -> list[str]:
    work = checkout / "work"
    (work / ".cache/pmgenome").mkdir(parents=True, exist_ok=True)
    # The results file as `pmgenome links --results` writes it, so the step reads the real format.
    save_results(work / ".cache/pmgenome/link-status.json", _results(entries), "2026-11-30T06:17:03Z",
                 keep_others=False)
    (work / "links-report.md").write_text("## Link check report\n")
    bin_dir = checkout / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "gh").write_text(FAKE_GH)
    (bin_dir / "gh").chmod(0o755)
    done = _step("Open, update or close the report issue", checkout, {
        "PATH": f"{bin_dir}:{os.environ['PATH']}", "GH_LOG": str(checkout / "gh.log"), "OPEN_ISSUE": open_issue,
        "CHECK_EXIT": exit_code, "MEMORY_STATE": memory, "RUN_URL": "https://github.test/run/1"})
    assert done.returncode == 0, done.stderr
    calls = (checkout / "gh.log").read_text().splitlines()
    return [call for call in calls if not call.startswith("gh issue list")]


DEAD = {"a": {"verdict": "broken", "confirmed": True}}
FIRST_TIME = {"a": {"verdict": "soft-404", "confirmed": False}, "b": {"verdict": "ok", "confirmed": True}}
FINE = {"a": {"verdict": "ok", "confirmed": True}, "b": {"verdict": "blocked", "confirmed": True}}


def test_dead_links_open_the_issue(checkout: Path) -> None:
    assert _issue_step(checkout, "1", "", DEAD) == [
        'gh issue create --title Broken links in the catalog --body-file issue-body.md']


def test_dead_links_update_the_open_issue(checkout: Path) -> None:
    assert _issue_step(checkout, "1", "12", DEAD) == ["gh issue edit 12 --body-file issue-body.md"]


def test_lost_memory_keeps_the_issue_open(checkout: Path) -> None:
    # The memory is gone, so last week's dead links are "failing for the first time": exit 0.
    assert _issue_step(checkout, "0", "12", FIRST_TIME, memory="lost") == ["gh issue edit 12 --body-file issue-body.md"]
    body = (checkout / "work" / "issue-body.md").read_text()
    assert body == ("## Link check report\n\n\n_The results of earlier runs were missing: dead links count as "
                    "failing for the first time._\n\n\n_From [this run](https://github.test/run/1)._\n")


def test_the_issue_closes_only_when_every_link_works(checkout: Path) -> None:
    assert _issue_step(checkout, "0", "12", FINE) == [
        "gh issue close 12 --comment All links work again ([run](https://github.test/run/1))."]


def test_nothing_to_say_and_no_issue(checkout: Path) -> None:
    assert _issue_step(checkout, "0", "", FINE) == []
    assert _issue_step(checkout, "0", "", FIRST_TIME) == []
