"""Whatever `catalog/enrichment.json` holds, the store loader returns typed records or raises
StoreDamaged (never anything else), never changes the file, and never loses a valid store; the
record reader and the site's reading of it never raise."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pmgenome.enrich.extract import PageMeta
from pmgenome.enrich.record import EnrichmentRecord, RecordStatus
from pmgenome.enrich.schemaorg import Course, Event
from pmgenome.enrich.store import dump_store, load_store, save_store, store_path
from pmgenome.site.enriched import MAX_ENRICHED_TEXT, read_enrichment
from pmgenome.stores.errors import StoreDamaged
from pmgenome.stores.jsonfile import CONFLICT_MARKERS
from pmgenome.text.clean import one_line

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
              st.text(max_size=20), st.sampled_from(["ok", "stale", "2026-11-01T07:00:00Z", "2031-02-03"])),
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(st.text(max_size=8), children,
                                                                                max_size=4)),
    max_leaves=20,
)
record_keys = st.sampled_from(["url", "final_url", "fetched_at", "status", "error", "etag", "last_modified",
                               "content_type", "meta"])
meta_keys = st.sampled_from(list(PageMeta().to_store()))
# Records shaped like the real ones, with hostile values where the fields go.
record_shapes = st.dictionaries(record_keys, json_values | st.dictionaries(meta_keys, json_values, max_size=6),
                                max_size=9)
ids = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12)

texts = st.none() | st.text(max_size=30)
moments = st.none() | st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1),
                                   timezones=st.just(dt.timezone.utc)).map(lambda moment: moment.replace(microsecond=0))
counts = st.none() | st.integers(0, 10**6)
metas = st.builds(PageMeta, title=texts, description=texts, author=texts, published=texts, site_name=texts,
                  language=texts, image=texts, word_count=counts, reading_minutes=counts,
                  course=st.none() | st.builds(Course, texts, texts, st.sampled_from([None, "online", "hybrid"])),
                  event=st.none() | st.builds(Event, texts, texts, texts, st.sampled_from([None, True, False])))
records = st.builds(EnrichmentRecord, url=texts, final_url=texts, fetched_at=moments,
                    status=st.sampled_from(RecordStatus), error=texts, etag=texts, last_modified=texts,
                    content_type=texts, meta=metas)
stores = st.dictionaries(ids, records, max_size=5)


def load_or_refuse(root: Path) -> dict[str, EnrichmentRecord] | None:
    """The records, or None when the store was refused; the file is unchanged either way."""
    before = store_path(root).read_bytes()
    try:
        loaded = load_store(root)
    except StoreDamaged as damaged:
        message = str(damaged)
        assert message.startswith(f"{store_path(root)}:") and ". The enrichment store is left untouched: " in message
        loaded = None
    assert store_path(root).read_bytes() == before
    return loaded


@SETTINGS
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_are_read_or_refused(tmp_path: Path, data: bytes) -> None:
    store_path(tmp_path).write_bytes(data)
    load_or_refuse(tmp_path)


@SETTINGS
@given(document=json_values | st.fixed_dictionaries({"version": st.just(1), "entries": json_values}) |
       st.fixed_dictionaries({"version": st.just(1), "entries": st.dictionaries(ids, record_shapes, max_size=4)}))
def test_arbitrary_json_shapes_are_read_or_refused_and_what_is_read_saves_and_reads_the_same(
        tmp_path: Path, document: object) -> None:
    store_path(tmp_path).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    loaded = load_or_refuse(tmp_path)
    if loaded is None:
        return
    assert sorted(loaded) == sorted(document["entries"])  # every record is kept, whatever its fields hold
    save_store(tmp_path, loaded)
    again = load_store(tmp_path)
    assert {key: record.to_json() for key, record in again.items()} == \
        {key: record.to_json() for key, record in loaded.items()}
    assert save_store(tmp_path, again) is False  # written once, the text is stable


@SETTINGS
@given(store=stores)
def test_a_valid_store_survives_a_save_and_a_load(tmp_path: Path, store: dict[str, EnrichmentRecord]) -> None:
    save_store(tmp_path, store)
    assert load_store(tmp_path) == store
    assert dump_store(load_store(tmp_path)) == store_path(tmp_path).read_text(encoding="utf-8")


@SETTINGS
@given(store=stores.filter(bool), data=st.data())
def test_a_damaged_valid_store_is_refused_not_read_as_less(tmp_path: Path, store: dict[str, EnrichmentRecord],
                                                           data: st.DataObject) -> None:
    text = dump_store(store)
    lines = text.splitlines(keepends=True)
    at = data.draw(st.integers(0, len(lines)))
    damaged = data.draw(st.sampled_from([
        text[: data.draw(st.integers(0, len(text.rstrip()) - 1))],
        "".join(lines[:at] + [data.draw(st.sampled_from(CONFLICT_MARKERS)) + "\n"] + lines[at:]),
        text + data.draw(st.sampled_from(["}", "{}", "x", "]"])),
        text.replace("{", "[", 1),
    ]))
    store_path(tmp_path).write_text(damaged, encoding="utf-8")
    assert load_or_refuse(tmp_path) is None


@SETTINGS
@given(shape=record_shapes)
def test_reading_a_record_never_raises_and_writing_it_back_is_stable(shape: dict) -> None:
    record = EnrichmentRecord.from_json(shape)
    written = record.to_json()
    assert EnrichmentRecord.from_json(written).to_json() == written
    enriched = read_enrichment(record)
    for value in (enriched.author, enriched.site_name, enriched.provider, enriched.price, enriched.organizer,
                  enriched.event_location):
        # Shown on one line: nothing one_line would still change (controls, bidirectional controls,
        # surrogates); a code point newer than this Python's Unicode tables is not printable to
        # str.isprintable() yet is harmless text.
        assert value is None or (0 < len(value) <= MAX_ENRICHED_TEXT and one_line(value) == value)
    assert enriched.reading_minutes is None or 0 < enriched.reading_minutes <= 600
