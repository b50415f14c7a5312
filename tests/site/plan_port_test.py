"""The page's JavaScript port of the plan rule (assets/plan-rule.js, run in node) against the Python
planner `pmgenome path` runs: the same plans, reasons, notes, T and Markdown for many random
catalogs, answers and ratings, and for the shipped catalog."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pmgenome.catalog.load import load_catalog
from pmgenome.plan.answers import Answers, all_answers, describe, parse_answers
from pmgenome.plan.calendar import schedule_ics
from pmgenome.plan.document import plan_markdown
from pmgenome.plan.model import plan_as_dict
from pmgenome.plan.planner import Planner
from pmgenome.plan.schedule import Budget, make_schedule, plan_minutes, schedule_as_dict
from pmgenome.site.context import make_context
from pmgenome.site.plan_page import plan_index

from tests.support.planfixture import (
    OBJECT_PROPERTY_IDS,
    answers_with_object_property_ids,
    entry_fields,
    load,
    make_root,
    random_answers,
    random_catalog,
    with_object_property_ids,
    write_entry,
)

REPO = Path(__file__).resolve().parents[2]
RUNNER = REPO / "tests" / "tools" / "plan_port.cjs"
NODE = shutil.which("node")
TODAY = dt.date(2026, 12, 6)
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed (the port test runs the page's script in it)")


def js_answers(answers: Answers) -> dict:
    return {"stage": answers.stage, "background": answers.background, "company": list(answers.company),
            "pm_load": answers.pm_load.value, "goal": answers.goal.value,
            "place": str(answers.place) if answers.place else None, "ratings": dict(answers.ratings),
            "compare": answers.compare}


def run_port(index: dict, cases: list[dict]) -> dict:
    done = subprocess.run([NODE, str(RUNNER)], input=json.dumps({"index": index, "cases": cases}),
                          capture_output=True, text=True, check=False, timeout=300)
    assert (done.returncode, done.stderr) == (0, "")
    return json.loads(done.stdout)


def assert_same(catalog, answers_list: list[Answers], done: tuple[str, ...] = (),
                budgets: list[Budget] | None = None) -> None:
    planner = Planner(catalog)
    index = plan_index(catalog, make_context(catalog))
    budgets = budgets or [Budget(180, 4, dt.date(2026, 12, 7))] * len(answers_list)
    results = run_port(index, [{"answers": js_answers(answers), "done": list(done), "budget": js_budget(budget),
                                "today": TODAY.isoformat()}
                               for answers, budget in zip(answers_list, budgets, strict=True)])
    for answers, budget, result in zip(answers_list, budgets, results["results"], strict=True):
        plan = planner.plan(answers)
        assert result["plan"] == plan_as_dict(plan), answers
        assert result["markdown"] == plan_markdown(plan, describe(answers, catalog.taxonomy), done), answers
        schedule = make_schedule(plan, plan_minutes(catalog, plan), budget)
        assert result["schedule"] == schedule_as_dict(schedule), (answers, budget)
        if budget.start is not None:  # the page's calendar file is the CLI's, byte for byte
            items = {found.id: found for _, part in plan.parts for found in part}
            assert result["ics"] == schedule_ics(schedule, items, TODAY).decode("utf-8"), (answers, budget)


def js_budget(budget: Budget) -> dict:
    return {"minutes_per_week": budget.minutes_per_week, "weeks": budget.weeks,
            "start": budget.start.isoformat() if budget.start else None}


def budgets():
    """A hypothesis strategy for a reader's weekly time: minutes, sometimes a number of weeks and a start."""
    return st.builds(Budget, st.integers(15, 600), st.one_of(st.none(), st.integers(1, 52)),
                     st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))))


@pytest.fixture(scope="module")
def vocabulary(tmp_path_factory):
    return load(make_root(tmp_path_factory.mktemp("vocabulary"))).taxonomy


