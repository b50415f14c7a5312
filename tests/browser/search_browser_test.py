"""The header's search box over the Pagefind index, in Chromium against the built fixture site.

Every request leaves for loopback only (conftest.py aborts and records any other), so these
tests also hold that search works from the built folder with no network.
"""

from __future__ import annotations

from urllib.parse import urlsplit

RESULTS = ".md-search-result__list > li.md-search-result__item"


def type_query(page, words: str) -> None:
    """Focus the box with the '/' shortcut and type as a person would."""
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "query"
    page.keyboard.type(words, delay=20)


def status(page) -> str:
    return page.locator(".md-search-result__meta").inner_text()


def titles(page) -> list[str]:
    return page.locator(f"{RESULTS} .pmg-search__title").all_inner_texts()


def test_a_summary_word_finds_and_opens_the_resource_with_the_word_marked(page, base_url: str) -> None:
    page.goto(base_url)
    type_query(page, "quokka")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent === '1 matching document'")
    result = page.locator(RESULTS).first
    assert result.locator(".pmg-search__title").inner_text() == "First B2B Pick"
    assert result.locator(".pmg-badge").all_inner_texts() == ["Article", "New PM", "7 min"]  # its length, as on its card
    assert result.locator("mark").all_inner_texts() == ["quokka."]
    result.locator("a").click()
    page.wait_for_url(f"{base_url}resources/b2b-pick-one/?h=quokka")
    assert page.locator("article h1").inner_text().rstrip("¶") == "First B2B Pick"
    page.wait_for_selector("article mark")
    assert page.locator("article mark").all_inner_texts() == ["quokka"]
    assert page.evaluate("document.getElementById('__search').checked") is False


def test_a_title_match_ranks_above_a_summary_match(page, base_url: str) -> None:
    page.goto(base_url)
    type_query(page, "cohort")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent === '3 matching documents'")
    # The course named for it, then the course whose summary says it, then the API page's text.
    assert titles(page) == ["Design Cohort Course", "Design Course Pick", "API"]


def test_a_filter_narrows_the_results(page, base_url: str) -> None:
    page.goto(base_url)
    type_query(page, "fixture")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent === '20 matching documents'")
    filters = page.locator(".pmg-search__filters")
    filters.locator("label").nth(3).wait_for()  # built once the first results are on screen
    assert [name.split("\n")[0] for name in filters.locator("label").all_inner_texts()] == [
        "Kind", "Segment", "Level", "Access"]
    assert filters.locator("select[name=kind] option").all_inner_texts() == [
        "Any", "Article", "Book", "Course", "Meetup", "Newsletter", "Podcast", "Video"]
    filters.locator("select[name=kind]").select_option("Course")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent === '3 matching documents'")
    assert sorted(titles(page)) == ["Design Cohort Course", "Design Course Pick", "Technical Course"]
    kinds = page.locator(f"{RESULTS} .pmg-badge--kind").all_inner_texts()
    assert kinds == ["Course", "Course", "Course"]
    filters.locator("select[name=segment]").select_option("Design-led")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent === '2 matching documents'")
    assert sorted(titles(page)) == ["Design Cohort Course", "Design Course Pick"]


def test_the_filters_appear_for_a_reader_who_opens_search_without_typing(page, base_url: str) -> None:
    page.goto(base_url)
    page.locator("input.md-search__input").click()
    filters = page.locator(".pmg-search__filters")
    filters.locator("select[name=access]").wait_for(timeout=10_000)
    filters.locator("select[name=access]").select_option("Paid")
    page.wait_for_function("/matching document/.test(document.querySelector('.md-search-result__meta').textContent)")
    assert titles(page)  # a filter alone lists what it keeps


def test_search_works_by_keyboard_only(page, base_url: str) -> None:
    page.goto(f"{base_url}about/")
    type_query(page, "wombat")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent === '1 matching document'")
    assert page.evaluate("document.getElementById('__search').checked") is True
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent").startswith("Pricing & <Packaging>")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.name") == "query"
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False
    assert page.evaluate("document.activeElement.name") is None
    page.keyboard.press("/")
    page.keyboard.press("Enter")  # the first result of what the box still holds
    page.wait_for_url(f"{base_url}resources/pricing-packaging/?h=wombat")


def test_search_shows_hostile_titles_and_summaries_as_text(page, base_url: str) -> None:
    page.goto(base_url)
    type_query(page, "harmless")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent === '1 matching document'")
    result = page.locator(RESULTS).first
    assert result.locator(".pmg-search__title").inner_text() == (
        "</title><details open ontoggle=alert(document.domain)>Closing tags")
    assert page.locator("details").count() == 0
    result.locator("a").click()
    page.wait_for_url(f"{base_url}resources/closing-tags/?h=harmless")
    assert page.title() == "</title><details open ontoggle=alert(document.domain)>Closing tags - PM Genome"
    assert page.locator("details").count() == 0
    page.goto(base_url)
    type_query(page, "tiers")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent === '1 matching document'")
    excerpt = page.locator(f"{RESULTS} .pmg-search__excerpt").first
    assert "<Tiers>" in excerpt.inner_text()
    assert excerpt.locator("tiers").count() == 0
    assert excerpt.evaluate("p => Array.from(p.children).map(child => child.tagName)") == ["MARK"]


