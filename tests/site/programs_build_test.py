"""programs/ and path/ in a real build on a fixed day: a window that closed before the build's day
is never called open, whatever else the page says; two builds on one day are the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.programsites import build_programs_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    build = build_programs_site(tmp_path_factory.mktemp("programs-site"))
    assert build.returncode == 0, build.stderr
    return build.site


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_windows_are_said_for_the_build_day(site: Path) -> None:
    page = soup(site, "programs")
    said = {li["data-entry-id"]: li.select_one(".pmg-when").get_text()
            for li in page.select("li.pmg-program") if li.select_one(".pmg-when")}
    assert said == {"closed-apm": "No window announced; the last closed on 14 September 2026",
                    "coming-rpm": "Applications open 1–28 February 2027"}
    closed = soup(site, "resources/closed-apm").get_text(" ")
    assert "applications open" not in closed.lower()
    assert "No window announced; the last closed on 14 September 2026" in closed


def test_path_lists_the_programs_by_flavour_for_aspiring_and_new_pms(site: Path) -> None:
    block = soup(site, "path").select_one("#pmg-path-programs")
    assert block["data-stages"] == "aspiring new"
    # Nearest first (the flavour's expected levels of the skills it deepens, more for its own
    # flavour); a program no page shows running now comes after those that run.
    assert {section["data-program-flavour"]: [li["data-entry-id"] for li in section.select("li")]
            for section in block.select("[data-program-flavour]")} == {
        "b2b": ["closed-apm", "coming-rpm"], "b2c": ["coming-rpm", "faded-apm"],
        "design": ["coming-rpm", "closed-apm"]}
