"""The plan laid out over weeks: the budget kept, long items split into sessions, the rule's order
(the company's expected gaps first, then short before long, then the plan's order), and every bad
budget named."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pmgenome.plan.answers import Goal
from pmgenome.plan.model import Plan, PlanItem, SkillRow
from pmgenome.plan.schedule import Budget, Session, make_schedule, parse_budget, schedule_as_dict, schedule_text


def item(entry_id: str) -> PlanItem:
    return PlanItem(entry_id, "article", entry_id.title(), f"https://example.com/{entry_id}", "Why.", 1)


def plan(reading: list[str], course: str | None = None, gaps: tuple[str, ...] = ()) -> Plan:
    # A skill the company expects at 2 that the reader rated 1, grown by the `gaps` items.
    row = SkillRow("go-to-market", "Go-to-market", "flavour", 1, 2, gaps)
    return Plan(SimpleNamespace(goal=Goal.BROADEN), (), tuple(item(name) for name in reading),
                item(course) if course else None, (), profile=(row,))


def layout(schedule) -> list[list[tuple[str, int, int, int]]]:
    return [[(session.item.id, session.minutes, session.part, session.parts) for session in week.sessions]
            for week in schedule.weeks]


def test_short_before_long_and_a_new_week_when_the_next_item_does_not_fit():
    schedule = make_schedule(plan(["c", "a", "b"]), {"a": 40, "b": 20, "c": 30}, Budget(60))
    assert layout(schedule) == [[("b", 20, 1, 1), ("c", 30, 1, 1)], [("a", 40, 1, 1)]]


def test_the_company_s_expected_gaps_come_first_and_equal_lengths_keep_the_plan_s_order():
    schedule = make_schedule(plan(["a", "b", "c", "d"], gaps=("d",)), {"a": 10, "b": 10, "c": 5, "d": 50},
                             Budget(60))
    assert layout(schedule) == [[("d", 50, 1, 1), ("c", 5, 1, 1)], [("a", 10, 1, 1), ("b", 10, 1, 1)]]


def test_an_item_longer_than_a_week_is_split_into_sessions_from_what_is_left_of_the_week():
    schedule = make_schedule(plan(["a"], course="course"), {"a": 20, "course": 180},
                             Budget(60, start=dt.date(2026, 12, 7)))
    assert layout(schedule) == [[("a", 20, 1, 1), ("course", 40, 1, 4)], [("course", 60, 2, 4)],
                                [("course", 60, 3, 4)], [("course", 20, 4, 4)]]
    assert [week.start for week in schedule.weeks] == [dt.date(2026, 12, 7), dt.date(2026, 12, 14),
                                                       dt.date(2026, 12, 21), dt.date(2026, 12, 28)]
    assert schedule_text(schedule) == """
Your weeks (1 h a week, from 2026-12-07)
  Week 1 (2026-12-07): 1 h
    - A (20 min)
    - Course (40 min, session 1 of 4)
  Week 2 (2026-12-14): 1 h
    - Course (1 h, session 2 of 4)
  Week 3 (2026-12-21): 1 h
    - Course (1 h, session 3 of 4)
  Week 4 (2026-12-28): 20 min
    - Course (20 min, session 4 of 4)
"""


def test_weeks_asked_for_cut_the_schedule_and_items_without_a_time_are_listed_apart():
    schedule = make_schedule(plan(["a", "b", "c", "d"]), {"a": 50, "b": 50, "c": 50, "d": None},
                             Budget(60, weeks=2))
    assert layout(schedule) == [[("a", 50, 1, 1)], [("b", 50, 1, 1)]]
    assert schedule_as_dict(schedule) == {
        "minutes_per_week": 60, "start": None,
        "weeks": [{"week": 1, "start": None, "minutes": 50,
                   "sessions": [{"id": "a", "title": "A", "minutes": 50, "part": 1, "parts": 1}]},
                  {"week": 2, "start": None, "minutes": 50,
                   "sessions": [{"id": "b", "title": "B", "minutes": 50, "part": 1, "parts": 1}]}],
        "untimed": ["d"], "later": ["c"]}
    assert schedule_text(schedule).splitlines()[-2:] == [
        "  After these 2 weeks: C", "  No time stated yet, read when you can: D"]


@given(lengths=st.lists(st.integers(1, 900), min_size=1, max_size=12), budget=st.integers(15, 600),
       gaps=st.sets(st.integers(0, 11)))
def test_no_week_is_over_its_budget_and_every_item_is_read_whole(lengths, budget, gaps):
    names = [f"e{number}" for number in range(len(lengths))]
    gap_ids = {names[number] for number in gaps if number < len(names)}
    the_plan = plan(names, gaps=tuple(sorted(gap_ids)))
    schedule = make_schedule(the_plan, dict(zip(names, lengths, strict=True)), Budget(budget))
    assert all(0 < week.minutes <= budget for week in schedule.weeks)
    sessions: list[Session] = [session for week in schedule.weeks for session in week.sessions]
    for name, length in zip(names, lengths, strict=True):
        mine = [session for session in sessions if session.item.id == name]
        assert sum(session.minutes for session in mine) == length
        assert [session.part for session in mine] == list(range(1, len(mine) + 1))
        assert len(mine) == 1 or length > budget  # only what is longer than a week is split
    firsts = [session.item.id for session in sessions if session.part == 1]
    keys = [(name not in gap_ids, lengths[names.index(name)], names.index(name)) for name in firsts]
    assert keys == sorted(keys)


@pytest.mark.parametrize(("hours", "weeks", "start", "errors"), [
    ("abc", None, None, ["--hours-per-week 'abc' is not a number of hours; write one like 3 or 1.5"]),
    ("nan", None, None, ["--hours-per-week 'nan' is not a number of hours; write one like 3 or 1.5"]),
    ("0", None, None, ["--hours-per-week 0: give more than 0 hours a week"]),
    ("-2", None, None, ["--hours-per-week -2: give more than 0 hours a week"]),
    ("100", None, None, ["--hours-per-week 100 is more than 40 hours a week; give the hours you can really spend"]),
    ("0.1", None, None, ["--hours-per-week 0.1 is less than 15 minutes a week; give at least 0.25"]),
    ("3", "0", None, ["--weeks '0' must be a whole number of weeks from 1 to 52"]),
    ("3", "500", None, ["--weeks '500' must be a whole number of weeks from 1 to 52"]),
    ("3", "two", "2026-02-30", ["--weeks 'two' must be a whole number of weeks from 1 to 52",
                                "--start '2026-02-30' is not a day that exists; write YYYY-MM-DD, like 2026-12-07"]),
    ("3", None, "7 Dec", ["--start '7 Dec' is not a day that exists; write YYYY-MM-DD, like 2026-12-07"]),
])
def test_every_bad_budget_is_named(hours, weeks, start, errors):
    assert parse_budget(hours, weeks, start) == (None, errors)


def test_a_good_budget_is_minutes_a_week():
    assert parse_budget("1.5", "4", "2026-12-07") == (Budget(90, 4, dt.date(2026, 12, 7)), [])
