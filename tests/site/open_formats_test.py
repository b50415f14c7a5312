"""The open formats the site publishes beside its pages, each checked by a real parser against its
format: podcasts.opml and newsletters.opml (OPML 2.0, read with an XML parser), feed.json (JSON Feed
1.1, against a schema of its specification) and api/segments/<segment>.json (our own schema)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from lxml import etree
from pmgenome.catalog.gaps import coverage, fact_named
from pmgenome.catalog.model import Kind
from pmgenome.catalog.validate import validate_catalog
from pmgenome.site import opml
from pmgenome.site.context import SiteSettings, make_context

from tests.support.schemas import output_errors
from tests.support.sitebuild import (
    REPO,
    Build,
    build_site,
    fixture_catalog,
    write_config,
)

SITE_URL = "https://pm.example.org/genome/"
ATOM = "{http://www.w3.org/2005/Atom}"
JSON_FEED_SCHEMA = json.loads((REPO / "tests" / "fixtures" / "formats" / "jsonfeed-1.1.schema.json")
                              .read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("formats")
    config = write_config(work / "mkdocs.yml", fixture_catalog(work / "catalog"))
    build: Build = build_site(config, work / "site", site_url=SITE_URL)
    assert build.returncode == 0, build.stderr
    return build.site


def opml_problems(data: bytes) -> list[str]:
    """What breaks OPML 2.0's structure for a subscription list, read with lxml's XML parser."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    problems = []
    if root.tag != "opml" or root.get("version") != "2.0":
        problems.append(f"root is <{root.tag} version={root.get('version')!r}>, not <opml version='2.0'>")
    if [child.tag for child in root] != ["head", "body"]:
        problems.append(f"<opml> holds {[child.tag for child in root]}, not one <head> then one <body>")
    body = root.find("body")
    outlines = body.findall("outline") if body is not None else []
    if not outlines:
        problems.append("<body> holds no <outline>")
    for index, outline in enumerate(outlines):
        if not outline.get("text"):
            problems.append(f"outline {index} has no text")
        if outline.get("type") != "rss" or urlsplit(outline.get("xmlUrl", "")).scheme not in ("http", "https"):
            problems.append(f"outline {index} is not an rss outline with an http(s) xmlUrl")
    return problems


def outlines(data: bytes) -> list[dict[str, str]]:
    return [dict(outline.attrib) for outline in ET.fromstring(data).iter("outline")]


def test_each_subscription_list_is_opml_2_and_lists_the_feeds(site: Path) -> None:
    podcasts, newsletters = (site / "podcasts.opml").read_bytes(), (site / "newsletters.opml").read_bytes()
    assert opml_problems(podcasts) == opml_problems(newsletters) == []
    assert ET.fromstring(podcasts).findtext("head/title") == "PM Genome: podcasts for product managers"
    assert outlines(podcasts) == [{
        "type": "rss", "text": "The Fixture Podcast", "title": "The Fixture Podcast",
        "xmlUrl": "https://fixture.example.com/podcasts/fixture/feed.xml",
        "htmlUrl": "https://fixture.example.com/podcasts/fixture",
        "description": "A fixture weekly podcast for consumer product managers, with two episodes to start with, so "
                       "the site shows a podcast's host, cadence and recommended episodes as links."}]
    assert [item["xmlUrl"] for item in outlines(newsletters)] == ["https://fixture.example.com/newsletters/fixture/feed"]


def test_a_bad_subscription_list_is_caught() -> None:
    assert opml_problems(b'<opml version="1.0"><body><outline type="link" xmlUrl="ftp://x"/></body></opml>') == [
        "root is <opml version='1.0'>, not <opml version='2.0'>",
        "<opml> holds ['body'], not one <head> then one <body>",
        "outline 0 has no text",
        "outline 0 is not an rss outline with an http(s) xmlUrl"]


def test_the_listing_pages_offer_their_subscription_list(site: Path) -> None:
    for folder, app in (("podcasts", "your podcast app"), ("newsletters", "your feed reader")):
        page = (site / folder / "index.html").read_text(encoding="utf-8")
        assert (f'<p class="pmg-links pmg-subscribe"><a href="../{folder}.opml" type="text/x-opml" download>Subscribe '
                f'to all 1 with a feed in {app}</a> (an OPML file: import it there).</p>') in page
    assert ".opml" not in (site / "books" / "index.html").read_text(encoding="utf-8")


def test_no_subscription_list_without_a_feed(tmp_path: Path) -> None:
    catalog = fixture_catalog(tmp_path / "catalog")
    podcast = catalog / "podcasts" / "fixture-podcast.yaml"
    podcast.write_text("".join(line for line in podcast.read_text(encoding="utf-8").splitlines(keepends=True)
                               if not line.startswith("feed:")), encoding="utf-8")
    build = build_site(write_config(tmp_path / "mkdocs.yml", catalog), tmp_path / "site")
    assert build.returncode == 0, build.stderr
    assert not (build.site / "podcasts.opml").exists() and (build.site / "newsletters.opml").exists()
    assert ".opml" not in (build.site / "podcasts" / "index.html").read_text(encoding="utf-8")


def _format_checker() -> FormatChecker:
    """`uri` and `date-time` checked with the standard library (jsonschema's own checkers need
    packages we do not install): an absolute address, and an RFC 3339 moment with its offset."""
    checker = FormatChecker(formats=())

    @checker.checks("uri")
    def _uri(value: object) -> bool:
        parts = urlsplit(str(value))
        return parts.scheme in ("http", "https") and bool(parts.netloc) or parts.scheme == "urn"

    @checker.checks("date-time", raises=ValueError)
    def _moment(value: object) -> bool:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        return "T" in str(value) and moment.tzinfo is not None

    return checker


