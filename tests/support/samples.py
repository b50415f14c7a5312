"""Shared by the enrichment, inspect and new tests: a small catalog on disk with the real
vocabulary, the sample pages in tests/fixtures/pages, and a page that answers 304."""

from __future__ import annotations

import shutil
from pathlib import Path

from pmgenome.catalog.model import Kind
from pmgenome.catalog.schema import schema_comment

from tests.support.servers import Handler, Reply, Request, html

REPO = Path(__file__).resolve().parents[2]
PAGES = REPO / "tests" / "fixtures" / "pages"
SUMMARY = ("A summary written by a person, long enough for the validator; what it is, what a reader "
           "gets, and who it suits.")


def make_catalog(root: Path) -> Path:
    for kind in Kind:
        (root / kind.folder).mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "catalog" / "taxonomy.yaml", root / "taxonomy.yaml")
    return root


def write_entry(root: Path, kind: str, entry_id: str, url: str, title: str = "A resource") -> Path:
    kind_ = Kind(kind)
    extra = "online: true\n" if kind_ is Kind.MEETUP else ""
    path = root / kind_.folder / f"{entry_id}.yaml"
    path.write_text(f"{schema_comment(kind_)}\ntitle: {title}\nurl: {url}\nsummary: {SUMMARY}\n"
                    f"segments: [b2b]\nadded: 2026-11-01\n{extra}", encoding="utf-8")
    return path


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


# The store's `meta` object of a page that told nothing (a PDF, a failed fetch).
EMPTY_META = {"title": None, "description": None, "author": None, "published": None, "site_name": None,
              "language": None, "image": None, "word_count": None, "reading_minutes": None, "course": None,
              "event": None}


def versioned(etag: str, body: str, last_modified: str | None = None) -> Handler:
    """A page that answers 304 to a request carrying its current ETag or Last-Modified."""

    def handler(request: Request) -> Reply:
        headers = {key.lower(): value for key, value in request.headers.items()}
        validators = {"ETag": etag} | ({"Last-Modified": last_modified} if last_modified else {})
        if headers.get("if-none-match") == etag or (last_modified and headers.get("if-modified-since") == last_modified):
            return Reply(304, validators)
        return html(body, **validators)

    return handler
