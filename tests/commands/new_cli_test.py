"""`pmgenome new`: whole drafted files for every kind, kinds guessed from schema.org, clean addresses,
unique ids, refusing duplicates and unreadable pages, never replacing a file (--force or not), not
believing a redirect or a canonical that leads up to a home page or a parent, and placeholders that
fail validation until a person fills them."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from pmgenome.catalog.validate import validate_catalog
from pmgenome.cli import main
from pmgenome.text.paths import display_path

from tests.support.samples import make_catalog, page, write_entry
from tests.support.servers import LocalServer, Reply, redirect

TODAY = dt.date.today().isoformat()
SKILLS = ("strategy, discovery, prioritization, execution, metrics, communication, leadership, go-to-market, "
          "pricing, growth, experimentation, technical-fluency, data-and-ai, ux-design, user-research")
CHOICES = f"""\
segments: []  # TODO pick 1 or more: b2b, b2c, technical, design
skills: []  # pick from: {SKILLS}
levels: []  # pick from: aspiring, new, experienced, leader
# backgrounds: []  # optional: engineering, design, sales-marketing, business, other
"""
ACCESS_TODO = "access: TODO  # how a reader gets it: free | signup | freemium | paywalled | paid\n"
REVIEWED_TODO = (f"reviewed: {TODAY}\n"
                 '# outcomes: ["You can ..."]  # 1 to 3 lines: what a reader can do after it (a pick needs them)\n')
# The time hint, in the kind's unit, for a draft whose page stated no length.
TIME_HINT = {unit: f"# time: {{{unit}: {shown}}}  # how long it takes once, and where the figure comes from: "
                   "stated | counted | estimated\n"
             for unit, shown in (("minutes", "38, source: stated"), ("hours", "6, source: stated"), ("pages", "320"))}
PRACTICE = ('<html lang="en"><head><title>Roadmaps in practice</title><link rel="canonical" href="{canonical}">'
            '<meta name="description" content="How three teams plan without dates."></head>'
            "<body><h1>Roadmaps in practice</h1><p>Text.</p></body></html>")  # whoever adds an entry has just checked its page
SUMMARY_TODO = """\
summary: >-
  TODO: in your own words, 80 to 600 characters of plain text: what it is, what a reader gets
  from it, and who it is for."""


@pytest.fixture
def server():
    routes = {
        "/article": Reply(200, {"Content-Type": "text/html"}, page("article.html").encode()),
        "/course": Reply(200, {"Content-Type": "text/html"}, page("course.html").encode()),
        "/event": Reply(200, {"Content-Type": "text/html"}, page("event.html").encode()),
        "/moved": redirect("/article"),
        **{f"/{name}": Reply(200, {"Content-Type": "text/html"}, page(f"{name}.html").encode())
           for name in ("book", "podcast", "video", "dates", "canonical", "lisbon")},
        "/roadmaps": Reply(200, {"Content-Type": "text/html"}, b"<title>Roadmaps</title><h1>Roadmaps</h1>"),
        # Issue 23: a shortened address of a catalogued page that is down for now ...
        "/feature-factory": Reply(503, {"Content-Type": "text/html", "Retry-After": "3600"}, b"busy"),
        "/short/abc": redirect("/feature-factory"),
        # ... an article whose canonical address is its site's home page, or its section ...
        "/blog/roadmaps-in-practice": Reply(200, {"Content-Type": "text/html"}, PRACTICE.format(canonical="/")),
        "/blog/okrs": Reply(200, {"Content-Type": "text/html"}, PRACTICE.format(canonical="/blog/").replace(
            "Roadmaps in practice", "OKRs in practice")),
        # ... and a page that died politely: its address now leads to the home page.
        "/blog/gone": redirect("/"),
        "/": Reply(200, {"Content-Type": "text/html"}, b"<title>Example home</title><h1>Welcome</h1>"),
    }
    with LocalServer("127.0.0.1", routes) as running:
        yield running


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_catalog(tmp_path / "catalog")


def new(capsys, root: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["new", "--catalog", str(root), "--allow-private", *argv])
    out, err = capsys.readouterr()
    return code, out, err


ALREADY = "edit that file (new never replaces one, even with --force)"


def created(root: Path, relative: str) -> str:
    return (f"created {display_path(root / relative)} ({relative.split('s/')[0]}): fill in every TODO and the "
            f"empty lists, then run: pmgenome validate --catalog {display_path(root)}\n")


def test_an_article_is_drafted_from_its_page(capsys, root, server):
    url = server.url("/article")
    assert new(capsys, root, url) == (0, created(root, "articles/good-product-manager-bad-product-manager.yaml"), "")
    assert (root / "articles" / "good-product-manager-bad-product-manager.yaml").read_text() == f"""\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/article.schema.json
