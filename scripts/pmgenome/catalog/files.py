"""Which files make up a catalog, and reading one safely.

This module is the one place that decides what is a catalog file. Every file or folder under
catalog/ is one of: an entry (`<kind>s/<id>.yaml`), a file with its own loader (CATALOG_FILES),
something hidden (`.gitkeep`, a store's lock), or a mistake that gets a located problem: a file
that will never be read must not pass in silence. Symbolic links are never followed: a link to
`/` would walk the disk, a link out of the repository would read (and echo) a stranger's file,
and a link to /dev/stdin would wait for ever.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pmgenome.catalog import yamlload
from pmgenome.catalog.model import (
    ENRICHMENT_FILE,
    EXCLUSIONS_FILE,
    HOSTS_FILE,
    KIND_BY_FOLDER,
    PICKS_FILE,
    SHAPES_FILE,
    TAXONOMY_FILE,
    Kind,
)
from pmgenome.catalog.problems import Problem
from pmgenome.text.paths import display_path

# Files at the top of catalog/ that their own loaders read (the vocabulary, the picks, the link
# checker's exclusions and host rules, the enrichment store).
CATALOG_FILES = frozenset({TAXONOMY_FILE, PICKS_FILE, EXCLUSIONS_FILE, HOSTS_FILE, ENRICHMENT_FILE, SHAPES_FILE})
ENTRY_SUFFIX = ".yaml"
# A folder that is not a kind's is looked into for misplaced entries, this many files at most.
MAX_STRAY_FILES = 200
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def kind_folders() -> str:
    """'articles/, books/, ... or meetups/': where entries go, for messages."""
    folders = [f"{kind.folder}/" for kind in Kind]
    return ", ".join(folders[:-1]) + f" or {folders[-1]}"


def _problems_from(shown: str, document: yamlload.Document) -> list[Problem]:
    return [Problem(shown, e.line, e.col, e.message, e.rule) for e in document.errors]


def _symlink(shown: str) -> Problem:
    return Problem(shown, 1, 1, "is a symbolic link; catalog files must be plain files in the repository "
                   "(links are not followed)", "location")


def read_bytes(path: Path, shown: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of one catalog file, at most the YAML size limit plus one. Refuses symbolic
    links and anything that is not a regular file (a FIFO, a device) without waiting on it."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return None, [_symlink(shown)]
        return None, [Problem(shown, 1, 1, f"cannot read file: {error.strerror or error}", "io")]
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, [Problem(shown, 1, 1, "is not a regular file; catalog files must be plain files",
                                  "location")]
        if info.st_size > yamlload.MAX_BYTES:
            return None, [Problem(shown, 1, 1, f"file is {info.st_size:,} bytes; the limit is "
                                  f"{yamlload.MAX_BYTES:,}", "size")]
        # Sized by the file, not by the limit: a buffer of the limit per file costs more than the
        # parse of a small entry. A file that grew since fstat is still cut at the limit plus one.
        chunks = []
        wanted = info.st_size + 1
        while wanted > 0 and (chunk := os.read(fd, min(wanted, yamlload.MAX_BYTES + 1))):
            chunks.append(chunk)
            wanted = yamlload.MAX_BYTES + 1 - sum(map(len, chunks))
        return b"".join(chunks), []
    except OSError as error:
        return None, [Problem(shown, 1, 1, f"cannot read file: {error.strerror or error}", "io")]
    finally:
        os.close(fd)


def read_yaml(path: Path, shown: str | None = None) -> tuple[yamlload.Document | None, list[Problem]]:
    """Load one YAML file; the document is None when nothing usable could be read.
    `shown` is how problems name the file (default: relative to the working folder)."""
    shown = shown or display_path(path)
    data, problems = read_bytes(path, shown)
    if data is None:
        return None, problems
    document = yamlload.load(data)
    problems = _problems_from(shown, document)
    if document.value is None and not problems:
        problems.append(Problem(shown, 1, 1, "file is empty", "empty"))
    if document.value is None:
        return None, problems
    return document, problems


def record_files(folder: Path, order: Callable[[Path], Any], fits: Callable[[Path], bool], refusal: str,
                 rule: str) -> list[tuple[Path, str, Problem | None]]:
    """The files of a folder of one-record YAML files (the people directory, the survey's
    responses), in `order`, each with the path to show and, when it is not a regular .yaml file
    that `fits` accepts, the problem saying `refusal` (None for a file to read). Hidden files are
    passed over; a missing folder holds nothing."""
    if not folder.is_dir():
        return []
    found: list[tuple[Path, str, Problem | None]] = []
    for path in sorted(folder.iterdir(), key=order):
        if path.name.startswith("."):
            continue
        shown = display_path(path)
        usable = path.suffix == ENTRY_SUFFIX and not path.is_symlink() and path.is_file() and fits(path)
        found.append((path, shown, None if usable else Problem(shown, 1, 1, refusal, rule)))
    return found


def _listing(folder: Path) -> tuple[list[os.DirEntry[str]], list[Problem]]:
    """A folder's visible items by name, or the problem of reading it."""
    try:
        with os.scandir(folder) as items:
            found = [item for item in items if not item.name.startswith(".")]
    except OSError as error:
        return [], [Problem(display_path(folder), 1, 1, f"cannot read folder: {error.strerror or error}", "io")]
    return sorted(found, key=lambda item: item.name), []


