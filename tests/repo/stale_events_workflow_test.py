"""links.yml's "List events to check" step run as GitHub runs it, with the real `pmgenome validate`:
the weekly run lists the stale events for a curator, in its summary and in the report."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.support.sitebuild import fixture_catalog
from tests.support.workflowrun import JobRun

STALE = """\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/meetup.schema.json
title: Old Summit
url: https://fixture.example.com/meetups/old-summit
summary: >-
  A fixture yearly conference whose only dated edition was in 2020, which the weekly run must
  list as an event for a curator to check.
segments: [b2b]
access: paid
city: Leeds
country: GB
online: false
cadence: yearly
added: 2024-01-01
reviewed: 2024-01-01
events:
  - start: 2020-03-04
"""


def _run(tmp_path: Path, report: str | None) -> JobRun:
    work = tmp_path / "work"
    catalog = fixture_catalog(work / "catalog")
    (catalog / "meetups" / "old-summit.yaml").write_text(STALE, encoding="utf-8")
    if report is not None:
        (work / "links-report.md").write_text(report, encoding="utf-8")
    job = JobRun("links.yml", "check", work, tmp_path / "runner", {},
                 env={"PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", "SOURCE_DATE_EPOCH": "1796558400"})
    done = job.step("List events to check")
    assert done is not None and done.returncode == 0, done.stderr if done else None
    return job


LISTED = ("\n### Events to check (1)\n\nTheir latest dated edition is older than their cadence allows: add the newer "
          "editions from their pages, or say that they stopped.\n\n- catalog/meetups/old-summit.yaml:16:12: warning: "
          "'old-summit' is a yearly event whose latest edition (2020-03-04) is more than 13 months old; add its newer "
          "editions from its page, or say in the summary that it has stopped\n")


def test_the_weekly_run_lists_stale_events_in_its_summary_and_report(tmp_path: Path) -> None:
    job = _run(tmp_path, "## Link check report\n")
    assert job.summary.read_text(encoding="utf-8") == LISTED
    assert (job.workdir / "links-report.md").read_text(encoding="utf-8") == "## Link check report\n" + LISTED


def test_no_stale_event_adds_nothing(tmp_path: Path) -> None:
    job = _run(tmp_path, "## Link check report\n")
    (job.workdir / "catalog" / "meetups" / "old-summit.yaml").unlink()
    job.summary.unlink()
    (job.workdir / "links-report.md").write_text("## Link check report\n", encoding="utf-8")
    assert job.step("List events to check").returncode == 0
    assert not job.summary.exists()
    assert (job.workdir / "links-report.md").read_text(encoding="utf-8") == "## Link check report\n"
