"""`pmgenome schema`: check and sync the schema's vocabulary with the taxonomy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pmgenome.cli import main

from tests.support.catalogs import VALID_ARTICLE, CatalogDir


def test_schema_check_and_sync(catalog_dir: CatalogDir, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from pmgenome.catalog import schema as entry_schema

    schema_copy = tmp_path / "entry.schema.json"
    schema_copy.write_text(entry_schema.SCHEMA_PATH.read_text())
    monkeypatch.setattr(entry_schema, "SCHEMA_PATH", schema_copy)
    entry_schema.raw_schema.cache_clear()
    try:
        assert main(["schema", "--check", "--catalog", "catalog"]) == 0
        taxonomy = catalog_dir.root / "taxonomy.yaml"
        taxonomy.write_text(taxonomy.read_text().replace(
            "segments:\n", "segments:\n  - id: marketplaces\n    name: Marketplaces\n"
            "    description: Two-sided products.\n", 1))
        capsys.readouterr()
        catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace("[b2b, technical]", "[marketplaces]"))
        # The validator already accepts the new segment, and says the schema needs a sync.
        _, problems = __import__("pmgenome.catalog.validate", fromlist=["x"]).validate_catalog(catalog_dir.root)
        assert [str(p) for p in problems] == [
            "catalog/taxonomy.yaml:1:1: the schema's segments are out of step with this file "
            "(missing marketplaces); run `pmgenome schema --sync`"]
        assert main(["schema", "--check", "--catalog", "catalog"]) == 1
        assert capsys.readouterr().out == "segments: schema lacks ['marketplaces'], schema still has nothing\n"
        assert main(["schema", "--sync", "--catalog", "catalog"]) == 0
        assert json.loads(schema_copy.read_text())["$defs"]["segment"]["enum"] == [
            "marketplaces", "b2b", "b2c", "technical", "design"]
        assert main(["schema", "--check", "--catalog", "catalog"]) == 0
    finally:
        entry_schema.raw_schema.cache_clear()


def test_schema_check_without_a_catalog_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--check", "--catalog", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.endswith("pmgenome schema: catalog folder not found: "
                                            f"{tmp_path / 'nowhere'}\n")