def _looks_like_yaml(name: str) -> bool:
    return name.lower().endswith((".yaml", ".yml"))


def entry_files(root: Path) -> tuple[list[tuple[Path, Kind]], list[Problem]]:
    """Every entry file of the catalog at `root` with its kind, and a problem for each file or
    folder that is neither an entry nor read by its own loader."""
    files: list[tuple[Path, Kind]] = []
    items, problems = _listing(root)
    for item in items:
        path = Path(item.path)
        shown = display_path(path)
        if item.is_symlink():
            problems.append(_symlink(shown))
        elif item.is_dir(follow_symlinks=False):
            kind = KIND_BY_FOLDER.get(item.name)
            if kind is None:
                problems += _stray_folder(path)
            else:
                found, found_problems = _kind_folder(path, kind)
                files += found
                problems += found_problems
        elif item.name not in CATALOG_FILES and _looks_like_yaml(item.name):
            problems.append(Problem(shown, 1, 1, f"entries go in the folder of their kind ({kind_folders()}); "
                                    f"move it to one of them", "location"))
    return files, problems


def _kind_folder(folder: Path, kind: Kind) -> tuple[list[tuple[Path, Kind]], list[Problem]]:
    files: list[tuple[Path, Kind]] = []
    items, problems = _listing(folder)
    for item in items:
        path = Path(item.path)
        shown = display_path(path)
        name = item.name
        stem, dot, extension = name.rpartition(".")
        if item.is_symlink():
            problems.append(_symlink(shown))
        elif item.is_dir(follow_symlinks=False):
            problems += _stray_folder(path)
        elif not item.is_file(follow_symlinks=False):
            problems.append(Problem(shown, 1, 1, "is not a regular file; catalog files must be plain files",
                                    "location"))
        elif name.endswith(ENTRY_SUFFIX) and dot:
            files.append((path, kind))
        elif dot and extension.lower() in ("yaml", "yml"):
            lowercase = "" if extension == "yml" else ", in lowercase"
            problems.append(Problem(shown, 1, 1, f"rename to {stem}{ENTRY_SUFFIX}: entries use the .yaml "
                                    f"extension{lowercase}", "location"))
        elif not dot:
            problems.append(Problem(shown, 1, 1, f"rename to {name}{ENTRY_SUFFIX}: entries are .yaml files, "
                                    "or this one is never read", "location"))
        else:
            problems.append(Problem(shown, 1, 1, f"not an entry: {kind.folder}/ holds only entries, one "
                                    ".yaml file each", "location"))
    return files, problems


def _stray_folder(folder: Path) -> list[Problem]:
    """YAML files in a folder that is not a kind's: entries put one level too deep or in a folder
    of their own. Walked without following links, and only so far."""
    problems: list[Problem] = []
    seen = 0
    walk_errors: list[OSError] = []
    for current, folders, names in os.walk(folder, onerror=walk_errors.append, followlinks=False):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or not _looks_like_yaml(name):
                continue
            seen += 1
            if seen > MAX_STRAY_FILES:
                return problems
            problems.append(Problem(display_path(Path(current) / name), 1, 1,
                                    f"entries go directly in a kind folder: {kind_folders()}", "location"))
    for error in walk_errors:
        where = display_path(error.filename) if error.filename else display_path(folder)
        problems.append(Problem(where, 1, 1, f"cannot read folder: {error.strerror or error}", "io"))
    return problems
