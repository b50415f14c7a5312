"""Survey responses (survey/responses/<number>.yaml): read beside the catalog, every extra or
missing field and unknown id refused where it is written."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from pmgenome.catalog.load import load_catalog

REPO = Path(__file__).resolve().parents[2]


def _root(tmp_path: Path, **files: str) -> Path:
    (tmp_path / "catalog").mkdir()
    shutil.copy(REPO / "catalog" / "taxonomy.yaml", tmp_path / "catalog" / "taxonomy.yaml")
    folder = tmp_path / "survey" / "responses"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / f"{name.lstrip('n')}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path / "catalog"


def test_a_response_reads_in_taxonomy_order(tmp_path):
    catalog, problems = load_catalog(_root(tmp_path, n7="""\
        stage: new
        background: engineering
        company: [technical, b2b]
        ratings: {go-to-market: 1, strategy: 2}
        date: 2026-12-06
        years: 3-5
        country: GB
        """))
    assert problems == []
    (response,) = catalog.responses
    assert (response.number, response.company, response.ratings, response.years, response.country) == (
        7, ("b2b", "technical"), (("strategy", 2), ("go-to-market", 1)), "3-5", "GB")


def test_extra_and_missing_fields_and_unknown_ids_are_located(tmp_path):
    _root(tmp_path, n12="""\
        stage: new
        background: engineering
        company: [b2b, saas]
        ratings: {strategy: 2, discovery: 5, growht: 1}
        date: "2026-12-06"
        years: 3 to 5
        handle: octocat
        """, n13="""\
        stage: new
        background: engineering
        """)
    done = subprocess.run([sys.executable, "-m", "pmgenome", "validate", "--catalog", "catalog"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "survey/responses/12.yaml:3:16: unknown segment 'saas'; choose from: b2b, b2c, technical, design",
        "survey/responses/12.yaml:4:35: the rating for 'discovery' must be 0, 1, 2 or 3",
        "survey/responses/12.yaml:4:38: unknown skill 'growht' in ratings (did you mean 'growth'?)",
        "survey/responses/12.yaml:5:7: date must be a date written as YYYY-MM-DD, unquoted",
        "survey/responses/12.yaml:6:8: years must be one of: Less than 1, 1-2, 3-5, 6-10, More than 10",
        "survey/responses/12.yaml:7:1: unknown field 'handle'; a response holds only stage, background, company, "
        "ratings, date, years, company_size, industry, country",
        "survey/responses/13.yaml:1:1: missing 'company'",
        "survey/responses/13.yaml:1:1: missing 'date'",
        "survey/responses/13.yaml:1:1: missing 'ratings'",
    ]
