"""Reading a podcast's or newsletter's feed: the newest item's day from RSS, Atom and JSON Feed,
and enrichment keeping it in the store (never in the YAML), against real servers on loopback."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pmgenome.catalog.load import load_catalog
from pmgenome.commands.enrich import report
from pmgenome.enrich import feed as feed_module
from pmgenome.enrich.feed import FeedCheck, latest_item, read_feed
from pmgenome.enrich.record import EnrichmentRecord
from pmgenome.enrich.refresh import Outcome, enrich_catalog
from pmgenome.net.chain import RetryPolicy
from pmgenome.net.client import Client, ClientConfig

from tests.support.samples import make_catalog, page, write_entry
from tests.support.servers import LocalServer, Reply, html, loopback_names

NOW = dt.datetime(2026, 12, 6, 7, 0, tzinfo=dt.timezone.utc)
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>A show</title>
<lastBuildDate>Sat, 05 Dec 2026 10:00:00 GMT</lastBuildDate>
<item><title>Older</title><pubDate>Tue, 03 Jun 2025 09:00:00 GMT</pubDate></item>
<item><title>Newest</title><pubDate>Mon, 01 Dec 2025 23:30:00 -0500</pubDate></item>
<item><title>No date</title></item>
</channel></rss>"""
ATOM = """<feed xmlns="http://www.w3.org/2005/Atom"><title>A newsletter</title><updated>2026-12-01T00:00:00Z</updated>
<entry><title>Issue 2</title><published>2026-01-02T10:00:00Z</published><updated>2026-01-05T08:00:00+02:00</updated></entry>
<entry><title>Issue 1</title><published>2025-11-20T10:00:00Z</published></entry>
</feed>"""


def rss(body: str = RSS) -> Reply:
    return Reply(200, {"Content-Type": "application/rss+xml; charset=utf-8"}, body)


@pytest.mark.parametrize(("body", "latest"), [
    (RSS, dt.date(2025, 12, 2)),  # 23:30 at UTC-5 is the next day in UTC; the channel's own date is no item
    (ATOM, dt.date(2026, 1, 5)),  # an entry's update counts as its latest
    ("""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
        xmlns:dc="http://purl.org/dc/elements/1.1/"><item><dc:date>2024-05-06</dc:date></item></rdf:RDF>""",
     dt.date(2024, 5, 6)),
    ('{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "date_published": "2026-03-01T23:00:00-05:00"}, '
     '{"id": "2", "date_modified": "2025-01-01T00:00:00Z"}]}', dt.date(2026, 3, 2)),
    ("<rss><channel><item><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>"
     "<item><pubDate>not a date</pubDate></item><item><pubDate>Sun, 06 Dec 2026 09:00:00 GMT</pubDate></item>"
     "</channel></rss>", dt.date(2026, 12, 6)),  # a date years ahead is not believed; an unreadable one is skipped
    ("<rss><channel><title>Nothing yet</title></channel></rss>", None),
])
def test_the_newest_item_s_day_is_read_from_each_format(body: str, latest: dt.date | None) -> None:
    assert latest_item(body.encode(), NOW) == latest


@pytest.mark.parametrize(("body", "message"), [
    (b"<!doctype html><html><p>Subscribe</p></html>", "not a feed (XMLSyntaxError)"),
    (b"{\"items\": [", "not a feed (JSONDecodeError)"),
])
def test_a_body_that_is_no_feed_is_said_so(body: bytes, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        latest_item(body, NOW)
    assert str(caught.value) == message


def test_the_xml_parser_reads_no_file_and_expands_no_entity(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Mon, 01 Dec 2025 09:00:00 GMT", encoding="utf-8")
    body = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY when SYSTEM "file://{secret}">]>'
            "<rss><channel><item><pubDate>&when;</pubDate></item></channel></rss>").encode()
    assert latest_item(body, NOW) is None


def test_a_failed_look_keeps_the_last_day_it_knew() -> None:
    with LocalServer("feeds.test", {"/feed": rss(), "/gone": Reply(404), "/page": html()}) as server, \
            Client(ClientConfig(allow_private=True, retry=RetryPolicy(attempts=1)), resolver=loopback_names) as client:
        first, asked = read_feed(client, server.url("/feed"), NOW)
        assert (first, asked) == (FeedCheck(server.url("/feed"), NOW, dt.date(2025, 12, 2)), 1)
        later = NOW + dt.timedelta(days=30)
        moved = dataclasses.replace(first, url=server.url("/gone"))
        assert read_feed(client, server.url("/gone"), later, moved)[0] == FeedCheck(
            server.url("/gone"), NOW, dt.date(2025, 12, 2), "HTTP 404 Not Found")
        assert read_feed(client, server.url("/page"), later, first)[0] == FeedCheck(
            server.url("/page"), None, None, "not a feed: served as text/html")


def test_a_check_reads_back_as_it_was_written_and_bad_fields_as_absent() -> None:
    check = FeedCheck("https://example.org/feed", NOW, dt.date(2025, 12, 2), None)
    assert check.to_json() == {"url": "https://example.org/feed", "fetched_at": "2026-12-06T07:00:00Z",
                               "latest": "2025-12-02", "error": None}
    assert FeedCheck.from_json(check.to_json()) == check
    assert FeedCheck.from_json({"url": "https://example.org/feed", "latest": "2025-13-40", "fetched_at": 3,
                                "error": ["x"]}) == FeedCheck("https://example.org/feed")
    assert FeedCheck.from_json({"latest": "2025-12-02"}) is None
    record = EnrichmentRecord.from_json({"url": "https://example.org/", "feed": check.to_json()})
    assert record.feed == check and record.to_json()["feed"] == check.to_json()
    assert "feed" not in EnrichmentRecord(url="https://example.org/").to_json()


