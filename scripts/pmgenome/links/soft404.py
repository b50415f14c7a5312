"""Soft 404s: pages that died politely and answer as if they were alive.

Three kinds, each reported with its evidence:
- a deep URL redirected to the site's home page, to a parent of its path, or to a page named
  like an error page (`/404`, `/not-found`);
- a parking page: a lapsed domain that now says it is for sale;
- "not found" served with 200: a title or main heading that says so (on its own: "Page not
  found | Acme"), or the start of the text saying so on a page that looks like the host's own
  answer for an address that cannot exist (its 404 page: same title and headings, similar size).

A false alarm costs more than a missed soft 404, so every rule compares before it judges and wants
evidence that a live page cannot show:
- the start and end of a redirect are compared first: the same page reached by a trailing slash,
  an index file, http->https or www is a move, whatever words its path holds (/issues/404/);
- a word in the end's path counts as an error page only when the start's path did not hold it;
- a parent counts only when more than a variant was dropped (/post/amp -> /post is the canonical);
- a one-segment path sent to the home page of another site (/newsletter -> x.substack.com/) is a
  section that moved, unless the old host sends every address there (a lapsed domain): the caller
  asks the host for an address that cannot exist and compares (see `other_site_home`);
- a title that names 404 and nothing else that says "missing" is an article about 404 pages;
- a parking page needs two signs: a for-sale phrase, and a title that is a bare domain name or a
  second marketplace phrase on a short page;
- a host that answers an unknown address with its home page has no 404 page to compare with.

Deliberately not flagged: a page that merely mentions 404 (an article about error pages), a
site whose every address serves the same application shell (no words to judge), a redirect of
a home page, a move to another deep page (that is a redirect), a section moved to a host of its
own (/blog to blog.example.com), a login wall, and http->https, www or trailing-slash redirects.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from pmgenome.links.page import PageSummary
from pmgenome.net.client import Redirect
from pmgenome.urls import is_parent, page_segments, path_segments, site_of

# A not-found title or heading: the phrase, with only these words around it.
_PHRASE = re.compile(
    r"\b404\b|not found|can ?no?'?t (be )?found|could ?n[o']?t (be )?found|can ?no?'?t find|"
    r"could ?n[o']?t find|does ?n[o']?t exist|does not exist|no longer (exists|available)|"
    r"nothing (was )?found|page (is )?(missing|gone|unavailable)"
)
_FILLER = frozenset(
    "404 error page not found the this that sorry oops uh oh whoops hmm we you can't cant cannot couldn't "
    "couldnt could can find be is was has been does doesn't doesnt dont don't exist exists no longer "
    "available unavailable missing gone removed deleted moved or are were looking for requested it "
    "seems looks like nothing here file post article content resource document http status a an of "
    "to there's there isn't anymore any more ".split()
)
# Text that says a page is missing, searched in the start of the visible text.
_TEXT_PHRASE = re.compile(
    r"page not found|\b404\b|(page|content|article|post) (you|you're|you are) looking for|"
    r"does ?n[o']?t exist|does not exist|no longer (exists|available)|could ?n[o']?t find|"
    r"can ?no?'?t (be )?find|can ?no?'?t be found|could not be found|nothing (was )?found"
)
_PARKING = re.compile(
    r"(this|the) domain( name)? (\S+ )?(is|may be|might be|could be) for sale|buy this domain|"
    r"domain (is )?parked|parked (free|domain)|this domain (has )?expired|domain (name )?for sale|"
    r"make an offer on this domain|this domain is available|inquire about this domain"
)
# The second sign of a parking page: what marketplaces put beside the for-sale line.
_PARKING_SECOND = re.compile(
    r"make an offer|related (searches|links)|sponsored (listings|links)|(buy|purchase|acquire) this domain|"
    r"inquire about|domain (is )?parked|this domain (has )?expired|(price|priced at|asking price)[: ]+[$€£]"
)
_BARE_DOMAIN = re.compile(r"(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}")
PARKING_TEXT = 1500  # characters of visible text: a parking page says little more than that it is for sale
PARKING_HOSTS = ("sedo.com", "sedoparking.com", "dan.com", "afternic.com", "hugedomains.com",
                 "parkingcrew.net", "bodis.com", "above.com", "undeveloped.com", "domainmarket.com")
_ERROR_PAGES = re.compile(
    r"(40[0-9]|50[0-9]|error|errors|not-?found|page-?not-?found|notfound|missing|gone|removed|"
    r"deleted|unavailable|no-?longer-?available)(\.html?|\.php|\.aspx?)?"
)
# Versions of a page that send a reader to the page itself: /post/amp -> /post is not a parent.
_VARIANTS = frozenset({"amp", "amp.html", "print", "printable", "print.html", "embed", "preview", "comments",
                       "full", "view", "single"})
# A title part that names 404 and nothing more needs one of these to say it is the error itself.
_404_ALONE = frozenset({"404", "error", "http", "status", "code", "oops", "sorry", "whoops", "uh", "oh", "hmm"})
_SPLIT_TITLE = re.compile(r"\s[|\-–—:·»]\s|\s?[|·»]\s?")
TEXT_WINDOW = 600  # characters of visible text searched for a not-found phrase


def redirect_evidence(url: str, final_url: str, redirects: Sequence[Redirect]) -> str | None:
    """Why a redirect looks like a removed page, or None. The start and end are compared before
    any word is read: the same page by another route is a move."""
    if not redirects:
        return None
    try:
        start, end = urlsplit(url), urlsplit(final_url)
    except ValueError:
        return None
    before, after = page_segments(start.path), page_segments(end.path)
    if not before:
        return None  # a home page that moved is a move
    if after == before:
        return None  # the same page: a trailing slash, an index file, http->https, www or a new host
    end_parts = path_segments(end.path)
    if any(part in ("login", "signin", "sign-in", "auth", "sso", "account") for part in end_parts):
        return None  # a login wall is not a removed page
    if end_parts and _ERROR_PAGES.fullmatch(end_parts[-1]) and end_parts[-1] not in path_segments(start.path):
        return f"redirected to an error page, {final_url}"
    end_host = (end.hostname or "").lower()
    same_site = site_of(start.hostname) == site_of(end.hostname)
    if not after and not same_site and set(before) <= set(end_host.split(".")):
        return None  # /blog moved to blog.example.com: a section that got a host of its own
    if not after and not end.query:
        if not same_site and len(before) == 1:
            return None  # a section that moved to a site of its own, unless other_site_home says otherwise
        return f"a deep link redirected to the site's home page, {final_url}"
    if same_site and is_parent(before, after) and not end.query:
        if all(part in _VARIANTS for part in before[len(after):]):
            return None  # an AMP or print version sent to its canonical page
        return f"redirected to {final_url}, a parent of the page's own path"
    return None


def other_site_home(url: str, final_url: str, redirects: Sequence[Redirect]) -> bool:
    """Whether a one-segment path was sent to the home page of another site: a section that moved
    (/newsletter -> x.substack.com/) or a lapsed domain sending everything to its buyer. Only the
    old host's answer for an address that cannot exist tells them apart (see `sent_everywhere`)."""
    if not redirects:
        return False
    try:
        start, end = urlsplit(url), urlsplit(final_url)
    except ValueError:
        return False
    before = page_segments(start.path)
    return (len(before) == 1 and not page_segments(end.path) and not end.query
            and site_of(start.hostname) != site_of(end.hostname)
            and redirect_evidence(url, final_url, redirects) is None
            and not set(before) <= set((end.hostname or "").lower().split(".")))


