"""The new kinds (book, podcast, newsletter, video) against the schema: fixtures that pass, and
fixtures with a mistake in every field a kind adds, each reported word for word at its place."""

from __future__ import annotations

import shutil

import pytest
from pmgenome.catalog import schema as entry_schema
from pmgenome.catalog.model import Kind
from pmgenome.catalog.validate import validate_catalog

from tests.support.catalogs import REPO, CatalogDir

SITE_FIXTURES = REPO / "tests" / "fixtures" / "site" / "catalog"
INVALID = REPO / "tests" / "fixtures" / "entries" / "invalid"
NEW_KINDS = (Kind.BOOK, Kind.PODCAST, Kind.NEWSLETTER, Kind.VIDEO)


def problems_of(catalog_dir: CatalogDir) -> list[str]:
    _, problems = validate_catalog(catalog_dir.root)
    return [str(problem) for problem in problems]


@pytest.mark.parametrize("kind", NEW_KINDS)
def test_a_full_entry_of_each_new_kind_is_valid(catalog_dir: CatalogDir, kind: Kind) -> None:
    shutil.copytree(SITE_FIXTURES / kind.folder, catalog_dir.root / kind.folder)
    catalog, problems = validate_catalog(catalog_dir.root)
    assert [str(problem) for problem in problems] == []
    assert [entry.kind for entry in catalog.entries] == [kind]


INVALID_MESSAGES = {
    Kind.BOOK: [
        "catalog/books/bad-book.yaml:8:9: 'bought' is not a valid access; "
        "choose from free, signup, freemium, paywalled, paid",
        "catalog/books/bad-book.yaml:11:10: 'authors' must be a list, like [Teresa Torres]",
        "catalog/books/bad-book.yaml:12:7: 'year' must be a year from 1900 to 2100, not 17",
        "catalog/books/bad-book.yaml:13:12: 'publisher' contains HTML (<b>); write plain text",
        "catalog/books/bad-book.yaml:14:7: '12-34' is not an ISBN; write its 10 or 13 digits, with or without hyphens",
    ],
    Kind.PODCAST: [
        "catalog/podcasts/bad-podcast.yaml:11:7: 'host' still holds a placeholder: replace it with your own words",
        "catalog/podcasts/bad-podcast.yaml:12:10: 'biweekly' is not a valid cadence (did you mean 'weekly'?); "
        "choose from daily, weekly, fortnightly, monthly, irregular, ended",
        "catalog/podcasts/bad-podcast.yaml:14:3: 'episodes' lists 6; keep it to the 5 best",
        "catalog/podcasts/bad-podcast.yaml:14:5: 'episodes[0]' needs a 'url'",
        "catalog/podcasts/bad-podcast.yaml:16:10: URL must be absolute and start with https:// or http://",
        "catalog/podcasts/bad-podcast.yaml:20:48: unknown field 'guest' in 'episodes[5]'; use only title and url",
    ],
    Kind.NEWSLETTER: [
        "catalog/newsletters/bad-newsletter.yaml:2:1: missing required field 'author'",
        "catalog/newsletters/bad-newsletter.yaml:10:11: 'reviewed' is in the future (2999-01-01)",
        "catalog/newsletters/bad-newsletter.yaml:12:9: 'issues' needs at least one item",
        "catalog/newsletters/bad-newsletter.yaml:13:1: unknown field 'host' for a newsletter (did you mean 'author'?)",
    ],
    Kind.VIDEO: [
        "catalog/videos/bad-video.yaml:1:1: the first line must be '# yaml-language-server: "
        "$schema=../../scripts/pmgenome/schema/video.schema.json' so editors can check the fields as you type",
        "catalog/videos/bad-video.yaml:2:1: missing required field 'access'",
        "catalog/videos/bad-video.yaml:2:1: missing required field 'reviewed'",
        "catalog/videos/bad-video.yaml:2:1: missing required field 'speaker'",
        "catalog/videos/bad-video.yaml:10:17: 'time.minutes' is 1.5: write a whole number; if you meant 1.5 hours, "
        "write time: {minutes: 90, source: stated}",
        "catalog/videos/bad-video.yaml:11:12: impossible date 2026-02-30 (use a real day, YYYY-MM-DD)",
    ],
}


@pytest.mark.parametrize("kind", NEW_KINDS)
def test_every_mistake_of_a_new_kind_is_reported_at_its_place(catalog_dir: CatalogDir, kind: Kind) -> None:
    shutil.copytree(INVALID / kind.folder, catalog_dir.root / kind.folder)
    assert problems_of(catalog_dir) == INVALID_MESSAGES[kind]


