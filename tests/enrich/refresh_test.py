"""enrich.refresh as a library: the run's typed records and outcomes, against a real local server."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pmgenome.catalog.load import load_catalog
from pmgenome.enrich.extract import PageMeta
from pmgenome.enrich.record import EnrichmentRecord, RecordStatus
from pmgenome.enrich.refresh import (
    Outcome,
    conditional_headers,
    enrich_catalog,
    is_fresh,
)
from pmgenome.enrich.schemaorg import Course
from pmgenome.net.client import Client, ClientConfig

from tests.support.samples import make_catalog, page, versioned, write_entry
from tests.support.servers import LocalServer, loopback_names

NOW = dt.datetime(2026, 11, 26, 7, 0, tzinfo=dt.timezone.utc)
ARTICLE_META = {
    "title": "Good Product Manager, Bad Product Manager",
    "description": "What separates a good product manager from a bad one, in one page.",
    "author": "Ada Lovelace, Grace Hopper", "published": "2012-06-15", "site_name": "The Example Review",
    "language": "en-GB", "image": None, "word_count": 27, "reading_minutes": 1, "course": None, "event": None,
}


@pytest.fixture
def server():
    routes = {"/article": versioned('"a1"', page("article.html")),
              "/course": versioned('"c1"', page("course.html"), "Wed, 01 Jan 2025 00:00:00 GMT")}
    with LocalServer("pages.test", routes) as running:
        yield running


@pytest.fixture
def root(tmp_path: Path, server) -> Path:
    root = make_catalog(tmp_path / "catalog")
    write_entry(root, "article", "good-pm", server.url("/article"))
    write_entry(root, "course", "strategy-course", server.url("/course"))
    return root


def test_the_first_run_stores_every_entry(root, server):
    catalog, _ = load_catalog(root)
    with Client(ClientConfig(allow_private=True), resolver=loopback_names) as client:
        run = enrich_catalog(catalog, {}, client, now=NOW)
    assert [item.outcome for item in run.outcomes] == [Outcome.FETCHED, Outcome.FETCHED]
    record = run.records["good-pm"]
    assert isinstance(record, EnrichmentRecord)
    assert record.to_json() == {
        "url": server.url("/article"), "final_url": server.url("/article"), "fetched_at": "2026-11-26T07:00:00Z",
        "status": "ok", "error": None, "etag": '"a1"', "last_modified": None, "content_type": "text/html",
        "meta": {**ARTICLE_META, "image": server.url("/images/cover.png")},
    }
    assert run.records["strategy-course"].meta.course == Course("Example Academy", "499 USD", "hybrid")
    assert run.requests == 2
    assert not run.interrupted


def test_a_304_keeps_the_record_and_stamps_it_checked(root, server):
    catalog, _ = load_catalog(root)
    with Client(ClientConfig(allow_private=True), resolver=loopback_names) as client:
        first = enrich_catalog(catalog, {}, client, now=NOW)
        later = NOW + dt.timedelta(days=40)
        second = enrich_catalog(catalog, first.records, client, now=later)
    assert [item.outcome for item in second.outcomes] == [Outcome.UNCHANGED, Outcome.UNCHANGED]
    old, new = first.records["strategy-course"], second.records["strategy-course"]
    assert (new.fetched_at, new.meta, new.etag, new.last_modified) == (later, old.meta, '"c1"',
                                                                       "Wed, 01 Jan 2025 00:00:00 GMT")


def test_freshness_and_validators_come_from_the_typed_record(root):
    catalog, _ = load_catalog(root)
    entry = catalog.by_id["good-pm"]
    record = EnrichmentRecord(url=entry.url, fetched_at=NOW - dt.timedelta(days=2), status=RecordStatus.OK,
                              etag='"e"', last_modified="Tue, 01 Jan 2030 00:00:00 GMT", meta=PageMeta())
    month = dt.timedelta(days=30)
    assert is_fresh(record, entry, NOW, month)
    assert not is_fresh(record, entry, NOW, dt.timedelta(days=1))
    assert not is_fresh(EnrichmentRecord(url=entry.url, fetched_at=NOW, status=RecordStatus.STALE), entry, NOW, month)
    assert not is_fresh(EnrichmentRecord(url="https://elsewhere.example/", fetched_at=NOW, status=RecordStatus.OK),
                        entry, NOW, month)
    assert conditional_headers(record, entry) == {"If-None-Match": '"e"',
                                                  "If-Modified-Since": "Tue, 01 Jan 2030 00:00:00 GMT"}
    assert conditional_headers(EnrichmentRecord(url=entry.url, etag='"e"'), entry) == {}  # never fetched
