"""Options and helpers shared by several subcommands."""

from __future__ import annotations

import argparse
import os
from enum import IntEnum
from pathlib import Path


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


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"
