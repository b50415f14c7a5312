"""The scaffolder's pieces: ids from titles, never replacing a file, YAML scalars that read back as written."""

from __future__ import annotations

import pytest
from pmgenome.catalog.model import Kind
from pmgenome.enrich.scaffold import (
    choose_id,
    create_entry,
    slugify,
    yaml_scalar,
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
