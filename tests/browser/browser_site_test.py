"""The built site in a real browser: Debian's Chromium, headless, driven by Playwright.

The site is the fixture catalog's, built by the real `mkdocs build` and served on loopback
(fixtures in conftest.py). Every request that is not for a loopback address is aborted and recorded,
so a page that reaches for the network fails its test instead of touching it.
"""

from __future__ import annotations


def listed(page) -> list[str]:
    page.wait_for_selector("#pmg-explore[data-loaded=true]")
    return page.eval_on_selector_all("#pmg-results > li[data-entry-id]", "items => items.map(i => i.dataset.entryId)")


def explore_status(page) -> str:
    return page.locator(".pmg-status").inner_text()


def test_explore_applies_filters_from_the_query_string(page, base_url: str) -> None:
    page.goto(f"{base_url}explore/?kind=course&segment=design")
    assert listed(page) == ["design-course-cohort", "design-course-pick"]
    assert explore_status(page) == "2 of 21 resources"
    assert page.is_checked("input[name=kind][value=course]")
    assert page.is_checked("input[name=segment][value=design]")
    assert not page.is_checked("input[name=kind][value=article]")
    card = page.locator("#pmg-results > li[data-entry-id=design-course-cohort]")
    assert card.locator(".pmg-badge").all_inner_texts() == ["Course", "Paid", "In person", "Experienced PM"]
    card.locator("a").click()
    page.wait_for_url(f"{base_url}resources/design-course-cohort/")


def test_explore_filters_by_clicking_and_keeps_them_in_the_address(page, base_url: str) -> None:
    page.goto(f"{base_url}explore/")
    assert len(listed(page)) == 21
    assert explore_status(page) == "All 21 resources"
    page.get_by_label("Meetups and communities").check()
    assert listed(page) == ["berlin-pm-meetup", "london-pm-meetup", "manchester-pm-meetup", "online-pm-community"]
    page.locator("fieldset[data-facet=place] label", has_text="United Kingdom").click()
    assert listed(page) == ["london-pm-meetup", "manchester-pm-meetup"]
    assert page.url == f"{base_url}explore/?kind=meetup&place=GB"
    counts = page.locator("fieldset[data-facet=place] .pmg-count").all_inner_texts()
    assert counts == ["1", "1", "2"]  # online, DE, GB: what each would add to the other filters
    page.locator("fieldset[data-facet=place] label", has_text="Online").click()
    assert listed(page) == ["london-pm-meetup", "manchester-pm-meetup", "online-pm-community"]
    assert page.url == f"{base_url}explore/?kind=meetup&place=online&place=GB"
    page.get_by_role("button", name="Clear filters").click()
    page.wait_for_url(f"{base_url}explore/")
    assert len(listed(page)) == 21


def test_explore_filters_by_time_and_keeps_it_in_the_address(page, base_url: str) -> None:
    page.goto(f"{base_url}explore/?time=hour")
    assert listed(page) == ["fixture-video"]  # 38 minutes, as its provider states
    assert page.is_checked("input[name=time][value=hour]")
    page.locator("fieldset[data-facet=time] label", has_text="Up to 15 minutes").click()
    assert "b2b-pick-one" in listed(page) and "fixture-video" in listed(page)  # 7 minutes, counted
    assert page.url == f"{base_url}explore/?time=quarter-hour&time=hour"
    page.locator("fieldset[data-facet=time] label", has_text="Up to 15 minutes").click()
    page.locator("fieldset[data-facet=time] label", has_text="Up to an hour").click()
    page.locator("fieldset[data-facet=time] label", has_text="Longer").click()
    assert listed(page) == ["design-course-pick"]  # 20 hours, estimated
    assert page.url == f"{base_url}explore/?time=longer"


def test_explore_works_by_keyboard(page, base_url: str) -> None:
    page.goto(f"{base_url}explore/?kind=article")
    assert len(listed(page)) == 10
    page.locator("input[name=access][value=paid]").focus()
    page.keyboard.press("Space")
    assert listed(page) == ["b2b-pick-two"]
    page.keyboard.press("Shift+Tab")  # back to "Paywalled"
    page.keyboard.press("Space")
    assert listed(page) == ["b2b-pick-two", "b2b-tie-beta"]
    assert page.url == f"{base_url}explore/?kind=article&access=paywalled&access=paid"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # from "Paid" to the first format, "Online"
    assert page.evaluate("document.activeElement.name + '=' + document.activeElement.value") == "format=online"


def test_explore_shows_hostile_text_as_text(page, base_url: str) -> None:
    page.goto(f"{base_url}explore/?segment=b2c&kind=article")
    assert listed(page) == ["b2b-broad-newest", "pricing-packaging", "b2b-pick-two"]
    card = page.locator("#pmg-results > li[data-entry-id=pricing-packaging]")
    assert card.locator(".pmg-card__title").inner_text() == "Pricing & <Packaging>"
    assert card.locator("packaging, tiers").count() == 0


