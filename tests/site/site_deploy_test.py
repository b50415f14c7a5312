"""The deployment workflow: what it runs, and the least it is allowed to do."""

from __future__ import annotations

from pathlib import Path

import yaml

WORKFLOW = Path(__file__).resolve().parents[2] / ".github" / "workflows" / "deploy.yml"


def load() -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); that is all this test needs to know.
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_it_runs_on_every_push_to_main() -> None:
    assert load()[True]["push"] == {"branches": ["main"]}


def test_one_deployment_at_a_time_and_none_cut_short() -> None:
    assert load()["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_permissions_are_the_least_each_job_needs() -> None:
    workflow = load()
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_it_builds_strictly_and_deploys_with_the_official_actions() -> None:
    jobs = load()["jobs"]
    build = [step.get("uses") or step.get("run") for step in jobs["build"]["steps"]]
    assert "properdocs build --strict -f mkdocs.yml" in build
    assert "python -m pip install -e '.[site]'" in build  # ProperDocs, Material and Pagefind
    assert build[-1].startswith("actions/upload-pages-artifact@")  # pinned by SHA: see tests/repo/workflows_test.py
    assert jobs["deploy"]["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in jobs["deploy"]["steps"]] == ["actions/deploy-pages"]
    assert jobs["deploy"]["environment"]["name"] == "github-pages"


def test_the_build_shows_the_weekly_link_check_when_its_results_exist() -> None:
    workflow = load()
    assert {"cron": "47 7 * * 1"} in workflow[True]["schedule"]  # after links.yml's Monday run
    steps = workflow["jobs"]["build"]["steps"]
    fetch = next(step for step in steps if step.get("with", {}).get("ref") == "link-status")
    assert fetch["continue-on-error"] is True and fetch["with"]["persist-credentials"] is False
    use = next(step for step in steps if "PMGENOME_LINK_RESULTS" in step.get("run", ""))
    assert steps.index(fetch) < steps.index(use) < [step.get("run") for step in steps].index(
        "properdocs build --strict -f mkdocs.yml")
    assert "if [ -f .link-status/link-status.json ]" in use["run"]
