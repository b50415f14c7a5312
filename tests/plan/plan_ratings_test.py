"""The rule with self-ratings, the expected T, the new kinds and access; the greedy pick's early stop."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pmgenome.catalog.model import Entry, Kind
from pmgenome.plan import rule
from pmgenome.plan.answers import parse_answers
from pmgenome.plan.model import SkillRow
from pmgenome.plan.planner import Planner, make_plan

from tests.support.planfixture import (
    GENERAL,
    entry_fields,
    load,
    make_root,
    random_answers,
    random_catalog,
    write_entry,
)


def plan_for(root: Path, **answers):
    catalog = load(root)
    values = {"stage": "new", "background": "other", "company": "b2b", "goal": "broaden", **answers}
    parsed, errors = parse_answers(catalog.taxonomy, **values)
    assert errors == []
    return make_plan(catalog, parsed)


def ids(items) -> list[str]:
    return [item.id for item in items]


def parts(plan) -> tuple:
    return plan.deepen, plan.broaden, plan.course, plan.habits, plan.meetups, plan.notes


@pytest.fixture
def general_catalog(tmp_path) -> Path:
    root = make_root(tmp_path)
    write_entry(root, "article", "a-strategy", segments=["b2b"], skills=["strategy"], levels=["new"])
    write_entry(root, "article", "b-discovery", segments=["b2c"], skills=["discovery"])
    write_entry(root, "article", "c-discovery", segments=["b2c"], skills=["discovery"])
    write_entry(root, "article", "d-execution", segments=["b2b"], skills=["execution"], backgrounds=["other"])
    write_entry(root, "article", "e-talk", segments=["b2b"], skills=["communication", "go-to-market"])
    return root


def test_no_ratings_and_every_skill_rated_3_give_the_unrated_plan(general_catalog):
    unrated = plan_for(general_catalog)
    assert parts(plan_for(general_catalog, ratings="")) == parts(unrated)
    top = ",".join(f"{skill}=3" for skill in (*GENERAL, "go-to-market", "growth", "technical-fluency"))
    all_three = plan_for(general_catalog, ratings=top)
    assert parts(all_three) == parts(unrated)
    assert ids(unrated.broaden) == ["d-execution", "a-strategy", "e-talk"]
    assert [row.rating for row in all_three.profile] == [3, 3, 3, 3, 3]
    assert [row.rating for row in unrated.profile] == [None] * 5


def test_the_broadening_part_aims_at_the_lowest_rated_skills_first_and_spans_them(general_catalog):
    plan = plan_for(general_catalog, ratings="discovery=0,strategy=1,execution=3")
    assert [(item.id, item.score) for item in plan.broaden] == [
        ("b-discovery", rule.LEVEL_ANY + rule.GAP_STEP * 3),
        ("a-strategy", rule.LEVEL_EXACT + rule.SEGMENT_CONTEXT + rule.GAP_STEP * 2),
        # discovery is covered: c-discovery adds nothing new; d-execution is rated 3 but matches the background
        ("d-execution", rule.LEVEL_ANY + rule.SEGMENT_CONTEXT + rule.BACKGROUND_MATCH),
    ]
    assert plan.broaden[0].reason == "Broadens discovery and customer research, your gap (you rated it 0 of 3); " \
                                     "fits any stage."
    assert plan.broaden[1].reason == "Broadens strategy and vision, your gap (you rated it 1 of 3); " \
                                     "matches your stage (New PM)."


def test_equal_ratings_go_to_the_backgrounds_usual_gaps(tmp_path):
    root = make_root(tmp_path)
    write_entry(root, "article", "a-execution", segments=["b2c"], skills=["execution"])
    write_entry(root, "article", "b-discovery", segments=["b2c"], skills=["discovery"])
    # engineering usually lacks discovery (and communication, strategy), not execution
    engineer = plan_for(root, background="engineering", ratings="discovery=1,execution=1")
    assert ids(engineer.broaden) == ["b-discovery", "a-execution"]
    other = plan_for(root, background="other", ratings="discovery=1,execution=1")
    assert ids(other.broaden) == ["a-execution", "b-discovery"]


def test_the_deepening_part_aims_at_the_lowest_rated_flavour_skill_the_company_expects(tmp_path):
    root = make_root(tmp_path)
    write_entry(root, "article", "a-growth", segments=["b2c"], skills=["growth"])
    write_entry(root, "article", "b-fluency", segments=["technical"], skills=["technical-fluency"])
    plan = plan_for(root, company="b2c,technical", goal="deepen", ratings="growth=2,technical-fluency=0")
    assert ids(plan.deepen) == ["b-fluency", "a-growth"]
    assert plan.deepen[0].reason == ("Deepens Technical: technical fluency; closes your gap in technical fluency "
                                     "(you rated it 0 of 3; a B2C and Technical company expects 3); fits any stage.")
    # equal ratings: both expected at 3 here, so the smaller id
    assert ids(plan_for(root, company="b2c,technical", goal="deepen",
                        ratings="growth=1,technical-fluency=1").deepen) == ["a-growth", "b-fluency"]


def test_thin_data_for_the_lowest_rated_skill_is_said_and_the_plan_aims_at_the_next(general_catalog):
    plan = plan_for(general_catalog, ratings="communication=2,strategy=1,discovery=3,execution=3",
                    stage="leader")
    # nothing for a leader teaches communication or strategy except e-talk (any stage) and a-strategy (new: too far)
    assert ids(plan.broaden)[0] == "e-talk"
    plan = plan_for(make_root(general_catalog.parent / "empty"), ratings="strategy=0")
    assert plan.broaden == ()
    assert "Nothing in the catalog for a New PM at a B2B company teaches strategy and vision yet, the general skill " \
           "you rated lowest; the plan aims at your next gaps." in plan.notes


def test_the_profile_is_the_bar_then_the_stem_with_ratings_expected_levels_and_what_grows_them(general_catalog):
    plan = plan_for(general_catalog, company="b2b", goal="deepen", ratings="communication=1,go-to-market=0")
    assert plan.profile == (
        SkillRow("strategy", "Strategy and vision", "general", None, 0, ("a-strategy",)),
        SkillRow("discovery", "Discovery and customer research", "general", None, 0, ("b-discovery", "c-discovery")),
        SkillRow("execution", "Delivery and execution", "general", None, 0, ("d-execution",)),
        SkillRow("communication", "Communication and stakeholders", "general", 1, 2, ("e-talk",)),
        SkillRow("go-to-market", "Go-to-market and sales", "flavour", 0, 3, ("e-talk",)),
    )


def test_videos_read_books_study_podcasts_and_newsletters_are_habits_and_paywalls_cost_a_point(tmp_path):
    root = make_root(tmp_path)
    write_entry(root, "video", "a-talk", segments=["b2b"], skills=["go-to-market"])
    write_entry(root, "article", "b-paywalled", segments=["b2b"], skills=["go-to-market"], access="paywalled")
    write_entry(root, "article", "c-free", segments=["b2b"], skills=["go-to-market"], access="free")
    write_entry(root, "book", "d-book", segments=["b2b"], skills=["go-to-market"], authors=["A. Writer"],
                year=2020, access="paid")
    write_entry(root, "podcast", "e-pod", segments=["b2b"], skills=["strategy"], host="Host", cadence="weekly")
    write_entry(root, "newsletter", "f-letter", segments=["b2c"], skills=["growth"], author="Writer",
                cadence="monthly")
    plan = plan_for(root, goal="deepen")
    # each adds nothing new after the first, so each loses REPEAT_PENALTY; the paywall costs a point more
    assert [(item.id, item.kind, item.score) for item in plan.deepen] == [
        ("a-talk", "video", 7), ("c-free", "article", 7 - rule.REPEAT_PENALTY),
        ("b-paywalled", "article", 7 - rule.REPEAT_PENALTY - rule.ACCESS_BARRIER)]
    assert plan.deepen[2].reason == "Deepens B2B: go-to-market and sales; behind a paywall; fits any stage."
    assert (plan.course.id, plan.course.score) == ("d-book", 7 - rule.ACCESS_BARRIER - rule.BOOK_FOR_COURSE)
    # the newsletter is written for B2C and teaches no general skill: it fits neither part
    assert [(item.id, item.reason) for item in plan.habits] == [
        ("e-pod", "Deepens your B2B context; fits any stage; weekly.")]
    write_entry(root, "course", "g-course", segments=["b2b"], skills=["go-to-market"])
    assert plan_for(root, goal="deepen").course.id == "g-course"


def test_a_habit_falls_back_to_the_other_part(tmp_path):
    root = make_root(tmp_path)
    write_entry(root, "podcast", "e-pod", segments=["b2b"], skills=["strategy"], host="Host", cadence="weekly")
    write_entry(root, "newsletter", "f-letter", segments=["b2c"], skills=["strategy"], author="Writer",
                cadence="monthly")
    plan = plan_for(root, goal="deepen")
    assert [(item.id, item.reason) for item in plan.habits] == [
        ("e-pod", "Deepens your B2B context; fits any stage; weekly."),
        ("f-letter", "Broadens strategy and vision; fits any stage; monthly."),
    ]


def test_comparing_with_another_flavour(tmp_path):
    root = make_root(tmp_path)
    write_entry(root, "article", "a-growth", segments=["b2c"], skills=["growth"])
    write_entry(root, "article", "b-gtm", segments=["b2b"], skills=["go-to-market"])
    plan = plan_for(root, company="b2b", compare="b2c", ratings="go-to-market=2")
    comparison = plan.comparison
    assert (comparison.segment, comparison.name) == ("b2c", "B2C")
    assert comparison.carries == ()
    assert comparison.new == (SkillRow("growth", "Growth and retention", "flavour", None, 3, ("a-growth",)),)
    assert [(item.id, item.reason) for item in comparison.items] == [
        ("a-growth", "Deepens B2C: growth and retention; closes your gap in growth and retention (new to you; "
                     "a B2C company expects 3); fits any stage.")]
    empty = plan_for(make_root(tmp_path / "empty"), compare="technical")
    assert empty.comparison.notes == (
        "No article or talk in the catalog deepens a Technical company's flavour for a New PM yet.",)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fields=st.lists(entry_fields(), max_size=30), picks=st.lists(st.integers(0, 30), max_size=3),
       data=st.data())
def test_the_lowest_rated_general_skill_is_aimed_at_whenever_the_catalog_teaches_it(fields, picks, data,
                                                                                    tmp_path_factory):
    taxonomy = _vocabulary(tmp_path_factory)
    catalog = random_catalog(taxonomy, fields, picks)
    answers = random_answers(taxonomy, data)
    rated = {skill: level for skill, level in answers.ratings if skill in GENERAL}
    lowest = min(rated.values(), default=3)
    targets = [skill for skill, level in rated.items() if level == lowest]
    if lowest == 3 or len(targets) != 1:
        return  # no gap, or a tie (the tie rule has its own test)
    target = targets[0]
    planner = Planner(catalog)
    who = rule.reader(answers, planner.vocabulary, catalog)
    teachable = [facts for kind in rule.SLOT_KINDS["reading"] for facts in planner.entries[kind]
                 if target in facts.general and rule.stage_fit(facts.levels, who.stage) is not None]
    plan = planner.plan(answers)
    taught = [item.id for item in plan.deepen + plan.broaden if target in catalog.by_id[item.id].skills]
    assert bool(taught) == bool(teachable)
    if teachable and plan.broaden and not set(facts.id for facts in teachable) <= {item.id for item in plan.deepen}:
        assert target in catalog.by_id[plan.broaden[0].id].skills


_VOCABULARY: list = []


def _vocabulary(factory):
    if not _VOCABULARY:
        _VOCABULARY.append(load(make_root(factory.mktemp("vocabulary"))).taxonomy)
    return _VOCABULARY[0]


def _reference_greedy(candidates, count, taken):
    """The pick as the rule says it, with no early stop: the best adjusted score, smaller id on ties."""
    pool = [c for c in candidates if c.id not in taken]
    chosen, covered = [], set()
    while pool and len(chosen) < count:
        # Called only within this iteration, so it reads this iteration's `covered`.
        def adjusted(c):
            return c.score - (rule.REPEAT_PENALTY if covered and c.tags <= covered else 0)  # noqa: B023
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
    candidates = [rule.Candidate(facts[index], score, frozenset(tags), rule.StageFit.ANY)
                  for index, (score, tags) in enumerate(items)]
    ranked = sorted(candidates, key=lambda c: (-c.score, c.id))
    taken_ids = {f"c{index:02d}" for index in taken}
    got = [(c.id, c.score) for c in rule.greedy(ranked, count, taken_ids)]
    assert got == _reference_greedy(candidates, count, taken_ids)


def test_gap_step_outweighs_every_other_factor_of_a_broadening_score():
    spread = (rule.LEVEL_EXACT - rule.LEVEL_NEIGHBOUR + rule.BACKGROUND_MATCH + rule.BACKGROUND_GAP
              + max(rule.PM_LOAD_WEIGHT.values()) - min(rule.PM_LOAD_WEIGHT.values()) + rule.SEGMENT_CONTEXT
              + rule.CURATED_PICK + rule.ACCESS_BARRIER)
    assert rule.GAP_STEP > spread
