"""Retired entries: those whose file was removed from the catalog, read from git history.

"What's new" lists them by month beside the additions. A file moved to another kind's folder is a
rename, not a retirement; an id that is back in the catalog is not retired. Without git, or
outside a checkout, the history is unknown (None), which the page says rather than showing none.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from pmgenome.catalog.model import KIND_BY_FOLDER, Kind

MAX_TITLE_FILE = 64 * 1024  # an entry file's old text, read only for its title


@dataclass(frozen=True)
class Retired:
    id: str
    kind: Kind
    title: str
    retired: dt.date  # the day (UTC) of the commit that removed its file


def _git(folder: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes] | None:
    try:
        return subprocess.run(["git", "-C", str(folder), *args], input=stdin, capture_output=True, check=False)
    except OSError:  # git is not installed
        return None


def _title(text: bytes, fallback: str) -> str:
    """The title an old entry file gave, or its id when the file cannot tell."""
    if len(text) > MAX_TITLE_FILE:
        return fallback
    try:
        data = yaml.safe_load(text.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return fallback
    title = data.get("title") if isinstance(data, dict) else None
    return title.strip() if isinstance(title, str) and title.strip() else fallback


def _titles(folder: Path, wanted: list[str]) -> list[bytes]:
    """The blobs named `commit^:path`, in order, through one `git cat-file --batch`."""
    done = _git(folder, "cat-file", "--batch", stdin="".join(f"{name}\n" for name in wanted).encode())
    blobs: list[bytes] = []
    data = done.stdout if done is not None and done.returncode == 0 else b""
    at = 0
    for _ in wanted:
        end = data.find(b"\n", at)
        if end < 0:
            blobs.append(b"")
            continue
        header = data[at:end].split()
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            blobs.append(data[end + 1:end + 1 + size])
            at = end + 1 + size + 1
        else:
            blobs.append(b"")
            at = end + 1
    return blobs


def retired_entries(root: Path, present: set[str]) -> tuple[Retired, ...] | None:
    """Entries of the catalog at `root` whose file git saw removed, newest first; None when the
    catalog is not in a git checkout. `present` holds the ids in the catalog now."""
    top = _git(root, "rev-parse", "--show-prefix")
    if top is None or top.returncode != 0:
        return None
    prefix = os.fsdecode(top.stdout.strip())  # the catalog folder inside the repository, "catalog/"
    log = _git(root, "log", "--diff-filter=D", "-M", "--format=%x01%H %ct",
               "--name-only", "-z", "--", ".")
    if log is None or log.returncode != 0:
        return None
    found: dict[str, tuple[Kind, dt.date, str]] = {}  # id -> the latest removal of its file
    for block in log.stdout.split(b"\x01")[1:]:
        head, _, names = block.partition(b"\0")  # -z ends the format line with a NUL too
        commit, _, seconds = head.decode("ascii", errors="replace").partition(" ")
        day = dt.datetime.fromtimestamp(int(seconds), dt.timezone.utc).date()
        for raw in names.split(b"\0"):
            if not raw.strip(b"\n"):
                continue
            path = PurePosixPath(os.fsdecode(raw.strip(b"\n")))
            relative = PurePosixPath(str(path)[len(prefix):]) if str(path).startswith(prefix) else None
            if relative is None or len(relative.parts) != 2 or relative.suffix != ".yaml":
                continue
            kind = KIND_BY_FOLDER.get(relative.parts[0])
            entry_id = relative.stem
            if kind is None or entry_id in present or entry_id in found:
                continue
            found[entry_id] = (kind, day, f"{commit}^:{path}")
    ids = list(found)
    blobs = _titles(root, [found[entry_id][2] for entry_id in ids])
    retired = [Retired(entry_id, found[entry_id][0], _title(blob, entry_id), found[entry_id][1])
               for entry_id, blob in zip(ids, blobs, strict=True)]
    return tuple(sorted(retired, key=lambda item: (item.retired, item.id), reverse=True))
