"""A meetup's dated editions (`events:`), read from its YAML, and the rules a schema cannot say.

The schema checks each edition's fields one by one; what needs two fields at once (an end
before its start, a call for speakers that closes after the event began, an in-person edition
with no place: `online: false` in an online community's edition, with no city) is checked here,
located at the value to fix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pmgenome.catalog.model import Entry, Kind
from pmgenome.catalog.yamlload import Location

EVENTS_FIELD = "events"
# A meetup's cadence: the recurring ones can fall behind; the others have no rhythm to keep.
RECURRING = ("weekly", "monthly", "quarterly", "yearly")


@dataclass(frozen=True)
class Edition:
    """One dated edition, as the contributor wrote it; place and url fall back to the meetup's."""

    entry_id: str
    index: int  # its position under `events:`, which locates it and names it in a UID
    start: dt.date
    end: dt.date | None = None
    name: str | None = None
    city: str | None = None
    country: str | None = None
    online: bool = False
    url: str | None = None
    cfp_until: dt.date | None = None

    @property
    def last_day(self) -> dt.date:
        return self.end if self.end is not None and self.end >= self.start else self.start

    def upcoming(self, today: dt.date) -> bool:
        """Starts today or later, or is running today."""
        return self.last_day >= today

    def cfp_open(self, today: dt.date) -> bool:
        return self.cfp_until is not None and self.cfp_until >= today


def _date(value: Any) -> dt.date | None:
    return value if type(value) is dt.date else None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def editions(entry: Entry) -> tuple[Edition, ...]:
    """The entry's editions that have a real start date, earliest first; place taken from the
    meetup when the edition names none (a chapter's editions meet where the chapter does, an
    online community's online)."""
    items = entry.fields.get(EVENTS_FIELD) if entry.kind is Kind.MEETUP else None
    if not isinstance(items, tuple):
        return ()
    found = []
    for index, item in enumerate(items):
        if not isinstance(item, Mapping) or (start := _date(item.get("start"))) is None:
            continue
        online = item.get("online") is True
        own_place = online or _text(item.get("city")) or _text(item.get("country"))
        found.append(Edition(
            entry_id=entry.id, index=index, start=start, end=_date(item.get("end")), name=_text(item.get("name")),
            city=_text(item.get("city")) if own_place else (None if entry.online else _text(entry.city)),
            country=_text(item.get("country")) if own_place else (None if entry.online else entry.country),
            online=online if own_place or item.get("online") is False else entry.online,
            url=_text(item.get("url")) or _text(entry.url), cfp_until=_date(item.get("cfp_until"))))
    return tuple(sorted(found, key=lambda edition: (edition.start, edition.index)))


def next_edition(entry: Entry, today: dt.date) -> Edition | None:
    return next((edition for edition in editions(entry) if edition.upcoming(today)), None)


def last_edition(entry: Entry, today: dt.date) -> Edition | None:
    """The latest edition that is over by `today`."""
    past = [edition for edition in editions(entry) if not edition.upcoming(today)]
    return past[-1] if past else None


def edition_problems(entry: Entry) -> list[tuple[Location, str, str]]:
    """(where, message, rule) for each edition whose fields contradict each other."""
    items = entry.fields.get(EVENTS_FIELD)
    if entry.kind is not Kind.MEETUP or not isinstance(items, tuple):
        return []
    found = []
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            continue
        at = f"events[{index}]"
        start, end, cfp = _date(item.get("start")), _date(item.get("end")), _date(item.get("cfp_until"))
        if start and end and end < start:
            found.append((entry.location(EVENTS_FIELD, index, "end"),
                          f"'{at}.end' ({end.isoformat()}) is before its start ({start.isoformat()}); "
                          "write the last day of the edition", "date"))
        if start and cfp and cfp > start:
            found.append((entry.location(EVENTS_FIELD, index, "cfp_until"),
                          f"'{at}.cfp_until' ({cfp.isoformat()}) is after the edition starts ({start.isoformat()}); "
                          "write the last day to submit a talk", "date"))
        if item.get("online") is True:
            continue
        city, country = _text(item.get("city")), item.get("country")
        if city and not country:
            found.append((entry.location(EVENTS_FIELD, index), f"'{at}' names the city {city} but no country; "
                          "add country (a two-letter code, like GB)", "location"))
        elif country and not city:
            found.append((entry.location(EVENTS_FIELD, index), f"'{at}' names a country but no city; add city",
                          "location"))
        elif not city and item.get("online") is False and (entry.online or not entry.city or not entry.country):
            found.append((entry.location(EVENTS_FIELD, index),
                          f"'{at}' is in person but says nowhere: add city and country, or online: true", "location"))
    return found
