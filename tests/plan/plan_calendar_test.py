"""The plan's weeks as an iCalendar file: parsed back with `icalendar`, one event per session in the
reading slot, the same UIDs when exported again, and hostile titles kept to one escaped SUMMARY."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from types import SimpleNamespace

import pytest
from icalendar import Calendar
from pmgenome.plan.answers import Goal
from pmgenome.plan.calendar import Slot, parse_slot, schedule_ics
from pmgenome.plan.model import Plan, PlanItem
from pmgenome.plan.schedule import Budget, make_schedule

TODAY = dt.date(2026, 12, 6)
HOSTILE = "Pricing, packaging; and you\nBEGIN:VEVENT\nSUMMARY:owned"


def item(entry_id: str, title: str | None = None) -> PlanItem:
    return PlanItem(entry_id, "article", title or entry_id.title(), f"https://example.com/{entry_id}",
                    "Broadens pricing; a curators' pick, for you.", 1)


def calendar(items: list[PlanItem], minutes: dict[str, int], budget: Budget, slot: Slot | None = None) -> bytes:
    plan = Plan(SimpleNamespace(goal=Goal.BROADEN), (), tuple(items), None, ())
    schedule = make_schedule(plan, minutes, budget)
    return schedule_ics(schedule, {found.id: found for found in items}, TODAY, slot or Slot())


def events(ics: bytes) -> list:
    return [component for component in Calendar.from_ical(ics).walk("VEVENT")]


def test_one_event_per_session_in_the_reading_slot_with_its_why_and_link():
    ics = calendar([item("a"), item("b"), item("long")], {"a": 30, "b": 20, "long": 150},
                   Budget(60, start=dt.date(2026, 12, 7)))
    found = [(str(event["summary"]), event.decoded("dtstart"), event.decoded("duration"), str(event["uid"]))
             for event in events(ics)]
    assert found == [
        ("B", dt.datetime(2026, 12, 7, 8, 0), dt.timedelta(minutes=20), "plan-b-1-of-1@pmgenome"),
        ("A", dt.datetime(2026, 12, 8, 8, 0), dt.timedelta(minutes=30), "plan-a-1-of-1@pmgenome"),
        ("Long (session 1 of 4)", dt.datetime(2026, 12, 9, 8, 0), dt.timedelta(minutes=10),
         "plan-long-1-of-4@pmgenome"),
        ("Long (session 2 of 4)", dt.datetime(2026, 12, 14, 8, 0), dt.timedelta(minutes=60),
         "plan-long-2-of-4@pmgenome"),
        ("Long (session 3 of 4)", dt.datetime(2026, 12, 21, 8, 0), dt.timedelta(minutes=60),
         "plan-long-3-of-4@pmgenome"),
        ("Long (session 4 of 4)", dt.datetime(2026, 12, 28, 8, 0), dt.timedelta(minutes=20),
         "plan-long-4-of-4@pmgenome"),
    ]
    first = events(ics)[0]
    assert str(first["description"]) == "Broadens pricing; a curators' pick, for you.\nhttps://example.com/b"
    assert str(first["url"]) == "https://example.com/b"
    assert first.decoded("dtstamp") == dt.datetime(2026, 12, 6, tzinfo=dt.timezone.utc)
    assert first.decoded("dtstart").tzinfo is None  # floating: the reader's own zone
    assert b"\r\n" in ics and b"\n" not in ics.replace(b"\r\n", b"")


def test_the_same_plan_exported_again_gives_the_same_file():
    args = ([item("a"), item("b")], {"a": 30, "b": 45}, Budget(60, start=dt.date(2026, 12, 7)))
    assert calendar(*args) == calendar(*args)


def test_a_slot_on_another_day_moves_each_week_s_sessions_to_it():
    ics = calendar([item("a"), item("b")], {"a": 30, "b": 20}, Budget(60, start=dt.date(2026, 12, 7)),
                   Slot(3, dt.time(19, 30)))
    assert [event.decoded("dtstart") for event in events(ics)] == [dt.datetime(2026, 12, 10, 19, 30),
                                                                   dt.datetime(2026, 12, 11, 19, 30)]


def test_a_hostile_title_stays_one_escaped_summary():
    ics = calendar([item("evil", HOSTILE)], {"evil": 30}, Budget(60, start=dt.date(2026, 12, 7)))
    found = events(ics)
    assert len(found) == 1 and ics.split(b"\r\n").count(b"BEGIN:VEVENT") == 1
    assert str(found[0]["summary"]) == HOSTILE
    assert b"SUMMARY:Pricing\\, packaging\\; and you\\nBEGIN:VEVENT\\nSUMMARY:owned\r\n" in ics


@pytest.mark.parametrize(("text", "expected"), [
    ("monday 08:00", (Slot(0, dt.time(8, 0)), None)),
    ("Tue,19:30", (Slot(1, dt.time(19, 30)), None)),
    ("su@7:05", (Slot(6, dt.time(7, 5)), None)),
    ("t 19:30", (None, "--slot 't 19:30' is not a weekday and a time; write one like monday 08:00 or tue 19:30")),
    ("friday 25:00", (None, "--slot 'friday 25:00' is not a weekday and a time; write one like monday 08:00 or "
                      "tue 19:30")),
    ("someday", (None, "--slot 'someday' is not a weekday and a time; write one like monday 08:00 or tue 19:30")),
])
def test_a_reading_slot_is_a_weekday_and_a_time(text, expected):
    assert parse_slot(text) == expected


def test_more_sessions_than_days_share_the_week_without_overlapping():
    # Nine short items in one week: one a day would put the eighth and ninth on the next week's
    # Monday and Tuesday, at the slot's time, on top of that week's own sessions.
    names = [f"i{number}" for number in range(9)]
    ics = calendar([item(name) for name in names], dict.fromkeys(names, 10),
                   Budget(120, start=dt.date(2026, 12, 7)))
    spans = sorted((event.decoded("dtstart"), event.decoded("dtstart") + event.decoded("duration"))
                   for event in events(ics))
    assert len(spans) == 9
    assert all(end <= following for (_, end), (following, _) in pairwise(spans))
    assert spans[0][0] == dt.datetime(2026, 12, 7, 8, 0) and spans[-1][1] < dt.datetime(2026, 12, 14)
    # Two days hold two sessions each, back to back from the slot's time.
    assert spans[:2] == [(dt.datetime(2026, 12, 7, 8, 0), dt.datetime(2026, 12, 7, 8, 10)),
                         (dt.datetime(2026, 12, 7, 8, 10), dt.datetime(2026, 12, 7, 8, 20))]
