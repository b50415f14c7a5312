"""Building the real site in tests: a fixture catalog, an mkdocs.yml pointing at it, `mkdocs build`.

The config is the repository's own mkdocs.yml with only the catalog (and, when asked, the
URL style) changed, so the tests build what the project ships.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURE_CATALOG = REPO / "tests" / "fixtures" / "site" / "catalog"
LINK_RESULTS = REPO / "tests" / "fixtures" / "site" / "link-results.json"


def fixture_catalog(dest: Path) -> Path:
    """A copy of the site fixture catalog, with the shipped vocabulary and named shapes, at `dest`,
    and the fixture people directory beside it."""
    shutil.copytree(FIXTURE_CATALOG, dest)
    shutil.copytree(REPO / "tests" / "fixtures" / "people", dest.parent / "community" / "people")
    shutil.copy(REPO / "catalog" / "taxonomy.yaml", dest / "taxonomy.yaml")
    shutil.copy(REPO / "catalog" / "shapes.yaml", dest / "shapes.yaml")
    return dest


def write_config(path: Path, catalog: Path, *, docs: Path | None = None, use_directory_urls: bool = True) -> Path:
    """The shipped mkdocs.yml, reading `catalog` (and `docs`) instead of the repository's."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    replacements = {
        "docs_dir: docs\n": f"docs_dir: {docs or REPO / 'docs'}\n",
        "      catalog_dir: catalog\n": f"      catalog_dir: {catalog}\n",
    }
    for old, new in replacements.items():
        assert text.count(old) == 1, f"mkdocs.yml no longer has {old!r}"
        text = text.replace(old, new)
    if not use_directory_urls:
        text += "use_directory_urls: false\n"
    path.write_text(text, encoding="utf-8")
    return path


@dataclass(frozen=True)
class Build:
    returncode: int
    stdout: str
    stderr: str
    site: Path


def build_site(config: Path, site: Path, *, cwd: Path | None = None, site_url: str = "",
               link_results: Path | None = None, engine: str = "mkdocs", epoch: str | None = None) -> Build:
    """`mkdocs build --strict` in a child process, as `make site` and the workflows run it
    (engine="properdocs": the same with ProperDocs, MkDocs 1.6's drop-in continuation)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PMGENOME_SITE_URL": site_url,
           "PMGENOME_LINK_RESULTS": str(link_results or "")}
    if epoch is not None:  # the build's today (SOURCE_DATE_EPOCH), for pages that depend on the date
        env["SOURCE_DATE_EPOCH"] = epoch
    result = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True, text=True, cwd=cwd or config.parent, env=env, timeout=600,
    )
    return Build(result.returncode, result.stdout, result.stderr, site)


def build_fixture_site(workdir: Path, *, link_results: Path | None = LINK_RESULTS, **options: bool) -> Build:
    """The fixture catalog's site, built under `workdir` (catalog/, mkdocs.yml, site/), with the
    fixture link results unless told otherwise."""
    catalog = fixture_catalog(workdir / "catalog")
    config = write_config(workdir / "mkdocs.yml", catalog, **options)
    return build_site(config, workdir / "site", link_results=link_results)
