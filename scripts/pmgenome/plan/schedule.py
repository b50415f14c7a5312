"""The plan laid out over weeks within a reader's hours: part of the rule, written once.

The order: items that grow a skill the company expects and the reader has not reached yet come
first, the rest after; within each, shorter before longer, then the plan's own order. Items are
placed in that order, each in the current week while its budget lasts; an item that does not fit
what is left starts the next week, and one longer than a whole week is split into sessions across
weeks. Meetups are events, not reading, and stay out; an item whose time nobody has stated yet is
listed apart rather than given an invented length.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pmgenome.catalog.model import Catalog, Entry
from pmgenome.catalog.usetime import length_text, written_time
from pmgenome.plan.model import Plan, PlanItem
from pmgenome.plan.sentences import SENTENCES, fill

MAX_HOURS_PER_WEEK = 40  # a full working week of reading is already far beyond a plan's purpose
MIN_MINUTES_PER_WEEK = 15
MAX_WEEKS = 52
SCHEDULED_PARTS = frozenset({"deepen", "broaden", "course", "habits"})  # meetups are events, not reading


@dataclass(frozen=True)
class Budget:
    """How much time the reader has: minutes a week, and optionally how many weeks from when."""

    minutes_per_week: int
    weeks: int | None = None
    start: dt.date | None = None


@dataclass(frozen=True)
class Session:
    """One sitting with one item: the whole of it, or part `part` of `parts`."""

    item: PlanItem
    minutes: int
    part: int = 1
    parts: int = 1


@dataclass(frozen=True)
class Week:
    number: int
    start: dt.date | None
    sessions: tuple[Session, ...]

    @property
    def minutes(self) -> int:
        return sum(session.minutes for session in self.sessions)


@dataclass(frozen=True)
class Schedule:
    budget: Budget
    weeks: tuple[Week, ...]
    untimed: tuple[PlanItem, ...]  # no stated time: read them when you can
    later: tuple[PlanItem, ...]  # did not fit in the weeks asked for


def parse_budget(hours: str, weeks: str | None = None, start: str | None = None) -> tuple[Budget | None, list[str]]:
    """Check the raw options; returns (budget, []) or (None, every error, each naming its value)."""
    errors: list[str] = []
    minutes = None
    try:
        number = float(hours)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):  # 'nan' and 'inf' are floats to Python, not hours to a reader
        errors.append(f"--hours-per-week '{hours}' is not a number of hours; write one like 3 or 1.5")
    else:
        if number <= 0:
            errors.append(f"--hours-per-week {hours}: give more than 0 hours a week")
        elif number > MAX_HOURS_PER_WEEK:
            errors.append(f"--hours-per-week {hours} is more than {MAX_HOURS_PER_WEEK} hours a week; "
                          "give the hours you can really spend")
        elif round(number * 60) < MIN_MINUTES_PER_WEEK:
            errors.append(f"--hours-per-week {hours} is less than {MIN_MINUTES_PER_WEEK} minutes a week; "
                          "give at least 0.25")
        else:
            minutes = round(number * 60)
    count = None
    if weeks is not None:
        if not (weeks.isascii() and weeks.isdigit()) or not 1 <= int(weeks) <= MAX_WEEKS:
            errors.append(f"--weeks '{weeks}' must be a whole number of weeks from 1 to {MAX_WEEKS}")
        else:
            count = int(weeks)
    day = None
    if start is not None:
        try:
            day = dt.date.fromisoformat(start) if len(start) == 10 else None
        except ValueError:
            day = None
        if day is None:
            errors.append(f"--start '{start}' is not a day that exists; write YYYY-MM-DD, like 2026-12-07")
    if errors or minutes is None:
        return None, errors
    return Budget(minutes, count, day), []


def entry_minutes(entry: Entry) -> int | None:
    """The time an entry's YAML states, the schedule's input (enrichment is the site's, not the rule's:
    the CLI and the page must agree without the store)."""
    time = written_time(entry)
    return time.minutes if time is not None else None


def plan_minutes(catalog: Catalog, plan: Plan) -> dict[str, int | None]:
    """Each plan item's minutes, by id."""
    return {found.id: entry_minutes(catalog.by_id[found.id]) for _, items in plan.parts for found in items}


def expected_gaps(plan: Plan) -> frozenset[str]:
    """Ids of the items that grow a skill the company expects above the reader's rating (unrated counts as 0)."""
    return frozenset(found for row in plan.profile if row.expected and (row.rating or 0) < row.expected
                     for found in row.grown_by)


def scheduled_items(plan: Plan) -> list[PlanItem]:
    """The items to read, in the plan's reading order (the goal's part first), each once."""
    seen: set[str] = set()
    items = []
    for name, part in plan.parts:
        if name not in SCHEDULED_PARTS:
            continue
        for found in part:
            if found.id not in seen:
                seen.add(found.id)
                items.append(found)
    return items


