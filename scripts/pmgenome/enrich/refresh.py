"""Refreshing the enrichment store from the entries' pages, incrementally and without losing data.

An entry fetched recently is left alone; an older one is asked again with its ETag and
Last-Modified, so an unchanged page costs a 304; a page that fails keeps its last good record,
marked stale. The contributor's YAML is only read, never written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pmgenome.catalog.model import Catalog, Entry, Kind
from pmgenome.enrich.extract import PageMeta
from pmgenome.enrich.feed import FeedCheck, read_feed
from pmgenome.enrich.page import PageResult, fetch_page
from pmgenome.enrich.record import EnrichmentRecord, RecordStatus
from pmgenome.net.client import Client
from pmgenome.net.workers import completed
from pmgenome.stores.timestamps import format_utc, utc_now
from pmgenome.urls import url_problem

DEFAULT_MAX_AGE_DAYS = 30


class Outcome(StrEnum):
    FETCHED = "fetched"  # the page was read and its record rewritten
    UNCHANGED = "unchanged"  # the server answered 304: the record stands, checked now
    FRESH = "fresh"  # fetched within max-age: not requested at all
    FAILED = "failed"  # the last good record (if any) is kept, marked stale


@dataclass(frozen=True)
class EntryOutcome:
    entry_id: str
    path: Path
    url: str
    outcome: Outcome
    error: str | None = None
    kept_from: str | None = None  # fetched_at of the record kept after a failure
    feed_error: str | None = None  # why the entry's feed could not be read this run (its page may have been)


@dataclass(frozen=True)
class EnrichRun:
    outcomes: tuple[EntryOutcome, ...]
    records: Mapping[str, EnrichmentRecord]  # the whole new store
    requests: int
    interrupted: bool = False  # Ctrl-C: only the outcomes so far are in, and their records

    def count(self, outcome: Outcome) -> int:
        return sum(1 for item in self.outcomes if item.outcome is outcome)

    @property
    def failed(self) -> tuple[EntryOutcome, ...]:
        return tuple(item for item in self.outcomes if item.outcome is Outcome.FAILED)


def unknown_ids(catalog: Catalog, only: Sequence[str]) -> list[str]:
    return [entry_id for entry_id in only if entry_id not in catalog.by_id]


def is_fresh(record: EnrichmentRecord | None, entry: Entry, now: dt.datetime, max_age: dt.timedelta) -> bool:
    """Whether the stored record is a good read of this entry's URL (and of its feed, when it has
    one), younger than `max_age`."""
    if record is None or record.url != entry.url or record.status is not RecordStatus.OK:
        return False
    if entry.feed and (record.feed is None or record.feed.url != entry.feed or record.feed.fetched_at is None
                       or record.feed.error is not None):
        return False  # a feed added or moved since, or last read in vain: look again
    return record.fetched_at is not None and now - record.fetched_at < max_age


def conditional_headers(record: EnrichmentRecord | None, entry: Entry) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the last good read of the same URL."""
    if record is None or record.url != entry.url or record.fetched_at is None:
        return {}
    headers = {}
    if record.etag is not None:
        headers["If-None-Match"] = record.etag
    if record.last_modified is not None:
        headers["If-Modified-Since"] = record.last_modified
    return headers


def _new_record(entry: Entry, page: PageResult, now: dt.datetime) -> EnrichmentRecord:
    return EnrichmentRecord(
        url=entry.url, final_url=page.final_url, fetched_at=now, status=RecordStatus.OK, error=None,
        etag=page.etag, last_modified=page.last_modified, content_type=page.content_type,
        meta=page.meta if page.meta is not None else PageMeta())


def _checked_record(old: EnrichmentRecord, page: PageResult, now: dt.datetime) -> EnrichmentRecord:
    # A 304 may carry fresher validators; keep the old ones when it does not.
    return dataclasses.replace(old, fetched_at=now, status=RecordStatus.OK, error=None,
                               etag=page.etag or old.etag, last_modified=page.last_modified or old.last_modified)


def _stale_record(entry: Entry, old: EnrichmentRecord | None, error: str, final_url: str) -> EnrichmentRecord:
    if old is not None and old.url == entry.url:
        return dataclasses.replace(old, status=RecordStatus.STALE, error=error)
    # Nothing good to keep (new entry, or its URL changed): a record that says so.
    return EnrichmentRecord(url=entry.url, final_url=final_url, status=RecordStatus.STALE, error=error)


