"""Escaping for each output we write: one function per syntax, so no output forgets a case."""

from __future__ import annotations

import html
import re

from pmgenome.text.clean import BIDI_CHARS, CONTROL, CONTROL_CHARS, one_line


def github_data(text: str) -> str:
    """The message part of a GitHub workflow command (`::error ...::message`): %, CR and LF
    would end or split the command (and an undecodable byte of a file name could not be written);
    a bidirectional control, which would reorder the annotation as shown, is written as its escape."""
    return _UNSHOWABLE.sub(_escaped, text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property value of a workflow command (`file=...,title=...`): also `:` and `,`."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def terminal(text: str) -> str:
    """Text for a terminal or a log: every control character but newline and tab is shown as an
    escape (`\\x1b`), so a page title or a redirect target cannot move the cursor, restyle the
    screen, set the window title (OSC) or ring the bell; bidirectional controls too (`\\u202e`), so
    it cannot show itself in another order."""
    return _UNSHOWABLE.sub(_escaped, CONTROL.sub(_visible, text))


def terminal_line(text: str) -> str:
    """One line for a terminal: like `terminal`, and newline and tab are escaped too, so text a
    stranger wrote (a file name, a YAML value) cannot start a line that looks like ours."""
    return _UNSHOWABLE.sub(_escaped, CONTROL.sub(_escaped, text))


def json_text(text: str) -> str:
    """Serialised JSON made safe to print: `json.dumps(..., ensure_ascii=False)` escapes C0 controls
    but leaves DEL and the C1 controls (U+0080-U+009F, where 8-bit CSI lives) raw, and lone
    surrogates (an undecodable byte of a file name) that no UTF-8 stream can carry, and the
    bidirectional controls that would reorder what is printed; the JSON's value is unchanged."""
    return _RAW_IN_JSON.sub(lambda found: f"\\u{ord(found.group(0)):04x}", text)


_RAW_IN_JSON = re.compile(f"[\x7f-\x9f\ud800-\udfff{BIDI_CHARS}]")
# os.fsdecode turns each byte of a file name that is not UTF-8 into U+DC80-U+DCFF; printed as is,
# it would end the run with UnicodeEncodeError. The bidirectional controls are never printed raw.
_UNSHOWABLE = re.compile(f"[\ud800-\udfff{BIDI_CHARS}]")


def _visible(found: re.Match[str]) -> str:
    char = found.group(0)
    return char if char in "\n\t" else _escaped(found)


def _escaped(found: re.Match[str]) -> str:
    code = ord(found.group(0))
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # the original byte
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


# --- Markdown (GitHub-flavoured): for reports that land in issues, job summaries and pages ------

# Every ASCII punctuation character may be backslash-escaped in CommonMark, and any of them may
# start something (a link, an image, emphasis, HTML, an entity, a table cell): escape them all.
_MARKDOWN_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
# GitHub turns these into live references after Markdown is rendered (mentions, issue links, bare
# URLs), escapes or not; a word joiner (U+2060, invisible) splits them.
_GITHUB_REFERENCES = re.compile(r"(@|#|(?i:www)(?=\\\.)|(?i:https?|ftp|mailto|xmpp)(?=\\:))")
_WORD_JOINER = "\u2060"
_URL_UNSAFE = re.compile(f"[{CONTROL_CHARS}{BIDI_CHARS} <>\\\\`|\"']")


def github_markdown_text(text: object) -> str:
    """Text shown literally in GitHub's Markdown (issues, job summaries), on one line: no link,
    image, mention, issue reference, autolink, HTML, entity or table cell can come out of it."""
    escaped = _MARKDOWN_PUNCTUATION.sub(lambda found: "\\" + found.group(0), one_line(text))
    return _GITHUB_REFERENCES.sub(lambda found: found.group(0) + _WORD_JOINER, escaped)


def markdown_code(text: object, in_table: bool = True) -> str:
    """Text as a code span, on one line: everything inside is literal (GitHub makes no links or
    mentions in code). In a table, `|` is escaped, which GitHub's tables read back as `|`."""
    line = one_line(text)
    if not line:
        return ""
    longest = max((len(run) for run in re.findall(r"`+", line)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if line.startswith("`") or line.endswith("`") else ""
    if in_table:
        line = line.replace("|", "\\|")
    return f"{fence}{pad}{line}{pad}{fence}"


def markdown_url(url: str) -> str:
    """A link destination: in angle brackets, with what could end or break it percent-encoded."""
    return "<" + _URL_UNSAFE.sub(lambda found: "".join(f"%{byte:02X}" for byte in found.group(0).encode()),
                                 url) + ">"


def markdown_link(label: str, url: str) -> str:
    """A link we choose to make (to a catalog file, an archived copy): the label shown literally."""
    return f"[{github_markdown_text(label)}]({markdown_url(url)})"


# --- Markdown for the site's pages, which Python-Markdown renders -------------------------------

# Python-Markdown's backslash-escapable characters (markdown.Markdown.ESCAPED_CHARS) that can
# start markup; `<` and `&` are left to html.escape so that they become entities.
_PYTHON_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def python_markdown_text(text: object) -> str:
    """Text for a line of a site page (a heading, a list item), which Python-Markdown renders: no
    Markdown or HTML survives. GitHub's renderer needs more (github_markdown_text)."""
    escaped = _PYTHON_MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))
    # quote=False: an entity like &#x27; would carry a '#' we did not escape; quotes are
    # harmless in Markdown text.
    return html.escape(escaped, quote=False)
