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


def _folder(url: str) -> list[str]:
    """The folders a page's URL sits in: 'a/b/' -> [a, b]; 'a/b.html' -> [a]."""
    folder = url if url.endswith("/") or url == "" else posixpath.dirname(url)
    return [part for part in folder.split("/") if part]


def href(from_src_uri: str, to_src_uri: str, use_directory_urls: bool = True, fragment: str = "") -> str:
    """A relative link from one generated or hand-written page (or file) to another."""
    # Pure string work: posixpath.relpath asks the OS for the working directory every call.
    source = _folder(page_url(from_src_uri, use_directory_urls))
    target = page_url(to_src_uri, use_directory_urls)
    parts = [part for part in target.split("/") if part]
    common = 0
    while common < min(len(source), len(parts)) and source[common] == parts[common]:
        common += 1
    relative = "/".join([".."] * (len(source) - common) + parts[common:])
    if target.endswith("/") or target == "":
        relative = f"{relative}/" if relative else "./"
    return relative + (f"#{fragment}" if fragment else "")


def root_href(from_src_uri: str, use_directory_urls: bool = True) -> str:
    """The relative path from a page to the site's root folder, ending in '/'."""
    return "../" * len(_folder(page_url(from_src_uri, use_directory_urls))) or "./"
