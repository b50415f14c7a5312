"""What counts as a web address, the rules for an entry's URL, the normal form that spots
two entries for the same page, and which part of a path names a page (a home page, a parent).
Every "is this an http(s) URL" question in the package is answered here."""

from __future__ import annotations

import re
from typing import TypeGuard
from urllib.parse import parse_qsl, unquote_plus, urlencode, urlsplit, urlunsplit

from pmgenome.text.clean import BIDI_CHARS, CONTROL_CHARS, bidi_problem

# Query parameters that identify a campaign or a click, not a page.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid",
        "igshid", "yclid", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "ref_url",
        "si", "trk", "s_kwcid", "vero_id", "oly_anon_id", "oly_enc_id",
    }
)
DEFAULT_PORTS = {"http": 80, "https": 443}
# A folder's own page under a file name: /index.html, /default.aspx, /home.
_INDEX_FILE = re.compile(r"(index|default|home)(\.[a-z]{2,5})?")
# The language prefixes sites put before every path (/en/, /pt-br/), so /en/ is a home page too.
_LANGUAGES = frozenset("ar bg bn ca cs da de el en es et fa fi fr ga he hi hr hu id is it ja ko lt lv ms nb nl "
                       "no pl pt ro ru sk sl sr sv sw ta th tl tr uk ur vi zh".split())
_LOCALE = re.compile(r"([a-z]{2})([-_][a-z]{2,4})?")
WEB_SCHEMES = frozenset(DEFAULT_PORTS)
_SPACE = re.compile(r"\s")
_NOT_IN_A_LINK = re.compile(f"[\\s{CONTROL_CHARS}{BIDI_CHARS}]")
# scheme://host.tld then a path, query or nothing: no credentials, port, spaces or bidirectional
# controls possible.
_PLAIN_URL = re.compile(f"https?://[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+(?:[/?#][^\\s{BIDI_CHARS}]*)?\\Z")


def web_url_problem(url: str) -> str | None:
    """Why `url` is not an absolute http(s) address with a host that could be fetched, or None.
    Lenient on spaces, which servers put in redirects and the client encodes."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as error:
        return str(error)
    if parts.scheme.lower() not in WEB_SCHEMES:
        return "only http and https can be fetched"
    if not parts.hostname:
        return "no host"
    return None


def is_web_url(value: object) -> TypeGuard[str]:
    """Whether `value` is an absolute http(s) address with a host and without spaces, control
    characters or bidirectional controls: the only kind we link to, store or read from a list."""
    return isinstance(value, str) and not _NOT_IN_A_LINK.search(value) and web_url_problem(value) is None


def url_problem(url: str) -> str | None:
    """Why `url` is not an acceptable entry URL, or None when it is."""
    if _PLAIN_URL.match(url):
        return None  # the usual case, decided without parsing
    if _SPACE.search(url):
        return "URL must not contain spaces; encode them as %20"
    if reason := bidi_problem(url):
        return f"URL {reason}"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        return f"URL is malformed ({error})"
    if parts.scheme not in WEB_SCHEMES:
        return "URL must be absolute and start with https:// or http://"
    if parts.username is not None or parts.password is not None:
        return "URL must not carry credentials (user:password@)"
    host = parts.hostname or ""
    if not host:
        return "URL has no host"
    if "." not in host and not host.startswith("["):
        return f"URL host {host!r} is not a public domain name"
    del port
    return None


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in TRACKING_PARAMS


def tracking_parameters(url: str) -> list[str]:
    """The names of the campaign and click parameters in `url`'s query, in order."""
    query = url.partition("?")[2].partition("#")[0]
    if not query:
        return []
    names = [unquote_plus(item.partition("=")[0]) for item in query.split("&") if item]
    return list(dict.fromkeys(name for name in names if _is_tracking(name)))


def without_tracking(url: str) -> str:
    """`url` with its campaign and click parameters taken out and everything else kept as written."""
    parts = urlsplit(url)
    kept = [item for item in parts.query.split("&") if item and not _is_tracking(unquote_plus(item.partition("=")[0]))]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "&".join(kept), parts.fragment))


def normalise_url(url: str) -> str:
    """The page a URL names, ignoring scheme, www., host case, default port, trailing
    slash, fragment and tracking parameters. Only for comparing, never for fetching."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, DEFAULT_PORTS.get(parts.scheme.lower())) else f"{host}:{port}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = ""
    if parts.query:
        query = urlencode(
            sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k))
        )
    return urlunsplit(("", netloc, path, query, ""))[2:]  # drop the leading "//"


def path_segments(path: str) -> list[str]:
    """A path's non-empty segments, lower-cased."""
    return [part for part in path.lower().split("/") if part]


def page_segments(path: str) -> list[str]:
    """The segments that name a page: without a leading language prefix or a trailing index file,
    so that /en/ and /index.html are a home page and /blog/index.html is /blog."""
    parts = path_segments(path)
    if parts and _INDEX_FILE.fullmatch(parts[-1]):
        parts = parts[:-1]
    locale = _LOCALE.fullmatch(parts[0]) if parts else None
    if locale and locale.group(1) in _LANGUAGES:
        parts = parts[1:]
    return parts


def site_of(host: str | None) -> str:
    """A host as a site: lower case, without www."""
    return (host or "").lower().removeprefix("www.")


def is_parent(before: list[str], after: list[str]) -> bool:
    """Whether the page segments `after` name a parent of `before`'s page (a strictly shorter start)."""
    return len(after) < len(before) and before[: len(after)] == after
