"""Browser fixtures shared by the browser tests: the fixture catalog's site, built by the real
`mkdocs build` and served on loopback, and Debian's Chromium driven by Playwright. Every request
that is not for a loopback address is aborted and recorded, so a page that reaches for the network fails
its test instead of touching it."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.support.servers import static_site
from tests.support.sitebuild import build_fixture_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SKIP_ENV = "PMGENOME_SKIP_BROWSER"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    build = build_fixture_site(tmp_path_factory.mktemp("browser-site"))
    assert build.returncode == 0, build.stderr
    with static_site(build.site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"{SKIP_ENV}=1")
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (or set {SKIP_ENV}=1 to skip)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def _loopback(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    try:
        return parts.scheme in ("http", "https") and ipaddress.ip_address(parts.hostname or "").is_loopback
    except ValueError:
        return False


@dataclass
class Watch:
    """What went wrong in the page: console errors, uncaught exceptions, blocked requests, dialogs."""

    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def page(browser, base_url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    watch = Watch()

    def route(route) -> None:
        if _loopback(route.request.url):
            route.continue_()
        else:
            watch.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("console", lambda message: watch.errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: watch.errors.append(str(error)))
    tab.on("dialog", lambda dialog: (watch.dialogs.append(dialog.message), dialog.dismiss()))
    tab.set_default_timeout(15_000)
    tab.watch = watch
    yield tab
    context.close()
    assert watch.errors == []
    assert watch.blocked == []
    assert watch.dialogs == []
