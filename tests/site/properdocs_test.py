"""Two engines: ProperDocs, MkDocs 1.6's maintained continuation, builds and deploys the site
(`make site`, deploy.yml); MkDocs itself still builds the same site, so either one works.

Both builds read the shipped mkdocs.yml on the fixture catalog; every page must come out the
same but for the generator's name, and the search index must hold the same pages.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.support.sitebuild import (
    REPO,
    Build,
    build_site,
    fixture_catalog,
    write_config,
)

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


def test_mkdocs_is_as_quiet_as_properdocs_with_the_switch_make_and_deploy_set(builds: dict[str, Build]) -> None:
    # Material prints its end-of-life notice only under the `mkdocs` command; NO_MKDOCS_2_WARNING
    # (exported by the Makefile, set by deploy.yml) keeps the two engines' output alike.
    for build in builds.values():
        assert build.returncode == 0, build.stderr
        assert [line for line in build.stderr.splitlines() if not line.startswith("INFO    -  ")] == []


def _recipe(tmp_path: Path, target: str, *options: str) -> list[str]:
    """What `make TARGET` runs once .venv is set up (its install stamps newer than pyproject.toml)."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True, exist_ok=True)
    for extras in ("cli", "site"):
        (venv / f".installed-{extras}").touch()
    result = subprocess.run(["make", "-n", "-C", str(REPO), target, f"VENV={venv}", *options],
                            capture_output=True, text=True, check=True)
    return [line.replace(str(venv), ".venv") for line in result.stdout.splitlines() if not line.startswith("make")]


def test_make_site_and_serve_run_properdocs_on_the_shipped_config(tmp_path: Path) -> None:
    assert _recipe(tmp_path, "site") == [".venv/bin/pmgenome validate --catalog catalog",
                                         ".venv/bin/properdocs build --strict -f mkdocs.yml"]
    assert _recipe(tmp_path, "serve") == [".venv/bin/properdocs serve -f mkdocs.yml"]
    assert _recipe(tmp_path, "site", "ENGINE=mkdocs")[-1] == ".venv/bin/mkdocs build --strict -f mkdocs.yml"
