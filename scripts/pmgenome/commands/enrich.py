"""`pmgenome enrich`: refresh the enrichment store from the entries' pages."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys

from pmgenome.catalog.load import load_catalog
from pmgenome.commands.common import (
    Exit,
    add_catalog_option,
    catalog_refusal,
    first_interrupt_only,
)
from pmgenome.enrich.refresh import (
    DEFAULT_MAX_AGE_DAYS,
    EnrichRun,
    Outcome,
    enrich_catalog,
    unknown_ids,
)
from pmgenome.enrich.store import (
    REBUILD_OPTION,
    fresh_store,
    load_store,
    save_store,
    store_path,
)
from pmgenome.net.client import Client, ClientConfig
from pmgenome.stores.atomic import remove_leftovers
from pmgenome.stores.errors import StoreError
from pmgenome.stores.lock import store_lock
from pmgenome.text.hints import did_you_mean
from pmgenome.text.paths import display_path

HELP = "fetch the entries' pages and store what they tell (title, author, date, reading time...)"
MAX_AGE_LIMIT = 36_500  # a hundred years: any longer is a typo, and timedelta stops at 999,999,999 days
_DAYS = re.compile(r"-?[0-9]+")


def days(text: str) -> int:
    """argparse type for --max-age: a whole number of days from 0 to MAX_AGE_LIMIT, in ASCII digits."""
    if not _DAYS.fullmatch(text):
        raise argparse.ArgumentTypeError(f"expected a whole number of days, got {text!r}")
    if text.startswith("-"):
        raise argparse.ArgumentTypeError(f"expected 0 or more days, got {text}")
    if len(text.lstrip("0")) > len(str(MAX_AGE_LIMIT)) or int(text) > MAX_AGE_LIMIT:
        raise argparse.ArgumentTypeError(f"expected at most {MAX_AGE_LIMIT} days (100 years), got {text}")
    return int(text)


def add_private_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--allow-private", action="store_true",
                        help="also fetch private, loopback and link-local addresses (off by default: "
                             "URLs come from strangers)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_option(parser)
    parser.add_argument("--only", nargs="+", metavar="ID", default=[],
                        help="enrich only these entries (ids are file names without .yaml)")
    parser.add_argument("--refresh", action="store_true",
                        help="fetch every chosen page in full, however recent its record")
    parser.add_argument("--max-age", type=days, default=DEFAULT_MAX_AGE_DAYS, metavar="DAYS",
                        help=f"leave records younger than this alone (default: {DEFAULT_MAX_AGE_DAYS})")
    parser.add_argument(REBUILD_OPTION, action="store_true",
                        help="ignore the store that is there (even a damaged one) and fetch every entry into "
                             "a new one")
    add_private_option(parser)


def _unknown_message(unknown: list[str], known: list[str]) -> str:
    parts = []
    for entry_id in unknown:
        parts.append(f"'{entry_id}'{did_you_mean(entry_id, known)}")
    return (f"pmgenome enrich: unknown entry id{'s' if len(unknown) != 1 else ''}: {', '.join(parts)}; "
            "an id is an entry's file name without .yaml")


def report(run: EnrichRun, written: bool, shown_store: str) -> str:
    lines = []
    for item in run.failed:
        kept = (f"kept the record fetched {item.kept_from}, marked stale" if item.kept_from
                else "nothing stored before, recorded as stale")
        lines.append(f"{display_path(item.path)}: {item.url}: {item.error}; {kept}")
    for item in run.outcomes:
        if item.feed_error is not None:
            lines.append(f"{display_path(item.path)}: its feed could not be read ({item.feed_error}); "
                         "the latest date read before is kept, and the feed is read again next run")
    counts = ", ".join(f"{run.count(outcome)} {outcome.value}" for outcome in Outcome)
    total = len(run.outcomes)
    lines.append(f"enrich: {total} entr{'ies' if total != 1 else 'y'}: {counts}; {run.requests} "
                 f"request{'s' if run.requests != 1 else ''}; "
                 + (f"wrote {shown_store}" if written else f"{shown_store} unchanged"))
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Exit 0 when every chosen page was read, 1 when some failed (their records kept, marked
    stale), 2 when the run could not start: a bad argument, or a store that is busy (another run
    holds it), damaged or unwritable; then nothing was fetched and the store is as it was. 130 on
    Ctrl-C, after saving what was fetched."""
    root = args.catalog
    if (refusal := catalog_refusal(root)) is not None:
        print(f"pmgenome enrich: {refusal}", file=sys.stderr)
        return Exit.USAGE
    if args.rebuild_store and args.only:
        print(f"pmgenome enrich: {REBUILD_OPTION} fetches every entry into a new store; it cannot be limited "
              "with --only", file=sys.stderr)
        return Exit.USAGE
    catalog, problems = load_catalog(root)
    unknown = unknown_ids(catalog, args.only)
    if unknown:
        print(_unknown_message(unknown, list(catalog.by_id)), file=sys.stderr)
        return Exit.USAGE
    if problems:
        print(f"pmgenome enrich: note: the catalog has {len(problems)} problem"
              f"{'s' if len(problems) != 1 else ''} (see pmgenome validate); enriching the entries "
              "that could be read", file=sys.stderr)
    path = store_path(root)
    try:
        with first_interrupt_only(), store_lock(path):
            remove_leftovers(path)
            store = fresh_store(root) if args.rebuild_store else load_store(root)
            with Client(ClientConfig(allow_private=args.allow_private)) as client:
                result = enrich_catalog(catalog, store, client, only=args.only, refresh=args.refresh,
                                        max_age=dt.timedelta(days=args.max_age))
            written = save_store(root, result.records)
    except StoreError as error:
        print(f"pmgenome enrich: {error}", file=sys.stderr)
        return Exit.USAGE
    sys.stdout.write(report(result, written, display_path(path)))
    if result.interrupted:
        print("pmgenome enrich: interrupted; what was fetched is saved, the next run goes on from there",
              file=sys.stderr)
        return Exit.INTERRUPTED
    return Exit.PROBLEMS if result.failed else Exit.OK
