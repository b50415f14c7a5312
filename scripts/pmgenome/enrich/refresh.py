"""Refreshing the enrichment store from the entries' pages, incrementally and without losing data.

An entry fetched recently is left alone; an older one is asked again with its ETag and
Last-Modified, so an unchanged page costs a 304; a page that fails keeps its last good record,
marked stale. The contributor's YAML is only read, never written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from pmgenome.catalog.model import Catalog, Entry, Kind
from pmgenome.enrich.extract import PageMeta
from pmgenome.enrich.page import PageResult, fetch_page
from pmgenome.net.client import Client
from pmgenome.stores.timestamps import format_utc, parse_utc
from pmgenome.urls import url_problem

DEFAULT_MAX_AGE_DAYS = 30
STATUS_OK = "ok"
STATUS_STALE = "stale"
EMPTY_META: Mapping[str, Any] = PageMeta().to_store()


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


@dataclass(frozen=True)
class EnrichRun:
    outcomes: tuple[EntryOutcome, ...]
    records: Mapping[str, Mapping[str, Any]]  # the whole new store
    requests: int
    interrupted: bool = False  # Ctrl-C: only the outcomes so far are in, and their records

    def count(self, outcome: Outcome) -> int:
        return sum(1 for item in self.outcomes if item.outcome is outcome)

    @property
    def failed(self) -> tuple[EntryOutcome, ...]:
        return tuple(item for item in self.outcomes if item.outcome is Outcome.FAILED)


def unknown_ids(catalog: Catalog, only: Sequence[str]) -> list[str]:
    return [entry_id for entry_id in only if entry_id not in catalog.by_id]


def is_fresh(record: Mapping[str, Any] | None, entry: Entry, now: dt.datetime, max_age: dt.timedelta) -> bool:
    """Whether the stored record is a good read of this entry's URL, younger than `max_age`."""
    if not record or record.get("url") != entry.url or record.get("status") != STATUS_OK:
        return False
    fetched = parse_utc(record.get("fetched_at"))
    return fetched is not None and now - fetched < max_age


def conditional_headers(record: Mapping[str, Any] | None, entry: Entry) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the last good read of the same URL."""
    if not record or record.get("url") != entry.url or record.get("fetched_at") is None:
        return {}
    headers = {}
    if isinstance(record.get("etag"), str):
        headers["If-None-Match"] = record["etag"]
    if isinstance(record.get("last_modified"), str):
        headers["If-Modified-Since"] = record["last_modified"]
    return headers


def _new_record(entry: Entry, page: PageResult, now: dt.datetime) -> dict[str, Any]:
    return {
        "url": entry.url, "final_url": page.final_url, "fetched_at": format_utc(now),
        "status": STATUS_OK, "error": None, "etag": page.etag, "last_modified": page.last_modified,
        "content_type": page.content_type,
        "meta": page.meta.to_store() if page.meta is not None else dict(EMPTY_META),
    }


def _checked_record(old: Mapping[str, Any], page: PageResult, now: dt.datetime) -> dict[str, Any]:
    # A 304 may carry fresher validators; keep the old ones when it does not.
    return {**old, "fetched_at": format_utc(now), "status": STATUS_OK, "error": None,
            "etag": page.etag or old.get("etag"), "last_modified": page.last_modified or old.get("last_modified")}


def _stale_record(entry: Entry, old: Mapping[str, Any] | None, error: str, final_url: str) -> dict[str, Any]:
    if old and old.get("url") == entry.url:
        return {**old, "status": STATUS_STALE, "error": error}
    # Nothing good to keep (new entry, or its URL changed): a record that says so.
    return {"url": entry.url, "final_url": final_url, "fetched_at": None, "status": STATUS_STALE,
            "error": error, "etag": None, "last_modified": None, "content_type": None, "meta": dict(EMPTY_META)}


def _entry_exists(root: Path, entry_id: str) -> bool:
    return any((root / kind.folder / f"{entry_id}.yaml").is_file() for kind in Kind)


def enrich_catalog(
    catalog: Catalog,
    store: Mapping[str, Mapping[str, Any]],
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
    now = now or dt.datetime.now(dt.timezone.utc)
    chosen = [catalog.by_id[entry_id] for entry_id in dict.fromkeys(only)] if only else list(catalog.entries)
    records: dict[str, Mapping[str, Any]] = dict(store)
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
            kept = old.get("fetched_at") if old and old.get("url") == entry.url else None
            outcomes[entry.id] = EntryOutcome(entry.id, entry.path, entry.url, Outcome.FAILED, message, kept)
        elif not refresh and is_fresh(old, entry, now, max_age):
            outcomes[entry.id] = EntryOutcome(entry.id, entry.path, entry.url, Outcome.FRESH)
        else:
            to_fetch.append((entry, {} if refresh else conditional_headers(old, entry)))

    requests = 0
    interrupted = False
    pool = ThreadPoolExecutor(max_workers=max(1, min(client.config.concurrency, len(to_fetch) or 1)),
                              thread_name_prefix="enrich")
    jobs = {pool.submit(fetch_page, client, entry.url, headers=headers, today=now.date()): entry
            for entry, headers in to_fetch}
    try:
        for job in as_completed(jobs):
            entry, page = jobs[job], job.result()
            requests += page.requests
            records[entry.id], outcomes[entry.id] = _settle(entry, store.get(entry.id), page, now)
    except KeyboardInterrupt:
        # Keep what was fetched: the caller saves it, and the next run resumes from there.
        interrupted = True
    finally:
        pool.shutdown(wait=not interrupted, cancel_futures=True)
    ordered = tuple(outcomes[entry.id] for entry in chosen if entry.id in outcomes)
    return EnrichRun(ordered, records, requests, interrupted)


def _settle(entry: Entry, old: Mapping[str, Any] | None, page: PageResult,
            now: dt.datetime) -> tuple[dict[str, Any], EntryOutcome]:
    """The new record for an entry after its fetch, and what happened."""
    if page.error is not None:
        kept = old.get("fetched_at") if old and old.get("url") == entry.url else None
        return (_stale_record(entry, old, page.error, page.final_url),
                EntryOutcome(entry.id, entry.path, entry.url, Outcome.FAILED, page.error, kept))
    if page.not_modified and old:
        return _checked_record(old, page, now), EntryOutcome(entry.id, entry.path, entry.url, Outcome.UNCHANGED)
    return _new_record(entry, page, now), EntryOutcome(entry.id, entry.path, entry.url, Outcome.FETCHED)
