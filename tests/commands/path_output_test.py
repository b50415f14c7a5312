"""`pmgenome path --format json` run for real, on the shipped catalog and on a small one, with and
without ratings and a comparison, and checked against path.schema.json."""

from __future__ import annotations

from pathlib import Path

import pytest
from pmgenome.catalog.model import Kind
from pmgenome.catalog.schema import output_schema
from pmgenome.plan.answers import Goal, PmLoad

from tests.support.catalogs import REPO
from tests.support.cli import run_json
from tests.support.planfixture import make_root, write_entry
from tests.support.schemas import output_errors

READER = ("--stage", "new", "--background", "engineering", "--company", "b2b,technical", "--goal", "deepen")


def plan(catalog: Path, *args: str) -> dict:
    code, document = run_json("path", "--catalog", str(catalog), *args)
    assert code == 0 and isinstance(document, dict)
    return document


@pytest.mark.parametrize("args", [
    READER + ("--format", "json"),
    READER + ("--json", "--pm-load", "heavy", "--near", "London, GB", "--ratings", "discovery=0,go-to-market=1",
              "--compare", "b2c"),
    ("--stage", "leader", "--background", "design", "--company", "design", "--goal", "broaden", "--pm-load", "light",
     "--near", "online", "--ratings", "strategy=3,ux-design=0", "--format", "json"),
])
def test_plans_from_the_shipped_catalog_match_the_schema(args: tuple[str, ...]) -> None:
    document = plan(REPO / "catalog", *args)
    assert output_errors("path", document) == []
    assert document["deepen"] and document["broaden"] and document["course"] is not None
    assert (document["compare"] is not None) == ("--compare" in args)
    assert any(row["rating"] is not None for row in document["profile"]) == ("--ratings" in args)


@pytest.fixture
def small_catalog(tmp_path: Path) -> Path:
    root = make_root(tmp_path / "catalog")
    write_entry(root, "article", "gtm-basics", segments=["b2b"], skills=["go-to-market"], levels=["new"])
    write_entry(root, "article", "talk-to-users", segments=["b2c"], skills=["discovery"], backgrounds=["engineering"])
    write_entry(root, "article", "growth-loops", segments=["b2c"], skills=["growth"], levels=["experienced"])
    write_entry(root, "video", "api-design", segments=["technical"], skills=["technical-fluency", "execution"])
    write_entry(root, "course", "selling-saas", segments=["b2b"], skills=["go-to-market"], access="paid")
    write_entry(root, "podcast", "weekly-pm", segments=["b2b", "b2c"], skills=["strategy"], host="Host",
                cadence="weekly")
    write_entry(root, "meetup", "london-product", segments=["b2b"], online=False, city="London", country="GB")
    return root


def test_a_thin_plan_without_ratings_matches_the_schema(small_catalog: Path) -> None:
    document = plan(small_catalog, *READER, "--format", "json")
    assert output_errors("path", document) == []
    assert (document["course"]["id"], [item["id"] for item in document["habits"]], document["compare"]) == (
        "selling-saas", ["weekly-pm"], None)
    assert document["notes"]  # the small catalog cannot fill the plan, and says so
    assert [row["rating"] for row in document["profile"]] == [None] * len(document["profile"])


def test_a_thin_plan_with_ratings_and_a_comparison_matches_the_schema(small_catalog: Path) -> None:
    document = plan(small_catalog, *READER, "--format", "json", "--near", "Leeds, GB",
                    "--ratings", "strategy=2,discovery=0,go-to-market=1", "--compare", "b2c")
    assert output_errors("path", document) == []
    assert document["answers"] == {"stage": "new", "background": "engineering", "company": ["b2b", "technical"],
                                   "pm_load": "balanced", "goal": "deepen", "place": "Leeds, GB",
                                   "ratings": {"strategy": 2, "discovery": 0, "go-to-market": 1}, "compare": "b2c"}
    compare = document["compare"]
    assert ([row["skill"] for row in compare["carries"]], [row["skill"] for row in compare["new"]]) == ([], ["growth"])
    assert [item["id"] for item in compare["items"]] == ["growth-loops"]


def test_an_empty_catalog_gives_an_empty_plan_that_matches_the_schema(tmp_path: Path) -> None:
    document = plan(make_root(tmp_path / "catalog"), *READER, "--json", "--compare", "b2c", "--ratings", "growth=0")
    assert output_errors("path", document) == []
    assert [document[part] for part in ("deepen", "broaden", "course", "habits", "meetups")] == [[], [], None, [], []]
    assert document["compare"]["items"] == [] and len(document["compare"]["notes"]) == 1


def test_the_schema_names_the_answers_and_kinds_the_planner_knows() -> None:
    schema = output_schema("path")
    answers = schema["properties"]["answers"]["properties"]
    assert answers["pm_load"]["enum"] == [load.value for load in PmLoad]
    assert answers["goal"]["enum"] == [goal.value for goal in Goal]
    assert schema["$defs"]["item"]["properties"]["kind"]["enum"] == [kind.value for kind in Kind]
