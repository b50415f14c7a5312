"""Running the real `pmgenome` command in a child process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run_json(*args: str, cwd: Path | None = None) -> tuple[int, object]:
    """The exit code and the parsed JSON that `pmgenome ARGS` prints."""
    result = subprocess.run([sys.executable, "-m", "pmgenome", *args], capture_output=True, text=True, cwd=cwd,
                            timeout=120)
    return result.returncode, json.loads(result.stdout)