def test_explore_after_instant_navigation(page, base_url: str) -> None:
    page.goto(base_url)
    page.locator("nav.md-nav--primary a.md-nav__link", has_text="Explore").first.click()
    page.wait_for_url(f"{base_url}explore/")
    assert len(listed(page)) == 21
    page.get_by_label("Courses").check()
    assert listed(page) == ["design-course-cohort", "design-course-pick", "technical-course"]


def test_segment_page_shows_the_picks_in_order(page, base_url: str) -> None:
    page.goto(f"{base_url}segments/b2b/")
    top = page.locator("ol.pmg-top[data-kind=article] > li")
    assert top.evaluate_all("items => items.map(i => [i.dataset.entryId, i.dataset.pick])") == [
        ["b2b-pick-one", "true"], ["b2b-pick-two", "true"], ["b2b-focused-new", "false"],
        ["b2b-tie-alpha", "false"], ["b2b-tie-beta", "false"],
    ]
    assert top.locator(".pmg-card__title").all_inner_texts() == [
        "First B2B Pick", "Second B2B Pick", "Focused and New", "Tie Alpha", "Tie Beta"]
    assert top.first.locator(".pmg-badge").first.inner_text() == "Curators' pick"
    meetups = page.locator("ol.pmg-top[data-kind=meetup] > li .pmg-card__title").all_inner_texts()
    assert meetups == ["Manchester PM Meetup", "London PM Meetup"]
    page.locator("a", has_text="ranked by a fixed rule").click()
    page.wait_for_url(f"{base_url}segments/#how-the-top-five-are-chosen")


def test_the_colour_scheme_toggles(page, base_url: str) -> None:
    page.goto(base_url)
    before = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    after = page.evaluate("document.body.dataset.mdColorScheme")
    assert {before, after} == {"default", "slate"}


def test_explore_on_a_phone_starts_with_the_filters_folded(page, base_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}explore/?kind=meetup&place=GB")
    assert listed(page) == ["london-pm-meetup", "manchester-pm-meetup"]
    panel = page.locator("details.pmg-filters-panel")
    assert panel.evaluate("details => details.open") is False
    assert panel.locator("summary").inner_text() == "Filters (2 chosen)"
    panel.locator("summary").focus()
    page.keyboard.press("Enter")
    assert panel.evaluate("details => details.open") is True
    page.locator("fieldset[data-facet=place]").get_by_label("Online").check()
    assert listed(page) == ["london-pm-meetup", "manchester-pm-meetup", "online-pm-community"]
    assert panel.locator("summary").inner_text() == "Filters (3 chosen)"


def test_explore_filters_by_access(page, base_url: str) -> None:
    page.goto(f"{base_url}explore/")
    assert len(listed(page)) == 21
    access = page.locator("fieldset[data-facet=access]")
    assert access.locator("legend").inner_text() == "Access"
    assert access.locator(".pmg-option__label").all_inner_texts() == [
        "Free", "Free with sign-up", "Freemium", "Paywalled", "Paid"]
    assert access.locator(".pmg-count").all_inner_texts() == ["11", "3", "3", "1", "3"]
    access.locator("label", has_text="Free with sign-up").click()
    assert listed(page) == ["b2b-focused-new", "manchester-pm-meetup", "fixture-newsletter"]
    assert page.url == f"{base_url}explore/?access=signup"
    assert explore_status(page) == "3 of 21 resources"
    card = page.locator("#pmg-results > li[data-entry-id=fixture-newsletter]")
    assert card.locator(".pmg-badge").all_inner_texts() == ["Newsletter", "Free with sign-up", "Experienced PM"]
    page.get_by_label("Newsletters").check()
    assert listed(page) == ["fixture-newsletter"]
    assert page.url == f"{base_url}explore/?kind=newsletter&access=signup"
    assert access.locator(".pmg-count").all_inner_texts() == ["0", "1", "0", "0", "0"]
    card.locator("a").click()
    page.wait_for_url(f"{base_url}resources/fixture-newsletter/")
    assert page.locator(".pmg-resource .pmg-badge--access").inner_text() == "Free with sign-up"


def test_every_kind_has_its_listing_in_the_nav(page, base_url: str) -> None:
    page.goto(base_url)
    for label, kind in (("Books", "book"), ("Podcasts", "podcast"), ("Newsletters", "newsletter"),
                        ("Videos", "video")):
        page.locator("nav.md-nav--primary a.md-nav__link", has_text=label).first.click()
        page.wait_for_url(f"{base_url}{kind}s/")
        rows = page.locator("ul.pmg-rows > li")
        assert rows.count() == 1
        assert rows.first.get_attribute("data-entry-id") == f"fixture-{kind}"
