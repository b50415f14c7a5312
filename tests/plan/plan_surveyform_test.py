"""The survey form read back: the answers the path/ page fills in become a response; the page's
link goes to the repository's form only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pmgenome.catalog.load import load_catalog
from pmgenome.plan.surveyform import response_from_issue
from pmgenome.site.plan_page import PAGE_WORDS, survey_url

REPO = Path(__file__).resolve().parents[2]


def test_the_answers_the_page_fills_in_read_back_as_a_response():
    catalog, _ = load_catalog(REPO / "catalog")
    answers = str(PAGE_WORDS["survey_answers"]).format(stage="leader", background="design",
                                                       company="b2c, design", ratings="ux-design=3, strategy=1")
    body = f"### Your answers and ratings\n\n```text\n{answers}\n```\n\n### Country (optional)\n\n_No response_\n"
    data, errors = response_from_issue(body, catalog.taxonomy, dt.date(2026, 12, 6))
    assert errors == []
    assert data == {"stage": "leader", "background": "design", "company": ["b2c", "design"],
                    "ratings": {"strategy": 1, "ux-design": 3}, "date": dt.date(2026, 12, 6)}


def test_missing_answers_and_ratings_outside_the_scale_are_all_said():
    catalog, _ = load_catalog(REPO / "catalog")
    body = "### Your answers and ratings\n\nstage: new\nratings: strategy=7\nemail: me@example.com\n"
    data, errors = response_from_issue(body, catalog.taxonomy, dt.date(2026, 12, 6))
    assert data is None
    assert errors == ["'Your answers and ratings' holds a line that is not one of stage, background, company, "
                      "ratings: 'email: me@example.com'", "the answers miss background, company"]


def test_the_survey_link_needs_a_github_repo_url():
    assert survey_url("https://github.com/acme/pm-genome/") == (
        "https://github.com/acme/pm-genome/issues/new?template=survey.yml")
    assert survey_url(None) is None
    assert survey_url("https://gitlab.com/acme/pm-genome") is None
    assert survey_url("javascript:alert(1)//github.com/a/b") is None
