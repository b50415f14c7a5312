"""One link-check run: which URLs, which to skip, what the cache knows, and the report.

The `links` command is argument parsing and printing around `run()`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from pmgenome.catalog.files import display_path
from pmgenome.catalog.model import Catalog
from pmgenome.links import cache as linkcache
from pmgenome.links import exclusions as excl
from pmgenome.links.check import check_urls
from pmgenome.links.report import Place, Report
from pmgenome.links.verdict import LinkResult, Verdict, excluded
from pmgenome.links.wayback import archived_copies
from pmgenome.net.client import Client, ClientConfig
from pmgenome.stores.timestamps import format_utc, utc_now
from pmgenome.urls import is_web_url, url_problem


@dataclass(frozen=True)
class Targets:
    """The URLs to check, each with the ids of the entries that hold it, and where those are."""

    urls: dict[str, tuple[str, ...]]
    places: dict[str, Place]


def fetch_key(url: str) -> str:
    """The URL as fetched: a fragment names a place in the page, not another page."""
    return url.strip().split("#", 1)[0]


def catalog_targets(catalog: Catalog, only: set[Path] | None = None) -> Targets:
    """Every entry's URL (or only those of entries whose file is in `only`); URLs the validator
    refuses are left to it."""
    urls: dict[str, tuple[str, ...]] = {}
    places: dict[str, Place] = {}
    for entry in catalog.entries:
        if only is not None and entry.path.resolve() not in only:
            continue
        if not entry.url or url_problem(entry.url):
            continue
        key = fetch_key(entry.url)
        urls[key] = urls.get(key, ()) + (entry.id,)
        where = entry.location("url")
        places[entry.id] = Place(display_path(entry.path), where.line, where.col)
    return Targets(urls, places)


def url_file_targets(text: str, shown: str) -> tuple[Targets, list[str]]:
    """URLs from a list, one per line (blank lines and # comments ignored), and a located
    message for each line that is not an http(s) URL."""
    urls: dict[str, tuple[str, ...]] = {}
    errors = []
    for number, line in enumerate(text.splitlines(), 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if not is_web_url(url):
            errors.append(f"{shown}:{number}: not an http(s) URL: {url!r}")
            continue
        urls.setdefault(fetch_key(url), ())
    return Targets(urls, {}), errors


@dataclass(frozen=True)
class RunOptions:
    client: ClientConfig = ClientConfig()
    cache: Path | None = None  # None: no cache read or written
    max_age: dt.timedelta = dt.timedelta(0)  # reuse good results younger than this
    two_runs: bool = False  # a broken link counts only after two consecutive failing runs
    partial: bool = False  # checking part of the catalog: keep the cache's other records
    wayback: str | None = None  # the archive's base URL, None to suggest no archived copies
    exclusions: tuple[excl.Exclusion, ...] = ()
    today: dt.date | None = None


@dataclass(frozen=True)
class RunOutcome:
    report: Report
    warnings: tuple[str, ...]


def run(targets: Targets, options: RunOptions, progress: Callable[[int, int], None] | None = None) -> RunOutcome:
    """Check the targets and build the report; the cache is read before and written after."""
    now = utc_now()
    today = options.today or now.date()
    warnings: list[str] = []
    records: dict[str, dict] = {}
    if options.cache is not None:
        records, warning = linkcache.load_cache(options.cache)
        if warning:
            warnings.append(warning)
    active = excl.active(options.exclusions, today)
    settled: dict[str, LinkResult] = {}
    to_fetch: dict[str, tuple[str, ...]] = {}
    for url, entries in targets.urls.items():
        rule = excl.matching(active, url)
        if rule is not None:
            settled[url] = excluded(url, entries, f"{rule.reason} ({rule.where})")
        elif linkcache.reusable(records.get(url), options.max_age, now):
            settled[url] = linkcache.from_record(url, records[url], entries)
        else:
            to_fetch[url] = entries
    with Client(options.client) as client:
        fetched = check_urls(client, to_fetch, progress=progress) if to_fetch else []
        stamp = format_utc(now)
        fetched = [linkcache.with_history(replace(r, checked_at=stamp), records.get(r.url), options.two_runs)
                   for r in fetched]
        if options.wayback:
            broken = [r.url for r in fetched if r.verdict is Verdict.BROKEN]
            copies = archived_copies(client, broken, options.wayback)
            fetched = [replace(r, archived=copies.get(r.url)) for r in fetched]
    results = {**settled, **{r.url: r for r in fetched}}
    ordered = tuple(results[url] for url in targets.urls)
    if options.cache is not None:
        try:
            linkcache.save_cache(options.cache, linkcache.merged(records, ordered, keep_others=options.partial))
        except OSError as error:
            warnings.append(f"could not write the link cache {options.cache}: {error.strerror or error}")
    expired = tuple(excl.expired_problems(options.exclusions, today))
    return RunOutcome(Report(ordered, expired, targets.places), tuple(warnings))

