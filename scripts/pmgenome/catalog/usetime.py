"""The time an entry takes to use once, always whole minutes, with where the figure came from.

A contributor writes it in the form that suits the kind (entry.schema.json holds the forms):
minutes for what is read, watched or heard in one sitting, hours for a course, pages for a book.
The YAML always wins; when it is silent the site may fill it from what enrichment read (a
duration the provider states, or the words counted on an article's page), and says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pmgenome.catalog.model import Entry, Kind

TIME_FIELD = "time"
# A book's pages become minutes at a stated reading speed: a printed page holds about 300
# words, and adults read non-fiction at about 238 words a minute (the speed enrichment also
# uses for an article's words).
WORDS_PER_PAGE = 300
WORDS_PER_MINUTE = 238
# The units each kind may write its time in, the usual one first; a meetup has none (it is a
# place, not a sitting). YAML numbers are whole here (the loader reads no floats), so a short
# course gives minutes rather than 1.5 hours.
UNITS: dict[Kind, tuple[str, ...]] = {
    Kind.ARTICLE: ("minutes",), Kind.VIDEO: ("minutes",), Kind.PODCAST: ("minutes",),
    Kind.NEWSLETTER: ("minutes",), Kind.COURSE: ("hours", "minutes"), Kind.BOOK: ("pages",)}
MINUTES_PER_UNIT = {"minutes": 1.0, "hours": 60.0, "pages": WORDS_PER_PAGE / WORDS_PER_MINUTE}


class TimeSource(StrEnum):
    STATED = "stated"  # the provider says it: the page, the player, the feed
    COUNTED = "counted"  # counted: the words of the page, the lengths of the episodes
    ESTIMATED = "estimated"  # worked out: from a book's pages, or by the contributor


@dataclass(frozen=True)
class UseTime:
    """Whole minutes to use an entry once, and where that figure came from."""

    minutes: int
    source: TimeSource


def to_minutes(amount: float, unit: str) -> int:
    """`amount` of `unit` as whole minutes, never less than one."""
    return max(1, math.ceil(amount * MINUTES_PER_UNIT[unit] - 1e-9))


def written_time(entry: Entry) -> UseTime | None:
    """The time the contributor wrote, in minutes, or None when there is none (or it is malformed:
    the validator reports that)."""
    value = entry.fields.get(TIME_FIELD)
    if not isinstance(value, dict):
        return None
    unit = next((unit for unit in UNITS.get(entry.kind, ()) if unit in value), None)
    if unit is None:
        return None
    amount = value[unit]
    if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount <= 0:
        return None
    if unit == "pages":
        return UseTime(to_minutes(amount, unit), TimeSource.ESTIMATED)
    try:
        source = TimeSource(str(value.get("source")))
    except ValueError:
        return None
    return UseTime(to_minutes(amount, unit), source)


def use_time(entry: Entry, *, stated_minutes: int | None = None, counted_minutes: int | None = None) -> UseTime | None:
    """The entry's time: the YAML's, else a duration its provider states (a video's or an episode's,
    read by enrichment), else an article's words read at WORDS_PER_MINUTE; None for a meetup."""
    if entry.kind not in UNITS:
        return None
    written = written_time(entry)
    if written is not None:
        return written
    if stated_minutes is not None and stated_minutes > 0 and entry.kind in (Kind.VIDEO, Kind.PODCAST, Kind.COURSE):
        return UseTime(stated_minutes, TimeSource.STATED)
    if counted_minutes is not None and counted_minutes > 0 and entry.kind is Kind.ARTICLE:
        return UseTime(counted_minutes, TimeSource.COUNTED)
    return None


# Explore's time filter: (value in the address, label, up to how many minutes; None: any longer).
TIME_BANDS: tuple[tuple[str, str, int | None], ...] = (
    ("quarter-hour", "Up to 15 minutes", 15), ("hour", "Up to an hour", 60),
    ("evening", "An evening (up to 3 hours)", 180), ("longer", "Longer", None))


def time_band(minutes: int) -> str:
    """The Explore band a length falls in: each length in exactly one."""
    return next(value for value, _, limit in TIME_BANDS if limit is None or minutes <= limit)


# How each source is said beside the figure, on a resource page. What was counted depends on the
# kind: an article's words, a newsletter's issues' words, a show's episode lengths; a podcast's
# figure is never "from its page's words".
_SOURCE_WORDS = {TimeSource.STATED: "as its provider states", TimeSource.COUNTED: "counted",
                TimeSource.ESTIMATED: "estimated"}
_COUNTED_WORDS = {Kind.ARTICLE: "counted from its words", Kind.NEWSLETTER: "counted from its issues' words",
                  Kind.PODCAST: "counted from its episodes' lengths"}


def source_words(kind: Kind, source: TimeSource) -> str:
    """Where a figure came from, in the words a resource page shows beside it."""
    if source is TimeSource.COUNTED:
        return _COUNTED_WORDS.get(kind, _SOURCE_WORDS[source])
    return _SOURCE_WORDS[source]


# A length's words (the path/ page receives them as data and writes lengths the same way).
LENGTH_FORMS = {"minutes": "{minutes} min", "hours": "{hours} h", "both": "{hours} h {minutes} min"}


def length_text(minutes: int) -> str:
    """A length as a card shows it: '38 min', '1 h 30 min', '13 h'."""
    hours, rest = divmod(minutes, 60)
    form = "minutes" if not hours else "both" if rest else "hours"
    return LENGTH_FORMS[form].format(hours=hours, minutes=rest)


def example(unit: str, amount: Any = None) -> str:
    """How the field is written, for a message: 'time: {minutes: 90, source: stated}'."""
    shown = amount if amount is not None else {"minutes": 38, "hours": 6, "pages": 320}[unit]
    return f"time: {{{unit}: {shown}}}" if unit == "pages" else f"time: {{{unit}: {shown}, source: stated}}"