def json_feed_errors(document: object) -> list[str]:
    validator = Draft202012Validator(JSON_FEED_SCHEMA, format_checker=_format_checker())
    return [f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}"
            for error in validator.iter_errors(document)]


def test_feed_json_is_a_json_feed_of_the_atom_feeds_items(site: Path) -> None:
    document = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    assert json_feed_errors(document) == []
    assert (document["home_page_url"], document["feed_url"]) == (SITE_URL, SITE_URL + "feed.json")
    atom = ET.parse(site / "feed.xml").getroot()
    entries = atom.findall(f"{ATOM}entry")
    assert len(document["items"]) == len(entries) > 10
    for item, entry in zip(document["items"], entries, strict=True):
        assert item["id"] == entry.findtext(f"{ATOM}id")
        assert item["title"] == entry.findtext(f"{ATOM}title")
        assert item["content_text"] == entry.findtext(f"{ATOM}summary")
        assert item["date_published"] == entry.findtext(f"{ATOM}published")
        assert item["url"] == entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        related = entry.find(f"{ATOM}link[@rel='related']")
        assert item.get("external_url") == (related.get("href") if related is not None else None)
        assert item["tags"] == [category.get("term") for category in entry.findall(f"{ATOM}category")]


def test_a_bad_json_feed_is_caught() -> None:
    assert json_feed_errors({"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [
        {"id": "1", "url": "resources/x/", "date_published": "2026-12-01"}, {"id": "2", "content_text": "x",
                                                                             "authors": [{}]}]}) == [
        "items/0: {'id': '1', 'url': 'resources/x/', 'date_published': '2026-12-01'} is not valid under any of "
        "the given schemas",
        "items/0/url: 'resources/x/' is not a 'uri'",
        "items/0/date_published: '2026-12-01' is not a 'date-time'",
        "items/1/authors/0: {} should be non-empty"]


def test_the_home_page_links_both_feeds(site: Path) -> None:
    page = (site / "index.html").read_text(encoding="utf-8")
    assert ('Follow new resources with the <a href="feed.xml" type="application/atom+xml">Atom feed</a> or the '
            '<a href="feed.json" type="application/feed+json">JSON Feed</a>') in page


def test_each_segment_has_its_top_fives_with_the_why_lines(site: Path) -> None:
    names = sorted(path.name for path in (site / "api" / "segments").iterdir())
    assert names == ["b2b.json", "b2c.json", "design.json", "technical.json"]
    export = json.loads((site / "api" / "catalog.json").read_text(encoding="utf-8"))
    for segment in export["segments"]:
        document = json.loads((site / "api" / "segments" / f"{segment['id']}.json").read_text(encoding="utf-8"))
        assert output_errors("segment", document) == []
        assert {kind: [place["id"] for place in places] for kind, places in document["top"].items()} == segment["top"]
        picks = {kind: [{"id": place["id"], "why": place["why"]} for place in places if place["pick"]]
                 for kind, places in document["top"].items()}
        assert picks == segment["picks"]
    b2b = json.loads((site / "api" / "segments" / "b2b.json").read_text(encoding="utf-8"))
    first = b2b["top"]["article"][0]
    assert (first["rank"], first["pick"], first["page"]) == (1, True, f"resources/{first['id']}/")
    assert first["why"]


def test_a_segment_file_that_breaks_its_schema_is_caught() -> None:
    assert output_errors("segment", {"version": 1, "id": "b2b", "name": "B2B", "description": "", "page": "x",
                                     "fill_rule": "r", "top": {"article": [
                                         {"rank": 1, "id": "a", "title": "A", "url": "ftp://a", "page": "p",
                                          "pick": False, "why": "no"}]}}) == [
        "top: 'book' is a required property",
        "top: 'course' is a required property",
        "top: 'podcast' is a required property",
        "top: 'newsletter' is a required property",
        "top: 'video' is a required property",
        "top: 'meetup' is a required property",
        "top: 'program' is a required property",
        "top/article/0/url: 'ftp://a' does not match '^https?://'",
        "top/article/0/why: 'no' is not of type 'null'"]


MIN_FED_SHARE = 0.71


def test_most_shipped_podcasts_and_newsletters_have_a_feed_and_all_are_listed() -> None:
    catalog, problems = validate_catalog(REPO / "catalog")
    assert problems == []
    context = make_context(catalog, SiteSettings(), {}, dt.date(2026, 12, 6))
    for kind in (Kind.PODCAST, Kind.NEWSLETTER):
        views = [context.views[entry.id] for entry in catalog.of_kind(kind)]
        fed = [view for view in views if view.feed]
        listed = [item["xmlUrl"] for item in outlines(opml.subscription_list(kind, views))]
        assert sorted(listed) == sorted(view.feed for view in fed)
    # 4 in 5 held until issue 26 added 26 shows (seven in other languages) whose feed address stored
    # public material did not place: a feed is written only once placed. Measured 41 of 66, then
    # 47 of 66 once a fourth pass placed six more (2026-12-06); raise this as their feeds are placed.
    assert coverage(catalog, fact_named("feed")).share >= MIN_FED_SHARE  # `pmgenome gaps --fact feed` lists the rest
