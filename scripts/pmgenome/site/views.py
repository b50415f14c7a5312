"""What the site shows about one entry: its facts, badges and facets, curated fields first.

Enrichment (what the resource's own page told us, an EnrichmentRecord) only fills facts the
contributor left out, and every value read from it is cleaned and bounded before it is shown:
it is scraped from strangers' pages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pmgenome.catalog.editions import last_edition, next_edition
from pmgenome.catalog.model import Catalog, Entry, Kind
from pmgenome.catalog.programs import formats, places
from pmgenome.catalog.usetime import UseTime, length_text, source_words, time_band, use_time, written_time
from pmgenome.enrich.record import EnrichmentRecord, current_feed
from pmgenome.enrich.silence import LATEST_ITEM, last_published, silence_mark
from pmgenome.site.enriched import Enriched, read_enrichment
from pmgenome.site.linkresults import LinkCheck, LinkNote, link_note
from pmgenome.site.programtext import AUDIENCE_LABELS, TRAINING_LABELS, program_facts
from pmgenome.site.text import safe_url
from pmgenome.site.when import (
    MEETUP_CADENCE_LABELS,
    country_name,
    day_span,
    edition_text,
    program_when,
    when_text,
)
from pmgenome.text.clean import one_line

# How a reader gets it: the badge's words, then the fact's plain sentence (the schema's `access`).
ACCESS_LABELS = {"free": "Free", "signup": "Free with sign-up", "freemium": "Freemium", "paywalled": "Paywalled",
                 "paid": "Paid"}
ACCESS_MEANINGS = {
    "free": "Free: all of it, with no account",
    "signup": "Free with sign-up: an account or an email address",
    "freemium": "Freemium: the core is free, extras are paid",
    "paywalled": "Paywalled: mostly behind a subscription or a metered wall",
    "paid": "Paid: you pay for it",
}
CADENCE_LABELS = {"daily": "Daily", "weekly": "Weekly", "fortnightly": "Every two weeks", "monthly": "Monthly",
                  "irregular": "Irregularly", "ended": "None: it has ended, and its archive stays online"}
FORMAT_LABELS = {"online": "Online", "in-person": "In person", "hybrid": "Hybrid"}
PACE_LABELS = {"self-paced": "Self-paced", "cohort": "Cohort"}
ONLINE = "online"
REMOTE = "remote"
# Facet name -> heading on the Explore page; the order is the page's order.
FACETS = {
    "kind": "Kind",
    "segment": "Segment",
    "skill": "Skill",
    "level": "Level",
    "access": "Access",
    "format": "Format",
    "place": "Country or online",
    "audience": "Program: who it takes",
    "training": "Program: how it teaches",
    "time": "Time it takes",
}

@dataclass(frozen=True)
class Fact:
    label: str
    value: str = ""
    links: tuple[tuple[str, str], ...] = ()  # (text, target src_uri) when the fact links to our pages
    enriched: bool = False
    outbound: tuple[tuple[str, str], ...] = ()  # (text, http(s) URL): episodes or issues to start with


@dataclass(frozen=True)
class Badge:
    style: str  # a CSS modifier: kind, access, format, level, time, pick
    text: str


@dataclass(frozen=True)
class EntryView:
    entry: Entry
    title: str
    summary: str
    url: str | None
    src_uri: str
    badges: tuple[Badge, ...]
    facts: tuple[Fact, ...]
    facets: Mapping[str, tuple[str, ...]]
    enriched: Enriched
    byline: str = ""  # who made it, in a few words: authors and year, host, speaker...
    link_check: LinkCheck | None = None  # the last link check, when the build has its results
    when: str = ""  # a meetup's next edition or when it was last held; a program's application window
    feed: str | None = None  # a podcast's or newsletter's RSS or Atom feed (http(s) only)
    silence: str | None = None  # "No new issue since 2025-01-10" when it has gone silent
    time: UseTime | None = None  # how long it takes to use once (None for a meetup, or when unknown)

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def kind(self) -> Kind:
        return self.entry.kind

    @property
    def line(self) -> str:
        """Who made it, kind, access and format in a few words, for one-line lists."""
        parts = [self.byline] if self.byline else []
        parts += [badge.text for badge in self.badges if badge.style in ("kind", "access", "format")]
        return " · ".join(parts)

    @property
    def outcomes(self) -> tuple[str, ...]:
        """What a reader can do after using it, one line each."""
        return tuple(one_line(outcome) for outcome in self.entry.outcomes)

    @property
    def link_note(self) -> LinkNote | None:
        return link_note(self.link_check)

    @property
    def reviewed(self) -> str | None:
        reviewed = self.entry.reviewed
        return f"Reviewed by a curator on {reviewed.isoformat()}." if reviewed else None

    @property
    def has_enriched_facts(self) -> bool:
        return any(fact.enriched for fact in self.facts)


def resource_src_uri(entry_id: str) -> str:
    return f"resources/{entry_id}.md"


def segment_src_uri(segment_id: str) -> str:
    return f"segments/{segment_id}.md"


def country_label(code: str) -> str:
    """How a country is shown: its English name (flag emoji are letters or boxes on many systems)."""
    return country_name(code)


def _curated(value: str | dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    text = one_line(value)
    return text or None


def _pick(value: str | dt.date | None, label: str, fallback: Any = None) -> Fact | None:
    """A fact from the contributor's field, or else from enrichment (marked as such)."""
    curated = _curated(value)
    if curated:
        return Fact(label, curated)
    if fallback is None:
        return None
    shown = fallback.isoformat() if isinstance(fallback, dt.date) else str(fallback)
    return Fact(label, shown, enriched=True)


