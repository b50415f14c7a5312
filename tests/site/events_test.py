"""events/, the calendar feeds and the meetup pages' next edition, in a real build with a fixed
SOURCE_DATE_EPOCH (2026-12-06): a past edition never shows as coming."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from tests.support.sitebuild import Build, build_site, fixture_catalog, write_config

EPOCH = "1796558400"  # 2026-12-06 12:00 UTC
KIGALI = """\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/meetup.schema.json
title: Kigali Product Summit
url: https://fixture.example.com/meetups/kigali
summary: >-
  A fixture yearly conference in Kigali with one edition held in 2026 and one announced for
  2027, whose call for speakers is still open on the build's day.
segments: [b2b, design]
access: paid
organizer: Fixture Organizers
city: Kigali
country: RW
online: false
cadence: yearly
added: 2026-11-01
reviewed: 2026-11-20
events:
  - start: 2026-06-09
    end: 2026-06-10
    name: Kigali Product Summit 2026
  - start: 2027-02-27
    end: 2027-03-01
    name: Kigali Product Summit 2027
    city: Nairobi
    country: KE
    url: https://fixture.example.com/meetups/kigali/2027
    cfp_until: 2026-12-31
"""
LAGOS = """\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/meetup.schema.json
title: Lagos Product Evenings
url: https://fixture.example.com/meetups/lagos
summary: >-
  A fixture monthly meetup in Lagos whose last dated evening was in September 2026 and whose
  next one has not been announced on the build's day.
segments: [b2c]
access: free
city: Lagos
country: NG
online: false
cadence: monthly
added: 2026-11-01
reviewed: 2026-11-20
events:
  - start: 2026-09-17
"""


def _build(workdir: Path, monkeypatch: pytest.MonkeyPatch, epoch: str = EPOCH) -> Build:
    catalog = fixture_catalog(workdir / "catalog")
    (catalog / "meetups" / "kigali-summit.yaml").write_text(KIGALI, encoding="utf-8")
    (catalog / "meetups" / "lagos-evenings.yaml").write_text(LAGOS, encoding="utf-8")
    config = write_config(workdir / "mkdocs.yml", catalog)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    return build_site(config, workdir / "site", site_url="https://pm.example.org/")


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    with pytest.MonkeyPatch.context() as monkeypatch:
        first = _build(tmp_path_factory.mktemp("events-a"), monkeypatch)
        second = _build(tmp_path_factory.mktemp("events-b"), monkeypatch)
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    return first.site, second.site


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def _calendar(site: Path, name: str) -> Calendar:
    return Calendar.from_ical((site / name).read_bytes())


FEEDS = ("events.ics", "events/cfp.ics", "segments/b2b/events.ics", "segments/design/events.ics",
         "segments/b2c/events.ics", "segments/technical/events.ics")


@pytest.mark.parametrize("name", [*FEEDS, "events/index.html"])
def test_two_builds_with_one_epoch_are_byte_identical(builds: tuple[Path, Path], name: str) -> None:
    first, second = builds
    assert (first / name).read_bytes() == (second / name).read_bytes()


def test_only_the_coming_edition_is_in_the_calendar(builds: tuple[Path, Path]) -> None:
    site = builds[0]
    events = _calendar(site, "events.ics").walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["UID"]) == "kigali-summit-20270227@pmgenome"
    assert event["DTSTART"].dt == dt.date(2027, 2, 27)
    assert event["DTEND"].dt == dt.date(2027, 3, 2)  # exclusive: the day after the last
    assert event["DTSTAMP"].dt == dt.datetime(2026, 12, 6, tzinfo=dt.timezone.utc)
    assert (str(event["SUMMARY"]), str(event["LOCATION"]), str(event["URL"])) == (
        "Kigali Product Summit 2027", "Nairobi, Kenya", "https://fixture.example.com/meetups/kigali/2027")
    assert str(event["DESCRIPTION"]) == (
        "Segments: B2B, Design-led. Call for speakers open until 31 December 2026. "
        "In PM Genome: https://pm.example.org/resources/kigali-summit/")
    raw = (site / "events.ics").read_bytes()
    assert b"DTSTART;VALUE=DATE:20270227\r\n" in raw and b"DTEND;VALUE=DATE:20270302\r\n" in raw


def test_segment_feeds_hold_their_segments_events_and_the_cfp_feed_the_deadline(builds: tuple[Path, Path]) -> None:
    site = builds[0]
    counts = {name: len(_calendar(site, name).walk("VEVENT")) for name in FEEDS[2:]}
    assert counts == {"segments/b2b/events.ics": 1, "segments/design/events.ics": 1,
                      "segments/b2c/events.ics": 0, "segments/technical/events.ics": 0}
    (call,) = _calendar(site, "events/cfp.ics").walk("VEVENT")
    assert (str(call["UID"]), str(call["SUMMARY"]), call["DTSTART"].dt, call["DTEND"].dt) == (
        "kigali-summit-20270227-cfp@pmgenome", "Call for speakers closes: Kigali Product Summit 2027",
        dt.date(2026, 12, 31), dt.date(2027, 1, 1))


def test_the_events_page_lists_coming_editions_by_month_and_links_the_feeds(builds: tuple[Path, Path]) -> None:
    page = _soup(builds[0], "events/index.html")
    months = [(section.h2.get_text(), [row.get_text(" ", strip=True) for row in section.select(".pmg-event")])
              for section in page.select("[data-month]")]
    assert months == [("February 2027", [
        "27 February – 1 March 2027 · Kigali Product Summit 2027 · Nairobi, Kenya · B2B, Design-led · "
        "Call for speakers open until 31 December 2026"])]
    row = page.select_one(".pmg-event")
    assert (row["data-segments"], row["data-place"]) == ("b2b design", "KE")
    feeds = {a.get_text(): a["href"] for a in page.select(".pmg-feeds a")}
    assert feeds == {"every coming event": "../events.ics", "open calls for speakers": "cfp.ics",
                     "B2B": "../segments/b2b/events.ics", "B2C": "../segments/b2c/events.ics",
                     "Technical": "../segments/technical/events.ics", "Design-led": "../segments/design/events.ics"}
    places = [option.get_text() for option in page.select("select[name=place] option")]
    assert places == ["Anywhere", "Online", "Kenya"]
    segment = _soup(builds[0], "segments/design/index.html").select_one(".pmg-feeds a")
    assert segment["href"] == "events.ics"


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
                     "lagos-evenings": "No date announced; last held September 2026"}
    headings = [h.get_text().rstrip("¶") for h in listing.select("h2")]
    assert "Rwanda" in headings and "Nigeria" in headings and "RW" not in headings


def test_an_epoch_that_names_no_day_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = _build(tmp_path, monkeypatch, epoch="next tuesday")
    assert build.returncode == 1
    assert ("pmgenome: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, "
            "not 'next tuesday'; the site is not built") in build.stderr
