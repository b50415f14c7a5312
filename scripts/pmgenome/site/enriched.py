"""What enrichment read about one entry, as the site may show it: checked, cleaned and bounded.

Every value is scraped from a stranger's page: text is cleaned and shortened, dates read from the
start of the stored value, and times kept only in a plausible range.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from pmgenome.enrich.record import EnrichmentRecord
from pmgenome.text.clean import one_line, shortened

_DATE = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})")
MAX_ENRICHED_TEXT = 200
MAX_READING_MINUTES = 600


@dataclass(frozen=True)
class Enriched:
    """The checked subset of an enrichment record the site uses; None where absent or unusable."""

    author: str | None = None
    published: dt.date | None = None
    site_name: str | None = None
    reading_minutes: int | None = None
    stated_minutes: int | None = None  # a video's or an episode's running time, as its page states it
    provider: str | None = None
    price: str | None = None
    event_start: dt.date | None = None
    event_location: str | None = None
    organizer: str | None = None
    fetched: dt.date | None = None
    latest_item: dt.date | None = None  # a podcast's latest episode or a newsletter's latest issue


def _short_text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = one_line(value)
    return shortened(text, MAX_ENRICHED_TEXT) if text else None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value if not isinstance(value, dt.datetime) else value.date()
    match = _DATE.match(value) if isinstance(value, str) else None
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def read_enrichment(record: EnrichmentRecord | None) -> Enriched:
    """The facts of one entry's enrichment record that the site can show, cleaned and bounded.

    The record's reader has checked types and sizes; this decides what is fit to show: text
    cleaned and shortened, dates read from the start of the stored value, reading times in a
    plausible range.
    """
    if record is None:
        return Enriched()
    meta = record.meta
    course, event = meta.course, meta.event
    minutes = meta.reading_minutes
    return Enriched(
        author=_short_text(meta.author),
        published=_date(meta.published),
        site_name=_short_text(meta.site_name),
        reading_minutes=minutes if minutes is not None and 0 < minutes <= MAX_READING_MINUTES else None,
        stated_minutes=stated if (stated := meta.stated_minutes) is not None and 0 < stated <= MAX_READING_MINUTES
        else None,
        provider=_short_text(course.provider) if course else None,
        price=_short_text(course.price) if course else None,
        event_start=_date(event.start_date) if event else None,
        event_location=_short_text(event.location) if event else None,
        organizer=_short_text(event.organizer) if event else None,
        fetched=record.fetched_at.date() if record.fetched_at else None,
    )
