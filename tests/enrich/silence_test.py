"""The one rule for a podcast or newsletter gone silent: more than six months since its feed's
newest item, as enrichment last read it; shows known to have ended are not candidates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Kind
from pmgenome.enrich.feed import FeedCheck
from pmgenome.enrich.record import EnrichmentRecord
from pmgenome.enrich.silence import (
    SilentEntry,
    months_before,
    silence_note,
    silent_entries,
    silent_since,
)

from tests.support.samples import make_catalog, write_entry

TODAY = dt.date(2026, 12, 6)


@pytest.mark.parametrize(("day", "months", "expected"), [
    (dt.date(2026, 12, 6), 6, dt.date(2026, 6, 6)),
    (dt.date(2026, 8, 31), 6, dt.date(2026, 2, 28)),  # February is shorter
    (dt.date(2028, 8, 31), 6, dt.date(2028, 2, 29)),  # a leap year's February
    (dt.date(2026, 3, 15), 6, dt.date(2025, 9, 15)),  # back into last year
])
def test_months_before_counts_calendar_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert months_before(day, months) == expected


def _entry(root: Path, kind: str, entry_id: str, cadence: str, feed: str | None) -> None:
    path = write_entry(root, kind, entry_id, f"https://example.org/{entry_id}", title=f"Title of {entry_id}")
    extra = f"cadence: {cadence}\n" + (f"feed: {feed}\n" if feed else "")
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")


def _record(entry_id: str, latest: dt.date | None, feed: str | None = None) -> EnrichmentRecord:
    return EnrichmentRecord(url=f"https://example.org/{entry_id}",
                            feed=FeedCheck(feed or f"https://example.org/{entry_id}/feed", None, latest))


def test_only_a_live_show_quiet_for_more_than_six_months_is_silent(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # paths are shown from the working folder, as the report shows them
    root = make_catalog(tmp_path / "catalog")
    cases = {
        "quiet-podcast": ("podcast", "weekly", dt.date(2026, 6, 5)),  # a day past six months
        "just-in-time": ("podcast", "weekly", dt.date(2026, 6, 6)),  # exactly six months: not yet
        "quiet-newsletter": ("newsletter", "monthly", dt.date(2024, 1, 31)),
        "ended-newsletter": ("newsletter", "ended", dt.date(2020, 1, 1)),  # its curators know
        "never-read": ("podcast", "weekly", None),
    }
    records = {}
    for entry_id, (kind, cadence, latest) in cases.items():
        _entry(root, kind, entry_id, cadence, f"https://example.org/{entry_id}/feed")
        records[entry_id] = _record(entry_id, latest)
    _entry(root, "podcast", "moved-feed", "weekly", "https://example.org/new-feed")
    records["moved-feed"] = _record("moved-feed", dt.date(2020, 1, 1))  # a read of the old address
    catalog, problems = load_catalog(root)
    assert problems == []
    since = {entry.id: silent_since(entry, records.get(entry.id), TODAY) for entry in catalog.entries}
    assert {key: value for key, value in since.items() if value} == {
        "quiet-podcast": dt.date(2026, 6, 5), "quiet-newsletter": dt.date(2024, 1, 31)}
    assert silent_entries(catalog, records, TODAY) == [
        SilentEntry("quiet-newsletter", "catalog/newsletters/quiet-newsletter.yaml", 8, "Title of quiet-newsletter",
                    Kind.NEWSLETTER, dt.date(2024, 1, 31)),
        SilentEntry("quiet-podcast", "catalog/podcasts/quiet-podcast.yaml", 8, "Title of quiet-podcast",
                    Kind.PODCAST, dt.date(2026, 6, 5))]
    newsletter = catalog.by_id["quiet-newsletter"]
    assert silence_note(newsletter, dt.date(2024, 1, 31)) == "No new issue since 2024-01-31"
    assert silence_note(catalog.by_id["quiet-podcast"], dt.date(2026, 6, 5)) == "No new episode since 2026-06-05"
