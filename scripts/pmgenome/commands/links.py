"""`pmgenome links`: check that every URL in the catalog (or a list) still works."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pmgenome.catalog import exclusions as excl
from pmgenome.catalog import hosts
from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import EXCLUSIONS_FILE, HOSTS_FILE
from pmgenome.commands.common import (
    Exit,
    add_catalog_option,
    catalog_not_found,
    in_github_actions,
)
from pmgenome.commands.progress import ProgressBar
from pmgenome.enrich.silence import SILENT_MONTHS, SilentEntry, silent_entries
from pmgenome.enrich.store import load_store
from pmgenome.links.gitchanges import GitError, changed_files
from pmgenome.links.markdown import format_markdown
from pmgenome.links.report import Report, ReportFormat, format_github, format_json, format_text
from pmgenome.links.run import (
    RunOptions,
    Scope,
    Targets,
    catalog_targets,
    url_file_targets,
)
from pmgenome.links.run import run as run_check
from pmgenome.links.wayback import DEFAULT_WAYBACK_URL, WAYBACK_ENV
from pmgenome.net.chain import ATTEMPTS, OUTAGE_WINDOW, TIMEOUT_ATTEMPTS
from pmgenome.net.client import (
    CONCURRENCY,
    MIN_INTERVAL,
    READ_TIMEOUT,
    ClientConfig,
)
from pmgenome.net.limits import PER_HOST
from pmgenome.stores.errors import StoreError
from pmgenome.stores.timestamps import utc_now
from pmgenome.text.escape import terminal
from pmgenome.text.paths import display_path
from pmgenome.urls import is_web_url

HELP = "check that the catalog's links still work (exit 1 when one is dead)"
DEFAULT_CACHE = Path(".cache/pmgenome/links.json")
MAX_URL_FILE = 10 * 1024 * 1024
MAX_AGE = dt.timedelta(days=3650)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def _seconds(low: float, high: float, strictly_above: bool = True) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
        if not (low < value if strictly_above else low <= value) or not value <= high:
            raise argparse.ArgumentTypeError(
                f"must be {'more than' if strictly_above else 'at least'} {low:g} and at most {high:g} seconds, "
                f"not {text}")
        return value

    return parse


def _count(text: str) -> int:
    if not re.fullmatch(r"[0-9]{1,3}", text) or not 1 <= int(text) <= 256:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to 256, not {text!r}")
    return int(text)


def _age(text: str) -> dt.timedelta:
    match = re.fullmatch(r"([0-9]{1,12})([smhdw]?)", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"not an age: {text!r}; write a number with s, m, h, d or w, like 12h or 7d")
    seconds = int(match[1]) * _UNITS[match[2] or "s"]
    if seconds > MAX_AGE.total_seconds():
        raise argparse.ArgumentTypeError(f"an age of at most {MAX_AGE.days} days, not {text}")
    return dt.timedelta(seconds=seconds)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_option(parser)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--changed-since", metavar="REF",
                        help="only entries added or changed since this git ref (for pull requests); "
                             "dead links fail at once")
    source.add_argument("--url-file", type=Path, metavar="FILE",
                        help="check the URLs in FILE (one per line, at most 10 MiB) instead of the catalog")
    parser.add_argument("--format", choices=[f.value for f in ReportFormat], default=None,
                        help="report format (default: github in GitHub Actions, text elsewhere)")
    # These default to None: ClientConfig.from_options falls back to the one default of each (net/).
    parser.add_argument("--timeout", type=_seconds(0, 3600), metavar="SECONDS",
                        help=f"give up on one request after this long (default: {READ_TIMEOUT:g})")
    parser.add_argument("--attempts", type=_count, metavar="N",
                        help=f"requests per URL at most, for 429, 5xx and resets (default: {ATTEMPTS}; a timeout "
                             f"is tried {TIMEOUT_ATTEMPTS} times at most); the report says how many were made")
    parser.add_argument("--outage-window", type=_seconds(0, 600, strictly_above=False), metavar="SECONDS",
                        help="a server answering 5xx is asked again over this long, its attempts spread out, "
                             f"so a deploy or restart is not called broken (default: {OUTAGE_WINDOW:g})")
    parser.add_argument("--concurrency", type=_count, metavar="N",
                        help=f"requests in flight in all (default: {CONCURRENCY})")
    parser.add_argument("--per-host", type=_count, metavar="N",
                        help=f"requests in flight to one host (default: {PER_HOST}; CATALOG/hosts.yaml can "
                             "change it)")
    parser.add_argument("--min-interval", type=_seconds(0, 60, strictly_above=False), metavar="SECONDS",
                        help=f"seconds between two requests to one host (default: {MIN_INTERVAL:g})")
    parser.add_argument("--allow-private", action="store_true",
                        help="allow private, loopback and link-local addresses (never for untrusted URLs)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, metavar="FILE",
                        help=f"results kept between runs (default: {DEFAULT_CACHE})")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--max-age", type=_age, default=dt.timedelta(0), metavar="AGE",
                        help="skip URLs found working within AGE, like 12h or 7d (default: check all)")
    parser.add_argument("--results", type=Path, default=None, metavar="FILE",
                        help="write each entry's verdict, check time and archived copy here, for the site")
    parser.add_argument("--exclusions", type=Path, default=None, metavar="FILE",
                        help="links to skip, with reasons (default: CATALOG/exclusions.yaml)")
    parser.add_argument("--hosts", type=Path, default=None, metavar="FILE",
                        help="per-host rules, with reasons (default: CATALOG/hosts.yaml)")
    parser.add_argument("--source-url", default=None, metavar="URL",
                        help="where the catalog's files are browsed, for links in the Markdown report (default "
                             "in GitHub Actions: this commit on GitHub)")
    wayback = parser.add_mutually_exclusive_group()
    wayback.add_argument("--wayback-url", default=None, metavar="URL",
                         help=f"the Wayback Machine to ask for archived copies of dead pages "
                              f"(default: ${WAYBACK_ENV} or {DEFAULT_WAYBACK_URL}; 'off' asks nobody)")
    wayback.add_argument("--no-wayback", action="store_true", help="do not look for archived copies")


def _fail(message: str) -> int:
    print(f"pmgenome links: {terminal(message)}", file=sys.stderr)
    return Exit.USAGE


def _web_url_option(value: str | None, name: str) -> tuple[str | None, str | None]:
    if value is None or value.strip().lower() in ("", "off"):
        return None, None
    if not is_web_url(value):
        return None, f"{name} must start with http:// or https://, not {value!r}"
    return value, None


def _source_url(args: argparse.Namespace) -> tuple[str | None, str | None]:
    if args.source_url is not None:
        return _web_url_option(args.source_url, "--source-url")
    parts = [os.environ.get(name, "") for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")]
    if in_github_actions() and all(parts):
        return _web_url_option(f"{parts[0]}/{parts[1]}/blob/{parts[2]}", "the GitHub address")
    return None, None


def _read_url_file(path: Path) -> tuple[str | None, str | None]:
    shown = display_path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_URL_FILE + 1)
    except OSError as error:
        return None, f"cannot read --url-file {shown}: {error.strerror or error}"
    if len(data) > MAX_URL_FILE:
        return None, f"--url-file {shown} is larger than {MAX_URL_FILE // (1024 * 1024)} MiB; split it"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        return None, f"--url-file {shown} is not UTF-8 text (byte {error.start})"


def _targets(args: argparse.Namespace) -> tuple[Targets | None, str | None]:
    if args.url_file is not None:
        text, problem = _read_url_file(args.url_file)
        if text is None:
            return None, problem
        targets, errors = url_file_targets(text, display_path(args.url_file))
        return (None, "\n".join(errors)) if errors else (targets, None)
    if not args.catalog.is_dir():
        return None, catalog_not_found(args.catalog)
    catalog, problems = load_catalog(args.catalog)
    if problems:
        print(f"pmgenome links: note: the catalog has {len(problems)} problem(s) that may hide links; "
              "run `pmgenome validate`", file=sys.stderr)
    only = None
    if args.changed_since is not None:
        try:
            only = changed_files(args.catalog, args.changed_since)
        except GitError as error:
            return None, f"--changed-since: {error}"
    return catalog_targets(catalog, only), None


def _rules(args: argparse.Namespace) -> tuple[tuple[tuple[excl.Exclusion, ...], tuple[hosts.HostRule, ...]] | None,
                                              str | None]:
    """The exclusions and host rules, or a message when a file is missing or has problems."""
    found: list[Any] = []  # the exclusions, then the host rules
    for option, default, load in ((args.exclusions, EXCLUSIONS_FILE, excl.load_exclusions),
                                  (args.hosts, HOSTS_FILE, hosts.load_host_rules)):
        path = option if option is not None else args.catalog / default
        if option is not None and not path.is_file():
            return None, f"file not found: {display_path(path)}"
        rules, problems = load(path)
        if problems:
            for item in problems:
                print(terminal(str(item)), file=sys.stderr)
            return None, f"fix {display_path(path)} first"
        found.append(rules)
    return tuple(found), None


def _silent(args: argparse.Namespace) -> list[SilentEntry]:
    """The podcasts and newsletters gone silent, for a whole-catalog report: their last item's date
    is in the enrichment store (an unusable store is said, and the report goes on without them)."""
    if args.url_file is not None or args.changed_since is not None:
        return []
    catalog, _ = load_catalog(args.catalog)
    try:
        records = load_store(args.catalog)
    except StoreError as error:
        print(f"pmgenome links: warning: no retirement candidates in the report: {terminal(str(error))}",
              file=sys.stderr)
        return []
    return silent_entries(catalog, records, utc_now().date())


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except (OSError, RuntimeError):  # a symlink loop: the writes will say what is wrong
        return False


def run(args: argparse.Namespace) -> int:
    wayback, problem = (None, None) if args.no_wayback else _web_url_option(
        args.wayback_url if args.wayback_url is not None else os.environ.get(WAYBACK_ENV, DEFAULT_WAYBACK_URL),
        "the Wayback Machine URL")
    source_url, source_problem = _source_url(args)
    if problem or source_problem:
        return _fail(problem or source_problem or "")
    if not args.no_cache and args.results is not None and _same_file(args.cache, args.results):
        # Each write would replace the other's format: the cache would be lost every run.
        return _fail(f"--results {display_path(args.results)} is the link cache; "
                     "give the results a file of their own")
    targets, problem = _targets(args)
    if targets is None:
        return _fail(problem or "nothing to check")
    rules, problem = _rules(args)
    if rules is None:
        return _fail(problem or "")
    scope = Scope.LIST if args.url_file else Scope.CHANGES if args.changed_since is not None else Scope.CATALOG
    options = RunOptions(
        scope=scope,
        client=ClientConfig.from_options(timeout=args.timeout, concurrency=args.concurrency, per_host=args.per_host,
                                         min_interval=args.min_interval, attempts=args.attempts,
                                         outage_window=args.outage_window, allow_private=args.allow_private),
        cache=None if args.no_cache else args.cache, max_age=args.max_age,
        results=args.results, wayback=wayback,
        exclusions=rules[0], host_rules=rules[1],
    )
    bar = ProgressBar(sys.stderr, "checking links")
    try:
        outcome = run_check(targets, options, progress=bar.update)
    except StoreError as error:  # the cache is busy with another run, or cannot be locked
        return _fail(str(error))
    finally:
        bar.close()
    for warning in outcome.warnings:
        print(f"pmgenome links: warning: {terminal(warning)}", file=sys.stderr)
    chosen = ReportFormat(args.format) if args.format else (
        ReportFormat.GITHUB if in_github_actions() else ReportFormat.TEXT)
    formatters: dict[ReportFormat, Callable[[Report], str]] = {
        ReportFormat.TEXT: format_text, ReportFormat.JSON: format_json, ReportFormat.GITHUB: format_github,
        ReportFormat.MARKDOWN: lambda report: format_markdown(report, source_url, _silent(args), SILENT_MONTHS)}
    sys.stdout.write(formatters[chosen](outcome.report))
    return Exit.PROBLEMS if outcome.report.failing else Exit.OK
