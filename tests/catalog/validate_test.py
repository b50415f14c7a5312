"""One test per rule: a bad file, and the exact message at the exact place."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from pmgenome.catalog import yamlload
from pmgenome.catalog.validate import validate_catalog
from yaml.nodes import Node

from tests.support.catalogs import OUTCOMES, VALID_ARTICLE, CatalogDir

ARTICLE = "catalog/articles/good-pm.yaml"


def problems_of(catalog_dir: CatalogDir) -> list[str]:
    _, problems = validate_catalog(catalog_dir.root)
    return [str(problem) for problem in problems]


def with_line(line_no: int, replacement: str) -> str:
    """The valid article with one line (1-based) replaced; '' removes it."""
    lines = VALID_ARTICLE.splitlines(keepends=True)
    lines[line_no - 1] = replacement + ("\n" if replacement else "")
    return "".join(lines)


def test_valid_article_has_no_problems(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE)
    assert problems_of(catalog_dir) == []


@pytest.mark.parametrize(
    ("line_no", "replacement", "expected"),
    [
        (2, "titel: Good Product Manager", [
            f"{ARTICLE}:2:1: missing required field 'title'",
            f"{ARTICLE}:2:1: unknown field 'titel' for an article (did you mean 'title'?)"]),
        (2, "title: 42", [f"{ARTICLE}:2:8: 'title' must be text, not 42; put it in quotes"]),
        (2, "title:", [f"{ARTICLE}:2:7: 'title' is empty; fill it in"]),
        (13, "author:", [f"{ARTICLE}:13:8: 'author' is empty; fill it in or remove the line"]),
        (2, "title: Read <b>this</b>", [f"{ARTICLE}:2:8: 'title' contains HTML (<b>); write plain text"]),
        (2, "title: Pricing &amp; packaging",
         [f"{ARTICLE}:2:8: 'title' contains an HTML entity (&amp;); write the character itself"]),
        (2, "title: See [the post](https://example.com)",
         [f"{ARTICLE}:2:8: 'title' contains a Markdown link ([the post](https://example.com)); write plain text"]),
        (2, "title: TODO the real title", [f"{ARTICLE}:2:8: 'title' still holds a placeholder: "
                                           "replace it with your own words"]),
        (3, "url: ftp://a16z.com/memo", [f"{ARTICLE}:3:6: URL must be absolute and start with https:// or http://"]),
        (3, "url: /good-product-manager", [f"{ARTICLE}:3:6: URL must be absolute and start with https:// or http://"]),
        (3, "url: https://user:secret@a16z.com/memo", [f"{ARTICLE}:3:6: URL must not carry credentials (user:password@)"]),
        (3, "url: https://localhost/memo", [f"{ARTICLE}:3:6: URL host 'localhost' is not a public domain name"]),
        (7, "segments: [b2b, desing]", [f"{ARTICLE}:7:17: 'desing' is not a segment in catalog/taxonomy.yaml "
                                        "(did you mean 'design'?); choose from b2b, b2c, technical, design"]),
        (7, "segments: []", [f"{ARTICLE}:7:11: 'segments' needs at least one segment; "
                             "choose from b2b, b2c, technical, design"]),
        (7, "segments: b2b", [f"{ARTICLE}:7:11: 'segments' must be a list, like [b2b, design]"]),
        (7, "segments: [b2b, b2b]", [f"{ARTICLE}:7:17: 'segments' lists 'b2b' twice"]),
        (8, "skills: [Strategy]", [f"{ARTICLE}:8:10: 'Strategy' is not a skill in catalog/taxonomy.yaml "
                                   "(did you mean 'strategy'?); choose from strategy, discovery, prioritization, "
                                   "execution, metrics, communication, leadership, go-to-market, pricing, growth, "
                                   "experimentation, technical-fluency, data-and-ai, ux-design, user-research"]),
        (8, "skills: []", [f"{ARTICLE}:8:9: 'skills' needs at least one skill; choose from strategy, discovery, "
                           "prioritization, execution, metrics, communication, leadership, go-to-market, pricing, "
                           "growth, experimentation, technical-fluency, data-and-ai, ux-design, user-research"]),
        (9, "levels: [senior]", [f"{ARTICLE}:9:10: 'senior' is not a level in catalog/taxonomy.yaml; "
                                 "choose from aspiring, new, experienced, leader"]),
        (10, "access: gratis", [f"{ARTICLE}:10:9: 'gratis' is not a valid access; "
                                "choose from free, signup, freemium, paywalled, paid"]),
        (10, "", [f"{ARTICLE}:2:1: missing required field 'access'"]),
        (14, "reviewed: 2999-01-01", [f"{ARTICLE}:14:11: 'reviewed' is in the future (2999-01-01)"]),
        (14, "", [f"{ARTICLE}:2:1: missing required field 'reviewed'"]),
        (11, "language: English", [f"{ARTICLE}:11:11: 'English' is not a language tag; "
                                   "write a BCP 47 tag like en, de or pt-BR"]),
        (12, "added: 2026-02-30", [f"{ARTICLE}:12:8: impossible date 2026-02-30 (use a real day, YYYY-MM-DD)"]),
        (12, "added: last week", [f"{ARTICLE}:12:8: 'added' must be a date written YYYY-MM-DD, like 2026-11-26"]),
        (12, "added: 2999-01-01", [f"{ARTICLE}:12:8: 'added' is in the future (2999-01-01)"]),
        (12, "", [f"{ARTICLE}:2:1: missing required field 'added'"]),
        (13, "author: Ben Horowitz\nauthor: Someone Else",
         [f"{ARTICLE}:14:1: duplicate key 'author' (first written at line 13); keep only one"]),
        (13, "author: &who Ben\npublication: *who",
         [f"{ARTICLE}:13:9: anchors and aliases (&name, *name) are not allowed; write the value out where it is used"]),
        (13, "author: !!python/object/apply:os.system [echo hi]",
         [f"{ARTICLE}:13:9: YAML tag !!python/object/apply:os.system is not allowed"]),
        (13, "author: [unclosed", [f"{ARTICLE}:14:9: YAML syntax error: did not find expected ',' or ']' "
                                   "(the flow sequence started at line 13); close the list with ] and separate "
                                   "its items with commas"]),
        (1, "# a comment", [f"{ARTICLE}:1:1: the first line must be '# yaml-language-server: "
                            "$schema=../../scripts/pmgenome/schema/article.schema.json' so editors can check "
                            "the fields as you type"]),
    ],
)
def test_rule(catalog_dir: CatalogDir, line_no: int, replacement: str, expected: list[str]) -> None:
    catalog_dir.write("articles/good-pm.yaml", with_line(line_no, replacement))
    assert problems_of(catalog_dir) == expected


def test_summary_length_bounds(catalog_dir: CatalogDir) -> None:
    short = with_line(4, "summary: Too short to help anyone.").replace(
        "  A short classic memo that contrasts the habits of strong and weak product\n"
        "  managers, useful as a checklist for anyone new to the role.\n", "")
    catalog_dir.write("articles/good-pm.yaml", short)
    assert problems_of(catalog_dir) == [
        f"{ARTICLE}:4:10: summary is 25 characters; write at least 80: what it is, what a reader gets "
        "from it, who it suits"]
    long_text = "word " * 130
    catalog_dir.write("articles/good-pm.yaml", short.replace("Too short to help anyone.", long_text.strip()))
    assert problems_of(catalog_dir) == [f"{ARTICLE}:4:10: summary is 649 characters; keep it to 600"]


def test_yaml_11_traps_keep_what_the_author_wrote(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("meetups/oslo-pm.yaml", """\
        # yaml-language-server: $schema=../../scripts/pmgenome/schema/meetup.schema.json
        title: Oslo product evenings
        url: https://example.org/oslo
        summary: >-
          A made-up meetup used to check that Norway's country code stays the text NO and
          that yes or no never silently become booleans.
        segments: [b2b]
        country: NO
        city: Oslo
        online: no
        cadence: monthly
        access: free
        added: 2026-11-01
        reviewed: 2026-11-02
        """)
    assert problems_of(catalog_dir) == [
        "catalog/meetups/oslo-pm.yaml:10:9: 'online' must be true or false, not 'no'"]


def test_in_person_meetup_needs_city_and_country(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("meetups/somewhere.yaml", """\
        # yaml-language-server: $schema=../../scripts/pmgenome/schema/meetup.schema.json
        title: Somewhere product night
        url: https://example.org/somewhere
        summary: >-
          A made-up in-person meetup without a city or a country, which the validator has to
          refuse because readers could not tell where it meets.
        segments: [b2c]
        online: false
        country: UK
        cadence: monthly
        access: free
        added: 2026-11-01
        reviewed: 2026-11-02
        """)
    assert problems_of(catalog_dir) == [
        "catalog/meetups/somewhere.yaml:2:1: an in-person meetup (online: false) needs 'city'; "
        "add it, or set online: true",
        "catalog/meetups/somewhere.yaml:9:10: 'UK' is not an ISO 3166-1 alpha-2 country code "
        "(did you mean 'GB'?); write two capital letters, like GB",
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "catalog/articles/x.yaml:1:1: file is empty"),
        (b"# only a comment\n", "catalog/articles/x.yaml:1:1: file is empty"),
        (b"- a\n- b\n", "catalog/articles/x.yaml:1:1: an entry must be a mapping of fields (name: value)"),
        (b"title: a\n---\ntitle: b\n",
         "catalog/articles/x.yaml:2:1: file holds more than one YAML document (remove the second '---')"),
        (b"title: caf\xe9\n", "catalog/articles/x.yaml:1:11: file is not valid UTF-8 (byte 0xe9); save it as UTF-8"),
        (b"a: 1\n" * 60_000, "catalog/articles/x.yaml:1:1: file is 300,000 bytes; the limit is 262,144"),
    ],
)
def test_unusable_files(catalog_dir: CatalogDir, content: bytes, expected: str) -> None:
    catalog_dir.write("articles/x.yaml", content)
    assert problems_of(catalog_dir)[0] == expected


def test_bom_and_crlf_are_accepted(catalog_dir: CatalogDir) -> None:
    data = b"\xef\xbb\xbf" + VALID_ARTICLE.replace("\n", "\r\n").encode()
    catalog_dir.write("articles/good-pm.yaml", data)
    assert problems_of(catalog_dir) == []


def test_alias_bomb_is_refused_quickly(catalog_dir: CatalogDir, monkeypatch: pytest.MonkeyPatch) -> None:
    # Nine levels of nine aliases: expanded, 387 million values. Counted, not timed: a walk of the
    # file (the validator may make more than one) visits each node or alias written in it at most
    # once, 100 here, however often a node is aliased.
    visits: Counter[int] = Counter()  # walks of the bomb (the other catalog files aside) -> calls
    build = yamlload._Walker.build

    def counted(walker: yamlload._Walker, node: Node) -> Any:
        if walker.text.startswith("a: &a"):
            visits[id(walker)] += 1
        return build(walker, node)

    monkeypatch.setattr(yamlload._Walker, "build", counted)
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    catalog_dir.write("articles/bomb.yaml", "\n".join(lines) + "\n")
    problems = problems_of(catalog_dir)
    assert visits and max(visits.values()) <= 100
    assert ("catalog/articles/bomb.yaml:1:4: anchors and aliases (&name, *name) are not allowed; "
            "write the value out where it is used") in problems


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("articles/Good_PM.yaml", "catalog/articles/Good_PM.yaml:1:1: file name 'Good_PM.yaml' is not a valid id: "
         "use lowercase letters, digits and single hyphens, like 'good-pm-bad-pm.yaml'"),
        ("articles/good-pm.yml", "catalog/articles/good-pm.yml:1:1: rename to good-pm.yaml: entries use the "
         ".yaml extension"),
        ("blog/good-pm.yaml", "catalog/blog/good-pm.yaml:1:1: entries go directly in a kind folder: articles/, "
         "books/, courses/, podcasts/, newsletters/, videos/, meetups/ or programs/"),
    ],
)
def test_file_names_and_places(catalog_dir: CatalogDir, relative: str, expected: str) -> None:
    catalog_dir.write(relative, VALID_ARTICLE)
    assert problems_of(catalog_dir) == [expected]


@pytest.mark.parametrize(
    "url",
    [
        "http://www.a16z.com/good-product-manager-bad-product-manager",
        "https://A16Z.com:443/good-product-manager-bad-product-manager/#top",
    ],
)
def test_same_page_twice_is_refused(catalog_dir: CatalogDir, url: str) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE)
    catalog_dir.write("articles/good-pm-again.yaml", VALID_ARTICLE.replace(
        "https://a16z.com/good-product-manager-bad-product-manager/", url).replace("2026-11-01", "2026-11-02"))
    assert problems_of(catalog_dir) == [
        "catalog/articles/good-pm-again.yaml:3:6: same page as catalog/articles/good-pm.yaml "
        "(https://a16z.com/good-product-manager-bad-product-manager/); one entry per resource"]


def test_tracking_parameters_are_refused_with_the_clean_url(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE)
    catalog_dir.write("articles/good-pm-again.yaml", VALID_ARTICLE.replace(
        "https://a16z.com/good-product-manager-bad-product-manager/",
        "https://a16z.com/good-product-manager-bad-product-manager/?utm_source=news&utm_medium=email&fbclid=1"
    ).replace("2026-11-01", "2026-11-02"))
    catalog_dir.write("articles/other.yaml", VALID_ARTICLE.replace(
        "https://a16z.com/good-product-manager-bad-product-manager/",
        "https://example.org/post?id=7&gclid=abc&UTM_Campaign=x#part-2"))
    assert problems_of(catalog_dir) == [
        "catalog/articles/good-pm-again.yaml:3:6: URL carries tracking parameters (utm_source, utm_medium, fbclid); "
        "write it without them: https://a16z.com/good-product-manager-bad-product-manager/",
        "catalog/articles/good-pm-again.yaml:3:6: same page as catalog/articles/good-pm.yaml "
        "(https://a16z.com/good-product-manager-bad-product-manager/); one entry per resource",
        "catalog/articles/other.yaml:3:6: URL carries tracking parameters (gclid, UTM_Campaign); write it without "
        "them: https://example.org/post?id=7#part-2",
    ]


def test_same_id_in_two_kinds(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE)
    catalog_dir.write("courses/good-pm.yaml", VALID_ARTICLE.replace("article.schema", "course.schema").replace(
        "author: Ben Horowitz\n", "").replace("a16z.com/good", "example.org/good"))
    assert problems_of(catalog_dir) == [
        "catalog/courses/good-pm.yaml:1:1: id 'good-pm' is already used by catalog/articles/good-pm.yaml; "
        "ids are unique across kinds"]


def test_a_pick_says_what_it_teaches_and_is_picked_in_at_most_two_segments(catalog_dir: CatalogDir) -> None:
    # Issue 26 and 19: a top five is a choice, and a pick says what the reader can do after it.
    wide = (VALID_ARTICLE + OUTCOMES).replace("segments: [b2b, technical]", "segments: [b2b, b2c, technical]")
    catalog_dir.write("articles/wide.yaml", wide)
    bare = wide.replace("a16z.com/good", "example.org/good").split("outcomes:")[0]
    catalog_dir.write("articles/bare.yaml", bare)
    catalog_dir.write("picks.yaml", """\
        b2b:
          article:
            - {id: wide, why: One.}
            - {id: bare, why: Two.}
        b2c:
          article:
            - {id: wide, why: One.}
        technical:
          article:
            - {id: wide, why: Three.}
        """)
    assert problems_of(catalog_dir) == [
        "catalog/picks.yaml:4:7: pick 'bare' says nothing of what it teaches: add 'outcomes:' (one to three lines) "
        "to catalog/articles/bare.yaml",
        "catalog/picks.yaml:10:7: 'wide' is already an article pick in b2b and b2c; a resource is a pick of its kind "
        "in at most 2 segments, so that each top five is a choice",
    ]


def test_picks_rules(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE + OUTCOMES)
    for n in range(6):
        catalog_dir.write(f"articles/extra-{n}.yaml", (VALID_ARTICLE + OUTCOMES).replace(
            "a16z.com/good-product-manager-bad-product-manager/", f"example.org/{n}"))
    catalog_dir.write("meetups/pt.yaml", """\
        # yaml-language-server: $schema=../../scripts/pmgenome/schema/meetup.schema.json
        title: An online product community
        url: https://example.org/community
        summary: >-
          A made-up online community that exists in this test only, so that picks can name a
          meetup under the wrong kind and be told so.
        segments: [b2b]
        online: true
        cadence: ongoing
        access: free
        added: 2026-11-01
        reviewed: 2026-11-02
        """)
    catalog_dir.write("picks.yaml", """\
        b2b:
          article:
            - {id: good-pm, why: The original.}
            - {id: good-pn, why: A typo.}
            - {id: pt, why: Wrong kind.}
            - {id: good-pm, why: Twice.}
            - {id: extra-0, why: Fine.}
            - {id: extra-1}
            - {id: extra-2, why: "<b>bold</b>"}
        design:
          article:
            - {id: extra-3, why: Not tagged.}
        b2q:
          course: []
        technical:
          webinar: [{id: good-pm, why: Not a kind.}]
        b2c:
          article: [good-pm, {id: extra-1, note: x, why: y}]
        """)
    assert problems_of(catalog_dir) == [
        "catalog/picks.yaml:4:7: no entry with id 'good-pn' (did you mean 'good-pm'?)",
        "catalog/picks.yaml:5:7: 'pt' is a meetup, not an article; list it under meetup",
        "catalog/picks.yaml:6:7: 'good-pm' is picked twice here",
        "catalog/picks.yaml:8:7: at most 5 picks per segment and kind; b2b/article lists 7",
        "catalog/picks.yaml:8:7: pick 'extra-1' needs a 'why': one line on why it is in the top five, in your "
        "own words",
        "catalog/picks.yaml:9:21: 'why' of 'extra-2' contains HTML (<b>); write plain text",
        "catalog/picks.yaml:12:7: 'extra-3' is not tagged with segment 'design' (its segments: b2b, technical)",
        "catalog/picks.yaml:13:1: unknown segment 'b2q' (did you mean 'b2c'?); choose from b2b, b2c, technical, design",
        "catalog/picks.yaml:16:3: unknown kind 'webinar'; use one of article, book, course, podcast, "
        "newsletter, video, meetup, program",
        "catalog/picks.yaml:18:13: each pick is a mapping with 'id' (an entry id) and 'why' (one line on why it is "
        "here)",
        "catalog/picks.yaml:18:36: unknown field 'note' in a pick; each pick is a mapping with 'id' (an entry id) "
        "and 'why' (one line on why it is here)",
    ]


def test_every_problem_in_every_file_in_one_run(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("articles/one.yaml", with_line(10, "access: gratis"))
    catalog_dir.write("articles/two.yaml", with_line(9, "levels: [senior]").replace(
        "a16z.com/good", "example.org/good"))
    catalog_dir.write("courses/three.yaml", "title: [\n")
    found = problems_of(catalog_dir)
    assert [line.split(":")[0] for line in found] == [
        "catalog/articles/one.yaml", "catalog/articles/two.yaml", "catalog/courses/three.yaml"]


def test_taxonomy_problems_are_located(catalog_dir: CatalogDir) -> None:
    text = (catalog_dir.root / "taxonomy.yaml").read_text()
    text = text.replace("    scope: general\n", "    scope: broad\n", 1).replace("  - id: b2c\n", "  - id: B2C\n")
    catalog_dir.write("taxonomy.yaml", text)
    found = problems_of(catalog_dir)
    lines = text.splitlines()
    b2c, broad = lines.index("  - id: B2C") + 1, lines.index("    scope: broad") + 1
    assert f"catalog/taxonomy.yaml:{b2c}:9: term id must be lowercase letters, digits and hyphens" in found
    assert f"catalog/taxonomy.yaml:{broad}:12: skill 'strategy' needs scope: general or flavour" in found


def test_background_gaps_must_be_general_skills(catalog_dir: CatalogDir) -> None:
    text = (catalog_dir.root / "taxonomy.yaml").read_text()
    text = text.replace("gaps: [discovery, communication, strategy]", "gaps: [discovery, ux-design, stratgy]")
    catalog_dir.write("taxonomy.yaml", text)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "ux-design, stratgy" in row)
    assert problems_of(catalog_dir) == [
        f"catalog/taxonomy.yaml:{line}:23: 'ux-design' is not a general skill; gaps name general skills",
        f"catalog/taxonomy.yaml:{line}:34: 'stratgy' is not a general skill (did you mean 'strategy'?); "
        "gaps name general skills",
    ]


def test_c1_control_characters_are_refused_in_text(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace(
        "author: Ben Horowitz", 'author: "Ben \\u009b31mHorowitz"'))
    assert problems_of(catalog_dir) == [
        f"{ARTICLE}:13:9: 'author' contains a control character (U+009B); remove it"]
