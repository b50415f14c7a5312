"""Company programs in Chromium: path/ shows them to aspiring and new PMs for the flavours they
chose (and the one they compare with); programs/ and a program's page pass axe."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.programsites import build_programs_site
from tests.support.servers import static_site


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    build = build_programs_site(tmp_path_factory.mktemp("programs-browser"), site_url="")
    assert build.returncode == 0, build.stderr
    with static_site(build.site) as url:
        yield url


def flavours_shown(page) -> list[str]:
    return page.locator("[data-program-flavour]:visible").evaluate_all(
        "sections => sections.map(section => section.dataset.programFlavour)")


def test_path_shows_programs_for_the_stage_and_flavours_chosen(page, base_url: str) -> None:
    page.goto(f"{base_url}path/?stage=aspiring&background=other&company=b2b&goal=deepen")
    page.wait_for_selector("#pmg-path-plan li")
    assert page.locator("#pmg-path-programs").is_visible()
    assert flavours_shown(page) == ["b2b"]
    page.goto(f"{base_url}path/?stage=new&background=other&company=b2b&goal=deepen&compare=b2c")
    page.wait_for_selector("#pmg-path-plan li")
    assert flavours_shown(page) == ["b2b", "b2c"]
    page.get_by_label("Experienced PM", exact=False).first.check()
    assert not page.locator("#pmg-path-programs").is_visible()


@pytest.mark.parametrize("path", ["programs/", "resources/closed-apm/"])
def test_program_pages_have_no_accessibility_violation(page, base_url: str, path: str) -> None:
    from tests.browser.a11y_browser_test import violations
    from tests.support.axe import axe_path

    page.goto(f"{base_url}{path}")
    page.wait_for_load_state("networkidle")
    assert violations(page, axe_path().read_text(encoding="utf-8")) == []
