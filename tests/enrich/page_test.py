"""Fetching pages through the shared client from real loopback servers, hostile ones included."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from pmgenome.enrich.page import MAX_PAGE_BYTES, PageResult, fetch_page
from pmgenome.net.chain import RetryPolicy
from pmgenome.net.client import Client, ClientConfig

from tests.support.endless import EndlessServer
from tests.support.servers import LocalServer, Reply, html, loopback_names, names_resolver, redirect

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
TODAY = dt.date(2026, 11, 26)
FRENCH = "<html><head><title>Café – “déjà vu” à la crème</title></head><body><p>Très naïve élève.</p></body></html>"


@pytest.fixture
def client():
    with Client(ClientConfig(allow_private=True, total_timeout=2.0, read_timeout=1.0, retry=RetryPolicy(attempts=1)),
                resolver=loopback_names) as made:
        yield made


def test_an_html_page_is_read_with_its_validators(client):
    page = (PAGES / "article.html").read_text()
    with LocalServer("pages.test", {"/a": html(page, ETag='"v1"', **{"Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT"})}) as server:
        result = fetch_page(client, server.url("/a"), today=TODAY)
    assert (result.status, result.content_type, result.etag, result.last_modified, result.error) == \
        (200, "text/html", '"v1"', "Wed, 01 Jan 2025 00:00:00 GMT", None)
    assert result.meta.title == "Good Product Manager, Bad Product Manager"
    assert result.meta.image == server.url("/images/cover.png")  # resolved against the page's own URL


def test_the_final_url_after_redirects_is_kept(client):
    with LocalServer("pages.test", {"/old": redirect("/new"), "/new": html()}) as server:
        result = fetch_page(client, server.url("/old"), today=TODAY)
    assert (result.url, result.final_url, result.meta.title) == (server.url("/old"), server.url("/new"), "ok")


def test_windows_1252_bytes_without_a_charset_anywhere(client):
    with LocalServer("pages.test", {"/fr": Reply(200, {"Content-Type": "text/html"}, FRENCH.encode("cp1252"))}) as server:
        result = fetch_page(client, server.url("/fr"), today=TODAY)
    assert (result.meta.title, result.meta.encoding) == ("Café – “déjà vu” à la crème", "cp1252")


def test_a_charset_header_that_lies(client):
    reply = Reply(200, {"Content-Type": "text/html; charset=utf-8"}, FRENCH.encode("cp1252"))
    with LocalServer("pages.test", {"/fr": reply}) as server:
        assert fetch_page(client, server.url("/fr"), today=TODAY).meta.title == "Café – “déjà vu” à la crème"


def test_a_pdf_is_recorded_as_such_and_not_read(client):
    pdf = b"%PDF-1.7\n" + b"\x00" * 500_000
    with LocalServer("pages.test", {"/paper.pdf": Reply(200, {"Content-Type": "application/pdf"}, pdf)}) as server:
        result = fetch_page(client, server.url("/paper.pdf"), today=TODAY)
    assert result == PageResult(url=server.url("/paper.pdf"), final_url=server.url("/paper.pdf"), status=200,
                                content_type="application/pdf", etag=None, last_modified=None, meta=None,
                                error=None, requests=1)


def test_an_image_is_recorded_as_such_and_not_read(client):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 1000
    with LocalServer("pages.test", {"/cover.png": Reply(200, {"Content-Type": "image/png"}, png)}) as server:
        result = fetch_page(client, server.url("/cover.png"), today=TODAY)
    assert (result.content_type, result.meta, result.error) == ("image/png", None, None)


def test_a_binary_body_without_content_type_is_sniffed_not_parsed(client):
    with LocalServer("pages.test", {"/blob": Reply(200, {}, b"%PDF-1.4\n\x00\x01\x02")}) as server:
        result = fetch_page(client, server.url("/blob"), today=TODAY)
    assert (result.content_type, result.meta, result.error) == (None, None, None)


def test_an_untyped_html_body_is_still_read(client):
    with LocalServer("pages.test", {"/bare": Reply(200, {}, b"  <!doctype html><title>Bare</title>")}) as server:
        assert fetch_page(client, server.url("/bare"), today=TODAY).meta.title == "Bare"


def test_a_huge_page_is_cut_at_the_byte_cap_and_its_head_still_read(client):
    body = "<html><head><title>Huge</title></head><body>" + "<p>filler words here</p>" * 200_000
    assert len(body) > MAX_PAGE_BYTES
    with LocalServer("pages.test", {"/huge": html(body)}) as server:
        result = fetch_page(client, server.url("/huge"), today=TODAY)
    assert (result.truncated, result.meta.title, result.meta.word_count, result.meta.reading_minutes) == \
        (True, "Huge", None, None)


def test_an_endless_fast_body_stops_at_the_byte_cap():
    # Only the byte cap can end this read: the deadline is far away, so no error, however loaded
    # the machine; what is read is exactly the cap.
    config = ClientConfig(allow_private=True, total_timeout=120.0, read_timeout=60.0, retry=RetryPolicy(attempts=1))
    with EndlessServer("endless.test") as server, Client(config, resolver=loopback_names) as patient:
        result = fetch_page(patient, server.url("/stream"), today=TODAY)
        response = patient.request("GET", server.url("/stream"), max_bytes=MAX_PAGE_BYTES)
    assert (result.error, result.truncated, result.meta.title) == (None, True, "Endless")
    assert (response.error, response.truncated, len(response.body)) == (None, True, MAX_PAGE_BYTES)


def test_an_endless_trickle_is_cut_by_the_deadline(client):
    with EndlessServer("endless.test", chunk=b"<p>x</p>", interval=0.05) as server:
        started = time.monotonic()
        result = fetch_page(client, server.url("/trickle"), today=TODAY)
    assert (result.error, result.meta) == ("no complete answer within 2s", None)
    # A real trickle on a real socket: unbounded, it never ends, so a generous bound proves the
    # deadline cut it (the message says which deadline).
    assert time.monotonic() - started < 30


def test_a_redirect_to_a_private_address_is_refused():
    # The outside server is on loopback, which is allowed here; the inside host's name leads to a
    # private network address, which the guard refuses before connecting.
    config = ClientConfig(allowed_networks=("127.0.0.1/32",), retry=RetryPolicy(attempts=1))
    with LocalServer("internal.test", {"/admin": html("<title>internal</title>")}) as inside, \
            LocalServer("pages.test", {"/go": redirect(inside.url("/admin"), 302)}) as outside, \
            Client(config, resolver=names_resolver(internal_test="10.0.0.9")) as guarded:
        result = fetch_page(guarded, outside.url("/go"), today=TODAY)
    assert (result.error, result.meta, outside.hits(), inside.hits()) == (
        "not fetched: internal.test (10.0.0.9) is a private address", None, 1, 0)


def test_http_errors_are_reported_with_their_reason(client):
    with LocalServer("pages.test", {"/gone": Reply(410, {"Content-Type": "text/html"}, b"gone")}) as server:
        result = fetch_page(client, server.url("/gone"), today=TODAY)
    assert (result.status, result.error, result.meta) == (410, "HTTP 410 Gone", None)


def test_a_conditional_request_answered_304_is_not_modified(client):
    def page(request):
        if request.headers.get("If-None-Match") == '"v1"':
            return Reply(304, {"ETag": '"v1"'})
        return html(ETag='"v1"')

    with LocalServer("pages.test", {"/p": page}) as server:
        result = fetch_page(client, server.url("/p"), headers={"If-None-Match": '"v1"'}, today=TODAY)
    assert (result.status, result.not_modified, result.meta, result.error) == (304, True, None, None)
