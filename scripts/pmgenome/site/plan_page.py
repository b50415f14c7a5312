"""The path/ page: four questions, and every answer's plan precomputed into api/paths.json.

The rule lives in pmgenome.plan.engine; here it is run for every combination of answers, so the page's
script only looks a plan up and shows it (the same plan `pmgenome path` prints). The JSON keeps
each entry and each sentence once and refers to them by position, which keeps thousands of
plans small:

    {"version": 1,
     "entries": [[id, kind, title, url or null, href of its page on this site], ...],
     "texts": [sentence, ...],
     "plans": {"stage|background|segment+segment|pm-load|goal":
                 {"parts": [[part, [[entry, text], ...]], ...], "notes": [text, ...]}},
     "meetups": {"stage|segment+segment|place": {"items": [[entry, text], ...], "notes": [text, ...]}}}
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from pmgenome.catalog.load import gc_paused
from pmgenome.catalog.model import Catalog, Kind
from pmgenome.plan.engine import (
    PART_TITLES,
    Goal,
    PlanItem,
    Planner,
    PmLoad,
    all_answers,
    meetup_key,
    parse_place,
)
from pmgenome.site.context import GeneratedPage, SiteContext
from pmgenome.site.render import render
from pmgenome.site.text import clean, safe_url
from pmgenome.site.views import country_label

PATH_SRC_URI = "path/index.md"
PLANS_SRC_URI = "api/paths.json"
SCRIPT_SRC_URI = "assets/pmgenome/path.js"
SCRIPT_FILE = Path(__file__).parent / "assets" / "path.js"
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


class _Table:
    """Entries and sentences stored once, referred to by position."""

    def __init__(self, context: SiteContext) -> None:
        self.link = context.link(PATH_SRC_URI)
        self.context = context
        self.entries: list[list[str | None]] = []
        self.texts: list[str] = []
        self._entry_at: dict[str, int] = {}
        self._text_at: dict[str, int] = {}

    def text(self, value: str) -> int:
        if value not in self._text_at:
            self._text_at[value] = len(self.texts)
            self.texts.append(value)
        return self._text_at[value]

    def item(self, item: PlanItem) -> list[int]:
        if item.id not in self._entry_at:
            self._entry_at[item.id] = len(self.entries)
            view = self.context.views.get(item.id)
            page = self.link(view.src_uri) if view else None
            self.entries.append([item.id, item.kind, item.title, safe_url(item.url), page])
        return [self._entry_at[item.id], self.text(item.reason)]


def path_data(catalog: Catalog, context: SiteContext) -> dict:
    """Every combination's plan, and every stage x company x place's meetups."""
    # Planning every combination makes a few hundred thousand small objects that live until
    # the plans are written and form no cycles; with the collector on, it walks them and the
    # rest of the build's heap again and again (a third of this step at 10,000 entries).
    with gc_paused():
        return _plans_and_meetups(catalog, context)


def _plans_and_meetups(catalog: Catalog, context: SiteContext) -> dict:
    planner = Planner(catalog)
    table = _Table(context)
    plans: dict[str, dict] = {}
    places = [parse_place(choice.value)[0] if choice.value else None for choice in place_choices(catalog)]
    meetups: dict[str, dict] = {}
    done: set[tuple[str, tuple[str, ...]]] = set()
    for answers in all_answers(catalog.taxonomy):
        plan = planner.plan(answers)
        plans[answers.key] = {
            "parts": [[name, [table.item(item) for item in items]]
                      for name, items in plan.parts if name != "meetups"],
            "notes": [table.text(note) for note in plan.part_notes],
        }
        if (answers.stage, answers.company) in done:
            continue  # meetups depend on stage, company and place only
        done.add((answers.stage, answers.company))
        for place in places:
            at = replace(answers, place=place)
            picked = planner.meetups(at)
            meetups[meetup_key(at.stage, at.company, at.place)] = {
                "items": [table.item(item) for item in picked.items],
                "notes": [table.text(note) for note in picked.notes],
            }
    return {"version": 1, "entries": table.entries, "texts": table.texts, "plans": plans, "meetups": meetups}


def build_path(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """path/: the four questions; api/paths.json: the plans; the page's script."""

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
    yield GeneratedPage(PATH_SRC_URI, render(
        "path.md.j2", questions=questions, default_load=PmLoad.BALANCED.value, titles=PART_TITLES,
        plans=link(PLANS_SRC_URI), script=link(SCRIPT_SRC_URI),
        contribute=link(CONTRIBUTE_SRC_URI, CONTRIBUTE_ANCHOR),
        kinds={kind.value: kind.singular for kind in Kind}))
    yield GeneratedPage(PLANS_SRC_URI, json.dumps(path_data(catalog, context), ensure_ascii=False,
                                                  separators=(",", ":")))
    yield GeneratedPage(SCRIPT_SRC_URI, SCRIPT_FILE.read_bytes())
