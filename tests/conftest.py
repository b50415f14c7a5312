"""Shared fixtures: small catalogs written into a temporary folder (see tests/support/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.catalogs import CatalogDir


@pytest.fixture
def catalog_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CatalogDir:
    # Problems print paths relative to the working folder; run from tmp_path so they are short.
    monkeypatch.chdir(tmp_path)
    return CatalogDir(tmp_path / "catalog")
