"""Accessibility proved in a real browser (issue 16): axe-core's WCAG 2.2 A and AA rules on
every public page in every state a child meets (each question empty and with its error
summary, check your answers, the confirmation, the status pages, not found, the chat with
and without JavaScript after a few turns), in English, Welsh and Arabic; and on the
officers' sign-in (with its errors), two-factor check, queue, case view, reports, audit
pages and their own error pages. Each test collects every violation before it fails, so
one run shows them all.

Debian's chromium (Playwright drives it, nothing is downloaded); the app on 127.0.0.1 with
its Content-Security-Policy on. Screenshots at 1,280 px go to docs/screenshots/pages/."""

from __future__ import annotations

import re

import pyotp
import pytest
from playwright.sync_api import Browser, Page, expect

from .axe import screenshot, sideways_scroll, violations
from .conftest import AccessibleSite

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 320, "height": 568}

# How the journey answers each question: a helper (so the helper's page is met) asking for
# a named advocate (so the list of advocates is met) and a text reply (so safe times are).
ANSWERS: dict[str, list[tuple[str, str]]] = {
    "what": [("check", "input[name=type][value=complaint]")],
    "who": [("check", "input[name=role][value=advocate]")],
    "helper": [("fill", "#helper_name"), ("fill", "#relationship"), ("fill", "#consent")],
    "about": [("check", "input[name=service_area][value=fostering]")],
    "what-happened": [("fill", "#text")],
    "what-would-help": [("fill", "#what_would_help")],
    "advocate": [("check", "input[name=advocate][value=yes]")],
    "advocate-provider": [("check", "input[name=advocate_provider][value=nyas]")],
    "reply": [("check", "input[name=reply_channel][value=sms]"), ("phone", "#phone")],
    "safe-contact": [("check", "input[name=times][value=any]"),
                     ("check", "input[name=leave_message][value=no]")],
    "sharing": [],
}
# Questions with nothing to answer, or none that must be answered.
NOTHING_REQUIRED = {"what-would-help", "sharing"}
WORDS = "My foster carer reads my messages and my social worker does not call back."


def slug_of(page: Page) -> str:
    match = re.search(r"/tell-us/([a-z-]+)", page.url)
    return match.group(1) if match else ""


def continue_button(page: Page):
    return page.locator("main form button[type=submit]").last


def answer(page: Page, slug: str) -> None:
    for how, selector in ANSWERS[slug]:
        if how == "check":
            page.check(selector)
        elif how == "phone":
            page.fill(selector, "07911 123456")
        else:
            page.fill(selector, WORDS)


