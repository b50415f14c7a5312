"""Where a generated page ends up and how one page links to another.

Links inside our HTML blocks are not rewritten by MkDocs, so we compute them the way MkDocs
names its output (`use_directory_urls`), always relative, so the site works under any base
path (GitHub Pages serves it under /<repository>/).
"""

from __future__ import annotations

import posixpath


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives the page built from `src_uri` ('' for the home page)."""
    stem, ext = posixpath.splitext(src_uri)
    if ext != ".md":
        return src_uri
    if not use_directory_urls:
        return f"{stem}.html"
    if posixpath.basename(stem) in ("index", "README"):
        parent = posixpath.dirname(stem)
        return f"{parent}/" if parent else ""
    return f"{stem}/"


def href(from_src_uri: str, to_src_uri: str, use_directory_urls: bool = True, fragment: str = "") -> str:
    """A relative link from one generated or hand-written page (or file) to another."""
    source = page_url(from_src_uri, use_directory_urls)
    target = page_url(to_src_uri, use_directory_urls)
    base = source if source.endswith("/") or source == "" else posixpath.dirname(source) + "/"
    base = base.rstrip("/") or "."
    relative = posixpath.relpath(target or ".", base)
    if target.endswith("/") or target == "":
        relative = "./" if relative == "." else relative.rstrip("/") + "/"
    return relative + (f"#{fragment}" if fragment else "")


def root_href(from_src_uri: str, use_directory_urls: bool = True) -> str:
    """The relative path from a page to the site's root folder, ending in '/'."""
    source = page_url(from_src_uri, use_directory_urls)
    folder = source if source.endswith("/") or source == "" else posixpath.dirname(source)
    depth = len([part for part in folder.split("/") if part])
    return "../" * depth or "./"
