"""enrich.yml's Enrich step run as GitHub runs it, with the real `pmgenome enrich` against loopback
servers: it must leave the store where the pull request step adds it from, the report where the
pull request step reads its body, and an exit code output the later steps' conditions read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.servers import LocalServer, Reply, html
from tests.support.sitebuild import fixture_catalog
from tests.support.workflowrun import REPO, JobRun

PMGENOME = Path(sys.executable).parent / "pmgenome"
# GitHub's runners reach real hosts, the tests loopback servers, which pmgenome refuses unless allowed.
WRAPPER = f'#!/bin/sh\nexec "{PMGENOME}" "$@" --allow-private\n'


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True,
                          capture_output=True, text=True).stdout


FEED = Reply(200, {"Content-Type": "application/rss+xml"},
             "<rss version='2.0'><channel><item><pubDate>Mon, 01 Dec 2025 09:00:00 GMT</pubDate></item></channel></rss>")


@pytest.fixture
def server():
    page = html("<!doctype html><title>A page</title><h1>A page</h1><p>Some words.</p>")
    feeds = {"/feeds/fixture-podcast": FEED, "/feeds/fixture-newsletter": FEED}
    with LocalServer("127.0.0.1", {"/gone": Reply(404), **feeds}, default=page) as running:
        yield running


def _checkout(tmp_path: Path, server: LocalServer, gone: str = "") -> JobRun:
    work = tmp_path / "work"
    _git("init", "-q", "-b", "main", str(work), cwd=tmp_path)
    catalog = fixture_catalog(work / "catalog")
    (catalog / "enrichment.json").unlink()  # a first run: the store is new
    shutil.copy(REPO / ".gitignore", work / ".gitignore")
    for path in sorted(catalog.glob("*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        url = next(line for line in text.splitlines() if line.startswith("url: "))
        new = server.url("/gone" if path.stem == gone else "/" + path.stem)
        text = text.replace(url + "\n", f"url: {new}\n")
        feed = next((line for line in text.splitlines() if line.startswith("feed: ")), None)
        if feed is not None:  # the podcast's and the newsletter's feeds are read too
            text = text.replace(feed + "\n", f"feed: {server.url('/feeds/' + path.stem)}\n")
        path.write_text(text, encoding="utf-8")
    _git("add", ".", cwd=work)
    _git("commit", "-q", "-m", "catalog", cwd=work)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "pmgenome").write_text(WRAPPER)
    (bin_dir / "pmgenome").chmod(0o755)
    runner = tmp_path / "runner"
    # A scheduled run: no inputs, so the defaults after || apply.
    return JobRun("enrich.yml", "enrich", work, runner, {
        "inputs.max_age || '25'": "25", "inputs.refresh && '--refresh' || ''": "", "runner.temp": str(runner),
        "secrets.ENRICH_APP_ID": ""}, env={"PATH": f"{bin_dir}:{os.environ['PATH']}"})


def _with(job: JobRun, step: str, name: str) -> str:
    return job.resolve(str(job.find(step)["with"][name]))


def test_the_store_and_the_report_are_where_the_pull_request_step_takes_them(tmp_path: Path,
                                                                              server: LocalServer) -> None:
    job = _checkout(tmp_path, server)
    done = job.step("Enrich")
    assert done is not None and done.returncode == 0, done.stderr
    assert job.outputs["enrich"] == {"code": "0"}
    # The pull request commits exactly the store the command wrote, and nothing else is left over.
    assert _with(job, "Open a pull request", "add-paths") == "catalog/enrichment.json"
    assert _git("status", "--porcelain", cwd=job.workdir) == "?? catalog/enrichment.json\n"
    log = done.stdout.splitlines()
    assert log[0].startswith("::stop-commands::") and log[-1] == f"::{log[0].removeprefix('::stop-commands::')}::"
    body = Path(_with(job, "Open a pull request", "body-path")).read_text(encoding="utf-8")
    assert body == ("Monthly refresh of `catalog/enrichment.json` by `pmgenome enrich`.\n"
                    "Curated YAML is untouched; only page metadata changed. Pages that failed keep their last\n"
                    "good record, marked stale.\n\n```text\n" + "\n".join(log[1:-1]) + "\n```\n")
    # 21 pages and 2 feeds (the podcast's and the newsletter's).
    assert log[1:-1] == ["enrich: 21 entries: 21 fetched, 0 unchanged, 0 fresh, 0 failed; 23 requests; "
                         "wrote catalog/enrichment.json"]
    assert not job.condition(job.find("Point at failed pages"))


def test_failed_pages_still_open_the_pull_request_and_are_pointed_at(tmp_path: Path, server: LocalServer) -> None:
    job = _checkout(tmp_path, server, gone="fixture-book")
    done = job.step("Enrich")
    assert done is not None and done.returncode == 0, done.stderr
    assert job.outputs["enrich"] == {"code": "1"}
    body = Path(_with(job, "Open a pull request", "body-path")).read_text(encoding="utf-8")
    assert f"catalog/books/fixture-book.yaml: {server.url('/gone')}: HTTP 404" in body
    assert job.condition(job.find("Point at failed pages"))
    # No App: its token step is skipped, and once the pull request is open the run says how to start the checks.
    job.outputs["pr"] = {"pull-request-number": "5", "pull-request-url": "https://github.test/acme/pm-genome/pull/5"}
    assert job.condition(job.find("Say how to start the checks without the App"))
    job.outcomes["app-token"] = "success"
    assert not job.condition(job.find("Say how to start the checks without the App"))


def test_a_real_error_fails_the_step(tmp_path: Path, server: LocalServer) -> None:
    job = _checkout(tmp_path, server)
    job.values["inputs.max_age || '25'"] = "a month"  # typed by hand in the run form
    done = job.step("Enrich")
    assert done is not None and done.returncode == 2
    assert job.outputs["enrich"] == {"code": "2"}
    assert "pmgenome enrich: error: argument --max-age" in done.stdout
