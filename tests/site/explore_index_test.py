"""Explore's compact index as plain functions: order, codes, shards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Catalog
from pmgenome.enrich.feed import FeedCheck
from pmgenome.enrich.record import EnrichmentRecord
from pmgenome.site.context import SiteSettings, make_context, newest_first
from pmgenome.site.pages import explore_facets
from pmgenome.site.search.explore import (
    SHARD,
    explore_index,
    ordered,
    summary_shards,
    title_key,
)

from tests.support.sitebuild import fixture_catalog


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    loaded, problems = load_catalog(fixture_catalog(tmp_path_factory.mktemp("explore") / "catalog"))
    assert problems == []
    return loaded


def test_titles_sort_with_case_and_accents_aside() -> None:
    titles = ["eclair", "Zebra", "Éclair", "apple", "École"]
    assert sorted(titles, key=title_key) == ["apple", "eclair", "Éclair", "École", "Zebra"]


def test_the_index_holds_codes_into_the_facets_values(catalog: Catalog) -> None:
    context = make_context(catalog, SiteSettings(use_directory_urls=False), {}, dt.date(2026, 11, 26))
    views = ordered(context)
    index = explore_index(views, explore_facets(catalog), use_directory_urls=False)
    assert index["page"] == "resources/{id}.html"
    assert index["facets"] == ["kind", "segment", "skill", "level", "access", "format", "place", "audience", "training",
                               "time"]
    row = next(row for row in index["entries"] if row[0] == "design-course-cohort")
    decoded = {name: [index["values"][name][code] for code in row[2 + at]] for at, name in enumerate(index["facets"])}
    assert row[1] == "Design Cohort Course"
    assert decoded == {name: list(values) for name, values in context.views["design-course-cohort"].facets.items()}


def test_a_value_without_a_box_is_left_out() -> None:
    @dataclass(frozen=True)
    class Facet:
        name: str
        options: tuple[tuple[str, str, str], ...]

    @dataclass(frozen=True)
    class View:
        id: str
        title: str
        facets: dict
        silence: str | None = None

    index = explore_index([View("a", "A", {"place": ("GB", "XX")})], [Facet("place", (("GB", "GB", "GB"),))])
    assert index["entries"] == [["a", "A", [0]]]


def test_summaries_come_in_shards_in_the_index_order(catalog: Catalog) -> None:
    views = ordered(make_context(catalog, SiteSettings(), {}, dt.date(2026, 11, 26)))
    shards = list(summary_shards(views))
    assert [number for number, _ in shards] == list(range(len(shards)))
    assert [text for _, texts in shards for text in texts] == [view.summary for view in views]
    assert all(len(texts) <= SHARD for _, texts in shards)


def test_the_index_carries_the_newest_first_order_and_the_silent_feeds_notes(catalog: Catalog) -> None:
    feed = FeedCheck("https://fixture.example.com/podcasts/fixture/feed.xml", None, dt.date(2025, 1, 10))
    records = {"fixture-podcast": EnrichmentRecord(url="https://fixture.example.com/podcasts/fixture", feed=feed)}
    context = make_context(catalog, SiteSettings(), records, dt.date(2026, 11, 26))
    views = ordered(context)
    newest = [view.id for view in newest_first(context.views.values())]
    index = explore_index(views, explore_facets(catalog), newest=newest)
    assert [index["entries"][position][0] for position in index["newest"]] == newest
    assert sorted(index["newest"]) == list(range(len(views)))
    first = context.views[newest[0]].entry.added
    assert all((view.entry.added or dt.date.min) <= first for view in views)
    podcast = next(number for number, view in enumerate(views) if view.id == "fixture-podcast")
    assert index["notes"] == {str(podcast): "No new episode since 2025-01-10"}
