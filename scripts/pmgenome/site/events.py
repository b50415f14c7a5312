"""events/: every coming edition by month, with its place, segments and open call for speakers,
and the calendar feeds a reader subscribes to (events.ics, one per segment, events/cfp.ics)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pmgenome.catalog.editions import editions
from pmgenome.catalog.model import Catalog, Kind
from pmgenome.site import calendar
from pmgenome.site.context import GeneratedPage, SiteContext
from pmgenome.site.render import render
from pmgenome.site.views import ONLINE
from pmgenome.site.when import country_name, day_span, month_year, place

EVENTS_SRC_URI = "events/index.md"


def listings(catalog: Catalog, context: SiteContext) -> list[calendar.Listing]:
    """Every edition that starts today or later, or runs today, by start date, then title."""
    segment_names = {term.id: term.name for term in catalog.taxonomy.segments}
    found = []
    for entry in catalog.of_kind(Kind.MEETUP):
        view = context.views[entry.id]
        names = tuple(segment_names.get(segment, segment) for segment in entry.segments)
        found += [calendar.Listing(view, edition, names) for edition in editions(entry)
                  if edition.upcoming(context.today)]
    return sorted(found, key=lambda item: (item.edition.start, item.title.casefold(), item.view.id,
                                           item.edition.index))


@dataclass(frozen=True)
class Row:
    """One line of events/: what the template shows and the values its filters read."""

    listing: calendar.Listing
    when: str
    where: str
    segment_ids: str  # space-separated, for the segment filter
    place: str  # a country code or "online", for the place filter
    cfp: str  # "Call for speakers open until 30 April 2026", or ""


@dataclass(frozen=True)
class Month:
    heading: str
    rows: tuple[Row, ...]


def _months(items: list[calendar.Listing], context: SiteContext) -> list[Month]:
    months: dict[str, list[Row]] = {}
    for item in items:
        edition = item.edition
        cfp = (f"Call for speakers open until {day_span(edition.cfp_until)}"
               if edition.cfp_open(context.today) and edition.cfp_until is not None else "")
        row = Row(item, day_span(edition.start, edition.end), place(edition) or "Place not given",
                  " ".join(item.view.entry.segments), ONLINE if edition.online else (edition.country or ""), cfp)
        months.setdefault(month_year(edition.start), []).append(row)
    return [Month(heading, tuple(rows)) for heading, rows in months.items()]


def build_events(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """events/, events.ics, events/cfp.ics and segments/<segment>/events.ics (every segment has one,
    empty or not, so a subscription never breaks)."""
    items = listings(catalog, context)
    settings = context.settings
    today = context.today
    link = context.link(EVENTS_SRC_URI)
    segments = [(term.id, term.name) for term in catalog.taxonomy.segments]
    countries = sorted({row.place for month in _months(items, context) for row in month.rows
                        if row.place and row.place != ONLINE}, key=country_name)
    places = [(ONLINE, "Online")] + [(code, country_name(code)) for code in countries]
    calls = calendar.open_calls(items, today)
    yield GeneratedPage(EVENTS_SRC_URI, render(
        "events.md.j2", link=link, months=_months(items, context), segments=segments, places=places,
        calls=calls, count=len(items), today=day_span(today), day_span=day_span,
        feeds={"all": calendar.EVENTS_ICS, "cfp": calendar.CFP_ICS,
               "segments": [(name, calendar.segment_ics(segment)) for segment, name in segments]},
        meetups="meetups/index.md"))
    site_url, directory_urls = settings.site_url, settings.use_directory_urls
    yield GeneratedPage(calendar.EVENTS_ICS, calendar.calendar_bytes(
        "PM Genome: product events", "Coming meetups and conferences for product managers, from the PM Genome "
        "catalog.", items, today, site_url, directory_urls))
    yield GeneratedPage(calendar.CFP_ICS, calendar.calendar_bytes(
        "PM Genome: calls for speakers", "The last day to submit a talk to a coming product event.",
        calls, today, site_url, directory_urls, cfp=True))
    for segment, name in segments:
        mine = [item for item in items if segment in item.view.entry.segments]
        yield GeneratedPage(calendar.segment_ics(segment), calendar.calendar_bytes(
            f"PM Genome: {name} product events", f"Coming meetups and conferences for {name} product managers.",
            mine, today, site_url, directory_urls))
