"""The weekly link workflow run as GitHub runs it: every `run:` step of links.yml in order, in a fresh
clone each week, with the real `pmgenome links` against local servers, a bare repository as origin
(the link-status branch is really pushed and fetched back) and a recording `gh`. The files each step
reads are the ones the earlier steps and the real command wrote, so the steps cannot drift from the
formats again (the issue step once read a key the results file never had). The deploy workflow's
steps then build the site from what the links workflow pushed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.servers import LocalServer, Reply, html
from tests.support.sitebuild import fixture_catalog, write_config
from tests.support.workflowrun import JobRun

PMGENOME = Path(sys.executable).parent / "pmgenome"
# The one liberty taken with the step: GitHub's runners reach real hosts, the tests reach loopback
# servers, which pmgenome refuses unless allowed.
WRAPPER = f'#!/bin/sh\nexec "{PMGENOME}" "$@" --allow-private --timeout 2\n'
FAKE_GH = """#!/bin/sh
echo "gh $*" >> "$GH_LOG"
if [ "$1 $2" = "issue list" ]; then echo "$OPEN_ISSUE"; fi
"""
WEEKLY = ["Restore the results of earlier runs", "Check links", "Keep the results on the link-status branch",
          "Open, update or close the report issue"]
LIST = 'gh issue list --state open --author app/github-actions --search "Broken links in the catalog" in:title ' \
       '--json number --jq .[0].number // empty'
RUN_URL = "https://github.test/acme/pm-genome/actions/runs/7"


def _git(*args: str, cwd: Path, check: bool = True) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=check, capture_output=True, text=True).stdout


@pytest.fixture
def server():
    with LocalServer("127.0.0.1", {"/gone": Reply(404), "/wall": Reply(403)},
                     default=lambda request: Reply(404) if request.path.startswith("/gone/") else html()) as running:
        yield running


class Repository:
    """origin (a bare repository holding the catalog) and the weekly runs made against it."""

    def __init__(self, root: Path, server: LocalServer) -> None:
        self.root, self.server, self.week = root, server, 0
        self.bin = root / "bin"
        self.bin.mkdir()
        for name, text in (("gh", FAKE_GH), ("pmgenome", WRAPPER)):
            (self.bin / name).write_text(text)
            (self.bin / name).chmod(0o755)
        _git("init", "-q", "--bare", "-b", "main", "origin.git", cwd=root)
        self.origin = root / "origin.git"

    def commit(self, urls: dict[str, str], more: int = 0) -> None:
        """A catalog (the site fixture's, so the deploy can build it) whose entries' links are `urls`
        (entry id: path on the server); the other entries link to working pages. `more` adds that
        many articles (a title and a link: all `pmgenome links` reads), whose links are dead."""
        source = self.root / "source"
        _git("init", "-q", "-b", "main", str(source), cwd=self.root)
        catalog = fixture_catalog(source / "catalog")
        for path in sorted(catalog.glob("*/*.yaml")):
            text = path.read_text(encoding="utf-8")
            url = next(line for line in text.splitlines() if line.startswith("url: "))
            text = text.replace(url + "\n", f"url: {self.server.url(urls.get(path.stem, '/' + path.stem))}\n")
            path.write_text(text, encoding="utf-8")
        for number in range(more):
            (catalog / "articles" / f"dead-{number:03}.yaml").write_text(
                f"title: Dead {number}\nurl: {self.server.url(f'/gone/{number:03}')}\n", encoding="utf-8")
        write_config(source / "mkdocs.yml", Path("catalog"))
        _git("add", ".", cwd=source)
        _git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "catalog", cwd=source)
        _git("push", "-q", str(self.origin), "main", cwd=source)

    def clone(self, name: str) -> Path:
        """A fresh checkout, as actions/checkout leaves it (one commit deep, origin set)."""
        _git("clone", "-q", "--depth=1", f"file://{self.origin}", name, cwd=self.root)
        return self.root / name

    def start(self, open_issue: str = "", server_url: str = "https://github.test") -> tuple[JobRun, Path]:
        """A new run of links.yml's job in a fresh checkout, and the file its `gh` calls go to."""
        self.week += 1
        work = self.clone(f"week-{self.week}")
        log = self.root / f"gh-{self.week}.log"
        log.touch()
        job = JobRun("links.yml", "check", work, self.root / f"runner-{self.week}", {
            "github.token": "token", "github.repository": "acme/pm-genome", "github.server_url": server_url,
            "github.run_id": "7"}, env={
            "PATH": f"{self.bin}:{os.environ['PATH']}", "GH_LOG": str(log), "OPEN_ISSUE": open_issue,
            "PMGENOME_WAYBACK_URL": "off", "GITHUB_SERVER_URL": server_url,
            "GITHUB_REPOSITORY": "acme/pm-genome", "GITHUB_SHA": _git("rev-parse", "HEAD", cwd=work).strip()})
        return job, log

    def weekly(self, open_issue: str = "") -> tuple[JobRun, list[str]]:
        """One run of links.yml's job: its steps' results, and the `gh` calls it made."""
        job, log = self.start(open_issue)
        for name in WEEKLY:
            done = job.step(name)
            assert done is None or done.returncode == 0, (name, done.stdout, done.stderr)
        return job, log.read_text().splitlines()


@pytest.fixture
def repository(tmp_path: Path, server: LocalServer) -> Repository:
    return Repository(tmp_path, server)


def _body(job: JobRun) -> str:
    return (job.workdir / "issue-body.md").read_text(encoding="utf-8")


def _report(job: JobRun) -> str:
    return (job.workdir / "links-report.md").read_text(encoding="utf-8")


def test_dead_links_open_the_issue_on_the_second_run_and_close_it_once_they_work(repository: Repository) -> None:
    repository.commit({"fixture-book": "/gone"})
    first, calls = repository.weekly()
    # No memory yet: the dead link is failing for the first time, and nothing is reported.
    assert first.outputs == {"memory": {"state": "lost"}, "check": {"exit": "0"}}
    assert calls == [LIST]
    second, calls = repository.weekly()
    assert second.outputs == {"memory": {"state": "kept"}, "check": {"exit": "1"}}
    assert calls == [LIST, "gh issue create --title Broken links in the catalog --body-file issue-body.md"]
    assert _body(second) == _report(second) + f"\n\n_From [this run]({RUN_URL})._\n"
    port, sha = repository.server.port, second.env["GITHUB_SHA"]
    assert _report(second) == (
        "## Link check report\n\n21 URLs: 1 broken, 0 soft-404, 0 timeout, 0 blocked, 0 redirected, 0 excluded, 20 ok."
        "\n\n### Dead links (1)\n\n| Entry | URL | What we found | What to do |\n|---|---|---|---|\n"
        "| [catalog\\/books\\/fixture\\-book\\.yaml\\:3](<https://github.test/acme/pm-genome/blob/"
        f"{sha}/catalog/books/fixture-book.yaml#L3>) | [http\u2060\\:\\/\\/127\\.0\\.0\\.1\\:{port}\\/gone]"
        f"(<http://127.0.0.1:{port}/gone>) | `HTTP 404 Not Found` | Find where the resource moved, or remove the "
        "entry. |\n")
    assert second.summary.read_text(encoding="utf-8") == _report(second)
    _, calls = repository.weekly(open_issue="12")
    assert calls == [LIST, "gh issue edit 12 --body-file issue-body.md"]

    repository.server.routes["/gone"] = html()
    _, calls = repository.weekly(open_issue="12")
    assert calls == [LIST, f"gh issue close 12 --comment All links work again ([run]({RUN_URL}))."]
    # Each run's results replace the last: one commit on the branch, one file in it (the memory is
    # the site's results).
    assert _git("log", "--format=%s", "link-status", cwd=repository.origin).count("\n") == 1
    assert _git("ls-tree", "--name-only", "link-status", cwd=repository.origin) == "link-status.json\n"


def test_a_branch_written_before_the_one_record_keeps_its_memory(repository: Repository) -> None:
    # The link-status branch as version 1 left it: links.json (the memory) and link-status.json (the
    # site's), the dead link failing for the first time. The next run reads link-status.json, so the
    # link is confirmed dead and reported, and the branch is left with the one version 2 file.
    repository.commit({"fixture-book": "/gone"})
    gone = repository.server.url("/gone")
    old_results = {"version": 1, "checked_at": "2026-11-23T06:17:03Z", "results": {gone: {
        "verdict": "broken", "checked_at": "2026-11-23T06:17:03Z", "status": 404, "final_url": None,
        "archived": None, "confirmed": False, "entries": ["fixture-book"], "detail": "HTTP 404 Not Found",
        "suggestion": None}}}
    old_memory = {"version": 1, "results": {gone: {
        "checked_at": "2026-11-23T06:17:03Z", "verdict": "broken", "status": 404, "error": "HTTP 404 Not Found",
        "final_url": gone, "redirects": [], "suggestion": None, "archived": None, "failures": 1}}}
    branch = repository.clone("old-branch")
    _git("checkout", "-q", "--orphan", "link-status", cwd=branch)
    _git("rm", "-q", "-r", "-f", ".", cwd=branch)
    (branch / "link-status.json").write_text(json.dumps(old_results), encoding="utf-8")
    (branch / "links.json").write_text(json.dumps(old_memory), encoding="utf-8")
    _git("add", "link-status.json", "links.json", cwd=branch)
    _git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "Link status", cwd=branch)
    _git("push", "-q", "origin", "link-status", cwd=branch)

    job, calls = repository.weekly()
    assert job.outputs == {"memory": {"state": "kept"}, "check": {"exit": "1"}}
    assert calls == [LIST, "gh issue create --title Broken links in the catalog --body-file issue-body.md"]
    written = json.loads(_git("show", "link-status:link-status.json", cwd=repository.origin))
    assert (written["version"], written["results"][gone]["failures"], written["results"][gone]["confirmed"]) == (
        2, 2, True)
    assert _git("ls-tree", "--name-only", "link-status", cwd=repository.origin) == "link-status.json\n"


