"""The contributor's and maintainer's guides say what the repository really does: the outside
evaluation folder and how its test skips, the settings and secrets the workflows need."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
MAINTAINING = (REPO / "MAINTAINING.md").read_text(encoding="utf-8")


def test_contributing_explains_the_evaluation_folder_outside_the_repository() -> None:
    assert "`../shared/eval/dates/`" in CONTRIBUTING and "`PMGENOME_EVAL_DATES`" in CONTRIBUTING
    assert "the test is skipped" in CONTRIBUTING


def test_without_the_evaluation_folder_its_test_skips_saying_where_it_looked(tmp_path: Path) -> None:
    missing = tmp_path / "no-eval-here"
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
                             str(REPO / "tests" / "enrich" / "extract_eval_test.py")], cwd=REPO, capture_output=True, text=True,
                            env={**os.environ, "PMGENOME_EVAL_DATES": str(missing)}, timeout=300)
    assert result.returncode == 0, result.stdout
    assert f"evaluation pages not found at {missing} (set PMGENOME_EVAL_DATES to their folder)" in result.stdout


def test_maintaining_covers_the_settings_and_the_routines() -> None:
    for heading in ("## One-time repository settings", "## The weekly link issue", "## Reviewing a contribution",
                    "## The monthly pull requests", "## Cutting a release"):
        assert heading in MAINTAINING
    assert "Pages source: **GitHub Actions**" in MAINTAINING
    assert "**Allow GitHub Actions to create and approve pull requests**" in MAINTAINING


def test_the_secrets_the_guide_names_are_the_ones_the_workflows_read() -> None:
    used = set()
    for path in (REPO / ".github" / "workflows").glob("*.yml"):
        used |= set(re.findall(r"secrets\.([A-Z0-9_]+)", path.read_text()))
    used.discard("GITHUB_TOKEN")
    assert used == {"ENRICH_APP_ID", "ENRICH_APP_PRIVATE_KEY"}
    for name in used:
        assert f"`{name}`" in MAINTAINING


def test_the_issue_form_offers_every_kind() -> None:
    from pmgenome.catalog.model import Kind

    form = (REPO / ".github" / "ISSUE_TEMPLATE" / "suggest-resource.yml").read_text()
    options = re.search(r"options: \[(.*)\]", form).group(1).lower()
    for kind in Kind:
        assert kind.value in options, kind
