"""enrich.store: the file's format, kept since version 1; typed records in and out; damage refused."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from pmgenome.enrich.extract import PageMeta
from pmgenome.enrich.record import EnrichmentRecord, RecordStatus
from pmgenome.enrich.schemaorg import Event
from pmgenome.enrich.store import dump_store, load_store, save_store, store_path
from pmgenome.stores.errors import StoreDamaged, StoreError

REPO = Path(__file__).resolve().parents[2]
FIXTURE_STORE = REPO / "tests" / "fixtures" / "site" / "catalog" / "enrichment.json"
AT = dt.datetime(2026, 11, 1, 7, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_store_is_sorted_indented_and_ends_with_a_newline(tmp_path: Path) -> None:
    records = {"b": EnrichmentRecord(url="https://b.example", meta=PageMeta(title="B")),
               "a": EnrichmentRecord(url="https://a.example", fetched_at=AT, status=RecordStatus.OK,
                                     meta=PageMeta(title="Ä", event=Event(start_date="2031-02-03", online=True)))}
    text = dump_store(records)
    assert text.startswith('{\n  "entries": {\n    "a": {\n      "content_type": null,\n      "error": null,\n')
    assert text.endswith('\n  },\n  "version": 1\n}\n')
    assert '"title": "Ä"' in text  # written as UTF-8, not \u escapes
    assert json.loads(text)["entries"]["a"] == {
        "url": "https://a.example", "final_url": None, "fetched_at": "2026-11-01T07:00:00Z", "status": "ok",
        "error": None, "etag": None, "last_modified": None, "content_type": None,
        "meta": {"title": "Ä", "description": None, "author": None, "published": None, "site_name": None,
                 "language": None, "image": None, "word_count": None, "reading_minutes": None, "course": None,
                 "event": {"start_date": "2031-02-03", "location": None, "organizer": None, "online": True}}}
    assert save_store(tmp_path, records) is True
    assert save_store(tmp_path, records) is False  # same content: the file is not touched
    assert load_store(tmp_path) == records


def test_no_store_is_an_empty_store(tmp_path: Path) -> None:
    assert load_store(tmp_path) == {}


def test_the_fixture_store_loads_and_writes_back_the_same_records(tmp_path: Path) -> None:
    shutil.copy(FIXTURE_STORE, tmp_path / "enrichment.json")
    records = load_store(tmp_path)
    assert sorted(records) == ["b2b-pick-one", "b2b-pick-two", "berlin-pm-meetup", "london-pm-meetup"]
    london = records["london-pm-meetup"]
    assert (london.status, london.fetched_at, london.meta.event) == (
        RecordStatus.OK, AT, Event("2099-01-15T18:30:00Z", "Shoreditch & <Hoxton>", "Scraped Organizers", False))
    assert records["berlin-pm-meetup"].status is RecordStatus.STALE
    # A value of the wrong type reads as absent; every other field survives a save unchanged.
    original = json.loads(FIXTURE_STORE.read_text(encoding="utf-8"))["entries"]
    save_store(tmp_path, records)
    written = json.loads(store_path(tmp_path).read_text(encoding="utf-8"))["entries"]
    original["b2b-pick-two"]["meta"]["reading_minutes"] = None  # it was "lots"
    for record in original.values():
        record.setdefault("content_type", None)  # the fixture predates this field
    assert written == original


def test_a_damaged_store_raises_a_located_store_error_and_stays_as_it_was(here: Path) -> None:
    (here / "enrichment.json").write_text('{"version": 1, "entries": {', encoding="utf-8")
    with pytest.raises(StoreDamaged) as damaged:
        load_store(here)
    assert isinstance(damaged.value, StoreError)
    assert str(damaged.value) == (
        "enrichment.json:1:28: the file ends in the middle of the JSON document: it is truncated. The enrichment "
        "store is left untouched: restore it from git (`git checkout -- enrichment.json`) or start a new one with "
        "`pmgenome enrich --rebuild-store`, which fetches every entry again")
    assert (here / "enrichment.json").read_text(encoding="utf-8") == '{"version": 1, "entries": {'


def test_a_folder_in_the_way_of_a_save_is_a_store_error_that_counts_the_records(here: Path) -> None:
    (here / "enrichment.json").mkdir()
    records = {"a": EnrichmentRecord(url="https://a.example"), "b": EnrichmentRecord(url="https://b.example")}
    with pytest.raises(StoreError) as error:
        save_store(here, records)
    assert str(error.value) == ("enrichment.json: cannot write the enrichment store (Is a directory); this run's "
                                "2 records are not saved")
    assert [path.name for path in here.iterdir()] == ["enrichment.json"]  # no temporary file left behind