def test_lost_memory_keeps_the_open_issue_open(repository: Repository) -> None:
    # The memory is gone, so last week's dead link is "failing for the first time": exit 0.
    repository.commit({"fixture-book": "/gone"})
    job, calls = repository.weekly(open_issue="12")
    assert job.outputs == {"memory": {"state": "lost"}, "check": {"exit": "0"}}
    assert calls == [LIST, "gh issue edit 12 --body-file issue-body.md"]
    assert _body(job) == _report(job) + (
        "\n\n_The results of earlier runs were missing: dead links count as failing for the first time._\n"
        f"\n\n_From [this run]({RUN_URL})._\n")


def test_a_report_too_long_for_an_issue_is_cut_between_lines_and_says_so(repository: Repository) -> None:
    # GitHub refuses an issue body over 65,536 characters; a week when hundreds of links die (a host's
    # outage) must still update the issue, with whole table rows and a word on where the rest is.
    repository.commit({}, more=300)
    job, calls = repository.weekly(open_issue="12")
    assert calls == [LIST, "gh issue edit 12 --body-file issue-body.md"]
    report, body = _report(job), (job.workdir / "issue-body.md").read_bytes().decode("utf-8")
    assert len(report.encode()) > 65536
    kept, note = body.split("\n\n_The report is longer than", 1)
    assert report.startswith(kept) and report[len(kept)] == "\n" and kept.endswith(" |")
    assert 55000 < len(kept.encode()) <= 60000
    assert note == (f" an issue can hold; the whole of it is in the summary of [this run]({RUN_URL})._\n"
                    "\n\n_The results of earlier runs were missing: dead links count as failing for the first time._\n"
                    f"\n\n_From [this run]({RUN_URL})._\n")


