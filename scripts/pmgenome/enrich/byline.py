"""Finding who wrote a page when its metadata does not say: rel=author, microdata, bylines."""

from __future__ import annotations

import html as htmllib
import re

from lxml import etree, html

from pmgenome.text.clean import one_line

MAX_AUTHOR_CHARS = 100
MAX_NAME_WORDS = 6
# How many text nodes of the main text to scan for a "By Jane Doe" line: bylines sit near the top.
BYLINE_SCAN_NODES = 80

# "By", "Written by", "Recueilli par", "Erstellt von", "Interview:", "Autor:": labels, not names.
# Short words such as "di", "de" or "af" also start surnames ("Di Maio", "af Klint"), so they count
# as a label only in lower case and only at the very start.
_PREFIX = re.compile(
    r"^(?:(?i:by|von|par|por)\s*:?\s+|(?:di|de|door|av|af|przez|от)\s+|"
    r"(?:[^\W\d_]+\s+){1,2}(?:by|von|par|por|door|przez)\s*:?\s+|(?:[^\W\d_]+\s+){0,2}[^\W\d_]+\s*:\s+)"
)
# What often trails a name in a byline: a date, a separator and whatever follows, "all articles".
_TAIL = re.compile(
    r"\s*(?:[|•·\n(]|\s[-–—]\s|,?\s+(?:on|am|le|el|il|updated|aktualisiert|prije|vor)\s+\d|"
    r",\s*\d|\d{1,4}[./-]\d|\s+(?:alle artikel|all (?:posts|articles|stories)|view (?:all|profile)|"
    r"more (?:from|by|articles))\b).*\Z",
    re.IGNORECASE | re.DOTALL,
)
_LABEL_ONLY = re.compile(r"^(?:publiziert|veröffentlicht|posted|published|erstellt|geschrieben|written|"
                         r"updated|aktualisiert|publié|publicado)(?:\s+(?:am|on|le|el|by|von|par))?\Z",
                         re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_URLISH = re.compile(r"https?://|www\.|\.(?:com|org|net|de|fr|io)\b|@", re.IGNORECASE)
_GENERIC = frozenset({"admin", "administrator", "author", "authors", "unknown", "null", "none",
                      "anonymous", "guest", "user", "by", "staff writer", "editor"})
_CLASS_WORDS = ("author", "byline", "autor", "auteur", "autore", "writer", "journalist", "verfasser")
_CLASS_PATTERN = re.compile("|".join(_CLASS_WORDS), re.IGNORECASE)
_SKIP_TAGS = frozenset({"script", "style", "meta", "link", "noscript", "template", "img", "svg", "input",
                        "button", "time", "html", "body"})
_NOT_BYLINE = ("comment", "avatar", "image", "photo", "img", "bio", "description", "more", "related",
               "follow", "social", "share")
_BY_WORDS = frozenset({"by", "von", "par", "por", "door", "by:", "von:"})
# Italian "di" only in lower case: "Di Maio ha detto" starts a sentence, not a byline.
_BY_LINE = re.compile(r"^\s*(?:(?i:by|von|par|por|door)|di)\s+(\S.{1,80})\Z", re.DOTALL)


def clean_author(value: str | None) -> str | None:
    """A person's or organisation's name as a byline shows it, or None if `value` is not one."""
    if not value:
        return None
    value = htmllib.unescape(value) if "&" in value else value
    # one_line, as for every text read from a page: no control or bidirectional character is kept.
    text = one_line(value.replace("\n", " | ")).strip(" |,;:-–—()[]")
    if _LABEL_ONLY.match(text):
        return None
    text = _PREFIX.sub("", text, count=1) if len(text.split()) > 1 else text
    text = _TAIL.sub("", text).strip(" |,;:-–—.()[]")
    if not text or len(text) > MAX_AUTHOR_CHARS or _URLISH.search(text) or _LABEL_ONLY.match(text):
        return None
    if text.lower() in _GENERIC or not any(ch.isalpha() for ch in text):
        return None
    words = text.replace(",", " , ").split()
    # Several names joined by commas or "and" may be long; a sentence is not a name.
    names = [part for part in re.split(r",|\s+(?:and|und|et|y|&)\s+", text) if part.strip()]
    if any(len(name.split()) > MAX_NAME_WORDS for name in names) or len(words) > 4 * MAX_NAME_WORDS:
        return None
    return text


def _text(element: html.HtmlElement) -> str:
    return _SPACE.sub(" ", element.text_content()).strip()


def _from_rel(tree: html.HtmlElement) -> str | None:
    for element in tree.xpath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]"):
        found = clean_author(_text(element))
        if found:
            return found
    return None


def _from_microdata(tree: html.HtmlElement) -> str | None:
    for element in tree.xpath("//*[@itemprop='author' or @itemprop='creator']"):
        named = element.xpath(".//*[@itemprop='name']")
        if named:
            value = named[0].get("content") or _text(named[0])
        else:
            value = element.get("content") or _text(element)
        found = clean_author(value)
        if found:
            return found
    return None


def _class_key(element: html.HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


def _author_classed(tree: html.HtmlElement) -> list[html.HtmlElement]:
    # A plain walk with one regex per attribute: an XPath contains() per word was 6x slower on
    # pages with 100,000 elements.
    found = []
    for element in tree.iter(etree.Element):
        names = element.get("class"), element.get("id")
        if any(name and _CLASS_PATTERN.search(name) for name in names) and element.tag not in _SKIP_TAGS:
            found.append(element)
    return found


def _from_classes(tree: html.HtmlElement) -> str | None:
    candidates = [el for el in _author_classed(tree)
                  if not any(word in _class_key(el) for word in _NOT_BYLINE)]
    # A "name" inside an author block names the person; the block around it also holds dates and roles.
    candidates.sort(key=lambda el: 0 if "name" in _class_key(el) else 1)
    for element in candidates:
        text = _text(element)
        if len(text) > 4 * MAX_AUTHOR_CHARS:
            continue
        found = clean_author(text)
        if found is None:
            links = [_text(link) for link in element.iter("a")]
            found = next((name for link in links if (name := clean_author(link))), None)
        if found:
            return found
    return None


def _first_texts(root: html.HtmlElement, limit: int) -> list[str]:
    """The first `limit` non-blank text pieces under `root` in reading order, outside scripts;
    stops early instead of collecting the whole page."""
    found: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            # Comments and processing instructions carry .text too, but nobody reads it.
            readable = isinstance(element.tag, str) and element.tag not in ("script", "style")
            piece = element.text if readable else None
        else:
            piece = element.tail if element is not root else None
        if isinstance(piece, str) and piece.strip():
            found.append(piece)
            if len(found) >= limit:
                break
    return found


def _from_text(root: html.HtmlElement) -> str | None:
    nodes = _first_texts(root, BYLINE_SCAN_NODES)
    for index, node in enumerate(nodes):
        # "By" and the name are often separate elements: <span>By</span> <a>Jane Doe</a>.
        if node.strip().lower() in _BY_WORDS and index + 1 < len(nodes):
            node = f"by {nodes[index + 1]}"
        match = _BY_LINE.match(node)
        if match and match.group(1).strip()[:1].isupper():
            found = clean_author(match.group(1))
            if found:
                return found
    return None


def find_byline(tree: html.HtmlElement, main: html.HtmlElement) -> str | None:
    """The author a page shows in its body, most explicit markup first."""
    return _from_rel(tree) or _from_microdata(tree) or _from_classes(tree) or _from_text(main)
