"""The path/ page: the questions, the self-rating, and what the page needs to plan in the browser.

The rating space (every answer, times 4 or 5 levels for each of a dozen skills) is far too large
to precompute, so the site ships the rule's inputs instead: api/plan-index.json holds, for every
entry, what `pmgenome.plan.rule` reads (levels, skills, segments, backgrounds, place, access and
the details the "why" lines quote), plus the vocabulary, the picks and the rule's weights; and
assets/pmgenome/plan-rule.js is the rule ported to JavaScript, held equal to the Python planner by
tests/site/plan_port_test.py. The build is then linear in the catalog, whatever the vocabulary:

    {"version": 2, "weights": {...rule.WEIGHTS}, "slots": {"reading": [kind, ...], ...},
     "levels": [[id, name], ...], "backgrounds": [[id, name, [gap skill, ...]], ...],
     "segments": [[id, name, {skill: expected level}], ...], "skills": [[id, name, scope, [segment, ...]], ...],
     "loads": [[value, label], ...], "titles": {part: title}, "kinds": {kind: badge},
     "picks": {segment: [entry id, ...]},
     "entries": [[id, kind, title, url, href of its page on this site or null, [level position, ...],
                  [skill, ...], [segment, ...], [background, ...], online, city, country, access,
                  {"pace", "format", "cadence", "frequency"}], ...]}
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmgenome.catalog.model import Catalog, Kind
from pmgenome.plan.answers import RATING_LABELS, RATINGS, Goal, PmLoad, parse_place
from pmgenome.plan.model import PART_TITLES
from pmgenome.plan.rule import SLOT_KINDS, WEIGHTS, Vocabulary, facts
from pmgenome.site.context import GeneratedPage, SiteContext
from pmgenome.site.render import render
from pmgenome.site.text import clean
from pmgenome.site.views import country_label
from pmgenome.text.clean import one_line

PATH_SRC_URI = "path/index.md"
INDEX_SRC_URI = "api/plan-index.json"
ASSETS = Path(__file__).parent / "assets"
# src_uri -> the file under assets/ it is copied from
SCRIPTS = {"assets/pmgenome/plan-rule.js": "plan-rule.js", "assets/pmgenome/path.js": "path.js",
           "assets/pmgenome/path.css": "path.css"}
DETAILS = ("pace", "format", "cadence", "frequency")
CONTRIBUTE_SRC_URI = "about.md"
CONTRIBUTE_ANCHOR = "contributing"


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    hint: str = ""


def place_choices(catalog: Catalog) -> tuple[Choice, ...]:
    """Where meetups may be: anywhere, online, and every country and city the catalog has."""
    countries: set[str] = set()
    cities: set[tuple[str, str]] = set()
    for entry in catalog.of_kind(Kind.MEETUP):
        country, city = entry.country, entry.city
        if entry.online or country is None:
            continue
        place, error = parse_place(country)
        if error or place is None or place.country is None:
            continue
        countries.add(place.country)
        if isinstance(city, str) and clean(city) and "," not in city:
            cities.add((place.country, clean(city)))
    choices = [Choice("", "Anywhere"), Choice("online", "Online only")]
    for code in sorted(countries):
        choices.append(Choice(code, f"{country_label(code)} (anywhere in the country)"))
        for country, city in sorted(cities, key=lambda item: (item[0], item[1].casefold())):
            if country == code:
                choices.append(Choice(f"{city}, {code}", f"{city}, {country_label(code)}"))
    return tuple(choices)


def plan_index(catalog: Catalog, context: SiteContext) -> dict[str, Any]:
    """The rule's inputs for the page's JavaScript port (the format is in the module docstring)."""
    link = context.link(PATH_SRC_URI)
    taxonomy = catalog.taxonomy
    vocabulary = Vocabulary.of(taxonomy)
    entries = []
    for entry in sorted(catalog.entries, key=lambda entry: entry.id):
        read = facts(entry, vocabulary)
        view = context.views.get(entry.id)
        details = {name: one_line(getattr(entry, name) or "") for name in DETAILS}
        entries.append([entry.id, entry.kind.value, one_line(entry.title) or entry.id, one_line(entry.url),
                        link(view.src_uri) if view else None, sorted(read.levels), list(entry.skills),
                        list(entry.segments), list(entry.backgrounds), read.online, read.city, read.country,
                        read.access, details])
    picks = {segment: [entry_id for ids in catalog.picks.get(segment, {}).values() for entry_id in ids]
             for segment in taxonomy.ids("segments")}
    return {
        "version": 2,
        "weights": WEIGHTS,
        "slots": {slot: [kind.value for kind in kinds] for slot, kinds in SLOT_KINDS.items()},
        "levels": [[term.id, term.name] for term in taxonomy.levels],
        "backgrounds": [[term.id, term.name, list(term.gaps)] for term in taxonomy.backgrounds],
        "segments": [[term.id, term.name, dict(term.expects)] for term in taxonomy.segments],
        "skills": [[term.id, term.name, term.scope, list(term.segments)] for term in taxonomy.skills],
        "loads": [[load.value, load.label] for load in PmLoad],
        "titles": dict(PART_TITLES),
        "kinds": {kind.value: kind.singular for kind in Kind},
        "picks": picks,
        "entries": entries,
    }


@dataclass(frozen=True)
class SkillChoice:
    id: str
    name: str
    description: str
    scope: str
    segments: str  # space-separated: the stem's rows show when one of these is ticked


def build_plan_page(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """path/: the questions and the rating; api/plan-index.json: the rule's inputs; the scripts."""
    link = context.link(PATH_SRC_URI)
    taxonomy = catalog.taxonomy
    questions = {
        "stage": [Choice(t.id, t.name, t.description) for t in taxonomy.levels],
        "background": [Choice(t.id, t.name, t.description) for t in taxonomy.backgrounds],
        "company": [Choice(t.id, t.name, t.description) for t in taxonomy.segments],
        "pm-load": [Choice(load.value, load.label[0].upper() + load.label[1:]) for load in PmLoad],
        "goal": [Choice(goal.value, goal.label[0].upper() + goal.label[1:]) for goal in Goal],
        "near": list(place_choices(catalog)),
    }
    skills = [SkillChoice(t.id, t.name, t.description, t.scope or "", " ".join(t.segments)) for t in taxonomy.skills
              if t.scope in ("general", "flavour")]
    yield GeneratedPage(PATH_SRC_URI, render(
        "path.md.j2", questions=questions, default_load=PmLoad.BALANCED.value, titles=PART_TITLES,
        index=link(INDEX_SRC_URI), scripts=[link(uri) for uri in SCRIPTS if uri.endswith(".js")],
        styles=[link(uri) for uri in SCRIPTS if uri.endswith(".css")],
        contribute=link(CONTRIBUTE_SRC_URI, CONTRIBUTE_ANCHOR), skills=skills,
        levels=list(zip(RATINGS, RATING_LABELS, strict=True)),
        segments=[Choice(t.id, t.name) for t in taxonomy.segments]))
    yield GeneratedPage(INDEX_SRC_URI, json.dumps(plan_index(catalog, context), ensure_ascii=False,
                                                  separators=(",", ":")))
    for uri, name in SCRIPTS.items():
        yield GeneratedPage(uri, (ASSETS / name).read_bytes())
