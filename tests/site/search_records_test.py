"""What each page gives the search index (plain functions), and Pagefind run over real records."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Catalog
from pmgenome.site.context import SiteSettings, make_context
from pmgenome.site.pages import explore_facets
from pmgenome.site.search import index as search_index
from pmgenome.site.search.index import MEMORY_FS, SearchIndex, SearchIndexError
from pmgenome.site.search.records import PageRecords, Record, filter_labels, page_record

from tests.support.sitebuild import fixture_catalog

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    loaded, problems = load_catalog(fixture_catalog(tmp_path_factory.mktemp("search") / "catalog"))
    assert problems == []
    return loaded


@pytest.fixture(scope="module")
def records(catalog: Catalog) -> PageRecords:
    context = make_context(catalog, SiteSettings(), {}, TODAY)
    return PageRecords.of(context.views.values(), explore_facets(catalog), catalog.taxonomy)


def test_the_filters_are_kind_segment_level_and_access(catalog: Catalog) -> None:
    labels = filter_labels(explore_facets(catalog))
    assert list(labels) == ["kind", "segment", "level", "access"]
    assert labels["kind"] == {"article": "Article", "book": "Book", "course": "Course", "podcast": "Podcast",
                              "newsletter": "Newsletter", "video": "Video", "meetup": "Meetup"}
    assert list(labels["access"]) == ["free", "signup", "freemium", "paywalled", "paid"]


def test_a_resource_page_gives_its_title_summary_skills_and_facts_weighted_and_its_filters(
        records: PageRecords) -> None:
    record = records.record("resources/design-course-cohort.md", "resources/design-course-cohort/index.html",
                            "ignored", "<p>ignored</p>", {"title": "ignored"})
    assert record is not None
    assert record.dest_uri == "resources/design-course-cohort/index.html"
    # The summary says "user research": its alias follows it, at the summary's weight; the
    # skills, with their aliases, weigh more than the summary.
    assert record.html.startswith(
        '<!doctype html><html lang="en"><body><main data-pagefind-body>'
        '<h1 data-pagefind-weight="10" data-pagefind-meta="title">Design Cohort Course</h1>'
        '<p data-pagefind-weight="4">A fixture course taught in person to a cohort, for design-led and consumer '
        'product managers who want structured practice in user research with peers.</p>'
        '<p data-pagefind-weight="4">UXR</p>'
        '<p data-pagefind-weight="7">User research methods · UXR</p>'
        '<p data-pagefind-weight="2">')
    hidden = record.html[record.html.index("<div data-pagefind-ignore>"):]
    assert hidden == (
        '<div data-pagefind-ignore><span data-pagefind-filter="kind">Course</span>'
        '<span data-pagefind-filter="segment">Design-led</span><span data-pagefind-filter="segment">B2C</span>'
        '<span data-pagefind-filter="level">Experienced PM</span>'
        '<span data-pagefind-filter="access">Paid</span>'
        '<span data-pagefind-meta="kind">Course</span><span data-pagefind-meta="level">Experienced PM</span>'
        '</div></main></body></html>\n')


def test_strangers_text_is_escaped_in_a_record(records: PageRecords) -> None:
    record = records.record("resources/closing-tags.md", "resources/closing-tags/index.html", "", "", {})
    assert record is not None
    assert ('<h1 data-pagefind-weight="10" data-pagefind-meta="title">&lt;/title&gt;&lt;details open '
            'ontoggle=alert(document.domain)&gt;Closing tags</h1>') in record.html
    assert "<details" not in record.html


def test_another_page_gives_its_title_and_body_and_an_excluded_page_nothing(records: PageRecords) -> None:
    about = records.record("about.md", "about/index.html", "About &amp; <em>us</em>", "<h2 id='x'>Who</h2>", {})
    assert about == Record("about/index.html",
                           '<!doctype html><html lang="en"><body><main data-pagefind-body><h2 id=\'x\'>Who</h2>'
                           '<div data-pagefind-ignore><span data-pagefind-meta="title">About &amp; us</span></div>'
                           '</main></body></html>\n')
    assert records.record("explore/index.md", "explore/index.html", "Explore", "", {"search": {"exclude": True}}) is None
    assert records.record("segments/b2b.md", "segments/b2b/index.html", "B2B", "", {"search": {"exclude": True}}) is None
    assert records.record("about.md", "about/index.html", "About", "", {"search": {"exclude": "no"}}) is not None


@pytest.mark.parametrize("staged", [False, True], ids=["written-in-place", "staged-in-memory"])
def test_pagefind_indexes_the_records_and_drops_its_unused_interfaces(tmp_path: Path, staged: bool,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # A large site's index is written to memory first and copied in: the same files either way.
    if staged and not (MEMORY_FS.is_dir() and os.access(MEMORY_FS, os.W_OK)):
        pytest.skip(f"{MEMORY_FS} is not a writable folder here")
    monkeypatch.setattr(search_index, "STAGE_FROM", 1 if staged else 10**9)
    index = SearchIndex()
    try:
        index.add(page_record("One", "<p>quokka</p>", "one/index.html"))
        index.add(page_record("Two", "<p>wombat</p><ul data-search-exclude><li>zebra</li></ul>", "two/index.html"))
        indexed = index.write(tmp_path / "site")
    finally:
        index.close()
    assert indexed.pages == 2
    assert sorted(path.name for path in indexed.output.iterdir() if path.is_file() and "pf_meta" not in path.name) == [
        "pagefind-entry.json", "pagefind-worker.js", "pagefind.js", "wasm.en.pagefind"]
    entry = json.loads((indexed.output / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == 2
    assert len(list((indexed.output / "fragment").iterdir())) == 2
    assert not index.root.exists()
    assert (index._staging is not None) == staged  # the path this case is about was taken
    if MEMORY_FS.is_dir():
        assert list(MEMORY_FS.glob("pmgenome-pagefind-*")) == []  # and its scratch is gone


def test_pagefind_failing_is_a_clear_error(tmp_path: Path) -> None:
    index = SearchIndex()
    try:
        with pytest.raises(SearchIndexError) as raised:
            index.write(tmp_path / "site")
    finally:
        index.close()
    message = str(raised.value)
    assert message.startswith("pmgenome: Pagefind failed (exit 1) indexing 0 pages:\n")
    assert "Pagefind was not able to build an index" in message


@pytest.mark.parametrize("dest_uri", ["../escape/index.html", "a/../../escape.html", "/etc/escape.html",
                                      "a\\..\\..\\escape.html", ""])
def test_a_record_cannot_leave_the_scratch_folder(dest_uri: str) -> None:
    index = SearchIndex()
    try:
        with pytest.raises(SearchIndexError) as raised:
            index.add(page_record("x", "", dest_uri))
        assert list(index.root.parent.glob("escape*")) == []
    finally:
        index.close()
    assert str(raised.value) == f"pmgenome: a page's output path leaves the site: {dest_uri}"


def test_records_land_at_their_pages_paths() -> None:
    index = SearchIndex()
    try:
        for uri in ("index.html", "resources/a/index.html", "resources/b/index.html"):
            index.add(page_record("x", "<p>y</p>", uri))
        written = sorted(path.relative_to(index.root).as_posix() for path in index.root.rglob("*.html"))
    finally:
        index.close()
    assert written == ["index.html", "resources/a/index.html", "resources/b/index.html"]


def test_the_skills_are_said_once_in_a_record_at_their_own_weight(records: PageRecords) -> None:
    record = records.record("resources/b2b-pick-one.md", "resources/b2b-pick-one/index.html", "", "", {})
    assert record is not None
    assert record.html.count("Go-to-market and sales") == 1
    assert '<p data-pagefind-weight="7">Strategy and vision · Go-to-market and sales · GTM</p>' in record.html


def test_a_timed_resources_result_says_how_long_it_takes(records: PageRecords) -> None:
    # Issue 19: lengths on cards, resource pages and search results alike.
    record = records.record("resources/design-course-pick.md", "resources/design-course-pick/index.html",
                            "ignored", "<p>ignored</p>", {"title": "ignored"})
    assert record is not None
    assert record.html.endswith('<span data-pagefind-meta="length">20 h</span></div></main></body></html>\n')
