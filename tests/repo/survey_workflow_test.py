"""survey.yml's steps run as GitHub runs them on fixture issues, with the real `pmgenome survey add`:
a survey issue leaves exactly the response the pull request step adds; a hostile or broken one
leaves nothing and cannot act as a workflow command. The issue form and the command agree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from pmgenome.catalog.survey import CHOICES
from pmgenome.plan.surveyform import LABELS

from tests.support.sitebuild import fixture_catalog
from tests.support.workflowrun import REPO, JobRun

PMGENOME = Path(sys.executable).parent / "pmgenome"
FORM = REPO / ".github" / "ISSUE_TEMPLATE" / "survey.yml"

# What GitHub writes for an issue made with the form (its headings are the form's labels).
BODY = """\
### Your answers and ratings

```text
stage: new
background: engineering
company: b2b, technical
ratings: go-to-market=0, strategy=2, technical-fluency=3
```

### Years in product (optional)

3-5

### Company size (optional)

_No response_

### Industry (optional)

Software and SaaS

### Country (optional)

gb

### Publishing

- [X] I understand this issue is public and my answers join the survey's published totals.
"""


def _job(tmp_path: Path, body: str, number: str = "42") -> JobRun:
    work = tmp_path / "work"
    fixture_catalog(work / "catalog")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "pmgenome").symlink_to(PMGENOME)
    runner = tmp_path / "runner"
    return JobRun("survey.yml", "response", work, runner, {
        "github.event.issue.body": body, "github.event.issue.number": number,
        "github.event.issue.created_at": "2026-12-05T21:04:11Z", "github.token": "token",
        "runner.temp": str(runner)}, env={"PATH": f"{bin_dir}:{os.environ['PATH']}"})


def _with(job: JobRun, step: str, name: str) -> str:
    return job.resolve(str(job.find(step)["with"][name]))


def test_a_survey_issue_becomes_the_response_the_pull_request_adds(tmp_path: Path) -> None:
    job = _job(tmp_path, BODY)
    done = job.step("Read the answers")
    assert done is not None and done.returncode == 0, done.stdout
    assert job.outputs["response"] == {"code": "0"}
    added = _with(job, "Open a pull request", "add-paths")
    assert added == "survey/responses/42.yaml"
    assert (job.workdir / added).read_text(encoding="utf-8") == (
        "stage: new\nbackground: engineering\ncompany: [b2b, technical]\n"
        "ratings: {strategy: 2, go-to-market: 0, technical-fluency: 3}\ndate: 2026-12-05\n"
        'years: "3-5"\nindustry: "Software and SaaS"\ncountry: "GB"\n')
    # The response validates as the pull request's check will validate it.
    check = subprocess.run([str(PMGENOME), "validate", "--catalog", "catalog", "--format", "text"], cwd=job.workdir,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout
    # Run again (an edit of the issue): the response is never overwritten.
    again = job.step("Read the answers")
    assert again is not None and again.returncode == 1
    assert "survey/responses/42.yaml already exists; a response is never overwritten" in again.stdout


def test_a_hostile_issue_leaves_nothing_and_cannot_command_the_runner(tmp_path: Path) -> None:
    hostile = BODY.replace("stage: new", "stage: ::set-output name=code::0").replace(
        "Software and SaaS", "<script>alert(1)</script>")
    job = _job(tmp_path, hostile)
    done = job.step("Read the answers")
    assert done is not None and done.returncode == 1
    assert job.outputs["response"] == {"code": "1"}
    lines = done.stdout.splitlines()
    token = lines[0].removeprefix("::stop-commands::")
    assert lines[0].startswith("::stop-commands::") and lines[-1] == f"::{token}::"
    assert lines[1:-1] == [
        "pmgenome survey: issue #42: unknown stage '::set-output name=code::0'; choose one of: aspiring, new, "
        "experienced, leader",
        "pmgenome survey: issue #42: 'Industry (optional)' must be one of: " + ", ".join(CHOICES["industry"]),
    ]
    assert not (job.workdir / "survey").exists()


def test_an_issue_without_the_answers_says_how_to_open_one(tmp_path: Path) -> None:
    job = _job(tmp_path, "I just want to say hi")
    done = job.step("Read the answers")
    assert done is not None and done.returncode == 1
    assert ("pmgenome survey: issue #42: the issue has no 'Your answers and ratings' field; open it from the "
            "path/ page or the survey form") in done.stdout


def test_the_form_asks_what_the_command_reads_and_no_identity() -> None:
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    assert form["labels"] == ["survey"]
    fields = {item["id"]: item["attributes"] for item in form["body"] if "id" in item}
    assert {name: fields[name]["label"] for name in LABELS} == dict(LABELS)
    assert {name: tuple(fields[name]["options"]) for name in CHOICES} == CHOICES
    asked = " ".join(str(item["attributes"].get("label", "")) for item in form["body"]).lower()
    assert not any(word in asked for word in ("name", "email", "employer", "company name", "handle"))