def _published(entry: Entry, enriched: Enriched) -> Fact | None:
    """An article's or a video's day, or its year when only that could be placed, or enrichment's day."""
    if entry.published is None and entry.year is not None:
        return Fact("Published", str(entry.year))
    return _pick(entry.published, "Published", enriched.published)


Names = Mapping[str, Mapping[str, str]]  # vocabulary group -> term id -> display name


def term_names(catalog: Catalog) -> Names:
    """Every term's display name, looked up once per build rather than once per entry."""
    return {group: {term.id: one_line(term.name) for term in catalog.taxonomy.group(group)}
            for group in ("segments", "skills", "levels", "backgrounds")}


def _term_names(names: Names, group: str, ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(names[group].get(term_id) or one_line(term_id) for term_id in ids)


def attendance(entry: Entry) -> str | None:
    """How one takes part: a course's format, or online / in-person for a meetup."""
    if entry.kind == Kind.COURSE:
        return entry.format if entry.format in FORMAT_LABELS else None
    if entry.kind == Kind.MEETUP:
        return "online" if entry.online else "in-person"
    return None


def facets(entry: Entry) -> dict[str, tuple[str, ...]]:
    """The values this entry has for each Explore facet."""
    place: tuple[str, ...] = ()
    if entry.kind == Kind.MEETUP:
        if entry.online:
            place = (ONLINE,)
        elif entry.country:
            place = (entry.country,)
    elif entry.kind == Kind.PROGRAM:
        place = tuple(dict.fromkeys(REMOTE if where.remote else where.country or "" for where in places(entry)))
    format_ = attendance(entry)
    return {
        "kind": (entry.kind.value,),
        "segment": entry.segments,
        "skill": entry.skills,
        "level": entry.levels,
        "access": (entry.access,) if entry.access in ACCESS_LABELS else (),
        "format": (format_,) if format_ else (),
        "place": place,
        "audience": tuple(value for value in entry.audience if value in AUDIENCE_LABELS),
        "training": tuple(value for value in formats(entry) if value in TRAINING_LABELS),
    }


def _badges(names: Names, entry: Entry, enriched: Enriched, silence: str | None) -> tuple[Badge, ...]:
    badges = [Badge("kind", entry.kind.singular)]
    if silence:
        badges.append(Badge("silent", silence))
    if entry.access in ACCESS_LABELS:
        badges.append(Badge("access", ACCESS_LABELS[entry.access]))
    format_ = attendance(entry)
    if format_:
        badges.append(Badge("format", FORMAT_LABELS[format_]))
    badges += [Badge("level", name) for name in _term_names(names, "levels", entry.levels)]
    time = entry_time(entry, enriched)
    if time is not None:
        badges.append(Badge("time", length_text(time.minutes)))
    return tuple(badges)


def _meetup_facts(entry: Entry, enriched: Enriched, today: dt.date) -> list[Fact | None]:
    facts = [_pick(entry.organizer, "Organizer", enriched.organizer)]
    if entry.online:
        facts.append(Fact("Where", "Online"))
    else:
        where = ", ".join(part for part in (_curated(entry.city), country_label(entry.country or "")) if part)
        facts.append(Fact("Where", where) if where else None)
    if entry.cadence in MEETUP_CADENCE_LABELS:
        facts.append(Fact("Meets", MEETUP_CADENCE_LABELS[entry.cadence]))
    upcoming, last = next_edition(entry, today), last_edition(entry, today)
    if upcoming is not None:
        facts.append(Fact("Next edition", edition_text(upcoming)))
        if upcoming.cfp_open(today) and upcoming.cfp_until is not None:
            facts.append(Fact("Call for speakers", f"open until {day_span(upcoming.cfp_until)}"))
    elif enriched.event_start and enriched.event_start >= today:
        # Offered only where the YAML names no coming edition, and marked as read from the page.
        where = f" ({enriched.event_location})" if enriched.event_location else ""
        facts.append(Fact("Next event", f"{enriched.event_start.isoformat()}{where}", enriched=True))
    elif last is not None:
        facts.append(Fact("Next edition", "No date announced"))
    if last is not None:
        facts.append(Fact("Last held", edition_text(last)))
    return facts


def _recommended(entry: Entry, label: str) -> Fact | None:
    links = tuple((one_line(item.title) or url, url) for item in entry.recommended if (url := safe_url(item.url)))
    return Fact(label, outbound=links) if links else None


def _serial(entry: Entry, enriched: Enriched) -> list[Fact | None]:
    """A podcast's or newsletter's feed, and its latest episode or issue as enrichment read it."""
    feed, latest = safe_url(entry.feed), enriched.latest_item
    return [Fact("Feed (RSS or Atom)", outbound=((feed, feed),)) if feed else None,
            Fact(f"Latest {LATEST_ITEM[entry.kind]}", latest.isoformat(), enriched=True) if latest else None]


def _kind_facts(entry: Entry, enriched: Enriched, today: dt.date) -> list[Fact | None]:
    """What only this kind has: a book's authors and ISBN, a podcast's host and episodes..."""
    kind = entry.kind
    if kind is Kind.ARTICLE:
        return [
            _pick(entry.author, "Author", enriched.author),
            _pick(entry.publication, "Publication", enriched.site_name),
            _published(entry, enriched),
        ]
    if kind is Kind.BOOK:
        authors = ", ".join(name for name in (one_line(author) for author in entry.authors) if name)
        return [
            Fact("Author" if len(entry.authors) == 1 else "Authors", authors) if authors else None,
            Fact("Year", str(entry.year)) if entry.year is not None else None,
            _pick(entry.publisher, "Publisher"),
            _pick(entry.isbn, "ISBN"),
        ]
    if kind is Kind.COURSE:
        return [
            _pick(entry.provider, "Provider", enriched.provider),
            Fact("Pace", PACE_LABELS[entry.pace]) if entry.pace in PACE_LABELS else None,
            _pick(entry.price, "Price", enriched.price),
        ]
    if kind is Kind.PODCAST:
        return [
            _pick(entry.host, "Host"),
            Fact("New episodes", CADENCE_LABELS[entry.cadence]) if entry.cadence in CADENCE_LABELS else None,
            _recommended(entry, "Episodes to start with"),
            *_serial(entry, enriched),
        ]
    if kind is Kind.NEWSLETTER:
        return [
            _pick(entry.author, "Author", enriched.author),
            Fact("New issues", CADENCE_LABELS[entry.cadence]) if entry.cadence in CADENCE_LABELS else None,
            _recommended(entry, "Issues to start with"),
            *_serial(entry, enriched),
        ]
    if kind is Kind.VIDEO:
        return [
            _pick(entry.speaker, "Speaker"),
            _pick(entry.event, "Event"),
            _published(entry, enriched),
        ]
    if kind is Kind.PROGRAM:
        return [Fact(label, value) for label, value in program_facts(entry, today)]
    return _meetup_facts(entry, enriched, today)


def entry_time(entry: Entry, enriched: Enriched) -> UseTime | None:
    """The entry's time to use once: its YAML's, else what enrichment read (catalog/usetime says how)."""
    return use_time(entry, stated_minutes=enriched.stated_minutes, counted_minutes=enriched.reading_minutes)


def _time_fact(entry: Entry, enriched: Enriched) -> Fact | None:
    time = entry_time(entry, enriched)
    if time is None:
        return None
    label = {Kind.PODCAST: "One episode", Kind.NEWSLETTER: "One issue"}.get(entry.kind, "Time")
    return Fact(label, f"{length_text(time.minutes)} ({source_words(entry.kind, time.source)})",
                enriched=written_time(entry) is None)


def _facts(names: Names, entry: Entry, enriched: Enriched, today: dt.date) -> tuple[Fact, ...]:
    # Kind, access, format and levels are also the page's badges; the facts say them in words.
    facts = _kind_facts(entry, enriched, today)
    facts.append(_time_fact(entry, enriched))
    if entry.kind != Kind.ARTICLE and enriched.site_name:
        facts.append(Fact("Site", enriched.site_name, enriched=True))
    if entry.access in ACCESS_MEANINGS:
        facts.append(Fact("Access", ACCESS_MEANINGS[entry.access]))
    if entry.language:
        facts.append(Fact("Language", one_line(entry.language)))
    if entry.backgrounds:
        facts.append(Fact("Suits people coming from",
                          ", ".join(_term_names(names, "backgrounds", entry.backgrounds))))
    if entry.skills:
        facts.append(Fact("Skills", ", ".join(_term_names(names, "skills", entry.skills))))
    segment_links = tuple((names["segments"][segment], segment_src_uri(segment))
                          for segment in entry.segments if segment in names["segments"])
    facts.append(Fact("Segments", links=segment_links))
    if entry.added:
        facts.append(Fact("Added to the catalog", entry.added.isoformat()))
    return tuple(fact for fact in facts if fact is not None)


def byline(entry: Entry) -> str:
    """Who made it, from the contributor's fields: "Ada Author, Ben Writer (2020)", a host, a speaker."""
    if entry.kind is Kind.BOOK:
        names = ", ".join(name for name in (one_line(author) for author in entry.authors) if name)
        return f"{names} ({entry.year})" if names and entry.year is not None else names
    who = {Kind.ARTICLE: entry.author, Kind.COURSE: entry.provider, Kind.PODCAST: entry.host,
           Kind.NEWSLETTER: entry.author, Kind.VIDEO: entry.speaker, Kind.MEETUP: entry.organizer,
           Kind.PROGRAM: entry.company}[entry.kind]
    return one_line(who)


# What the last link check found, in plain words (after "Link checked on DATE: ").
def entry_view(catalog: Catalog, entry: Entry, record: EnrichmentRecord | None, today: dt.date,
               names: Names | None = None, link: LinkCheck | None = None) -> EntryView:
    """Everything the site shows about `entry`; `record` is its enrichment and `link` its last link
    check, if any."""
    names = names if names is not None else term_names(catalog)
    enriched = read_enrichment(record)
    feed = current_feed(entry, record)
    enriched = dataclasses.replace(enriched, latest_item=last_published(entry, record),
                                   stated_minutes=enriched.stated_minutes or (feed.episode_minutes if feed else None))
    silence = silence_mark(entry, record, today)
    time = entry_time(entry, enriched)
    return EntryView(
        entry=entry,
        title=one_line(entry.title) or entry.id,
        summary=one_line(entry.summary),
        url=safe_url(entry.url),
        src_uri=resource_src_uri(entry.id),
        badges=_badges(names, entry, enriched, silence),
        facts=_facts(names, entry, enriched, today),
        facets={**facets(entry), "time": (time_band(time.minutes),) if time else ()},
        enriched=enriched,
        time=time,
        byline=byline(entry),
        link_check=link,
        when=when_text(entry, today) if entry.kind is Kind.MEETUP
        else program_when(entry, today) if entry.kind is Kind.PROGRAM else "",
        feed=safe_url(entry.feed),
        silence=silence,
    )
