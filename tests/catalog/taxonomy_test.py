"""The vocabulary under its JSON Schema (schema/taxonomy.schema.json): every mistake said in the
vocabulary's words where it was written, and the search aliases and terms accepted."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from pmgenome.catalog.fileschema import file_schema
from pmgenome.catalog.model import TAXONOMY_FILE
from pmgenome.catalog.taxonomy import load_taxonomy

SHIPPED = Path(__file__).resolve().parents[2] / "catalog" / TAXONOMY_FILE

MISTAKES = """\
segments:
  - id: b2b
    name: B2B
    description: Business.
    expects: {strategy: 2, metrics: 5}
  - id: B2C
    name: B2C
    description: Consumers.
  - id: index
    name: Index
    description: Reserved.
  - id: b2b
    name: Again
    description: Duplicate.
  - just a string
  - id: design
    name: "  "
  - id: tech
    expects: [strategy]
skills:
  - id: strategy
    name: Strategy
    description: Choosing.
    scope: general
  - id: growth
    name: Growth
    description: Growing.
    scope: broad
    segments: b2b
  - id: pricing
    name: Pricing
    description: Prices.
    segments: [b2x]
    colour: red
levels: not a list
backgrounds:
  - id: engineering
    name: Engineering
    description: Engineers.
    gaps: [growth, stratgy]
  - id: design-bg
    name: Designer
    description: Designers.
    gaps: strategy
flavours: []
"""


def problems_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / TAXONOMY_FILE
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    _, problems = load_taxonomy(path)
    return [f"{problem.line}:{problem.col}: {problem.message}" for problem in problems]


def test_every_mistake_is_said_where_it_is_written(tmp_path: Path) -> None:
    assert problems_of(tmp_path, MISTAKES) == [
        "5:28: unknown skill 'metrics' in what segment 'b2b' expects",
        "5:37: expected level for 'metrics' must be 1, 2 or 3 (1 aware, 2 practised, 3 could teach it)",
        "6:9: term id must be lowercase letters, digits and hyphens",
        "9:9: term id 'index' is reserved: the site has a page called 'index'; choose another id",
        "12:5: duplicate id 'b2b' in segments",
        "15:5: each term must be a mapping with id, name and description",
        "16:5: term 'design' needs a name and a description",
        "18:5: term 'tech' needs a name and a description",
        "19:14: expects must map skill ids to levels from 1 to 3",
        "28:12: skill 'growth' needs scope: general or flavour",
        "29:15: segments must be a list of segment ids",
        "30:5: skill 'pricing' needs scope: general or flavour",  # was 1:1 before the schema
        "33:16: unknown segment 'b2x' for skill 'pricing'",
        "34:5: unknown field 'colour' for a term in skills",
        "35:9: 'levels' must be a list",
        "40:12: 'growth' is not a general skill; gaps name general skills",
        "40:20: 'stratgy' is not a general skill (did you mean 'strategy'?); gaps name general skills",
        "44:11: gaps must be a list of general skill ids",
        "45:1: unknown group 'flavours'; the groups are segments, skills, levels, backgrounds "
        "(and terms, the search terms)",
    ]


def test_a_file_without_groups_or_not_a_mapping(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "segments: []\n") == [
        "1:1: missing group 'skills'", "1:1: missing group 'levels'", "1:1: missing group 'backgrounds'"]
    assert problems_of(tmp_path, "- a\n- b\n") == ["1:1: the vocabulary must be a mapping"]


def with_search(extra_skill: str, terms: str) -> str:
    """The shipped vocabulary without its own aliases and terms, plus these."""
    text = SHIPPED.read_text(encoding="utf-8")
    text = text[:text.index("\nterms:")] + "\n"
    text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("    aliases:"))
    text = text.replace("    scope: flavour\n", f"    scope: flavour\n{extra_skill}", 1)
    return text + terms


def test_search_aliases_and_terms_are_accepted(tmp_path: Path) -> None:
    text = with_search("    aliases: [GTM]\n", "terms:\n  - term: product-market fit\n    aliases: [PMF]\n"
                       "    skills: [strategy, growth]\n  - term: north star\n    aliases: [NSM]\n")
    assert problems_of(tmp_path, text) == []


def test_search_mistakes_are_said_where_they_are(tmp_path: Path) -> None:
    text = with_search("    aliases: []\n", "terms:\n  - term: product-market fit\n    aliases: [PMF, gtm]\n"
                       "    skills: [strategy, grwth]\n  - term: north star\n    aliases: [pmf]\n    note: x\n"
                       "  - aliases: [OKR]\n  - term: roadmap\n    aliases: roadmaps\n")
    lines = text.splitlines()
    at = lines.index("    aliases: []") + 1
    end = lines.index("terms:") + 1
    assert problems_of(tmp_path, text) == [
        f"{at}:14: aliases must be a list of the other names people search for, like [GTM]",
        f"{end + 3}:24: unknown skill 'grwth' for the search term 'product-market fit' (did you mean 'growth'?)",
        f"{end + 5}:15: duplicate alias 'pmf': already an alias of term 'product-market fit' (line {end + 2}); "
        "a search word leads to one place",
        f"{end + 6}:5: unknown field 'note'; each of terms is a mapping with term, aliases and optionally skills",
        f"{end + 7}:5: each of terms is a mapping with term, aliases and optionally skills",
        f"{end + 9}:14: aliases must be a list of the other names people search for, like [PMF]",
    ]


def test_an_alias_shared_by_a_skill_and_a_term_is_refused_whatever_its_case(tmp_path: Path) -> None:
    text = with_search("    aliases: [GTM]\n", "terms:\n  - term: launch\n    aliases: [gtm]\n")
    line = text.splitlines().index("    aliases: [gtm]") + 1
    first = text.splitlines().index("    aliases: [GTM]") + 1
    assert problems_of(tmp_path, text) == [
        f"{line}:15: duplicate alias 'gtm': already an alias of skill 'go-to-market' (line {first}); "
        "a search word leads to one place"]


@pytest.mark.parametrize("name", ["taxonomy", "picks"])
def test_the_file_schemas_are_valid_schemas(name: str) -> None:
    Draft202012Validator.check_schema(file_schema(name))
    assert json.loads(json.dumps(file_schema(name)))["$schema"].endswith("2020-12/schema")
