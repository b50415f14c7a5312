"""A second engine: ProperDocs, MkDocs 1.6's drop-in continuation, builds the same site.

MkDocs 1.x is no longer maintained; the day it breaks, this test already says where we stand.
Both builds read the shipped mkdocs.yml on the fixture catalog; every page must come out the
same but for the generator's name, and the search index must hold the same pages.
"""

from __future__ import annotations

import json

import pytest

from tests.support.sitebuild import Build, build_site, fixture_catalog, write_config

GENERATOR = '<meta name="generator" content="'


def _without_generator(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if GENERATOR not in line)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    work = tmp_path_factory.mktemp("engines")
    config = write_config(work / "mkdocs.yml", fixture_catalog(work / "catalog"))
    return {engine: build_site(config, work / f"site-{engine}", engine=engine) for engine in ("mkdocs", "properdocs")}


def test_properdocs_builds_the_site_strictly_and_quietly(builds: dict[str, Build]) -> None:
    build = builds["properdocs"]
    assert build.returncode == 0, build.stderr
    assert [line for line in build.stderr.splitlines() if not line.startswith("INFO    -  ")] == []
    page = (build.site / "index.html").read_text(encoding="utf-8")
    assert f'{GENERATOR}mkdocs-ProperDocs ' in page


def test_properdocs_and_mkdocs_write_the_same_pages(builds: dict[str, Build]) -> None:
    sites = {engine: build.site for engine, build in builds.items()}
    files = {engine: sorted(path.relative_to(site).as_posix() for path in site.rglob("*")
                            if path.is_file() and not path.relative_to(site).as_posix().startswith("pagefind/"))
             for engine, site in sites.items()}
    assert files["properdocs"] == files["mkdocs"]
    different = [name for name in files["mkdocs"] if name.endswith(".html") and _without_generator(
        (sites["mkdocs"] / name).read_text(encoding="utf-8")) != _without_generator(
        (sites["properdocs"] / name).read_text(encoding="utf-8"))]
    assert different == []
    counts = [json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
              ["languages"]["en"]["page_count"] for site in sites.values()]
    assert counts[0] == counts[1] > 17
