"""The enrichment store: what pages told us about entries, kept apart from the curated YAML.

`catalog/enrichment.json` is `{"version": 1, "entries": {id: record}}`, sorted and indented so a
refresh diffs line by line. A store that is there but damaged (cut short, merge-conflict markers,
another encoding, the wrong shape) is refused with a located message and a way out, and left as
it is: read as empty, the next save would write a store with only this run's records. A missing
store is an empty one. Runs that change the store hold its lock (stores/lock.py) from load to save.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pmgenome.catalog.model import ENRICHMENT_FILE
from pmgenome.enrich.record import EnrichmentRecord
from pmgenome.stores.atomic import write_atomic
from pmgenome.stores.errors import StoreDamaged, StoreError
from pmgenome.stores.jsonfile import (
    Damage,
    JsonDamage,
    JsonDocument,
    read_json,
)
from pmgenome.text.paths import display_path
from pmgenome.text.position import position

STORE_VERSION = 1
# A record is four levels deep (document, entries, record, meta, course); the rest is slack for
# fields a later version may add, far below what would trouble a parser.
MAX_STORE_DEPTH = 16
MAX_STORE_BYTES = 64 * 1024 * 1024  # about 30,000 records of the largest kind extraction writes
REBUILD_OPTION = "--rebuild-store"

Records = Mapping[str, EnrichmentRecord]


def store_path(catalog_root: Path) -> Path:
    return Path(catalog_root) / ENRICHMENT_FILE


def _way_out(shown: str, kind: Damage | None) -> str:
    if kind is Damage.FOLDER:
        return "move the folder away, then run again"
    if kind is Damage.UNREADABLE:
        return "make it a readable file, then run again"
    return (f"restore it from git (`git checkout -- {shown}`) or start a new one with "
            f"`pmgenome enrich {REBUILD_OPTION}`, which fetches every entry again")


def _refusal(damage: JsonDamage) -> StoreDamaged:
    way_out = _way_out(damage.path, damage.kind)
    return StoreDamaged(f"{damage}. The enrichment store is left untouched: {way_out}")


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    names = {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number"}
    return names.get(type(value), "null")


def _shape_damage(path: Path, document: JsonDocument) -> StoreDamaged | None:
    """Why a well-formed JSON document is not an enrichment store, located; None when it is one."""
    shown, data = display_path(path), document.value

    def damage(line_col: tuple[int, int], message: str, way_out: str | None = None) -> StoreDamaged:
        located = f"{shown}:{line_col[0]}:{line_col[1]}: {message}"
        return StoreDamaged(f"{located}. The enrichment store is left untouched: {way_out or _way_out(shown, None)}")

    if not isinstance(data, dict):
        start = position(document.text, len(document.text) - len(document.text.lstrip()))
        return damage(start, f'expected an object with "version" and "entries", found {_json_type(data)}')
    version = data.get("version")
    if "version" not in data:
        return damage((1, 1), '"version" is missing: this is not an enrichment store')
    if isinstance(version, int) and not isinstance(version, bool) and version > STORE_VERSION:
        # Rebuilding would throw away what the newer version wrote: the way out is an upgrade.
        return damage(document.position_of_key("version"), f"store version {version} is newer than this "
                      f"pmgenome reads ({STORE_VERSION})", "update pmgenome, then run again")
    if version != STORE_VERSION or isinstance(version, bool):
        return damage(document.position_of_key("version"),
                      f'"version" must be {STORE_VERSION}, found {json.dumps(version, ensure_ascii=False)[:40]}')
    entries = data.get("entries")
    if not isinstance(entries, dict):
        return damage(document.position_of_key("entries") if "entries" in data else (1, 1),
                      f'"entries" must be an object of records by entry id, found {_json_type(entries)}')
    for entry_id, record in entries.items():
        if not isinstance(record, dict):
            return damage(document.position_of_key(entry_id),
                          f"the record for {json.dumps(entry_id, ensure_ascii=False)} must be an object, "
                          f"found {_json_type(record)}")
    return None


def load_store(catalog_root: Path) -> dict[str, EnrichmentRecord]:
    """The records by entry id; empty when there is no store yet.

    Raises StoreDamaged (a StoreError) when the file is there but is not a usable store; the
    message is located (`file:line:col: what`) and says what to do. Never changes the file.
    """
    path = store_path(catalog_root)
    found = read_json(path, max_bytes=MAX_STORE_BYTES, max_depth=MAX_STORE_DEPTH)
    if found is None:
        return {}
    if isinstance(found, JsonDamage):
        raise _refusal(found)
    problem = _shape_damage(path, found)
    if problem is not None:
        raise problem
    return {entry_id: EnrichmentRecord.from_json(record) for entry_id, record in found.value["entries"].items()}


def fresh_store(catalog_root: Path) -> dict[str, EnrichmentRecord]:
    """An empty store to rebuild into, whatever the old one holds; refused, as load_store would,
    when a folder is in its place: it could not be replaced, and the run's fetches would be lost."""
    path = store_path(catalog_root)
    if path.is_dir():
        raise _refusal(JsonDamage(display_path(path), 1, 1, "a folder where the file should be", Damage.FOLDER))
    return {}


def dump_store(records: Records) -> str:
    """The store's text: sorted keys and two-space indents, so a refresh diffs line by line."""
    document = {"version": STORE_VERSION, "entries": {key: records[key].to_json() for key in sorted(records)}}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def save_store(catalog_root: Path, records: Records) -> bool:
    """Write the store atomically; False (and no write) when it already holds exactly this.

    Raises StoreError when the file cannot be written (a folder in its place, a read-only disk):
    the message says how many records this run leaves unsaved.
    """
    path = store_path(catalog_root)
    text = dump_store(records)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, ValueError):
        pass
    try:
        write_atomic(path, text)
    except OSError as error:
        raise StoreError(f"{display_path(path)}: cannot write the enrichment store ({error.strerror or error}); "
                         f"this run's {len(records)} records are not saved") from None
    return True
