"""The path/ page: the questions, the self-rating, and what the page needs to plan in the browser.

The rating space (every answer, times 4 or 5 levels for each of a dozen skills) is far too large
to precompute, so the site ships the rule's inputs instead: api/plan-index.json holds, for every
entry, what `pmgenome.plan.rule` reads (levels, skills, segments, backgrounds, place, access and
the details the "why" lines quote), plus the vocabulary, the picks, the rule's weights and counts,
every sentence and label of the plan, the Markdown escape sets and the T's geometry; and
assets/pmgenome/plan-rule.js is the rule's logic ported to JavaScript, held equal to the Python
planner by tests/site/plan_port_test.py. The build is then linear in the catalog, whatever the
vocabulary. The index's fields are described by schema/output/plan-index.schema.json.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmgenome.catalog.model import Catalog, Kind
from pmgenome.plan import rule, sentences
from pmgenome.plan.answers import RATING_LABELS, RATINGS, Goal, PmLoad, parse_place
from pmgenome.plan.calendar import calendar_data
from pmgenome.plan.document import markdown_data
from pmgenome.plan.model import PART_TITLES
from pmgenome.plan.picture import GEOMETRY
from pmgenome.plan.programs import PROGRAM_STAGES
from pmgenome.plan.schedule import entry_minutes
from pmgenome.site import programs
from pmgenome.site.context import GeneratedPage, SiteContext
from pmgenome.site.render import render
from pmgenome.site.views import country_label
from pmgenome.text.clean import one_line

PATH_SRC_URI = "path/index.md"
INDEX_SRC_URI = "api/plan-index.json"
ASSETS = Path(__file__).parent / "assets"
# src_uri -> the file under assets/ it is copied from
SCRIPTS = {"assets/pmgenome/plan-rule.js": "plan-rule.js", "assets/pmgenome/path.js": "path.js",
           "assets/pmgenome/path.css": "path.css"}
DETAILS = ("pace", "format", "cadence")
CONTRIBUTE_SRC_URI = "about.md"
CONTRIBUTE_ANCHOR = "contributing"
INDEX_VERSION = 4

# What the page itself says around the plan (path.js shows these; the plan's own words are in
# plan/sentences.py). "loading" and "failed" are shown before the index arrives, so the page's
# HTML carries them; "start" is also the status the page opens with.
PAGE_WORDS: Mapping[str, str | Mapping[str, str]] = {
    "start": "Answer the four questions to see your plan.",
    "loading": "Loading the catalog…",
    "failed": "The catalog could not be loaded ({error}). Reload the page to try again.",
    "missing": "Answer the questions to see your plan (still to answer: {missing}).",
    "ready": "Your plan is ready.",
    "cleared": "Your progress is cleared.",
    "required": {"stage": "career stage", "background": "background", "company": "company flavour", "goal": "goal"},
    "key": "How to read your T: the blue shade is your rating, a third per level; the dashed orange line is the "
           "level a {company} company expects; + marks a skill your plan grows, and a light orange shade fills it "
           "in as you mark the plan's items done.",
    "t_caption": "Your T as a table: your rating and the level your company expects",
    "done_count": "{done} of {count} done",
    "why": "Why: ",
    "go": "Go to the resource",
    "done": " Done",
    "search": "Search",
    "shape_none": "Rate yourself on a few skills to see which named T shape is nearest yours.",
    "shape_source": "Source: ",
    "people_title": "People who can teach your gaps",
    "people_teaches": " can teach {skills} ({where}).",
    "people_online": "online",
    # The survey form's answers field, filled from the page (plan/surveyform.py reads it back).
    "survey_answers": "stage: {stage}\nbackground: {background}\ncompany: {company}\nratings: {ratings}",
    "hours_bad": "Hours a week must be a number from 0.25 to {max}; the plan is shown without its weeks.",
}
SURVEY_FORM = "/issues/new?template=survey.yml"


def survey_url(repo_url: str | None) -> str | None:
    """The survey's issue form on the repository's GitHub, or None when mkdocs.yml names no GitHub repo_url."""
    if not repo_url or not re.fullmatch(r"https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/?", repo_url):
        return None
    return repo_url.rstrip("/") + SURVEY_FORM


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
        if isinstance(city, str) and one_line(city) and "," not in city:
            cities.add((place.country, one_line(city)))
    choices = [Choice("", "Anywhere"), Choice("online", "Online only")]
    for code in sorted(countries):
        choices.append(Choice(code, f"{country_label(code)} (anywhere in the country)"))
        for country, city in sorted(cities, key=lambda item: (item[0], item[1].casefold())):
            if country == code:
                choices.append(Choice(f"{city}, {code}", f"{city}, {country_label(code)}"))
    return tuple(choices)


def plan_words() -> dict[str, Any]:
    """Every word the page's scripts show: the plan's (plan/sentences.py), its part titles, kind
    badges and load labels, and the page's own."""
    return {**sentences.words(), "titles": dict(PART_TITLES), "kinds": {kind.value: kind.singular for kind in Kind},
            "loads": {load.value: load.label for load in PmLoad}, "page": dict(PAGE_WORDS)}


