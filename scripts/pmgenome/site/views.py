"""What the site shows about one entry: its facts, badges and facets, curated fields first.

Enrichment (what the resource's own page told us, an EnrichmentRecord) only fills facts the
contributor left out, and every value read from it is cleaned and bounded before it is shown:
it is scraped from strangers' pages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pmgenome.catalog.model import Catalog, Entry, Kind
from pmgenome.enrich.record import EnrichmentRecord
from pmgenome.site.text import clean, safe_url

COST_LABELS = {"free": "Free", "freemium": "Freemium", "paid": "Paid"}
FORMAT_LABELS = {"online": "Online", "in-person": "In person", "hybrid": "Hybrid"}
PACE_LABELS = {"self-paced": "Self-paced", "cohort": "Cohort"}
KIND_NAMES = {kind: kind.singular for kind in Kind}
ONLINE = "online"
# Facet name -> heading on the Explore page; the order is the page's order.
FACETS = {
    "kind": "Kind",
    "segment": "Segment",
    "skill": "Skill",
    "level": "Level",
    "cost": "Cost",
    "format": "Format",
    "place": "Country or online",
}

_DATE = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})")
MAX_ENRICHED_TEXT = 200
MAX_READING_MINUTES = 600


@dataclass(frozen=True)
class Enriched:
    """The checked subset of an enrichment record the site uses; None where absent or unusable."""

    author: str | None = None
    published: dt.date | None = None
    site_name: str | None = None
    reading_minutes: int | None = None
    provider: str | None = None
    price: str | None = None
    event_start: dt.date | None = None
    event_location: str | None = None
    organizer: str | None = None
    fetched: dt.date | None = None


@dataclass(frozen=True)
class Fact:
    label: str
    value: str = ""
    links: tuple[tuple[str, str], ...] = ()  # (text, target src_uri) when the fact links to our pages
    enriched: bool = False


@dataclass(frozen=True)
class Badge:
    style: str  # a CSS modifier: kind, cost, format, level, time, pick
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

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def kind(self) -> Kind:
        return self.entry.kind

    @property
    def line(self) -> str:
        """Kind, cost and format in a few words, for one-line lists."""
        return " · ".join(badge.text for badge in self.badges if badge.style in ("kind", "cost", "format"))

    @property
    def has_enriched_facts(self) -> bool:
        return any(fact.enriched for fact in self.facts)


def resource_src_uri(entry_id: str) -> str:
    return f"resources/{entry_id}.md"


def segment_src_uri(segment_id: str) -> str:
    return f"segments/{segment_id}.md"


def country_label(code: str) -> str:
    """How a country is shown: its ISO code (flag emoji are letters or boxes on many systems)."""
    return clean(code)


def _short_text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = clean(value)
    if not text:
        return None
    return text if len(text) <= MAX_ENRICHED_TEXT else text[: MAX_ENRICHED_TEXT - 1].rstrip() + "…"


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value if not isinstance(value, dt.datetime) else value.date()
    match = _DATE.match(value) if isinstance(value, str) else None
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def read_enrichment(record: EnrichmentRecord | None) -> Enriched:
    """The facts of one entry's enrichment record that the site can show, cleaned and bounded.

    The record's reader has checked types and sizes; this decides what is fit to show: text
    cleaned and shortened, dates read from the start of the stored value, reading times in a
    plausible range.
    """
    if record is None:
        return Enriched()
    meta = record.meta
    course, event = meta.course, meta.event
    minutes = meta.reading_minutes
    return Enriched(
        author=_short_text(meta.author),
        published=_date(meta.published),
        site_name=_short_text(meta.site_name),
        reading_minutes=minutes if minutes is not None and 0 < minutes <= MAX_READING_MINUTES else None,
        provider=_short_text(course.provider) if course else None,
        price=_short_text(course.price) if course else None,
        event_start=_date(event.start_date) if event else None,
        event_location=_short_text(event.location) if event else None,
        organizer=_short_text(event.organizer) if event else None,
        fetched=record.fetched_at.date() if record.fetched_at else None,
    )


def _curated(entry: Entry, name: str) -> str | None:
    value = entry.get(name)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    text = clean(value)
    return text or None


def _pick(entry: Entry, name: str, label: str, fallback: Any = None) -> Fact | None:
    """A fact from the contributor's field, or else from enrichment (marked as such)."""
    curated = _curated(entry, name)
    if curated:
        return Fact(label, curated)
    if fallback is None:
        return None
    shown = fallback.isoformat() if isinstance(fallback, dt.date) else str(fallback)
    return Fact(label, shown, enriched=True)


Names = Mapping[str, Mapping[str, str]]  # vocabulary group -> term id -> display name


