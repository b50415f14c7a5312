"""Extraction quality floors on 200 real pages with known publication days (htmldate's public set).

The pages stay outside the repository; without them this test is skipped, saying where it looked.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from pmgenome.enrich.extract import extract

EVAL_DIR = Path(os.environ.get("PMGENOME_EVAL_DATES",
                               Path(__file__).resolve().parents[3] / "shared" / "eval" / "dates"))

pytestmark = pytest.mark.skipif(
    not (EVAL_DIR / "truth.json").is_file(),
    reason=f"evaluation pages not found at {EVAL_DIR} (set PMGENOME_EVAL_DATES to their folder)",
)


@pytest.fixture(scope="module")
def results() -> list[tuple[dict, object]]:
    truth = json.loads((EVAL_DIR / "truth.json").read_text(encoding="utf-8"))
    today = dt.date.today()
    return [(item, extract((EVAL_DIR / "pages" / item["file"]).read_bytes(), {}, item["url"], today=today))
            for item in truth]


def share(results, test) -> float:
    return 100 * sum(1 for item, meta in results if test(item, meta)) / len(results)


def test_the_set_is_the_one_measured(results):
    assert len(results) == 200


def test_publication_day_is_right_on_at_least_88_percent(results):
    # A null truth means the page has no date: finding none is then the right answer.
    assert share(results, lambda item, meta: meta.published == item["date"]) >= 88


def test_a_title_is_found_on_at_least_99_percent(results):
    assert share(results, lambda item, meta: bool(meta.title)) >= 99


def test_an_author_is_found_on_at_least_70_percent(results):
    assert share(results, lambda item, meta: bool(meta.author)) >= 70
