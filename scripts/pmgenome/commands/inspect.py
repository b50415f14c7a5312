"""`pmgenome inspect`: show what enrichment would read from pages, writing nothing."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import closing
from typing import Any

from pmgenome.commands.common import Exit, first_interrupt_only
from pmgenome.commands.enrich import add_private_option
from pmgenome.commands.output import write_stdout
from pmgenome.enrich.extract import PageMeta
from pmgenome.enrich.page import PageResult, fetch_page
from pmgenome.enrich.schemaorg import Course, Event
from pmgenome.net.client import Client, ClientConfig
from pmgenome.net.workers import completed
from pmgenome.text.escape import json_text, terminal
from pmgenome.urls import url_problem

HELP = "fetch pages and print what enrichment would extract from them (writes nothing)"

LABEL_WIDTH = 13
MAX_PARALLEL = 8


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("urls", nargs="+", metavar="URL", help="http(s) addresses of pages")
    parser.add_argument("--json", action="store_true", help="print a JSON list, one object per URL")
    add_private_option(parser)


def as_dict(page: PageResult) -> dict[str, Any]:
    """One URL's result as --json prints it: the store's meta fields plus where and how it was read."""
    meta = (page.meta or PageMeta()).to_store()
    return {"url": page.url, "final_url": page.final_url, "status": page.status,
            "content_type": page.content_type, **meta, "error": page.error}


def _course(course: Course | None) -> str | None:
    if course is None:
        return None
    parts = [f"{name} {value}" for name, value in
             (("provider", course.provider), ("price", course.price), ("mode", course.mode)) if value]
    return "; ".join(parts) or "a schema.org Course with no details"


def _event(event: Event | None) -> str | None:
    if event is None:
        return None
    online = {True: "online", False: "in person", None: None}[event.online]
    parts = [event.start_date, event.location, event.organizer and f"by {event.organizer}", online]
    return "; ".join(part for part in parts if part) or "a schema.org Event with no details"


def as_text(page: PageResult) -> str:
    lines = [page.url]

    def add(label: str, value: Any) -> None:
        if value not in (None, ""):
            lines.append(f"  {label:<{LABEL_WIDTH}}{value}")

    if page.final_url != page.url:
        add("final URL", page.final_url)
    if page.error:
        add("error", page.error)
        return "\n".join(lines) + "\n"
    if page.meta is None:
        add("not read", f"not an HTML page ({page.content_type or 'no content type'}): nothing to extract")
        return "\n".join(lines) + "\n"
    meta = page.meta
    for label, value in (("title", meta.title), ("description", meta.description), ("author", meta.author),
                         ("published", meta.published), ("site name", meta.site_name),
                         ("language", meta.language), ("image", meta.image)):
        add(label, value or "-")
    if meta.word_count is not None:
        minutes = f", about {meta.reading_minutes} min" if meta.reading_minutes else ""
        add("words", f"{meta.word_count}{minutes}")
    elif page.truncated:
        add("words", "- (page larger than the byte cap: not counted)")
    add("course", _course(meta.course))
    add("event", _event(meta.event))
    return "\n".join(lines) + "\n"


def fetch_all(client: Client, urls: list[str]) -> list[PageResult]:
    """Every URL's page, in the order given. On daemon threads (net/workers.py): Ctrl-C ends the
    command at once instead of waiting for a page that trickles in."""
    pages: dict[str, PageResult] = {}
    with closing(completed(lambda url: fetch_page(client, url), list(dict.fromkeys(urls)), MAX_PARALLEL,
                           "inspect")) as fetched:
        for url, page in fetched:
            pages[url] = page
    return [pages[url] for url in urls]


def run(args: argparse.Namespace) -> int:
    bad = [(url, problem) for url in args.urls if (problem := url_problem(url))]
    if bad:
        for url, problem in bad:
            print(f"pmgenome inspect: {url}: {problem}", file=sys.stderr)
        return Exit.USAGE
    with first_interrupt_only(), Client(ClientConfig(allow_private=args.allow_private)) as client:
        pages = fetch_all(client, args.urls)
    # Page titles and redirect targets are strangers' text: escaped for the terminal (and JSON's
    # raw C1 controls too); a reader that goes away does not change the exit code.
    if args.json:
        write_stdout(json_text(json.dumps([as_dict(page) for page in pages], indent=2, ensure_ascii=False)) + "\n")
    else:
        write_stdout(terminal("\n".join(as_text(page) for page in pages)))
    return Exit.PROBLEMS if any(page.error for page in pages) else Exit.OK
