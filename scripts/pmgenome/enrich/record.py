"""One entry's enrichment record: what its page told us, when, and how the fetch went.

The one type for a record, from the refresh that writes it to the site and `inspect` that read
it. `from_json` reads a record as the store holds it; the store is a file people can edit and
merge, and its values come from strangers' pages, so every field is checked for type and size,
and a field that fails is read as absent (None) rather than trusted or fatal. `to_json` writes the
store's format, unchanged since version 1: reading a record and writing it back gives the same
JSON for every record the refresh writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pmgenome.catalog.model import Entry
from pmgenome.enrich.extract import PageMeta
from pmgenome.enrich.feed import FeedCheck
from pmgenome.enrich.schemaorg import Course, Event
from pmgenome.stores.timestamps import format_utc, parse_utc

MAX_TEXT_CHARS = 10_000  # far above what extraction keeps (titles 300, descriptions 1,000, URLs 2,000)
MAX_COUNT = 1_000_000_000  # word counts and minutes: a page of a billion words is no page
COURSE_MODES = frozenset({"online", "in-person", "hybrid"})


class RecordStatus(StrEnum):
    OK = "ok"  # the last fetch read the page (or heard it was unchanged)
    STALE = "stale"  # the last fetch failed: what is here (if anything) is older, and is retried next run


@dataclass(frozen=True)
class EnrichmentRecord:
    """What enrichment knows about one entry. `url` is the entry's URL when it was fetched: a record
    for another URL than the entry's current one is out of date."""

    url: str | None
    final_url: str | None = None
    fetched_at: dt.datetime | None = None  # UTC, to the second; None when no fetch ever succeeded
    status: RecordStatus = RecordStatus.STALE
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    meta: PageMeta = PageMeta()
    feed: FeedCheck | None = None  # a podcast's or newsletter's feed, when its entry names one

    def to_json(self) -> dict[str, Any]:
        """The record as the store writes it (`feed` only when there is one, so the records of
        other kinds read as they always have)."""
        data = {
            "url": self.url, "final_url": self.final_url,
            "fetched_at": format_utc(self.fetched_at) if self.fetched_at else None,
            "status": self.status.value, "error": self.error, "etag": self.etag,
            "last_modified": self.last_modified, "content_type": self.content_type,
            "meta": self.meta.to_store(),
        }
        if self.feed is not None:
            data["feed"] = self.feed.to_json()
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> EnrichmentRecord:
        """A record from the store's JSON object; unusable fields are None, never an error.

        A status other than "ok" reads as stale, so the entry is fetched again."""
        status = RecordStatus.OK if data.get("status") == RecordStatus.OK.value else RecordStatus.STALE
        meta, feed = data.get("meta"), data.get("feed")
        return cls(
            url=text(data.get("url")), final_url=text(data.get("final_url")),
            fetched_at=parse_utc(text(data.get("fetched_at"))), status=status, error=text(data.get("error")),
            etag=text(data.get("etag")), last_modified=text(data.get("last_modified")),
            content_type=text(data.get("content_type")),
            meta=meta_from_json(meta) if isinstance(meta, Mapping) else PageMeta(),
            feed=FeedCheck.from_json(feed) if isinstance(feed, Mapping) else None,
        )


def current_feed(entry: Entry, record: EnrichmentRecord | None) -> FeedCheck | None:
    """The record's look at the entry's feed; None when the entry has no feed, it was never read,
    or the look was of another address than the entry's `feed` now."""
    if not entry.feed or record is None or record.feed is None or record.feed.url != entry.feed:
        return None
    return record.feed


def meta_from_json(data: Mapping[str, Any]) -> PageMeta:
    course, event = data.get("course"), data.get("event")
    return PageMeta(
        title=text(data.get("title")), description=text(data.get("description")), author=text(data.get("author")),
        published=text(data.get("published")), site_name=text(data.get("site_name")),
        language=text(data.get("language")), image=text(data.get("image")),
        word_count=count(data.get("word_count")), reading_minutes=count(data.get("reading_minutes")),
        stated_minutes=count(data.get("stated_minutes")),
        course=_course(course) if isinstance(course, Mapping) else None,
        event=_event(event) if isinstance(event, Mapping) else None,
    )


def _course(data: Mapping[str, Any]) -> Course:
    mode = data.get("mode")
    return Course(provider=text(data.get("provider")), price=text(data.get("price")),
                  mode=mode if isinstance(mode, str) and mode in COURSE_MODES else None)


def _event(data: Mapping[str, Any]) -> Event:
    online = data.get("online")
    return Event(start_date=text(data.get("start_date")), location=text(data.get("location")),
                 organizer=text(data.get("organizer")), online=online if isinstance(online, bool) else None)


def text(value: Any) -> str | None:
    """A stored string, or None when it is not one or is too long to be what a page said."""
    return value if isinstance(value, str) and len(value) <= MAX_TEXT_CHARS else None


def count(value: Any) -> int | None:
    """A stored whole number of 0 or more (not a bool, not 7.0), or None."""
    usable = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT
    return value if usable else None

