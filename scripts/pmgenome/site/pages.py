"""Every page, feed and file the catalog adds to the site, built by plain functions.

Each builder is `build_xxx(catalog, context) -> Iterable[GeneratedPage]`; BUILDERS lists them
and the plugin adds whatever they return. A new page is one function and one line in BUILDERS.
Nothing here needs MkDocs: tests call these functions directly.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmgenome.catalog.model import Catalog, Entry, Kind, Term
from pmgenome.catalog.programs import places
from pmgenome.catalog.ranking import FILL_RULE
from pmgenome.catalog.usetime import TIME_BANDS
from pmgenome.site import (
    calendar,
    events,
    export,
    feed,
    jsonfeed,
    offline,
    opml,
    plan_page,
    programs,
    segment_api,
    shapes_page,
    survey_page,
    whatsnew,
)
from pmgenome.site.context import GeneratedPage, SiteContext
from pmgenome.site.hrefs import page_url, root_href
from pmgenome.site.programtext import AUDIENCE_LABELS, TRAINING_LABELS
from pmgenome.site.render import render
from pmgenome.site.search import explore as explore_data
from pmgenome.site.search import vocabulary
from pmgenome.site.text import html_text
from pmgenome.site.views import (
    ACCESS_LABELS,
    FACETS,
    FORMAT_LABELS,
    ONLINE,
    REMOTE,
    EntryView,
    country_label,
    segment_src_uri,
)

ASSETS_DIR = Path(__file__).parent / "assets"
ASSETS = {"assets/pmgenome/site.css": "site.css", "assets/pmgenome/page.js": "page.js",
          "assets/pmgenome/explore.js": "explore.js", "assets/pmgenome/search.js": "search.js",
          "assets/pmgenome/events.js": "events.js"}
CSS_URIS = ("assets/pmgenome/site.css",)
# page.js first: the others use what it shares (window.PmgPage).
JS_URIS = ("assets/pmgenome/page.js", "assets/pmgenome/search.js", "assets/pmgenome/explore.js",
           "assets/pmgenome/events.js")
API_SRC_URI = "api/catalog.json"
EXPLORE_SRC_URI = "explore/index.md"
SEGMENTS_SRC_URI = "segments/index.md"
RULE_ANCHOR = "how-the-top-five-are-chosen"
KIND_SRC_URIS = {kind: f"{kind.folder}/index.md" for kind in Kind}


def counted(count: int, kind: Kind) -> str:
    return f"{count} {kind.value if count == 1 else kind.folder}"


def _front_matter(**values: Any) -> str:
    # JSON is YAML: json.dumps quotes every string, so nothing in it can break the block.
    # Material prints a page's meta title and tags unescaped (and unescapes the title it
    # takes from the h1 before printing it), so these values arrive already HTML-escaped.
    lines = ["---"] + [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    return "\n".join(lines + ["---", ""]) + "\n"


@dataclass(frozen=True)
class SegmentCard:
    id: str
    name: str
    description: str
    src_uri: str
    counts: str
    flavour_skills: tuple[str, ...]


def skill_with_aliases(skill: Term) -> str:
    """A skill's name with the abbreviations search knows it by: "Go-to-market and sales (GTM)"."""
    return f"{skill.name} ({', '.join(skill.aliases)})" if skill.aliases else skill.name


def _segment_cards(catalog: Catalog) -> list[SegmentCard]:
    cards = []
    for term in catalog.taxonomy.segments:
        members = catalog.in_segment(term.id)
        counts = " · ".join(counted(sum(1 for e in members if e.kind == kind), kind) for kind in catalog.kinds)
        flavour = tuple(skill_with_aliases(skill) for skill in catalog.taxonomy.skills
                        if skill.scope == "flavour" and term.id in skill.segments)
        cards.append(SegmentCard(term.id, term.name, term.description, segment_src_uri(term.id),
                                 counts, flavour))
    return cards


