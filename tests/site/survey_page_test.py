"""survey/ and api/survey.json: figures under 5 withheld alike in both, and whatever would reveal
one; the totals add up; an empty survey says so; nothing identifies a respondent."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path

from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Response
from pmgenome.plan.withhold import Sum, withheld
from pmgenome.site.context import make_context
from pmgenome.site.survey_page import SURVEY_JSON_URI, SURVEY_SRC_URI, build_survey_page

REPO = Path(__file__).resolve().parents[2]
SALES = (("go-to-market", 3), ("communication", 3), ("pricing", 2), ("strategy", 2))
GROWTH = (("growth", 3), ("experimentation", 3), ("metrics", 3))
CRAFT = (("ux-design", 3), ("discovery", 3), ("user-research", 2))


def twelve() -> tuple[Response, ...]:
    """7 from B2B companies, 3 from B2C and 2 from design-led ones, all from engineering."""
    plan = [("b2b", SALES)] * 7 + [("b2c", GROWTH)] * 3 + [("design", CRAFT)] * 2
    return tuple(Response(number, "new", "engineering", (segment,), ratings, dt.date(2026, 12, 1))
                 for number, (segment, ratings) in enumerate(plan, 1))


def built(responses):
    catalog, problems = load_catalog(REPO / "catalog")
    assert problems == []
    page, data = build_survey_page(replace(catalog, responses=responses), make_context(catalog))
    assert (page.src_uri, data.src_uri) == (SURVEY_SRC_URI, SURVEY_JSON_URI)
    return str(page.content), json.loads(data.content)


def test_twelve_responses_show_the_b2b_figures_and_withhold_the_others():
    text, data = built(twelve())
    assert data["responses"] == 12
    flavours = {flavour["segment"]: flavour for flavour in data["by_flavour"]}
    assert {segment: flavour["responses"] for segment, flavour in flavours.items()} == {
        "b2b": 7, "b2c": None, "technical": None, "design": None}
    # The totals add up: what is shown and what is withheld together make the 12.
    assert 7 + 3 + 0 + 2 == data["responses"]
    b2b = {shape["shape"]: shape["responses"] for shape in flavours["b2b"]["shapes"]}
    assert b2b["sales-led-b2b"] == 7 and set(b2b.values()) == {7, None}
    averages = {skill["skill"]: (skill["average"], skill["expected"]) for skill in flavours["b2b"]["average"]}
    assert averages["go-to-market"] == (3.0, 3) and averages["growth"] == (None, 0)
    assert all(skill["average"] is None for skill in flavours["b2c"]["average"])
    backgrounds = {background["background"]: background["responses"] for background in data["by_background"]}
    assert backgrounds == {"engineering": 12, "design": None, "sales-marketing": None, "business": None,
                           "other": None}
    # The page shows the same figures, and "fewer than 5" where the JSON has null.
    assert "Responses: 12." in text
    assert "<th scope=\"col\">B2B (7)</th><th scope=\"col\">B2C (fewer than 5)</th>" in text
    assert 'data-survey-flavour="b2c">Built from fewer than 5 responses: withheld.' in text
    # B2B's average T is drawn against the T it expects; the withheld flavours have no picture.
    assert re.findall(r'<title id="([^"]+)">', text) == ["pmg-survey-b2b-title"]
    assert 'data-skill="go-to-market" data-rating="3" data-expected="3"' in text
    assert 'data-skill="discovery" data-rating="" data-expected="2"' in text
    # Nothing identifies a respondent: no number, date or handle of a response is published.
    assert "2026-12-01" not in text and '"number"' not in json.dumps(data)


def test_one_withheld_count_beside_a_shown_total_takes_another_with_it():
    counts = {("total",): 14, ("a",): 9, ("b",): 5}
    assert withheld({**counts, ("c",): 0}, [Sum((("a",), ("b",), ("c",)))]) == {("c",), ("b",)}
    # Two withheld counts already hide each other: nothing more goes.
    assert withheld({("a",): 9, ("b",): 3, ("c",): 2}, [Sum((("a",), ("b",), ("c",)))]) == {("b",), ("c",)}


def test_fewer_than_five_responses_withhold_even_the_total():
    text, data = built(twelve()[:4])
    assert data["responses"] is None and not data["empty"]
    assert "Responses: fewer than 5." in text


def test_an_empty_survey_says_so_and_how_to_add_one():
    text, data = built(())
    assert data["empty"] is True and data["responses"] == 0
    assert "No response yet. Rate yourself on" in text
    assert re.search(r"<table", text) is None
