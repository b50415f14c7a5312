"""Soft 404s and what is deliberately not one, against real servers on loopback."""

from __future__ import annotations

import pytest
from pmgenome.links.check import CheckOptions, check_urls
from pmgenome.links.page import PageSummary, summarize
from pmgenome.links.soft404 import (
    other_site_home,
    parking_evidence,
    redirect_evidence,
    titled_not_found,
)
from pmgenome.links.verdict import Verdict
from pmgenome.net.client import Client, ClientConfig, Redirect

from tests.support.linkcheck import check_one
from tests.support.servers import LocalServer, html, loopback_names, redirect

CONFIG = ClientConfig(connect_timeout=0.5, read_timeout=1.0, total_timeout=2.0, allow_private=True)
OPTIONS = CheckOptions.from_client(CONFIG)

HOME = "<!doctype html><title>Acme Blog</title><h1>Acme Blog</h1><p>Latest posts about product work.</p>"
ARTICLE = ("<!doctype html><title>Pricing teardown | Acme Blog</title><h1>A pricing teardown</h1>"
           "<p>Three SaaS tiers, taken apart one by one.</p>")
# The host's own page for anything missing: sent with 404 for unknown addresses, and with 200
# for the removed article (the soft 404).
MISSING = ("<!doctype html><title>Acme Blog</title><h1>Acme Blog</h1>"
           "<p>Sorry, the page you are looking for does not exist. Try the search.</p>")
ABOUT_404 = ("<!doctype html><title>Why your 404 page matters | Acme Blog</title><h1>Why your 404 page matters</h1>"
             "<p>A page not found is a moment of truth: here is how to design one.</p>")
SHELL = "<!doctype html><title>Acme App</title><div id=root></div><script src=/app.js></script>"


@pytest.fixture(scope="module")
def blog():
    with LocalServer("h31.test", {
        "/": html(HOME),
        "/en/": html(HOME),
        "/blog/": html(HOME),
        "/404.html": html(MISSING),
        "/blog/pricing": html(ARTICLE),
        "/blog/removed-to-home": redirect("/", 301),
        "/blog/removed-to-locale-home": redirect("/en/", 302),
        "/blog/removed-to-parent": redirect("/blog/", 301),
        "/blog/removed-to-error-page": redirect("/404.html", 302),
        "/blog/removed-served-200": html(MISSING),
        "/blog/title-says-so": html("<title>Page Not Found | Acme Blog</title><h1>Acme</h1><p>Try again.</p>"),
        "/blog/heading-says-so": html("<title>Acme Blog</title><h1>Oops! We couldn’t find that page.</h1>"),
        "/blog/about-404-pages": html(ABOUT_404),
        "/blog/moved-elsewhere": redirect("/blog/pricing", 301),
        "/blog/members": redirect("/login?next=/blog/members", 302),
        "/login": html("<title>Sign in | Acme</title><form></form>"),
    }, default=html(MISSING, status=404)) as server:
        yield server


@pytest.fixture(scope="module")
def client():
    with Client(CONFIG, resolver=loopback_names) as shared:
        yield shared


@pytest.mark.parametrize(("path", "evidence"), [
    ("/blog/removed-to-home", "soft 404: a deep link redirected to the site's home page, {o}/"),
    ("/blog/removed-to-locale-home", "soft 404: a deep link redirected to the site's home page, {o}/en/"),
    ("/blog/removed-to-parent", "soft 404: redirected to {o}/blog/, a parent of the page's own path"),
    ("/blog/removed-to-error-page", "soft 404: redirected to an error page, {o}/404.html"),
    ("/blog/removed-served-200", "soft 404: the page says 'page you are looking for' and looks like this host's "
                                 "page for a missing address (same title 'Acme Blog', similar size)"),
    ("/blog/title-says-so", "soft 404: the title reads 'Page Not Found | Acme Blog'"),
    ("/blog/heading-says-so", "soft 404: the main heading reads 'Oops! We couldn’t find that page.'"),
])
def test_each_kind_of_soft_404_is_caught_with_its_evidence(blog: LocalServer, client: Client, path: str,
                                                           evidence: str) -> None:
    result = check_one(client, blog.url(path), ("an-entry",), OPTIONS)
    assert (result.verdict, result.status, result.error) == (Verdict.SOFT_404, 200, evidence.format(o=blog.origin))


