"""The fast engine against the rule: lazy rankings, the greedy pick's early stop, and the naive planner."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from planfixture import load, make_root
from pmgenome.catalog.model import Catalog, Entry, Kind
from pmgenome.plan import rule
from pmgenome.plan.answers import Answers, all_answers, parse_place
from pmgenome.plan.engine import Planner
from pmgenome.plan.naive import NaivePlanner


@pytest.fixture(scope="module")
def vocabulary(tmp_path_factory):
    return load(make_root(tmp_path_factory.mktemp("vocabulary"))).taxonomy


_entry_fields = st.fixed_dictionaries({
    "kind": st.sampled_from(list(Kind)),
    "segments": st.lists(st.sampled_from(["b2b", "b2c", "technical"]), min_size=1, max_size=2, unique=True),
    "skills": st.lists(st.sampled_from(["strategy", "discovery", "execution", "communication", "go-to-market",
                                        "growth", "technical-fluency"]), max_size=3, unique=True),
    "levels": st.lists(st.sampled_from(["aspiring", "new", "experienced", "leader"]), max_size=2, unique=True),
    "backgrounds": st.lists(st.sampled_from(["engineering", "design", "other"]), max_size=2, unique=True),
    "online": st.booleans(),
    "city": st.sampled_from(["London", "Leeds", "Berlin"]),
})


def _random_catalog(taxonomy, fields, picks) -> Catalog:
    entries = []
    for index, item in enumerate(fields):
        values = {key: (tuple(value) if isinstance(value, list) else value)
                  for key, value in item.items() if key != "kind"}
        values["country"] = "DE" if values["city"] == "Berlin" else "GB"
        values["title"] = f"Entry {index}"
        # ids that sort apart from their position, so ties are broken by id and not by order
        entry_id = f"e{(index * 7) % 25:02d}"
        if any(entry.id == entry_id for entry in entries):
            continue
        entries.append(Entry(entry_id, item["kind"], Path(f"{entry_id}.yaml"), values))
    picked = {"b2b": {Kind.ARTICLE: tuple(f"e{i:02d}" for i in picks)}}
    return Catalog(Path("."), tuple(entries), taxonomy, picked)


def _random_answers(taxonomy, data) -> Answers:
    chosen = data.draw(st.sampled_from(list(all_answers(taxonomy))))
    place = data.draw(st.sampled_from([None, "online", "GB", "Leeds, GB", "Berlin"]))
    return Answers(chosen.stage, chosen.background, chosen.company, chosen.pm_load, chosen.goal,
                   parse_place(place)[0] if place else None)


@settings(max_examples=60, deadline=None)
@given(fields=st.lists(_entry_fields, max_size=25), picks=st.lists(st.integers(0, 24), max_size=3),
       data=st.data())
def test_lazy_rankings_plan_exactly_like_full_ones(vocabulary, fields, picks, data):
    catalog = _random_catalog(vocabulary, fields, picks)
    lazy, full = Planner(catalog), Planner(catalog, lazy=False)
    for _ in range(6):
        chosen = _random_answers(vocabulary, data)
        assert lazy.plan(chosen) == full.plan(chosen)


@settings(max_examples=60, deadline=None)
@given(fields=st.lists(_entry_fields, max_size=25), picks=st.lists(st.integers(0, 24), max_size=3),
       data=st.data())
def test_the_engine_plans_exactly_like_the_naive_planner(vocabulary, fields, picks, data):
    catalog = _random_catalog(vocabulary, fields, picks)
    engine, naive = Planner(catalog), NaivePlanner(catalog)
    for _ in range(6):
        chosen = _random_answers(vocabulary, data)
        assert engine.plan(chosen) == naive.plan(chosen)
        assert engine.meetups(chosen) == naive.meetups(chosen)


def _reference_greedy(candidates, count, taken):
    """The pick as the rule says it, with no early stop: the best adjusted score, smaller id on ties."""
    pool = [c for c in candidates if c.id not in taken]
    chosen, covered = [], set()
    while pool and len(chosen) < count:
        def adjusted(c):
            return c.score - (rule.REPEAT_PENALTY if covered and c.tags <= covered else 0)
        best = min(pool, key=lambda c: (-adjusted(c), c.id))
        chosen.append((best.id, adjusted(best)))
        covered |= best.tags
        pool.remove(best)
    return chosen


@settings(max_examples=200, deadline=None)
@given(items=st.lists(st.tuples(st.integers(0, 8), st.sets(st.sampled_from("abcd"), max_size=2)),
                      max_size=12),
       count=st.integers(1, 4), taken=st.sets(st.integers(0, 11), max_size=3))
def test_the_greedy_pick_stops_early_without_changing_the_result(items, count, taken):
    facts = [rule.Facts(Entry(f"c{index:02d}", Kind.ARTICLE, Path("x"), {}), frozenset(), (), (), frozenset(),
                        frozenset(), False, False, None, None)
             for index in range(len(items))]
    candidates = [rule.Candidate(facts[index], score, frozenset(tags), rule.LEVEL_ANY)
                  for index, (score, tags) in enumerate(items)]
    ranked = sorted(candidates, key=lambda c: (-c.score, c.id))
    taken_ids = {f"c{index:02d}" for index in taken}
    got = [(c.id, c.score) for c in rule.greedy(ranked, count, taken_ids)]
    assert got == _reference_greedy(candidates, count, taken_ids)