title: Good Product Manager, Bad Product Manager
url: {url}
summary: >-
  TODO: in your own words, 80 to 600 characters of plain text: what it is, what a reader gets
  from it, and who it is for. The page describes itself as: What separates a good product
  manager from a bad one, in one page.
{CHOICES}{ACCESS_TODO}language: en-GB
added: {TODAY}
{REVIEWED_TODO}{TIME_HINT['minutes']}author: Ada Lovelace, Grace Hopper
published: 2012-06-15
publication: The Example Review
"""


def test_a_schema_org_course_becomes_a_course_and_its_price_sets_access(capsys, root, server):
    assert new(capsys, root, server.url("/course"))[0] == 0
    assert (root / "courses" / "product-strategy.yaml").read_text() == f"""\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/course.schema.json
title: Product Strategy
url: {server.url("/course")}
{SUMMARY_TODO}
{CHOICES}access: paid  # the page gives a price
language: en
added: {TODAY}
{REVIEWED_TODO}{TIME_HINT['hours']}provider: Example Academy
format: hybrid
price: 499 USD
"""


def test_a_schema_org_event_becomes_a_meetup_with_its_city_and_country(capsys, root, server):
    assert new(capsys, root, server.url("/lisbon"))[0] == 0
    assert (root / "meetups" / "product-lisbon-monthly.yaml").read_text() == f"""\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/meetup.schema.json
title: Product Lisbon monthly
url: {server.url("/lisbon")}
{SUMMARY_TODO}
{CHOICES}{ACCESS_TODO}language: en
added: {TODAY}
{REVIEWED_TODO}organizer: Product Lisbon
cadence: TODO  # how often it meets: weekly | monthly | quarterly | yearly | irregular | ongoing
online: false
city: Lisbon
country: PT
"""
    assert new(capsys, root, server.url("/event"))[0] == 0
    assert (root / "meetups" / "product-tank-example-city.yaml").read_text().endswith(
        "organizer: Product Tank Leeds\n"
        "cadence: TODO  # how often it meets: weekly | monthly | quarterly | yearly | irregular | ongoing\nonline: false\ncity: Leeds\ncountry: GB\n")


def test_a_schema_org_book_becomes_a_book_and_a_canonical_on_another_site_is_not_taken(capsys, root, server):
    assert new(capsys, root, server.url("/book"))[0] == 0
    assert (root / "books" / "inspired.yaml").read_text() == f"""\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/book.schema.json
title: Inspired
url: {server.url("/book")}
{SUMMARY_TODO}
{CHOICES}{ACCESS_TODO}language: en
added: {TODAY}
{REVIEWED_TODO}{TIME_HINT['pages']}authors: [Marty Cagan, Chris Jones]
year: 2017
publisher: Wiley
isbn: 978-1119387503
"""


def test_a_podcast_series_becomes_a_podcast(capsys, root, server):
    assert new(capsys, root, server.url("/podcast"))[0] == 0
    assert (root / "podcasts" / "the-product-hour.yaml").read_text() == f"""\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/podcast.schema.json