@pytest.mark.parametrize(("path", "verdict"), [
    ("/blog/pricing", Verdict.OK),
    ("/blog/about-404-pages", Verdict.OK),  # mentions 404, and is not the host's 404 page
    ("/blog/moved-elsewhere", Verdict.REDIRECTED),  # a move to another deep page
    ("/blog/members", Verdict.OK),  # a login wall, not a removed page
    ("/", Verdict.OK),
])
def test_live_pages_are_not_flagged(blog: LocalServer, client: Client, path: str, verdict: Verdict) -> None:
    result = check_one(client, blog.url(path), (), OPTIONS)
    assert (result.verdict, result.error) == (verdict, None)


def test_the_hosts_404_page_is_asked_once_per_host(blog: LocalServer, client: Client) -> None:
    probes_before = sum(1 for r in blog.requests if r.path.startswith("/pmgenome-link-check-"))
    with LocalServer("h32.test", {f"/gone/{n}": html(MISSING) for n in range(5)},
                     default=html(MISSING, status=404)) as other:
        results = check_urls(client, {other.url(f"/gone/{n}"): () for n in range(5)}, options=OPTIONS)
        assert [r.verdict for r in results] == [Verdict.SOFT_404] * 5
        asked = [r.path for r in other.requests if r.path.startswith("/pmgenome-link-check-")]
        assert len(asked) == 1 and asked[0].endswith("-no-such-page")
        assert [r.requests for r in results] == [1] * 5  # the host's 404 page is not billed to a link
    assert sum(1 for r in blog.requests if r.path.startswith("/pmgenome-link-check-")) == probes_before


def test_an_application_shell_everywhere_is_not_judged() -> None:
    # Every address answers the same shell with 200: no words to judge, so nothing is flagged.
    with LocalServer("h33.test", default=html(SHELL)) as app, Client(CONFIG, resolver=loopback_names) as client:
        results = check_urls(client, {app.url("/dashboard"): (), app.url("/settings/team"): ()}, options=OPTIONS)
    assert [(r.verdict, r.error) for r in results] == [(Verdict.OK, None)] * 2


def test_a_parking_page_of_a_lapsed_domain() -> None:
    parked = ("<html><head><title>lapsed-pm-blog.com</title></head><body><h1>lapsed-pm-blog.com</h1>"
              "<p>This domain is for sale! Make an offer today.</p><p>Related searches: Product Management</p>")
    with LocalServer("h34.test", default=html(parked)) as server, Client(CONFIG, resolver=loopback_names) as client:
        result = check_one(client, server.url("/2019/roadmaps-that-work"), (), OPTIONS)
    assert (result.verdict, result.error) == (
        Verdict.SOFT_404, "soft 404: a parking page: its text says 'this domain is for sale'")


def test_a_lapsed_domain_redirected_to_a_marketplace() -> None:
    assert parking_evidence("https://www.hugedomains.com/domain_profile.cfm?d=lapsed", PageSummary()) == (
        "the address now leads to a domain marketplace, www.hugedomains.com")
    assert parking_evidence("https://example.com/pricing", summarize(ARTICLE.encode())) is None


