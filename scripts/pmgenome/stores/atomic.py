"""Atomic file writes: a reader never sees half a file, a crash never leaves one.

A write goes to a temporary file beside the target and is renamed over it. A process killed
between the two (kill -9, power loss) leaves the temporary file behind; `remove_leftovers` clears
them on the next run.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _leftover_pattern(path: Path) -> re.Pattern[str]:
    # Exactly the names mkstemp gives write_atomic's temporary files: ".<name>.<8 characters>.tmp".
    return re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}{re.escape(TEMP_SUFFIX)}")


def remove_leftovers(path: Path) -> list[Path]:
    """Remove the temporary files that interrupted writes of `path` left beside it; return them.

    Only safe while no other process may be writing `path`: call it with the store's lock held
    (stores/lock.py), so a temporary file is never taken from a write in progress.
    """
    path = Path(path)
    pattern = _leftover_pattern(path)
    removed: list[Path] = []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in sorted(names):
        if pattern.fullmatch(name):
            leftover = path.parent / name
            try:
                if leftover.is_file() and not leftover.is_symlink():
                    leftover.unlink()
                    removed.append(leftover)
            except OSError:
                pass  # a leftover we cannot remove does no harm; the next run tries again
    return removed
