"""Offline use in Chromium: after a first visit online, with the network switched off, the home
page, a page opened before, path/ and search still work (the service worker answers); a new
build replaces the old copies on the next online visit; no request ever leaves for another host.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import _loopback
from tests.support.servers import static_site, wait_until
from tests.support.sitebuild import build_site, fixture_catalog, write_config

RESULTS = ".md-search-result__list > li.md-search-result__item"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("offline")
    config = write_config(work / "mkdocs.yml", fixture_catalog(work / "catalog"))
    build = build_site(config, work / "site")
    assert build.returncode == 0, build.stderr
    return work, build.site


@pytest.fixture
def offline_context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="allow")
    requested: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    context.requested = requested
    context.errors = errors
    yield context
    context.close()
    assert [url for url in requested if not _loopback(url)] == []


def search(page, words: str) -> list[str]:
    page.keyboard.press("/")
    page.keyboard.type(words, delay=20)
    page.wait_for_function("/matching document/.test(document.querySelector('.md-search-result__meta').textContent)")
    return page.locator(f"{RESULTS} .pmg-search__title").all_inner_texts()


def first_visit(context, base_url: str):
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.on("pageerror", lambda error: context.errors.append(str(error)))
    page.goto(base_url)
    page.evaluate("navigator.serviceWorker.ready")  # installed: everything it keeps is in its cache
    page.reload()  # and now it answers the page's requests
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.goto(f"{base_url}segments/b2b/")
    page.locator("article h1").wait_for()
    return page


def test_the_visited_pages_path_and_search_work_with_the_network_off(built, offline_context) -> None:
    _, site = built
    with static_site(site) as base_url:
        page = first_visit(offline_context, base_url)
        offline_context.set_offline(True)
        page.goto(base_url)
        assert page.locator("article h1").inner_text().rstrip("¶") == "PM Genome"
        page.goto(f"{base_url}segments/b2b/")
        assert page.locator("article h1").inner_text().rstrip("¶") == "B2B"
        page.goto(f"{base_url}path/")
        # The plan's data came from the copy: the page says it is ready, not that loading failed.
        page.wait_for_function("document.getElementById('pmg-path').dataset.ready === 'true' && "
                               "!/could not be loaded/.test(document.getElementById('pmg-path-status').textContent)")
        page.locator("#pmg-path-form input").first.wait_for()
        page.goto(base_url)
        assert "Design Cohort Course" in search(page, "cohort")
        page.goto(f"{base_url}resources/technical-course/")  # never opened: said so, not a browser error page
        assert "You are offline, and this page was not opened while you were online" in page.content()
        offline_context.set_offline(False)
    assert offline_context.errors == []


def test_a_new_build_replaces_the_old_copies_on_the_next_online_visit(built, offline_context) -> None:
    work, site = built
    with static_site(site) as base_url:
        page = first_visit(offline_context, base_url)
        before = page.evaluate("caches.keys()")
        assert len(before) == 1 and before[0].startswith("pmgenome-offline-")
        entry = work / "catalog" / "courses" / "technical-course.yaml"
        entry.write_text(entry.read_text(encoding="utf-8").replace("title: Technical Course",
                                                                    "title: Technical Zanzibar Course"),
                         encoding="utf-8")
        rebuilt = build_site(work / "mkdocs.yml", site)
        assert rebuilt.returncode == 0, rebuilt.stderr
        page.goto(base_url)  # online: the browser finds the new worker and installs it
        replaced = (f"caches.keys().then(names => names.length === 1 && names[0] !== {before[0]!r}"
                    " && navigator.serviceWorker.controller !== null)")
        assert wait_until(lambda: page.evaluate(replaced), timeout=30)
        offline_context.set_offline(True)
        page.goto(base_url)
        assert search(page, "zanzibar") == ["Technical Zanzibar Course"]
        offline_context.set_offline(False)
