"""Our theme override stays Material's header but for the search block."""

from __future__ import annotations

import re
from pathlib import Path

import material
from pmgenome.site.plugin import THEME_DIR

MATERIAL_HEADER = Path(material.__file__).parent / "templates" / "partials" / "header.html"
MATERIAL_SEARCH_BLOCK = re.compile(r'    \{% if "material/search" in config\.plugins %\}\n.*?\n    \{% endif %\}\n'
                                   r'(?=    \{% if config\.repo_url %\})', re.S)
OUR_SEARCH_BLOCK = re.compile(r"    \{#- pmgenome search: begin -#\}\n.*?\{#- pmgenome search: end #\}\n", re.S)


def _body(text: str) -> str:
    return text[text.index("-#}\n") + 4:]  # after the leading comment


def test_the_header_is_materials_but_for_the_search_block() -> None:
    ours = (THEME_DIR / "partials" / "header.html").read_text(encoding="utf-8")
    theirs = MATERIAL_HEADER.read_text(encoding="utf-8")
    assert len(MATERIAL_SEARCH_BLOCK.findall(theirs)) == 1, "Material's header changed: review our copy"
    assert len(OUR_SEARCH_BLOCK.findall(ours)) == 1
    assert OUR_SEARCH_BLOCK.sub("SEARCH\n", _body(ours)) == MATERIAL_SEARCH_BLOCK.sub("SEARCH\n", _body(theirs))


def test_the_search_dialog_is_named_and_not_materials() -> None:
    search = _body((THEME_DIR / "partials" / "search.html").read_text(encoding="utf-8"))
    assert '<div class="md-search pmg-search" role="dialog" aria-label="Search the site">' in search
    assert "data-md-component" not in search  # Material's search code would take it over
    assert 'name="search"' not in search  # Material fetches its own index when a form has that name
