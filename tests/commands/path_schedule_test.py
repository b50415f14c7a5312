"""`pmgenome path --hours-per-week H [--weeks W] [--start DATE]`: the plan laid out week by week in
text, Markdown and JSON (checked against path.schema.json), and every bad budget an exit 2."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar
from pmgenome.cli import main

from tests.support.planfixture import make_root, write_entry
from tests.support.schemas import output_errors

READER = ("--stage", "new", "--background", "engineering", "--company", "b2b", "--goal", "deepen")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = make_root(tmp_path / "catalog")
    write_entry(root, "article", "gtm-basics", title="Go-to-market basics", segments=["b2b"],
                skills=["go-to-market"], levels=["new"], time={"minutes": 25, "source": "counted"})
    write_entry(root, "article", "ship-it", title="Ship it", segments=["b2b"], skills=["execution"],
                time={"minutes": 10, "source": "stated"})
    write_entry(root, "article", "untimed", title="No time yet", segments=["b2b"], skills=["strategy"])
    write_entry(root, "course", "gtm-course", title="A go-to-market course", segments=["b2b"],
                skills=["go-to-market"], pace="self-paced", access="free", time={"hours": 5, "source": "stated"})
    return root


def run(capsys, root: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["path", *READER, "--catalog", str(root), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_text_plan_ends_with_its_weeks(capsys, root):
    code, out, err = run(capsys, root, "--hours-per-week", "1.5", "--weeks", "3", "--start", "2026-12-07")
    assert (code, err) == (0, "")
    # Go-to-market is expected by a B2B company and unrated: its items come first, the short one
    # before the long; the 5-hour course takes what is left of week 1, then whole weeks.
    assert out[out.index("\nYour weeks"):] == """
Your weeks (1 h 30 min a week, from 2026-12-07)
  Week 1 (2026-12-07): 1 h 30 min
    - Go-to-market basics (25 min)
    - A go-to-market course (1 h 5 min, session 1 of 4)
  Week 2 (2026-12-14): 1 h 30 min
    - A go-to-market course (1 h 30 min, session 2 of 4)
  Week 3 (2026-12-21): 1 h 30 min
    - A go-to-market course (1 h 30 min, session 3 of 4)
  After these 3 weeks: A go-to-market course, Ship it
  No time stated yet, read when you can: No time yet
"""


def test_markdown_has_a_heading_a_week(capsys, root):
    code, out, _ = run(capsys, root, "--hours-per-week", "3", "--start", "2026-12-07", "--format", "markdown")
    assert code == 0
    assert out[out.index("## Your weeks"):] == r"""## Your weeks

3 h a week, from 2026\-12\-07.

### Week 1 \(2026\-12\-07\): 3 h

- Go\-to\-market basics \(25 min\)
- A go\-to\-market course \(2 h 35 min, session 1 of 2\)

### Week 2 \(2026\-12\-14\): 2 h 35 min

- A go\-to\-market course \(2 h 25 min, session 2 of 2\)
- Ship it \(10 min\)

No time stated yet, read when you can: No time yet
"""


def test_json_carries_the_schedule_and_matches_the_schema(capsys, root):
    code, out, _ = run(capsys, root, "--hours-per-week", "3", "--start", "2026-12-07", "--json")
    document = json.loads(out)
    assert code == 0 and output_errors("path", document) == []
    course = {"id": "gtm-course", "title": "A go-to-market course"}
    assert document["schedule"] == {
        "minutes_per_week": 180, "start": "2026-12-07",
        "weeks": [{"week": 1, "start": "2026-12-07", "minutes": 180, "sessions": [
                      {"id": "gtm-basics", "title": "Go-to-market basics", "minutes": 25, "part": 1, "parts": 1},
                      {**course, "minutes": 155, "part": 1, "parts": 2}]},
                  {"week": 2, "start": "2026-12-14", "minutes": 155, "sessions": [
                      {**course, "minutes": 145, "part": 2, "parts": 2},
                      {"id": "ship-it", "title": "Ship it", "minutes": 10, "part": 1, "parts": 1}]}],
        "untimed": ["untimed"], "later": []}


def test_without_a_budget_the_json_has_no_schedule(capsys, root):
    code, out, _ = run(capsys, root, "--json")
    assert code == 0 and "schedule" not in json.loads(out)


@pytest.mark.parametrize(("argv", "messages"), [
    (("--hours-per-week", "0"), ["pmgenome path: --hours-per-week 0: give more than 0 hours a week"]),
    (("--hours-per-week", "three"),
     ["pmgenome path: --hours-per-week 'three' is not a number of hours; write one like 3 or 1.5"]),
    (("--hours-per-week", "3", "--weeks", "99", "--start", "2026-13-01"),
     ["pmgenome path: --weeks '99' must be a whole number of weeks from 1 to 52",
      "pmgenome path: --start '2026-13-01' is not a day that exists; write YYYY-MM-DD, like 2026-12-07"]),
    (("--weeks", "4"),
     ["pmgenome path: --weeks, --start and --format ics lay out a schedule; give --hours-per-week too"]),
    (("--format", "ics"),
     ["pmgenome path: --weeks, --start and --format ics lay out a schedule; give --hours-per-week too"]),
    (("--hours-per-week", "3", "--format", "ics", "--slot", "someday"),
     ["pmgenome path: --slot 'someday' is not a weekday and a time; write one like monday 08:00 or tue 19:30"]),
])
def test_a_bad_budget_is_a_usage_error_naming_the_value(capsys, root, argv, messages):
    code, out, err = run(capsys, root, *argv)
    assert (code, out, err.splitlines()) == (2, "", messages)


def test_the_calendar_parses_and_is_the_same_when_exported_again(capsys, root, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765065600")  # 2025-12-07, a Sunday: the plan starts the next day
    first = run(capsys, root, "--hours-per-week", "1", "--weeks", "4", "--format", "ics", "--slot", "wed 19:30")
    again = run(capsys, root, "--hours-per-week", "1", "--weeks", "4", "--format", "ics", "--slot", "wed 19:30")
    assert first[0] == 0 and first == again
    events = list(Calendar.from_ical(first[1].encode()).walk("VEVENT"))
    assert [(str(event["summary"]), event.decoded("dtstart"), event.decoded("duration")) for event in events] == [
        ("Go-to-market basics", dt.datetime(2025, 12, 10, 19, 30), dt.timedelta(minutes=25)),
        ("A go-to-market course (session 1 of 6)", dt.datetime(2025, 12, 11, 19, 30), dt.timedelta(minutes=35)),
        ("A go-to-market course (session 2 of 6)", dt.datetime(2025, 12, 17, 19, 30), dt.timedelta(minutes=60)),
        ("A go-to-market course (session 3 of 6)", dt.datetime(2025, 12, 24, 19, 30), dt.timedelta(minutes=60)),
        ("A go-to-market course (session 4 of 6)", dt.datetime(2025, 12, 31, 19, 30), dt.timedelta(minutes=60)),
    ]
    assert {event.decoded("dtstamp") for event in events} == {dt.datetime(2025, 12, 7, tzinfo=dt.timezone.utc)}
