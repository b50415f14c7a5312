"""One link-check run: which URLs, which to skip, what the cache knows, and the report.

The run's scope carries the policy: the scheduled check of the whole catalog calls a link dead
only after two failing runs and forgets URLs no entry holds any more; a pull request's links must
work now, and a list of URLs leaves the rest of the cache alone. The `links` command is argument
parsing and printing around `run()`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from pmgenome.catalog import exclusions as excl
from pmgenome.catalog import hosts
from pmgenome.catalog.model import Catalog
from pmgenome.links import cache as linkcache
from pmgenome.links.check import CheckOptions, check_urls
from pmgenome.links.record import merged, save_link_file
from pmgenome.links.report import Report, UrlSite
from pmgenome.links.results import save_results
from pmgenome.links.verdict import LinkResult, Verdict, excluded
from pmgenome.links.wayback import archived_copies
from pmgenome.net.client import Client, ClientConfig
from pmgenome.stores.lock import store_lock
from pmgenome.stores.timestamps import format_utc, utc_now
from pmgenome.text.clean import shortened
from pmgenome.text.paths import display_path
from pmgenome.urls import is_web_url, url_problem


class Scope(StrEnum):
    CATALOG = "catalog"  # every entry: the scheduled check
    CHANGES = "changes"  # entries a pull request adds or edits
    LIST = "list"  # URLs from a file


@dataclass(frozen=True)
class Targets:
    """The URLs to check, each with the ids of the entries that hold it, and where those are."""

    urls: dict[str, tuple[str, ...]]
    places: dict[str, UrlSite]


def fetch_key(url: str) -> str:
    """The URL as fetched: a fragment names a place in the page, not another page."""
    return url.strip().split("#", 1)[0]


def catalog_targets(catalog: Catalog, only: set[Path] | None = None) -> Targets:
    """Every entry's URL (or only those of entries whose file is in `only`); URLs the validator
    refuses are left to it."""
    urls: dict[str, tuple[str, ...]] = {}
    places: dict[str, UrlSite] = {}
    for entry in catalog.entries:
        if only is not None and entry.path.resolve() not in only:
            continue
        if not entry.url or url_problem(entry.url):
            continue
        key = fetch_key(entry.url)
        urls[key] = urls.get(key, ()) + (entry.id,)
        where = entry.location("url")
        places[entry.id] = UrlSite(display_path(entry.path), where.line, where.col)
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
            errors.append(f"{shown}:{number}: not an http(s) URL: {shortened(url, 200)!r}")
            continue
        urls.setdefault(fetch_key(url), ())
    return Targets(urls, {}), errors


@dataclass(frozen=True)
class RunOptions:
    scope: Scope = Scope.CATALOG
    client: ClientConfig = ClientConfig()  # its retry policy holds the outage window and the attempts
    cache: Path | None = None  # None: no cache read or written
    max_age: dt.timedelta = dt.timedelta(0)  # reuse good results younger than this
    results: Path | None = None  # the results file for the site (links.results), None: not written
    wayback: str | None = None  # the archive's base URL, None to suggest no archived copies
    exclusions: tuple[excl.Exclusion, ...] = ()
    host_rules: tuple[hosts.HostRule, ...] = ()
    today: dt.date | None = None
    soft_404: bool = True
    check: CheckOptions | None = field(default=None)  # derived from the above unless given

    @property
    def two_runs(self) -> bool:
        """The scheduled check forgives one failing run (a deploy, a blip); the others must work now."""
        return self.scope is Scope.CATALOG and self.cache is not None

    @property
    def partial(self) -> bool:
        """Part of the catalog (or a list): the cache's other records are kept."""
        return self.scope is not Scope.CATALOG


@dataclass(frozen=True)
class RunOutcome:
    report: Report
    warnings: tuple[str, ...]


def check_options(options: RunOptions, today: dt.date) -> CheckOptions:
    if options.check is not None:
        return options.check
    return CheckOptions.from_client(options.client, soft_404=options.soft_404,
                                    rules=hosts.in_force(options.host_rules, today))


