"""`pmgenome new`: whole drafted files, kinds guessed from schema.org, unique ids, refusing
duplicates, and placeholders that fail validation until a person fills them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from enrichfixture import make_catalog, page, write_entry
from pmgenome.catalog.files import display_path
from pmgenome.catalog.validate import validate_catalog
from pmgenome.cli import main
from servers import LocalServer, Reply, redirect

TODAY = dt.date.today().isoformat()
SKILLS = ("strategy, discovery, prioritization, execution, metrics, communication, leadership, go-to-market, "
          "pricing, growth, experimentation, technical-fluency, data-and-ai, ux-design, user-research")
CHOICES = f"""\
segments: []  # TODO pick 1 or more: b2b, b2c, technical, design
skills: []  # pick from: {SKILLS}
levels: []  # pick from: aspiring, new, experienced, leader
# backgrounds: []  # optional: engineering, design, sales-marketing, business, other
# cost: free  # optional: free | freemium | paid
"""
SUMMARY_TODO = """\
summary: >-
  TODO: in your own words, 80 to 600 characters of plain text: what it is, what a reader gets
  from it, and who it is for."""


@pytest.fixture
def server():
    routes = {
        "/article": Reply(200, {"Content-Type": "text/html"}, page("article.html").encode()),
        "/course": Reply(200, {"Content-Type": "text/html"}, page("course.html").encode()),
        "/event": Reply(200, {"Content-Type": "text/html"}, page("event.html").encode()),
        "/moved": redirect("/article"),
    }
    with LocalServer("127.0.0.2", routes) as running:
        yield running


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_catalog(tmp_path / "catalog")


def new(capsys, root: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["new", "--catalog", str(root), "--allow-private", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def created(root: Path, relative: str) -> str:
    return (f"created {display_path(root / relative)} ({relative.split('s/')[0]}): fill in every TODO and the "
            f"empty lists, then run: pmgenome validate --catalog {display_path(root)}\n")


def test_an_article_is_drafted_from_its_page(capsys, root, server):
    url = server.url("/article")
    assert new(capsys, root, url) == (0, created(root, "articles/good-product-manager-bad-product-manager.yaml"), "")
    assert (root / "articles" / "good-product-manager-bad-product-manager.yaml").read_text() == f"""\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/article.schema.json
title: Good Product Manager, Bad Product Manager
url: {url}
summary: >-
  TODO: in your own words, 80 to 600 characters of plain text: what it is, what a reader gets
  from it, and who it is for. The page describes itself as: What separates a good product
  manager from a bad one, in one page.
{CHOICES}language: en-GB
added: {TODAY}
author: Ada Lovelace, Grace Hopper
published: 2012-06-15
publication: The Example Review
"""


def test_a_schema_org_course_becomes_a_course(capsys, root, server):
    assert new(capsys, root, server.url("/course"))[0] == 0
    assert (root / "courses" / "product-strategy.yaml").read_text() == f"""\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/course.schema.json
title: Product Strategy
url: {server.url("/course")}
{SUMMARY_TODO}
{CHOICES}language: en
added: {TODAY}
provider: Example Academy
format: hybrid
price: 499 USD
"""


def test_a_schema_org_event_becomes_a_meetup_with_its_place_to_fill_in(capsys, root, server):
    assert new(capsys, root, server.url("/event"))[0] == 0
    assert (root / "meetups" / "product-tank-example-city.yaml").read_text() == f"""\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/meetup.schema.json
