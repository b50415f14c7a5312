"""events/, the calendar feeds and the meetup pages' next edition, in a real build with a fixed
SOURCE_DATE_EPOCH (2026-12-06): a past edition never shows as coming."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from tests.support.eventsites import build_events_site

FEEDS = ("events.ics", "events/cfp.ics", "segments/b2b/events.ics", "segments/design/events.ics",
         "segments/b2c/events.ics", "segments/technical/events.ics")


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    first = build_events_site(tmp_path_factory.mktemp("events-a"))
    second = build_events_site(tmp_path_factory.mktemp("events-b"))
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    return first.site, second.site


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def _calendar(site: Path, name: str) -> Calendar:
    return Calendar.from_ical((site / name).read_bytes())


@pytest.mark.parametrize("name", [*FEEDS, "events/index.html"])
def test_two_builds_with_one_epoch_are_byte_identical(builds: tuple[Path, Path], name: str) -> None:
    first, second = builds
    assert (first / name).read_bytes() == (second / name).read_bytes()


def test_only_coming_editions_are_in_the_calendar(builds: tuple[Path, Path]) -> None:
    site = builds[0]
    events = {str(event["UID"]): event for event in _calendar(site, "events.ics").walk("VEVENT")}
    # Kigali's 2026 edition and Lagos's only evening are past on 2026-12-06.
    assert sorted(events) == ["growth-call-20270114@pmgenome", "kigali-summit-20270227@pmgenome"]
    event = events["kigali-summit-20270227@pmgenome"]
    assert event["DTSTART"].dt == dt.date(2027, 2, 27)
    assert event["DTEND"].dt == dt.date(2027, 3, 2)  # exclusive: the day after the last
    assert event["DTSTAMP"].dt == dt.datetime(2026, 12, 6, tzinfo=dt.timezone.utc)
    assert (str(event["SUMMARY"]), str(event["LOCATION"]), str(event["URL"])) == (
        "Kigali Product Summit 2027", "Nairobi, Kenya", "https://fixture.example.com/meetups/kigali/2027")
    assert str(event["DESCRIPTION"]) == (
        "Segments: B2B, Design-led. Call for speakers open until 31 December 2026. "
        "In PM Genome: https://pm.example.org/resources/kigali-summit/")
    call = events["growth-call-20270114@pmgenome"]
    assert (call["DTSTART"].dt, call["DTEND"].dt, str(call["LOCATION"]), str(call["URL"])) == (
        dt.date(2027, 1, 14), dt.date(2027, 1, 15), "Online", "https://fixture.example.com/meetups/growth-call")
    raw = (site / "events.ics").read_bytes()
    assert b"DTSTART;VALUE=DATE:20270227\r\n" in raw and b"DTEND;VALUE=DATE:20270302\r\n" in raw


def test_segment_feeds_hold_their_segments_events_and_the_cfp_feed_the_deadline(builds: tuple[Path, Path]) -> None:
    site = builds[0]
    uids = {name: sorted(str(e["UID"]) for e in _calendar(site, name).walk("VEVENT")) for name in FEEDS[2:]}
    assert uids == {"segments/b2b/events.ics": ["kigali-summit-20270227@pmgenome"],
                    "segments/design/events.ics": ["kigali-summit-20270227@pmgenome"],
                    "segments/b2c/events.ics": ["growth-call-20270114@pmgenome"],
                    "segments/technical/events.ics": []}
    (call,) = _calendar(site, "events/cfp.ics").walk("VEVENT")
    assert (str(call["UID"]), str(call["SUMMARY"]), call["DTSTART"].dt, call["DTEND"].dt) == (
        "kigali-summit-20270227-cfp@pmgenome", "Call for speakers closes: Kigali Product Summit 2027",
        dt.date(2026, 12, 31), dt.date(2027, 1, 1))


def test_the_events_page_lists_coming_editions_by_month_and_links_the_feeds(builds: tuple[Path, Path]) -> None:
    page = _soup(builds[0], "events/index.html")
    months = [(section.h2.get_text(), [row.get_text(" ", strip=True) for row in section.select(".pmg-event")])
              for section in page.select("[data-month]")]
    assert months == [
        ("January 2027", ["14 January 2027 · Consumer Growth Call · Online · B2C"]),
        ("February 2027", ["27 February – 1 March 2027 · Kigali Product Summit 2027 · Nairobi, Kenya · B2B, Design-led · "
                           "Call for speakers open until 31 December 2026"])]
    rows = [(row["data-segments"], row["data-place"]) for row in page.select(".pmg-event")]
    assert rows == [("b2c", "online"), ("b2b design", "KE")]
    feeds = {a.get_text(): a["href"] for a in page.select(".pmg-feeds a")}
    assert feeds == {"every coming event": "../events.ics", "open calls for speakers": "cfp.ics",
                     "B2B": "../segments/b2b/events.ics", "B2C": "../segments/b2c/events.ics",
                     "Technical": "../segments/technical/events.ics", "Design-led": "../segments/design/events.ics"}
    places = [option.get_text() for option in page.select("select[name=place] option")]
    assert places == ["Anywhere", "Online", "Kenya"]
    assert [a.get_text() for a in page.select("#calls-for-speakers + ul a")] == ["Kigali Product Summit 2027"]
    segment = _soup(builds[0], "segments/design/index.html").select(".pmg-feeds a")
    assert [(a.get_text(), a["href"]) for a in segment] == [
        ("Subscribe to this segment's coming events", "events.ics"), ("them all on Events", "../../events/?segment=design")]


def test_meetup_pages_and_the_listing_say_the_next_edition_or_the_last(builds: tuple[Path, Path]) -> None:
    site = builds[0]

    def facts(entry_id: str) -> dict[str, str]:
        page = _soup(site, f"resources/{entry_id}/index.html")
        return {dt_.get_text(): dt_.find_next_sibling("dd").get_text() for dt_ in page.select(".pmg-facts dt")}

    kigali, lagos = facts("kigali-summit"), facts("lagos-evenings")
    assert (kigali["Where"], kigali["Meets"], kigali["Next edition"], kigali["Call for speakers"],
            kigali["Last held"]) == ("Kigali, Rwanda", "Yearly", "27 February – 1 March 2027, Nairobi, Kenya",
                                     "open until 31 December 2026", "9–10 June 2026, Kigali, Rwanda")
    assert (lagos["Meets"], lagos["Next edition"], lagos["Last held"]) == (
        "Monthly", "No date announced", "17 September 2026, Lagos, Nigeria")
    listing = _soup(site, "meetups/index.html")
    whens = {li["data-entry-id"]: li.select_one(".pmg-when").get_text()
             for li in listing.select("li[data-entry-id]") if li.select_one(".pmg-when")}
    assert whens == {"kigali-summit": "Next: 27 February – 1 March 2027, Nairobi, Kenya",
                     "lagos-evenings": "No date announced; last held September 2026",
                     "growth-call": "Next: 14 January 2027, Online"}
    headings = [h.get_text().rstrip("¶") for h in listing.select("h2")]
    assert "Rwanda" in headings and "Nigeria" in headings and "RW" not in headings


def test_an_epoch_that_names_no_day_stops_the_build(tmp_path: Path) -> None:
    build = build_events_site(tmp_path, epoch="next tuesday")
    assert build.returncode == 1
    assert ("pmgenome: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, "
            "not 'next tuesday'; the site is not built") in build.stderr
