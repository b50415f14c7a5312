"""The field's words for search (site/search/vocabulary.py): other forms beside a text, and
what the search box offers when no page holds every word."""

from __future__ import annotations

from pathlib import Path

from pmgenome.catalog.model import Kind
from pmgenome.catalog.taxonomy import load_taxonomy
from pmgenome.site.search.vocabulary import (
    Thesaurus,
    normalized,
    synonyms,
    vocabulary_json,
)

SHIPPED = Path(__file__).resolve().parents[2] / "catalog" / "taxonomy.yaml"
TAXONOMY, _ = load_taxonomy(SHIPPED)
THESAURUS = Thesaurus(synonyms(TAXONOMY))


def test_joined_words_compare_as_one_phrase() -> None:
    assert normalized("  Product/Market-FIT\u2013ness ") == "product market fit ness"


def test_a_term_brings_its_abbreviation_and_an_abbreviation_its_term() -> None:
    assert THESAURUS.other_forms("How Superhuman Built an Engine to Find Product/Market Fit") == ["PMF"]
    assert THESAURUS.other_forms("Finding PMF fast") == ["product-market fit", "product/market fit"]
    assert THESAURUS.other_forms("OKRs and Product Roadmaps") == ["objectives and key results", "OKR"]


def test_a_plural_counts_and_a_word_inside_another_does_not() -> None:
    assert THESAURUS.other_forms("Intro to Large Language Models") == ["LLM", "LLMs"]
    assert THESAURUS.other_forms("Pricing for the GTMX crowd and saasy folk") == []


def test_a_skill_is_named_by_its_id_in_words_or_by_its_aliases() -> None:
    assert THESAURUS.other_forms("a go-to-market plan") == ["GTM"]
    assert THESAURUS.other_forms("our GTM motion") == ["go to market"]
    assert THESAURUS.other_forms("Nothing of the field here") == []


def test_the_box_knows_filters_labels_and_terms() -> None:
    data = vocabulary_json(TAXONOMY, (Kind.BOOK, Kind.VIDEO), "explore/")
    assert data["version"] == 1 and data["explore"] == "explore/"
    assert data["headings"] == {"skill": "Skill", "kind": "Kind", "segment": "Segment"}
    assert data["labels"]["kind"] == {"book": "Books", "video": "Videos and talks"}
    phrases = data["phrases"]
    assert phrases["gtm"] == [["skill", "go-to-market"]]
    assert phrases["pmf"] == [["skill", "strategy"], ["skill", "growth"]]
    assert phrases["books"] == [["kind", "book"]] and phrases["talks"] == [["kind", "video"]]
    assert phrases["b2b"] == [["segment", "b2b"]] and phrases["design led"] == [["segment", "design"]]
    assert "courses" not in phrases  # only the kinds the catalog has
    assert data["terms"][:4] == ["Strategy and vision", "Strategy", "vision", "Discovery and customer research"]
    assert "Books" in data["terms"] and "Courses" not in data["terms"]
    assert "product-market fit" in data["terms"] and "PMF" in data["terms"]