@pytest.mark.parametrize(("url", "final_url", "evidence"), [
    # A section that moved to a host of its own is a move (host names cannot be served on loopback here).
    ("https://acme.com/blog", "https://blog.acme.com/", None),
    ("https://acme.com/en/docs/", "https://docs.acme.com/", None),
    ("https://www.acme.com/newsletter", "https://newsletter.acme.com/", None),
    # A removed page sent to another site's home page, or to its own, is not.
    ("https://acme.com/blog/pricing", "https://blog.acme.com/", "a deep link redirected to the site's home page, "
                                                                "https://blog.acme.com/"),
    ("https://acme.com/blog", "https://www.acme.com/", "a deep link redirected to the site's home page, "
                                                       "https://www.acme.com/"),
    # One segment sent to another site's home page: a move or a lapsed domain, told apart by what the
    # old host does with an address that cannot exist (see the two tests of case 3 below).
    ("https://lapsed.com/newsletter", "https://buyer.com/", None),
])
def test_a_section_moved_to_its_own_host_is_a_move(url: str, final_url: str, evidence: str | None) -> None:
    hops = (Redirect(url, 301, final_url),)
    assert redirect_evidence(url, final_url, hops) == evidence
    assert other_site_home(url, final_url, hops) is (url == "https://lapsed.com/newsletter")


@pytest.mark.parametrize(("title", "flagged"), [
    ("404", True),
    ("404 - Page not found", True),
    ("Error 404: Not Found | Acme", True),
    ("Page does not exist – Acme", True),
    ("Why your 404 page matters | Acme", False),
    ("Not Found: a podcast about lost things", False),
    ("How we found product-market fit", False),
])
def test_titles(title: str, flagged: bool) -> None:
    page = summarize(f"<title>{title}</title><h1>Welcome</h1>".encode())
    assert (titled_not_found(page) is not None) is flagged


def test_hostile_pages_are_summarised_without_failing() -> None:
    deep = b"<div>" * 100_000 + b"x"
    assert summarize(deep).size == len(deep)
    assert summarize(b"\x00\xff\xfe<title>\x1b]0;pwned\x07</title>").title == "]0;pwned"
    assert summarize(b"<title>caf\xe9</title>", "text/html; charset=latin-1").title == "café"
    assert summarize(b"<title>x</title>", "text/html; charset=no-such-charset").title == "x"


# Issue 18's seven false alarms: live pages that a hostile but legitimate web serves, each once called dead.

WORDPRESS_HOME = ("<!doctype html><title>Field Notes</title><h1>Field Notes</h1>"
                  "<p>Couldn't find what you need? Search the archive or browse by topic.</p>")


def test_a_home_page_on_a_host_that_sends_every_unknown_address_home_is_live() -> None:
    # Case 1: the host's "404 page" is its home page; the home page must not be judged against itself.
    with LocalServer("h35.test", {"/": html(WORDPRESS_HOME)}, default=redirect("/", 301)) as site, \
            Client(CONFIG, resolver=loopback_names) as client:
        results = check_urls(client, {site.url("/"): (), site.url("/field-notes/"): ()}, options=OPTIONS)
    assert [(r.verdict, r.error) for r in results] == [
        (Verdict.OK, None),
        (Verdict.SOFT_404, f"soft 404: a deep link redirected to the site's home page, {site.url('/')}")]


@pytest.mark.parametrize(("path", "location"), [
    ("/issues/404", "/issues/404/"),
    ("/episodes/503", "/episodes/503/"),
    ("/design/errors", "/design/errors/"),
    ("/essays/missing", "/essays/missing/"),
])
def test_a_trailing_slash_on_a_page_named_like_an_error_is_no_error_page(path: str, location: str) -> None:
    # Case 2: the start and end are the same page; the error word is the page's own name.
    with LocalServer("h36.test", {path: redirect(location, 301), location: html(ARTICLE)}) as site, \
            Client(CONFIG, resolver=loopback_names) as client:
        result = check_one(client, site.url(path), (), OPTIONS)
    assert (result.verdict, result.error, result.suggestion) == (Verdict.REDIRECTED, None, site.url(location))