def build_assets(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """Our stylesheet and the Explore script, and the web app manifest (the service worker is
    written after the build, see offline.py)."""
    for src_uri, name in ASSETS.items():
        yield GeneratedPage(src_uri, (ASSETS_DIR / name).read_bytes())
    settings = context.settings
    yield GeneratedPage(offline.MANIFEST_SRC_URI, offline.web_manifest(settings.site_name, settings.site_description))


def build_home(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """index.md: what the catalog is for, a card per segment, recently added resources."""
    src_uri = "index.md"
    general = [skill.name for skill in catalog.taxonomy.skills if skill.scope == "general"]
    yield GeneratedPage(src_uri, render(
        "home.md.j2", link=context.link(src_uri), segments=_segment_cards(catalog),
        general_skills=general, recent=context.recent[: context.settings.recent],
        total=len(catalog.entries), counts={kind: counted(len(catalog.of_kind(kind)), kind) for kind in catalog.kinds},
        explore=EXPLORE_SRC_URI, kinds=KIND_SRC_URIS, segments_page=SEGMENTS_SRC_URI,
        path=plan_page.PATH_SRC_URI, atom_feed=feed.FEED_SRC_URI, json_feed=jsonfeed.JSON_FEED_SRC_URI,
        json_feed_type=jsonfeed.JSON_FEED_TYPE, whats_new=whatsnew.WHATS_NEW_SRC_URI))


def build_segments(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """segments/ and segments/<segment>/ for every segment of the vocabulary."""
    cards = _segment_cards(catalog)
    yield GeneratedPage(SEGMENTS_SRC_URI, render(
        "segments.md.j2", link=context.link(SEGMENTS_SRC_URI), segments=cards, fill_rule=FILL_RULE,
        top_n=context.settings.top_n))
    for card in cards:
        members = catalog.in_segment(card.id)
        everything = {kind: [context.views[e.id] for e in _by_title(members, kind, context)]
                      for kind in catalog.kinds}
        # (view, picked, why): a pick's `why` line is shown beside it.
        ranked = {kind: [(context.views[r.entry.id], r.pick,
                          catalog.pick_reasons.get((card.id, kind, r.entry.id)) if r.pick else None)
                         for r in context.tops[card.id][kind]]
                  for kind in catalog.kinds}
        yield GeneratedPage(card.src_uri, _front_matter(title=html_text(card.name), search={"exclude": True}) + render(
            "segment.md.j2", link=context.link(card.src_uri), segment=card, ranked=ranked,
            everything=everything, kinds=catalog.kinds, counted=counted,
            rule=(SEGMENTS_SRC_URI, RULE_ANCHOR), explore=EXPLORE_SRC_URI,
            events_feed=calendar.segment_ics(card.id), events_page=events.EVENTS_SRC_URI))


def _by_title(entries: Iterable[Entry], kind: Kind, context: SiteContext) -> list[Entry]:
    chosen = [entry for entry in entries if entry.kind == kind]
    return sorted(chosen, key=lambda entry: (context.views[entry.id].title.casefold(), entry.id))


def build_kind_lists(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """articles/, books/ and the like: every resource of the kind, by title (meetups and programs
    have their own pages). Every kind has its page, even before its first entry, so the navigation
    never points nowhere."""
    for kind in (kind for kind in Kind if kind not in (Kind.MEETUP, Kind.PROGRAM)):
        src_uri = KIND_SRC_URIS[kind]
        views = [context.views[entry.id] for entry in _by_title(catalog.entries, kind, context)]
        subscribe = _subscription(kind, views)
        yield GeneratedPage(src_uri, render(
            "kind.md.j2", link=context.link(src_uri), kind=kind, heading=kind.label, views=views,
            count=counted(len(views), kind), explore=EXPLORE_SRC_URI, subscribe=subscribe))


@dataclass(frozen=True)
class Subscription:
    """A listing page's offer of its OPML file: where it is and how many feeds it holds."""

    src_uri: str
    feeds: int
    app: str  # where a reader imports it


def _subscription(kind: Kind, views: list[EntryView]) -> Subscription | None:
    """The OPML file of a podcast or newsletter listing; None for other kinds, or with no feed yet
    (OPML 2.0 wants at least one outline in its body)."""
    if kind not in opml.OPML_SRC_URIS:
        return None
    feeds = len(opml.with_feed(views))
    app = "your podcast app" if kind is Kind.PODCAST else "your feed reader"
    return Subscription(opml.OPML_SRC_URIS[kind], feeds, app) if feeds else None


def build_subscriptions(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """podcasts.opml and newsletters.opml: every feed of the kind, for one import."""
    for kind in opml.OPML_SRC_URIS:
        views = [context.views[entry.id] for entry in catalog.of_kind(kind)]
        if _subscription(kind, views) is not None:
            yield GeneratedPage(opml.OPML_SRC_URIS[kind], opml.subscription_list(kind, views))


@dataclass(frozen=True)
class MeetupPlace:
    heading: str
    cities: tuple[tuple[str, tuple[EntryView, ...]], ...]


def build_meetups(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """meetups/: online communities apart, then in-person ones by country and city."""
    src_uri = KIND_SRC_URIS[Kind.MEETUP]
    online: list[EntryView] = []
    places: dict[str, dict[str, list[EntryView]]] = defaultdict(lambda: defaultdict(list))
    for entry in _by_title(catalog.entries, Kind.MEETUP, context):
        view = context.views[entry.id]
        if entry.online:
            online.append(view)
        else:
            country = entry.country or ""
            city = " ".join((entry.city or "").split())
            places[country][city].append(view)
    grouped = [
        MeetupPlace(country_label(country) if country else "Country not given",
              tuple((city, tuple(views)) for city, views in sorted(
                  cities.items(), key=lambda item: (item[0].casefold(), item[0]))))
        for country, cities in sorted(places.items())
    ]
    yield GeneratedPage(src_uri, render(
        "meetups.md.j2", link=context.link(src_uri), online=online, places=grouped,
        count=counted(len(catalog.of_kind(Kind.MEETUP)), Kind.MEETUP), explore=EXPLORE_SRC_URI,
        events=events.EVENTS_SRC_URI))


def build_resources(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """resources/<id>/: one page per entry with all its facts and its outbound link."""
    for entry in catalog.entries:
        view = context.views[entry.id]
        skills = [html_text(term.name) for skill in entry.skills
                  if (term := catalog.taxonomy.term("skills", skill))]
        header = _front_matter(title=html_text(view.title), tags=skills)
        yield GeneratedPage(view.src_uri, header + render(
            "resource.md.j2", view=view, link=context.link(view.src_uri), kind_name=entry.kind.singular))


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: tuple[tuple[str, str, str], ...]  # (value, label, badge text on a result)


def explore_facets(catalog: Catalog) -> tuple[Facet, ...]:
    """The Explore page's filters: every value of the vocabulary, and the places in use."""
    taxonomy = catalog.taxonomy
    countries = sorted({e.country for e in catalog.of_kind(Kind.MEETUP) if not e.online and e.country}
                       | {place.country for e in catalog.of_kind(Kind.PROGRAM) for place in places(e) if place.country})
    remote = ([(REMOTE, "Remote")] if any(place.remote for e in catalog.of_kind(Kind.PROGRAM) for place in places(e))
              else [])
    labelled = {
        "segment": [(t.id, t.name) for t in taxonomy.segments],
        "skill": [(t.id, t.name) for t in taxonomy.skills],
        "level": [(t.id, t.name) for t in taxonomy.levels],
        "access": list(ACCESS_LABELS.items()),
        "format": list(FORMAT_LABELS.items()),
        "place": [(ONLINE, "Online")] + remote + [(code, country_label(code)) for code in countries],
        "audience": list(AUDIENCE_LABELS.items()),
        "training": list(TRAINING_LABELS.items()),
        "time": [(value, label) for value, label, _ in TIME_BANDS],
    }
    options = {name: tuple((value, label, label) for value, label in pairs) for name, pairs in labelled.items()}
    # A result says "Course", where the filter offers "Courses".
    options["kind"] = tuple((kind.value, kind.label, kind.singular) for kind in catalog.kinds)
    return tuple(Facet(name, label, options[name]) for name, label in FACETS.items())


def build_explore(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """explore/: faceted filters over a compact index of the catalog, carried in the query string."""
    link = context.link(EXPLORE_SRC_URI)
    facets = explore_facets(catalog)
    yield GeneratedPage(EXPLORE_SRC_URI, render(
        "explore.md.j2", link=link, facets=facets, sorts=explore_data.SORTS, data=link(explore_data.INDEX_SRC_URI),
        first_summaries=link(explore_data.SUMMARIES_SRC_URI.format(0)),
        root=root_href(EXPLORE_SRC_URI, context.settings.use_directory_urls), kinds=KIND_SRC_URIS))
    yield from explore_data.build_explore_data(context, facets)


def build_search_vocabulary(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """search/vocabulary.json: what the search box offers when no page holds every word."""
    explore = page_url(EXPLORE_SRC_URI, context.settings.use_directory_urls)
    yield GeneratedPage(vocabulary.VOCABULARY_SRC_URI, vocabulary.dumps(
        vocabulary.vocabulary_json(catalog.taxonomy, catalog.kinds, explore)))


def build_feed(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """feed.xml (Atom) and feed.json (JSON Feed): the same newest resources."""
    settings = context.settings
    newest = context.recent[: settings.feed_size]
    yield GeneratedPage(feed.FEED_SRC_URI, feed.atom_feed(newest, settings.site_url, settings.use_directory_urls))
    yield GeneratedPage(jsonfeed.JSON_FEED_SRC_URI, jsonfeed.json_feed(
        newest, settings.site_url, settings.use_directory_urls))


def build_api(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """api/catalog.json: the whole catalog for other tools; api/segments/<segment>.json: one
    segment's top fives."""
    yield GeneratedPage(API_SRC_URI, export.dumps(export.catalog_json(catalog, context)))
    for term in catalog.taxonomy.segments:
        yield GeneratedPage(segment_api.segment_api_src_uri(term.id),
                            segment_api.dumps(segment_api.segment_json(catalog, context, term)))


BUILDERS: tuple[Callable[[Catalog, SiteContext], Iterable[GeneratedPage]], ...] = (
    build_assets,
    build_home,
    build_segments,
    build_kind_lists,
    build_subscriptions,
    build_meetups,
    build_resources,
    build_explore,
    build_search_vocabulary,
    build_feed,
    whatsnew.build_whats_new,
    build_api,
    plan_page.build_plan_page,
    shapes_page.build_shapes_page,
    survey_page.build_survey_page,
    events.build_events,
    programs.build_programs,
)


def generate(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """Every generated file, builder by builder."""
    for builder in BUILDERS:
        yield from builder(catalog, context)
