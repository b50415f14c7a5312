"""Stale events: warned at the edge of 13 months (yearly) and 3 months (monthly), never before."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pmgenome.catalog.staleness import months_before, stale_warnings
from pmgenome.catalog.validate import validate_catalog

from tests.support.catalogs import CatalogDir
from tests.support.schemas import output_errors

FILE = "catalog/meetups/yearly-summit.yaml"


def meetup(cadence: str, *starts: str, end: str | None = None) -> str:
    lines = "".join(f"  - start: {start}\n" for start in starts)
    if end:
        lines += f"    end: {end}\n"
    return f"""\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/meetup.schema.json
title: A Summit
url: https://example.org/summit
summary: >-
  A made-up recurring event whose latest edition is moved around the staleness edge so that
  the warning is seen to start exactly one day past it.
segments: [b2b]
access: paid
added: 2024-01-01
reviewed: 2024-01-01
online: true
cadence: {cadence}
events:
{lines}"""


def warnings_on(catalog_dir: CatalogDir, text: str, today: dt.date) -> list[str]:
    catalog_dir.write("meetups/yearly-summit.yaml", text)
    catalog, problems = validate_catalog(catalog_dir.root)
    assert problems == []
    return [f"{w}:{w.rule}" for w in stale_warnings(catalog.entries, today)]


@pytest.mark.parametrize(("day", "months", "before"), [
    (dt.date(2026, 12, 6), 13, dt.date(2025, 11, 6)),
    (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)),  # no 31 February: the month's last day
    (dt.date(2028, 5, 31), 3, dt.date(2028, 2, 29)),
    (dt.date(2026, 1, 15), 3, dt.date(2025, 10, 15)),
])
def test_months_before(day: dt.date, months: int, before: dt.date) -> None:
    assert months_before(day, months) == before


YEARLY_WARNING = (f"{FILE}:15:12: 'yearly-summit' is a yearly event whose latest edition (2025-11-05) is more than "
                  "13 months old; add its newer editions from its page, or say in the summary that it has stopped:"
                  "stale-event")


def test_a_yearly_event_is_stale_one_day_past_13_months(catalog_dir: CatalogDir) -> None:
    text = meetup("yearly", "2024-11-01", "2025-11-05")
    assert warnings_on(catalog_dir, text, dt.date(2026, 12, 5)) == []  # 13 months to the day
    assert warnings_on(catalog_dir, text, dt.date(2026, 12, 6)) == [YEARLY_WARNING]
    # The last day of a multi-day edition counts.
    assert warnings_on(catalog_dir, meetup("yearly", "2025-11-05", end="2025-11-06"), dt.date(2026, 12, 6)) == []


def test_a_monthly_event_is_stale_one_day_past_3_months(catalog_dir: CatalogDir) -> None:
    text = meetup("monthly", "2026-09-06")
    assert warnings_on(catalog_dir, text, dt.date(2026, 12, 6)) == []
    assert warnings_on(catalog_dir, text, dt.date(2026, 12, 7)) == [
        f"{FILE}:14:12: 'yearly-summit' is a monthly event whose latest edition (2026-09-06) is more than 3 months "
        "old; add its newer editions from its page, or say in the summary that it has stopped:stale-event"]


@pytest.mark.parametrize("cadence", ["ongoing", "irregular", "quarterly", "weekly"])
def test_other_cadences_are_not_warned(catalog_dir: CatalogDir, cadence: str) -> None:
    assert warnings_on(catalog_dir, meetup(cadence, "2020-01-01"), dt.date(2026, 12, 6)) == []


def test_an_announced_edition_keeps_an_old_event_current(catalog_dir: CatalogDir) -> None:
    assert warnings_on(catalog_dir, meetup("yearly", "2020-01-01", "2027-03-01"), dt.date(2026, 12, 6)) == []


def _validate(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pmgenome", "validate", "--catalog", "catalog", *args],
                          capture_output=True, text=True, cwd=root.parent, timeout=60,
                          env={**os.environ, "SOURCE_DATE_EPOCH": "1796558400", **env})  # 2026-12-06


def test_validate_warns_and_exits_0_in_every_format(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("meetups/yearly-summit.yaml", meetup("yearly", "2024-11-01", "2025-11-05"))
    message = ("'yearly-summit' is a yearly event whose latest edition (2025-11-05) is more than 13 months old; "
               "add its newer editions from its page, or say in the summary that it has stopped")
    text = _validate(catalog_dir.root, "--format", "text")
    assert (text.returncode, text.stdout, text.stderr) == (
        0, f"{FILE}:15:12: warning: {message}\n",
        "catalog is valid: 1 entries\n1 warning: stale events to check (they do not fail validation)\n")
    github = _validate(catalog_dir.root, GITHUB_ACTIONS="true")
    assert (github.returncode, github.stdout.splitlines()) == (0, [
        f"{FILE}:15:12: warning: {message}",
        f"::warning file={FILE},line=15,col=12,title=pmgenome stale-event::{message}"])
    as_json = _validate(catalog_dir.root, "--format", "json")
    document = json.loads(as_json.stdout)
    assert as_json.returncode == 0 and output_errors("validate", document) == []
    assert document == {"problems": [], "count": 0, "warnings": [
        {"path": FILE, "line": 15, "col": 12, "message": message, "rule": "stale-event"}]}
    assert _validate(catalog_dir.root, "--format", "text", SOURCE_DATE_EPOCH="1796472000").stdout == ""  # 12-05