class Audit:
    """Violations found so far, across pages; a test fails once, listing them all."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def check(self, page: Page, where: str, *, shot: str | None = None) -> None:
        page.wait_for_load_state("load")
        self.found += violations(page, where)
        if shot:
            screenshot(page, shot)

    def assert_none(self) -> None:
        assert not self.found, "\n".join(["accessibility violations:", *self.found])


def walk_the_form(page: Page, site: AccessibleSite, locale: str, audit: Audit) -> str:
    """Every question of the web form empty, with its error summary and answered; check
    your answers and the confirmation. The reference the confirmation shows."""
    page.goto(f"{site.url}/language/{locale}?next=/")
    audit.check(page, f"{locale} start", shot=f"{locale}-start-1280")
    page.click(".button-start")
    seen: list[str] = []
    while (slug := slug_of(page)) in ANSWERS:
        assert slug not in seen, f"{slug} asked twice: {seen}"
        seen.append(slug)
        audit.check(page, f"{locale} {slug}", shot=f"{locale}-{slug}-1280")
        if slug not in NOTHING_REQUIRED:
            continue_button(page).click()
            expect(page.locator("#error-summary")).to_be_visible()
            page.wait_for_function("() => document.activeElement.id === 'error-summary'")
            audit.check(page, f"{locale} {slug} with errors",
                        shot=f"{locale}-{slug}-errors-1280")
        answer(page, slug)
        with page.expect_navigation():
            continue_button(page).click()
        assert slug_of(page) != slug, page.locator("main").inner_text()
    assert seen == list(ANSWERS), seen
    assert page.url.endswith("/tell-us/check"), page.url
    audit.check(page, f"{locale} check answers", shot=f"{locale}-check-1280")
    continue_button(page).click()
    page.wait_for_url(re.compile(r"/tell-us/sent"))
    audit.check(page, f"{locale} sent", shot=f"{locale}-sent-1280")
    return page.locator(".reference").first.inner_text().strip()


def walk_the_status_pages(page: Page, site: AccessibleSite, locale: str, reference: str,
                          audit: Audit) -> None:
    """Checking on a record (issue 15's status page), where this app has it."""
    if "public.status_reference" not in site.app.view_functions:
        return
    page.goto(f"{site.url}/status")
    audit.check(page, f"{locale} status reference", shot=f"{locale}-status-1280")
    continue_button(page).click()
    expect(page.locator("#error-summary")).to_be_visible()
    audit.check(page, f"{locale} status reference with errors")
    page.locator("main form input[type=text]").first.fill(reference)
    continue_button(page).click()
    page.wait_for_url(re.compile(r"/status/secret"))
    audit.check(page, f"{locale} status secret", shot=f"{locale}-status-secret-1280")
    continue_button(page).click()
    expect(page.locator("#error-summary")).to_be_visible()
    audit.check(page, f"{locale} status secret with errors")
    page.locator("main form input[type=text]").first.fill("000000")
    continue_button(page).click()
    page.wait_for_load_state("load")
    audit.check(page, f"{locale} status answer ({page.url.rsplit('/', 1)[-1]})")


def chat_a_few_turns(page: Page, turns: int = 3) -> None:
    for turn in range(turns):
        page.fill("#chat-input", f"{WORDS} ({turn + 1})")
        page.click("#chat-send")
        # Without JavaScript the page comes back with the answer; with it, it is added.
        expect(page.locator(".chat-message--us")).to_have_count(turn + 1)


@pytest.mark.parametrize("locale", ["en", "cy", "ar"])
def test_every_public_page_in_every_state_meets_wcag_2_2_aa(
        browser: Browser, accessible_site: AccessibleSite, locale: str) -> None:
    audit = Audit()
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    reference = walk_the_form(page, accessible_site, locale, audit)
    walk_the_status_pages(page, accessible_site, locale, reference, audit)
    for path, name in [("/what-is-an-advocate", "advocates"), ("/tell-us/resume", "resume"),
                       ("/no-such-page", "not-found")]:
        page.goto(accessible_site.url + path)
        audit.check(page, f"{locale} {name}", shot=f"{locale}-{name}-1280")
    page.goto(accessible_site.url + "/chat")
    audit.check(page, f"{locale} chat", shot=f"{locale}-chat-1280")
    chat_a_few_turns(page)
    audit.check(page, f"{locale} chat after a few turns", shot=f"{locale}-chat-turns-1280")
    context.close()

    # Without the site's scripts (axe itself needs the page's JavaScript engine, so the
    # engine stays on and the site's scripts are refused): the chat works by form posts.
    plain = browser.new_context(viewport=LAPTOP)
    plain.route("**/static/*.js", lambda route: route.abort())
    page = plain.new_page()
    page.goto(f"{accessible_site.url}/language/{locale}?next=/chat")
    chat_a_few_turns(page)
    audit.check(page, f"{locale} chat without JavaScript after a few turns")
    page.click("#chat-send")  # nothing typed
    expect(page.locator("#error-summary")).to_be_visible()
    audit.check(page, f"{locale} chat without JavaScript, nothing typed")
    plain.close()
    audit.assert_none()


def sign_in(page: Page, site: AccessibleSite, audit: Audit) -> None:
    """The manager signs in through the pages, wrong first, with the keyboard's focus taken
    to each error summary (staff.js), then with the password and a two-factor code."""
    page.goto(site.url + "/officers/sign-in")
    audit.check(page, "staff sign-in", shot="staff-sign-in-1280")
    page.click("main form button[type=submit]")
    page.wait_for_function("() => document.activeElement.id === 'error-summary'")
    audit.check(page, "staff sign-in, nothing typed")
    page.fill("#email", site.manager_email)
    page.fill("#password", "not the password")
    page.click("main form button[type=submit]")
    page.wait_for_function("() => document.activeElement.id === 'error-summary'")
    audit.check(page, "staff sign-in, wrong password", shot="staff-sign-in-errors-1280")
    page.fill("#email", site.manager_email)
    page.fill("#password", site.manager_password)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/officers/two-factor"))
    audit.check(page, "staff two-factor check")
    page.fill("#code", "000000")
    page.click("main form button[type=submit]")
    page.wait_for_function("() => document.activeElement.id === 'error-summary'")
    audit.check(page, "staff two-factor check, wrong code")
    page.fill("#code", pyotp.TOTP(site.manager_totp_secret).now())
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/officers/queue"))


def test_officers_pages_meet_wcag_2_2_aa_and_reflow(browser: Browser,
                                                    accessible_site: AccessibleSite) -> None:
    audit = Audit()
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    sign_in(page, accessible_site, audit)
    audit.check(page, "staff queue", shot="staff-queue-1280")
    page.goto(accessible_site.url + "/officers/queue?status=needs_review")
    audit.check(page, "staff queue, filtered")
    page.goto(accessible_site.url + "/officers/queue")
    # A record with an alert nobody has handled: the case view at its fullest.
    page.locator("tr.queue-alert th a[href*='/officers/records/']").first.click()
    audit.check(page, "staff case view", shot="staff-case-1280")
    safe_times = page.locator("dt:text-is('Safe times to contact') + dd").inner_text()
    assert not re.fullmatch(r"[a-z_]+(, [a-z_]+)*", safe_times), safe_times  # not raw keys
    reveal = page.locator("form[action$='/contact'] button, form[action$='/contact'] "
                          "input[type=submit]")
    if reveal.count():
        assert reveal.first.evaluate("(b) => getComputedStyle(b).backgroundColor") \
            == page.locator("main button").first.evaluate(
                "(b) => getComputedStyle(b).backgroundColor")
        reveal.first.click()
        audit.check(page, "staff case view, contact details shown")
    page.locator("main a[href*='/records/'][href$='/audit']").first.click()
    audit.check(page, "staff record audit trail")
    page.goto(accessible_site.url + "/officers/queue")
    callbacks = page.locator("a[href*='/officers/callbacks/']")
    if callbacks.count():
        callbacks.first.click()
        audit.check(page, "staff callback request")
    page.goto(accessible_site.url + "/officers/reports")
    audit.check(page, "staff reports", shot="staff-reports-1280")
    page.goto(accessible_site.url + "/officers/audit")
    audit.check(page, "staff audit log")
    for path, name, status in [("/officers/users", "403", 403),
                               ("/officers/no-such-page", "404", 404)]:
        response = page.goto(accessible_site.url + path)
        assert response is not None and response.status == status
        audit.check(page, f"staff error page {name}", shot=f"staff-{name}-1280")
        # Staff pages are not the children's: no quick exit, no Childline.
        expect(page.locator(".exit-bar")).to_have_count(0)
        expect(page.locator("body.staff")).to_have_count(1)

    page.set_viewport_size(PHONE)
    page.goto(accessible_site.url + "/officers/queue")
    audit.found += sideways_scroll(page, "staff queue at 320 px")
    # The table may scroll in its own box (a data table need not reflow), but its caption,
    # what the table is, is read whole without scrolling.
    for caption in page.locator(".queue-table caption .caption-text").all():
        box = caption.bounding_box()
        if box is None or box["x"] < 0 or box["x"] + box["width"] > PHONE["width"]:
            audit.found.append(f"staff queue at 320 px: caption cut off: {box}")
    audit.check(page, "staff queue at 320 px", shot="staff-queue-320")
    context.close()
    audit.assert_none()
