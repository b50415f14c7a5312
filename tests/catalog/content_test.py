"""The shipped catalog: valid, and worth a visit on day one (issue 10's floors)."""

from __future__ import annotations

import datetime as dt

import pytest
from pmgenome.catalog.editions import RECURRING, editions
from pmgenome.catalog.model import Kind
from pmgenome.catalog.programs import places
from pmgenome.catalog.staleness import months_before

from tests.support.catalogs import shipped

CATALOG, PROBLEMS = shipped()
SEGMENTS = CATALOG.taxonomy.ids("segments")
MIN_ENTRIES = 300
TOP = 5
MIN_MEETUPS = 5
# Europe as a reader means it (the EU, EEA, the UK, Switzerland, the Balkans and the east), so
# that "outside the US and Europe" means a meetup in Asia, Africa, Oceania or the rest of the Americas.
EUROPE = frozenset("""AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI
                      LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK""".split())


def test_shipped_catalog_is_valid() -> None:
    assert [str(problem) for problem in PROBLEMS] == []


def test_the_catalog_holds_at_least_300_entries_of_every_kind() -> None:
    assert len(CATALOG.entries) >= MIN_ENTRIES
    assert CATALOG.kinds == tuple(Kind)


# Programs are grouped by flavour on programs/ and offered by how near their T is; curators pick
# the top five of the kinds a reader reads, watches or attends.
PICKED_KINDS = [kind for kind in Kind if kind is not Kind.PROGRAM]


@pytest.mark.parametrize("segment", SEGMENTS)
@pytest.mark.parametrize("kind", PICKED_KINDS)
def test_every_segment_has_a_full_top_five_of_picks_each_with_a_why(segment: str, kind: Kind) -> None:
    picks = CATALOG.picks.get(segment, {}).get(kind, ())
    assert len(picks) == TOP, f"{segment}/{kind.value} has {len(picks)} picks"
    for entry_id in picks:
        why = CATALOG.pick_reasons.get((segment, kind, entry_id), "")
        assert why.strip(), f"{segment}/{kind.value}/{entry_id} has no why"
        entry = CATALOG.by_id[entry_id]
        assert entry.kind is kind and segment in entry.segments


@pytest.mark.parametrize("segment", SEGMENTS)
def test_every_segment_has_meetups_online_and_beyond_the_us_and_europe(segment: str) -> None:
    meetups = [entry for entry in CATALOG.of_kind(Kind.MEETUP) if segment in entry.segments]
    assert len(meetups) >= MIN_MEETUPS, [entry.id for entry in meetups]
    assert any(entry.online for entry in meetups), f"{segment} has no online community"
    beyond = [entry.id for entry in meetups if not entry.online and entry.country and entry.country != "US"
              and entry.country not in EUROPE]
    assert beyond, f"{segment} has no meetup outside the US and Europe"


def test_every_entry_says_how_to_get_it_and_when_it_was_reviewed() -> None:
    missing = [entry.id for entry in CATALOG.entries
               if (entry.access is None and entry.kind is not Kind.PROGRAM) or entry.reviewed is None]
    assert missing == []
    assert all("cost" not in entry.fields for entry in CATALOG.entries)


def test_no_news_site_or_launch_board_is_a_meetup() -> None:
    # Kind hygiene (CONTRIBUTING.md): a place to read or launch is not a place to meet.
    hosts = ("news.ycombinator.com", "producthunt.com", "www.producthunt.com")
    assert [entry.id for entry in CATALOG.of_kind(Kind.MEETUP) if any(f"//{host}" in entry.url for host in hosts)] == []


def test_every_entry_file_starts_with_its_schema_line() -> None:
    for entry in CATALOG.entries:
        assert entry.first_line.endswith(f"/schema/{entry.kind.value}.schema.json"), entry.path


def test_the_yc_talk_is_a_video_by_its_speaker() -> None:
    talk = CATALOG.by_id["yc-how-to-talk-to-users"]
    assert (talk.kind, talk.speaker, talk.path.parent.name) == (Kind.VIDEO, "Gustaf Alströmer", "videos")


