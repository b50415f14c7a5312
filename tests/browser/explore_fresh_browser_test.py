"""Explore's freshness in Chromium: sort=added puts the newest entry first (and stays in the
address with the filters), and a podcast or newsletter gone silent carries its note on its card."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pmgenome.catalog.load import load_catalog
from pmgenome.site.context import newest_first

from tests.site.silence_site_test import EPOCH, silent_fixture
from tests.support.servers import static_site
from tests.support.sitebuild import build_site, write_config


def listed(page) -> list[str]:
    page.wait_for_selector("#pmg-explore[data-loaded=true]")
    return page.eval_on_selector_all("#pmg-results > li[data-entry-id]", "items => items.map(i => i.dataset.entryId)")


@pytest.fixture(scope="module")
def silent_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    work = tmp_path_factory.mktemp("fresh")
    catalog = silent_fixture(work)
    build = build_site(write_config(work / "mkdocs.yml", catalog), work / "site", epoch=EPOCH)
    assert build.returncode == 0, build.stderr
    with static_site(build.site) as url:
        yield url, catalog


def test_sort_added_puts_the_newest_first_and_is_kept_in_the_address(page, silent_site) -> None:
    base_url, catalog = silent_site
    loaded, _ = load_catalog(catalog)
    newest = [entry.id for entry in newest_first(loaded.entries)]
    page.goto(f"{base_url}explore/?sort=added")
    assert listed(page) == newest
    assert page.locator("select[name=sort]").input_value() == "added"
    page.get_by_label("Articles").check()
    articles = [entry_id for entry_id in newest if loaded.by_id[entry_id].kind.value == "article"]
    assert listed(page) == articles
    assert page.url == f"{base_url}explore/?kind=article&sort=added"
    page.locator("select[name=sort]").select_option("title")
    assert page.url == f"{base_url}explore/?kind=article"
    assert listed(page) != articles and sorted(listed(page)) == sorted(articles)


def test_a_silent_newsletter_is_marked_on_its_card(page, silent_site) -> None:
    base_url, _ = silent_site
    page.goto(f"{base_url}explore/?kind=newsletter,podcast")
    assert listed(page) == ["fixture-newsletter", "fixture-podcast"]
    notes = page.locator("#pmg-results .pmg-badge--silent")
    assert notes.all_inner_texts() == ["No new issue since 2025-01-09"]
    assert page.locator("#pmg-results > li[data-entry-id=fixture-newsletter] .pmg-badge--silent").count() == 1