def term_names(catalog: Catalog) -> Names:
    """Every term's display name, looked up once per build rather than once per entry."""
    return {group: {term.id: clean(term.name) for term in catalog.taxonomy.group(group)}
            for group in ("segments", "skills", "levels", "backgrounds")}


def _term_names(names: Names, group: str, ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(names[group].get(term_id) or clean(term_id) for term_id in ids)


def attendance(entry: Entry) -> str | None:
    """How one takes part: a course's format, or online / in-person for a meetup."""
    if entry.kind == Kind.COURSE:
        value = entry.get("format")
        return value if value in FORMAT_LABELS else None
    if entry.kind == Kind.MEETUP:
        return "online" if entry.get("online") is True else "in-person"
    return None


def facets(entry: Entry) -> dict[str, tuple[str, ...]]:
    """The values this entry has for each Explore facet."""
    place: tuple[str, ...] = ()
    if entry.kind == Kind.MEETUP:
        country = entry.get("country")
        if entry.get("online") is True:
            place = (ONLINE,)
        elif isinstance(country, str):
            place = (country,)
    format_ = attendance(entry)
    return {
        "kind": (entry.kind.value,),
        "segment": entry.segments,
        "skill": entry.skills,
        "level": entry.levels,
        "cost": (entry.cost,) if entry.cost in COST_LABELS else (),
        "format": (format_,) if format_ else (),
        "place": place,
    }


def _badges(names: Names, entry: Entry, enriched: Enriched) -> tuple[Badge, ...]:
    badges = [Badge("kind", KIND_NAMES[entry.kind])]
    if entry.cost in COST_LABELS:
        badges.append(Badge("cost", COST_LABELS[entry.cost]))
    format_ = attendance(entry)
    if format_:
        badges.append(Badge("format", FORMAT_LABELS[format_]))
    badges += [Badge("level", name) for name in _term_names(names, "levels", entry.levels)]
    if entry.kind == Kind.ARTICLE and enriched.reading_minutes:
        badges.append(Badge("time", f"{enriched.reading_minutes} min read"))
    return tuple(badges)


def _facts(names: Names, entry: Entry, enriched: Enriched, today: dt.date) -> tuple[Fact, ...]:
    # Kind, cost, format and levels are the page's badges; the facts say everything else.
    facts: list[Fact | None] = []
    if entry.kind == Kind.ARTICLE:
        facts += [
            _pick(entry, "author", "Author", enriched.author),
            _pick(entry, "publication", "Publication", enriched.site_name),
            _pick(entry, "published", "Published", enriched.published),
            Fact("Reading time", f"about {enriched.reading_minutes} minutes", enriched=True)
            if enriched.reading_minutes else None,
        ]
    elif entry.kind == Kind.COURSE:
        pace = entry.get("pace")
        facts += [
            _pick(entry, "provider", "Provider", enriched.provider),
            Fact("Pace", PACE_LABELS[pace]) if pace in PACE_LABELS else None,
            _pick(entry, "duration", "Duration"),
            _pick(entry, "price", "Price", enriched.price),
        ]
    else:
        facts.append(_pick(entry, "organizer", "Organizer", enriched.organizer))
        if entry.get("online") is True:
            facts.append(Fact("Where", "Online"))
        else:
            where = ", ".join(part for part in (_curated(entry, "city"),
                                                country_label(str(entry.get("country", "")))) if part)
            facts.append(Fact("Where", where) if where else None)
        facts.append(_pick(entry, "frequency", "Meets"))
        if enriched.event_start and enriched.event_start >= today:
            where = f" ({enriched.event_location})" if enriched.event_location else ""
            facts.append(Fact("Next event", f"{enriched.event_start.isoformat()}{where}", enriched=True))
    if entry.kind != Kind.ARTICLE and enriched.site_name:
        facts.append(Fact("Site", enriched.site_name, enriched=True))
    if entry.language:
        facts.append(Fact("Language", clean(entry.language)))
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


def entry_view(catalog: Catalog, entry: Entry, record: EnrichmentRecord | None, today: dt.date,
               names: Names | None = None) -> EntryView:
    """Everything the site shows about `entry`; `record` is its enrichment, if any."""
    names = names if names is not None else term_names(catalog)
    enriched = read_enrichment(record)
    return EntryView(
        entry=entry,
        title=clean(entry.title) or entry.id,
        summary=clean(entry.summary),
        url=safe_url(entry.url),
        src_uri=resource_src_uri(entry.id),
        badges=_badges(names, entry, enriched),
        facts=_facts(names, entry, enriched, today),
        facets=facets(entry),
        enriched=enriched,
    )
