"""Which files make up a catalog, reading one safely, and naming files the way people read them."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pmgenome.catalog import yamlload
from pmgenome.catalog.model import KIND_BY_FOLDER, Kind
from pmgenome.catalog.problems import Problem


@lru_cache(maxsize=None)
def _cwd_prefix(cwd: str) -> str:
    return cwd.rstrip(os.sep) + os.sep


def display_path(path: Path | str) -> str:
    """A path as people and GitHub annotations want it: relative to here when inside it."""
    text = str(path)
    if not os.path.isabs(text):
        return text
    prefix = _cwd_prefix(os.getcwd())
    return text[len(prefix):] if text.startswith(prefix) else text


def _problems_from(shown: str, document: yamlload.Document) -> list[Problem]:
    return [Problem(shown, e.line, e.col, e.message, e.rule) for e in document.errors]


def read_yaml(path: Path, shown: str | None = None) -> tuple[yamlload.Document | None, list[Problem]]:
    """Load one YAML file; the document is None when nothing usable could be read.
    `shown` is how problems name the file (default: relative to the working folder)."""
    shown = shown or display_path(path)
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > yamlload.MAX_BYTES:
                return None, [Problem(shown, 1, 1, f"file is {size:,} bytes; the limit is "
                                      f"{yamlload.MAX_BYTES:,}", "size")]
            data = handle.read(yamlload.MAX_BYTES + 1)
    except OSError as error:
        return None, [Problem(shown, 1, 1, f"cannot read file: {error.strerror or error}", "io")]
    document = yamlload.load(data)
    problems = _problems_from(shown, document)
    if document.value is None and not problems:
        problems.append(Problem(shown, 1, 1, "file is empty", "empty"))
    if document.value is None:
        return None, problems
    return document, problems



def _is_yaml(name: str) -> bool:
    return name.endswith((".yaml", ".yml"))


def entry_files(root: Path) -> tuple[list[tuple[Path, Kind]], list[Problem]]:
    files: list[tuple[Path, Kind]] = []
    misplaced: list[Path] = []
    for top in sorted(os.scandir(root), key=lambda item: item.name):
        if not top.is_dir():
            continue  # taxonomy, picks, exclusions: read by their own loaders
        kind = KIND_BY_FOLDER.get(top.name)
        if kind is None:
            misplaced += (p for p in Path(top.path).rglob("*") if _is_yaml(p.name) and p.is_file())
            continue
        for item in sorted(os.scandir(top.path), key=lambda item: item.name):
            if item.is_dir():
                misplaced += (p for p in Path(item.path).rglob("*") if _is_yaml(p.name) and p.is_file())
            elif _is_yaml(item.name):
                files.append((Path(item.path), kind))
    problems = [Problem(display_path(path), 1, 1,
                        "entries go directly in articles/, courses/ or meetups/", "location")
                for path in sorted(misplaced)]
    for path, _ in files:
        if path.name.endswith(".yml"):
            problems.append(Problem(display_path(path), 1, 1,
                                    f"rename to {path.stem}.yaml: entries use the .yaml extension", "location"))
    return [(path, kind) for path, kind in files if path.name.endswith(".yaml")], problems