title: The Product Hour
url: {server.url("/podcast")}
summary: >-
  TODO: in your own words, 80 to 600 characters of plain text: what it is, what a reader gets
  from it, and who it is for. The page describes itself as: Weekly conversations with product
  people.
{CHOICES}{ACCESS_TODO}language: en
added: {TODAY}
{REVIEWED_TODO}{TIME_HINT['minutes']}host: Ada Host and Bo Cohost
cadence: TODO  # how often it appears: daily | weekly | fortnightly | monthly | irregular | ended
# episodes:  # optional: one to five to start with, each - {{title: ..., url: ...}}
"""


def test_a_video_object_becomes_a_video(capsys, root, server):
    assert new(capsys, root, server.url("/video"))[0] == 0
    assert (root / "videos" / "discovery-in-practice.yaml").read_text() == f"""\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/video.schema.json
title: Discovery in practice
url: {server.url("/video")}
{SUMMARY_TODO}
{CHOICES}{ACCESS_TODO}language: en
added: {TODAY}
{REVIEWED_TODO}speaker: Teresa Example
# event: the conference or series it was given at (optional)
published: 2024-03-05
time: {{minutes: 38, source: stated}}
"""


def test_a_newsletter_is_drafted_when_asked_for(capsys, root, server):
    assert new(capsys, root, server.url("/article"), "--kind", "newsletter")[0] == 0
    assert (root / "newsletters" / "good-product-manager-bad-product-manager.yaml").read_text().endswith(f"""\
