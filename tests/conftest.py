"""Shared fixtures: small catalogs written into a temporary folder (see tests/support/)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from tests.support.catalogs import CatalogDir

# Property tests draw the same examples on every run, so a run's verdict depends on the code alone:
# a random draw that finds a new case once and never again is no use to CI. Explore more widely with
# HYPOTHESIS_PROFILE=explore.
# No deadline either: Hypothesis's default fails an example slower than 200 ms, a wall-time bound a
# loaded machine breaks.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("explore", derandomize=False, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def catalog_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CatalogDir:
    # Problems print paths relative to the working folder; run from tmp_path so they are short.
    monkeypatch.chdir(tmp_path)
    return CatalogDir(tmp_path / "catalog")
