"""The `pmgenome` entry point's own guards (issue 15, item 16): whatever an option's parser raises
is a usage error, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("argv", [
    ["links", "--max-age", "99999999999d"],
    ["enrich", "--max-age", "1" + "0" * 400],
    ["new", "https://example.org/" + "a" * 100_000],
    ["validate", "--catalog", "/dev/zero"],
    ["schema", "--check", "--catalog", "/dev/null"],
])
def test_out_of_bounds_arguments_are_usage_errors(argv: list[str], tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pmgenome", *argv], capture_output=True, text=True,
                            cwd=tmp_path, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.strip()
    assert len(result.stderr) < 2000
