"""Our Jinja templates: HTML-escaped by default; `| md` escapes for a Markdown line as well."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from pmgenome.text.escape import python_markdown_text

TEMPLATES = Path(__file__).parent / "templates"


def _markdown(value: Any) -> Markup:
    return Markup(python_markdown_text(value))  # noqa: S704 - python_markdown_text has escaped every HTML character


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = _markdown
    return env


def render(name: str, **values: Any) -> str:
    return environment().get_template(name).render(**values)
