"""survey/ and api/survey.json: the survey's published results (plan/survey.py withholds every
figure under 5 and whatever would reveal one), or, with no response yet, how to add one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from pmgenome.catalog.model import Catalog
from pmgenome.plan.model import SkillRow
from pmgenome.plan.picture import t_svg
from pmgenome.plan.sentences import fill
from pmgenome.plan.survey import survey_results
from pmgenome.site.context import GeneratedPage, SiteContext
from pmgenome.site.render import render

SURVEY_SRC_URI = "survey/index.md"
SURVEY_JSON_URI = "api/survey.json"
WITHHELD = "fewer than 5"


def average_t(catalog: Catalog, flavour: dict[str, Any]) -> Markup:
    """A flavour's average T drawn against the T it expects: each cell filled to the average rating,
    rounded to the nearest level (a withheld average leaves it empty), the expected level dashed."""
    scopes = {term.id: (term.scope or "", term.segments) for term in catalog.taxonomy.skills}
    rows = []
    for skill in flavour["average"]:
        scope, segments = scopes[skill["skill"]]
        if scope == "general" or flavour["segment"] in segments:
            level = None if skill["average"] is None else int(skill["average"] + 0.5)
            rows.append(SkillRow(skill["skill"], skill["name"], scope, level, skill["expected"], ()))
    return Markup(t_svg(rows,  # noqa: S704 - t_svg escapes every text it writes
                         fill("survey_picture", flavour=flavour["name"]), standalone=False,
                        key=f"pmg-survey-{flavour['segment']}", description=fill("survey_picture_description")))


def build_survey_page(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """survey/ and api/survey.json, from the same figures."""
    results = survey_results(catalog.responses, catalog.taxonomy, catalog.shapes)
    pictures = {flavour["segment"]: average_t(catalog, flavour) for flavour in results["by_flavour"]
                if flavour["responses"] is not None}
    yield GeneratedPage(SURVEY_SRC_URI, render("survey.md.j2", results=results, withheld=WITHHELD, pictures=pictures,
                                               link=context.link(SURVEY_SRC_URI), api=SURVEY_JSON_URI))
    yield GeneratedPage(SURVEY_JSON_URI, json.dumps(results, ensure_ascii=False, separators=(",", ":")))
