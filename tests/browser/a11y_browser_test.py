"""axe-core (from npm, as Lighthouse runs it) finds no accessibility violation on the built site.

Six pages (home, a segment, Explore, the reading path, a resource, the API page) and the open search box,
in the light and the dark colour scheme. Any violation fails, whatever its impact: the
message names the rule, its impact and the first elements it flagged.
"""

from __future__ import annotations

import pytest

from tests.support.axe import axe_path

PAGES = ("", "segments/b2b/", "explore/", "path/", "resources/b2b-pick-one/", "api/")


@pytest.fixture(scope="module")
def axe_source() -> str:
    return axe_path().read_text(encoding="utf-8")


def violations(page, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    found = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
    return [f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes'][:3]]}" for v in found]


@pytest.fixture(params=["light", "dark"])
def scheme(request, page) -> str:
    # Material follows the reader's scheme on a first visit; a fresh context is a first visit.
    page.emulate_media(color_scheme=request.param)
    return {"light": "default", "dark": "slate"}[request.param]


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.strip("/") or "home")
def test_a_page_has_no_violation(page, base_url: str, axe_source: str, scheme: str, path: str) -> None:
    page.goto(f"{base_url}{path}")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
    assert violations(page, axe_source) == []


def test_the_open_search_box_has_no_violation(page, base_url: str, axe_source: str, scheme: str) -> None:
    page.goto(base_url)
    page.keyboard.press("/")
    page.keyboard.type("fixture")
    page.wait_for_selector(".md-search-result__item")
    page.locator(".pmg-search__filters select").first.wait_for()
    assert violations(page, axe_source) == []