added: {TODAY}
{REVIEWED_TODO}{TIME_HINT['minutes']}author: Ada Lovelace, Grace Hopper
cadence: TODO  # how often it appears: daily | weekly | fortnightly | monthly | irregular | ended
# issues:  # optional: one to five to start with, each - {{title: ..., url: ...}}
""")


@pytest.mark.parametrize("kind", ["article", "book", "course", "podcast", "newsletter", "video", "meetup"])
def test_every_kinds_draft_fails_validation_only_on_what_a_person_must_decide(capsys, root, server, kind):
    assert new(capsys, root, server.url("/roadmaps"), "--kind", kind)[0] == 0
    _, problems = validate_catalog(root)
    rules = {problem.rule for problem in problems}
    assert rules <= {"placeholder", "required"}, [str(p) for p in problems]
    messages = [problem.message for problem in problems]
    assert "'access' still holds a placeholder: choose from free, signup, freemium, paywalled, paid" in messages


def test_the_canonical_address_is_recorded_and_tracking_parameters_are_not(capsys, root, server):
    assert new(capsys, root, server.url("/canonical") + "?utm_source=newsletter&utm_medium=email")[0] == 0
    assert f"url: {server.url('/roadmaps-without-dates')}\n" in \
        (root / "articles" / "roadmaps-without-dates.yaml").read_text()
    assert new(capsys, root, server.url("/roadmaps") + "?ref=1&fbclid=abc#notes")[0] == 0
    assert f"url: {server.url('/roadmaps')}?ref=1#notes\n" in (root / "articles" / "roadmaps.yaml").read_text()


def test_kind_given_on_the_command_line_wins(capsys, root, server):
    assert new(capsys, root, server.url("/course"), "--kind", "article")[0] == 0
    assert (root / "articles" / "product-strategy.yaml").read_text().splitlines()[0] == \
        "# yaml-language-server: $schema=../../scripts/pmgenome/schema/article.schema.json"


def test_the_draft_fails_validation_only_on_its_placeholders(capsys, root, server):
    new(capsys, root, server.url("/article"))
    path = root / "articles" / "good-product-manager-bad-product-manager.yaml"
    _, problems = validate_catalog(root)
    assert [(p.path, p.line, p.rule) for p in problems] == [
        (display_path(path), 4, "placeholder"), (display_path(path), 8, "required"),
        (display_path(path), 9, "required"), (display_path(path), 10, "required"),
        (display_path(path), 12, "placeholder")]
    text = path.read_text()
    start, end = text.index("summary: >-"), text.index("segments:")
    filled = (text[:start] + "summary: What separates good and bad product managers, in one page; for new PMs who "
              "want a clear picture of the job.\n" + text[end:]).replace("segments: []", "segments: [b2b]").replace(
                  "skills: []", "skills: [strategy]").replace("levels: []", "levels: [new]").replace(
                  ACCESS_TODO, "access: free\n").replace(REVIEWED_TODO, f"reviewed: {TODAY}\n")
    path.write_text(filled)
    assert validate_catalog(root)[1] == []


def test_a_title_that_looks_like_a_date_still_gives_a_draft(capsys, root, server):
    """Issue 15, item 19: '2026-13-45' as a title, a site name and an author."""
    assert new(capsys, root, server.url("/dates")) == (0, created(root, "articles/2026-13-45.yaml"), "")
    text = (root / "articles" / "2026-13-45.yaml").read_text()
    assert 'title: "2026-13-45"\n' in text and 'publication: "2026-13-45"\n' in text
    _, problems = validate_catalog(root)
    assert {problem.rule for problem in problems} == {"placeholder", "required"}


def test_a_taken_id_gets_a_suffix_and_no_file_is_overwritten(capsys, root, server):
    other = write_entry(root, "course", "good-product-manager-bad-product-manager", "https://example.org/other")
    before = other.read_bytes()
    assert new(capsys, root, server.url("/article")) == (
        0, created(root, "articles/good-product-manager-bad-product-manager-2.yaml"), "")
    assert other.read_bytes() == before


def test_when_every_name_is_taken_new_says_so_instead_of_crashing(capsys, root, server):
    for number in ["", *(f"-{n}" for n in range(2, 1000))]:
        (root / "articles" / f"roadmaps{number}.yaml").write_text("")
    code, out, err = new(capsys, root, server.url("/roadmaps"))
    assert (code, out, err) == (1, "", "pmgenome new: could not find a free file name (no free id for 'roadmaps': "
                                       "roadmaps-2 to roadmaps-999 are all taken); pass --kind or tidy the catalog\n")


def test_a_page_already_in_the_catalog_is_refused_without_fetching(capsys, root, server):
    existing = write_entry(root, "article", "good-pm", server.url("/article"))
    assert new(capsys, root, server.url("/article/") + "?utm_source=newsletter") == (
        1, "", f"pmgenome new: {server.url('/article/')}?utm_source=newsletter is already in the catalog: "
               f"{display_path(existing)}; {ALREADY}\n")
    assert server.hits() == 0


def test_a_url_that_redirects_to_a_catalogued_page_is_refused(capsys, root, server):
    existing = write_entry(root, "article", "good-pm", server.url("/article"))
    assert new(capsys, root, server.url("/moved")) == (
        1, "", f"pmgenome new: {server.url('/moved')} (which leads to {server.url('/article')}) is already in the "
               f"catalog: {display_path(existing)}; {ALREADY}\n")
    assert sorted(path.name for path in (root / "articles").iterdir()) == ["good-pm.yaml"]


def test_a_page_whose_canonical_address_is_catalogued_is_refused_naming_that_address(capsys, root, server):
    existing = write_entry(root, "article", "roadmaps", server.url("/roadmaps-without-dates"))
    assert new(capsys, root, server.url("/canonical")) == (
        1, "", f"pmgenome new: {server.url('/canonical')} (whose page gives {server.url('/roadmaps-without-dates')} "
               f"as its own address) is already in the catalog: {display_path(existing)}; {ALREADY}\n")


def test_an_unreadable_page_writes_no_draft_and_fails(capsys, root, server):
    url = server.url("/missing-page")
    assert new(capsys, root, url) == (
        1, "", f"pmgenome new: could not read {url} (HTTP 404 Not Found); no draft written: check the address, "
               "or pass --force to write a draft of placeholders\n")
    assert list((root / "articles").iterdir()) == []


def test_force_writes_a_draft_of_placeholders_and_never_replaces_it(capsys, root, server):
    url = server.url("/missing-page")
    assert new(capsys, root, url, "--force") == (
        0, created(root, "articles/missing-page.yaml"),
        f"pmgenome new: warning: could not read {url} (HTTP 404 Not Found); the draft has placeholders only\n")
    assert (root / "articles" / "missing-page.yaml").read_text() == f"""\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/article.schema.json
