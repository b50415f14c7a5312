"""What's new: additions by their `added` month and retirements from git history, on the real
site build; the build's day from SOURCE_DATE_EPOCH (site/today.py), so two builds with one epoch
write one page."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Kind
from pmgenome.catalog.retired import Retired, retired_entries
from pmgenome.site.context import SiteSettings, make_context, newest_first
from pmgenome.site.whatsnew import months

from tests.support.sitebuild import build_site, fixture_catalog, write_config

EPOCH = "1796428800"  # 2026-12-05T00:00:00Z


def git(folder: Path, *args: str, when: str = "2026-01-01T12:00:00Z") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture catalog in a git checkout: one entry removed in March 2026, one moved to
    another kind's folder (a rename, not a retirement)."""
    work = tmp_path_factory.mktemp("whatsnew")
    catalog = fixture_catalog(work / "catalog")
    git(work, "init", "-q")
    git(work, "add", "-A")
    git(work, "commit", "-qm", "catalog")
    git(work, "rm", "-q", "catalog/articles/b2b-tie-beta.yaml")
    git(work, "mv", "catalog/books/fixture-book.yaml", "catalog/articles/fixture-book-moved.yaml")
    git(work, "commit", "-qm", "retire one", when="2026-03-09T23:30:00Z")
    git(work, "mv", "catalog/articles/fixture-book-moved.yaml", "catalog/books/fixture-book.yaml")
    git(work, "commit", "-qm", "move it back", when="2026-03-10T08:00:00Z")
    assert (catalog / "books" / "fixture-book.yaml").is_file()
    return work


def test_retired_entries_come_from_git_history_and_renames_are_not_retirements(history: Path) -> None:
    catalog, _ = load_catalog(history / "catalog")
    assert retired_entries(catalog.root, set(catalog.by_id)) == (
        Retired("b2b-tie-beta", Kind.ARTICLE, "Tie Beta", dt.date(2026, 3, 9)),)


def test_outside_a_checkout_the_history_is_unknown(tmp_path: Path) -> None:
    assert retired_entries(fixture_catalog(tmp_path / "catalog"), set()) is None


def test_months_are_the_latest_with_a_change_newest_first(history: Path) -> None:
    catalog, _ = load_catalog(history / "catalog")
    views = list(make_context(catalog, SiteSettings(), {}, dt.date(2026, 12, 5)).views.values())
    retired = (Retired("gone", Kind.ARTICLE, "Gone", dt.date(2030, 3, 9)),)
    everything = months(views, retired)
    assert [(month.label, month.anchor, month.added, [item.id for item in month.retired])
            for month in everything][0] == ("March 2030", "2030-03", (), ["gone"])
    added = sorted({(view.entry.added.year, view.entry.added.month) for view in views}, reverse=True)
    assert [month.anchor for month in everything[1:]] == [f"{year:04d}-{month:02d}" for year, month in added][:11]
    newest = everything[1]
    assert [view.entry.added for view in newest.added] == sorted(
        (view.entry.added for view in views if view.entry.added.strftime("%Y-%m") == newest.anchor), reverse=True)
    assert len(months(views, retired, shown=3)) == 3


def _build(history: Path, name: str, epoch: str) -> Path:
    build = build_site(write_config(history / f"{name}.yml", history / "catalog"), history / name,
                       epoch=epoch)
    assert build.returncode == 0, build.stderr
    return build.site


def test_the_page_lists_the_latest_addition_and_the_retirement_and_names_the_build_day(history: Path) -> None:
    site = _build(history, "site-one", EPOCH)
    page = BeautifulSoup((site / "whats-new" / "index.html").read_text(encoding="utf-8"), "html.parser")
    intro = page.select_one("article p.pmg-counts").get_text()
    assert "This page was built on 2026-12-05." in intro
    headings = [h2.get_text().rstrip("¶") for h2 in page.select("article h2")]
    catalog, _ = load_catalog(history / "catalog")
    newest = newest_first(catalog.entries)[0]
    # March 2026 (the retirement) comes first, then the month of the newest addition, newest first.
    assert headings[:2] == ["March 2026", f"{newest.added.strftime('%B')} {newest.added.year}"]
    retired = [li.get_text() for li in page.select("ul.pmg-retired li")]
    assert retired == ["Tie Beta · Article · retired on 2026-03-09"]
    first = page.select("article ul.pmg-rows:not(.pmg-retired)")[0].select_one("li")
    assert first["data-entry-id"] == newest.id
    again = _build(history, "site-two", EPOCH)
    assert (again / "whats-new" / "index.html").read_bytes() == (site / "whats-new" / "index.html").read_bytes()