# Issue 20: communities and events near every reader, dated. The editions were checked on this
# day; the stale-event warnings of `pmgenome validate` follow the live clock instead.
EVENTS_CHECKED_ON = dt.date(2026, 12, 6)
MIN_CITIES, MIN_COUNTRIES, MIN_CONTINENTS = 25, 20, 5
# Measured 36 of 45 (80%) on EVENTS_CHECKED_ON, the share issue 20 asks for. The other 9 could not
# be dated within 13 months from stored public material and say so on their entries; raise this as
# they are dated.
MIN_CURRENT_SHARE = 0.8
NO_DATE_NOTE = "could be confirmed when this entry was last reviewed"
CONTINENT = {
    **dict.fromkeys("AT BE CH CZ DE DK EE ES FI FR GB GR HU IE IS IT LT LU LV NL NO PL PT RO SE SI SK UA".split(),
                    "Europe"),
    **dict.fromkeys("CA MX US".split(), "North America"),
    **dict.fromkeys("AR BR CL CO PE UY".split(), "South America"),
    **dict.fromkeys("AE CN HK ID IL IN JP KR MY PH SA SG TH TW VN".split(), "Asia"),
    **dict.fromkeys("EG ET GH KE MA NG RW ZA".split(), "Africa"),
    **dict.fromkeys("AU NZ".split(), "Oceania"),
}
RECENT = months_before(EVENTS_CHECKED_ON, 13)
MEETUPS = CATALOG.of_kind(Kind.MEETUP)


def _in_person_places() -> set[tuple[str, str]]:
    """(city, country) of every in-person meetup, and of every in-person edition held since RECENT."""
    places = {(" ".join(e.city.split()), e.country) for e in MEETUPS if not e.online and e.city and e.country}
    places |= {(edition.city, edition.country) for e in MEETUPS for edition in editions(e)
               if not edition.online and edition.city and edition.country and edition.last_day >= RECENT}
    return places


def test_in_person_communities_and_events_span_cities_countries_and_continents() -> None:
    places = _in_person_places()
    countries = {country for _, country in places}
    assert countries <= set(CONTINENT), f"add the continent of {sorted(countries - set(CONTINENT))}"
    assert len(places) >= MIN_CITIES, sorted(places)
    assert len(countries) >= MIN_COUNTRIES, sorted(countries)
    assert len({CONTINENT[country] for country in countries}) >= MIN_CONTINENTS


def test_every_conference_has_a_dated_edition_or_says_none_could_be_placed() -> None:
    conferences = [e for e in MEETUPS if not e.online and e.cadence == "yearly"]
    undated = [e.id for e in conferences if not editions(e) and NO_DATE_NOTE not in " ".join(e.summary.split())]
    assert undated == []


def test_most_recurring_in_person_events_are_dated_within_13_months_or_coming() -> None:
    recurring = [e for e in MEETUPS if not e.online and e.cadence in RECURRING]
    current = [e for e in recurring if any(edition.last_day >= RECENT for edition in editions(e))]
    assert len(current) / len(recurring) >= MIN_CURRENT_SHARE, [e.id for e in recurring if e not in current]


def test_communities_are_not_filed_as_dated_events() -> None:
    # Issue 26: a mentoring marketplace and a paid club are ongoing communities, not events.
    assert {CATALOG.by_id[entry_id].cadence for entry_id in ("adplist", "pavilion")} == {"ongoing"}


# Issue 24: company and institution PM programs, each at the company's or institution's own page
# or post. The issue asks for 25 programs at 15 companies in 4 countries; stored public material
# placed 28 at such a page, from 28 companies and institutions in 10 countries (many more were seen
# only on job boards, staging copies, news, podcasts or alumni posts, which are no canonical
# address), so the floor holds what was measured and a curator raises it as programs are placed.
PROGRAMS = CATALOG.of_kind(Kind.PROGRAM)
MIN_PROGRAMS, MIN_PROGRAM_COMPANIES, MIN_PROGRAM_COUNTRIES = 28, 28, 10


def test_programs_span_companies_and_countries() -> None:
    companies = {entry.company for entry in PROGRAMS}
    countries = {place.country for entry in PROGRAMS for place in places(entry) if place.country}
    assert len(PROGRAMS) >= MIN_PROGRAMS, len(PROGRAMS)
    assert len(companies) >= MIN_PROGRAM_COMPANIES, sorted(companies)
    assert len(countries) >= MIN_PROGRAM_COUNTRIES, sorted(countries)


def test_every_program_says_who_it_takes_and_what_it_builds_or_that_its_page_does_not() -> None:
    # A program whose page names no skill says so by listing none: its T is then not drawn.
    assert [entry.id for entry in PROGRAMS if not entry.audience or not entry.company] == []
    assert all(entry.levels for entry in PROGRAMS)
