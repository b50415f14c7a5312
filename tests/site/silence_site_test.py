"""A podcast or newsletter gone silent, on the real site build: its latest episode or issue from
the enrichment store, the mark on its page and its Explore card's note; a live one is not marked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.sitebuild import build_site, fixture_catalog, write_config

EPOCH = "1796428800"  # the build's day: 2026-12-05


def silent_fixture(work: Path) -> Path:
    """The fixture catalog with a monthly newsletter last heard of in January 2025 and a podcast
    that published ten days before the build."""
    catalog = fixture_catalog(work / "catalog")
    newsletter = catalog / "newsletters" / "fixture-newsletter.yaml"
    newsletter.write_text(newsletter.read_text(encoding="utf-8").replace("cadence: ended", "cadence: monthly"),
                          encoding="utf-8")
    store = json.loads((catalog / "enrichment.json").read_text(encoding="utf-8"))
    for entry_id, url, feed, latest in (
            ("fixture-newsletter", "https://fixture.example.com/newsletters/fixture",
             "https://fixture.example.com/newsletters/fixture/feed", "2025-01-09"),
            ("fixture-podcast", "https://fixture.example.com/podcasts/fixture",
             "https://fixture.example.com/podcasts/fixture/feed.xml", "2026-11-25")):
        store["entries"][entry_id] = {"url": url, "status": "ok", "fetched_at": "2026-12-01T07:00:00Z",
                                      "feed": {"url": feed, "fetched_at": "2026-12-01T07:00:00Z", "latest": latest,
                                               "error": None}}
    (catalog / "enrichment.json").write_text(json.dumps(store), encoding="utf-8")
    return catalog


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("silence")
    build = build_site(write_config(work / "mkdocs.yml", silent_fixture(work)), work / "site",
                       epoch=EPOCH)
    assert build.returncode == 0, build.stderr
    return build.site


def page(site: Path, entry_id: str) -> BeautifulSoup:
    return BeautifulSoup((site / "resources" / entry_id / "index.html").read_text(encoding="utf-8"), "html.parser")


def facts(site: Path, entry_id: str) -> dict[str, str]:
    soup = page(site, entry_id)
    return {dt.get_text(): dd.get_text() for dt, dd in zip(soup.select(".pmg-facts dt"), soup.select(".pmg-facts dd"), strict=True)}


def test_a_newsletter_silent_for_more_than_six_months_is_marked_on_its_page(site: Path) -> None:
    badges = [badge.get_text() for badge in page(site, "fixture-newsletter").select(".pmg-resource .pmg-badge--silent")]
    assert badges == ["No new issue since 2025-01-09"]
    assert facts(site, "fixture-newsletter")["Latest issue"] == "2025-01-09*"  # * : read by enrichment


def test_a_live_podcast_shows_its_latest_episode_and_no_mark(site: Path) -> None:
    assert page(site, "fixture-podcast").select(".pmg-badge--silent") == []
    assert facts(site, "fixture-podcast")["Latest episode"] == "2026-11-25*"


def test_explore_s_index_carries_the_note_for_the_silent_one_only(site: Path) -> None:
    index = json.loads((site / "explore" / "index.json").read_text(encoding="utf-8"))
    notes = {index["entries"][int(position)][0]: text for position, text in index["notes"].items()}
    assert notes == {"fixture-newsletter": "No new issue since 2025-01-09"}
