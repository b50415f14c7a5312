"""enrich.record: one typed record, read from the store's JSON with every field checked, written back the same."""

from __future__ import annotations

import datetime as dt

import pytest
from pmgenome.enrich.extract import PageMeta
from pmgenome.enrich.record import MAX_TEXT_CHARS, EnrichmentRecord, RecordStatus
from pmgenome.enrich.schemaorg import Course, Event

GOOD = {
    "url": "https://example.org/a", "final_url": "https://example.org/b", "fetched_at": "2026-11-01T07:00:00Z",
    "status": "ok", "error": None, "etag": '"v1"', "last_modified": "Wed, 01 Jan 2025 00:00:00 GMT",
    "content_type": "text/html",
    "meta": {"title": "T", "description": "D", "author": "A", "published": "2024-12-24", "site_name": "S",
             "language": "en", "image": "https://example.org/i.png", "word_count": 1800, "reading_minutes": 7,
             "course": {"provider": "P", "price": "10 USD", "mode": "online"},
             "event": {"start_date": "2031-01-02T18:00:00Z", "location": "L", "organizer": "O", "online": False}},
}


def test_a_good_record_is_read_into_types_and_written_back_the_same() -> None:
    record = EnrichmentRecord.from_json(GOOD)
    assert record == EnrichmentRecord(
        url="https://example.org/a", final_url="https://example.org/b",
        fetched_at=dt.datetime(2026, 11, 1, 7, 0, tzinfo=dt.timezone.utc), status=RecordStatus.OK, error=None,
        etag='"v1"', last_modified="Wed, 01 Jan 2025 00:00:00 GMT", content_type="text/html",
        meta=PageMeta(title="T", description="D", author="A", published="2024-12-24", site_name="S", language="en",
                      image="https://example.org/i.png", word_count=1800, reading_minutes=7,
                      course=Course("P", "10 USD", "online"), event=Event("2031-01-02T18:00:00Z", "L", "O", False)))
    assert record.to_json() == GOOD


@pytest.mark.parametrize(("field", "value"), [
    ("url", 5), ("final_url", ["x"]), ("fetched_at", "yesterday"), ("fetched_at", 1700000000), ("error", {}),
    ("etag", True), ("last_modified", 1.5), ("content_type", "x" * (MAX_TEXT_CHARS + 1)),
])
def test_a_record_field_of_the_wrong_type_or_size_reads_as_absent(field: str, value: object) -> None:
    assert getattr(EnrichmentRecord.from_json({**GOOD, field: value}), field) is None


@pytest.mark.parametrize(("field", "value"), [
    ("title", 3), ("author", ["a", "b"]), ("published", 20241224), ("site_name", "x" * (MAX_TEXT_CHARS + 1)),
    ("word_count", -1), ("word_count", 7.0), ("word_count", True), ("reading_minutes", "7"),
    ("reading_minutes", 10**12), ("stated_minutes", "38 min"), ("stated_minutes", -1), ("course", "free"),
    ("event", []),
])
def test_a_meta_field_of_the_wrong_type_or_size_reads_as_absent(field: str, value: object) -> None:
    record = EnrichmentRecord.from_json({**GOOD, "meta": {**GOOD["meta"], field: value}})
    assert getattr(record.meta, field) is None


def test_inside_course_and_event_too() -> None:
    meta = {**GOOD["meta"], "course": {"provider": 1, "price": None, "mode": ["online"]},
            "event": {"start_date": {}, "location": "Here", "organizer": False, "online": "yes"}}
    record = EnrichmentRecord.from_json({**GOOD, "meta": meta})
    assert (record.meta.course, record.meta.event) == (Course(None, None, None), Event(None, "Here", None, None))


@pytest.mark.parametrize("status", ["stale", "weird", None, 1, ["ok"]])
def test_any_status_but_ok_is_stale_so_the_entry_is_fetched_again(status: object) -> None:
    assert EnrichmentRecord.from_json({**GOOD, "status": status}).status is RecordStatus.STALE


def test_a_record_with_no_meta_or_a_broken_one_has_empty_metadata() -> None:
    for meta in (None, "x", [], 5):
        assert EnrichmentRecord.from_json({**GOOD, "meta": meta}).meta == PageMeta()
    assert EnrichmentRecord.from_json({}) == EnrichmentRecord(url=None)


def test_a_stated_running_time_is_kept_and_written_back() -> None:
    data = {**GOOD, "meta": {**GOOD["meta"], "stated_minutes": 38}}
    record = EnrichmentRecord.from_json(data)
    assert record.meta.stated_minutes == 38
    assert record.to_json() == data