def was_slow(record: LinkResult | None) -> bool:
    """Whether a URL's last check was a long chain (a timeout, or a 5xx or 429 waited out). Such
    URLs start first: the longest chain is the run's floor, so it should not start last."""
    if record is None:
        return False
    status = record.status
    return record.verdict is Verdict.TIMEOUT or (status is not None and (status == 429 or status >= 500))


def _settle(targets: Targets, options: RunOptions, records: dict[str, LinkResult], today: dt.date, now: dt.datetime,
            warnings: list[str]) -> tuple[dict[str, LinkResult], dict[str, tuple[str, ...]]]:
    """The URLs decided without fetching (excluded, or recently fine) and those to fetch."""
    active = excl.active(options.exclusions, today)
    slow: set[str] = set()
    settled: dict[str, LinkResult] = {}
    to_fetch: dict[str, tuple[str, ...]] = {}
    for url, entries in targets.urls.items():
        rule = excl.matching(active, url, slow)
        if rule is not None:
            settled[url] = excluded(url, entries, f"{rule.reason} ({rule.where})")
        elif linkcache.reusable(records.get(url), options.max_age, now):
            settled[url] = linkcache.reused(records[url], entries)
        else:
            to_fetch[url] = entries
    to_fetch = {url: to_fetch[url] for url in sorted(to_fetch, key=lambda url: not was_slow(records.get(url)))}
    warnings += [f"the exclusion pattern at {where} took over {excl.MATCH_SECONDS:g}s on one URL and was skipped "
                 "for the rest of the run: simplify it" for where in sorted(slow)]
    return settled, to_fetch


def run(targets: Targets, options: RunOptions, progress: Callable[[int, int], None] | None = None) -> RunOutcome:
    """Check the targets and build the report. With a cache, the run holds its lock from reading
    it to writing it (another run at the same time stops at once with StoreBusy, and neither
    loses records)."""
    if options.cache is None:
        return _run(targets, options, progress)
    try:
        # The default cache's folder (.cache/pmgenome/) does not exist in a fresh checkout, and the
        # lock file goes beside the cache; a folder that cannot be made is the lock's error to report.
        options.cache.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    with store_lock(options.cache):
        return _run(targets, options, progress)


def _run(targets: Targets, options: RunOptions, progress: Callable[[int, int], None] | None) -> RunOutcome:
    now = utc_now()
    today = options.today or now.date()
    warnings: list[str] = []
    records: dict[str, LinkResult] = {}
    if options.cache is not None:
        records, warning = linkcache.load_cache(options.cache)
        if warning:
            warnings.append(warning)
    settled, to_fetch = _settle(targets, options, records, today, now, warnings)
    with Client(options.client) as client:
        fetched = check_urls(client, to_fetch, options=check_options(options, today), progress=progress)
        stamp = format_utc(now)
        fetched = [linkcache.with_history(replace(r, checked_at=stamp), records.get(r.url), options.two_runs)
                   for r in fetched]
        if options.wayback:
            copies = archived_copies(client, [r.url for r in fetched if r.dead], options.wayback)
            fetched = [replace(r, archived=copies.get(r.url)) for r in fetched]
    results = {**settled, **{r.url: r for r in fetched}}
    ordered = tuple(results[url] for url in targets.urls)
    if options.cache is not None:
        try:
            save_link_file(options.cache, merged(records, ordered, keep_others=options.partial), format_utc(now))
        except OSError as error:
            warnings.append(f"could not write the link cache {options.cache}: {error.strerror or error}")
    if options.results is not None:
        try:
            save_results(options.results, ordered, format_utc(now), keep_others=options.partial)
        except OSError as error:
            warnings.append(f"could not write the link results {options.results}: {error.strerror or error}")
    expired = tuple(excl.expired_problems(options.exclusions, today)
                    + hosts.expired_problems(options.host_rules, today))
    return RunOutcome(Report(ordered, expired, targets.places, archive_asked=bool(options.wayback)),
                      tuple(warnings))
