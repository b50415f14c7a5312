"""Serial content that has stopped: a podcast or newsletter whose feed has published nothing for
more than six months. Its page and Explore say so, and the weekly link report lists it as a
candidate for retirement.

The one rule lives here; the date comes from the enrichment store (the feed's newest item, read
by enrichment), never from the contributor's YAML. An entry whose `cadence` already says it has
ended is not reported: curators keep those on purpose, for their archive.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from pmgenome.catalog.model import Catalog, Entry, Kind
from pmgenome.enrich.record import EnrichmentRecord, current_feed
from pmgenome.text.paths import display_path

SILENT_MONTHS = 6
ENDED = "ended"  # the cadence of a show or newsletter its curators know has stopped
# What a silent entry's page, Explore card and the report call its last item.
LATEST_ITEM = {Kind.PODCAST: "episode", Kind.NEWSLETTER: "issue"}


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1]))


def last_published(entry: Entry, record: EnrichmentRecord | None) -> dt.date | None:
    """The day of the newest item in the entry's feed, as enrichment last read it; None when the
    entry has no feed, the feed was never read, or the store's read is of another feed address."""
    feed = current_feed(entry, record)
    return feed.latest if feed is not None else None


def silent_since(entry: Entry, record: EnrichmentRecord | None, today: dt.date) -> dt.date | None:
    """The newest item's day when the entry has published nothing for more than SILENT_MONTHS
    before `today`; None when it is live, unknown, or known to have ended."""
    latest = last_published(entry, record)
    if latest is None or entry.cadence == ENDED:
        return None
    return latest if latest < months_before(today, SILENT_MONTHS) else None


def silence_note(entry: Entry, since: dt.date) -> str:
    """How the site marks a silent entry: 'No new episode since 2025-01-10'."""
    return f"No new {LATEST_ITEM.get(entry.kind, 'item')} since {since.isoformat()}"


def silence_mark(entry: Entry, record: EnrichmentRecord | None, today: dt.date) -> str | None:
    """The site's mark for an entry silent on `today` (silence_note), or None."""
    since = silent_since(entry, record, today)
    return silence_note(entry, since) if since else None


@dataclass(frozen=True)
class SilentEntry:
    """A retirement candidate, located where its feed is written."""

    entry_id: str
    path: str  # the entry's file, as the report shows it
    line: int
    title: str
    kind: Kind
    latest: dt.date


def silent_entries(catalog: Catalog, records: Mapping[str, EnrichmentRecord], today: dt.date) -> list[SilentEntry]:
    """Every podcast and newsletter silent for more than SILENT_MONTHS, longest silent first."""
    found = []
    for kind in LATEST_ITEM:
        for entry in catalog.of_kind(kind):
            since = silent_since(entry, records.get(entry.id), today)
            if since is not None:
                found.append(SilentEntry(entry.id, display_path(entry.path), entry.location("feed").line,
                                         entry.title, kind, since))
    return sorted(found, key=lambda silent: (silent.latest, silent.entry_id))