@pytest.mark.parametrize(("url", "final_url"), [
    ("http://acme.com/episodes/503", "https://acme.com/episodes/503"),
    ("http://acme.com/design/errors", "https://www.acme.com/design/errors/"),
    ("https://acme.com/essays/missing", "https://acme.com/essays/missing/index.html"),
    ("https://acme.com/docs/errors", "https://acme.com/docs/v2/errors"),  # the page is about errors
])
def test_a_scheme_or_www_hop_on_a_page_named_like_an_error_is_no_error_page(url: str, final_url: str) -> None:
    assert redirect_evidence(url, final_url, (Redirect(url, 301, final_url),)) is None


def test_a_newsletter_moved_to_the_root_of_its_own_host_is_a_move() -> None:
    # Case 3: example.com/newsletter -> x.substack.com/; the old host still answers 404 for what it lacks.
    with LocalServer("h37.test", {"/": html(HOME)}) as substack, \
            LocalServer("h38.test", {"/newsletter": redirect(substack.url("/"), 301), "/": html(HOME)}) as site, \
            Client(CONFIG, resolver=loopback_names) as client:
        result = check_one(client, site.url("/newsletter"), (), OPTIONS)
    assert (result.verdict, result.error, result.suggestion) == (Verdict.REDIRECTED, None, substack.url("/"))


def test_a_lapsed_domain_sending_every_address_to_another_sites_home_is_a_soft_404() -> None:
    # The counter-example of case 3: every address of the old host lands on the buyer's home page.
    with LocalServer("h37.test", {"/": html(HOME)}) as buyer, \
            LocalServer("h38.test", default=redirect(buyer.url("/"), 301)) as lapsed, \
            Client(CONFIG, resolver=loopback_names) as client:
        result = check_one(client, lapsed.url("/newsletter"), (), OPTIONS)
    assert (result.verdict, result.error) == (
        Verdict.SOFT_404, f"soft 404: redirected to the home page of another site, {buyer.url('/')}, where "
                          f"{lapsed.host} sends every address")


@pytest.mark.parametrize(("path", "location"), [
    ("/blog/post/amp", "/blog/post"),
    ("/blog/post/amp/", "/blog/post/"),
    ("/blog/post/print", "/blog/post"),
])
def test_an_amp_or_print_version_sent_to_its_canonical_page_is_a_move(path: str, location: str) -> None:
    # Case 4: the canonical page is the dropped variant's parent, not a section index.
    with LocalServer("h36.test", {path: redirect(location, 301), location: html(ARTICLE)}) as site, \
            Client(CONFIG, resolver=loopback_names) as client:
        result = check_one(client, site.url(path), (), OPTIONS)
    assert (result.verdict, result.error) == (Verdict.REDIRECTED, None)


@pytest.mark.parametrize(("title", "flagged"), [
    ("The 404 Page | UX Weekly", False),  # case 5: an article about 404 pages
    ("404 Pages That Work | UX Weekly", False),
    ("Oops! 404 | UX Weekly", True),
    ("Error 404 | UX Weekly", True),
])
def test_a_title_that_only_names_404_needs_a_second_sign(title: str, flagged: bool) -> None:
    page = summarize(f"<title>{title}</title><h1>Welcome</h1>".encode())
    assert (titled_not_found(page) is not None) is flagged


def test_an_article_about_domains_for_sale_is_not_a_parking_page() -> None:
    # Case 6: a heading with the phrase, in a long live article, is one word, not two signs.
    article = ("<!doctype html><title>Buying a domain name | Acme Blog</title><h1>Buying a domain name</h1>"
               "<h2>When the domain is for sale</h2><p>" + "Ask the owner, agree a price, use an escrow. " * 60
               + "</p>")
    with LocalServer("h39.test", {"/blog/domains": html(article)}) as site, \
            Client(CONFIG, resolver=loopback_names) as client:
        result = check_one(client, site.url("/blog/domains"), (), OPTIONS)
    assert (result.verdict, result.error) == (Verdict.OK, None)