def same_page(one: str, other: str) -> bool:
    """Whether two URLs are one page: the same site and path, whatever the scheme, www, a trailing
    slash or an index file."""
    try:
        a, b = urlsplit(one), urlsplit(other)
    except ValueError:
        return False
    return (site_of(a.hostname) == site_of(b.hostname) and a.port == b.port
            and page_segments(a.path) == page_segments(b.path) and a.query == b.query)


def is_home(url: str) -> bool:
    """Whether `url` is a site's home page (a language prefix or an index file allowed)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return not page_segments(parts.path) and not parts.query


def _not_found_line(text: str) -> bool:
    """Whether a title part or heading says "not found" and nothing else."""
    lowered = text.lower().replace("’", "'")
    if not lowered or len(lowered) > 80 or not _PHRASE.search(lowered):
        return False
    words = re.findall(r"[a-z0-9']+", lowered)
    if not words or not all(word in _FILLER for word in words):
        return False
    if not _PHRASE.search(lowered.replace("404", "")):
        # 404 is its only sign: "The 404 Page" is an article; "404" or "Oops! 404" is the error.
        return all(word in _404_ALONE for word in words)
    return True


def titled_not_found(page: PageSummary) -> str | None:
    """The title part or main heading that says the page is not there, or None."""
    for part in _SPLIT_TITLE.split(page.title):
        if _not_found_line(part.strip()):
            return f"the title reads {page.title!r}"
    for heading in page.headings[:3]:
        if _not_found_line(heading):
            return f"the main heading reads {heading!r}"
    return None


def parking_evidence(final_url: str, page: PageSummary) -> str | None:
    """Why the page looks like a parked, for-sale domain, or None. A for-sale phrase is one sign;
    a second is wanted (a title that is a bare domain name, or another marketplace phrase on a
    page that says little else), as articles about buying domains use the same words."""
    host = (urlsplit(final_url).hostname or "").lower()
    if any(host == name or host.endswith("." + name) for name in PARKING_HOSTS):
        return f"the address now leads to a domain marketplace, {host}"
    bare_title = bool(_BARE_DOMAIN.fullmatch(page.title.strip().lower()))
    short = page.text_length <= PARKING_TEXT
    for where, text in (("title", page.title), *(("heading", h) for h in page.headings),
                        ("text", page.text[:TEXT_WINDOW])):
        lowered = text.lower()
        found = _PARKING.search(lowered)
        if found is None:
            continue
        rest = page.text[:TEXT_WINDOW].lower().replace(found.group(0), " ")
        if bare_title or (short and _PARKING_SECOND.search(rest)):
            return f"a parking page: its {where} says {found.group(0)!r}"
    return None


def says_not_found(page: PageSummary) -> str | None:
    """A not-found phrase in the start of the visible text (weak on its own), or None."""
    found = _TEXT_PHRASE.search(page.text[:TEXT_WINDOW].lower().replace("’", "'"))
    return found.group(0) if found else None


def resembles(page: PageSummary, missing: PageSummary) -> bool:
    """Whether `page` looks like `missing`, the host's answer for an address that cannot exist:
    the same title and headings, and a size within a quarter."""
    if page.title != missing.title or page.headings[:2] != missing.headings[:2]:
        return False
    larger = max(page.text_length, missing.text_length, 1)
    return abs(page.text_length - missing.text_length) <= larger / 4


def missing_page_url(url: str, token: str) -> str:
    """An address on `url`'s site that no page has: where the host's own 404 page is found."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/pmgenome-link-check-{token}-no-such-page"
