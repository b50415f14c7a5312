"""The field's words for search: the aliases of taxonomy.yaml as synonyms, and what the box
knows when a query leaves it with nothing.

Two uses. When the pages are indexed, a resource's record gains the other forms of every term its
title or summary says ("product-market fit" brings "PMF", and "PMF" brings "product-market
fit"), so an abbreviation finds what its words find. When no page holds every word of a query,
the search box fetches search/vocabulary.json (written here) to offer the Explore filters that
the words it recognises name (a skill, a kind, a segment) and, if nothing matched at all, the
nearest known term.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pmgenome.catalog.model import Kind, Taxonomy
from pmgenome.site.views import FACETS

VOCABULARY_SRC_URI = "search/vocabulary.json"
FORMAT_VERSION = 1
# Hyphens, slashes and dashes join words that readers also type apart or together:
# "product-market fit", "product/market fit" and "product market fit" are one phrase.
_JOINERS = re.compile(r"[-‐‑–—/_]+")
_SPACE = re.compile(r"\s+")
_NAME_PARTS = re.compile(r",\s*|\s+and\s+")


def normalized(text: str) -> str:
    """Lower case, joiners as spaces, single spaces: the form phrases are compared in."""
    return _SPACE.sub(" ", _JOINERS.sub(" ", text.casefold())).strip()


@dataclass(frozen=True)
class Synonyms:
    """The forms of one meaning: a skill's id in words and its aliases, or a term and its aliases."""

    forms: tuple[str, ...]  # as written in taxonomy.yaml, the words first
    skills: tuple[str, ...]  # the skills it names, for Explore's filter


def synonyms(taxonomy: Taxonomy) -> tuple[Synonyms, ...]:
    """Every skill that has aliases, and every common term, as sets of forms."""
    found = [Synonyms((term.id.replace("-", " "), *term.aliases), (term.id,))
             for term in taxonomy.skills if term.aliases]
    found += [Synonyms((term.term, *term.aliases), term.skills) for term in taxonomy.terms]
    return tuple(found)


@dataclass(frozen=True)
class Thesaurus:
    """Finds the forms a text uses, in one pass, and names the forms it leaves out."""

    groups: tuple[Synonyms, ...]

    @cached_property
    def _owner(self) -> dict[str, int]:
        return {normalized(form): index for index, group in enumerate(self.groups) for form in group.forms}

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self._owner:
            return None
        # Longest first, so "a b test" is taken whole before a shorter form inside it; a plural
        # counts ("large language models").
        forms = sorted(self._owner, key=len, reverse=True)
        return re.compile(r"(?<!\w)(" + "|".join(re.escape(form) for form in forms) + r")s?(?!\w)")

    def other_forms(self, text: str) -> list[str]:
        """The forms, as written in the vocabulary, of every meaning `text` names that it does
        not itself use: "How to find PMF" gives ["product-market fit", "product/market fit"]."""
        if self._pattern is None:
            return []
        plain = normalized(text)
        used = {match.group(1) for match in self._pattern.finditer(plain)}
        others: list[str] = []
        for index in sorted({self._owner[form] for form in used}):
            others += [form for form in self.groups[index].forms
                       if normalized(form) not in used and form not in others]
        return others


def _skill_phrases(term_id: str, name: str, aliases: Sequence[str]) -> list[str]:
    # A reader types a part of a skill's name ("pricing" of "Pricing and packaging"), its id
    # in words ("go to market") or an alias ("GTM").
    parts = [part for part in _NAME_PARTS.split(name) if part]
    return [term_id.replace("-", " "), name, *parts, *aliases]


def vocabulary_json(taxonomy: Taxonomy, kinds: Iterable[Kind], explore: str) -> dict[str, Any]:
    """What the search box offers when no page holds every word.

    `phrases` maps each known phrase (normalized) to the Explore filters it names, as
    [facet, value] pairs; `labels` gives each filter's heading and each value's name; `explore`
    is the Explore page's address from the site's root; `terms` lists the words and
    abbreviations a query that finds nothing may be pointed to, as written.
    """
    kinds = tuple(kinds)
    phrases: dict[str, list[list[str]]] = {}

    def add(phrase: str, facet: str, value: str) -> None:
        key = normalized(phrase)
        if key and [facet, value] not in phrases.setdefault(key, []):
            phrases[key].append([facet, value])

    for term in taxonomy.skills:
        for phrase in _skill_phrases(term.id, term.name, term.aliases):
            add(phrase, "skill", term.id)
    for common in taxonomy.terms:
        for phrase in (common.term, *common.aliases):
            for skill in common.skills:
                add(phrase, "skill", skill)
    for kind in kinds:
        for phrase in (kind.value, kind.folder, *_NAME_PARTS.split(kind.label)):
            add(phrase, "kind", kind.value)
    for segment in taxonomy.segments:
        for phrase in (segment.id, segment.name):
            add(phrase, "segment", segment.id)
    terms: list[str] = []
    for term in taxonomy.skills:
        terms += [term.name, *_NAME_PARTS.split(term.name), *term.aliases]
    for kind in kinds:
        terms += _NAME_PARTS.split(kind.label)
    for common in taxonomy.terms:
        terms += [common.term, *common.aliases]
    labels = {"skill": {term.id: term.name for term in taxonomy.skills},
              "kind": {kind.value: kind.label for kind in kinds},
              "segment": {term.id: term.name for term in taxonomy.segments}}
    headings = {facet: FACETS[facet] for facet in labels}
    return {"version": FORMAT_VERSION, "explore": explore, "headings": headings, "labels": labels,
            "phrases": phrases, "terms": list(dict.fromkeys(terms))}


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
