"""Top lists: the picks in their order, then the documented fill rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Catalog, Kind
from pmgenome.catalog.ranking import FILL_RULE, top, tops

from tests.support.sitebuild import fixture_catalog


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    loaded, problems = load_catalog(fixture_catalog(tmp_path_factory.mktemp("ranking") / "catalog"))
    assert problems == []
    return loaded


def ranked(catalog: Catalog, segment: str, kind: Kind, n: int = 5) -> list[tuple[str, bool]]:
    return [(r.entry.id, r.pick) for r in top(catalog, segment, kind, n)]


def test_picks_come_first_in_their_order_then_the_fill_rule(catalog: Catalog) -> None:
    # Focused-and-new beats the two ties (older), which the id orders; focused-old and the
    # three-segment newest article fall outside the five.
    assert ranked(catalog, "b2b", Kind.ARTICLE) == [
        ("b2b-pick-one", True), ("b2b-pick-two", True), ("b2b-focused-new", False),
        ("b2b-tie-alpha", False), ("b2b-tie-beta", False),
    ]


def test_fewest_segments_beats_most_recent(catalog: Catalog) -> None:
    assert ranked(catalog, "b2c", Kind.ARTICLE) == [
        ("pricing-packaging", False), ("b2b-pick-two", False), ("b2b-broad-newest", False),
    ]


def test_a_pick_outranks_a_newer_candidate(catalog: Catalog) -> None:
    assert ranked(catalog, "design", Kind.COURSE) == [("design-course-pick", True), ("design-course-cohort", False)]
    assert ranked(catalog, "b2b", Kind.MEETUP) == [("manchester-pm-meetup", True), ("london-pm-meetup", False)]


def test_a_pick_is_only_a_pick_in_its_own_segment(catalog: Catalog) -> None:
    assert ranked(catalog, "b2b", Kind.COURSE) == [("design-course-pick", False)]


def test_an_empty_segment_and_kind_has_an_empty_list(catalog: Catalog) -> None:
    assert ranked(catalog, "design", Kind.ARTICLE) == []


def test_n_cuts_picks_and_fill_alike(catalog: Catalog) -> None:
    assert ranked(catalog, "b2b", Kind.ARTICLE, n=1) == [("b2b-pick-one", True)]
    assert ranked(catalog, "b2b", Kind.ARTICLE, n=3)[2] == ("b2b-focused-new", False)


def test_picks_that_do_not_fit_are_skipped(tmp_path: Path) -> None:
    # The validator refuses such picks; ranking must still not show them, nor repeat one.
    root = fixture_catalog(tmp_path / "catalog")
    (root / "picks.yaml").write_text(
        "b2b:\n  article: [{id: no-such-entry}, {id: design-course-pick}, {id: pricing-packaging},"
        " {id: b2b-tie-beta}, {id: b2b-tie-beta}]\n",
        encoding="utf-8")
    catalog, _ = load_catalog(root)
    assert ranked(catalog, "b2b", Kind.ARTICLE) == [
        ("b2b-tie-beta", True), ("b2b-focused-new", False), ("b2b-tie-alpha", False),
        ("b2b-pick-one", False), ("b2b-focused-old", False),
    ]


def test_tops_covers_every_segment_and_kind(catalog: Catalog) -> None:
    result = tops(catalog, 5)
    assert list(result) == ["b2b", "b2c", "technical", "design"]
    assert all(list(kinds) == list(Kind) for kinds in result.values())


def test_the_rule_is_stated_in_words() -> None:
    assert FILL_RULE == (
        "The curators' picks come first, in their chosen order. When a segment has fewer than "
        "five picks of a kind, the list is filled with the other resources of that segment and "
        "kind: those written for the fewest segments first (the most focused), then the most "
        "recently added, then by id in alphabetical order.")
