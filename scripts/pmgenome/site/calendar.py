"""Calendar feeds (RFC 5545, written with `icalendar`): coming editions and open calls for speakers.

events.ics holds every coming edition, segments/<segment>/events.ics a segment's, and
events/cfp.ics the calls for speakers still open. Editions are all-day events (VALUE=DATE, with
an exclusive DTEND); a UID is derived from the entry and the edition's start, so a calendar that
subscribed once sees the same event in every build; DTSTAMP is the build's date, never the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

from icalendar import Calendar, Event

from pmgenome.catalog.editions import Edition
from pmgenome.site.hrefs import page_url
from pmgenome.site.views import EntryView
from pmgenome.site.when import day_span, place
from pmgenome.text.clean import one_line

EVENTS_ICS = "events.ics"
CFP_ICS = "events/cfp.ics"
PRODID = "-//PM Genome//pmgenome calendars//EN"
UID_DOMAIN = "pmgenome"
ONE_DAY = dt.timedelta(days=1)


def segment_ics(segment_id: str) -> str:
    return f"segments/{segment_id}/events.ics"


@dataclass(frozen=True)
class Listing:
    """One coming edition with the entry it belongs to: a line of events/ and an event of a feed."""

    view: EntryView
    edition: Edition
    segments: tuple[str, ...]  # the segments' names

    @property
    def title(self) -> str:
        name = one_line(self.edition.name or "")
        return name or self.view.title

    def uid(self, suffix: str = "") -> str:
        return f"{self.view.id}-{self.edition.start.strftime('%Y%m%d')}{suffix}@{UID_DOMAIN}"


def _calendar(name: str, description: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-caldesc", description)
    return calendar


def _stamp(today: dt.date) -> dt.datetime:
    return dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc)


def _page(listing: Listing, site_url: str | None, use_directory_urls: bool) -> str | None:
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + page_url(listing.view.src_uri, use_directory_urls)


def _event(listing: Listing, today: dt.date, site_url: str | None, use_directory_urls: bool,
           cfp: bool = False) -> Event:
    edition = listing.edition
    event = Event()
    lines = []
    if cfp:
        assert edition.cfp_until is not None
        event.add("uid", listing.uid("-cfp"))
        event.add("summary", f"Call for speakers closes: {listing.title}")
        event.add("dtstart", edition.cfp_until)
        event.add("dtend", edition.cfp_until + ONE_DAY)
        lines.append(f"The edition runs {day_span(edition.start, edition.end)}.")
    else:
        event.add("uid", listing.uid())
        event.add("summary", listing.title)
        event.add("dtstart", edition.start)
        event.add("dtend", edition.last_day + ONE_DAY)  # RFC 5545: a date DTEND is exclusive
        if edition.cfp_open(today) and edition.cfp_until is not None:
            lines.append(f"Call for speakers open until {day_span(edition.cfp_until)}.")
    event.add("dtstamp", _stamp(today))
    event.add("transp", "TRANSPARENT")
    where = place(edition)
    if where:
        event.add("location", where)
    if edition.url:
        event.add("url", edition.url)
    lines.insert(0, f"Segments: {', '.join(listing.segments)}." if listing.segments else "")
    page = _page(listing, site_url, use_directory_urls)
    if page:
        lines.append(f"In PM Genome: {page}")
    event.add("description", " ".join(line for line in lines if line))
    return event


def calendar_bytes(name: str, description: str, listings: Iterable[Listing], today: dt.date,
                   site_url: str | None, use_directory_urls: bool, cfp: bool = False) -> bytes:
    """One feed: `listings` in the order given, as calendar events (or their calls' deadlines)."""
    calendar = _calendar(name, description)
    for listing in listings:
        calendar.add_component(_event(listing, today, site_url, use_directory_urls, cfp))
    return cast(bytes, calendar.to_ical())  # icalendar leaves to_ical unannotated


def open_calls(listings: Sequence[Listing], today: dt.date) -> list[Listing]:
    """Coming editions whose call for speakers is still open, the soonest deadline first."""
    calls = [listing for listing in listings if listing.edition.cfp_open(today)]
    return sorted(calls, key=lambda listing: (listing.edition.cfp_until, listing.edition.start, listing.view.id))
