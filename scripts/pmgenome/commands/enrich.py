"""`pmgenome enrich`: refresh the enrichment store from the entries' pages."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from pmgenome.catalog.files import display_path
from pmgenome.catalog.load import load_catalog
from pmgenome.commands.common import Exit, add_catalog_option
from pmgenome.enrich.refresh import (
    DEFAULT_MAX_AGE_DAYS,
    EnrichRun,
    Outcome,
    enrich_catalog,
    unknown_ids,
)
from pmgenome.enrich.store import load_store, save_store, store_path
from pmgenome.net.client import Client, ClientConfig
from pmgenome.text.hints import did_you_mean

HELP = "fetch the entries' pages and store what they tell (title, author, date, reading time...)"



def days(text: str) -> int:
    """argparse type for --max-age: a whole number of days, 0 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of days, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more days, got {value}")
    return value


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
    counts = ", ".join(f"{run.count(outcome)} {outcome.value}" for outcome in Outcome)
    total = len(run.outcomes)
    lines.append(f"enrich: {total} entr{'ies' if total != 1 else 'y'}: {counts}; {run.requests} "
                 f"request{'s' if run.requests != 1 else ''}; "
                 + (f"wrote {shown_store}" if written else f"{shown_store} unchanged"))
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    root = args.catalog
    if not root.is_dir():
        print(f"pmgenome enrich: catalog folder not found: {display_path(root)}", file=sys.stderr)
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
    store = load_store(root)
    with Client(ClientConfig(allow_private=args.allow_private)) as client:
        result = enrich_catalog(catalog, store, client, only=args.only, refresh=args.refresh,
                                max_age=dt.timedelta(days=args.max_age))
    written = save_store(root, result.records)
    sys.stdout.write(report(result, written, display_path(store_path(root))))
    if result.interrupted:
        print("pmgenome enrich: interrupted; what was fetched is saved, the next run goes on from there",
              file=sys.stderr)
        return Exit.INTERRUPTED
    return Exit.PROBLEMS if result.failed else Exit.OK
