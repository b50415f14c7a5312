"""The path rule: scoring, ties, thin data, determinism, and reading the answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pathfixture import load, make_root, write_entry
from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Catalog, Entry, Kind
from pmgenome.plan import engine as rule
from pmgenome.plan.engine import (
    Answers,
    Goal,
    Place,
    PlanItem,
    Planner,
    PmLoad,
    all_answers,
    make_plan,
    parse_answers,
    parse_place,
    pick_meetups,
)

SHIPPED = Path(__file__).resolve().parent.parent / "catalog"


def answers(stage="new", background="other", company=("b2b",), load=PmLoad.BALANCED, goal=Goal.DEEPEN,
            place=None) -> Answers:
    return Answers(stage, background, tuple(company), load, goal, place)


def ids(items) -> list[str]:
    return [item.id for item in items]


def test_ties_go_to_the_smaller_id_whatever_the_file_order(tmp_path):
    first, second = make_root(tmp_path / "one"), make_root(tmp_path / "two")
    for root, order in ((first, ("zeta", "alpha", "mid")), (second, ("mid", "zeta", "alpha"))):
        for entry_id in order:
            write_entry(root, "article", entry_id, segments=["b2b"], skills=["go-to-market"])
    plan_one = make_plan(load(first), answers())
    plan_two = make_plan(load(second), answers())
    assert ids(plan_one.deepen) == ["alpha", "mid", "zeta"]
    assert plan_one == plan_two
    assert make_plan(load(first), answers()) == plan_one


def test_a_deepening_item_names_segment_skill_and_stage(tmp_path):
    root = make_root(tmp_path)
    write_entry(root, "article", "gtm", segments=["b2b"], skills=["go-to-market"], levels=["new"])
    plan = make_plan(load(root), answers())
    assert plan.deepen == (PlanItem(
        "gtm", "article", "Gtm", "https://example.com/gtm",
        "Deepens B2B: go-to-market and sales; matches your stage (New PM).",
        rule.LEVEL_EXACT + rule.FLAVOUR_SKILL + rule.SEGMENT_MATCH),)


def test_stage_fit_orders_exact_then_any_then_neighbour_and_drops_far_levels(tmp_path):
    root = make_root(tmp_path)
    for entry_id, levels in (("a-far", ["leader"]), ("b-next", ["experienced"]), ("c-any", None),
                             ("d-exact", ["new"])):
        extra = {"levels": levels} if levels else {}
        write_entry(root, "article", entry_id, segments=["b2b"], skills=["go-to-market"], **extra)
    plan = make_plan(load(root), answers(goal=Goal.DEEPEN))
    assert ids(plan.deepen) == ["d-exact", "c-any", "b-next"]
    assert [item.reason for item in plan.deepen] == [
        "Deepens B2B: go-to-market and sales; matches your stage (New PM).",
        "Deepens B2B: go-to-market and sales; fits any stage.",
        "Deepens B2B: go-to-market and sales; a stage ahead (Experienced PM).",
    ]
    assert "Few deepening resources are written for your stage yet, so the plan borrows from the " \
           "neighbouring stage." in plan.notes


def test_background_gap_and_background_tag_lift_broadening_items(tmp_path):
    root = make_root(tmp_path)
    write_entry(root, "article", "a-strategy", segments=["b2c"], skills=["strategy"])
    write_entry(root, "article", "b-discovery", segments=["b2c"], skills=["discovery"])
    write_entry(root, "article", "c-move", segments=["b2c"], skills=["execution"], backgrounds=["engineering"])
    plan = make_plan(load(root), answers(background="engineering", company=("technical",), goal=Goal.BROADEN))
    assert [(item.id, item.score, item.reason) for item in plan.broaden] == [
        ("c-move", rule.LEVEL_ANY + rule.BACKGROUND_MATCH,
         "Broadens delivery and execution; written for those moving in from software engineering; fits any stage."),
        ("a-strategy", rule.LEVEL_ANY + rule.BACKGROUND_GAP,
         "Broadens strategy and vision; often new to people from software engineering; fits any stage."),
        ("b-discovery", rule.LEVEL_ANY + rule.BACKGROUND_GAP,
         "Broadens discovery and customer research; often new to people from software engineering; "
         "fits any stage."),
    ]


def _with_backgrounds(root: Path) -> Path:
    """The fixture vocabulary plus two backgrounds it did not have: one with gaps, one without."""
    taxonomy = root / "taxonomy.yaml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8")
                        + "  - {id: research, name: User research, description: From research.,"
                        + " gaps: [communication]}\n"
                        + "  - {id: law, name: Law, description: From law.}\n", encoding="utf-8")
    for entry_id, skill in (("a-discovery", "discovery"), ("b-strategy", "strategy"), ("c-talk", "communication")):
        write_entry(root, "article", entry_id, segments=["b2c"], skills=[skill])
    return root


def test_a_background_added_to_the_vocabulary_brings_its_gaps_into_the_broadening_pick(tmp_path):
    catalog = load(_with_backgrounds(make_root(tmp_path)))
    parsed, errors = parse_answers(catalog.taxonomy, stage="new", background="research", company="technical")
    assert errors == []
    plan = make_plan(catalog, parsed)
    assert [(item.id, item.score, item.reason) for item in plan.broaden] == [
        ("c-talk", rule.LEVEL_ANY + rule.BACKGROUND_GAP,
         "Broadens communication and stakeholders; often new to people from user research; fits any stage."),
        ("a-discovery", rule.LEVEL_ANY, "Broadens discovery and customer research; fits any stage."),
    ]


@pytest.mark.parametrize("background", ["law", "other"])
def test_a_background_without_gaps_gets_no_gap_bonus(tmp_path, background):
    # "research" lacks communication, so c-talk must not be lifted for the others.
    plan = make_plan(load(_with_backgrounds(make_root(tmp_path))),
                     answers(background=background, company=("technical",), goal=Goal.BROADEN))
    assert [(item.id, item.score, item.reason) for item in plan.broaden] == [
        ("a-discovery", rule.LEVEL_ANY, "Broadens discovery and customer research; fits any stage."),
        ("b-strategy", rule.LEVEL_ANY, "Broadens strategy and vision; fits any stage."),
        ("c-talk", rule.LEVEL_ANY, "Broadens communication and stakeholders; fits any stage."),
    ]


@pytest.mark.parametrize("load_, expected", [
    (PmLoad.HEAVY, ["a-delivery", "b-talk"]),
    (PmLoad.BALANCED, ["a-delivery", "b-talk"]),
    (PmLoad.LIGHT, ["b-talk", "a-delivery"]),
])
def test_project_management_load_moves_delivery_up_or_down(tmp_path, load_, expected):
    root = make_root(tmp_path)
    write_entry(root, "article", "a-delivery", segments=["b2c"], skills=["execution"])
    write_entry(root, "article", "b-talk", segments=["b2c"], skills=["communication"])
    plan = make_plan(load(root), answers(company=("b2c",), load=load_, goal=Goal.BROADEN))
    assert ids(plan.broaden) == expected


def test_heavy_load_says_why_in_the_reason(tmp_path):
    root = make_root(tmp_path)
    write_entry(root, "article", "delivery", segments=["b2c"], skills=["execution"])
    plan = make_plan(load(root), answers(company=("technical",), load=PmLoad.HEAVY, goal=Goal.BROADEN))
    assert plan.broaden[0].reason == ("Broadens delivery and execution; delivery is a big part of your week; "
                                      "fits any stage.")
    assert plan.broaden[0].score == rule.LEVEL_ANY + rule.PM_LOAD_WEIGHT[PmLoad.HEAVY]


def test_the_goal_decides_which_part_gets_first_pick_and_how_many(tmp_path):
    root = make_root(tmp_path)
    for entry_id in ("both-1", "both-2", "both-3", "both-4", "both-5"):
        write_entry(root, "article", entry_id, segments=["b2b"], skills=["go-to-market", "discovery"])
    deep = make_plan(load(root), answers(goal=Goal.DEEPEN))
    broad = make_plan(load(root), answers(goal=Goal.BROADEN))
    assert (ids(deep.deepen), ids(deep.broaden)) == (["both-1", "both-2", "both-3"], ["both-4", "both-5"])
    assert (ids(broad.broaden), ids(broad.deepen)) == (["both-1", "both-2", "both-3"], ["both-4", "both-5"])
    assert [name for name, _ in deep.parts] == ["deepen", "broaden", "course", "meetups"]
    assert [name for name, _ in broad.parts] == ["broaden", "deepen", "course", "meetups"]


def test_a_part_spans_skills_before_repeating_one(tmp_path):
    root = make_root(tmp_path)
    write_entry(root, "article", "a-gap-1", segments=["b2c"], skills=["discovery"])
    write_entry(root, "article", "b-gap-2", segments=["b2c"], skills=["discovery"])
    write_entry(root, "article", "c-other", segments=["b2c"], skills=["execution"])
    plan = make_plan(load(root), answers(background="engineering", company=("technical",), goal=Goal.BROADEN))
    # b-gap-2 scores 4 and c-other 2, but b-gap-2 repeats discovery: 4 - REPEAT_PENALTY ties 2, id decides.
    assert [(item.id, item.score) for item in plan.broaden] == [("a-gap-1", 4), ("b-gap-2", 2), ("c-other", 2)]
    assert rule.REPEAT_PENALTY == 2


def test_an_entry_of_the_segment_without_a_flavour_skill_still_deepens(tmp_path):
    root = make_root(tmp_path)
    write_entry(root, "article", "b2b-general", segments=["b2b"], skills=["strategy"])
    write_entry(root, "article", "b2c-growth", segments=["b2c"], skills=["growth"])
    plan = make_plan(load(root), answers(company=("b2b",)))
    assert [(item.id, item.reason) for item in plan.deepen] == [
        ("b2b-general", "Deepens your B2B context; fits any stage.")]
    assert plan.broaden == ()


def test_curated_picks_for_the_company_segments_add_a_point(tmp_path):
    root = make_root(tmp_path, picks="b2b:\n  article: [{id: zz-picked, why: Chosen.}]\n")
    write_entry(root, "article", "aa-plain", segments=["b2b"], skills=["go-to-market"])
    write_entry(root, "article", "zz-picked", segments=["b2b"], skills=["go-to-market"])
    plan = make_plan(load(root), answers())
    assert ids(plan.deepen) == ["zz-picked", "aa-plain"]
    assert plan.deepen[0].reason == "Deepens B2B: go-to-market and sales; a curators' pick; fits any stage."


def test_thin_data_is_said_in_the_notes(tmp_path):
    root = make_root(tmp_path)
    write_entry(root, "article", "only", segments=["technical"], skills=["technical-fluency"])
    plan = make_plan(load(root), answers(stage="leader", company=("b2b", "technical")))
    assert ids(plan.deepen) == ["only"]
    assert plan.broaden == () and plan.course is None and plan.meetups == ()
    assert plan.thin
    assert plan.notes == (
        "Only 1 deepening resource in the catalog fits a Product leader at a B2B and Technical company so far; "
        "3 were wanted.",
        "No broadening resource in the catalog fits a Product leader at a B2B and Technical company yet.",
        "No course in the catalog fits a Product leader at a B2B and Technical company yet.",
        "No meetup or community in the catalog fits a Product leader at a B2B and Technical company yet.",
    )


def test_an_empty_catalog_gives_an_empty_plan_that_says_so(tmp_path):
    plan = make_plan(load(make_root(tmp_path)), answers(goal=Goal.BROADEN))
    assert (plan.deepen, plan.broaden, plan.course, plan.meetups) == ((), (), None, ())
    assert plan.notes == (
        "No broadening resource in the catalog fits a New PM at a B2B company yet.",
        "No deepening resource in the catalog fits a New PM at a B2B company yet.",
        "No course in the catalog fits a New PM at a B2B company yet.",
        "No meetup or community in the catalog fits a New PM at a B2B company yet.",
    )


def test_the_course_follows_the_goal_and_falls_back_to_the_other_part(tmp_path):
    root = make_root(tmp_path)
    write_entry(root, "course", "broad-course", segments=["b2c"], skills=["strategy"], pace="self-paced",
                access="free")
    write_entry(root, "course", "deep-course", segments=["b2b"], skills=["go-to-market"], access="paid")
    catalog = load(root)
    deep = make_plan(catalog, answers(goal=Goal.DEEPEN))
    assert deep.course == PlanItem("deep-course", "course", "Deep Course", "https://example.com/deep-course",
                                   "Deepens B2B: go-to-market and sales; fits any stage; paid.", 7)
    broad = make_plan(catalog, answers(company=("technical",), goal=Goal.BROADEN))
    assert broad.course.id == "broad-course"
    assert broad.course.reason == "Broadens strategy and vision; fits any stage; self-paced, free."
    fallback = make_plan(catalog, answers(company=("technical",), goal=Goal.DEEPEN))
    assert fallback.course.id == "broad-course"
    assert "No course that deepens fits a New PM at a Technical company yet; this one broadens instead." \
           in fallback.notes


def _meetups(root: Path) -> None:
    write_entry(root, "meetup", "berlin-b2b", segments=["b2b"], online=False, city="Berlin", country="DE")
    write_entry(root, "meetup", "london-all", segments=["b2b", "b2c", "technical"], online=False,
                city="London", country="GB", frequency="monthly")
    write_entry(root, "meetup", "manchester", segments=["b2c"], online=False, city="Manchester", country="GB")
    write_entry(root, "meetup", "slack-b2b", segments=["b2b"], online=True)


@pytest.mark.parametrize("place, expected", [
    (None, [("slack-b2b", "Online, so you can join from anywhere; focused on B2B product work; fits any stage."),
            ("berlin-b2b", "In person in Berlin, DE; focused on B2B product work; fits any stage.")]),
    ("online", [("slack-b2b", "Online, so you can join from anywhere; focused on B2B product work; "
                              "fits any stage.")]),
    ("London, GB", [("london-all", "In person in London, GB, your city; meets monthly; fits any stage."),
                    ("slack-b2b", "Online, so you can join from anywhere; focused on B2B product work; "
                                  "fits any stage.")]),
    ("gb", [("london-all", "In person in London, GB, in your country; meets monthly; fits any stage."),
            ("slack-b2b", "Online, so you can join from anywhere; focused on B2B product work; fits any stage.")]),
    ("Leeds, GB", [("london-all", "In person in London, GB, in your country; meets monthly; fits any stage."),
                   ("slack-b2b", "Online, so you can join from anywhere; focused on B2B product work; "
                                 "fits any stage.")]),
])
def test_meetups_near_the_reader(tmp_path, place, expected):
    root = make_root(tmp_path)
    _meetups(root)
    where = parse_place(place)[0] if place else None
    picked = pick_meetups(load(root), answers(place=where))
    assert [(item.id, item.reason) for item in picked.items] == expected
    assert picked.notes == ()


def test_no_meetup_in_the_named_place_falls_back_to_online_and_says_so(tmp_path):
    root = make_root(tmp_path)
    _meetups(root)
    picked = pick_meetups(load(root), answers(place=Place(city="Lisbon")))
    assert ids(picked.items) == ["slack-b2b"]
    assert picked.notes == ("No meetup in Lisbon is in the catalog yet; these are online.",)


@pytest.mark.parametrize("text, expected", [
    ("online", Place(online=True)), (" ONLINE ", Place(online=True)), ("gb", Place(country="GB")),
    ("London", Place(city="London")), ("New  York, us", Place(city="New York", country="US")),
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
    assert parsed == Answers("new", "design", ("b2b", "technical"), PmLoad.HEAVY, Goal.BROADEN, Place(online=True))
    assert parsed.key == "new|design|b2b+technical|heavy|broaden"


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
    assert len(combos) == len({combo.key for combo in combos}) == 4 * 3 * 7 * 3 * 2
    assert combos[0] == Answers("aspiring", "engineering", ("b2b",), PmLoad.LIGHT, Goal.BROADEN)


def test_the_rule_names_only_ids_the_shipped_vocabulary_has():
    catalog, _ = load_catalog(SHIPPED)
    skills = catalog.taxonomy.ids("skills")
    general = {term.id for term in catalog.taxonomy.skills if term.scope == "general"}
    assert rule.PM_SKILL in general <= set(skills)


def test_every_combination_over_the_shipped_catalog_has_a_broadening_and_a_deepening_resource():
    catalog, problems = load_catalog(SHIPPED)
    assert problems == []
    missing = []
    for combo in all_answers(catalog.taxonomy):
        plan = make_plan(catalog, combo)
        if not plan.broaden or not plan.deepen:
            missing.append(combo.key)
    assert missing == []
    stages, segments = catalog.taxonomy.ids("levels"), catalog.taxonomy.ids("segments")
    assert len(stages) >= 4 and len(segments) >= 4


# --- the lazy rankings and the greedy pick against plain references ----------------------------

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


@settings(max_examples=60, deadline=None)
@given(fields=st.lists(_entry_fields, max_size=25), picks=st.lists(st.integers(0, 24), max_size=3),
       data=st.data())
def test_lazy_rankings_plan_exactly_like_full_ones(vocabulary, fields, picks, data):
    taxonomy = vocabulary
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
    catalog = Catalog(Path("."), tuple(entries), taxonomy, picked)
    lazy, full = Planner(catalog), Planner(catalog, lazy=False)
    for _ in range(6):
        chosen = data.draw(st.sampled_from(list(all_answers(taxonomy))))
        place = data.draw(st.sampled_from([None, "online", "GB", "Leeds, GB", "Berlin"]))
        chosen = Answers(chosen.stage, chosen.background, chosen.company, chosen.pm_load, chosen.goal,
                         parse_place(place)[0] if place else None)
        assert lazy.plan(chosen) == full.plan(chosen)


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
    features = [rule._Features(Entry(f"c{index:02d}", Kind.ARTICLE, Path("x"), {}), frozenset(), (), (), (), (),
                               frozenset(), 0, frozenset(), False, False, None, None)
                for index in range(len(items))]
    candidates = [rule._Candidate(features[index], score, frozenset(tags), rule.LEVEL_ANY)
                  for index, (score, tags) in enumerate(items)]
    ranked = sorted(candidates, key=lambda c: (-c.score, c.id))
    taken_ids = {f"c{index:02d}" for index in taken}
    got = [(c.id, c.score) for c in rule._greedy(ranked, count, taken_ids)]
    assert got == _reference_greedy(candidates, count, taken_ids)