def _podcast(root: Path, server: LocalServer, feed: str) -> Path:
    path = write_entry(root, "podcast", "a-show", server.url("/show"))
    path.write_text(path.read_text(encoding="utf-8") + f"feed: {server.url(feed)}\n", encoding="utf-8")
    return path


def test_enrichment_stores_the_feed_s_latest_day_and_leaves_the_yaml_alone(tmp_path: Path) -> None:
    routes = {"/show": html(page("article.html")), "/feed": rss(), "/moved-feed": rss(ATOM)}
    with LocalServer("feeds.test", routes) as server, Client(ClientConfig(allow_private=True), resolver=loopback_names) as client:
        root = make_catalog(tmp_path / "catalog")
        path = _podcast(root, server, "/feed")
        before = path.read_text(encoding="utf-8")
        catalog, _ = load_catalog(root)
        run = enrich_catalog(catalog, {}, client, now=NOW)
        assert run.records["a-show"].feed == FeedCheck(server.url("/feed"), NOW, dt.date(2025, 12, 2))
        assert (run.requests, path.read_text(encoding="utf-8")) == (2, before)

        # A week later the record is fresh: neither the page nor the feed is asked again...
        week = NOW + dt.timedelta(days=7)
        again = enrich_catalog(catalog, run.records, client, now=week)
        assert ([item.outcome for item in again.outcomes], server.hits("/feed")) == ([Outcome.FRESH], 1)
        # ...unless the entry's feed moved: then both are read at once.
        _podcast(root, server, "/moved-feed")
        catalog, _ = load_catalog(root)
        moved = enrich_catalog(catalog, run.records, client, now=week)
        assert [item.outcome for item in moved.outcomes] != [Outcome.FRESH]
        assert moved.records["a-show"].feed == FeedCheck(server.url("/moved-feed"), week, dt.date(2026, 1, 5))


def test_a_feed_that_fails_is_said_in_the_run_s_report_and_the_page_still_counts_as_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with LocalServer("feeds.test", {"/show": html(page("article.html")), "/feed": Reply(404)}) as server, \
            Client(ClientConfig(allow_private=True, retry=RetryPolicy(attempts=1)), resolver=loopback_names) as client:
        _podcast(make_catalog(tmp_path / "catalog"), server, "/feed")
        catalog, _ = load_catalog(tmp_path / "catalog")
        run = enrich_catalog(catalog, {}, client, now=NOW)
    assert [(item.outcome, item.feed_error) for item in run.outcomes] == [(Outcome.FETCHED, "HTTP 404 Not Found")]
    assert report(run, True, "catalog/enrichment.json") == (
        "catalog/podcasts/a-show.yaml: its feed could not be read (HTTP 404 Not Found); the latest date read "
        "before is kept, and the feed is read again next run\n"
        "enrich: 1 entry: 1 fetched, 0 unchanged, 0 fresh, 0 failed; 2 requests; wrote catalog/enrichment.json\n")


def test_a_feed_cut_at_the_byte_cap_gives_the_items_read_whole() -> None:
    cut = RSS.encode()[:RSS.index("<item><title>No date")]
    with pytest.raises(ValueError):
        latest_item(cut, NOW)
    assert latest_item(cut, NOW, partial=True) == dt.date(2025, 12, 2)


def test_a_feed_longer_than_the_cap_is_read_from_its_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feed_module, "MAX_FEED_BYTES", 600)
    long = RSS.replace("</channel>", "<item><title>" + "x" * 5000 + "</title></item></channel>")
    with LocalServer("feeds.test", {"/feed": rss(long)}) as server, \
            Client(ClientConfig(allow_private=True, retry=RetryPolicy(attempts=1)), resolver=loopback_names) as client:
        check, _ = read_feed(client, server.url("/feed"), NOW)
    assert check == FeedCheck(server.url("/feed"), NOW, dt.date(2025, 12, 2))


def _episodes(*durations: str) -> bytes:
    items = "".join(f"<item><title>E{n}</title><itunes:duration>{length}</itunes:duration></item>"
                    for n, length in enumerate(durations))
    return (f'<rss version="2.0" xmlns:itunes="{feed_module.ITUNES}"><channel><title>A show</title>'
            f"<itunes:duration>9:00:00</itunes:duration>{items}</channel></rss>").encode()


@pytest.mark.parametrize(("body", "minutes"), [
    # Seconds, MM:SS and HH:MM:SS; the median of what the items state (the channel's own tag is no episode).
    (_episodes("2700", "52:30", "1:05:00"), 53),
    (_episodes("3600", "bad", "", "-5"), 60),  # what cannot be read is skipped
    (_episodes(*["600"] * 20, "7200", "7200"), 10),  # only the newest twenty count
    (RSS.encode(), None),  # a feed that states no length: none, never a guess
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', None),
    (b"<!doctype html><html><p>Subscribe</p></html>", None),
])
def test_a_typical_episode_is_the_median_of_the_lengths_the_feed_states(body: bytes, minutes: int | None) -> None:
    assert feed_module.typical_episode(body) == minutes


def test_an_episode_length_is_kept_in_the_check_and_written_back() -> None:
    data = {"url": "https://example.org/feed", "fetched_at": "2026-12-06T07:00:00Z", "latest": "2026-12-01",
            "error": None, "episode_minutes": 53}
    check = FeedCheck.from_json(data)
    assert check is not None and check.episode_minutes == 53 and check.to_json() == data
    assert FeedCheck.from_json({**data, "episode_minutes": "53"}).episode_minutes is None
