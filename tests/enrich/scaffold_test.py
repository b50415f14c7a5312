"""The scaffolder's pieces: ids from titles, never replacing a file, YAML scalars that read back as written."""

from __future__ import annotations

import pytest
from pmgenome.catalog.model import Kind
from pmgenome.enrich.draft import place, yaml_scalar
from pmgenome.enrich.scaffold import (
    NoFreeName,
    choose_id,
    create_entry,
    landing_doubt,
    slugify,
)


@pytest.mark.parametrize("title, expected", [
    ("Good Product Manager/Bad Product Manager", "good-product-manager-bad-product-manager"),
    ("  Ça va? Déjà vu!  ", "ca-va-deja-vu"),
    ("The 10 Best Ways to Write a Product Strategy That Your Whole Company Will Actually Read",
     "the-10-best-ways-to-write-a-product-strategy-that-your-whole"),
    ("Продакт", ""),
])
def test_slugify(title, expected):
    assert slugify(title) == expected


def test_ids_fall_back_to_the_url_and_then_count_up():
    assert choose_id("Продакт", "https://example.org/blog/pm-basics.html", set()) == "pm-basics"
    assert choose_id(None, "https://www.example.org/", set()) == "example-org"
    assert choose_id("Roadmaps", "https://example.org/", {"roadmaps", "roadmaps-2"}) == "roadmaps-3"


def test_create_entry_never_replaces_a_file(tmp_path):
    create_entry(tmp_path, Kind.ARTICLE, "x", "first\n")
    with pytest.raises(FileExistsError):
        create_entry(tmp_path, Kind.ARTICLE, "x", "second\n")
    assert (tmp_path / "articles" / "x.yaml").read_text() == "first\n"


@pytest.mark.parametrize("value, written", [
    ("Good PM, Bad PM", "Good PM, Bad PM"),
    ("no", '"no"'),
    ("2020-01-01", '"2020-01-01"'),
    ("Roadmaps: a guide", '"Roadmaps: a guide"'),
    ("#1 rule", '"#1 rule"'),
    ("“Curly” quotes", "“Curly” quotes"),
])
def test_yaml_scalars_read_back_as_written(value, written):
    assert yaml_scalar(value) == written


@pytest.mark.parametrize("location, expected", [
    ("Lisbon, PT", ("Lisbon", "PT")),
    ("The Tech Hub, Leeds, GB", ("Leeds", "GB")),
    ("Rua Augusta 10, Lisboa, Portugal", (None, None)),
    ("Somewhere, ZZ", (None, None)),
    ("Online", (None, None)),
    (None, (None, None)),
])
def test_place_reads_city_and_country_from_an_event_location(location, expected):
    assert place(location) == expected


@pytest.mark.parametrize("value, written", [
    ("2026-13-45", '"2026-13-45"'),
    ("2026-01-02", '"2026-01-02"'),
    ("12:30:00", '"12:30:00"'),
])
def test_date_and_time_like_text_is_quoted(value, written):
    assert yaml_scalar(value) == written


def test_choose_id_never_picks_a_reserved_id():
    assert choose_id("Index", "https://example.org/", set()) == "index-2"


def test_choose_id_gives_up_with_a_reason():
    taken = {"x"} | {f"x-{n}" for n in range(2, 1000)}
    with pytest.raises(NoFreeName, match="no free id for 'x': x-2 to x-999 are all taken"):
        choose_id("x", "https://example.org/", taken)


HOME = "a home page, not the page asked for"
PARENT = "a parent of the page asked for"


@pytest.mark.parametrize("asked, landed, doubt", [
    ("https://example.org/blog/post", "https://example.org/", HOME),
    ("https://example.org/blog/post", "https://www.example.org/index.html", HOME),
    ("https://example.org/blog/post", "https://registrar.example/", HOME),
    ("https://example.org/blog/2024/post", "https://example.org/blog/", PARENT),
    ("https://example.org/blog/2024/post", "https://example.org/blog/2024", PARENT),
    ("https://example.org/blog/post", "https://example.org/blog/post/", None),  # the same page
    ("http://example.org/blog/post", "https://www.example.org/blog/post", None),
    ("https://example.org/short/abc", "https://example.org/articles/feature-factory", None),  # a page of its own
    ("https://example.org/blog/post", "https://other.example/blog", None),  # another site's section
    ("https://example.org/blog/post", "https://example.org/?p=123", None),  # a query names a page
    ("https://example.org/blog/post", "https://example.org/?utm_source=gone", HOME),  # not a campaign's
    ("https://example.org/", "https://example.org/en/", None),  # a home page may move anywhere
    # The link checker's reading of a path (urls.page_segments): a language prefix is no page.
    ("https://example.org/blog/post", "https://example.org/pt-br/", HOME),
    ("https://example.org/en/blog/2024/post", "https://example.org/blog/", PARENT),
    ("https://example.org/blog/post", "https://example.org/blog/post/index.php", None),
])
def test_landing_doubt(asked, landed, doubt):
    assert landing_doubt(asked, landed) == doubt
