"""The real `mkdocs build --strict` of the shipped mkdocs.yml, on the fixture catalog and the real one."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Catalog, Kind
from pmgenome.catalog.ranking import FILL_RULE
from pmgenome.catalog.validate import validate_catalog
from pmgenome.site.plugin import refusal

from tests.support.sitebuild import (
    REPO,
    Build,
    build_fixture_site,
    build_site,
    fixture_catalog,
    write_config,
)

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE_TITLE = "Pricing & <Packaging>"
MARKDOWN_TITLE = "1. Not a list *nor emphasis* [nor a link] #hash {: .attr} \\ back"
CLOSING_TITLE = "</title><details open ontoggle=alert(document.domain)>Closing tags"


def soup(site: Path, page: str) -> BeautifulSoup:
    path = site / page / "index.html" if not page.endswith(".html") else site / page
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def assert_quiet(build: Build) -> None:
    assert build.returncode == 0, build.stderr
    noisy = [line for line in build.stderr.splitlines() if not line.startswith("INFO    -  ")]
    assert noisy == []


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = build_fixture_site(tmp_path_factory.mktemp("fixture-site"))
    assert_quiet(build)
    return build


@pytest.fixture(scope="module")
def site(built: Build) -> Path:
    return built.site


@pytest.fixture(scope="module")
def catalog(built: Build) -> Catalog:
    loaded, problems = load_catalog(built.site.parent / "catalog")
    assert problems == []
    return loaded


@pytest.fixture(scope="module")
def export(site: Path) -> dict:
    return json.loads((site / "api" / "catalog.json").read_text(encoding="utf-8"))


def test_the_build_is_strict_and_prints_only_info(built: Build) -> None:
    assert built.stderr.splitlines()[-1].startswith("INFO    -  Documentation built in ")
    assert "Material for MkDocs reaches end of life" not in built.stderr


def test_every_entry_has_its_page(site: Path, catalog: Catalog) -> None:
    assert sorted(path.name for path in (site / "resources").iterdir()) == sorted(catalog.by_id)
    for entry in catalog.entries:
        page = soup(site, f"resources/{entry.id}")
        assert page.select_one(".pmg-resource")["data-entry-id"] == entry.id
        assert page.select_one(".pmg-outbound")["href"] == entry.url


def test_a_resource_page_says_what_it_teaches_and_the_year_when_no_day_is_known(site: Path) -> None:
    page = soup(site, "resources/b2b-pick-two")
    assert [li.get_text() for li in page.select("ul.pmg-outcomes li")] == [
        "You can name what this fixture resource teaches in one line."]
    page = soup(site, "resources/b2b-focused-old")
    facts = dict(zip([dt.get_text(strip=True) for dt in page.select(".pmg-facts dt")],
                     [dd.get_text(strip=True) for dd in page.select(".pmg-facts dd")], strict=True))
    assert facts["Published"] == "2013"


def test_resource_pages_are_not_in_the_nav(site: Path) -> None:
    page = soup(site, "resources/b2b-pick-one")
    nav = [(a.get_text(" ", strip=True), a["href"]) for a in page.select("nav.md-nav--primary a.md-nav__link")]
    assert nav == [("Home", "../.."), ("Find your path", "../../path/"), ("Types of T", "../../shapes/"),
                   ("Survey", "../../survey/"), ("Segments", "../../segments/"),
                   ("Articles", "../../articles/"), ("Books", "../../books/"), ("Courses", "../../courses/"),
                   ("Podcasts", "../../podcasts/"), ("Newsletters", "../../newsletters/"), ("Videos", "../../videos/"),
                   ("Meetups", "../../meetups/"), ("Events", "../../events/"),
                   ("Company PM programs", "../../programs/"), ("Explore", "../../explore/"),
                   ("What's new", "../../whats-new/"),
                   ("API", "../../api/")]


def test_export_structure(export: dict, catalog: Catalog, site: Path) -> None:
    assert list(export) == ["version", "fill_rule", "entries", "segments", "taxonomy"]
    assert export["version"] == 5
    assert export["fill_rule"] == FILL_RULE
    assert [entry["id"] for entry in export["entries"]] == [entry.id for entry in catalog.entries]
    for entry in export["entries"]:
        assert list(entry)[:16] == ["id", "kind", "title", "url", "summary", "outcomes", "segments", "skills",
                                    "levels", "backgrounds", "access", "language", "added", "reviewed", "minutes",
                                    "minutes_source"]
        # Whole minutes on every entry that is used in a sitting; a meetup has none.
        assert (entry["minutes"] is None) == (entry["minutes_source"] is None)
        assert entry["kind"] != "meetup" or entry["minutes"] is None
        assert {"page", "facets"} <= set(entry)
        assert entry["page"] == f"resources/{entry['id']}/"
        assert (site / entry["page"] / "index.html").is_file()
    assert [segment["id"] for segment in export["segments"]] == ["b2b", "b2c", "technical", "design"]
    assert [list(segment) for segment in export["segments"]][0] == [
        "id", "name", "description", "page", "counts", "top", "picks"]
    assert [term["id"] for term in export["taxonomy"]["levels"]] == ["aspiring", "new", "experienced", "leader"]


def test_export_entry_in_full(export: dict) -> None:
    entry = next(e for e in export["entries"] if e["id"] == "b2b-pick-one")
    assert entry == {
        "id": "b2b-pick-one", "kind": "article", "title": "First B2B Pick",
        "url": "https://fixture.example.com/articles/first-b2b-pick",
        "summary": "A fixture article about selling software to businesses, written so the search test has "
                   "a rare word to look for: quokka. It suits new product managers in business-to-business "
                   "companies.",
        "outcomes": ["You can name what this fixture resource teaches in one line."],
        "segments": ["b2b"], "skills": ["strategy", "go-to-market"], "levels": ["new"], "backgrounds": [],
        "access": "free", "language": "en", "added": "2025-01-10", "reviewed": "2026-11-20",
        "minutes": 7, "minutes_source": "counted",
        "page": "resources/b2b-pick-one/",
        "facets": {"kind": ["article"], "segment": ["b2b"], "skill": ["strategy", "go-to-market"],
                   "level": ["new"], "access": ["free"], "format": [], "place": [], "audience": [], "training": [],
                   "time": ["quarter-hour"]},
        "enrichment": {"author": "Scraped <Author>", "published": "2024-12-24", "site_name": "Fixture & <Blog>",
                       "reading_minutes": 7},
        "link": {"verdict": "ok", "checked_at": "2026-11-30T05:00:02Z", "status": 200, "final_url": None,
                 "archived": None},
    }
    meetup = next(e for e in export["entries"] if e["id"] == "online-pm-community")
    assert meetup["online"] is True
    assert meetup["facets"]["place"] == ["online"]
    assert meetup["facets"]["format"] == ["online"]


def test_export_top_lists_follow_picks_then_the_fill_rule(export: dict) -> None:
    top = {segment["id"]: segment["top"] for segment in export["segments"]}
    picks = {segment["id"]: segment["picks"] for segment in export["segments"]}
    assert top["b2b"] == {
        "article": ["b2b-pick-one", "b2b-pick-two", "b2b-focused-new", "b2b-tie-alpha", "b2b-tie-beta"],
        "book": ["fixture-book"],
        "course": ["design-course-pick"],
        "podcast": [],
        "newsletter": ["fixture-newsletter"],
        "video": [],
        "meetup": ["manchester-pm-meetup", "london-pm-meetup"],
        "program": [],
    }
    assert picks["b2b"] == {
        "article": [{"id": "b2b-pick-one",
                     "why": "The fixture's first B2B pick, with a <reason> & an ampersand to escape."},
                    {"id": "b2b-pick-two", "why": "The fixture's second B2B pick."}],
        "book": [{"id": "fixture-book", "why": "The fixture's book pick, for its discovery chapters."}],
        "course": [], "podcast": [], "newsletter": [], "video": [],
        "meetup": [{"id": "manchester-pm-meetup", "why": "The fixture's meetup pick."}], "program": []}
    assert top["b2c"]["article"] == ["pricing-packaging", "b2b-pick-two", "b2b-broad-newest"]
    assert top["b2c"]["podcast"] == ["fixture-podcast"]
    assert top["design"] == {"article": [], "book": ["fixture-book"], "course": ["design-course-pick",
                                                                                 "design-course-cohort"],
                             "podcast": [], "newsletter": [], "video": ["fixture-video"],
                             "meetup": ["online-pm-community"], "program": []}
    assert picks["design"]["course"] == [{"id": "design-course-pick", "why": "The fixture's design course pick."}]
    counts = {segment["id"]: segment["counts"] for segment in export["segments"]}
    assert counts["b2b"] == {"article": 7, "book": 1, "course": 1, "podcast": 0, "newsletter": 1, "video": 0,
                             "meetup": 2, "program": 0}


def test_segment_page_shows_the_top_lists_and_marks_picks(site: Path, export: dict) -> None:
    page = soup(site, "segments/b2b")
    assert page.h1.get_text(strip=True).rstrip("¶") == "B2B"
    for kind in Kind:
        shown = [(li["data-entry-id"], li["data-pick"]) for li in page.select(f"ol.pmg-top[data-kind={kind}] > li")]
        picked = [pick["id"] for pick in export["segments"][0]["picks"][kind]]
        expected = [(entry_id, "true" if entry_id in picked else "false")
                    for entry_id in export["segments"][0]["top"][kind]]
        assert shown == expected
    badges = [li.select_one(".pmg-badge").get_text() for li in page.select("ol.pmg-top[data-kind=article] > li")]
    assert badges == ["Curators' pick", "Curators' pick", "Ranked by rule", "Ranked by rule", "Ranked by rule"]
    everything = [li["data-entry-id"] for li in page.select("ul.pmg-rows > li")]
    assert sorted(everything) == sorted(e["id"] for e in export["entries"] if "b2b" in e["segments"])
    assert [empty["data-kind"] for empty in page.select(".pmg-empty")] == ["podcast", "video"]
    design = soup(site, "segments/design")
    assert design.select_one('.pmg-empty[data-kind="article"]').get_text() == "No articles for this segment yet."


def test_every_segment_of_the_vocabulary_has_a_page(site: Path, catalog: Catalog) -> None:
    assert sorted(p.name for p in (site / "segments").iterdir() if p.is_dir()) == sorted(
        catalog.taxonomy.ids("segments"))
    home = soup(site, "")
    cards = {a["data-segment"]: a.select_one(".pmg-segment__counts").get_text() for a in home.select("a.pmg-segment")}
    assert cards == {
        "b2b": "7 articles · 1 book · 1 course · 0 podcasts · 1 newsletter · 0 videos · 2 meetups",
        "b2c": "3 articles · 0 books · 1 course · 1 podcast · 0 newsletters · 0 videos · 2 meetups",
        "technical": "3 articles · 0 books · 1 course · 0 podcasts · 1 newsletter · 0 videos · 1 meetup",
        "design": "0 articles · 1 book · 2 courses · 0 podcasts · 0 newsletters · 1 video · 1 meetup"}


def test_the_rule_is_explained_on_the_site(site: Path) -> None:
    page = soup(site, "segments")
    assert page.select_one("#how-the-top-five-are-chosen") is not None
    assert page.select_one(".pmg-rule").get_text() == FILL_RULE


def test_home_lists_recently_added_newest_first(site: Path) -> None:
    recent = [li["data-entry-id"] for li in soup(site, "").select("ul.pmg-cards > li")]
    assert recent == ["online-pm-community", "b2b-broad-newest", "london-pm-meetup", "design-course-cohort",
                      "b2b-focused-new", "markdown-characters", "b2b-tie-alpha", "b2b-tie-beta",
                      "pricing-packaging", "b2b-pick-one"]


def test_meetups_are_grouped_online_apart_then_by_country_and_city(site: Path) -> None:
    page = soup(site, "meetups")
    outline = []
    for element in page.select("article h2, article h3, article li[data-entry-id]"):
        if element.name == "li":
            outline.append(element["data-entry-id"])
        else:
            outline.append(f"{element.name}:{element.get_text(strip=True).rstrip('¶')}")
    assert outline == ["h2:Online", "online-pm-community", "h2:Germany", "h3:Berlin", "berlin-pm-meetup",
                       "h2:United Kingdom", "h3:London", "london-pm-meetup", "h3:Manchester", "manchester-pm-meetup"]


def test_kind_pages_list_every_resource_of_the_kind_by_title(site: Path, catalog: Catalog) -> None:
    articles = [li.select_one("a").get_text() for li in soup(site, "articles").select("ul.pmg-rows > li")]
    assert articles == [MARKDOWN_TITLE, CLOSING_TITLE, "Broad and Newest",
                        "First B2B Pick", "Focused and New", "Focused but Old", HOSTILE_TITLE, "Second B2B Pick",
                        "Tie Alpha", "Tie Beta"]
    courses = soup(site, "courses").select("ul.pmg-rows > li")
    assert [li["data-entry-id"] for li in courses] == ["design-course-cohort", "design-course-pick", "technical-course"]
    assert [li.get_text() for li in courses] == ["Design Cohort Course · Course · Paid · In person",
                                                 "Design Course Pick · Fixture School · Course · Free · Online",
                                                 "Technical Course · Course · Freemium · Hybrid"]


@pytest.mark.parametrize("entry_id,title", [("pricing-packaging", HOSTILE_TITLE),
                                            ("markdown-characters", MARKDOWN_TITLE),
                                            ("closing-tags", CLOSING_TITLE)])
def test_contributor_text_is_shown_as_text(site: Path, catalog: Catalog, entry_id: str, title: str) -> None:
    page = soup(site, f"resources/{entry_id}")
    heading = page.select_one("article h1")
    assert heading.get_text().rstrip("¶") == title
    assert [child.name for child in heading.find_all(True)] == ["a"]  # only the permalink
    assert page.title.get_text() == f"{title} - PM Genome"
    summary = page.select_one(".pmg-summary")
    assert summary.get_text() == " ".join(catalog.by_id[entry_id].summary.split())
    assert summary.find_all(True) == []
    assert page.find("packaging") is None and page.find("tiers") is None and page.find("details") is None
    assert page.select_one(".md-header__topic:last-child .md-ellipsis").get_text(strip=True) == title
    segment_page = f"segments/{catalog.by_id[entry_id].segments[0]}"
    for listing, selector in (("articles", ".pmg-rows"), (segment_page, ".pmg-rows"), (segment_page, ".pmg-top")):
        link = soup(site, listing).select_one(f'{selector} li[data-entry-id="{entry_id}"] a')
        assert link.get_text() == title
        assert link.find_all(True) == []


def test_enrichment_fills_gaps_and_curated_fields_win(site: Path) -> None:
    def facts(entry_id: str) -> dict[str, str]:
        page = soup(site, f"resources/{entry_id}")
        return {dt.get_text(): dd.get_text() for dt, dd in zip(page.select(".pmg-facts dt"),
                                                               page.select(".pmg-facts dd"), strict=True)}

    assert facts("b2b-pick-one") == {
        "Author": "Scraped <Author>*", "Publication": "Fixture & <Blog>*", "Published": "2024-12-24*",
        "Time": "7 min (counted from its words)*", "Access": "Free: all of it, with no account", "Language": "en",
        "Skills": "Strategy and vision, Go-to-market and sales",
        "Segments": "B2B", "Added to the catalog": "2025-01-10",
    }
    assert facts("b2b-pick-two")["Author"] == "Curated Author"
    assert "Time" not in facts("b2b-pick-two") and "Published" not in facts("b2b-pick-two")
    assert facts("london-pm-meetup")["Next event"] == "2099-01-15 (Shoreditch & <Hoxton>)*"
    assert facts("london-pm-meetup")["Organizer"] == "Fixture Organizers"
    assert "Next event" not in facts("berlin-pm-meetup")
    assert facts("design-course-pick") == {
        "Provider": "Fixture School", "Pace": "Self-paced", "Time": "20 h (estimated)",
        "Access": "Free: all of it, with no account", "Suits people coming from": "Design",
        "Skills": "UX and interaction design, User research methods", "Segments": "Design-led, B2B",
        "Added to the catalog": "2024-02-02",
    }
    badges = [b.get_text() for b in soup(site, "resources/b2b-pick-one").select(".pmg-resource .pmg-badge")]
    assert badges == ["Article", "Free", "New PM", "7 min"]
    badges = [b.get_text() for b in soup(site, "resources/design-course-pick").select(".pmg-resource .pmg-badge")]
    assert badges == ["Course", "Free", "Online", "New PM", "20 h"]
    assert facts("online-pm-community")["Where"] == "Online"
    assert facts("berlin-pm-meetup")["Where"] == "Berlin, Germany"


def test_skills_are_tags(site: Path, export: dict) -> None:
    tags = [tag.get_text() for tag in soup(site, "resources/b2b-pick-one").select("nav.md-tags .md-tag")]
    assert tags == ["Go-to-market and sales", "Strategy and vision"]


def _links(site: Path):
    for path in site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in page.find_all(["a", "link", "script", "img"]):
            target = element.get("href") or element.get("src")
            if target:
                yield path, target


def test_only_http_links_leave_the_site_and_internal_links_resolve(site: Path) -> None:
    external, broken = set(), []
    for path, target in _links(site):
        parts = urlsplit(target)
        if parts.scheme or parts.netloc:
            external.add(parts.scheme)
            continue
        if not parts.path:
            continue  # a fragment on the same page
        # 404.html is served at any address, so MkDocs links it from the root.
        base = site if parts.path.startswith("/") else path.parent
        resolved = Path(posixpath.normpath(posixpath.join(base.as_posix(), unquote(parts.path).lstrip("/"))))
        if resolved.is_dir():
            resolved = resolved / "index.html"
        if not resolved.is_file():
            broken.append((path.relative_to(site).as_posix(), target))
    assert broken == []
    assert external <= {"https", "http"}


def test_the_feed_is_atom_newest_first(site: Path, export: dict) -> None:
    root = ET.parse(site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}updated").text == "2025-10-10T00:00:00Z"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 21
    assert entries[0].find(f"{ATOM}title").text == "Online PM Community"
    by_title = {e.find(f"{ATOM}title").text: e for e in entries}
    hostile = by_title[HOSTILE_TITLE]
    assert hostile.find(f"{ATOM}link[@rel='alternate']").get("href") == "resources/pricing-packaging/"
    assert hostile.find(f"{ATOM}link[@rel='related']").get("href") == \
        "https://fixture.example.com/articles/pricing?plan=a&tier=b"
    assert hostile.find(f"{ATOM}updated").text == "2025-02-02T00:00:00Z"
    assert all(re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", e.find(f"{ATOM}id").text) for e in entries)
    assert len({e.find(f"{ATOM}id").text for e in entries}) == 21
    for entry in entries:
        assert (site / entry.find(f"{ATOM}link[@rel='alternate']").get("href") / "index.html").is_file()


def test_the_explore_page_offers_every_facet(site: Path) -> None:
    page = soup(site, "explore")
    container = page.select_one("#pmg-explore")
    assert container["data-index"] == "index.json"
    assert container["data-root"] == "../"
    facets = {fieldset["data-facet"]: [i["value"] for i in fieldset.select("input")]
              for fieldset in page.select("fieldset[data-facet]")}
    assert list(facets) == ["kind", "segment", "skill", "level", "access", "format", "place", "audience", "training",
                            "time"]
    assert facets["kind"] == ["article", "book", "course", "podcast", "newsletter", "video", "meetup"]
    assert facets["access"] == ["free", "signup", "freemium", "paywalled", "paid"]
    labels = [label.get_text() for label in page.select("fieldset[data-facet=access] .pmg-option__label")]
    assert labels == ["Free", "Free with sign-up", "Freemium", "Paywalled", "Paid"]
    assert facets["place"] == ["online", "DE", "GB"]
    assert facets["format"] == ["online", "in-person", "hybrid"]
    scripts = [s.get("src") for s in page.select("script[src]")]
    assert "../assets/pmgenome/explore.js" in scripts


def test_the_search_index_is_pagefinds_and_skips_the_listings(site: Path) -> None:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["en"]
    pages = {path.parent.relative_to(site).as_posix() for path in site.rglob("index.html")}
    left_out = {"explore", "events", "whats-new", "survey", *(kind.folder for kind in Kind),
                "segments/b2b", "segments/b2c", "segments/technical", "segments/design"}
    assert left_out <= pages
    assert entry["languages"]["en"]["page_count"] == len(pages - left_out)
    # Material's search is gone, with its one big index; so are Pagefind's unused interfaces.
    assert not (site / "search" / "search_index.json").exists()
    assert sorted(path.name for path in (site / "pagefind").glob("pagefind*.js")) == [
        "pagefind-worker.js", "pagefind.js"]


def test_explore_data_has_every_entrys_facets_as_the_export_does(site: Path, export: dict) -> None:
    index = json.loads((site / "explore" / "index.json").read_text(encoding="utf-8"))
    assert index["version"] == 1
    assert index["page"] == "resources/{id}/"
    decoded = {row[0]: {name: [index["values"][name][code] for code in row[2 + at]]
                        for at, name in enumerate(index["facets"])} for row in index["entries"]}
    assert decoded == {entry["id"]: entry["facets"] for entry in export["entries"]}
    titles = [row[1] for row in index["entries"]]
    assert titles == sorted(titles, key=str.casefold)
    summaries = json.loads((site / "explore" / "summaries" / "0.json").read_text(encoding="utf-8"))
    by_id = {entry["id"]: entry["summary"] for entry in export["entries"]}
    assert summaries == [" ".join(by_id[row[0]].split()) for row in index["entries"]]


def test_other_url_style_builds_with_working_links(tmp_path: Path) -> None:
    build = build_fixture_site(tmp_path, use_directory_urls=False)
    assert_quiet(build)
    assert (build.site / "resources" / "b2b-pick-one.html").is_file()
    test_only_http_links_leave_the_site_and_internal_links_resolve(build.site)


def test_an_invalid_catalog_is_refused_with_the_validators_messages(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = fixture_catalog(tmp_path / "catalog")
    path = catalog / "articles" / "tie-gamma.yaml"
    path.write_text((catalog / "articles" / "b2b-tie-alpha.yaml").read_text(encoding="utf-8")
                    .replace("segments: [b2b]", "segments: [b2bb]")
                    .replace("https://fixture.example.com/articles/tie-alpha", "javascript:alert(1)"),
                    encoding="utf-8")
    (catalog / "picks.yaml").write_text("b2b:\n  article: [no-such-entry]\n", encoding="utf-8")
    build = build_site(write_config(tmp_path / "mkdocs.yml", catalog), tmp_path / "site", cwd=tmp_path)
    monkeypatch.chdir(tmp_path)  # the validator prints paths relative to where it runs
    _, problems = validate_catalog(catalog)
    assert len(problems) >= 3
    message = refusal(catalog, problems)
    assert message.splitlines()[0] == (
        f"pmgenome: the catalog in catalog has {len(problems)} problems; the site is not built "
        "(run `pmgenome validate` for details):")
    assert build.returncode == 1
    assert f"ERROR   -  {message}\n" in build.stderr
    assert "Traceback" not in build.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_hand_written_page_may_not_shadow_a_generated_one(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    (docs / "explore").mkdir()
    (docs / "explore" / "index.md").write_text("# Mine\n", encoding="utf-8")
    config = write_config(tmp_path / "mkdocs.yml", fixture_catalog(tmp_path / "catalog"), docs=docs)
    build = build_site(config, tmp_path / "site")
    assert build.returncode == 1
    assert (f"ERROR   -  pmgenome: {docs}/explore/index.md has the name of a page the catalog generates; "
            "rename or remove it\n") in build.stderr


def test_the_shipped_catalog_builds_strictly(tmp_path: Path) -> None:
    build = build_site(REPO / "mkdocs.yml", tmp_path / "site", cwd=REPO)
    assert_quiet(build)
    catalog, problems = load_catalog(REPO / "catalog")
    assert problems == []
    export = json.loads((build.site / "api" / "catalog.json").read_text(encoding="utf-8"))
    assert [entry["id"] for entry in export["entries"]] == [entry.id for entry in catalog.entries]
    for entry in catalog.entries:
        assert (build.site / "resources" / entry.id / "index.html").is_file()
    ET.parse(build.site / "feed.xml")
    test_only_http_links_leave_the_site_and_internal_links_resolve(build.site)


def test_home_leads_to_find_your_path(site: Path) -> None:
    links = [(a.get_text(" ", strip=True), a["href"]) for a in soup(site, ".").select("article a")]
    assert ("Find your path", "path/") in links
