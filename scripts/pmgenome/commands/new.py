"""`pmgenome new`: draft a catalog entry from a page, ready for a human to finish."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from pmgenome.catalog.files import display_path
from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Kind
from pmgenome.commands.common import Exit, add_catalog_option
from pmgenome.commands.enrich import add_private_option
from pmgenome.enrich.page import fetch_page
from pmgenome.enrich.scaffold import (
    choose_id,
    create_entry,
    existing_entry,
    guess_kind,
    render_entry,
)
from pmgenome.net.client import Client, ClientConfig
from pmgenome.urls import url_problem

HELP = "create catalog/<kind>s/<id>.yaml from a page, with placeholders for what a human must decide"

MAX_CREATE_TRIES = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", metavar="URL", help="the resource's http(s) address")
    parser.add_argument("--kind", choices=[kind.value for kind in Kind], default=None,
                        help="article, course or meetup (default: guessed from the page's schema.org type)")
    add_catalog_option(parser)
    add_private_option(parser)


def _already(url: str, path: str) -> str:
    return f"pmgenome new: {url} is already in the catalog: {path}"


def run(args: argparse.Namespace) -> int:
    problem = url_problem(args.url)
    if problem:
        print(f"pmgenome new: {args.url}: {problem}", file=sys.stderr)
        return Exit.USAGE
    root = args.catalog
    if not root.is_dir():
        print(f"pmgenome new: catalog folder not found: {display_path(root)}", file=sys.stderr)
        return Exit.USAGE
    catalog, _ = load_catalog(root)  # a broken neighbour must not stop adding a new entry
    found = existing_entry(catalog, args.url)
    if found is not None:
        print(_already(args.url, display_path(found.path)), file=sys.stderr)
        return Exit.PROBLEMS
    with Client(ClientConfig(allow_private=args.allow_private)) as client:
        page = fetch_page(client, args.url)
    found = existing_entry(catalog, page.final_url)
    if found is not None:
        print(_already(f"{args.url} (which leads to {page.final_url})", display_path(found.path)), file=sys.stderr)
        return Exit.PROBLEMS
    if page.error:
        print(f"pmgenome new: warning: could not read {args.url} ({page.error}); the draft has "
              "placeholders only", file=sys.stderr)
    elif page.meta is None:
        print(f"pmgenome new: warning: {args.url} is not an HTML page ({page.content_type}); the draft "
              "has placeholders only", file=sys.stderr)
    kind = Kind(args.kind) if args.kind else guess_kind(page.meta)
    taken = set(catalog.by_id) | {path.stem for k in Kind for path in (root / k.folder).glob("*.y*ml")}
    text = render_entry(kind, args.url, page.meta, catalog.taxonomy, dt.date.today())
    for _ in range(MAX_CREATE_TRIES):
        try:
            entry_id = choose_id(page.meta.title if page.meta else None, args.url, taken)
        except ValueError:
            break
        try:
            path = create_entry(root, kind, entry_id, text)
        except FileExistsError:
            taken.add(entry_id)  # written by someone else since we looked: take the next name
            continue
        except OSError as error:
            print(f"pmgenome new: cannot write {display_path(root / kind.folder / entry_id)}.yaml: "
                  f"{error.strerror or error}", file=sys.stderr)
            return Exit.PROBLEMS
        break
    else:
        print("pmgenome new: could not find a free file name; pass a different URL or tidy the catalog",
              file=sys.stderr)
        return Exit.PROBLEMS
    print(f"created {display_path(path)} ({kind.value}): fill in every TODO and the empty lists, "
          f"then run: pmgenome validate --catalog {display_path(root)}")
    return Exit.OK
