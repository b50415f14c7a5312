"""Options and helpers shared by several subcommands."""

from __future__ import annotations

import argparse
import os
from pathlib import Path


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
