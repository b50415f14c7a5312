"""Running Pagefind over the pages' search records once the site is built.

Records are written to a scratch folder as the pages render (so 10,000 of them never sit in
memory), then Pagefind's binary, shipped in the `pagefind-bin` wheel, indexes that folder into
<site>/pagefind/: a small entry file, the WebAssembly search engine and index shards that a
browser fetches only as a query needs them. We run the binary rather than Pagefind's Python
service, whose reader pauses 0.1 s per reply: one call per page would take minutes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pmgenome.site.search.records import EXCLUDE_SELECTORS, Record

OUTPUT_DIR = "pagefind"
LANGUAGE = "en"
# Pagefind also writes ready-made search interfaces; the site uses its own box and none of them.
UNUSED_OUTPUT = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                 "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
                 "wasm.unknown.pagefind")
_INDEXED = re.compile(r"Indexed ([0-9]+) pages?")
TIMEOUT = 600
# Records are scratch: kept in memory-backed /dev/shm where there is one. On an ordinary disk,
# writing and then removing 10,000 small folders cost seconds of the build here.
MEMORY_FS = Path("/dev/shm")  # noqa: S108 - where tempfile makes private folders, never a fixed name
STAGE_FROM = 3_000  # pages from which Pagefind's output is staged in memory (see SearchIndex)


class SearchIndexError(Exception):
    """Pagefind is missing or failed; the message says which and what it printed."""


@dataclass(frozen=True)
class Indexed:
    pages: int
    output: Path


def pagefind_binary() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError as error:
        raise SearchIndexError(
            "pmgenome: the search index needs Pagefind's binary, which the site extra installs "
            "(pip install -e '.[site]')") from error
    return Path(get_executable())


class SearchIndex:
    """Collects the records of one build, then writes the index into the built site."""

    def __init__(self) -> None:
        in_memory = MEMORY_FS.is_dir() and os.access(MEMORY_FS, os.W_OK)
        self._scratch = tempfile.TemporaryDirectory(prefix="pmgenome-search-",
                                                    dir=MEMORY_FS if in_memory else None)
        self.root = Path(self._scratch.name)
        # Pagefind writes its 10,000 small files far more slowly to a disk than to memory (8 s
        # of system time against 2 s here, where copying them afterwards takes 1 s): for a large
        # site with memory-backed scratch space, it writes there and the index is copied into the
        # site. A small site's few files cost less written once than written and copied.
        self._in_memory = in_memory
        self._staging: tempfile.TemporaryDirectory[str] | None = None
        self._folders: set[Path] = set()
        self.count = 0

    def add(self, record: Record) -> None:
        # Checked by its parts, not by resolving it: the scratch folder is ours and holds no
        # links, and resolving two paths per page cost about a second of a 10,000-page build.
        relative = PurePosixPath(record.dest_uri)
        if relative.is_absolute() or ".." in relative.parts or "\\" in record.dest_uri or not relative.parts:
            raise SearchIndexError(f"pmgenome: a page's output path leaves the site: {record.dest_uri}")
        path = self.root.joinpath(*relative.parts)
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        path.write_text(record.html, encoding="utf-8")
        self.count += 1

    def write(self, site_dir: Path, *, keep_index_url: bool = False) -> Indexed:
        """Index every record into site_dir/pagefind/ (replacing an older index there)."""
        output = site_dir / OUTPUT_DIR
        if output.exists():
            shutil.rmtree(output)
        if self._in_memory and self.count >= STAGE_FROM and self._staging is None:
            self._staging = tempfile.TemporaryDirectory(prefix="pmgenome-pagefind-", dir=MEMORY_FS)
        written = Path(self._staging.name) / OUTPUT_DIR if self._staging else output
        if written.exists():
            shutil.rmtree(written)
        command = [str(pagefind_binary()), "--site", str(self.root), "--output-path", str(written),
                   "--force-language", LANGUAGE]
        for selector in EXCLUDE_SELECTORS:
            command += ["--exclude-selectors", selector]
        if keep_index_url:
            command.append("--keep-index-url")
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, cwd=self.root)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SearchIndexError(f"pmgenome: Pagefind could not run: {error}") from error
        printed = (run.stdout + run.stderr).strip()
        found = _INDEXED.search(run.stdout)
        if run.returncode != 0 or not found:
            raise SearchIndexError(f"pmgenome: Pagefind failed (exit {run.returncode}) indexing "
                                   f"{self.count} pages:\n{printed}")
        for name in UNUSED_OUTPUT:
            (written / name).unlink(missing_ok=True)
        if written != output:
            # Contents only: the site's files need no timestamps or modes of the scratch copy.
            shutil.copytree(written, output, copy_function=shutil.copyfile)
        return Indexed(int(found.group(1)), output)

    def close(self) -> None:
        self._scratch.cleanup()
        if self._staging:
            self._staging.cleanup()
