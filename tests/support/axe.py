"""axe-core, installed by `npm ci`: the browser tests' accessibility checker.

Without it the tests that need it skip, saying how to install it; in CI they fail instead, since
.ci/run installs it and a silent skip there would hide every accessibility regression."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def axe_path() -> Path:
    if not AXE.is_file():
        missing = "axe-core is not installed: run `npm ci`"
        if os.environ.get("CI"):
            pytest.fail(f"{missing}; .ci/run must install it")
        pytest.skip(missing)
    return AXE
