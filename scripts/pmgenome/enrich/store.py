"""The enrichment store: what pages told us about entries, kept apart from the curated YAML."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pmgenome.stores.atomic import write_atomic

STORE_FILE = "enrichment.json"
STORE_VERSION = 1


def store_path(catalog_root: Path) -> Path:
    return Path(catalog_root) / STORE_FILE


def load_store(catalog_root: Path) -> dict[str, dict[str, Any]]:
    """Records keyed by entry id; empty when there is no store or it cannot be read."""
    path = store_path(catalog_root)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        return {}
    return {key: value for key, value in entries.items() if isinstance(value, dict)}


def dump_store(records: Mapping[str, Mapping[str, Any]]) -> str:
    """The store's text: sorted keys and two-space indents, so a refresh diffs line by line."""
    document = {"version": STORE_VERSION, "entries": {key: records[key] for key in sorted(records)}}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def save_store(catalog_root: Path, records: Mapping[str, Mapping[str, Any]]) -> bool:
    """Write the store atomically; False (and no write) when it already holds exactly this."""
    path = store_path(catalog_root)
    text = dump_store(records)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, ValueError):
        pass
    write_atomic(path, text)
    return True
