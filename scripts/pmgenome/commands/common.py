"""Options and helpers shared by several subcommands."""

from __future__ import annotations

import argparse
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from types import FrameType

from pmgenome.catalog.model import TAXONOMY_FILE
from pmgenome.text.paths import display_path


class Exit(IntEnum):
    """Every command's exit codes: the one place they are written."""

    OK = 0
    PROBLEMS = 1  # the command ran and found something wrong: invalid entries, broken links, failed pages
    USAGE = 2  # the command could not run as asked: a bad argument, a missing folder
    INTERNAL = 70  # a bug (EX_SOFTWARE): never the answer to any input a user or a server can produce
    INTERRUPTED = 130  # Ctrl-C


def add_catalog_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--catalog",
        type=Path,
        default=Path("catalog"),
        metavar="DIR",
        help="the catalog folder (default: ./catalog)",
    )


def inside_catalog(root: Path) -> str | None:
    """What to say when --catalog names a folder inside the catalog (`catalog/articles`, where a
    contributor is working): read as a catalog it has no vocabulary and every entry is misplaced,
    and `new` would write into `articles/articles/`. None for any other folder."""
    parent = root.resolve().parent  # `--catalog .` from inside catalog/articles/ has no parent of its own
    if (root / TAXONOMY_FILE).exists() or not (parent / TAXONOMY_FILE).is_file():
        return None
    shown = display_path(root.parent) if root.name not in ("", ".") else ".."
    return (f"{display_path(root)} is a folder inside the catalog, not the catalog itself: "
            f"pass --catalog {shown}")


def catalog_not_found(root: Path, otherwise: str = "") -> str:
    """The message for a --catalog folder that is not there, pointing at `--catalog .` when the
    command runs inside the catalog itself (a contributor who changed into catalog/); `otherwise`
    is added when it does not."""
    message = f"catalog folder not found: {display_path(root)}"
    if Path(TAXONOMY_FILE).is_file():
        return f"{message}; this folder holds {TAXONOMY_FILE}, so it is the catalog: pass --catalog ."
    return message + otherwise


def catalog_refusal(root: Path, otherwise: str = "") -> str | None:
    """Why --catalog cannot be read as the catalog (not there, or a folder inside it), or None:
    the check every command that reads or writes entries makes first."""
    if not root.is_dir():
        return catalog_not_found(root, otherwise)
    return inside_catalog(root)


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


@contextmanager
def first_interrupt_only() -> Iterator[None]:
    """Within the block, the first Ctrl-C raises KeyboardInterrupt and later ones are ignored.

    A command that saves its work on Ctrl-C must be able to finish that save: a second Ctrl-C
    during it would otherwise leave the work unsaved and print a traceback. The save is a local
    write of a second or less, so ignoring a second press costs nothing. After a Ctrl-C the
    command is on its way out, so presses stay ignored until the process ends; without one,
    the previous handler is back when the block ends.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers; others never see SIGINT anyway
        return

    def interrupted(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        yield
    finally:
        if signal.getsignal(signal.SIGINT) is interrupted:
            signal.signal(signal.SIGINT, previous)
