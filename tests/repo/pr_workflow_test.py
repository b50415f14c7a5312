"""pr.yml's catalog steps run as GitHub runs them on a pull request: the checkout is the merge of
the pull request into main with the base branch's history (fetch-depth 0), and GITHUB_ACTIONS=true.
Problems must come out as annotations on the changed files' lines, and only the links of the
entries the pull request adds or edits are checked (real servers on loopback)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from tests.support.servers import LocalServer, Reply, html
from tests.support.sitebuild import fixture_catalog
from tests.support.workflowrun import JobRun

PMGENOME = Path(sys.executable).parent / "pmgenome"
# GitHub's runners reach real hosts, the tests loopback servers, which pmgenome refuses unless allowed.
WRAPPER = f'#!/bin/sh\nexec "{PMGENOME}" "$@" --allow-private --timeout 2\n'
VALIDATE = "pmgenome validate --catalog catalog"
LINKS = 'pmgenome links --catalog catalog --no-cache --changed-since "origin/$BASE_REF"'
ADDED = """\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/article.schema.json
title: A new article
url: {url}
summary: >-
  An article a contributor adds in a pull request, whose link must work before it is merged, and
  which is long enough for the summary rule.
segments: [b2c]
skills: [pricing]
levels: [new]
access: free
added: 2026-11-29
reviewed: 2026-11-29
"""


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture
def server():
    with LocalServer("127.0.0.1", {"/gone": Reply(404)}, default=html()) as running:
        yield running


def _pull_request(tmp_path: Path, server: LocalServer, added: str) -> JobRun:
    """origin's main holds the fixture catalog (its links all on `server`); a pull request adds one
    entry; the checkout is the merge commit GitHub makes, with origin/main fetched."""
    source = tmp_path / "source"
    _git("init", "-q", "-b", "main", str(source), cwd=tmp_path)
    catalog = fixture_catalog(source / "catalog")
    for path in sorted(catalog.glob("*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        url = next(line for line in text.splitlines() if line.startswith("url: "))
        path.write_text(text.replace(url + "\n", f"url: {server.url('/' + path.stem)}\n"), encoding="utf-8")
    _git("add", ".", cwd=source)
    _git("commit", "-q", "-m", "catalog", cwd=source)
    _git("clone", "-q", "--bare", str(source), str(tmp_path / "origin.git"), cwd=tmp_path)
    _git("switch", "-q", "-c", "contribution", cwd=source)
    (catalog / "articles" / "a-new-article.yaml").write_text(added, encoding="utf-8")
    _git("add", ".", cwd=source)
    _git("commit", "-q", "-m", "Add an article", cwd=source)
    work = tmp_path / "work"
    _git("clone", "-q", str(tmp_path / "origin.git"), str(work), cwd=tmp_path)
    _git("fetch", "-q", str(source), "contribution", cwd=work)
    _git("merge", "-q", "--no-ff", "--no-edit", "FETCH_HEAD", cwd=work)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "pmgenome").write_text(WRAPPER)
    (bin_dir / "pmgenome").chmod(0o755)
    return JobRun("pr.yml", "links", work, tmp_path / "runner", {"github.base_ref": "main"},
                  env={"PATH": f"{bin_dir}:{os.environ['PATH']}", "PMGENOME_WAYBACK_URL": "off"})


def test_a_dead_link_the_pull_request_adds_is_marked_on_its_line(tmp_path: Path, server: LocalServer) -> None:
    job = _pull_request(tmp_path, server, ADDED.format(url=server.url("/gone")))
    done = job.step(LINKS)
    assert done is not None and done.returncode == 1, done.stderr
    url = server.url("/gone")
    assert done.stdout == (
        f"broken      {url}  HTTP 404 Not Found  [a-new-article]\n"
        "1 URL: 1 broken, 0 soft-404, 0 timeout, 0 blocked, 0 redirected, 0 excluded, 0 ok\n"
        f"::error file=catalog/articles/a-new-article.yaml,line=3,col=6,title=broken link::{url}: HTTP 404 Not Found\n")
    # Only the added entry's link was asked for, not the twenty the catalog already had.
    assert [request.path for request in server.requests] == ["/gone"] * len(server.requests)


def test_a_working_link_passes(tmp_path: Path, server: LocalServer) -> None:
    job = _pull_request(tmp_path, server, ADDED.format(url=server.url("/new")))
    done = job.step(LINKS)
    assert done is not None and done.returncode == 0, done.stderr
    assert done.stdout == "1 URL: 0 broken, 0 soft-404, 0 timeout, 0 blocked, 0 redirected, 0 excluded, 1 ok\n"


def test_a_mistake_the_pull_request_makes_is_marked_on_its_line(tmp_path: Path, server: LocalServer) -> None:
    job = _pull_request(tmp_path, server, ADDED.format(url=server.url("/new")).replace("segments:", "segment:"))
    job = replace(job, job="validate")
    done = job.step(VALIDATE, PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    assert done is not None and done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == [
        "catalog/articles/a-new-article.yaml:2:1: missing required field 'segments'",
        "::error file=catalog/articles/a-new-article.yaml,line=2,col=1,title=pmgenome required::missing required "
        "field 'segments'",
        "catalog/articles/a-new-article.yaml:7:1: unknown field 'segment' for an article (did you mean 'segments'?)",
        "::error file=catalog/articles/a-new-article.yaml,line=7,col=1,title=pmgenome unknown-field::unknown field "
        "'segment' for an article (did you mean 'segments'?)"]
    assert done.stderr == "2 problems in 1 file\n"
