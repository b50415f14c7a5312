"""The shipped catalog's depth (issue 26) and its time and outcomes (issue 19): floors measured on
the catalog as curated, raised as entries are placed. Each figure is what stored public material
supported when it was last measured; the issue's own target is named beside it where it is higher."""

from __future__ import annotations

from collections import Counter

import pytest
from pmgenome.catalog.gaps import coverage, fact_named
from pmgenome.catalog.model import Kind

from tests.support.catalogs import shipped

CATALOG, _ = shipped()
SEGMENTS = CATALOG.taxonomy.ids("segments")
PICKED_KINDS = [kind for kind in Kind if kind is not Kind.PROGRAM]
ENTRIES = CATALOG.entries

MIN_ENTRIES = 545  # issue 26 asks for 500; 548 measured on 2026-12-06
MIN_PER_SEGMENT_AND_KIND = 10  # twice the top five each pool is chosen from
MIN_OTHER_LANGUAGES, MIN_LANGUAGES = 37, 10  # issue 26: 25 in 5; measured 37 in 10
MIN_PRICING, MIN_EXPERIMENTATION = 36, 54  # issue 26: 25 each; measured 36 and 54
MIN_OUTCOMES_SHARE = 0.8
# Issue 26 asks for 80% of articles and videos with a day or a year, and a publisher on every
# book; issue 19 for a time on 95% of the entries used in a sitting. Measured on 2026-12-06, after
# five passes over stored public material: 204 of 244 dated (84%), 69 of 69 books with a publisher,
# 64 with an ISBN (Shape Up has none; four editions' ISBNs could not be placed). Timed: 370 of 443
# (83.5%) after seven passes; most course, book and newsletter pages are not stored, nor are the
# lengths of the rest (`pmgenome gaps --fact time` lists them).
# Raise these as entries are placed; never by guessing a figure.
MIN_DATED_SHARE = 0.83
MIN_TIMED_SHARE = 0.83
MIN_BOOKS_WITH_ISBN = 64


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def test_the_catalog_holds_at_least_its_measured_entries() -> None:
    assert len(ENTRIES) >= MIN_ENTRIES, len(ENTRIES)


@pytest.mark.parametrize("segment", SEGMENTS)
@pytest.mark.parametrize("kind", PICKED_KINDS)
def test_every_top_five_is_chosen_from_at_least_ten(segment: str, kind: Kind) -> None:
    pool = [entry.id for entry in CATALOG.of_kind(kind) if segment in entry.segments]
    assert len(pool) >= MIN_PER_SEGMENT_AND_KIND, f"{segment}/{kind.value}: {len(pool)}"


def test_no_resource_is_a_pick_of_its_kind_in_more_than_two_segments() -> None:
    picked = Counter((kind, entry_id) for kinds in CATALOG.picks.values() for kind, ids in kinds.items()
                     for entry_id in ids)
    assert [pick for pick, count in picked.items() if count > 2] == []


def test_every_pick_and_most_entries_say_what_they_teach() -> None:
    picked = {entry_id for kinds in CATALOG.picks.values() for ids in kinds.values() for entry_id in ids}
    assert [entry_id for entry_id in sorted(picked) if not CATALOG.by_id[entry_id].outcomes] == []
    assert coverage(CATALOG, fact_named("outcomes")).share >= MIN_OUTCOMES_SHARE


def test_entries_used_in_a_sitting_say_how_long_they_take() -> None:
    timed = coverage(CATALOG, fact_named("time"))  # `pmgenome gaps --fact time` lists the rest
    assert timed.share >= MIN_TIMED_SHARE, f"{timed.having} of {timed.of}"
    # A time is never written where it cannot be used: meetups and programs take none.
    assert [entry.id for entry in ENTRIES if entry.kind in (Kind.MEETUP, Kind.PROGRAM) and "time" in entry.fields] == []


def test_articles_and_videos_give_their_day_or_year() -> None:
    dated = coverage(CATALOG, fact_named("date"))
    assert dated.share >= MIN_DATED_SHARE, f"{dated.having} of {dated.of}"
    writing = [entry for entry in ENTRIES if entry.kind in (Kind.ARTICLE, Kind.VIDEO)]
    assert [entry.id for entry in writing if entry.published is not None and entry.year is not None] == []


def test_books_give_their_editions_year_publisher_and_most_their_isbn() -> None:
    books = CATALOG.of_kind(Kind.BOOK)
    assert [entry.id for entry in books if entry.year is None] == []
    assert [entry.id for entry in coverage(CATALOG, fact_named("publisher")).lacking] == []
    assert coverage(CATALOG, fact_named("isbn")).having >= MIN_BOOKS_WITH_ISBN


def test_entries_in_other_languages_span_several() -> None:
    others = [entry for entry in ENTRIES if entry.language and entry.language.split("-")[0] != "en"]
    languages = {entry.language.split("-")[0] for entry in others if entry.language}
    assert len(others) >= MIN_OTHER_LANGUAGES, len(others)
    assert len(languages) >= MIN_LANGUAGES, sorted(languages)


def test_pricing_and_experimentation_have_depth() -> None:
    assert sum("pricing" in entry.skills for entry in ENTRIES) >= MIN_PRICING
    assert sum("experimentation" in entry.skills for entry in ENTRIES) >= MIN_EXPERIMENTATION
