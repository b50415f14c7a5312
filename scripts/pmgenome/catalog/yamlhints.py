"""What a YAML mistake usually is, said in a contributor's terms.

libyaml names the symptom ("mapping values are not allowed in this context"); a contributor
needs the cause and the fix. Each hint is chosen from the line the error points at, and the
place where the broken block started (libyaml's context mark) is kept: for an indentation
mistake that line is often the one to look at.
"""

from __future__ import annotations

import re

import yaml

from pmgenome.text.clean import character_name, first_control
from pmgenome.text.position import position

_KEY_AT_START = re.compile(r"(\s*)([A-Za-z_][\w-]*):(?:\s|\Z)")
_CONTEXT = re.compile(r"while (?:parsing|scanning) (?:a |an |the )?(.+)")
_TAB_PROBLEMS = ("found character that cannot start any token", "found a tab character that violates indentation")

QUOTE_HINT = "a value that holds ': ' must be in quotes"
TAB_HINT = "YAML indents with spaces only: replace the tab with spaces"


def _line(text: str, number: int) -> str:
    lines = text.split("\n")
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _previous_key_indent(text: str, number: int) -> int | None:
    """How far the nearest line above with a `key:` is indented."""
    lines = text.split("\n")
    for line in reversed(lines[: number - 1]):
        found = _KEY_AT_START.match(line)
        if found:
            return len(found.group(1))
    return None


def _over_indented(text: str, line_no: int) -> str | None:
    """The hint for a `key:` line indented further than the key above it, or None."""
    found = _KEY_AT_START.match(_line(text, line_no))
    above = _previous_key_indent(text, line_no)
    if found is None or above is None or len(found.group(1)) <= above:
        return None
    return (f"'{found.group(2)}' is indented more than the field above it; start it in column {above + 1}, "
            "like the other fields")


def _mapping_values(text: str, line_no: int, col: int) -> str:
    """'mapping values are not allowed': an unquoted ': ' inside a value, or a key indented under
    a plain value so that it reads as the value's continuation."""
    line = _line(text, line_no)
    found = _KEY_AT_START.match(line)
    if found and found.end(2) + 1 == col and (indented := _over_indented(text, line_no)):
        return indented.replace("; start", ", so YAML reads it as part of that field's value; start", 1)
    key = _KEY_AT_START.match(line)
    if key:
        return f"{QUOTE_HINT}: {_quoted(key.group(2), line[key.end():].strip())}"
    return QUOTE_HINT


def _expected_key(text: str, line_no: int, col: int) -> str:
    line = _line(text, line_no)
    key = _KEY_AT_START.match(line)
    if key and line[key.end():].lstrip()[:1] in ("'", '"'):
        return ("a quoted value must end with the quote it starts with; inside single quotes, write an "
                "apostrophe twice ('it''s'), or use double quotes")
    if indented := _over_indented(text, line_no):
        return indented
    if line.lstrip().startswith("- "):
        return "a list item ('- ...') must line up with the other items of its list, under its field"
    return "check the indentation: each field starts in the same column as the fields around it"


# Characters that, first in a plain value, make YAML read something else than text: a list, a
# mapping, an alias, an anchor, a tag, a block of text, a list item or a key.
_INDICATORS = "[{*&!|>"  # (@, ` and % have their own hint below)
_INDICATOR_PROBLEMS = (
    "did not find expected key", "did not find expected alphabetic or numeric character",
    "did not find expected comment or line break", "block sequence entries are not allowed in this context",
    "mapping keys are not allowed in this context", "found undefined alias",
    "found character that cannot start any token",
)
_CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"


def _quoted(key: str, value: str) -> str:
    shown = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{key}: "{shown}"'


def _indicator_start(text: str, line_no: int, col: int) -> str | None:
    """The hint for a value whose first character means something to YAML (`title: [Video] A talk`,
    `author: *Bold*`), when the error is on that value, or None."""
    line = _line(text, line_no)
    key = _KEY_AT_START.match(line)
    if key is None or col <= key.end():
        return None
    value = line[key.end():].strip()
    first = value[:1]
    if not (first in _INDICATORS or value[:2] in ("- ", "? ")):
        return None
    if first in "[{" and value.endswith("]}"[first == "{"]):
        return None  # a list or mapping written as one: a mistake inside it, not a value read as one
    return (f"a value that starts with {first} means something else to YAML; to write it as text, put the whole "
            f"value in quotes: {_quoted(key.group(2), value)}")


