"""A small catalog on disk for the enrichment, inspect and new tests, with the real vocabulary."""

from __future__ import annotations

import shutil
from pathlib import Path

from pmgenome.catalog.model import Kind
from pmgenome.catalog.schema import schema_comment

REPO = Path(__file__).resolve().parent.parent
PAGES = Path(__file__).parent / "fixtures" / "pages"
SUMMARY = ("A summary written by a person, long enough for the validator; what it is, what a reader "
           "gets, and who it suits.")


def make_catalog(root: Path) -> Path:
    for kind in Kind:
        (root / kind.folder).mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "catalog" / "taxonomy.yaml", root / "taxonomy.yaml")
    return root


def write_entry(root: Path, kind: str, entry_id: str, url: str, title: str = "A resource") -> Path:
    kind_ = Kind(kind)
    extra = "online: true\n" if kind_ is Kind.MEETUP else ""
    path = root / kind_.folder / f"{entry_id}.yaml"
    path.write_text(f"{schema_comment(kind_)}\ntitle: {title}\nurl: {url}\nsummary: {SUMMARY}\n"
                    f"segments: [b2b]\nadded: 2026-11-01\n{extra}", encoding="utf-8")
    return path


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")
