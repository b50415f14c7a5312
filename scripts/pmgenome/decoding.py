"""Turning a page's bytes into text the way a browser would, not the way `requests` guesses."""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

import charset_normalizer

# The HTML standard only looks this far for <meta charset>; real pages sometimes put it a little
# later (after a long comment or inline style), so we look further, still a bounded prefix.
META_PRESCAN_BYTES = 8192
# Detection reads a prefix: enough text to judge, bounded so a huge page stays fast.
DETECTION_BYTES = 65536

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Browsers read these labels as windows-1252 (WHATWG Encoding); so must we, or curly quotes
# and dashes in the 0x80-0x9F range become control characters.
WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii",
                                 "ascii", "cp819", "ibm819", "iso-ir-100", "iso_8859-1", "x-cp1252"})
CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:+-]+)""", re.IGNORECASE)
META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:+-]+)""", re.IGNORECASE)


class Source(StrEnum):
    """Where the encoding came from, for `inspect` and for debugging odd pages."""

    BOM = "bom"
    HEADER = "header"
    META = "meta"
    DETECTED = "detected"
    DEFAULT = "default"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    source: Source


def _codec(label: str | None) -> str | None:
    """The Python codec for a charset label, or None when the label names nothing we know."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page that declares UTF-16 in ASCII-compatible bytes cannot really be UTF-16.
    return "utf-8" if name.startswith("utf-16") or name.startswith("utf-32") else name


def header_charset(headers: Mapping[str, str]) -> str | None:
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    match = CHARSET_PARAM.search(content_type or "")
    return match.group(1) if match else None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut by the byte cap at the very end is still UTF-8.
        return error.start >= len(data) - 3 and error.reason == "unexpected end of data"
    return True


def _detect(data: bytes) -> str | None:
    sample = data[:DETECTION_BYTES]
    if _is_utf8(sample):
        return "utf-8"
    best = charset_normalizer.from_bytes(sample).best()
    return _codec(best.encoding) if best is not None else None


def decode_html(body: bytes, headers: Mapping[str, str] | None = None) -> Decoded:
    """Decode an HTML body: BOM, then the Content-Type charset, then <meta charset>, then detection.

    A BOM wins over the header, as in browsers: it cannot be there by accident. A declared UTF-8
    that the bytes are not is a common lie (an old page behind a new server), so it is checked and
    falls through to detection; other declared charsets cannot be checked and are trusted.
    """
    for bom, name in BOMS:
        if body.startswith(bom):
            return Decoded(body[len(bom):].decode(name, errors="replace"), name, Source.BOM)
    declared = ((_codec(header_charset(headers or {})), Source.HEADER),)
    meta = META_CHARSET.search(body[:META_PRESCAN_BYTES])
    declared += ((_codec(meta.group(1).decode("ascii", "replace")) if meta else None, Source.META),)
    for name, source in declared:
        if name is None:
            continue
        if name == "utf-8" and not _is_utf8(body):
            continue
        return Decoded(body.decode(name, errors="replace"), name, source)
    detected = _detect(body)
    if detected is not None:
        return Decoded(body.decode(detected, errors="replace"), detected, Source.DETECTED)
    return Decoded(body.decode("cp1252", errors="replace"), "cp1252", Source.DEFAULT)