def plan_index(catalog: Catalog, context: SiteContext) -> dict[str, Any]:
    """The rule's inputs for the page's JavaScript port (schema/output/plan-index.schema.json)."""
    link = context.link(PATH_SRC_URI)
    taxonomy = catalog.taxonomy
    vocabulary = rule.Vocabulary.of(taxonomy)
    entries = []
    # The rule picks no program: path/ offers programs by their own nearness (plan/programs.py).
    for entry in sorted((entry for entry in catalog.entries if entry.kind is not Kind.PROGRAM),
                        key=lambda entry: entry.id):
        read = rule.facts(entry, vocabulary)
        view = context.views.get(entry.id)
        entries.append({
            "id": entry.id, "kind": entry.kind.value, "title": one_line(entry.title) or entry.id,
            "url": one_line(entry.url), "href": link(view.src_uri) if view else None, "levels": sorted(read.levels),
            "skills": list(entry.skills), "segments": list(entry.segments), "backgrounds": list(entry.backgrounds),
            "online": read.online, "city": read.city, "country": read.country, "access": read.access,
            "details": {name: one_line(getattr(entry, name) or "") for name in DETAILS},
            "minutes": entry_minutes(entry), "outcomes": [one_line(outcome) for outcome in entry.outcomes]})
    picks = {segment: [entry_id for ids in catalog.picks.get(segment, {}).values() for entry_id in ids]
             for segment in taxonomy.ids("segments")}
    return {
        "version": INDEX_VERSION,
        "rule": rule.port_data(),
        "words": plan_words(),
        "markdown": markdown_data(),
        "picture": dict(GEOMETRY),
        "calendar": calendar_data(),
        "levels": [{"id": term.id, "name": term.name} for term in taxonomy.levels],
        "backgrounds": [{"id": term.id, "name": term.name, "gaps": list(term.gaps)} for term in taxonomy.backgrounds],
        "segments": [{"id": term.id, "name": term.name, "expects": dict(term.expects)} for term in taxonomy.segments],
        "skills": [{"id": term.id, "name": term.name, "scope": term.scope, "segments": list(term.segments)}
                   for term in taxonomy.skills],
        "shapes": [{"id": shape.id, "name": shape.name, "segments": list(shape.segments), "model": shape.model,
                    "author": shape.author, "url": shape.url, "ratings": dict(shape.ratings)}
                   for shape in catalog.shapes],
        "people": [{"github": person.github, "name": person.name, "can_teach": list(person.can_teach),
                    "city": person.city, "country": person.country, "online": person.online}
                   for person in catalog.people],
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
        "path.md.j2", questions=questions, default_load=PmLoad.BALANCED.value, titles=PART_TITLES, words=PAGE_WORDS,
        index=link(INDEX_SRC_URI), scripts=[link(uri) for uri in SCRIPTS if uri.endswith(".js")],
        styles=[link(uri) for uri in SCRIPTS if uri.endswith(".css")],
        contribute=link(CONTRIBUTE_SRC_URI, CONTRIBUTE_ANCHOR), skills=skills,
        survey=survey_url(context.settings.repo_url),
        levels=list(zip(RATINGS, RATING_LABELS, strict=True)),
        segments=[Choice(t.id, t.name) for t in taxonomy.segments],
        programs=programs.path_programs(catalog, context), program_stages=" ".join(PROGRAM_STAGES),
        programs_page=link(programs.PROGRAMS_SRC_URI), link=link))
    yield GeneratedPage(INDEX_SRC_URI, json.dumps(plan_index(catalog, context), ensure_ascii=False,
                                                  separators=(",", ":")))
    for uri, name in SCRIPTS.items():
        yield GeneratedPage(uri, (ASSETS / name).read_bytes())
