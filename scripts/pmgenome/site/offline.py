"""Offline use: a web app manifest, and a service worker that keeps the site working offline.

The worker (assets/sw.js) is written at the site's root once the build is complete, because it
carries what only the built site knows: the files to keep from the first visit (the home page,
path/ and its data, the theme's assets and ours, the whole Pagefind index) and a version, the
hash of every file of the build, so that a changed site replaces its old copies on the next
online visit. A reader's other pages are kept as they open them.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path, PurePosixPath

from pmgenome.site.hrefs import page_url
from pmgenome.site.search.index import OUTPUT_DIR as PAGEFIND_DIR

MANIFEST_SRC_URI = "manifest.webmanifest"
WORKER_URI = "sw.js"
WORKER_TEMPLATE = Path(__file__).parent / "assets" / "sw.js"
THEME_COLOR = "#3f51b5"  # Material's indigo, the palette's primary colour in mkdocs.yml
# Pages kept from the first visit, as source files (where MkDocs puts them depends on the URL style).
PAGES = ("index.md", "path/index.md")
FILES = ("api/plan-index.json", "sitemap.xml", MANIFEST_SRC_URI)
# Under assets/: what pages load. Source maps are for developers, and Material's own search
# (lunr, its worker) is not used by this site.
_SKIPPED_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def web_manifest(site_name: str, description: str) -> str:
    """manifest.webmanifest: the site as an app that opens at its home page, in its own scope."""
    return json.dumps({
        "name": site_name,
        "short_name": site_name,
        "description": description,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
    }, ensure_ascii=False, indent=1) + "\n"


def precache(site_dir: Path, use_directory_urls: bool) -> list[str]:
    """What the worker keeps at install, as paths relative to the site's root."""
    kept = [page_url(src_uri, use_directory_urls) or "./" for src_uri in PAGES]
    kept += [name for name in FILES if (site_dir / name).is_file()]
    for folder in ("assets", PAGEFIND_DIR):
        for path in sorted((site_dir / folder).rglob("*")):
            relative = path.relative_to(site_dir).as_posix()
            if path.is_file() and not relative.endswith(".map") and not relative.startswith(_SKIPPED_ASSETS):
                kept.append(relative)
    return kept


def site_version(site_dir: Path) -> str:
    """A short hash of every file of the built site (but the worker), by path and content."""
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted(site_dir.rglob("*")):
        relative = PurePosixPath(path.relative_to(site_dir).as_posix())
        if path.is_file() and str(relative) != WORKER_URI:
            digest.update(str(relative).encode("utf-8") + b"\0")
            digest.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    return digest.hexdigest()


def service_worker(site_dir: Path, use_directory_urls: bool) -> str:
    """sw.js for the site built in `site_dir`."""
    text = WORKER_TEMPLATE.read_text(encoding="utf-8")
    return (text.replace("__PMGENOME_VERSION__", site_version(site_dir))
            .replace("__PMGENOME_PRECACHE__", json.dumps(precache(site_dir, use_directory_urls))))


def write_service_worker(site_dir: Path, use_directory_urls: bool) -> Path:
    """Write sw.js at the root of the built site (after every other file, Pagefind's included)."""
    path = site_dir / WORKER_URI
    path.write_text(service_worker(site_dir, use_directory_urls), encoding="utf-8")
    return path