# Named shapes: a level (0-3) for each of the test vocabulary's seven skills; few levels, so ties happen.
SHAPE_LEVELS = st.lists(st.lists(st.integers(0, 3), min_size=7, max_size=7), max_size=5)
# People: the skills each can teach (positions in the seven), a city or none, and whether online.
PEOPLE = st.lists(st.tuples(st.lists(st.integers(0, 6), max_size=3, unique=True),
                            st.sampled_from([None, "London", "Berlin"]), st.booleans()), max_size=8)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fields=st.lists(entry_fields(), max_size=30), picks=st.lists(st.integers(0, 30), max_size=3),
       shapes=SHAPE_LEVELS, people=PEOPLE, data=st.data())
def test_the_port_plans_like_the_python_rule(vocabulary, fields, picks, shapes, people, data):
    catalog = random_catalog(vocabulary, fields, picks, shapes, people)
    assert_same(catalog, [random_answers(vocabulary, data) for _ in range(8)],
                budgets=[data.draw(budgets()) for _ in range(8)])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fields=st.lists(entry_fields(), min_size=22, max_size=30), picks=st.lists(st.integers(0, 30), max_size=3),
       shapes=SHAPE_LEVELS, people=PEOPLE, data=st.data())
def test_the_port_plans_like_the_python_rule_when_ids_are_object_properties(vocabulary, fields, picks, shapes, people,
                                                                            data):
    # Entry ids, skills, segments, backgrounds and levels named like Object.prototype's members
    # (issue 23, item 5): a port that keeps them in plain objects plans differently.
    catalog = with_object_property_ids(random_catalog(vocabulary, fields, picks + [0, 7], shapes, people))
    assert {"constructor", "__proto__"} <= {entry.id for entry in catalog.entries}
    assert set(OBJECT_PROPERTY_IDS["skills"].values()) <= set(catalog.taxonomy.ids("skills"))
    answers = [answers_with_object_property_ids(random_answers(vocabulary, data)) for _ in range(8)]
    assert_same(catalog, answers, done=("constructor", "toString"))


def test_the_port_plans_the_shipped_catalog_like_the_cli_for_every_stage_company_and_goal():
    catalog, problems = load_catalog(REPO / "catalog")
    assert problems == []
    combos = [answers for answers in all_answers(catalog.taxonomy) if answers.background == "engineering"
              and answers.pm_load == "balanced"]
    rated = []
    for number, answers in enumerate(combos):
        ratings = {skill: (number + position) % 4 for position, skill in enumerate(catalog.taxonomy.ids("skills"))
                   if (number + position) % 3}
        others = [segment for segment in catalog.taxonomy.ids("segments") if segment not in answers.company]
        parsed, errors = parse_answers(catalog.taxonomy, stage=answers.stage, background=answers.background,
                                       company=answers.company, goal=answers.goal, ratings=ratings,
                                       compare=others[number % len(others)] if others else None,
                                       place=("online", "GB", None)[number % 3])
        assert errors == []
        rated.append(parsed)
    assert len(combos) == 4 * 15 * 2
    assert_same(catalog, combos + rated, done=("svpg-four-big-risks",))


def test_done_items_are_ticked_in_both_documents(tmp_path):
    root = make_root(tmp_path)
    write_entry(root, "article", "a-gtm", segments=["b2b"], skills=["go-to-market"])
    write_entry(root, "article", "b-talk", segments=["b2b"], skills=["communication"])
    catalog = load(root)
    answers, _ = parse_answers(catalog.taxonomy, stage="new", background="other", company="b2b", goal="broaden",
                               ratings="communication=0")
    assert_same(catalog, [answers], done=("b-talk",))
    markdown = plan_markdown(Planner(catalog).plan(answers), describe(answers, catalog.taxonomy), ("b-talk",))
    assert "- [x] [B Talk](https://example.com/b-talk) (Article): Broadens communication and stakeholders, your " \
           "gap \\(you rated it 0 of 3\\); fits any stage\\." in markdown
    assert "- [ ] [A Gtm](https://example.com/a-gtm) (Article): Deepens B2B: go\\-to\\-market and sales; fits any " \
           "stage\\." in markdown
