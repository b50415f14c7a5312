"""Reading metadata from pages we wrote: each fallback, schema.org courses and events, charsets,
and pages built to break a parser."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pmgenome.enrich.byline import clean_author
from pmgenome.enrich.extract import PageMeta, extract, parse_date
from pmgenome.enrich.schemaorg import Course, Event
from pmgenome.net.decoding import Decoded, Source, decode_html

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
TODAY = dt.date(2026, 11, 26)
URL = "https://example.org/posts/x"


def read(name: str, headers: dict[str, str] | None = None, today: dt.date = TODAY) -> PageMeta:
    return extract((PAGES / name).read_bytes(), headers or {}, URL, today=today)


def test_an_article_with_every_usual_tag():
    assert read("article.html") == PageMeta(
        title="Good Product Manager, Bad Product Manager",
        description="What separates a good product manager from a bad one, in one page.",
        author="Ada Lovelace, Grace Hopper",
        published="2012-06-15",
        site_name="The Example Review",
        language="en-GB",
        image="https://example.org/images/cover.png",
        word_count=27,  # the h1 and both paragraphs; not the nav, the script or the footer
        reading_minutes=1,
        encoding="utf-8",
    )


def test_broken_json_ld_is_repaired_and_gives_title_author_date_image_and_site():
    assert read("fallbacks-jsonld.html") == PageMeta(
        title="Roadmaps Are Not Promises",
        author="Marty Example",
        published="2021-03-04",
        site_name="Example Product Blog",
        image="https://cdn.example.org/roadmap.jpg",
        word_count=3,
        reading_minutes=1,
        encoding="utf-8",
    )


def test_title_loses_its_site_suffix_but_keeps_its_own_dashes_and_a_byline_names_the_author():
    # The meta author is a profile URL, not a name: the visible byline wins.
    assert read("fallbacks-title.html") == PageMeta(
        title="Discovery in Practice - Part 2",
        author="Jo Beispiel",
        published="2020-03-12",
        site_name="Example Product Blog",
        language="de",
        word_count=16,
        reading_minutes=1,
        encoding="utf-8",
    )


def test_a_page_with_only_an_h1_and_a_by_line():
    assert read("fallbacks-h1.html") == PageMeta(
        title="The Only Heading", author="Kim Writer", word_count=13, reading_minutes=1, encoding="utf-8")


def test_a_course_gives_provider_price_and_mode_from_its_instances():
    meta = read("course.html")
    assert meta.title == "Product Strategy"
    assert meta.course == Course(provider="Example Academy", price="499 USD", mode="hybrid")
    assert meta.event is None


def test_the_next_event_is_the_soonest_one_not_yet_past():
    meta = read("event.html")
    assert meta.title == "Product Tank Example City"  # several events: none of them titles the page
    assert meta.event == Event(start_date="2031-05-20T18:30:00+01:00", location="The Tech Hub, Leeds, GB",
                               organizer="Product Tank Leeds", online=False)


def test_an_event_in_a_virtual_location_is_online():
    assert read("event.html", today=dt.date(2031, 6, 1)).event == Event(
        start_date="2032-01-10", location="Online", organizer=None, online=True)


def test_when_every_event_is_past_the_latest_one_is_kept():
    assert read("event.html", today=dt.date(2033, 1, 1)).event.start_date == "2032-01-10"


def test_online_attendance_mode_and_several_organizers():
    assert read("online-event.html").event == Event(
        start_date="2031-02-03T17:00:00Z", location="Online", organizer="Sam Host, Alex Cohost", online=True)


def test_malformed_html_is_read_as_far_as_it_goes():
    # <title> is raw text in HTML, so "<b>" stays literal; javascript: images are refused.
    assert read("malformed.html") == PageMeta(title="Broken <b>page", word_count=3, reading_minutes=1,
                                              encoding="utf-8")


def test_reading_minutes_at_238_words_a_minute():
    body = "<title>t</title><article>" + "<p>" + "word " * 595 + "</p></article>"
    meta = extract(body.encode(), {}, URL, today=TODAY)
    assert (meta.word_count, meta.reading_minutes) == (595, 2)  # 2.5 minutes rounds to even


def test_image_is_resolved_against_base_href_and_only_http_kept():
    body = ('<base href="https://cdn.example.org/assets/"><meta property="og:image" content="data:image/png;base64,AA">'
            '<meta name="twitter:image" content="img/card.png">')
    assert extract(body.encode(), {}, URL, today=TODAY).image == "https://cdn.example.org/assets/img/card.png"


def test_a_date_in_the_future_is_not_a_publication_date():
    body = '<title>t</title><meta property="article:published_time" content="2031-01-01">'
    assert extract(body.encode(), {}, "https://example.org/x", today=TODAY).published is None


@pytest.mark.parametrize("text, day", [
    ("2020-01-23T10:00:00+01:00", dt.date(2020, 1, 23)),
    ("2020/1/3", dt.date(2020, 1, 3)),
    ("20200123", dt.date(2020, 1, 23)),
    ("Thu, 23 Jan 2020 10:00:00 GMT", dt.date(2020, 1, 23)),
    ("2020-02-30", None),
    ("1899-01-01", None),
    ("yesterday", None),
    ("", None),
])
def test_parse_date(text, day):
    assert parse_date(text, TODAY) == day


def test_double_escaped_entities_in_titles_are_undone():
    body = '<meta property="og:title" content="Australian &amp;#039;megablaze&amp;#039; contained">'
    assert extract(body.encode(), {}, URL, today=TODAY).title == "Australian 'megablaze' contained"


# -- charsets --------------------------------------------------------------------------------------

FRENCH = ("<html><head><title>Café – “quoted” façade</title></head><body><p>Le café est déjà prêt, dit-il à "
          "la serveuse; naïve élève, crème brûlée, où êtes-vous? Ça va très bien.</p></body></html>")
RUSSIAN = ("<html><head><title>Продакт-менеджмент для начинающих</title></head><body><p>Хороший менеджер "
           "продукта знает рынок, продукт и конкурентов. Плохой менеджер находит оправдания.</p></body></html>")


def test_windows_1252_bytes_without_any_declaration_are_detected():
    assert decode_html(FRENCH.encode("cp1252"), {}) == Decoded(FRENCH, "cp1252", Source.DETECTED)


def test_a_utf8_header_that_lies_falls_back_to_detection():
    headers = {"Content-Type": "text/html; charset=utf-8"}
    assert decode_html(FRENCH.encode("cp1252"), headers) == Decoded(FRENCH, "cp1252", Source.DETECTED)


def test_iso_8859_1_is_read_as_windows_1252_like_browsers_do():
    headers = {"content-type": "text/html; charset=ISO-8859-1"}
    assert decode_html(FRENCH.encode("cp1252"), headers) == Decoded(FRENCH, "cp1252", Source.HEADER)


def test_cyrillic_without_declaration_is_detected():
    assert decode_html(RUSSIAN.encode("cp1251"), {}) == Decoded(RUSSIAN, "cp1251", Source.DETECTED)


def test_the_header_wins_over_meta_and_meta_over_detection():
    body = '<meta charset="windows-1251"><title>Ça</title>'
    assert decode_html(body.encode("utf-8"), {"Content-Type": "text/html; charset=utf-8"}) == \
        Decoded(body, "utf-8", Source.HEADER)
    russian = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Ок</title>'
    assert decode_html(russian.encode("cp1251"), {}) == Decoded(russian, "cp1251", Source.META)


def test_a_bom_wins_over_everything():
    body = "<title>Ура</title>"
    encoded = codecs.BOM_UTF16_LE + body.encode("utf-16-le")
    assert decode_html(encoded, {"Content-Type": "text/html; charset=iso-8859-1"}) == \
        Decoded(body, "utf-16-le", Source.BOM)


def test_an_unknown_charset_label_is_ignored():
    body = "<title>Ça</title>"
    assert decode_html(body.encode(), {"Content-Type": "text/html; charset=x-nonsense"}) == \
        Decoded(body, "utf-8", Source.DETECTED)


def test_extraction_uses_the_decoded_text():
    meta = extract(FRENCH.encode("cp1252"), {}, URL, today=TODAY)
    assert (meta.title, meta.encoding) == ("Café – “quoted” façade", "cp1252")


# -- nothing crashes -------------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    b"",
    b"   \n",
    b"\x00\xff\xfe\x00binary",
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    b"<div>" * 100_000 + b"deep",
    b"<html><head><script type='application/ld+json'>" + b"[" * 50_000 + b"</script>",
    b"<?xml version='1.0' encoding='nonsense'?><html><title>x</title></html>",
])
def test_hostile_bodies_never_crash(body):
    assert isinstance(extract(body, {"Content-Type": "text/html"}, URL, today=TODAY), PageMeta)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000) | st.text(max_size=2000).map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_any_bytes_give_page_meta(body):
    assert isinstance(extract(body, {}, URL, today=TODAY), PageMeta)


# -- authors ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, name", [
    ("By Jane Doe", "Jane Doe"),
    ("Written by John Doe on 2020-01-01", "John Doe"),
    ("Recueilli par Patrick Angevin", "Patrick Angevin"),
    ("Interview: Julia Lauter", "Julia Lauter"),
    ("Redaktion, 24. Januar 2022", "Redaktion"),
    ("Julia Deutsch Alle Artikel", "Julia Deutsch"),
    ("Orhan Coskun and Suleiman Al-Khalidi", "Orhan Coskun and Suleiman Al-Khalidi"),
    ("John de Groot", "John de Groot"),
    ("Di Maio", "Di Maio"),
    ("Publiziert am", None),
    ("https://facebook.com/someone", None),
    ("admin", None),
    ("This is a whole sentence about the weather and not anybody's name at all", None),
])
def test_clean_author(raw, name):
    assert clean_author(raw) == name


@pytest.mark.parametrize("body, author", [
    ('<p>Text</p><a rel="author" href="/u/kim">Kim Lee</a>', "Kim Lee"),
    ('<div itemprop="author" itemscope><span itemprop="name">Ana Ruiz</span> · Editor</div>', "Ana Ruiz"),
    ('<div class="comment-author">A Commenter</div><span class="c-byline__name">Noor Haddad</span>',
     "Noor Haddad"),
    ("<article><p><span>By</span> <a href='/x'>Sam Ortiz</a></p><p>Body.</p></article>", "Sam Ortiz"),
    ("<article><!-- By Hidden Person --><p>Di Maio ha detto che...</p></article>", None),
])
def test_bylines_in_the_page_body(body, author):
    meta = extract(f"<title>t</title><body>{body}</body>".encode(), {}, URL, today=TODAY)
    assert meta.author == author


def _video_page(head: str) -> bytes:
    return f"<html><head><title>A talk</title>{head}</head><body><p>A talk about discovery.</p></body></html>".encode()


@pytest.mark.parametrize(("head", "minutes"), [
    # JSON-LD's ISO 8601 duration, rounded to whole minutes.
    ('<script type="application/ld+json">{"@type": "VideoObject", "name": "A talk", "duration": "PT38M40S"}'
     "</script>", 39),
    # Open Graph's og:video:duration is whole seconds.
    ('<meta property="og:video:duration" content="2280">', 38),
    # JSON-LD first, when both say.
    ('<meta property="og:video:duration" content="60"><script type="application/ld+json">'
     '{"@type": "VideoObject", "name": "A talk", "duration": "PT1H5M"}</script>', 65),
    # Not a length: none rather than a guess.
    ('<meta property="og:video:duration" content="38 min">', None),
    ('<meta property="og:video:duration" content="5">', None),
    ("", None),
])
def test_a_page_states_its_running_time(head: str, minutes: int | None) -> None:
    assert extract(_video_page(head), {}, URL, today=TODAY).stated_minutes == minutes