title: Product Tank Example City
url: {server.url("/event")}
{SUMMARY_TODO}
{CHOICES}language: en
added: {TODAY}
organizer: Product Tank Leeds
online: false
city: TODO  # where it meets (in-person meetups)
country: TODO  # ISO 3166-1 alpha-2 code, e.g. GB
"""


def test_kind_given_on_the_command_line_wins(capsys, root, server):
    assert new(capsys, root, server.url("/course"), "--kind", "article")[0] == 0
    assert (root / "articles" / "product-strategy.yaml").read_text().splitlines()[0] == \
        "# yaml-language-server: $schema=../../scripts/pmgenome/schema/article.schema.json"


def test_the_draft_fails_validation_only_on_its_placeholders(capsys, root, server):
    new(capsys, root, server.url("/article"))
    path = root / "articles" / "good-product-manager-bad-product-manager.yaml"
    _, problems = validate_catalog(root)
    assert [(p.path, p.line, p.rule) for p in problems] == [
        (display_path(path), 4, "placeholder"), (display_path(path), 8, "required"),
        (display_path(path), 9, "required"), (display_path(path), 10, "required")]
    text = path.read_text()
    start, end = text.index("summary: >-"), text.index("segments:")
    filled = (text[:start] + "summary: What separates good and bad product managers, in one page; for new PMs who "
              "want a clear picture of the job.\n" + text[end:]).replace("segments: []", "segments: [b2b]").replace(
                  "skills: []", "skills: [strategy]").replace("levels: []", "levels: [new]")
    path.write_text(filled)
    assert validate_catalog(root)[1] == []


def test_a_taken_id_gets_a_suffix_and_no_file_is_overwritten(capsys, root, server):
    other = write_entry(root, "course", "good-product-manager-bad-product-manager", "https://example.org/other")
    before = other.read_bytes()
    assert new(capsys, root, server.url("/article")) == (
        0, created(root, "articles/good-product-manager-bad-product-manager-2.yaml"), "")
    assert other.read_bytes() == before


def test_a_page_already_in_the_catalog_is_refused_without_fetching(capsys, root, server):
    existing = write_entry(root, "article", "good-pm", server.url("/article"))
    assert new(capsys, root, server.url("/article/") + "?utm_source=newsletter") == (
        1, "", f"pmgenome new: {server.url('/article/')}?utm_source=newsletter is already in the catalog: "
               f"{display_path(existing)}\n")
    assert server.hits() == 0


def test_a_url_that_redirects_to_a_catalogued_page_is_refused(capsys, root, server):
    existing = write_entry(root, "article", "good-pm", server.url("/article"))
    assert new(capsys, root, server.url("/moved")) == (
        1, "", f"pmgenome new: {server.url('/moved')} (which leads to {server.url('/article')}) is already in the "
               f"catalog: {display_path(existing)}\n")
    assert sorted(path.name for path in (root / "articles").iterdir()) == ["good-pm.yaml"]


def test_an_unreadable_page_still_gets_a_draft_of_placeholders(capsys, root, server):
    url = server.url("/missing-page")
    code, out, err = new(capsys, root, url)
    assert (code, out, err) == (0, created(root, "articles/missing-page.yaml"),
                                f"pmgenome new: warning: could not read {url} (HTTP 404 Not Found); the draft "
                                "has placeholders only\n")
    assert (root / "articles" / "missing-page.yaml").read_text() == f"""\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/article.schema.json
title: "TODO: the resource's name as its page shows it"
url: {url}
{SUMMARY_TODO}
{CHOICES}added: {TODAY}
"""


def test_a_private_address_is_not_fetched_without_allow_private(capsys, root, server):
    url = server.url("/article")
    code = main(["new", "--catalog", str(root), url])
    assert (code, capsys.readouterr().err) == (
        0, f"pmgenome new: warning: could not read {url} (not fetched: 127.0.0.2 is a loopback address); the "
           "draft has placeholders only\n")
    assert server.hits() == 0


def test_a_bad_url_is_a_usage_error(capsys, root):
    assert new(capsys, root, "ftp://example.org/file") == (
        2, "", "pmgenome new: ftp://example.org/file: URL must be absolute and start with https:// or http://\n")


def test_a_missing_catalog_is_a_usage_error(capsys, tmp_path):
    assert new(capsys, tmp_path / "nowhere", "https://example.org/") == (
        2, "", f"pmgenome new: catalog folder not found: {display_path(tmp_path / 'nowhere')}\n")
