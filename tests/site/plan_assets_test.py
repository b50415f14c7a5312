"""The path/ page's scripts carry logic only: no sentence of the plan and no number of the T's
geometry or of the rule is written in them (they arrive in api/plan-index.json from the Python
side, so a change of wording, weight or geometry is one edit there), and every name they read from
the index is one the Python side writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pmgenome.plan import rule
from pmgenome.plan.picture import GEOMETRY
from pmgenome.plan.sentences import SENTENCES
from pmgenome.site.plan_page import PAGE_WORDS

ASSETS = Path(__file__).resolve().parents[2] / "scripts" / "pmgenome" / "site" / "assets"
SCRIPTS = ("plan-rule.js", "path.js")
# Two words side by side, as in a sentence; a class list ("pmg-card pmg-path__item") is not one.
TWO_WORDS = re.compile(r"(?<![\w-])[A-Za-z]+(?:'[a-z]+)?\s+[A-Za-z]+(?![\w-])")
# Numbers a script may write: an index or step (0, 1, -1), a half (/ 2), the two skills a lead names
# and two decimals of progress. Anything larger is a weight, a count or a length of the picture.
SMALL_NUMBERS = {"0", "1", "2"}
DIRECTIVES = {"use strict"}


def scan(source: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]], str]:
    """The string literals and the numbers of a script, each with its line, and its code without
    comments; regular expression literals are skipped. A small scanner, enough for these two
    files' ES5-style code."""
    strings: list[tuple[int, str]] = []
    numbers: list[tuple[int, str]] = []
    code: list[str] = []
    position, line, previous = 0, 1, ""
    while position < len(source):
        char = source[position]
        if source.startswith("//", position):
            end = source.find("\n", position)
            position = len(source) if end == -1 else end
            continue
        if source.startswith("/*", position):
            end = source.index("*/", position) + 2
            line += source.count("\n", position, end)
            position = end
            continue
        start = position
        if char in "\"'`":
            end = position + 1
            while source[end] != char:
                end += 2 if source[end] == "\\" else 1
            strings.append((line, source[position + 1:end]))
            position, previous = end + 1, "string"
        elif char == "/" and (previous in ("", "return") or previous in "(,=:[!&|?{};"):
            end, in_class = position + 1, False
            while in_class or source[end] != "/":
                in_class = (in_class or source[end] == "[") and source[end] != "]"
                end += 2 if source[end] == "\\" else 1
            position, previous = end + 1, "regex"
        elif char.isdigit():
            match = re.compile(r"\d+(?:\.\d+)?").match(source, position)
            assert match is not None
            numbers.append((line, match[0]))
            position, previous = match.end(), "number"
        elif char.isalpha() or char in "_$":
            match = re.compile(r"[\w$]+").match(source, position)
            assert match is not None
            position, previous = match.end(), match[0]
        else:
            line += char == "\n"
            previous = previous if char.isspace() else char
            position += 1
        code.append(source[start:position])
    return strings, numbers, "".join(code)


def tokens(source: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    strings, numbers, _ = scan(source)
    return strings, numbers


def test_the_scanner_finds_strings_and_numbers_but_not_comments_or_patterns():
    source = ('// "a comment string" 124\n/* "block" 72 */\nconst a = "two words" + \'x\';\n'
              'const r = /["\\/ 44]/g; return 240 / 2;\n')
    assert tokens(source) == ([(3, "two words"), (3, "x")], [(4, "240"), (4, "2")])


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_script_writes_no_sentence(script):
    strings, _ = tokens((ASSETS / script).read_text(encoding="utf-8"))
    assert strings, "the scanner found no string at all"
    assert [(line, text) for line, text in strings if text not in DIRECTIVES and TWO_WORDS.search(text)] == []


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_script_writes_no_weight_count_or_length(script):
    _, numbers = tokens((ASSETS / script).read_text(encoding="utf-8"))
    assert numbers, "the scanner found no number at all"
    assert [(line, number) for line, number in numbers if number not in SMALL_NUMBERS] == []


def test_the_old_ports_sentences_and_geometry_would_be_caught():
    # What plan-rule.js and path.js held before the wording and the geometry became data.
    strings, numbers = tokens('lead = "Deepens your " + where + " context";\n'
                              'const CELL_W = 124, CELL_H = 72, STEM_W = 240;\n')
    assert [text for _, text in strings if TWO_WORDS.search(text)] == ["Deepens your "]
    assert [number for _, number in numbers if number not in SMALL_NUMBERS] == ["124", "72", "240"]


def test_every_name_the_scripts_read_from_the_index_is_written_by_python():
    source = "".join(scan((ASSETS / script).read_text(encoding="utf-8"))[2] for script in SCRIPTS)
    data = rule.port_data()
    assert set(re.findall(r"\bW\.([A-Z_]+)", source)) <= set(data["weights"])
    assert set(re.findall(r"model\.rule\.(\w+)", source)) <= set(data)
    assert set(re.findall(r"\bG\.(\w+)", source)) | set(re.findall(r"index\.picture\.(\w+)", source)) <= set(GEOMETRY)
    said = set(re.findall(r"\bsay\(model, \"(\w+)\"", source)) | set(re.findall(r"sentences\.(\w+)", source))
    said |= {f"stage_{fit.value}" for fit in rule.StageFit}  # the stage phrase is named by its case
    assert said <= set(SENTENCES)
    assert set(re.findall(r"text\(\"(\w+)\"[,)]", source)) <= set(SENTENCES)
    assert set(re.findall(r"\bpage(?:Say\(\"|\.)(\w+)", source)) <= set(PAGE_WORDS)
