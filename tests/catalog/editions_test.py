"""A meetup's cadence and dated editions: each rule, with its whole message at its place."""

from __future__ import annotations

import datetime as dt

import pytest
from pmgenome.catalog.editions import editions, last_edition, next_edition
from pmgenome.catalog.validate import validate_catalog

from tests.support.catalogs import CatalogDir

FILE = "catalog/meetups/kigali-pm.yaml"
MEETUP = """\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/meetup.schema.json
title: Kigali PM Meetup
url: https://example.org/kigali-pm
summary: >-
  A made-up product meetup in Kigali used to check that dated editions are read and that
  their contradictions are located where they are written.
segments: [b2b]
access: free
added: 2026-01-01
reviewed: 2026-01-02
city: Kigali
country: RW
online: false
cadence: yearly
events:
  - start: 2025-06-10
    end: 2025-06-11
    url: https://example.org/kigali-pm/2025
  - start: 2026-06-09
    name: Kigali PM 2026
    cfp_until: 2026-04-30
"""


def problems_of(catalog_dir: CatalogDir, text: str) -> list[str]:
    catalog_dir.write("meetups/kigali-pm.yaml", text)
    _, problems = validate_catalog(catalog_dir.root)
    return [str(problem) for problem in problems]


def test_a_meetup_with_dated_editions_is_valid_and_read_in_order(catalog_dir: CatalogDir) -> None:
    assert problems_of(catalog_dir, MEETUP) == []
    catalog, _ = validate_catalog(catalog_dir.root)
    entry = catalog.by_id["kigali-pm"]
    first, second = editions(entry)
    assert (first.start, first.end, first.city, first.country, first.url) == (
        dt.date(2025, 6, 10), dt.date(2025, 6, 11), "Kigali", "RW", "https://example.org/kigali-pm/2025")
    assert (second.name, second.url, second.cfp_until) == (
        "Kigali PM 2026", "https://example.org/kigali-pm", dt.date(2026, 4, 30))
    assert next_edition(entry, dt.date(2025, 6, 11)) == first  # running on its last day
    assert next_edition(entry, dt.date(2025, 6, 12)) == second
    assert last_edition(entry, dt.date(2025, 6, 12)) == first
    assert next_edition(entry, dt.date(2026, 6, 10)) is None


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("    end: 2025-06-11", "    end: 2025-06-01",
     [f"{FILE}:17:10: 'events[0].end' (2025-06-01) is before its start (2025-06-10); write the last day of the edition"]),
    ("    cfp_until: 2026-04-30", "    cfp_until: 2026-06-30",
     [f"{FILE}:21:16: 'events[1].cfp_until' (2026-06-30) is after the edition starts (2026-06-09); "
      "write the last day to submit a talk"]),
    ("  - start: 2026-06-09", "  - start: 2026-02-30",
     [f"{FILE}:19:12: impossible date 2026-02-30 (use a real day, YYYY-MM-DD)"]),
    ("  - start: 2026-06-09", "  - start: June 2026",
     [f"{FILE}:19:12: 'events[1].start' must be a date written YYYY-MM-DD, like 2026-11-26"]),
    ("    name: Kigali PM 2026", "    city: Nairobi\n    country: XK",
     [f"{FILE}:21:14: 'XK' is not an ISO 3166-1 alpha-2 country code; write two capital letters, like GB"]),
    ("    name: Kigali PM 2026", "    city: Nairobi",
     [f"{FILE}:19:5: 'events[1]' names the city Nairobi but no country; add country (a two-letter code, like GB)"]),
    ("    name: Kigali PM 2026", "    country: KE",
     [f"{FILE}:19:5: 'events[1]' names a country but no city; add city"]),
    ("  - start: 2026-06-09", "  - url: https://example.org/kigali-pm/2026",
     [f"{FILE}:19:5: 'events[1]' needs a 'start'"]),
    ("    name: Kigali PM 2026", "    venue: Kigali Convention Centre",
     [f"{FILE}:20:5: unknown field 'venue' in 'events[1]'; use only start, end, name, city, country, online, url "
      "and cfp_until"]),
    ("    name: Kigali PM 2026", "    name: Kigali <b>PM</b> 2026",
     [f"{FILE}:20:11: 'events[1].name' contains HTML (<b>); write plain text"]),
    ("cadence: yearly", "frequency: yearly",
     [f"{FILE}:2:1: missing required field 'cadence'",
      f"{FILE}:14:1: unknown field 'frequency' for a meetup (did you mean 'cadence'?)"]),
    ("cadence: yearly", "cadence: biennial",
     [f"{FILE}:14:10: 'biennial' is not a valid cadence; choose from weekly, monthly, quarterly, yearly, irregular, "
      "ongoing"]),
])
def test_each_edition_rule_is_located(catalog_dir: CatalogDir, old: str, new: str, expected: list[str]) -> None:
    assert old in MEETUP
    assert problems_of(catalog_dir, MEETUP.replace(old, new, 1)) == expected


def test_an_in_person_edition_of_an_online_community_must_say_where(catalog_dir: CatalogDir) -> None:
    online = (MEETUP.replace("city: Kigali\ncountry: RW\nonline: false", "online: true")
              .replace("cadence: yearly", "cadence: ongoing"))
    assert problems_of(catalog_dir, online) == []  # its editions are online, as it is
    catalog, _ = validate_catalog(catalog_dir.root)
    assert [(e.online, e.city, e.country) for e in editions(catalog.by_id["kigali-pm"])] == [
        (True, None, None), (True, None, None)]
    in_person = online.replace("    end: 2025-06-11", "    online: false").replace(
        "    name: Kigali PM 2026", "    city: Kigali\n    country: RW")
    assert problems_of(catalog_dir, in_person) == [
        f"{FILE}:14:5: 'events[0]' is in person but says nowhere: add city and country, or online: true"]
    catalog, _ = validate_catalog(catalog_dir.root)
    assert [(e.online, e.city, e.country) for e in editions(catalog.by_id["kigali-pm"])] == [
        (False, None, None), (False, "Kigali", "RW")]
