"""Explore past its first hundred cards, in Chromium, against a fixture site grown to 121 resources
(the fixture catalog plus 100 generated articles), built by the real `mkdocs build`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.servers import static_site
from tests.support.sitebuild import build_site, fixture_catalog, write_config

ARTICLE = """\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/article.schema.json
title: Generated article {n:03d}
url: https://fixture.example.com/generated/{n:03d}
summary: >-
  One of a hundred generated articles that take the Explore page past its first hundred cards.
segments: [b2b]
skills: [strategy]
levels: [new]
access: free
added: 2025-01-01
reviewed: 2026-11-20
"""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    workdir = tmp_path_factory.mktemp("explore-more")
    catalog = fixture_catalog(workdir / "catalog")
    for n in range(100):
        (catalog / "articles" / f"generated-{n:03d}.yaml").write_text(ARTICLE.format(n=n), encoding="utf-8")
    build = build_site(write_config(workdir / "mkdocs.yml", catalog), workdir / "site")
    assert build.returncode == 0, build.stderr
    with static_site(build.site) as url:
        yield url


def test_show_more_by_keyboard_moves_the_focus_to_the_first_new_card(page, base_url: str) -> None:
    page.goto(f"{base_url}explore/")
    page.wait_for_selector("#pmg-explore[data-loaded=true]")
    assert page.locator(".pmg-status").text_content() == "All 121 resources"
    cards = page.locator("#pmg-results li[data-entry-id]")
    assert cards.count() == 100
    more = page.get_by_role("button", name="Show 21 more")
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('#pmg-results li[data-entry-id]').length === 121")
    assert page.evaluate("document.activeElement.closest('li').dataset.entryId") == (
        cards.nth(100).get_attribute("data-entry-id"))
    assert page.get_by_role("button", name="Show 21 more").count() == 0
