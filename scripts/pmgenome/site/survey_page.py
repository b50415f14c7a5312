"""survey/ and api/survey.json: the survey's published results (plan/survey.py withholds every
figure under 5 and whatever would reveal one), or, with no response yet, how to add one."""

from __future__ import annotations

import json
from collections.abc import Iterator

from pmgenome.catalog.model import Catalog
from pmgenome.plan.survey import survey_results
from pmgenome.site.context import GeneratedPage, SiteContext
from pmgenome.site.render import render

SURVEY_SRC_URI = "survey/index.md"
SURVEY_JSON_URI = "api/survey.json"
WITHHELD = "fewer than 5"


def build_survey_page(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """survey/ and api/survey.json, from the same figures."""
    results = survey_results(catalog.responses, catalog.taxonomy, catalog.shapes)
    yield GeneratedPage(SURVEY_SRC_URI, render("survey.md.j2", results=results, withheld=WITHHELD,
                                               link=context.link(SURVEY_SRC_URI), api=SURVEY_JSON_URI))
    yield GeneratedPage(SURVEY_JSON_URI, json.dumps(results, ensure_ascii=False, separators=(",", ":")))