def _mapping_values_curly(line: str) -> str | None:
    key = _KEY_AT_START.match(line)
    value = line[key.end():].strip() if key else ""
    if key is None or value[:1] not in _CURLY_QUOTES:
        return None
    inner = value[1:-1] if value[-1:] in _CURLY_QUOTES else value[1:]
    return (f"curly quotes ({value[0]}) are ordinary text to YAML, not quotes; use straight ones: "
            f"{_quoted(key.group(2), inner)}")


def _no_colon(text: str, line_no: int) -> tuple[int, str]:
    """Where a `key value` line without its colon goes wrong, and why: (column, hint)."""
    line = _line(text, line_no)
    if (space := line.find("\u00a0")) >= 0:
        return space + 1, ("a non-breaking space (U+00A0), often pasted from a web page or a word processor, "
                           "is not a space to YAML: type an ordinary space in its place")
    if (colon := line.find("\uff1a")) >= 0:
        return colon + 1, "this colon is the full-width one (U+FF1A): type the ordinary ':' in its place"
    glued = re.match(r"(\s*)([A-Za-z_][\w-]*):(\S)", line)
    if glued:
        return glued.end(2) + 1, f"put a space after the colon: {glued.group(2)}: {line[glued.end(2) + 1:].strip()}"
    words = re.match(r"(\s*)([A-Za-z_][\w-]*)\s+(\S.*)", line)
    if words:
        return words.end(2) + 1, f"a field needs a colon and a space after its name: {words.group(2)}: {words.group(3)}"
    return len(line) - len(line.lstrip()) + 1, "each field is written 'name: value', with a colon after the name"


def _hint(problem: str, text: str, line_no: int, col: int) -> str | None:
    if problem in _INDICATOR_PROBLEMS and (indicator := _indicator_start(text, line_no, col)):
        return indicator
    if problem.startswith("mapping values are not allowed") and (curly := _mapping_values_curly(_line(text, line_no))):
        return curly
    if problem.startswith("mapping values are not allowed"):
        return _mapping_values(text, line_no, col)
    if (problem in _TAB_PROBLEMS and _line(text, line_no)[col - 1: col] == "\t") or "tab character" in problem:
        return TAB_HINT
    if problem == "did not find expected key":
        return _expected_key(text, line_no, col)
    if problem == "did not find expected '-' indicator":
        return "a list's items each start with '- ' in the same column; a field cannot follow them there"
    if problem.startswith("did not find expected ',' or ']'"):
        return "close the list with ] and separate its items with commas"
    if problem.startswith("did not find expected ',' or '}'"):
        return "close the mapping with } and separate its items with commas"
    if problem == "found unexpected end of stream":
        return "a quote is never closed: end the value with the quote it starts with"
    if problem == "found unknown escape character":
        return "inside double quotes, write a backslash as \\\\ (or put the value in single quotes)"
    if problem == "found character that cannot start any token":
        char = _line(text, line_no)[col - 1: col]
        if char in ("`", "@", "%"):
            return f"a value cannot start with {char}; put the whole value in quotes"
    return None


# YAML 1.1, which libyaml reads, takes these for line breaks: pasted into a value (web pages and
# word processors carry them) they split it, and every line number after them is off by one.
_HIDDEN_BREAKS = "\u2028\u2029\x85"


def character_problem(text: str) -> tuple[int, int, str] | None:
    """(line, col, message) for the first character a catalog file cannot hold: a control character
    (YAML refuses them, with a position it counts from the start of the file) or a hidden line
    break (YAML would silently read a new line there); None for the usual file."""
    found = [index for index in (text.find(char) for char in _HIDDEN_BREAKS[:2]) if index >= 0]
    if (control := first_control(text)) is not None:
        found.append(text.index(control))
    if not found:
        return None
    index = min(found)
    line, col = position(text, index)
    char = text[index]
    if char in _HIDDEN_BREAKS:
        return line, col, (f"an invisible line break ({character_name(char)}), often pasted from a web page or a "
                           "word processor; YAML would start a new line here: replace it with a space")
    return line, col, f"a control character ({character_name(char)}) cannot be in a YAML file; remove it"


