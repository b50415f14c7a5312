"""events/ in Chromium: filtering by segment and place, kept in the address."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.eventsites import build_events_site
from tests.support.servers import static_site


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    build = build_events_site(tmp_path_factory.mktemp("events-browser"), site_url="")
    assert build.returncode == 0, build.stderr
    with static_site(build.site) as url:
        yield url


def shown(page) -> list[str]:
    return page.locator(".pmg-event:visible").evaluate_all("rows => rows.map(row => row.dataset.entryId)")


def test_events_filter_by_segment_and_place_and_keep_them_in_the_address(page, base_url: str) -> None:
    page.goto(f"{base_url}events/")
    assert shown(page) == ["growth-call", "kigali-summit"]
    assert page.locator(".pmg-event-count").inner_text() == "2 events shown"
    page.get_by_label("Segment").select_option("b2c")
    assert shown(page) == ["growth-call"]
    assert page.url == f"{base_url}events/?segment=b2c"
    assert page.locator("[data-month]:visible h2").all_inner_texts() == ["January 2027"]
    page.get_by_label("Place").select_option("KE")
    assert shown(page) == []
    assert page.locator("[data-pmg-events-none]").is_visible()
    assert page.url == f"{base_url}events/?segment=b2c&place=KE"
    page.goto(f"{base_url}events/?place=KE&segment=nonsense")
    assert shown(page) == ["kigali-summit"]
    assert page.get_by_label("Segment").input_value() == ""


@pytest.mark.parametrize("path", ["events/", "events/?segment=b2c", "resources/kigali-summit/", "meetups/"])
def test_events_pages_have_no_accessibility_violation(page, base_url: str, path: str) -> None:
    from tests.browser.a11y_browser_test import violations
    from tests.support.axe import axe_path

    page.goto(f"{base_url}{path}")
    page.wait_for_load_state("networkidle")
    assert violations(page, axe_path().read_text(encoding="utf-8")) == []
