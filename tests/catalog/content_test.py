"""The shipped catalog: valid, and worth a visit on day one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pmgenome.catalog.model import Kind
from pmgenome.catalog.validate import validate_catalog

REPO = Path(__file__).resolve().parents[2]
CATALOG, PROBLEMS = validate_catalog(REPO / "catalog")
SEGMENTS = CATALOG.taxonomy.ids("segments")
FLOOR = {Kind.ARTICLE: 5, Kind.COURSE: 5, Kind.MEETUP: 3}


def test_shipped_catalog_is_valid() -> None:
    assert [str(problem) for problem in PROBLEMS] == []
    assert len(CATALOG.entries) >= 80


@pytest.mark.parametrize("segment", SEGMENTS)
@pytest.mark.parametrize("kind", list(FLOOR))
def test_every_segment_has_enough_of_each_kind(segment: str, kind: Kind) -> None:
    count = sum(1 for entry in CATALOG.of_kind(kind) if segment in entry.segments)
    assert count >= FLOOR[kind], f"{segment} has {count} {kind.value}s"


@pytest.mark.parametrize("segment", SEGMENTS)
def test_picks_hold_a_full_top_five_for_articles_and_courses(segment: str) -> None:
    picks = CATALOG.picks.get(segment, {})
    assert len(picks.get(Kind.ARTICLE, ())) == 5
    assert len(picks.get(Kind.COURSE, ())) == 5


def test_every_entry_file_starts_with_its_schema_line() -> None:
    for entry in CATALOG.entries:
        assert entry.first_line.endswith(f"/schema/{entry.kind.value}.schema.json"), entry.path
