"""A program's fields, places, application windows and skill levels: each rule, with its whole
message at its place, and which window is open on a given day."""

from __future__ import annotations

import datetime as dt

import pytest
from pmgenome.catalog.programs import (
    Place,
    WindowState,
    formats,
    last_window,
    next_window,
    places,
    skill_levels,
    windows,
)
from pmgenome.catalog.validate import validate_catalog

from tests.support.catalogs import CatalogDir

FILE = "catalog/programs/acme-apm.yaml"
PROGRAM = """\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/program.schema.json
title: Acme Associate Product Manager Program
url: https://example.org/acme-apm
summary: >-
  A made-up two-year program used to check that a program's places, windows and levels are
  read, and that their contradictions are located where they are written.
company: Acme
audience: [new-graduates, career-changers]
months: 24
format: [rotations, cohort]
places:
  - {city: Lagos, country: NG}
  - {remote: true}
paid: true
segments: [b2b]
skills: [go-to-market, communication]
skill_levels: {go-to-market: 2}
levels: [aspiring]
added: 2026-01-01
reviewed: 2026-01-02
windows:
  - start: 2026-09-01
    end: 2026-09-30
    name: 2027 intake
  - start: 2025-09-01
    end: 2025-09-14
"""


def problems_of(catalog_dir: CatalogDir, text: str) -> list[str]:
    catalog_dir.write("programs/acme-apm.yaml", text)
    _, problems = validate_catalog(catalog_dir.root)
    return [str(problem) for problem in problems]


def test_a_program_is_valid_and_read(catalog_dir: CatalogDir) -> None:
    assert problems_of(catalog_dir, PROGRAM) == []
    catalog, _ = validate_catalog(catalog_dir.root)
    entry = catalog.by_id["acme-apm"]
    assert (entry.company, entry.audience, entry.months, entry.paid) == (
        "Acme", ("new-graduates", "career-changers"), 24, True)
    assert formats(entry) == ("rotations", "cohort")
    assert places(entry) == (Place(country="NG", city="Lagos"), Place(remote=True))
    assert skill_levels(entry) == {"go-to-market": 2}
    earlier, later = windows(entry)  # earliest first, whatever the file's order
    assert (earlier.start, earlier.end, earlier.index) == (dt.date(2025, 9, 1), dt.date(2025, 9, 14), 1)
    assert (later.name, later.index) == ("2027 intake", 0)


@pytest.mark.parametrize(("today", "state"), [
    (dt.date(2026, 8, 31), WindowState.COMING),
    (dt.date(2026, 9, 1), WindowState.OPEN),  # open from its first day
    (dt.date(2026, 9, 30), WindowState.OPEN),  # and on its last
    (dt.date(2026, 10, 1), WindowState.CLOSED),  # never open once its last day has passed
])
def test_a_window_is_open_from_its_first_to_its_last_day(catalog_dir: CatalogDir, today: dt.date,
                                                           state: WindowState) -> None:
    problems_of(catalog_dir, PROGRAM)
    catalog, _ = validate_catalog(catalog_dir.root)
    later = windows(catalog.by_id["acme-apm"])[1]
    assert later.state(today) is state


def test_the_next_window_is_the_open_one_or_the_next_to_open_and_none_once_all_closed(
        catalog_dir: CatalogDir) -> None:
    problems_of(catalog_dir, PROGRAM)
    catalog, _ = validate_catalog(catalog_dir.root)
    entry = catalog.by_id["acme-apm"]
    earlier, later = windows(entry)
    assert next_window(entry, dt.date(2025, 9, 10)) == earlier
    assert next_window(entry, dt.date(2025, 9, 15)) == later
    assert last_window(entry, dt.date(2025, 9, 15)) == earlier
    assert next_window(entry, dt.date(2026, 10, 1)) is None
    assert last_window(entry, dt.date(2026, 10, 1)) == later


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("    end: 2026-09-30", "    end: 2026-08-30",
     [f"{FILE}:23:10: 'windows[0].end' (2026-08-30) is before it opens (2026-09-01); write the last day to apply"]),
    ("    end: 2025-09-14", "    end: 2025-09-31",
     [f"{FILE}:26:10: impossible date 2025-09-31 (use a real day, YYYY-MM-DD)"]),
    ("    end: 2025-09-14\n", "",
     [f"{FILE}:25:5: 'windows[1]' needs an 'end'"]),
    ("  - {city: Lagos, country: NG}", "  - {city: Lagos, country: XX}",
     [f"{FILE}:12:28: 'XX' is not an ISO 3166-1 alpha-2 country code; write two capital letters, like GB"]),
    ("skill_levels: {go-to-market: 2}", "skill_levels: {pricing: 2}",
     [f"{FILE}:17:16: 'skill_levels' gives a level for pricing, which 'skills' does not list; "
      "add pricing to skills or drop its level"]),
    ("skill_levels: {go-to-market: 2}", "skill_levels: {go-to-market: 4}",
     [f"{FILE}:17:30: 'skill_levels.go-to-market': 4 is greater than the maximum of 3"]),
    ("audience: [new-graduates, career-changers]", "audience: [new-graduates, students]",
     [f"{FILE}:8:27: 'students' is not a valid audience; choose from new-graduates, career-changers, "
      "internal-transfers, practitioners"]),
    ("months: 24", "duration: 24",
     [f"{FILE}:9:1: unknown field 'duration' for a program (did you mean 'months'?)"]),
    ("company: Acme\n", "",
     [f"{FILE}:2:1: missing required field 'company'"]),
])
def test_each_program_rule_is_said_where_it_is_written(catalog_dir: CatalogDir, old: str, new: str,
                                                        expected: list[str]) -> None:
    assert old in PROGRAM
    assert problems_of(catalog_dir, PROGRAM.replace(old, new)) == expected


@pytest.mark.parametrize(("place", "expected"), [
    ("{city: Remote}", "'places[1]' names no country; add country (a two-letter code, like GB), or write "
                       "remote: true for a program run remotely"),
    ("{remote: true, country: NG}", "'places[1]' is remote and names a place too; write a place in one item "
                                    "and remote: true in another"),
])
def test_a_program_place_is_a_country_or_remote(catalog_dir: CatalogDir, place: str, expected: str) -> None:
    text = PROGRAM.replace("  - {remote: true}", f"  - {place}")
    assert problems_of(catalog_dir, text) == [f"{FILE}:13:5: {expected}"]


def test_a_window_name_and_a_place_city_are_plain_text(catalog_dir: CatalogDir) -> None:
    text = PROGRAM.replace("name: 2027 intake", "name: <b>2027</b> intake").replace("city: Lagos", "city: '**Lagos**'")
    assert problems_of(catalog_dir, text) == [
        f"{FILE}:12:12: 'places[0].city' contains Markdown emphasis (**Lagos**); write plain text",
        f"{FILE}:24:11: 'windows[0].name' contains HTML (<b>); write plain text",
    ]