def test_blocked_links_do_not_keep_the_issue_open(repository: Repository) -> None:
    repository.commit({"fixture-book": "/wall"})  # 403: blocked, not dead
    job, calls = repository.weekly(open_issue="12")
    assert job.outputs["check"] == {"exit": "0"}
    assert _report(job).splitlines()[2] == (
        "21 URLs: 0 broken, 0 soft-404, 0 timeout, 1 blocked, 0 redirected, 0 excluded, 20 ok.")
    assert calls == [LIST, f"gh issue close 12 --comment All links work again ([run]({RUN_URL}))."]


def test_nothing_to_say_and_no_issue(repository: Repository) -> None:
    repository.commit({"fixture-book": "/gone"})
    assert repository.weekly()[1] == [LIST]  # failing for the first time
    repository.server.routes["/gone"] = html()
    assert repository.weekly()[1] == [LIST]


def test_only_the_steps_that_fetch_and_push_the_branch_get_the_token(repository: Repository) -> None:
    # The checkout keeps no credentials (the steps between install packages and fetch strangers'
    # pages); the two git steps send the token as checkout would. Here "GitHub" is a server that
    # records what git sends, and refuses everything.
    repository.commit({})
    with LocalServer("127.0.0.1") as github:
        job, _ = repository.start(server_url=github.origin)
        assert _git("config", "--get-regexp", "extraheader", cwd=job.workdir, check=False) == ""
        _git("remote", "set-url", "origin", github.url("/acme/pm-genome"), cwd=job.workdir)
        restored = job.step("Restore the results of earlier runs")
        assert restored is not None and restored.returncode == 0 and job.outputs["memory"] == {"state": "lost"}
        fetched = len(github.requests)
        checked = job.step("Check links")
        assert checked is not None and checked.returncode == 0, checked.stderr
        pushed = job.step("Keep the results on the link-status branch")
        assert pushed is not None and pushed.returncode != 0  # refused, as this server refuses everything
    sent = [{name.lower(): value for name, value in request.headers.items()}.get("authorization")
            for request in github.requests]
    assert 0 < fetched < len(sent) and set(sent) == {"basic eC1hY2Nlc3MtdG9rZW46dG9rZW4="}  # x-access-token:token
    given = [step.get("name") for step in job.steps if "${{ github.token }}" in str(step.get("env", {}))]
    assert given == ["Restore the results of earlier runs", "Keep the results on the link-status branch",
                     "Open, update or close the report issue"]


