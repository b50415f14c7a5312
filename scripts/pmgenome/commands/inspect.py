"""`pmgenome inspect`: show what enrichment would read from pages, writing nothing."""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from pmgenome.commands.common import Exit
from pmgenome.commands.enrich import add_private_option
from pmgenome.commands.output import write_stdout
from pmgenome.enrich.extract import PageMeta
from pmgenome.enrich.page import PageResult, fetch_page
from pmgenome.net.client import Client, ClientConfig
from pmgenome.text.escape import json_text, terminal
from pmgenome.urls import url_problem

HELP = "fetch pages and print what enrichment would extract from them (writes nothing)"

LABEL_WIDTH = 13


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("urls", nargs="+", metavar="URL", help="http(s) addresses of pages")
    parser.add_argument("--json", action="store_true", help="print a JSON list, one object per URL")
    add_private_option(parser)


def as_dict(page: PageResult) -> dict[str, Any]:
    """One URL's result as --json prints it: the store's meta fields plus where and how it was read."""
    meta = (page.meta or PageMeta()).to_store()
    return {"url": page.url, "final_url": page.final_url, "status": page.status,
            "content_type": page.content_type, **meta, "error": page.error}


def _course(course: dict[str, Any] | None) -> str | None:
    if not course:
        return None
    parts = [f"{name} {course[name]}" for name in ("provider", "price", "mode") if course.get(name)]
    return "; ".join(parts) or "a schema.org Course with no details"


def _event(event: dict[str, Any] | None) -> str | None:
    if not event:
        return None
    online = {True: "online", False: "in person", None: None}[event.get("online")]
    parts = [event.get("start_date"), event.get("location"), event.get("organizer") and f"by {event['organizer']}",
             online]
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
    data = page.meta.to_store()
    for label, key in (("title", "title"), ("description", "description"), ("author", "author"),
                       ("published", "published"), ("site name", "site_name"), ("language", "language"),
                       ("image", "image")):
        add(label, data[key] or "-")
    if data["word_count"] is not None:
        minutes = f", about {data['reading_minutes']} min" if data["reading_minutes"] else ""
        add("words", f"{data['word_count']}{minutes}")
    elif page.truncated:
        add("words", "- (page larger than the byte cap: not counted)")
    add("course", _course(data["course"]))
    add("event", _event(data["event"]))
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    bad = [(url, problem) for url in args.urls if (problem := url_problem(url))]
    if bad:
        for url, problem in bad:
            print(f"pmgenome inspect: {url}: {problem}", file=sys.stderr)
        return Exit.USAGE
    with Client(ClientConfig(allow_private=args.allow_private)) as client, \
            ThreadPoolExecutor(max_workers=min(8, len(args.urls))) as pool:
        pages = list(pool.map(lambda url: fetch_page(client, url), args.urls))
    # Page titles and redirect targets are strangers' text: escaped for the terminal (and JSON's
    # raw C1 controls too); a reader that goes away does not change the exit code.
    if args.json:
        write_stdout(json_text(json.dumps([as_dict(page) for page in pages], indent=2, ensure_ascii=False)) + "\n")
    else:
        write_stdout(terminal("\n".join(as_text(page) for page in pages)))
    return Exit.PROBLEMS if any(page.error for page in pages) else Exit.OK
