"""Turning a fetched page's bytes into text the way a browser would, not the way `requests` guesses
(the link checker reads titles with it, the enrichment whole pages)."""

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
# Legacy encodings by how many web pages use them, after UTF-8 (W3Techs' survey, in rough order).
WEB_POPULARITY = {name: rank for rank, name in enumerate((
    "cp1252", "gb18030", "cp932", "cp1251", "cp949", "euc_jp", "big5", "cp1250", "iso8859-2",
    "cp1256", "cp1254", "iso8859-15", "cp1253", "koi8-r", "cp874", "cp1255", "cp1257",
))}
CHAOS_MARGIN = 0.05
_TAG = re.compile(rb"<[^>]*>")
# Browsers decode these with a superset (WHATWG Encoding), so characters outside the label's
# official table still come out right.
SUPERSETS = {"iso8859-1": "cp1252", "ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030",
             "shift_jis": "cp932", "euc_kr": "cp949", "iso8859-9": "cp1254", "tis-620": "cp874"}
CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:+-]+)""", re.IGNORECASE)
META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:+-]+)""", re.IGNORECASE)
XML_DECLARATION = re.compile(rb"""^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:+-]+)""")


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
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"
    return SUPERSETS.get(name, name)


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
    """UTF-8 if the bytes are; else the detector's pick, preferring the common web encodings.

    Markup is removed first (it is ASCII and only dilutes the evidence). Short texts fit several
    single-byte code pages about equally well; among near-equal candidates the one pages actually
    use wins, as a browser's locale default would: French in windows-1252, not in Baltic cp1257.
    """
    sample = data[:DETECTION_BYTES]
    if _is_utf8(sample):
        return "utf-8"
    text = _TAG.sub(b" ", sample)
    matches = list(charset_normalizer.from_bytes(text if text.strip() else sample))
    if not matches:
        return None
    best = min(match.chaos for match in matches)
    # could_be_from_charset lists the code pages that decode these bytes to the very same text.
    near = [_codec(name) for match in matches if match.chaos <= best + CHAOS_MARGIN
            for name in (match.encoding, *match.could_be_from_charset)]
    ranked = sorted((name for name in near if name), key=lambda name: WEB_POPULARITY.get(name, len(WEB_POPULARITY)))
    return ranked[0] if ranked else None


def decode_html(body: bytes, headers: Mapping[str, str] | None = None) -> Decoded:
    """Decode an HTML body: BOM, then the Content-Type charset, then <meta charset> (or an XHTML
    page's XML declaration), then detection.

    A BOM wins over the header, as in browsers: it cannot be there by accident. A declared UTF-8
    that the bytes are not is a common lie (an old page behind a new server), so it is checked and
    falls through to detection; other declared charsets cannot be checked and are trusted.
    """
    for bom, codec in BOMS:
        if body.startswith(bom):
            return Decoded(body[len(bom):].decode(codec, errors="replace"), codec, Source.BOM)
    declared: tuple[tuple[str | None, Source], ...] = ((_codec(header_charset(headers or {})), Source.HEADER),)
    meta = META_CHARSET.search(body[:META_PRESCAN_BYTES]) or XML_DECLARATION.match(body[:META_PRESCAN_BYTES])
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
