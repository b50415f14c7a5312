"""The plan's schedule as a calendar (RFC 5545, written with `icalendar`): one event per session.

Sessions are floating local times (no time zone), so any calendar places them in the reader's own
zone: a week's sessions fall on the reading slot's weekday and the days after it, at the slot's
time, a day each (more than seven share the days, one after another: see _starts). A UID is
derived from what the session is (the entry, which session of how many), so the same plan
exported again gives the same events; DTSTAMP is the CLI's or the build's day, never the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from icalendar import Calendar, Event

from pmgenome.catalog.usetime import LENGTH_FORMS
from pmgenome.plan.model import PlanItem
from pmgenome.plan.schedule import MAX_HOURS_PER_WEEK, MIN_MINUTES_PER_WEEK, Schedule, Session
from pmgenome.plan.sentences import fill

PRODID = "-//PM Genome//pmgenome reading plan//EN"
UID_DOMAIN = "pmgenome"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SLOT = re.compile(r"([a-z]+)[ ,@]+([0-9]{1,2}):([0-9]{2})")


@dataclass(frozen=True)
class Slot:
    """When the reader reads: a weekday (0 Monday) and a time of day."""

    weekday: int = 0
    time: dt.time = dt.time(8, 0)


def parse_slot(text: str) -> tuple[Slot | None, str | None]:
    """'tuesday 19:30', 'tue,19:30' or 'Mon@08:00' as a Slot; (None, why) when it is none."""
    found = _SLOT.fullmatch(text.strip().lower())
    days = [number for number, day in enumerate(WEEKDAYS) if found and len(found.group(1)) >= 2
            and day.startswith(found.group(1))]
    if found and len(days) == 1 and int(found.group(2)) < 24 and int(found.group(3)) < 60:
        return Slot(days[0], dt.time(int(found.group(2)), int(found.group(3)))), None
    return None, f"--slot '{text}' is not a weekday and a time; write one like monday 08:00 or tue 19:30"


CALENDAR_NAME = "PM Genome reading plan"


def calendar_data() -> dict[str, Any]:
    """What the page's script needs to write the same file: the calendar's fixed words and limits."""
    return {"prodid": PRODID, "name": CALENDAR_NAME, "uid_domain": UID_DOMAIN, "slot": [0, 8, 0],
            "min_minutes": MIN_MINUTES_PER_WEEK, "max_hours": MAX_HOURS_PER_WEEK, "lengths": dict(LENGTH_FORMS),
            # The clock's units and RFC 5545's line limit: the port writes no number of its own.
            "clock": {"days_per_week": DAYS_PER_WEEK, "minutes_per_hour": 60, "fold_octets": 75}}


def session_summary(session: Session, title: str) -> str:
    """The title, and which session of how many when the item is split: 'Course (session 2 of 4)'."""
    return fill("session_summary", title=title, part=session.part, parts=session.parts) if session.parts > 1 \
        else title


def session_uid(session: Session) -> str:
    return f"plan-{session.item.id}-{session.part}-of-{session.parts}@{UID_DOMAIN}"


DAYS_PER_WEEK = 7


def _starts(week_start: dt.date, slot: Slot, sessions: tuple[Session, ...]) -> list[dt.datetime]:
    """Each of a week's sessions' floating start. The week runs seven days from the slot's weekday
    on or after its first day. Its sessions take a day each while there are no more of them than
    days; beyond that they share the seven days as evenly as they can. A session starts at its
    day's slot time, or when the one before it ends if that is later: no two ever overlap, and
    none falls in the next week's days (a week holds at most MAX_HOURS_PER_WEEK)."""
    first = week_start + dt.timedelta(days=(slot.weekday - week_start.weekday()) % DAYS_PER_WEEK)
    count = len(sessions)
    starts: list[dt.datetime] = []
    free = dt.datetime.combine(first, slot.time)  # when the session before ends
    for position, session in enumerate(sessions):
        offset = position if count <= DAYS_PER_WEEK else position * DAYS_PER_WEEK // count
        start = max(dt.datetime.combine(first + dt.timedelta(days=offset), slot.time), free)
        starts.append(start)
        free = start + dt.timedelta(minutes=session.minutes)
    return starts


def schedule_ics(schedule: Schedule, items: Mapping[str, PlanItem], today: dt.date, slot: Slot = Slot()) -> bytes:
    """The schedule as an iCalendar file; `items` gives each session's why line and link, `today` the DTSTAMP.
    The schedule must have a start (the CLI gives the next Monday when the reader gives none)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    stamp = dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.timezone.utc)
    for week in schedule.weeks:
        assert week.start is not None, "a calendar needs the schedule's start"
        for session, start in zip(week.sessions, _starts(week.start, slot, week.sessions), strict=True):
            item = items.get(session.item.id, session.item)
            event = Event()
            event.add("uid", session_uid(session))
            event.add("dtstamp", stamp)
            event.add("dtstart", start)
            event.add("duration", dt.timedelta(minutes=session.minutes))
            event.add("summary", session_summary(session, item.title))
            event.add("description", f"{item.reason}\n{item.url}" if item.url else item.reason)
            if item.url.startswith(("https://", "http://")):
                event.add("url", item.url)
            calendar.add_component(event)
    return bytes(calendar.to_ical())
