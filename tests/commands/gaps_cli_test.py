"""`pmgenome gaps`: a curator's worklist of the entries that lack a fact, as text and as JSON."""

from __future__ import annotations

import json

import pytest
from pmgenome.cli import main

from tests.support.catalogs import VALID_ARTICLE, CatalogDir
from tests.support.schemas import output_errors

TIMED = (VALID_ARTICLE.replace("title: Good Product Manager/Bad Product Manager", "title: Timed")
         .replace("https://a16z.com/good-product-manager-bad-product-manager/", "https://example.org/timed")
         + "time: {minutes: 12, source: stated}\n")


def test_text_lists_each_entry_lacking_the_fact(catalog_dir: CatalogDir, capsys: pytest.CaptureFixture[str]) -> None:
    catalog_dir.write("articles/timed.yaml", TIMED)
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE)
    assert main(["gaps", "--catalog", "catalog", "--fact", "time", "--fact", "outcomes"]) == 0
    captured = capsys.readouterr()
    assert captured.out == (
        "time: 1 of 2 entries used in a sitting give their time (50%); goal 95%, 1 more\n"
        "  to add one: add `time:` with its source (CONTRIBUTING.md, 'How long it takes')\n"
        "  catalog/articles/good-pm.yaml (article) https://a16z.com/good-product-manager-bad-product-manager/\n"
        "outcomes: 0 of 2 entries say what they teach (0%); goal 80%, 2 more\n"
        "  to add one: add one to three `outcomes:` lines\n"
        "  catalog/articles/good-pm.yaml (article) https://a16z.com/good-product-manager-bad-product-manager/\n"
        "  catalog/articles/timed.yaml (article) https://example.org/timed\n")
    assert captured.err == "short of the goal: time, outcomes\n"


def test_a_fact_at_its_goal_says_so(catalog_dir: CatalogDir, capsys: pytest.CaptureFixture[str]) -> None:
    catalog_dir.write("articles/timed.yaml", TIMED)
    assert main(["gaps", "--catalog", "catalog", "--fact", "time"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "time: 1 of 1 entries used in a sitting give their time (100%); goal 95% met\n"
    assert captured.err == "every fact is at its goal\n"


def test_json_matches_its_schema(catalog_dir: CatalogDir, capsys: pytest.CaptureFixture[str]) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE)
    assert main(["gaps", "--catalog", "catalog", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert output_errors("gaps", document) == []
    assert [fact["fact"] for fact in document["facts"]] == ["time", "date", "publisher", "isbn", "feed", "outcomes"]
    time = document["facts"][0]
    assert (time["having"], time["of"], time["short_of_goal"]) == (0, 1, 1)
    assert time["lacking"] == [{"id": "good-pm", "kind": "article", "path": "catalog/articles/good-pm.yaml",
                                "url": "https://a16z.com/good-product-manager-bad-product-manager/"}]


def test_a_catalog_with_problems_gives_no_gaps(catalog_dir: CatalogDir, capsys: pytest.CaptureFixture[str]) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace("access: free", "access: gratis"))
    assert main(["gaps", "--catalog", "catalog"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ("pmgenome gaps: the catalog has 1 problem; fix what `pmgenome validate` "
                            "reports first\n")


def test_usage_errors_exit_2(catalog_dir: CatalogDir, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gaps", "--catalog", "nowhere"]) == 2
    assert capsys.readouterr().err == "pmgenome gaps: catalog folder not found: nowhere\n"
    with pytest.raises(SystemExit) as raised:
        main(["gaps", "--catalog", "catalog", "--fact", "fed"])
    assert raised.value.code == 2
    assert "invalid choice: 'fed'" in capsys.readouterr().err