title: "TODO: the resource's name as its page shows it"
url: {url}
{SUMMARY_TODO}
{CHOICES}{ACCESS_TODO}added: {TODAY}
{REVIEWED_TODO}{TIME_HINT['minutes']}"""
    # Issue 23, item 1: --force means "draft even if unreadable", never "overwrite".
    before = (root / "articles" / "missing-page.yaml").read_bytes()
    assert new(capsys, root, url, "--force", "--kind", "video") == (
        1, "", f"pmgenome new: {url} is already in the catalog: {display_path(root / 'articles' / 'missing-page.yaml')}"
               f"; {ALREADY}\n")
    assert (root / "articles" / "missing-page.yaml").read_bytes() == before
    assert list((root / "videos").iterdir()) == []


def test_a_private_address_is_not_fetched_and_the_flag_is_named(capsys, root, server):
    url = server.url("/article")
    code = main(["new", "--catalog", str(root), url])
    assert (code, capsys.readouterr().err) == (
        1, f"pmgenome new: could not read {url} (not fetched: 127.0.0.1 is a loopback address); no draft written: "
           "pass --allow-private to fetch a private or local address, or pass --force to write a draft of "
           "placeholders\n")
    assert server.hits() == 0
    assert list((root / "articles").iterdir()) == []


def test_a_bad_url_is_a_usage_error(capsys, root):
    assert new(capsys, root, "ftp://example.org/file") == (
        2, "", "pmgenome new: ftp://example.org/file: URL must be absolute and start with https:// or http://\n")
    long_url = "https://example.org/" + "a" * 5000
    assert new(capsys, root, long_url) == (
        2, "", f"pmgenome new: {long_url[:200]}: URL is 5,020 characters; the limit is 2,000\n")


def test_a_url_holding_a_bidirectional_control_is_a_usage_error_shown_escaped(capsys, root):
    """Issue 23, item 6: '/\u202efdp.exe' displays as '/exe.pdf'."""
    assert new(capsys, root, "https://example.org/\u202efdp.exe") == (
        2, "", "pmgenome new: https://example.org/\\u202efdp.exe: URL holds U+202E RIGHT-TO-LEFT OVERRIDE, an "
               "invisible character that changes the order text is shown in; delete it\n")


def test_a_missing_catalog_is_a_usage_error(capsys, tmp_path):
    assert new(capsys, tmp_path / "nowhere", "https://example.org/") == (
        2, "", f"pmgenome new: catalog folder not found: {display_path(tmp_path / 'nowhere')}\n")


def test_new_exits_non_zero_from_a_real_process_when_the_page_is_missing(root, server, tmp_path):
    result = subprocess.run([sys.executable, "-m", "pmgenome", "new", "--catalog", str(root), "--allow-private",
                             server.url("/missing-page")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("force", [(), ("--force",)])
def test_a_url_leading_to_a_catalogued_page_that_is_down_names_that_entry_and_replaces_nothing(capsys, root, server,
                                                                                              force):
    """Issue 23, item 1: /short/abc redirects to a catalogued page that answers 503; with --force the
    curated entry was replaced by a draft of TODOs."""
    existing = write_entry(root, "article", "cutler-feature-factory", server.url("/feature-factory"))
    existing.write_text(existing.read_text() + "skills: [strategy]\nlevels: [new]\n")
    before = existing.read_bytes()
    assert new(capsys, root, server.url("/short/abc"), *force) == (
        1, "", f"pmgenome new: {server.url('/short/abc')} (which leads to {server.url('/feature-factory')}) is "
               f"already in the catalog: {display_path(existing)}; {ALREADY}\n")
    assert existing.read_bytes() == before
    assert sorted(path.name for path in (root / "articles").iterdir()) == ["cutler-feature-factory.yaml"]


def test_a_canonical_address_that_is_the_home_page_is_not_believed(capsys, root, server):
    """Issue 23, item 2: the draft had the site's home page as its url, under the article's title."""
    url = server.url("/blog/roadmaps-in-practice")
    assert new(capsys, root, url) == (
        0, created(root, "articles/roadmaps-in-practice.yaml"),
        f"pmgenome new: warning: the page gives {server.url('/')} as its own address, but that is a home page, not "
        f"the page asked for: not believed, the draft keeps {url}\n")
    text = (root / "articles" / "roadmaps-in-practice.yaml").read_text()
    assert "title: Roadmaps in practice\n" in text and f"url: {url}\n" in text


def test_a_canonical_address_that_is_a_parent_is_not_believed(capsys, root, server):
    url = server.url("/blog/okrs")
    code, out, err = new(capsys, root, url)
    assert (code, out) == (0, created(root, "articles/okrs-in-practice.yaml"))
    assert err == (f"pmgenome new: warning: the page gives {server.url('/blog/')} as its own address, but that is a "
                   f"parent of the page asked for: not believed, the draft keeps {url}\n")
    assert f"url: {url}\n" in (root / "articles" / "okrs-in-practice.yaml").read_text()


def test_a_canonical_home_page_that_is_an_entry_neither_refuses_nor_touches_it(capsys, root, server):
    """Issue 23, item 3: the page was refused as a duplicate of the home page's entry, with advice to
    pass --force, which would have overwritten that entry."""
    home = write_entry(root, "article", "example-home", server.url("/"))
    before = home.read_bytes()
    url = server.url("/blog/roadmaps-in-practice")
    code, out, _ = new(capsys, root, url)
    assert (code, out) == (0, created(root, "articles/roadmaps-in-practice.yaml"))
    assert home.read_bytes() == before
    assert f"url: {url}\n" in (root / "articles" / "roadmaps-in-practice.yaml").read_text()


def test_a_redirect_to_the_home_page_is_not_the_page(capsys, root, server):
    url = server.url("/blog/gone")
    assert new(capsys, root, url) == (
        1, "", f"pmgenome new: could not read {url} (it redirects to {server.url('/')}, a home page, not the page "
               "asked for); no draft written: check the address, or pass --force to write a draft of placeholders\n")
    assert list((root / "articles").iterdir()) == []


def test_a_redirect_to_the_home_page_forced_keeps_the_url_given_and_takes_nothing_from_the_home_page(capsys, root,
                                                                                                     server):
    home = write_entry(root, "article", "example-home", server.url("/"))
    url = server.url("/blog/gone")
    assert new(capsys, root, url, "--force") == (
        0, created(root, "articles/gone.yaml"),
        f"pmgenome new: warning: could not read {url} (it redirects to {server.url('/')}, a home page, not the page "
        "asked for); the draft has placeholders only\n")
    text = (root / "articles" / "gone.yaml").read_text()
    assert f"url: {url}\n" in text and "Welcome" not in text and "Example home" not in text
    assert 'title: "TODO: the resource\'s name as its page shows it"\n' in text
    assert home.read_text().startswith("# yaml-language-server")


def test_a_program_is_drafted_when_asked_for_and_fails_only_on_what_a_person_must_decide(capsys, root, server):
    assert new(capsys, root, server.url("/article"), "--kind", "program")[0] == 0
    text = (root / "programs" / "good-product-manager-bad-product-manager.yaml").read_text()
    assert "access:" not in text  # a program is applied to, not read
    assert text.endswith("""\
company: The Example Review
audience: [TODO]  # who it takes: new-graduates | career-changers | internal-transfers | practitioners
# months: 24  # how long it lasts, when the page says
# format: []  # how it teaches: rotations, cohort, mentoring, apprenticeship
# places:  # where it runs, each - {city: London, country: GB} or - {remote: true}
# paid: true  # when the page says participants are paid
# skill_levels: {}  # where the page says how far it takes a listed skill: skill: 0 to 3
# windows:  # application windows with published dates, each - {start: YYYY-MM-DD, end: YYYY-MM-DD}
# not_placed_after: 2023  # when no page shows it running now: the last year one did
""")
    _, problems = validate_catalog(root)
    assert {problem.rule for problem in problems} <= {"placeholder", "required"}, [str(p) for p in problems]