def _kept_from(entry: Entry, old: EnrichmentRecord | None) -> str | None:
    """When the record kept after a failure was fetched, as the report shows it."""
    if old is None or old.url != entry.url or old.fetched_at is None:
        return None
    return format_utc(old.fetched_at)


def _entry_exists(root: Path, entry_id: str) -> bool:
    return any((root / kind.folder / f"{entry_id}.yaml").is_file() for kind in Kind)


def enrich_catalog(
    catalog: Catalog,
    store: Mapping[str, EnrichmentRecord],
    client: Client,
    *,
    only: Sequence[str] = (),
    refresh: bool = False,
    max_age: dt.timedelta = dt.timedelta(days=DEFAULT_MAX_AGE_DAYS),
    now: dt.datetime | None = None,
) -> EnrichRun:
    """Fetch what needs fetching and return the new store; the caller writes it.

    `only` limits the run to those ids (unknown ones are the caller's to refuse, see unknown_ids);
    `refresh` fetches every chosen entry in full, ignoring max-age and validators. Records of
    entries whose files are gone are dropped, unless the run is limited with `only`.
    """
    now = now or utc_now()
    chosen = [catalog.by_id[entry_id] for entry_id in dict.fromkeys(only)] if only else list(catalog.entries)
    records: dict[str, EnrichmentRecord] = dict(store)
    if not only:
        records = {key: value for key, value in records.items()
                   if key in catalog.by_id or _entry_exists(catalog.root, key)}
    outcomes: dict[str, EntryOutcome] = {}
    to_fetch: list[tuple[Entry, dict[str, str]]] = []
    for entry in chosen:
        old = store.get(entry.id)
        problem = url_problem(entry.url) if entry.url else "the entry has no url"
        if problem:
            message = f"not fetched: {problem} (run pmgenome validate)"
            records[entry.id] = _stale_record(entry, old, message, entry.url)
            outcomes[entry.id] = EntryOutcome(entry.id, entry.path, entry.url, Outcome.FAILED, message,
                                              _kept_from(entry, old))
        elif not refresh and is_fresh(old, entry, now, max_age):
            outcomes[entry.id] = EntryOutcome(entry.id, entry.path, entry.url, Outcome.FRESH)
        else:
            to_fetch.append((entry, {} if refresh else conditional_headers(old, entry)))

    requests = 0
    interrupted = False

    def fetch(job: tuple[Entry, dict[str, str]]) -> tuple[PageResult, FeedCheck | None, int]:
        entry, headers = job
        page = fetch_page(client, entry.url, headers=headers, today=now.date())
        if not isinstance(entry.feed, str) or url_problem(entry.feed):
            return page, None, page.requests
        old = store.get(entry.id)
        feed, asked = read_feed(client, entry.feed, now, old.feed if old is not None else None)
        return page, feed, page.requests + asked

    try:
        with closing(completed(fetch, to_fetch, client.config.concurrency, "enrich")) as fetched:
            for (entry, _), (page, feed, asked) in fetched:
                requests += asked
                record, outcome = _settle(entry, store.get(entry.id), page, now)
                records[entry.id] = dataclasses.replace(record, feed=feed)
                outcomes[entry.id] = dataclasses.replace(outcome, feed_error=feed.error) if feed else outcome
    except KeyboardInterrupt:
        # Keep what was fetched: the caller saves it, and the next run resumes from there. Pages
        # still in flight are left to their daemon threads (see workers.py).
        interrupted = True
    ordered = tuple(outcomes[entry.id] for entry in chosen if entry.id in outcomes)
    return EnrichRun(ordered, records, requests, interrupted)


def _settle(entry: Entry, old: EnrichmentRecord | None, page: PageResult,
            now: dt.datetime) -> tuple[EnrichmentRecord, EntryOutcome]:
    """The new record for an entry after its fetch, and what happened."""
    if page.error is not None:
        return (_stale_record(entry, old, page.error, page.final_url),
                EntryOutcome(entry.id, entry.path, entry.url, Outcome.FAILED, page.error, _kept_from(entry, old)))
    if page.not_modified and old is not None:
        return _checked_record(old, page, now), EntryOutcome(entry.id, entry.path, entry.url, Outcome.UNCHANGED)
    return _new_record(entry, page, now), EntryOutcome(entry.id, entry.path, entry.url, Outcome.FETCHED)
