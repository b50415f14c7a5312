"""catalog/gaps.py: which entries lack a fact, and how far a share is from its goal."""

from __future__ import annotations

from pathlib import Path

from pmgenome.catalog.gaps import FACTS, Coverage, coverage, fact_named
from pmgenome.catalog.model import Kind
from pmgenome.catalog.validate import validate_catalog

from tests.support.catalogs import VALID_ARTICLE, CatalogDir


def test_an_entry_lacks_a_fact_until_it_gives_it(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("articles/timed.yaml", VALID_ARTICLE.replace(
        "title: Good Product Manager/Bad Product Manager", "title: Timed").replace(
        "https://a16z.com/good-product-manager-bad-product-manager/", "https://example.org/timed")
        + "time: {minutes: 12, source: stated}\nyear: 2012\n")
    catalog_dir.write("articles/untimed.yaml", VALID_ARTICLE)
    catalog, problems = validate_catalog(Path("catalog"))
    assert problems == []
    time = coverage(catalog, fact_named("time"))
    assert (time.having, time.of, [entry.id for entry in time.lacking]) == (1, 2, ["untimed"])
    date = coverage(catalog, fact_named("date"))
    assert [entry.id for entry in date.lacking] == ["untimed"]
    # Facts of other kinds apply to none of these entries, so nothing is short of them.
    publisher = coverage(catalog, fact_named("publisher"))
    assert (publisher.of, publisher.share, publisher.short_of_goal) == (0, 1.0, 0)


def test_how_many_more_is_counted_exactly() -> None:
    time, date = fact_named("time"), fact_named("date")
    # 80% of 245 is 196 exactly: floats would make it 196.00000000000003 and ask for one too many.
    assert Coverage(date, 190, tuple([None] * 55)).short_of_goal == 6  # type: ignore[list-item]
    assert Coverage(time, 350, tuple([None] * 93)).short_of_goal == 71  # type: ignore[list-item]
    assert Coverage(time, 440, ()).short_of_goal == 0


def test_facts_have_unique_names_and_apply_to_real_kinds() -> None:
    names = [fact.name for fact in FACTS]
    assert len(names) == len(set(names))
    assert all(fact.kinds and set(fact.kinds) <= set(Kind) for fact in FACTS)
    # Meetups and programs are places and schemes, not sittings: they take no time.
    assert not {Kind.MEETUP, Kind.PROGRAM} & set(fact_named("time").kinds)
