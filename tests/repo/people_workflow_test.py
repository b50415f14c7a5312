"""pr.yml's people job run as GitHub runs it on a pull request's merge checkout: a person's file
may be added or changed only by the person it names."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.support.workflowrun import JobRun

STEP = "Check the people files' handles"
PERSON = "github: {handle}\nname: {name}\ncan_teach: [pricing]\nonline: true\nlanguages: [en]\n"


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True,
                          capture_output=True, text=True).stdout


def _pull_request(tmp_path: Path, author: str, *names: str) -> JobRun:
    """origin's main holds one person; the pull request adds or changes files named `names`."""
    source = tmp_path / "source"
    _git("init", "-q", "-b", "main", str(source), cwd=tmp_path)
    people = source / "community" / "people"
    people.mkdir(parents=True)
    (people / "ada.yaml").write_text(PERSON.format(handle="ada", name="Ada"), encoding="utf-8")
    _git("add", ".", cwd=source)
    _git("commit", "-q", "-m", "ada", cwd=source)
    _git("clone", "-q", "--bare", str(source), str(tmp_path / "origin.git"), cwd=tmp_path)
    _git("switch", "-q", "-c", "contribution", cwd=source)
    for name in names:
        (people / name).write_text(PERSON.format(handle=name.removesuffix(".yaml"), name="Changed"), encoding="utf-8")
    _git("add", ".", cwd=source)
    _git("commit", "-q", "-m", "people", cwd=source)
    work = tmp_path / "work"
    _git("clone", "-q", str(tmp_path / "origin.git"), str(work), cwd=tmp_path)
    _git("fetch", "-q", str(source), "contribution", cwd=work)
    _git("merge", "-q", "--no-ff", "--no-edit", "FETCH_HEAD", cwd=work)
    return JobRun("pr.yml", "people", work, tmp_path / "runner",
                  {"github.event.pull_request.user.login": author, "github.base_ref": "main"})


def test_a_person_adds_their_own_file(tmp_path: Path) -> None:
    done = _pull_request(tmp_path, "OctoCat", "octocat.yaml").step(STEP)
    assert done is not None and (done.returncode, done.stdout) == (0, "")


def test_someone_elses_file_is_refused_with_an_annotation(tmp_path: Path) -> None:
    done = _pull_request(tmp_path, "mallory", "ada.yaml", "mallory.yaml").step(STEP)
    assert done is not None and done.returncode == 1
    assert done.stdout == ("::error file=community/people/ada.yaml::community/people/ada.yaml is not yours: a pull "
                           "request may add or change only community/people/mallory.yaml (a maintainer removes a "
                           "file on request)\n")


def test_a_file_name_that_is_not_a_handle_is_refused_unprinted(tmp_path: Path) -> None:
    done = _pull_request(tmp_path, "mallory", "::warning::x.yaml").step(STEP)
    assert done is not None and done.returncode == 1
    assert done.stdout == "::error::a file under community/people/ is not named <github handle>.yaml\n"
