"""The site build and the enrichment store: a damaged store stops the build with the message
`pmgenome enrich` gives, never a traceback and never a site built as if the store were empty."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.sitebuild import build_site, fixture_catalog, write_config

WAY_OUT = ("The enrichment store is left untouched: restore it from git (`git checkout -- catalog/enrichment.json`) "
           "or start a new one with `pmgenome enrich --rebuild-store`, which fetches every entry again")


def conflicted(text: str) -> str:
    lines = text.splitlines(keepends=True)
    return "".join(lines[:3] + ["<<<<<<< HEAD\n"] + lines[3:] + ["=======\n", ">>>>>>> theirs\n"])


@pytest.mark.parametrize(("damage", "message"), [
    (conflicted, "catalog/enrichment.json:4:1: merge-conflict marker '<<<<<<<': resolve the merge conflict. " + WAY_OUT),
    (lambda text: text.replace('"version": 1', '"version": 1, "x": ' + "[" * 100_000 + "]" * 100_000, 1),
     "catalog/enrichment.json:2:37: nesting deeper than 16 levels. " + WAY_OUT),
    (None, "catalog/enrichment.json:1:1: a folder where the file should be. The enrichment store is left "
           "untouched: move the folder away, then run again"),
], ids=["conflict", "deep", "folder"])
def test_a_damaged_store_stops_the_build_with_a_located_message(tmp_path: Path, damage, message) -> None:
    catalog = fixture_catalog(tmp_path / "catalog")
    store = catalog / "enrichment.json"
    if damage is None:
        store.unlink()
        store.mkdir()
    else:
        store.write_text(damage(store.read_text(encoding="utf-8")), encoding="utf-8")
    before = store.read_bytes() if store.is_file() else None
    build = build_site(write_config(tmp_path / "mkdocs.yml", catalog), tmp_path / "site")
    assert (build.returncode, build.stdout, build.stderr) == (1, "\nAborted with a BuildError!\n",
                                                              f"ERROR   -  pmgenome: {message}\n")
    assert not (tmp_path / "site" / "index.html").exists()
    if before is not None:
        assert store.read_bytes() == before
