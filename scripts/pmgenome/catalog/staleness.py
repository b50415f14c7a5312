"""Events that look stale: a recurring meetup whose latest dated edition is long past.

These are warnings for a curator, not problems: the entry is valid, but its dates need a look
(a newer edition to add, or a note that it stopped). The day is passed in, never read here.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable

from pmgenome.catalog.editions import EVENTS_FIELD, editions
from pmgenome.catalog.model import Entry, Kind
from pmgenome.catalog.problems import Problem
from pmgenome.text.paths import display_path

# cadence -> months after which the latest edition counts as stale: a yearly event skips one
# month of slack (dates drift), a monthly one may skip a summer.
STALE_AFTER_MONTHS = {"yearly": 13, "monthly": 3}
STALE_RULE = "stale-event"


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier, on the month's last day when it has no such day."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def stale_warning(entry: Entry, today: dt.date) -> Problem | None:
    """The warning for `entry` when it is a recurring event whose latest edition ended more than
    its cadence allows before `today`; None otherwise (no editions, not recurring, or current)."""
    months = STALE_AFTER_MONTHS.get(entry.cadence or "") if entry.kind is Kind.MEETUP else None
    dated = editions(entry) if months is not None else ()
    if months is None or not dated:
        return None
    latest = max(dated, key=lambda edition: edition.last_day)
    if latest.last_day >= months_before(today, months):
        return None
    where = entry.location(EVENTS_FIELD, latest.index, "start")
    return Problem(display_path(entry.path), where.line, where.col,
                   f"'{entry.id}' is a {entry.cadence} event whose latest edition ({latest.start.isoformat()}) "
                   f"is more than {months} months old; add its newer editions from its page, or say in the "
                   "summary that it has stopped", STALE_RULE)


def stale_warnings(entries: Iterable[Entry], today: dt.date) -> list[Problem]:
    """Every stale recurring event, sorted by file."""
    return sorted(warning for entry in entries if (warning := stale_warning(entry, today)) is not None)
