"""How the site says when and where an edition meets: dates in words, places by name.

One home for these sentences: the meetup pages, the meetups listing, events/ and the calendars
all say a date span, a place and "no date announced" the same way.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel import Locale

from pmgenome.catalog.editions import Edition, editions, last_edition, next_edition
from pmgenome.catalog.model import Entry
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
