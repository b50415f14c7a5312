"""A program's places, application windows and skill levels, read from its YAML, and the rules a
schema cannot say.

An application window has the form of a meetup's dated edition (catalog/editions.py): `start` is
the day applications open, `end` the last day to apply. Which window is open depends on the day,
so every reader passes `today` (the build's date, never the clock): a window that has closed is
never shown as open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pmgenome.catalog.model import Entry, Kind
from pmgenome.catalog.yamlload import Location

WINDOWS_FIELD = "windows"
SKILL_LEVELS_FIELD = "skill_levels"
PLACES_FIELD = "places"
FORMAT_FIELD = "format"
REMOTE = "remote"


class WindowState(StrEnum):
    OPEN = "open"  # applications are taken today
    COMING = "coming"  # opens later
    CLOSED = "closed"  # the last day to apply has passed


@dataclass(frozen=True)
class Window:
    """One application window as the contributor wrote it."""

    entry_id: str
    index: int  # its position under `windows:`, which locates it
    start: dt.date
    end: dt.date
    name: str | None = None
    url: str | None = None

    def state(self, today: dt.date) -> WindowState:
        if self.end < today:
            return WindowState.CLOSED
        return WindowState.OPEN if self.start <= today else WindowState.COMING


@dataclass(frozen=True)
class Place:
    """Where a program runs: a country with or without a city, or remote."""

    country: str | None = None
    city: str | None = None
    remote: bool = False


def _date(value: Any) -> dt.date | None:
    return value if type(value) is dt.date else None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _items(entry: Entry, name: str) -> tuple[Any, ...]:
    items = entry.fields.get(name) if entry.kind is Kind.PROGRAM else None
    return items if isinstance(items, tuple) else ()


def windows(entry: Entry) -> tuple[Window, ...]:
    """The program's windows that have real dates (an end before its start is reported, not read),
    earliest first."""
    found = []
    for index, item in enumerate(_items(entry, WINDOWS_FIELD)):
        if not isinstance(item, Mapping):
            continue
        start, end = _date(item.get("start")), _date(item.get("end"))
        if start is None or end is None or end < start:
            continue
        found.append(Window(entry.id, index, start, end, _text(item.get("name")), _text(item.get("url"))))
    return tuple(sorted(found, key=lambda window: (window.start, window.index)))


def next_window(entry: Entry, today: dt.date) -> Window | None:
    """The window open today, else the next one to open; None when every window has closed."""
    return next((window for window in windows(entry) if window.state(today) is not WindowState.CLOSED), None)


def last_window(entry: Entry, today: dt.date) -> Window | None:
    """The latest window that has closed by `today`."""
    closed = [window for window in windows(entry) if window.state(today) is WindowState.CLOSED]
    return max(closed, key=lambda window: (window.end, window.index)) if closed else None


def places(entry: Entry) -> tuple[Place, ...]:
    found = []
    for item in _items(entry, PLACES_FIELD):
        if not isinstance(item, Mapping):
            continue
        if item.get(REMOTE) is True:
            found.append(Place(remote=True))
        elif (country := _text(item.get("country"))) is not None:
            found.append(Place(country=country, city=_text(item.get("city"))))
    return tuple(found)


def formats(entry: Entry) -> tuple[str, ...]:
    """How it teaches (rotations, cohort...): the `format` list; a course's `format` is one word."""
    return tuple(item for item in _items(entry, FORMAT_FIELD) if isinstance(item, str))


def skill_levels(entry: Entry) -> dict[str, int]:
    """The level its page says it takes a skill to, for the skills it lists."""
    levels = entry.fields.get(SKILL_LEVELS_FIELD) if entry.kind is Kind.PROGRAM else None
    if not isinstance(levels, Mapping):
        return {}
    return {skill: level for skill, level in levels.items()
            if skill in entry.skills and type(level) is int and 0 <= level <= 3}


def program_problems(entry: Entry) -> list[tuple[Location, str, str]]:
    """(where, message, rule) for each window or level that contradicts another field."""
    if entry.kind is not Kind.PROGRAM:
        return []
    found = []
    for index, item in enumerate(_items(entry, WINDOWS_FIELD)):
        if not isinstance(item, Mapping):
            continue
        start, end = _date(item.get("start")), _date(item.get("end"))
        if start and end and end < start:
            found.append((entry.location(WINDOWS_FIELD, index, "end"),
                          f"'{WINDOWS_FIELD}[{index}].end' ({end.isoformat()}) is before it opens "
                          f"({start.isoformat()}); write the last day to apply", "date"))
    for index, item in enumerate(_items(entry, PLACES_FIELD)):
        if not isinstance(item, Mapping):
            continue
        at, remote, country = f"{PLACES_FIELD}[{index}]", item.get(REMOTE), item.get("country")
        if remote is True and (country is not None or item.get("city") is not None):
            found.append((entry.location(PLACES_FIELD, index), f"'{at}' is remote and names a place too; "
                          "write a place in one item and remote: true in another", "location"))
        elif remote is not True and country is None:
            found.append((entry.location(PLACES_FIELD, index), f"'{at}' names no country; add country (a "
                          "two-letter code, like GB), or write remote: true for a program run remotely", "location"))
    levels = entry.fields.get(SKILL_LEVELS_FIELD)
    if isinstance(levels, Mapping):
        for skill in levels:
            if isinstance(skill, str) and skill not in entry.skills:
                found.append((entry.key_locations.get((SKILL_LEVELS_FIELD, skill), entry.location(SKILL_LEVELS_FIELD)),
                              f"'{SKILL_LEVELS_FIELD}' gives a level for {skill}, which 'skills' does not list; "
                              f"add {skill} to skills or drop its level", "skill-level"))
    return found
