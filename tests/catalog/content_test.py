"""The shipped catalog: valid, and worth a visit on day one (issue 10's floors)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pmgenome.catalog.model import Kind
from pmgenome.catalog.validate import validate_catalog

REPO = Path(__file__).resolve().parents[2]
CATALOG, PROBLEMS = validate_catalog(REPO / "catalog")
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


@pytest.mark.parametrize("segment", SEGMENTS)
@pytest.mark.parametrize("kind", list(Kind))
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
    missing = [entry.id for entry in CATALOG.entries if entry.access is None or entry.reviewed is None]
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
