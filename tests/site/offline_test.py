"""What the built site carries for offline use: the web app manifest, linked from every page, and
the service worker at its root with the build's version and the files it keeps from a first visit.
(tests/browser/offline_browser_test.py switches the network off in Chromium.)"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from pmgenome.site.offline import precache, site_version

from tests.support.sitebuild import Build, build_fixture_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    build: Build = build_fixture_site(tmp_path_factory.mktemp("offline-site"))
    assert build.returncode == 0, build.stderr
    return build.site


def worker_constants(site: Path) -> tuple[str, list[str]]:
    text = (site / "sw.js").read_text(encoding="utf-8")
    version = re.search(r'^const VERSION = "([0-9a-f]+)";$', text, re.M)
    kept = re.search(r"^const PRECACHE = (\[.*\]);$", text, re.M)
    assert version and kept, "sw.js lost its version or its list"
    return version.group(1), json.loads(kept.group(1))


def test_every_page_links_the_manifest_and_registers_the_worker_at_the_root(site: Path) -> None:
    for page, root in (("index.html", ""), ("segments/b2b/index.html", "../../"),
                       ("resources/fixture-book/index.html", "../../")):
        html = (site / page).read_text(encoding="utf-8")
        assert f'<link rel="manifest" href="{root}manifest.webmanifest">' in html
        assert f'navigator.serviceWorker.register("{root}sw.js")' in html
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest == {"name": "PM Genome", "short_name": "PM Genome",
                        "description": "A curated catalog of product management resources, and who each one is for.",
                        "start_url": "./", "scope": "./", "display": "standalone", "background_color": "#ffffff",
                        "theme_color": "#3f51b5"}


def test_the_worker_keeps_the_home_page_path_the_assets_and_the_whole_search_index(site: Path) -> None:
    version, kept = worker_constants(site)
    assert version == site_version(site)
    assert kept[:5] == ["./", "path/", "api/plan-index.json", "sitemap.xml", "manifest.webmanifest"]
    pagefind = sorted(path.relative_to(site).as_posix() for path in (site / "pagefind").rglob("*") if path.is_file())
    assert [name for name in kept if name.startswith("pagefind/")] == pagefind
    assert {"assets/pmgenome/search.js", "assets/pmgenome/site.css", "assets/pmgenome/path.js"} <= set(kept)
    assert not [name for name in kept if name.endswith(".map") or "lunr" in name or "://" in name]
    assert all((site / name).exists() or name in ("./", "path/") for name in kept)


def test_a_changed_file_changes_the_version(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    before = site_version(copy)
    (copy / "sw.js").write_text("anything", encoding="utf-8")
    assert site_version(copy) == before  # the worker is not part of its own version
    page = copy / "resources" / "fixture-book" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Fixture", "Changed"), encoding="utf-8")
    assert site_version(copy) != before
    assert precache(copy, use_directory_urls=False)[:2] == ["index.html", "path/index.html"]