def test_search_loads_nothing_until_used_and_then_only_the_index(page, base_url: str) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(urlsplit(request.url).path))
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    assert [path for path in asked if "pagefind" in path or path.endswith(".json")] == []
    type_query(page, "quokka")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent === '1 matching document'")
    fetched = [path for path in asked if "pagefind" in path]
    assert fetched and all(path.startswith("/pagefind/") for path in fetched)
    assert not any(path.endswith("search_index.json") for path in asked)


def test_search_after_instant_navigation_highlights_the_new_page(page, base_url: str) -> None:
    page.goto(f"{base_url}explore/")
    page.wait_for_selector("#pmg-explore[data-loaded=true]")
    type_query(page, "wombat")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent === '1 matching document'")
    page.locator(f"{RESULTS} a").first.click()
    page.wait_for_url(f"{base_url}resources/pricing-packaging/?h=wombat")
    page.wait_for_selector("article mark")
    assert page.locator("article mark").all_inner_texts() == ["wombat"]


def test_show_more_by_keyboard_keeps_the_focus_in_the_results(page, base_url: str) -> None:
    page.goto(f"{base_url}about/")
    type_query(page, "fixture")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent === '20 matching documents'")
    assert page.locator(RESULTS).count() == 10
    more = page.get_by_role("button", name="Show more results")
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll({RESULTS!r}).length === 20")
    assert page.evaluate("document.activeElement.matches('a.md-search-result__link')") is True
    assert page.evaluate("document.activeElement.textContent") == page.locator(RESULTS).nth(10).text_content()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == page.locator(RESULTS).nth(11).text_content()
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False


def test_the_page_marks_words_that_start_with_the_query_not_letters_inside_words(page, base_url: str) -> None:
    page.goto(f"{base_url}resources/b2b-pick-one/?h=uokka+ness")
    page.wait_for_selector("article[data-pmg-highlighted]", state="attached")
    assert page.locator("article mark").count() == 0
    page.goto(f"{base_url}resources/b2b-pick-one/?h=busi+sell")
    page.wait_for_selector("article mark")
    marked = page.eval_on_selector_all("article mark", "marks => marks.map(m => m.textContent + m.nextSibling.textContent)")
    assert marked == ["selling software to ", "businesses, written so the search test has a rare word to look for: "
                      "quokka. It suits new product managers in ", "business-to-", "business companies."]


def settled(page, query: str) -> None:
    """Wait until the box has shown everything it will for `query` (pages holding some words too)."""
    page.wait_for_function("q => document.querySelector('.md-search-result__list').dataset.query === q", arg=query)


def test_when_no_page_holds_every_word_the_pages_holding_most_show_with_explore_filters(page, base_url: str) -> None:
    page.goto(base_url)
    type_query(page, "quokka b2b podcasts")
    settled(page, "quokka b2b podcasts")
    assert status(page).startswith("No page holds every word; ")
    assert status(page).endswith(" pages hold some of them, most words first")
    assert titles(page)[0] == "First B2B Pick"  # the one page holding two of the three words
    hint = page.locator(".pmg-search__hint")
    hint.locator("a").first.wait_for()
    assert hint.inner_text() == "Explore by segment: B2B, kind: Podcasts, or all of these"
    assert hint.locator("a").evaluate_all("links => links.map(link => link.getAttribute('href'))") == [
        f"{base_url}explore/?segment=b2b", f"{base_url}explore/?kind=podcast",
        f"{base_url}explore/?segment=b2b&kind=podcast"]
    hint.locator("a").last.click()
    page.wait_for_url(f"{base_url}explore/?segment=b2b&kind=podcast")


def test_pages_holding_every_word_come_before_those_holding_some(page, base_url: str) -> None:
    page.goto(base_url)
    type_query(page, "cohort course")
    settled(page, "cohort course")
    assert status(page) == "3 pages hold every word; 5 more hold some of them, most words first"
    assert page.locator(".pmg-search__hint").is_hidden()


def test_a_query_that_finds_nothing_suggests_the_nearest_known_term(page, base_url: str) -> None:
    page.goto(base_url)
    type_query(page, "pricng")
    settled(page, "pricng")
    assert status(page) == "No matching documents"
    hint = page.locator(".pmg-search__hint")
    hint.locator("button").wait_for()
    assert hint.inner_text() == "Did you mean Pricing?"
    hint.locator("button").click()
    assert page.locator("input.md-search__input").input_value() == "Pricing"
    settled(page, "Pricing")
    assert "Pricing & <Packaging>" in titles(page)
    assert page.locator(".pmg-search__hint").is_hidden()
