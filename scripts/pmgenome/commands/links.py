"""`pmgenome links`: check that every URL in the catalog (or a list) still works."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path

from pmgenome.catalog.files import display_path
from pmgenome.catalog.load import load_catalog
from pmgenome.commands.common import Exit, add_catalog_option, in_github_actions
from pmgenome.commands.progress import ProgressBar
from pmgenome.links import exclusions as excl
from pmgenome.links.gitchanges import GitError, changed_files
from pmgenome.links.report import FORMATTERS, Format
from pmgenome.links.run import RunOptions, Targets, catalog_targets, url_file_targets
from pmgenome.links.run import run as run_check
from pmgenome.links.wayback import DEFAULT_WAYBACK_URL, WAYBACK_ENV
from pmgenome.net.client import ClientConfig
from pmgenome.urls import is_web_url

HELP = "check that the catalog's links still work (exit 1 when one is broken)"
DEFAULT_CACHE = Path(".cache/pmgenome/links.json")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most 3600 seconds, not {text}")
    return value


def _count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 256:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to 256, not {text!r}")
    return int(text)


def _age(text: str) -> dt.timedelta:
    match = re.fullmatch(r"(\d+)([smhdw]?)", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"not an age: {text!r}; write a number with s, m, h, d or w, like 12h or 7d")
    return dt.timedelta(seconds=int(match[1]) * _UNITS[match[2] or "s"])


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_option(parser)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--changed-since", metavar="REF",
                        help="only entries added or changed since this git ref (for pull requests); "
                             "broken links fail at once")
    source.add_argument("--url-file", type=Path, metavar="FILE",
                        help="check the URLs in FILE (one per line) instead of the catalog")
    parser.add_argument("--format", choices=[f.value for f in Format], default=None,
                        help="report format (default: github in GitHub Actions, text elsewhere)")
    parser.add_argument("--timeout", type=_positive_float, default=20.0, metavar="SECONDS",
                        help="give up on one request after this long (default: 20)")
    parser.add_argument("--attempts", type=_count, default=3, metavar="N",
                        help="tries per URL for 429, 5xx, timeouts and resets (default: 3)")
    parser.add_argument("--concurrency", type=_count, default=16, metavar="N",
                        help="requests in flight in all (default: 16)")
    parser.add_argument("--per-host", type=_count, default=2, metavar="N",
                        help="requests in flight to one host (default: 2)")
    parser.add_argument("--allow-private", action="store_true",
                        help="allow private, loopback and link-local addresses (never for untrusted URLs)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, metavar="FILE",
                        help=f"results kept between runs (default: {DEFAULT_CACHE})")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--max-age", type=_age, default=dt.timedelta(0), metavar="AGE",
                        help="skip URLs found working within AGE, like 12h or 7d (default: check all)")
    parser.add_argument("--exclusions", type=Path, default=None, metavar="FILE",
                        help="links to skip, with reasons (default: CATALOG/exclusions.yaml)")
    wayback = parser.add_mutually_exclusive_group()
    wayback.add_argument("--wayback-url", default=None, metavar="URL",
                         help=f"the Wayback Machine to ask for archived copies of broken pages "
                              f"(default: ${WAYBACK_ENV} or {DEFAULT_WAYBACK_URL}; 'off' asks nobody)")
    wayback.add_argument("--no-wayback", action="store_true", help="do not look for archived copies")


def _fail(message: str) -> int:
    print(f"pmgenome links: {message}", file=sys.stderr)
    return Exit.USAGE


def _wayback(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """The archive's base URL (None: off) and an error message for a bad one."""
    if args.no_wayback:
        return None, None
    value = args.wayback_url if args.wayback_url is not None else os.environ.get(WAYBACK_ENV, DEFAULT_WAYBACK_URL)
    if value.strip().lower() in ("", "off"):
        return None, None
    if not is_web_url(value):
        return None, f"the Wayback Machine URL must start with http:// or https://, not {value!r}"
    return value, None


def _targets(args: argparse.Namespace) -> tuple[Targets | None, str | None]:
    if args.url_file is not None:
        shown = display_path(args.url_file)
        try:
            text = args.url_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            return None, f"cannot read --url-file {shown}: {reason}"
        targets, errors = url_file_targets(text, shown)
        return (None, "\n".join(errors)) if errors else (targets, None)
    if not args.catalog.is_dir():
        return None, f"catalog folder not found: {display_path(args.catalog)}"
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


def run(args: argparse.Namespace) -> int:
    wayback, problem = _wayback(args)
    if problem:
        return _fail(problem)
    targets, problem = _targets(args)
    if targets is None:
        return _fail(problem or "nothing to check")
    exclusions_path = args.exclusions if args.exclusions is not None else args.catalog / excl.EXCLUSIONS_FILE
    if args.exclusions is not None and not exclusions_path.is_file():
        return _fail(f"exclusions file not found: {display_path(exclusions_path)}")
    exclusions, problems = excl.load_exclusions(exclusions_path)
    if problems:
        for item in problems:
            print(item, file=sys.stderr)
        return _fail(f"fix the exclusions file {display_path(exclusions_path)} first")
    timeout = args.timeout
    options = RunOptions(
        client=ClientConfig(connect_timeout=min(10.0, timeout), read_timeout=timeout, total_timeout=timeout,
                            concurrency=args.concurrency, per_host=args.per_host, max_attempts=args.attempts,
                            allow_private=args.allow_private),
        cache=None if args.no_cache else args.cache,
        max_age=args.max_age,
        # The two-run rule is for the scheduled check of everything; a pull request must work now.
        two_runs=not args.no_cache and args.changed_since is None and args.url_file is None,
        partial=args.changed_since is not None or args.url_file is not None,
        wayback=wayback,
        exclusions=exclusions,
    )
    bar = ProgressBar(sys.stderr, "checking links")
    try:
        outcome = run_check(targets, options, progress=bar.update)
    finally:
        bar.close()
    for warning in outcome.warnings:
        print(f"pmgenome links: warning: {warning}", file=sys.stderr)
    chosen = Format(args.format) if args.format else (Format.GITHUB if in_github_actions() else Format.TEXT)
    sys.stdout.write(FORMATTERS[chosen](outcome.report))
    return Exit.PROBLEMS if outcome.report.failing else Exit.OK