def reader_message(error: yaml.reader.ReaderError, text: str) -> tuple[int, int, str]:
    """Where a character libyaml refuses is, and what it is (its own message counts characters)."""
    line, col = position(text, error.position) if 0 <= error.position <= len(text) else (1, 1)
    char = chr(error.character) if isinstance(error.character, int) else str(error.character)[:1]
    return line, col, f"{character_name(char) if char else 'a character'} cannot be in a YAML file; remove it"


def syntax_message(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Where a syntax error is and what to say: libyaml's problem, where its block started, a hint."""
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or error.context or "unreadable YAML"
    if problem == "could not find expected ':'" and error.context_mark is not None:
        # libyaml notices at the next line; the line without its colon is where the key started.
        line = error.context_mark.line + 1
        col, hint = _no_colon(text, line)
        return line, col, f"YAML syntax error: {problem}; {hint}"
    started = ""
    context = _CONTEXT.match(error.context or "")
    if context and error.context_mark is not None and error.context_mark.line + 1 != line:
        started = f" (the {context.group(1)} started at line {error.context_mark.line + 1})"
    found = _hint(problem, text, line, col)
    return line, col, f"YAML syntax error: {problem}{started}" + (f"; {found}" if found else "")


_INDENTED_KEY = re.compile(r"^[ \t]+([a-z_]+):(?:[ \t]|$)", re.MULTILINE)
_BLOCK_START = re.compile(r"([A-Za-z_][\w-]*):[ \t]*[>|][-+0-9]*[ \t]*(?:#.*)?")


def swallowed_keys(text: str, names: frozenset[str] | set[str]) -> list[tuple[int, int, str, str]]:
    """Fields written inside a block scalar (`summary: >-`) by indenting them too far: YAML reads
    them as more text of the block, silently. (line, col, field, block's key) for each line of a
    block that starts with one of `names` followed by a colon."""
    if not any(found.group(1) in names for found in _INDENTED_KEY.finditer(text)):
        return []  # the usual case, decided with one search
    found: list[tuple[int, int, str, str]] = []
    block: tuple[str, int] | None = None  # (key, its indentation) while inside a block scalar
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if block is not None and stripped and indent <= block[1]:
            block = None
        if block is None:
            start = _BLOCK_START.fullmatch(stripped)
            block = (start.group(1), indent) if start else None
            continue
        key = _INDENTED_KEY.match(line)
        if key and key.group(1) in names:
            found.append((number, key.start(1) + 1, key.group(1), block[0]))
    return found


# A top-level plain value (not quoted, not a block) with ' #' and a non-space after it on the same
# line: YAML ends the value there and reads the rest as a comment (`title: C# for PMs #1`).
# The comments we write ourselves, and people write, have a space after the '#'. Two simple
# searches rather than one pattern: a lazy value before a run of spaces backtracks quadratically.
_PLAIN_FIELD = re.compile(r"^([A-Za-z_][\w-]*):[ \t]+(?=[^\s'\"#>|\[{])", re.MULTILINE)
_COMMENT_START = re.compile(r"[ \t]#\S")


def comment_cuts(text: str, names: frozenset[str] | set[str]) -> list[tuple[int, int, str, str, str]]:
    """Text fields among `names` whose written value YAML cuts at a ' #': (line, col of the '#',
    field, what is read, the line with the value quoted) for each."""
    found = []
    line, counted = 1, 0  # lines counted as we go: a file of many such lines stays linear
    for match in _PLAIN_FIELD.finditer(text):
        if match.group(1) not in names:
            continue
        end = text.find("\n", match.end())
        written = text[match.end(): len(text) if end < 0 else end].rstrip()
        cut = _COMMENT_START.search(written)
        if cut is not None:
            line += text.count("\n", counted, match.start())
            counted = match.start()
            found.append((line, match.end() - match.start() + cut.start() + 2, match.group(1),
                          written[: cut.start()].rstrip(), _quoted(match.group(1), written)))
    return found