def make_schedule(plan: Plan, minutes: Mapping[str, int | None], budget: Budget) -> Schedule:
    """Lay the plan out week by week within `budget` (the module's docstring says the rule)."""
    items = scheduled_items(plan)
    gaps = expected_gaps(plan)
    timed = [(found, length) for found in items if (length := minutes.get(found.id))]
    untimed = tuple(found for found in items if not minutes.get(found.id))
    order = sorted(range(len(timed)), key=lambda i: (timed[i][0].id not in gaps, timed[i][1], i))
    week_size = budget.minutes_per_week
    weeks: list[list[Session]] = [[]]
    left = week_size
    for index in order:
        found, length = timed[index]
        if length <= left:
            weeks[-1].append(Session(found, length))
            left -= length
            continue
        if length <= week_size:
            weeks.append([Session(found, length)])
            left = week_size - length
            continue
        # Longer than a week: what is left of a week already begun, then whole weeks, then the rest.
        first = left if weeks[-1] else 0
        pieces = [first] if first else []
        remaining = length - first
        while remaining > 0:
            pieces.append(min(week_size, remaining))
            remaining -= pieces[-1]
        for number, piece in enumerate(pieces, 1):
            if number > 1 or not first:
                weeks.append([])
            weeks[-1].append(Session(found, piece, number, len(pieces)))
        left = week_size - pieces[-1]
    filled = [sessions for sessions in weeks if sessions]
    later: tuple[PlanItem, ...] = ()
    if budget.weeks is not None and len(filled) > budget.weeks:
        # What starts or goes on after the weeks asked for.
        later = tuple(dict.fromkeys(session.item for sessions in filled[budget.weeks:] for session in sessions))
        filled = filled[:budget.weeks]
    return Schedule(budget, tuple(
        Week(number, budget.start + dt.timedelta(weeks=number - 1) if budget.start else None, tuple(sessions))
        for number, sessions in enumerate(filled, 1)), untimed, later)


def schedule_as_dict(schedule: Schedule) -> dict[str, Any]:
    """The schedule as JSON-ready data (the `schedule` of `pmgenome path --format json`)."""
    budget = schedule.budget
    return {
        "minutes_per_week": budget.minutes_per_week,
        "start": budget.start.isoformat() if budget.start else None,
        "weeks": [{"week": week.number, "start": week.start.isoformat() if week.start else None,
                   "minutes": week.minutes,
                   "sessions": [{"id": session.item.id, "title": session.item.title, "minutes": session.minutes,
                                 "part": session.part, "parts": session.parts} for session in week.sessions]}
                  for week in schedule.weeks],
        "untimed": [found.id for found in schedule.untimed],
        "later": [found.id for found in schedule.later],
    }


def session_text(session: Session) -> str:
    """'Title (38 min)'; 'Title (3 h, session 1 of 5)'."""
    if session.parts > 1:
        return fill("session_part", title=session.item.title, length=length_text(session.minutes),
                    part=session.part, parts=session.parts)
    return fill("session", title=session.item.title, length=length_text(session.minutes))


def week_heading(week: Week) -> str:
    if week.start:
        return fill("week_from", number=week.number, start=week.start.isoformat(), length=length_text(week.minutes))
    return fill("week", number=week.number, length=length_text(week.minutes))


def schedule_lines(schedule: Schedule) -> tuple[str, list[tuple[str, list[str]]], list[str]]:
    """The schedule's words, shared by the text and Markdown forms: the heading line, each week's
    heading and sessions, and the closing lines (what comes later, what has no time yet)."""
    budget = schedule.budget
    length = length_text(budget.minutes_per_week)
    intro = fill("weeks_from", length=length, start=budget.start.isoformat()) if budget.start else \
        fill("weeks_budget", length=length)
    weeks = [(week_heading(week), [session_text(session) for session in week.sessions]) for week in schedule.weeks]
    if not weeks:
        intro += fill("weeks_untimed_only")
    after = []
    if schedule.later:
        after.append(fill("weeks_later", weeks=budget.weeks, titles=", ".join(found.title for found in schedule.later)))
    if schedule.untimed:
        after.append(fill("weeks_untimed", titles=", ".join(found.title for found in schedule.untimed)))
    return intro, weeks, after


def schedule_text(schedule: Schedule) -> str:
    """The schedule as plain text, after the plan's."""
    intro, weeks, after = schedule_lines(schedule)
    lines = ["", f"{SENTENCES['weeks_title']} ({intro})"]
    for heading, sessions in weeks:
        lines += [f"  {heading}"] + [f"    - {text}" for text in sessions]
    lines += [f"  {text}" for text in after]
    return "\n".join(lines) + "\n"
