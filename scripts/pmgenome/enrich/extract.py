"""What a page says about itself: title, author, date, reading time, course and event data.

Pure: bytes, headers and URL in, a PageMeta out. No network, no files, never raises for a page.
The HTML is parsed once with lxml; htmldate reads the same tree for the hard part of dates.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html as htmllib
import logging
import re
import warnings
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import htmldate
from lxml import etree, html

from pmgenome.catalog.usetime import WORDS_PER_MINUTE
from pmgenome.enrich import jsonld, schemaorg
from pmgenome.enrich.byline import clean_author, find_byline
from pmgenome.enrich.schemaorg import Course, Event, Work
from pmgenome.net.decoding import decode_html
from pmgenome.text.clean import one_line, shortened
from pmgenome.urls import is_web_url

MAX_TITLE_CHARS = 300
MAX_DESCRIPTION_CHARS = 1000
MAX_URL_CHARS = 2000
EARLIEST_YEAR = 1990

# htmldate narrates its search at INFO/DEBUG; enrichment output must stay readable.
logging.getLogger("htmldate").setLevel(logging.WARNING)
# dateutil (under htmldate) warns about time zone names it cannot place; the day is still right.
warnings.filterwarnings("ignore", message=r"tzname .* identified but not understood")

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASH_DATE = re.compile(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})\b")
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:\D|\Z)")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\Z")
# A title's trailing "| Site" part: strong separators are trimmed when the tail is short; a plain
# hyphen only when the tail is the site's name, since "Part 1 - Basics" is a real title.
_STRONG_SEPARATOR = re.compile(r"\s+(?:[|·•»~]|::)\s+")
_ANY_SEPARATOR = re.compile(r"\s+(?:[|·•»~\-–—:]|::)\s+")

_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "article:published", "datepublished",
    "og:published_time", "published_time", "parsely-pub-date", "sailthru.date", "pubdate",
    "publishdate", "publish-date", "publish_date", "publication_date", "date", "dc.date.issued",
    "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created",
    "citation_publication_date", "citation_date", "article.published", "bt:pubdate",
)
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                "dcterms.creator", "citation_author", "byl", "og:article:author", "book:author")
_DESCRIPTION_META = ("og:description", "description", "twitter:description", "dc.description")
_IMAGE_META = ("og:image", "og:image:secure_url", "og:image:url", "twitter:image", "twitter:image:src")
_TEXT_EXCLUDED = ("script", "style", "noscript", "nav", "footer", "aside", "form", "template", "svg",
                  "button", "select", "iframe", "object")
_PAGE_TYPES = frozenset({"WebPage", "CreativeWork", "VideoObject", "Book", "PodcastSeries"})


@dataclass(frozen=True)
class PageMeta:
    """Metadata read from one HTML page; None where the page does not tell."""

    title: str | None = None
    description: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    site_name: str | None = None
    language: str | None = None  # BCP 47
    image: str | None = None  # absolute http(s) URL
    word_count: int | None = None
    reading_minutes: int | None = None
    stated_minutes: int | None = None  # a video's or an episode's running time, as the page states it
    course: Course | None = None
    event: Event | None = None
    encoding: str | None = None
    # For drafting a new entry (`pmgenome new`), not stored: the page's own canonical address,
    # and the book, podcast or video it describes.
    canonical: str | None = None
    work: Work | None = None

    def to_store(self) -> dict[str, Any]:
        """The store's `meta` object (the encoding is a fetching detail, not page metadata)."""
        data = asdict(self)
        for name in _NOT_STORED:
            del data[name]
        if data["stated_minutes"] is None:
            del data["stated_minutes"]  # added later: records without one read and write as before
        return data


_NOT_STORED = ("encoding", "canonical", "work")


# -- small value helpers -------------------------------------------------------------------------

def _clean(value: str | None, limit: int) -> str | None:
    if not value:
        return None
    # Pages that escape twice show "&#039;" in og:title; the parser has undone one level already.
    text = htmllib.unescape(value) if "&" in value else value
    return shortened(one_line(text), limit) or None


