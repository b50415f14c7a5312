"""The page builders as plain functions: no MkDocs involved."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import markdown
import pytest
from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Catalog
from pmgenome.enrich.record import EnrichmentRecord
from pmgenome.enrich.store import load_store
from pmgenome.site import pages
from pmgenome.site.context import GeneratedPage, SiteSettings, make_context
from pmgenome.site.enriched import Enriched, read_enrichment
from pmgenome.site.htmlblocks import END, START, put_back, set_aside
from pmgenome.site.pages import generate

from tests.support.sitebuild import fixture_catalog

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    loaded, problems = load_catalog(fixture_catalog(tmp_path_factory.mktemp("pages") / "catalog"))
    assert problems == []
    return loaded


def generated(catalog: Catalog, today: dt.date = TODAY, **settings) -> dict[str, str | bytes]:
    context = make_context(catalog, SiteSettings(**settings), load_store(catalog.root), today)
    files = list(generate(catalog, context))
    uris = [page.src_uri for page in files]
    assert len(uris) == len(set(uris)), "two builders made the same file"
    return {page.src_uri: page.content for page in files}


def test_every_catalog_page_is_generated(catalog: Catalog) -> None:
    expected = {
        "index.md", "segments/index.md", "articles/index.md", "courses/index.md", "meetups/index.md",
        "explore/index.md", "feed.xml", "api/catalog.json",
        "assets/pmgenome/site.css", "assets/pmgenome/explore.js",
        *(f"segments/{segment}.md" for segment in catalog.taxonomy.ids("segments")),
        *(f"resources/{entry.id}.md" for entry in catalog.entries),
    }
    # Other builders (the Find-your-path page) add their own files beside these.
    assert expected <= set(generated(catalog))


def test_a_new_page_is_one_function_and_one_line(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    def build_count(catalog: Catalog, context: pages.SiteContext):
        yield GeneratedPage("count.md", f"# Count\n\n{len(catalog.entries)} resources\n")

    monkeypatch.setattr(pages, "BUILDERS", pages.BUILDERS + (build_count,))
    assert generated(catalog)["count.md"] == "# Count\n\n21 resources\n"


def test_the_next_event_is_shown_only_while_it_is_ahead(catalog: Catalog) -> None:
    now = generated(catalog)
    assert "<dt>Next event</dt>" in now["resources/london-pm-meetup.md"]
    assert "2099-01-15 (Shoreditch &amp; &lt;Hoxton&gt;)" in now["resources/london-pm-meetup.md"]
    assert "Next event" not in now["resources/berlin-pm-meetup.md"]
    later = generated(catalog, today=dt.date(2099, 1, 16))
    assert "Next event" not in later["resources/london-pm-meetup.md"]
    export = json.loads(later["api/catalog.json"])
    london = next(e for e in export["entries"] if e["id"] == "london-pm-meetup")
    assert london["enrichment"] == {"organizer": "Scraped Organizers"}


def test_the_export_follows_the_url_style(catalog: Catalog) -> None:
    export = json.loads(generated(catalog, use_directory_urls=False)["api/catalog.json"])
    assert export["entries"][0]["page"] == "resources/b2b-broad-newest.html"
    assert export["segments"][0]["page"] == "segments/b2b.html"


def test_the_feed_uses_absolute_links_with_a_site_url(catalog: Catalog) -> None:
    feed = generated(catalog, site_url="https://example.org/pm-genome/", feed_size=2)["feed.xml"]
    assert b'<link rel="self" type="application/atom+xml" href="https://example.org/pm-genome/feed.xml" />' in feed
    assert b'href="https://example.org/pm-genome/resources/online-pm-community/"' in feed
    assert feed.count(b"<entry>") == 2


@pytest.mark.parametrize(("record", "expected"), [
    (None, Enriched()),
    ({"meta": "not a mapping"}, Enriched()),
    ({"fetched_at": "2026-11-01T07:00:00Z",
      "meta": {"author": ["a list"], "published": "2024-02-30", "site_name": "  Site\n name  ",
               "reading_minutes": True, "course": "free", "event": {"start_date": 20991231}}},
     Enriched(site_name="Site name", fetched=dt.date(2026, 11, 1))),
    ({"meta": {"reading_minutes": 100000, "author": "x" * 500, "course": {"provider": "P", "price": 3}}},
     Enriched(author="x" * 199 + "…", provider="P")),
    ({"meta": {"reading_minutes": 12, "published": "2024-02-03T10:00:00+02:00",
               "event": {"start_date": "2030-01-02", "location": "Online", "organizer": "O"}}},
     Enriched(reading_minutes=12, published=dt.date(2024, 2, 3), event_start=dt.date(2030, 1, 2),
              event_location="Online", organizer="O")),
])
def test_enrichment_values_are_checked_before_use(record: dict | None, expected: Enriched) -> None:
    assert read_enrichment(None if record is None else EnrichmentRecord.from_json(record)) == expected


def test_an_empty_catalog_still_makes_a_site(tmp_path: Path) -> None:
    root = fixture_catalog(tmp_path / "catalog")
    for path in root.glob("*/*.yaml"):
        path.unlink()
    (root / "picks.yaml").unlink()
    catalog, problems = load_catalog(root)
    assert problems == []
    files = generated(catalog)
    assert "Nothing yet: the catalog is empty." in files["index.md"]
    assert json.loads(files["api/catalog.json"])["entries"] == []
    assert b"<updated>1970-01-01T00:00:00Z</updated>" in files["feed.xml"]


# The extensions mkdocs.yml enables.
EXTENSIONS = ["toc", "attr_list", "tables", "fenced_code"]


def test_html_blocks_skip_markdown_without_changing_any_page(catalog: Catalog) -> None:
    checked = 0
    for src_uri, content in generated(catalog).items():
        if not src_uri.endswith(".md"):
            continue
        body = content.split("\n---\n", 1)[1] if content.startswith("---\n") else content
        whole = markdown.markdown(body, extensions=EXTENSIONS).replace(f"{START}\n", "").replace(f"\n{END}", "")
        aside, blocks = set_aside(body)
        assert START not in aside and END not in aside
        assert put_back(markdown.markdown(aside, extensions=EXTENSIONS), blocks) == whole, src_uri
        checked += bool(blocks)
    assert checked >= len(catalog.entries)


def test_set_aside_and_put_back() -> None:
    text = f"# T\n\n{START}\n<p>a</p>\n{END}\n\nmiddle\n\n{START}\n<p>b</p>\n{END}\n\n{START}\n<p>unclosed</p>\n"
    aside, blocks = set_aside(text)
    assert aside == ('# T\n\n<div data-pmgenome-slot="0"></div>\n\nmiddle\n\n<div data-pmgenome-slot="1"></div>\n\n'
                     f"{START}\n<p>unclosed</p>\n")
    assert blocks == ["<p>a</p>", "<p>b</p>"]
    assert put_back('<div data-pmgenome-slot="1"></div><div data-pmgenome-slot="0"></div>', blocks) == "<p>b</p><p>a</p>"
    assert set_aside("no blocks") == ("no blocks", [])


def test_a_segment_page_names_its_skills_with_their_aliases(catalog: Catalog) -> None:
    pages_by_uri = generated(catalog)
    assert ('<p class="pmg-flavour">Skills that go deep here: Go-to-market and sales (GTM), '
            'Pricing and packaging.</p>') in pages_by_uri["segments/b2b.md"]
    assert ('<p class="pmg-flavour">Skills that go deep here: Experimentation (A/B testing, split testing), '
            'Technical fluency, Data and AI products (ML).</p>') in pages_by_uri["segments/technical.md"]
