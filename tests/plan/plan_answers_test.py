"""Reading a reader's answers: places, every bad value reported, every combination once."""

from __future__ import annotations

import pytest
from pmgenome.plan.answers import (
    Answers,
    Goal,
    Near,
    PmLoad,
    all_answers,
    parse_answers,
    parse_place,
)

from tests.support.planfixture import load, make_root


@pytest.mark.parametrize("text, expected", [
    ("online", Near(online=True)), (" ONLINE ", Near(online=True)), ("gb", Near(country="GB")),
    ("London", Near(city="London")), ("New  York, us", Near(city="New York", country="US")),
])
def test_parse_place(text, expected):
    assert parse_place(text) == (expected, None)


@pytest.mark.parametrize("text, error", [
    ("  ", "near is empty; use 'online', a two-letter country code like GB, or a city"),
    ("x" * 81, "near must be plain text of at most 80 characters"),
    ("Lon\ndon", "near must be plain text of at most 80 characters"),
])
def test_parse_place_refuses(text, error):
    assert parse_place(text) == (None, error)


def test_parse_answers_orders_the_company_like_the_vocabulary(tmp_path):
    taxonomy = load(make_root(tmp_path)).taxonomy
    parsed, errors = parse_answers(taxonomy, stage="new", background="design", company="technical, b2b,b2b",
                                   pm_load="heavy", goal="broaden", place="online")
    assert errors == []
    assert parsed == Answers("new", "design", ("b2b", "technical"), PmLoad.HEAVY, Goal.BROADEN, Near(online=True))


def test_parse_answers_reports_every_bad_value_with_the_choices(tmp_path):
    taxonomy = load(make_root(tmp_path)).taxonomy
    parsed, errors = parse_answers(taxonomy, stage="senior", background="law", company="b2b,enterprise,",
                                   pm_load="medium", goal="both", place="")
    assert parsed is None
    assert errors == [
        "unknown stage 'senior'; choose one of: aspiring, new, experienced, leader",
        "unknown background 'law'; choose one of: engineering, design, other",
        "unknown company segment 'enterprise'; choose from: b2b, b2c, technical",
        "unknown pm-load 'medium'; choose one of: light, balanced, heavy",
        "unknown goal 'both'; choose one of: broaden, deepen",
        "near is empty; use 'online', a two-letter country code like GB, or a city",
    ]
    assert parse_answers(taxonomy, stage="new", background="other", company=" , ")[1] == [
        "company needs at least one segment; choose from: b2b, b2c, technical"]


def test_all_answers_covers_every_combination_once(tmp_path):
    combos = list(all_answers(load(make_root(tmp_path)).taxonomy))
    # 4 stages x 3 backgrounds x 7 non-empty segment sets x 3 loads x 2 goals
    assert len(combos) == len(set(combos)) == 4 * 3 * 7 * 3 * 2
    assert combos[0] == Answers("aspiring", "engineering", ("b2b",), PmLoad.LIGHT, Goal.BROADEN)