def _deploy(repository: Repository, name: str) -> tuple[JobRun, subprocess.CompletedProcess[str]]:
    """deploy.yml's build job: the catalog checked out, the link-status branch checked out into
    .link-status when it is there (the step may fail: continue-on-error), then its steps."""
    work = repository.clone(name)
    subprocess.run(["git", "clone", "-q", "--depth=1", "-b", "link-status", f"file://{repository.origin}",
                    ".link-status"], cwd=work, capture_output=True, check=False)
    job = JobRun("deploy.yml", "build", work, repository.root / f"runner-{name}", {"github.repository": "acme/pm-genome"})
    job.outputs["pages"] = {"base_url": "https://acme.github.io/pm-genome"}
    used = job.step("Use them when they are there")
    assert used is not None and used.returncode == 0, used.stderr
    built = job.step("Build (refuses an invalid catalog)", PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    assert built is not None and built.returncode == 0, built.stderr
    return job, used


def test_the_site_shows_what_the_weekly_run_found(repository: Repository) -> None:
    repository.commit({"fixture-book": "/gone"})
    job, used = _deploy(repository, "before")  # a new repository: no link-status branch yet
    assert used.stdout == "::notice::no link-status.json on the link-status branch yet; pages show no link status\n"
    assert "Link checked" not in (job.workdir / "site/resources/fixture-book/index.html").read_text(encoding="utf-8")

    repository.weekly()
    checked = json.loads(_git("show", "link-status:link-status.json", cwd=repository.origin))["checked_at"][:10]
    job, used = _deploy(repository, "after")
    assert used.stdout == ""
    assert job.github_env == {"PMGENOME_LINK_RESULTS": f"{job.workdir}/.link-status/link-status.json"}
    page = (job.workdir / "site/resources/fixture-book/index.html").read_text(encoding="utf-8")
    assert f"Link checked on {checked}: broken." in page
    assert "https://acme.github.io/pm-genome/resources/fixture-book/" in page  # the Pages address reached the build
    # The repository reached the build too: path/ offers its survey form.
    survey = "https://github.com/acme/pm-genome/issues/new?template=survey.yml"
    assert f'data-survey-form="{survey}"' in (job.workdir / "site/path/index.html").read_text(encoding="utf-8")
