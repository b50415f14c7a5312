"""Every kind end to end in the real `mkdocs build`: resource pages with each kind's facts, access
and review, the kind listings, the segments' top fives with each pick's why, the last link check
on resource pages, the export and the feed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from pmgenome.catalog import schema as entry_schema
from pmgenome.site.views import ACCESS_LABELS, ACCESS_MEANINGS

from tests.support.sitebuild import (
    LINK_RESULTS,
    Build,
    build_fixture_site,
    build_site,
    fixture_catalog,
    write_config,
)

ATOM = "{http://www.w3.org/2005/Atom}"


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = build_fixture_site(tmp_path_factory.mktemp("kinds-site"))
    assert build.returncode == 0, build.stderr
    return build


@pytest.fixture(scope="module")
def site(built: Build) -> Path:
    return built.site


def facts(site: Path, entry_id: str) -> dict[str, str]:
    page = soup(site, f"resources/{entry_id}")
    return {dt.get_text(): dd.get_text() for dt, dd in zip(page.select(".pmg-facts dt"), page.select(".pmg-facts dd"), strict=True)}


def badges(site: Path, entry_id: str) -> list[str]:
    return [b.get_text() for b in soup(site, f"resources/{entry_id}").select(".pmg-resource .pmg-badge")]


SHARED = {"Language": "en"}


@pytest.mark.parametrize(("entry_id", "expected_badges", "expected_facts", "button"), [
    ("fixture-book", ["Book", "Paid", "New PM", "Experienced PM"], {
        "Authors": "Ada Author, Ben <Writer>", "Year": "2020", "Publisher": "Fixture & Sons",
        "ISBN": "978-0-00-000000-2", "Access": "Paid: you pay for it", **SHARED,
        "Skills": "Discovery and customer research, User research methods", "Segments": "B2B, Design-led",
        "Added to the catalog": "2023-05-05"}, "Open the book ↗"),
    ("fixture-podcast", ["Podcast", "Free", "New PM"], {
        "Host": "Pat Host", "New episodes": "Weekly", "Episodes to start with": "Episode <1> & the growth loopEpisode 2",
        "Feed (RSS or Atom)": "https://fixture.example.com/podcasts/fixture/feed.xml",
        "Access": "Free: all of it, with no account", **SHARED, "Skills": "Growth and retention, Experimentation",
        "Segments": "B2C", "Added to the catalog": "2023-04-04"}, "Open the podcast ↗"),
    ("fixture-newsletter", ["Newsletter", "Free with sign-up", "Experienced PM"], {
        "Author": "Nia Writer", "New issues": "None: it has ended, and its archive stays online",
        "Issues to start with": "The issue to read first",
        "Feed (RSS or Atom)": "https://fixture.example.com/newsletters/fixture/feed",
        "Access": "Free with sign-up: an account or an email address", **SHARED, "Skills": "Technical fluency",
        "Segments": "Technical, B2B", "Added to the catalog": "2023-03-03"}, "Open the newsletter ↗"),
    ("fixture-video", ["Video", "Free", "Experienced PM", "Product leader", "38 min"], {
        "Speaker": "Sam Speaker", "Event": "Fixture Conf 2023", "Published": "2023-01-20",
        "Time": "38 min (as its provider states)",
        "Access": "Free: all of it, with no account", **SHARED, "Skills": "User research methods",
        "Segments": "Design-led", "Added to the catalog": "2023-02-02"}, "Open the video ↗"),
])
def test_each_kind_has_its_facts_on_its_page(site: Path, entry_id: str, expected_badges: list[str],
                                             expected_facts: dict[str, str], button: str) -> None:
    assert badges(site, entry_id) == expected_badges
    assert facts(site, entry_id) == expected_facts
    assert soup(site, f"resources/{entry_id}").select_one(".pmg-outbound").get_text() == button


def test_recommended_episodes_and_issues_and_the_feed_are_outbound_links(site: Path) -> None:
    links = soup(site, "resources/fixture-podcast").select("ul.pmg-recommended a")
    assert [(a.get_text(), a["href"], a["rel"]) for a in links] == [
        ("Episode <1> & the growth loop", "https://fixture.example.com/podcasts/fixture/1?a=1&b=2",
         ["noopener", "noreferrer"]),
        ("Episode 2", "https://fixture.example.com/podcasts/fixture/2", ["noopener", "noreferrer"]),
        ("https://fixture.example.com/podcasts/fixture/feed.xml", "https://fixture.example.com/podcasts/fixture/feed.xml",
         ["noopener", "noreferrer"])]
    assert all(a.find_all(True) == [] for a in links)
    issues = soup(site, "resources/fixture-newsletter").select("ul.pmg-recommended a")
    assert [(a.get_text(), a["href"]) for a in issues] == [
        ("The issue to read first", "https://fixture.example.com/newsletters/fixture/first"),
        ("https://fixture.example.com/newsletters/fixture/feed", "https://fixture.example.com/newsletters/fixture/feed")]


@pytest.mark.parametrize(("entry_id", "access"), [
    ("b2b-pick-one", "free"), ("b2b-focused-new", "signup"), ("b2b-broad-newest", "freemium"),
    ("b2b-tie-beta", "paywalled"), ("b2b-pick-two", "paid")])
def test_access_is_a_badge_and_a_fact_in_plain_words(site: Path, entry_id: str, access: str) -> None:
    assert badges(site, entry_id)[1] == ACCESS_LABELS[access]
    assert facts(site, entry_id)["Access"] == ACCESS_MEANINGS[access]


def test_access_words_cover_the_schema_exactly() -> None:
    assert tuple(ACCESS_LABELS) == tuple(ACCESS_MEANINGS) == entry_schema.enum("access")


def test_every_page_says_when_a_curator_reviewed_it(site: Path) -> None:
    assert soup(site, "resources/fixture-book").select_one(".pmg-reviewed").get_text() == (
        "Reviewed by a curator on 2026-11-02.")
    pages = list((site / "resources").iterdir())
    assert len(pages) == 21
    for page in pages:
        assert soup(site, f"resources/{page.name}").select_one(".pmg-reviewed") is not None, page.name


@pytest.mark.parametrize(("entry_id", "said", "link"), [
    ("b2b-pick-one", "Link checked on 2026-11-30: works.", None),
    ("b2b-pick-two", "Link checked on 2026-11-29: moved to https://fixture.example.com/articles/second-pick-moved"
                     "?a=1&b=2.", "https://fixture.example.com/articles/second-pick-moved?a=1&b=2"),
    ("b2b-tie-alpha", "Link checked on 2026-11-30: broken; read the archived copy.",
     "https://web.archive.org/web/2025/https://fixture.example.com/articles/tie-alpha"),
    ("b2b-tie-beta", "Link checked on 2026-11-30: gone (the address now shows a 'not found' page).", None),
    ("fixture-book", "Link checked on 2026-11-30: the site turned the checker away, so it could not be confirmed; "
                     "it most likely works.", None),
    ("fixture-podcast", "Link checked on 2026-11-30: no answer in time; the site may be down for a while.", None),
    ("london-pm-meetup", "Link not checked automatically: the link check skips it.", None),
    ("fixture-video", "Link checked on 2026-11-28: works.", None),  # written with www. and a slash in the file
])
def test_resource_pages_say_what_the_last_link_check_found(site: Path, entry_id: str, said: str,
                                                           link: str | None) -> None:
    status = soup(site, f"resources/{entry_id}").select_one(".pmg-link-status")
    assert status.get_text() == said
    assert [a["href"] for a in status.select("a")] == ([link] if link else [])


def test_a_link_the_check_has_no_result_for_shows_no_status(site: Path) -> None:
    assert soup(site, "resources/fixture-newsletter").select_one(".pmg-link-status") is None


@pytest.mark.parametrize(("kind", "heading", "counts", "rows"), [
    ("books", "Books", "1 book, by title. Filter them by segment, skill, level or access.",
     ["The Fixture Book · Ada Author, Ben <Writer> (2020) · Book · Paid"]),
    ("podcasts", "Podcasts", "1 podcast, by title. Filter them by segment, skill, level or access.",
     ["The Fixture Podcast · Pat Host · Podcast · Free"]),
    ("newsletters", "Newsletters", "1 newsletter, by title. Filter them by segment, skill, level or access.",
     ["The Fixture Newsletter · Nia Writer · Newsletter · Free with sign-up"]),
    ("videos", "Videos and talks", "1 video, by title. Filter them by segment, skill, level or access.",
     ["The Fixture Talk · Sam Speaker · Video · Free"]),
])
def test_each_kind_has_its_listing(site: Path, kind: str, heading: str, counts: str, rows: list[str]) -> None:
    page = soup(site, kind)
    assert page.select_one("article h1").get_text().rstrip("¶") == heading
    assert page.select_one(".pmg-counts").get_text() == counts
    assert page.select_one(".pmg-counts a")["href"] == f"../explore/?kind={kind[:-1]}"
    assert [li.get_text() for li in page.select("ul.pmg-rows > li")] == rows


def test_segment_top_fives_show_each_picks_why(site: Path) -> None:
    page = soup(site, "segments/b2b")
    top = {kind: [(li["data-entry-id"], why.get_text() if (why := li.select_one(".pmg-card__why")) else None)
                  for li in page.select(f"ol.pmg-top[data-kind={kind}] > li")]
           for kind in ("article", "book", "newsletter", "meetup")}
    assert top == {
        "article": [("b2b-pick-one", "Why it is here: The fixture's first B2B pick, with a <reason> & an ampersand "
                                     "to escape."),
                    ("b2b-pick-two", "Why it is here: The fixture's second B2B pick."),
                    ("b2b-focused-new", None), ("b2b-tie-alpha", None), ("b2b-tie-beta", None)],
        "book": [("fixture-book", "Why it is here: The fixture's book pick, for its discovery chapters.")],
        "newsletter": [("fixture-newsletter", None)],
        "meetup": [("manchester-pm-meetup", "Why it is here: The fixture's meetup pick."),
                   ("london-pm-meetup", None)],
    }
    headings = [h.get_text().rstrip("¶") for h in page.select("article h2")]
    assert headings == ["Top articles", "Top books", "Top courses", "Top podcasts", "Top newsletters", "Top videos",
                        "Top meetups", "Every resource for B2B"]
    book = page.select_one("ol.pmg-top[data-kind=book] > li")
    assert book.select_one(".pmg-card__byline").get_text() == "Ada Author, Ben <Writer> (2020)"


def test_the_export_carries_the_new_kinds_fields(site: Path) -> None:
    export = json.loads((site / "api" / "catalog.json").read_text(encoding="utf-8"))
    entries = {entry["id"]: entry for entry in export["entries"]}
    podcast = entries["fixture-podcast"]
    assert {key: podcast[key] for key in ("kind", "access", "reviewed", "host", "cadence", "episodes", "link")} == {
        "kind": "podcast", "access": "free", "reviewed": "2026-11-03", "host": "Pat Host", "cadence": "weekly",
        "episodes": [{"title": "Episode <1> & the growth loop",
                      "url": "https://fixture.example.com/podcasts/fixture/1?a=1&b=2"},
                     {"title": "Episode 2", "url": "https://fixture.example.com/podcasts/fixture/2"}],
        "link": {"verdict": "timeout", "checked_at": "2026-11-30T05:00:00Z", "status": None, "final_url": None,
                 "archived": None}}
    book = entries["fixture-book"]
    assert {key: book[key] for key in ("authors", "year", "publisher", "isbn")} == {
        "authors": ["Ada Author", "Ben <Writer>"], "year": 2020, "publisher": "Fixture & Sons",
        "isbn": "978-0-00-000000-2"}
    assert entries["fixture-video"]["speaker"] == "Sam Speaker"
    assert entries["fixture-newsletter"]["issues"] == [
        {"title": "The issue to read first", "url": "https://fixture.example.com/newsletters/fixture/first"}]
    assert "link" not in entries["fixture-newsletter"]
    assert all("cost" not in entry and "cost" not in entry["facets"] for entry in export["entries"])
    assert {entry["facets"]["access"][0] for entry in export["entries"]} == set(ACCESS_LABELS)


def test_the_feed_carries_every_kind(site: Path) -> None:
    root = ET.parse(site / "feed.xml").getroot()
    kinds = {category.get("term") for entry in root.findall(f"{ATOM}entry")
             for category in entry.findall(f"{ATOM}category") if category.get("scheme") is None}
    assert kinds == {"article", "book", "course", "podcast", "newsletter", "video", "meetup"}
    book = next(e for e in root.findall(f"{ATOM}entry") if e.find(f"{ATOM}title").text == "The Fixture Book")
    assert [(c.get("term"), c.get("label"), c.get("scheme")) for c in book.findall(f"{ATOM}category")] == [
        ("book", "Book", None), ("paid", None, "access"), ("b2b", None, "segment"), ("design", None, "segment")]


def test_a_damaged_link_results_file_stops_the_build(tmp_path: Path) -> None:
    damaged = tmp_path / "link-results.json"
    damaged.write_text(LINK_RESULTS.read_text(encoding="utf-8").replace('"verdict": "soft-404"',
                                                                       '"verdict": "soft404"'), encoding="utf-8")
    config = write_config(tmp_path / "mkdocs.yml", fixture_catalog(tmp_path / "catalog"))
    build = build_site(config, tmp_path / "site", link_results=damaged)
    assert build.returncode == 1
    assert ("ERROR   -  pmgenome: the link results (catalog_link_results) cannot be used; the site is not built:\n"
            "link-results.json:9:53: the check of https://fixture.example.com/articles/tie-beta has the verdict \"soft404\"; "
            "expected one of ok, redirected, broken, soft-404, timeout, blocked, excluded\n") in build.stderr
    assert "Traceback" not in build.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_without_link_results_pages_show_no_link_status(tmp_path: Path) -> None:
    build = build_fixture_site(tmp_path, link_results=None)
    assert build.returncode == 0, build.stderr
    assert soup(build.site, "resources/b2b-pick-one").select_one(".pmg-link-status") is None
    assert soup(build.site, "resources/b2b-pick-one").select_one(".pmg-reviewed") is not None
    shutil.rmtree(build.site)