def parse_date(value: str | None, today: dt.date) -> dt.date | None:
    """The day in an ISO 8601, YYYY/MM/DD, YYYYMMDD or RFC 2822 date; None if not a plausible one."""
    if not value:
        return None
    match = _ISO_DATE.match(value) or _SLASH_DATE.match(value) or _COMPACT_DATE.match(value)
    if match:
        try:
            day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    else:
        try:
            day = email.utils.parsedate_to_datetime(value.strip()).date()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    if day.year < EARLIEST_YEAR or day > today + dt.timedelta(days=1):
        return None
    return day


def _language(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().split(",")[0].strip()
    if not _LANGUAGE.match(value):
        return None
    parts = value.replace("_", "-").split("-")
    shaped = [parts[0].lower()]
    for part in parts[1:]:
        shaped.append(part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part.lower())
    return "-".join(shaped)


def _http_url(value: str | None, base: str) -> str | None:
    if not value:
        return None
    try:
        absolute = urljoin(base, value.strip())
    except ValueError:
        return None
    return absolute if is_web_url(absolute) and len(absolute) <= MAX_URL_CHARS else None


def _squash(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


# -- the page ------------------------------------------------------------------------------------

class _Page:
    """One parsed page and the lookups every field needs, computed once."""

    def __init__(self, tree: html.HtmlElement, url: str, headers: Mapping[str, str]) -> None:
        self.tree = tree
        self.url = url
        self.headers = {key.lower(): value for key, value in headers.items()}
        self.metas: dict[str, list[str]] = {}
        for element in tree.iter("meta"):
            content = (element.get("content") or "").strip()
            if not content:
                continue
            for attribute in ("property", "name", "itemprop", "http-equiv"):
                key = element.get(attribute)
                if key:
                    self.metas.setdefault(key.strip().lower(), []).append(content)
        blocks = [script.text or "" for script in tree.iter("script")
                  if (script.get("type") or "").strip().lower() == "application/ld+json"]
        self.nodes = jsonld.nodes(blocks)
        self.articles = jsonld.of_type(self.nodes, jsonld.ARTICLE_TYPES)
        base = tree.find(".//base")
        self.base: str = (_http_url(base.get("href"), url) if base is not None else None) or url

    def meta(self, *names: str) -> str | None:
        for name in names:
            for value in self.metas.get(name, ()):
                if value:
                    return value
        return None

    def main(self) -> html.HtmlElement:
        """The element holding the page's main text: its longest <article>, else <main>, else <body>."""
        articles = self.tree.xpath("//article")
        if articles:
            return max(articles, key=lambda element: len(element.text_content()))
        for path in ("//main", "//*[@role='main']", "//body"):
            found = self.tree.xpath(path)
            if found:
                return found[0]
        return self.tree


def _site_name(page: _Page) -> str | None:
    found = page.meta("og:site_name", "application-name", "apple-mobile-web-app-title")
    if not found:
        publisher = next((node.get("publisher") for node in page.articles if node.get("publisher")), None)
        found = jsonld.text(publisher)
    if not found:
        site = next(iter(jsonld.of_type(page.nodes, frozenset({"WebSite"}))), None)
        found = jsonld.text(site.get("name")) if site else None
    return _clean(found, MAX_TITLE_CHARS)


def _trim_site(title: str, site_name: str | None, host: str) -> str:
    """Drop a trailing (or leading) site name from a title, keeping titles that merely contain dashes."""
    known = {_squash(name) for name in (site_name, host.removeprefix("www."), host.removeprefix("www.")
                                        .split(".")[0]) if name}
    known.discard("")
    for _ in range(2):
        separators = list(_ANY_SEPARATOR.finditer(title))
        if not separators:
            break
        last, first = separators[-1], separators[0]
        tail, head = title[last.end():], title[:first.start()]
        if _squash(tail) in known or any(name and name in _squash(tail) for name in known if len(name) > 3):
            title = title[:last.start()]
        elif _squash(head) in known:
            title = title[first.end():]
        elif (_STRONG_SEPARATOR.fullmatch(last.group()) and len(tail.split()) <= 5
              and len(tail) < len(title[:last.start()])):
            title = title[:last.start()]
        else:
            break
    return title.strip()


def _titled_nodes(page: _Page) -> list[dict[str, Any]]:
    """JSON-LD objects whose name is the page's title: the article, a lone course or event, the page.
    A page listing several events is titled by none of them."""
    single = []
    for types in (schemaorg.COURSE_TYPES, jsonld.EVENT_TYPES):
        found = jsonld.of_type(page.nodes, types)
        single += found if len(found) == 1 else []
    return page.articles + single + jsonld.of_type(page.nodes, _PAGE_TYPES)


def _title(page: _Page, site_name: str | None) -> str | None:
    host = urlsplit(page.url).hostname or ""
    found = page.meta("og:title", "twitter:title")
    if not found:
        found = next((jsonld.text(node.get("headline")) or jsonld.text(node.get("name"))
                      for node in _titled_nodes(page) if node.get("headline") or node.get("name")), None)
    if not found:
        element = page.tree.find(".//title")
        found = element.text_content() if element is not None else None
    if not found or not found.strip():
        element = page.tree.find(".//h1")
        found = element.text_content() if element is not None else None
    found = _clean(found, MAX_TITLE_CHARS)
    return _trim_site(found, site_name, host) or found if found else None


def _author(page: _Page, main: html.HtmlElement) -> str | None:
    for node in page.articles:
        names = [name for value in jsonld.names(node.get("author")) if (name := clean_author(value))]
        if names:
            return ", ".join(dict.fromkeys(names))
    for name in _AUTHOR_META:
        for value in page.metas.get(name, ()):
            found = clean_author(value)
            if found:
                return found
    return find_byline(page.tree, main) or clean_author((page.meta("twitter:creator") or "").lstrip("@"))


def _markup_date(page: _Page, today: dt.date) -> dt.date | None:
    """The publication day stated in markup: JSON-LD, then meta tags, microdata, <time pubdate>."""
    for node in page.articles:
        for key in ("datePublished", "dateCreated"):
            found = parse_date(jsonld.text(node.get(key)), today)
            if found:
                return found
    for name in _PUBLISHED_META:
        for value in page.metas.get(name, ()):
            found = parse_date(value, today)
            if found:
                return found
    for element in page.tree.xpath("//*[@itemprop='datePublished'] | //time[@pubdate]"):
        found = parse_date(element.get("datetime") or element.get("content") or element.text_content(), today)
        if found:
            return found
    for node in page.nodes:
        found = parse_date(jsonld.text(node.get("datePublished")), today)
        if found:
            return found
    return None


def htmldate_date(tree: html.HtmlElement, url: str, today: dt.date) -> dt.date | None:
    """htmldate's view of the original publication day, from the tree we already parsed."""
    try:
        found = htmldate.find_date(tree, extensive_search=True, original_date=True, url=url,
                                   max_date=today.isoformat())
    except Exception:  # noqa: BLE001 - a library's crash on one strange page must not stop a run
        return None
    return parse_date(found, today)


def date_sources(tree: html.HtmlElement, url: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The day from markup and the day from htmldate, separately: for measuring how to combine them."""
    return _markup_date(_Page(tree, url, {}), today), htmldate_date(tree, url, today)


def _published(page: _Page, today: dt.date) -> dt.date | None:
    return _markup_date(page, today) or htmldate_date(page.tree, page.url, today)


def _description(page: _Page) -> str | None:
    found = page.meta(*_DESCRIPTION_META)
    if not found:
        found = next((jsonld.text(node.get("description")) for node in page.articles
                      if node.get("description")), None)
    return _clean(found, MAX_DESCRIPTION_CHARS)


def _jsonld_image(value: Any) -> str | None:
    if isinstance(value, list):
        return next((found for item in value if (found := _jsonld_image(item))), None)
    if isinstance(value, dict):
        return jsonld.text(value.get("url")) or jsonld.text(value.get("contentUrl"))
    return value if isinstance(value, str) else None


def _image(page: _Page) -> str | None:
    candidates: list[str | None] = [value for name in _IMAGE_META for value in page.metas.get(name, ())]
    candidates += [_jsonld_image(node.get("image")) for node in page.articles]
    candidates += [link.get("href") for link in page.tree.xpath("//link[@rel='image_src']")]
    return next((url for value in candidates if (url := _http_url(value, page.base))), None)


def _canonical(page: _Page) -> str | None:
    """The address the page names as its own (<link rel=canonical>, else og:url), if it is http(s)."""
    for link in page.tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return _http_url(link.get("href"), page.base)
    return _http_url(page.meta("og:url"), page.base)


def _page_language(page: _Page) -> str | None:
    root = page.tree.getroottree().getroot()
    candidates = [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang"),
                  page.meta("content-language", "og:locale", "language", "dc.language"),
                  page.headers.get("content-language")]
    candidates += [jsonld.text(node.get("inLanguage")) for node in page.articles]
    return next((found for value in candidates if (found := _language(value))), None)


def count_words(main: html.HtmlElement) -> int:
    """Words of the main text, leaving out scripts, navigation, footers and forms.

    Cuts those parts out of the tree, so it runs last (htmldate works on its own copy).
    """
    excluded = _TEXT_EXCLUDED + (("header",) if main.tag in ("body", "html") else ())
    etree.strip_elements(main, *excluded, etree.Comment, with_tail=False)
    # Joined with spaces: text_content() would glue "end.</p><p>Start" into one word.
    return sum(1 for _ in _WORD.finditer(" ".join(main.itertext())))


def _og_minutes(value: str | None) -> int | None:
    """og:video:duration, which Open Graph gives in whole seconds, as whole minutes."""
    seconds = value.strip() if value else ""
    if not seconds.isascii() or not seconds.isdigit() or not 30 <= int(seconds) <= schemaorg.MAX_DURATION_HOURS * 3600:
        return None
    return max(1, round(int(seconds) / 60))


def _schema(page: _Page, today: dt.date) -> tuple[Course | None, Event | None]:
    courses = jsonld.of_type(page.nodes, schemaorg.COURSE_TYPES)
    events = jsonld.of_type(page.nodes, jsonld.EVENT_TYPES)
    return (schemaorg.course(courses[0]) if courses else None,
            schemaorg.event(events, today) if events else None)


def parse(body: bytes, headers: Mapping[str, str]) -> tuple[html.HtmlElement | None, str | None]:
    """The page's lxml tree (None when there is no document at all) and the encoding used."""
    decoded = decode_html(body, headers)
    data = decoded.text.encode("utf-8", errors="replace")
    parser = html.HTMLParser(encoding="utf-8", remove_comments=False, no_network=True)
    try:
        tree = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, decoded.encoding
    return tree, decoded.encoding


def extract(body: bytes, headers: Mapping[str, str], url: str, *, today: dt.date | None = None) -> PageMeta:
    """Read a page's metadata. `url` is the final URL, used to resolve links and to date by URL."""
    today = today or dt.date.today()
    tree, encoding = parse(body, headers)
    if tree is None:
        return PageMeta(word_count=0, encoding=encoding)
    page = _Page(tree, url, headers)
    main = page.main()
    site_name = _site_name(page)
    published = _published(page, today)
    course, event = _schema(page, today)
    found = dict(
        title=_title(page, site_name),
        description=_description(page),
        author=_author(page, main),
        published=published.isoformat() if published else None,
        site_name=site_name,
        language=_page_language(page),
        image=_image(page),
    )
    words = count_words(main)
    work = schemaorg.work(page.nodes, page.meta("og:type"))
    return PageMeta(
        **found,
        word_count=words,
        reading_minutes=max(1, round(words / WORDS_PER_MINUTE)) if words else None,
        stated_minutes=(work.minutes if work else None) or _og_minutes(page.meta("og:video:duration")),
        course=course,
        event=event,
        encoding=encoding,
        canonical=_canonical(page),
        work=work,
    )
