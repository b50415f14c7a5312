"""`pmgenome new`: draft a catalog entry from a page, ready for a human to finish."""

from __future__ import annotations

import argparse
import datetime as dt

from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Entry, Kind
from pmgenome.commands.common import (
    Exit,
    add_catalog_option,
    catalog_refusal,
)
from pmgenome.commands.enrich import add_private_option
from pmgenome.commands.output import tell, write_stdout
from pmgenome.enrich.page import PageResult, fetch_page
from pmgenome.enrich.scaffold import (
    NoFreeName,
    draft_from_page,
    existing_entry,
    redirect_doubt,
    taken_ids,
    write_draft,
)
from pmgenome.net.client import Client, ClientConfig, ErrorKind
from pmgenome.text.escape import terminal_line
from pmgenome.text.paths import display_path
from pmgenome.urls import url_problem

HELP = "create catalog/<kind>s/<id>.yaml from a page, with placeholders for what a human must decide"
MAX_URL_CHARS = 2000  # the schema's limit for an entry's url


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", metavar="URL", help="the resource's http(s) address")
    parser.add_argument("--kind", choices=[kind.value for kind in Kind], default=None,
                        help="the kind of resource (default: guessed from the page's schema.org type: Course, "
                             "Event, Book, PodcastSeries, VideoObject; else article)")
    parser.add_argument("--force", action="store_true",
                        help="write a draft of placeholders even when the page cannot be read (an entry's file is "
                             "never replaced, with or without it)")
    add_catalog_option(parser)
    add_private_option(parser)


def _unreadable(url: str, page: PageResult, why: str) -> str:
    if page.error_kind == ErrorKind.PRIVATE_ADDRESS:
        advice = "pass --allow-private to fetch a private or local address"
    else:
        advice = "check the address"
    return (f"pmgenome new: could not read {url} ({why}); no draft written: {advice}, or pass --force "
            "to write a draft of placeholders")


def _already(url: str, found: Entry, via: str = "") -> str:
    return (f"pmgenome new: {url}{via} is already in the catalog: {display_path(found.path)}; edit that file "
            "(new never replaces one, even with --force)")


def run(args: argparse.Namespace) -> int:
    url, root = args.url, args.catalog
    problem = url_problem(url) if len(url) <= MAX_URL_CHARS else \
        f"URL is {len(url):,} characters; the limit is {MAX_URL_CHARS:,}"
    if problem:
        tell(f"pmgenome new: {url[:200]}: {problem}")
        return Exit.USAGE
    if (refusal := catalog_refusal(root)) is not None:
        tell(f"pmgenome new: {refusal}")
        return Exit.USAGE
    catalog, _ = load_catalog(root)  # a broken neighbour must not stop adding a new entry
    if (found := existing_entry(catalog, url)) is not None:
        tell(_already(url, found))
        return Exit.PROBLEMS
    with Client(ClientConfig(allow_private=args.allow_private)) as client:
        page = fetch_page(client, url)
    doubt = redirect_doubt(url, page)
    # Where a believed redirect leads may be catalogued even when it fails to answer now.
    if doubt is None and (found := existing_entry(catalog, page.final_url)) is not None:
        tell(_already(url, found, f" (which leads to {page.final_url})"))
        return Exit.PROBLEMS
    unread = page.error or doubt
    if unread and not args.force:
        tell(_unreadable(url, page, unread))
        return Exit.PROBLEMS
    draft = draft_from_page(url, page, catalog, Kind(args.kind) if args.kind else None, dt.date.today())
    if (found := existing_entry(catalog, draft.url)) is not None:
        # The page may not have moved at all: its rel=canonical can name a catalogued address.
        tell(_already(url, found, f" (whose page gives {draft.url} as its own address)"))
        return Exit.PROBLEMS
    for note in draft.notes:
        tell(f"pmgenome new: warning: {note}")
    if unread:
        tell(f"pmgenome new: warning: could not read {url} ({unread}); the draft has placeholders only")
    elif page.meta is None:
        tell(f"pmgenome new: warning: {url} is not an HTML page ({page.content_type or 'no content type'}); "
             "the draft has placeholders only")
    try:
        path = write_draft(root, draft, taken_ids(root, catalog))
    except NoFreeName as error:
        tell(f"pmgenome new: could not find a free file name ({error}); pass --kind or tidy the catalog")
        return Exit.PROBLEMS
    except OSError as error:
        tell(f"pmgenome new: cannot write the draft in {display_path(root / draft.kind.folder)}: "
             f"{error.strerror or error}")
        return Exit.PROBLEMS
    write_stdout(terminal_line(f"created {display_path(path)} ({draft.kind.value}): fill in every TODO and the "
                               f"empty lists, then run: pmgenome validate --catalog {display_path(root)}") + "\n")
    return Exit.OK