def test_authors_and_episode_titles_are_plain_text_without_placeholders(catalog_dir: CatalogDir) -> None:
    text = (SITE_FIXTURES / "podcasts" / "fixture-podcast.yaml").read_text(encoding="utf-8")
    catalog_dir.write("podcasts/fixture-podcast.yaml", text.replace("title: Episode 2", "title: '**Episode 2**'"))
    catalog_dir.write("books/fixture-book.yaml", (SITE_FIXTURES / "books" / "fixture-book.yaml").read_text(
        encoding="utf-8").replace("Ada Author", "TODO the first author"))
    assert problems_of(catalog_dir) == [
        "catalog/books/fixture-book.yaml:14:11: 'authors[0]' still holds a placeholder: replace it with your own words",
        "catalog/podcasts/fixture-podcast.yaml:19:12: 'episodes[1].title' contains Markdown emphasis (**Episode 2**); "
        "write plain text",
    ]


# A program is applied to, not read or attended: how a reader gets it (access) does not apply.
RESOURCE_KINDS = [kind for kind in Kind if kind is not Kind.PROGRAM]


@pytest.mark.parametrize("kind", RESOURCE_KINDS)
def test_access_and_reviewed_are_required_for_every_kind_and_cost_is_gone(kind: Kind) -> None:
    assert {"access", "reviewed"} <= set(entry_schema.required_fields(kind))
    assert "cost" not in entry_schema.field_names(kind)


def test_a_program_requires_reviewed_and_has_no_access() -> None:
    assert "reviewed" in entry_schema.required_fields(Kind.PROGRAM)
    assert {"access", "cost"}.isdisjoint(entry_schema.field_names(Kind.PROGRAM))


def test_a_kind_without_entries_is_no_problem(catalog_dir: CatalogDir) -> None:
    # Folders of every kind may be missing or empty: a small catalog starts with articles only.
    assert not any((catalog_dir.root / kind.folder).exists() for kind in NEW_KINDS)
    assert problems_of(catalog_dir) == []


def test_schema_fixture_folders_hold_one_file_per_new_kind() -> None:
    assert sorted(path.relative_to(INVALID).as_posix() for path in INVALID.rglob("*.yaml")) == [
        "books/bad-book.yaml", "newsletters/bad-newsletter.yaml", "podcasts/bad-podcast.yaml",
        "videos/bad-video.yaml"]


@pytest.mark.parametrize(("isbn", "message"), [
    ("978-1736633305", "'978-1736633305' is not a valid ISBN: its last digit should be 4 for the digits before it"),
    ("0-8044-2957-1", "'0-8044-2957-1' is not a valid ISBN: its last digit should be X for the digits before it"),
    ("978-1736633304", None),  # Continuous Discovery Habits
    ("0465050654", None),  # The Design of Everyday Things, as an ISBN-10
    ("0-8044-2957-X", None),  # an ISBN-10 whose check digit is X
])
def test_an_isbn_with_a_mistyped_digit_is_caught_by_its_check_digit(catalog_dir: CatalogDir, isbn: str,
                                                                     message: str | None) -> None:
    text = (SITE_FIXTURES / "books" / "fixture-book.yaml").read_text(encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), 1) if row.startswith("isbn:"))
    catalog_dir.write("books/fixture-book.yaml", text.replace(text.splitlines()[line - 1], f'isbn: "{isbn}"'))
    assert problems_of(catalog_dir) == ([] if message is None else [
        f"catalog/books/fixture-book.yaml:{line}:7: {message}; a digit is likely mistyped, so copy the ISBN again "
        "from the book's page"])


@pytest.mark.parametrize(("kind", "feed", "message"), [
    (Kind.PODCAST, "ftp://fixture.example.com/feed.xml",
     "the feed's URL must be absolute and start with https:// or http://"),
    (Kind.NEWSLETTER, "https://localhost/feed", "the feed's URL host 'localhost' is not a public domain name"),
    (Kind.PODCAST, "https://fixture.example.com/feed.xml?utm_source=x",
     "the feed's URL carries tracking parameters (utm_source); write it without them: "
     "https://fixture.example.com/feed.xml"),
    (Kind.NEWSLETTER, "https://fixture.example.com/feed", None),
])
def test_a_feed_is_an_http_address_checked_as_a_page_url_is(catalog_dir: CatalogDir, kind: Kind, feed: str,
                                                             message: str | None) -> None:
    name = f"{kind.folder}/fixture-{kind.value}.yaml"
    text = (SITE_FIXTURES / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("feed:")]
    lines.insert(3, f"feed: {feed}\n")  # after title and url, as the shipped entries write it
    catalog_dir.write(name, "".join(lines))
    assert problems_of(catalog_dir) == ([] if message is None else [f"catalog/{name}:4:7: {message}"])


def test_only_podcasts_and_newsletters_have_a_feed(catalog_dir: CatalogDir) -> None:
    text = (SITE_FIXTURES / "books" / "fixture-book.yaml").read_text(encoding="utf-8")
    catalog_dir.write("books/fixture-book.yaml", text + "feed: https://fixture.example.com/feed\n")
    line = len(text.splitlines()) + 1
    assert problems_of(catalog_dir) == [f"catalog/books/fixture-book.yaml:{line}:1: unknown field 'feed' for a book"]
