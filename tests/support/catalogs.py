"""Small catalogs written into a temporary folder, and the repository they copy from."""

from __future__ import annotations

import shutil
import textwrap
from functools import cache
from pathlib import Path

from pmgenome.catalog.model import Catalog
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.validate import validate_catalog

REPO = Path(__file__).resolve().parents[2]


@cache
def shipped() -> tuple[Catalog, tuple[Problem, ...]]:
    """The repository's own catalog and its problems, validated once for every test that reads it."""
    catalog, problems = validate_catalog(REPO / "catalog")
    return catalog, tuple(problems)

VALID_ARTICLE = """\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/article.schema.json
title: Good Product Manager/Bad Product Manager
url: https://a16z.com/good-product-manager-bad-product-manager/
summary: >-
  A short classic memo that contrasts the habits of strong and weak product
  managers, useful as a checklist for anyone new to the role.
segments: [b2b, technical]
skills: [strategy, communication]
levels: [new]
access: free
language: en
added: 2026-11-01
author: Ben Horowitz
reviewed: 2026-11-02
"""
# What a pick must also say (picks.yaml's rule): appended to VALID_ARTICLE for entries a test picks.
OUTCOMES = """\
outcomes:
  - You can tell the habits of a strong product manager from a weak one's.
"""


class CatalogDir:
    """A throwaway catalog: the shipped vocabulary plus whatever files a test writes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for folder in ("articles", "courses", "meetups"):
            (root / folder).mkdir(parents=True)
        shutil.copy(REPO / "catalog" / "taxonomy.yaml", root / "taxonomy.yaml")

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path
