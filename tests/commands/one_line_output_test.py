"""Issue 23, item 9, the other half: validate refuses a line break in a one-line field, and the
one-line outputs cope anyway with the values they quote (a line break or a bidirectional control
in a language tag: one problem per line, one annotation per line, neither shown raw)."""

from __future__ import annotations

import pytest
from pmgenome.cli import main

from tests.support.catalogs import VALID_ARTICLE, CatalogDir

ARTICLE = "catalog/articles/good-pm.yaml"
HOSTILE = VALID_ARTICLE.replace("language: en", 'language: "en\\n::error::forged\\u202e"')


def test_text_format_keeps_one_problem_per_line(catalog_dir: CatalogDir, capsys: pytest.CaptureFixture[str]) -> None:
    catalog_dir.write("articles/good-pm.yaml", HOSTILE)
    assert main(["validate", "--catalog", "catalog", "--format", "text"]) == 1
    assert capsys.readouterr().out == (
        f"{ARTICLE}:11:11: 'en\\x0a::error::forged\\u202e' is not a language tag; write a BCP 47 tag like en, de "
        "or pt-BR\n")


def test_github_format_keeps_one_annotation_per_line(catalog_dir: CatalogDir,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    catalog_dir.write("articles/good-pm.yaml", HOSTILE)
    assert main(["validate", "--catalog", "catalog", "--format", "github"]) == 1
    assert capsys.readouterr().out == (
        f"{ARTICLE}:11:11: 'en\\x0a::error::forged\\u202e' is not a language tag; write a BCP 47 tag like en, de "
        "or pt-BR\n"
        f"::error file={ARTICLE},line=11,col=11,title=pmgenome format::'en%0A::error::forged\\u202e' is not a "
        "language tag; write a BCP 47 tag like en, de or pt-BR\n")
