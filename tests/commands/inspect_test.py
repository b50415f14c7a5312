"""`pmgenome inspect`: whole text and JSON output for pages served on loopback; writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pmgenome.cli import main

from tests.support.samples import EMPTY_META, page
from tests.support.servers import LocalServer, Reply


@pytest.fixture
def server():
    routes = {
        "/article": Reply(200, {"Content-Type": "text/html"}, page("article.html").encode()),
        "/course": Reply(200, {"Content-Type": "text/html"}, page("course.html").encode()),
        "/event": Reply(200, {"Content-Type": "text/html"}, page("online-event.html").encode()),
        "/paper.pdf": Reply(200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n\x00\x00"),
    }
    with LocalServer("127.0.0.1", routes) as running:
        yield running


def inspect(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["inspect", "--allow-private", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output(capsys, server):
    assert inspect(capsys, server.url("/article"), server.url("/course"), server.url("/event")) == (0, f"""\
{server.url("/article")}
  title        Good Product Manager, Bad Product Manager
  description  What separates a good product manager from a bad one, in one page.
  author       Ada Lovelace, Grace Hopper
  published    2012-06-15
  site name    The Example Review
  language     en-GB
  image        {server.url("/images/cover.png")}
  words        27, about 1 min

{server.url("/course")}
  title        Product Strategy
  description  -
  author       -
  published    -
  site name    -
  language     en
  image        -
  words        2, about 1 min
  course       provider Example Academy; price 499 USD; mode hybrid

{server.url("/event")}
  title        Remote Product Circle
  description  -
  author       -
  published    -
  site name    -
  language     en
  image        -
  words        2, about 1 min
  event        2031-02-03T17:00:00Z; Online; by Sam Host, Alex Cohost; online
""", "")


def test_json_output_and_a_pdf(capsys, server):
    code, out, err = inspect(capsys, "--json", server.url("/paper.pdf"), server.url("/course"))
    assert (code, err) == (0, "")
    empty = EMPTY_META
    assert json.loads(out) == [
        {"url": server.url("/paper.pdf"), "final_url": server.url("/paper.pdf"), "status": 200,
         "content_type": "application/pdf", **empty, "error": None},
        {"url": server.url("/course"), "final_url": server.url("/course"), "status": 200,
         "content_type": "text/html", **empty, "title": "Product Strategy", "language": "en", "word_count": 2,
         "reading_minutes": 1, "course": {"provider": "Example Academy", "price": "499 USD", "mode": "hybrid"},
         "error": None},
    ]


def test_a_pdf_in_text_output(capsys, server):
    assert inspect(capsys, server.url("/paper.pdf")) == (0, f"""\
{server.url("/paper.pdf")}
  not read     not an HTML page (application/pdf): nothing to extract
""", "")


def test_a_failed_page_exits_1(capsys, server):
    assert inspect(capsys, server.url("/nope")) == (1, f"""\
{server.url("/nope")}
  error        HTTP 404 Not Found
""", "")


def test_bad_urls_are_usage_errors_and_nothing_is_fetched(capsys, server):
    assert inspect(capsys, "ftp://example.org/x", server.url("/article"), "https://exa mple.org/") == (
        2, "", "pmgenome inspect: ftp://example.org/x: URL must be absolute and start with https:// or http://\n"
               "pmgenome inspect: https://exa mple.org/: URL must not contain spaces; encode them as %20\n")
    assert server.hits() == 0


def test_private_addresses_need_allow_private(capsys, server):
    assert main(["inspect", server.url("/article")]) == 1
    assert capsys.readouterr().out == f"""\
{server.url("/article")}
  error        not fetched: 127.0.0.1 is a loopback address
"""


def test_inspect_writes_nothing(capsys, server, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    inspect(capsys, server.url("/article"))
    assert list(tmp_path.iterdir()) == []
