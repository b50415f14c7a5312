"""shapes/: every named shape as its own T, with its source and what builds it; hostile text inert."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from pmgenome.catalog.load import load_catalog
from pmgenome.site.context import make_context
from pmgenome.site.shapes_page import SHAPES_SRC_URI, build_shapes_page

REPO = Path(__file__).resolve().parents[2]


def _page(catalog) -> str:
    (page,) = build_shapes_page(catalog, make_context(catalog))
    assert page.src_uri == SHAPES_SRC_URI
    return str(page.content)


def test_every_shipped_shape_is_drawn_with_its_source_and_builders():
    catalog, problems = load_catalog(REPO / "catalog")
    assert problems == []
    text = _page(catalog)
    assert re.findall(r'data-shape="([^"]+)"', text) == [shape.id for shape in catalog.shapes]
    # One T per shape, each titled by its own ids (a page of several pictures keeps ids unique).
    assert re.findall(r'<title id="([^"]+)">', text) == [f"pmg-shape-{shape.id}-title" for shape in catalog.shapes]
    for shape in catalog.shapes:
        assert f'<a href="{shape.url}" rel="noopener">' in text
    growth = text[text.index('data-shape="growth"'):text.index("</section>", text.index('data-shape="growth"'))]
    assert "Company flavours: B2C. Source: " in growth
    assert 'data-skill="growth" data-rating="3"' in growth
    assert "What builds it (its deepest skills: metrics and analytics, plus growth and retention, plus " \
           "experimentation):" in growth


def test_hostile_shape_text_is_inert_and_no_shapes_says_so():
    catalog, _ = load_catalog(REPO / "catalog")
    hostile = replace(catalog.shapes[0], name='<img src=x onerror=alert(1)>', model="<script>x</script>")
    text = _page(replace(catalog, shapes=(hostile,)))
    assert "<img src=x" not in text and "<script>x" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "No named shape is in the catalog yet: catalog/shapes.yaml lists them." in _page(replace(catalog, shapes=()))
