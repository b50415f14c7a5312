"""Markdown escaping: nothing a stranger writes becomes a link, an image, a mention or HTML."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pmgenome.text.escape import (
    github_markdown_text,
    markdown_code,
    markdown_link,
    markdown_url,
)

HOSTILE = ("/gone/[URGENT: log in](https://phish.example/login) ![x](https://tracker.example/p.png) @octocat "
           "<img src=x onerror=alert(1)> &lt; www.evil.example #12 | cell *bold* `code` \\ \n"
           "# heading\x1b[31m")
WJ = "\u2060"


def _render(text: str) -> str:
    return markdown.markdown(f"| a | b |\n|---|---|\n| {text} | x |\n", extensions=["tables"])


def test_text_escapes_every_construct() -> None:
    assert github_markdown_text(HOSTILE) == (
        f"\\/gone\\/\\[URGENT\\: log in\\]\\(https{WJ}\\:\\/\\/phish\\.example\\/login\\) \\!\\[x\\]\\(https{WJ}\\:\\/\\/"
        f"tracker\\.example\\/p\\.png\\) \\@{WJ}octocat \\<img src\\=x onerror\\=alert\\(1\\)\\> \\&lt\\; "
        f"www{WJ}\\.evil\\.example \\#{WJ}12 \\| cell \\*bold\\* \\`code\\` \\\\ \\#{WJ} heading \\[31m")


def test_code_keeps_the_text_and_fences_around_backticks() -> None:
    assert markdown_code("a `b` c") == "``a `b` c``"
    assert markdown_code("`edge`") == "`` `edge` ``"
    assert markdown_code("x | y\nz") == "`x \\| y z`"
    assert markdown_code("x | y", in_table=False) == "`x | y`"
    assert markdown_code("") == ""


def test_urls_cannot_leave_their_brackets() -> None:
    assert markdown_url("https://a.example/x y<z>|`\\\"'") == "<https://a.example/x%20y%3Cz%3E%7C%60%5C%22%27>"
    assert markdown_link("archived [copy]", "https://web.archive.test/x)") == (
        "[archived \\[copy\\]](<https://web.archive.test/x)>)")


@pytest.mark.parametrize("escape", [github_markdown_text, markdown_code])
def test_nothing_live_comes_out_of_the_hostile_text(escape) -> None:
    html = _render(escape(HOSTILE))
    assert "<a " not in html and "<img" not in html and "<b>" not in html and "<strong>" not in html
    assert html.count("<td>") == 2  # the pipe stayed inside its cell


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_any_text_stays_in_one_cell_with_no_markup(text: str) -> None:
    for escaped in (github_markdown_text(text), markdown_code(text)):
        assert "\n" not in escaped
        html = _render(escaped)
        assert html.count("<td>") == 2
        assert "<a " not in html and "<img" not in html
