"""The keyboard alone, and 400% zoom, in a real browser (issue 16).

A complaint from the start page to the confirmation with Tab, Shift+Tab, Space and Enter
(and typing the words) on a 320 px wide phone-sized window, in English and in Arabic: every
element that takes the focus is drawn with a focus style, is on the screen and is not under
the sticky "Leave this site" bar (WCAG 2.2, 2.4.11 Focus Not Obscured). Every public page
reflows at 320 CSS px, which is 1,280 px at 400% zoom (1.4.10): nothing scrolls sideways.
Screenshots at 320 px go to docs/screenshots/pages/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from .axe import screenshot, sideways_scroll
from .conftest import AccessibleSite
from .test_accessibility_browser import WORDS, chat_a_few_turns, continue_button, slug_of

pytestmark = pytest.mark.browser

# Tall enough for the exit bar to follow the page (app.css), so it could hide the focus.
PHONE = {"width": 320, "height": 568}

FOCUSED = """() => {
  const element = document.activeElement, box = element.getBoundingClientRect();
  const bar = document.querySelector(".exit-bar"), style = getComputedStyle(element);
  const sticky = bar !== null && getComputedStyle(bar).position === "sticky";
  return {html: element.outerHTML.slice(0, 90), tag: element.tagName, top: box.top,
          bottom: box.bottom, width: box.width, height: box.height,
          inBar: bar !== null && bar.contains(element), viewport: window.innerHeight,
          barTop: sticky ? bar.getBoundingClientRect().top : 0,
          barBottom: sticky ? bar.getBoundingClientRect().bottom : 0,
          styled: style.outlineStyle !== "none" || style.boxShadow !== "none"};
}"""
# After the browser's own scrolling to the focus, and app.js's keeping it clear of the bar.
SETTLED = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def press(page: Page, key: str) -> dict:
    """Press ``key``; where the focus went, checked: seen, styled, not under the bar."""
    page.keyboard.press(key)
    page.evaluate(SETTLED)
    focus = page.evaluate(FOCUSED)
    if focus["tag"] == "BODY":
        return focus
    assert focus["width"] > 0 and focus["height"] > 0, ("focus on nothing seen", key, focus)
    assert focus["styled"], ("focus not drawn", key, focus)
    assert focus["bottom"] > 0 and focus["top"] < focus["viewport"], ("off screen", key, focus)
    if not focus["inBar"]:  # no part of it under the bar (stricter than 2.4.11 asks)
        under = focus["top"] < focus["barBottom"] - 1 and focus["bottom"] > focus["barTop"] + 1
        assert not under, ("under the exit bar", key, focus)
    return focus


def tab_to(page: Page, selector: str, *, key: str = "Tab") -> None:
    """Tab (or Shift+Tab) until the focus is on the first element ``selector`` finds."""
    for _press in range(60):
        press(page, key)
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{key} never reached {selector} on {page.url}")


def enter_and_wait(page: Page) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("load")


def check_page(page: Page, locale: str, name: str, found: list[str]) -> None:
    found += sideways_scroll(page, f"{locale} {name}")
    screenshot(page, f"{locale}-{name}-320")


# The first option of each radio group: Tab reaches it, Space chooses it (arrow keys,
# which move within a group, are not used: the brief is Tab, Shift+Tab, Space and Enter).
KEYBOARD_ANSWERS: dict[str, list[tuple[str, str]]] = {
    "what": [("space", "input[name=type]")],
    "who": [("space", "input[name=role]")],
    "about": [("space", "input[name=service_area]")],
    "what-happened": [("type", "#text")],
    "what-would-help": [("type", "#what_would_help")],
    "advocate": [("space", "input[name=advocate]")],
    "advocate-provider": [("space", "input[name=advocate_provider]")],
    "reply": [("space", "input[name=reply_channel]"), ("phone", "#phone")],
    "safe-contact": [("space", "input[name=times]"), ("space", "input[name=leave_message]")],
    "sharing": [],
}


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_a_complaint_sent_with_the_keyboard_alone_at_320_px(
        browser: Browser, accessible_site: AccessibleSite, locale: str) -> None:
    found: list[str] = []
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{accessible_site.url}/language/{locale}?next=/")
    check_page(page, locale, "start", found)
    tab_to(page, ".button-start")
    enter_and_wait(page)
    seen = []
    while (slug := slug_of(page)) in KEYBOARD_ANSWERS:
        assert slug not in seen, seen
        seen.append(slug)
        check_page(page, locale, slug, found)
        for how, selector in KEYBOARD_ANSWERS[slug]:
            tab_to(page, selector)
            if how == "space":
                page.keyboard.press("Space")
                assert page.evaluate("() => document.activeElement.checked"), selector
            else:
                page.keyboard.type("07911 123456" if how == "phone" else WORDS)
        tab_to(page, "main form button[type=submit]")
        enter_and_wait(page)
        assert slug_of(page) != slug, page.locator("main").inner_text()
    assert page.url.endswith("/tell-us/check"), (page.url, seen)
    check_page(page, locale, "check", found)
    tab_to(page, "main form button[type=submit]")
    # Back a step and forward again: Shift+Tab works the same way.
    tab_to(page, "main a", key="Shift+Tab")
    tab_to(page, "main form button[type=submit]")
    enter_and_wait(page)
    assert "/tell-us/sent" in page.url
    expect(page.locator(".reference").first).to_be_visible()
    check_page(page, locale, "sent", found)
    context.close()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_every_public_page_reflows_at_320_px(browser: Browser, accessible_site: AccessibleSite,
                                             locale: str) -> None:
    """The pages the journey above does not meet, and the pages' error states."""
    found: list[str] = []
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{accessible_site.url}/language/{locale}?next=/what-is-an-advocate")
    check_page(page, locale, "advocates", found)
    for path, name in [("/tell-us/resume", "resume"), ("/no-such-page", "not-found")]:
        page.goto(accessible_site.url + path)
        check_page(page, locale, name, found)
    for slug in ("what", "what-happened", "reply"):
        page.goto(f"{accessible_site.url}/tell-us/{slug}")
        continue_button(page).click()
        expect(page.locator("#error-summary")).to_be_visible()
        check_page(page, locale, f"{slug}-errors", found)
    if "public.status_reference" in accessible_site.app.view_functions:
        page.goto(accessible_site.url + "/status")
        check_page(page, locale, "status", found)
        continue_button(page).click()
        expect(page.locator("#error-summary")).to_be_visible()
        check_page(page, locale, "status-errors", found)
    page.goto(accessible_site.url + "/chat")
    chat_a_few_turns(page, turns=2)
    assert re.search(r"/chat$", page.url)
    check_page(page, locale, "chat-turns", found)
    context.close()
    assert not found, "\n".join(found)
