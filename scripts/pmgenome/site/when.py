"""How the site says when and where an edition meets, and when a program takes applications:
dates in words, places by name.

One home for these sentences: the meetup pages, the meetups listing, events/ and the calendars
all say a date span, a place and "no date announced" the same way; a program's page, programs/
and path/ say its window and its status the same way.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel import Locale

from pmgenome.catalog.editions import Edition, editions, last_edition, next_edition
from pmgenome.catalog.model import Entry
from pmgenome.catalog.programs import (
    Place,
    Window,
    WindowState,
    last_window,
    next_window,
)
from pmgenome.text.clean import one_line

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
ONLINE_PLACE = "Online"
# What a meetup's cadence says on its page ("Meets: Monthly").
MEETUP_CADENCE_LABELS = {"weekly": "Weekly", "monthly": "Monthly", "quarterly": "Every three months",
                         "yearly": "Yearly", "irregular": "Now and then, with no fixed rhythm",
                         "ongoing": "Always open: an ongoing community rather than a dated event"}


@cache
def _territories() -> dict[str, str]:
    return dict(Locale("en").territories)


def country_name(code: str) -> str:
    """A country by its English name (Australia, not AU); an unknown code as written."""
    code = one_line(code)
    return _territories().get(code.upper(), code) if len(code) == 2 else code


def month_year(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def day_span(start: dt.date, end: dt.date | None = None) -> str:
    """'9 June 2026', '9–10 June 2026', '30 June – 2 July 2026', '30 December 2026 – 2 January 2027'."""
    if end is None or end <= start:
        return f"{start.day} {month_year(start)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {month_year(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} – {end.day} {month_year(end)}"
    return f"{start.day} {month_year(start)} – {end.day} {month_year(end)}"


def place(edition: Edition) -> str:
    """'Kigali, Rwanda', 'Online', or '' when the edition says nowhere."""
    if edition.online:
        return ONLINE_PLACE
    return ", ".join(part for part in (one_line(edition.city or ""), country_name(edition.country or "")) if part)


def edition_text(edition: Edition) -> str:
    """'9–10 June 2026, Kigali, Rwanda': when, then where."""
    where = place(edition)
    return f"{day_span(edition.start, edition.end)}, {where}" if where else day_span(edition.start, edition.end)


def when_text(entry: Entry, today: dt.date) -> str:
    """A meetup's next edition, or 'No date announced; last held June 2025'; '' for a meetup
    with no dated edition at all (an ongoing community)."""
    if not editions(entry):
        return ""
    upcoming = next_edition(entry, today)
    if upcoming is not None:
        return f"Next: {edition_text(upcoming)}"
    last = last_edition(entry, today)
    assert last is not None  # every edition is either upcoming or over
    return f"No date announced; last held {month_year(last.start)}"


# A program's application windows and status, said the same way on its page, on programs/ and on path/.
REMOTE_PLACE = "Remote"


def program_place(where: Place) -> str:
    """'London, United Kingdom', 'Australia' or 'Remote'."""
    if where.remote:
        return REMOTE_PLACE
    return ", ".join(part for part in (one_line(where.city or ""), country_name(where.country or "")) if part)


def window_text(window: Window, today: dt.date) -> str:
    """'Applications open until 14 September 2025', 'Applications open 1–30 September 2026', with the
    intake's name first when it has one; a closed window says so, never that it is open."""
    state = window.state(today)
    if state is WindowState.OPEN:
        said = f"Applications open until {day_span(window.end)}"
    elif state is WindowState.COMING:
        said = f"Applications open {day_span(window.start, window.end)}"
    else:
        said = f"Applications closed on {day_span(window.end)}"
    return f"{one_line(window.name)}: {said[0].lower()}{said[1:]}" if window.name else said


def program_when(entry: Entry, today: dt.date) -> str:
    """The open or next window, or when the last one closed; '' for a program with no dated window."""
    upcoming = next_window(entry, today)
    if upcoming is not None:
        return window_text(upcoming, today)
    last = last_window(entry, today)
    return f"No window announced; the last closed on {day_span(last.end)}" if last else ""


def program_status(entry: Entry) -> str:
    """What a program says when no stored page shows it running now."""
    year = entry.not_placed_after
    return f"Could not be placed as running after {year}." if year is not None else ""
