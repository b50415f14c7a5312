"""path/'s "add your T to the survey" link: the repository comes from the plugin's
catalog_survey_repo (the deploy workflow's PMGENOME_REPO_URL), never from a guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.sitebuild import build_site

REPO = Path(__file__).resolve().parents[2]
SURVEY_LINK = ('id="pmg-path-survey" data-survey-form="https://github.com/acme/pm-genome/issues/new?'
               'template=survey.yml"')


@pytest.mark.parametrize(("repo", "shown"), [("https://github.com/acme/pm-genome", True), ("", False)])
def test_the_survey_link_names_the_deployed_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       repo: str, shown: bool) -> None:
    monkeypatch.setenv("PMGENOME_REPO_URL", repo)
    build = build_site(REPO / "mkdocs.yml", tmp_path / "site", epoch="1765000000")
    assert build.returncode == 0, build.stderr
    page = (tmp_path / "site" / "path" / "index.html").read_text(encoding="utf-8")
    assert (SURVEY_LINK in page) is shown
    assert ("pmg-path-survey" in page) is shown
