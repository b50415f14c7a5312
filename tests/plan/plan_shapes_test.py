"""The nearest named T shape: the distance, the order, ties, neighbours and what to grow towards them."""

from __future__ import annotations

from pathlib import Path

from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Shape
from pmgenome.plan.answers import parse_answers
from pmgenome.plan.model import plan_as_dict
from pmgenome.plan.planner import make_plan
from pmgenome.plan.shapes import distance, nearest, to_grow

REPO = Path(__file__).resolve().parents[2]


def shape(shape_id: str, **ratings: int) -> Shape:
    return Shape(shape_id, shape_id.title(), "One.\nTwo.", ("b2b",), "A model", "Someone", "https://example.com/",
                 tuple(ratings.items()))


def test_the_distance_sums_squared_gaps_over_rated_skills_only():
    deep = shape("deep", strategy=3, metrics=1)
    assert distance({"strategy": 0}, deep) == 9
    assert distance({"strategy": 2, "metrics": 2, "growth": 1}, deep) == 1 + 1 + 1  # growth: expected 0
    assert distance({}, deep) == 0


def test_nearest_orders_by_distance_then_id_and_needs_a_rating():
    shapes = [shape("zeta", strategy=2), shape("alpha", strategy=2), shape("far", strategy=0)]
    assert [(found.id, away) for found, away in nearest({"strategy": 3}, shapes)] == [
        ("alpha", 1), ("zeta", 1), ("far", 9)]
    assert nearest({}, shapes) == []


def test_the_skills_to_grow_are_the_largest_gaps_first_then_taxonomy_order():
    target = shape("target", strategy=3, discovery=3, metrics=2, growth=2)
    order = ("strategy", "discovery", "metrics", "growth")
    assert to_grow({"strategy": 2, "discovery": 0, "metrics": 0, "growth": 0}, target, order) == [
        "discovery", "metrics", "growth"]
    assert to_grow({"strategy": 3}, target, order) == []


def test_ratings_set_at_each_shipped_shape_map_to_it():
    catalog, problems = load_catalog(REPO / "catalog")
    assert problems == []
    for each in catalog.shapes:
        full = {skill: each.expected(skill) for skill in catalog.taxonomy.ids("skills")}
        answers, errors = parse_answers(catalog.taxonomy, stage="new", background="other", company=each.segments,
                                        ratings=full)
        assert errors == [] and answers is not None
        plan = plan_as_dict(make_plan(catalog, answers))
        assert (plan["shape"]["id"], plan["shape"]["distance"]) == (each.id, 0)
        assert plan["shape"]["source"]["url"] == each.url
        assert len(plan["neighbours"]) == 2
        assert [other["distance"] for other in plan["neighbours"]] == sorted(other["distance"]
                                                                             for other in plan["neighbours"])


def test_a_neighbour_says_what_to_grow_and_reads_for_it():
    catalog, _ = load_catalog(REPO / "catalog")
    answers, _ = parse_answers(catalog.taxonomy, stage="new", background="engineering", company="b2b",
                               ratings="go-to-market=0,communication=3,strategy=2,technical-fluency=3")
    plan = make_plan(catalog, answers)
    assert plan.shape is not None and (plan.shape.id, plan.shape.distance) == ("platform", 3)
    first = plan.neighbours[0]
    assert (first.id, first.distance, first.grow) == ("delivery-lead", 4, (("go-to-market", "Go-to-market and sales"),))
    assert [found.id for found in first.items] == ["posthog-pricing-lessons"]
    ids_in_plan = {found.id for found in plan.deepen + plan.broaden}
    assert not ids_in_plan & {found.id for found in first.items}
