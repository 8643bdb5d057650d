"""The advocates' area in a real browser (issue 17): axe-core's WCAG 2.2 A and AA rules on
the advocates' sign-in (empty and with its errors), two-factor check, their organisation's
work (records and the referrals inbox), the form to tell the council for a child (empty
and with its error summary), what was sent, a record's page with its add-information and
withdraw forms (each with its error), and a referral; every error summary takes the focus
(the area's layout once loaded no script, so it did not); and every one of those pages
reflows at 320 CSS px (1,280 px at 400% zoom) without scrolling sideways.

The session's browser and app (tests/web/conftest.py); the advocate is made the way an
admin's invite and a first sign-in make one (tests/advocates/conftest.py)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import StaffUser

from ..advocates.conftest import PASSWORD, invite_advocate, totp_code
from ..advocates.test_referrals_come_back import ask_for_an_advocate
from .axe import screenshot, sideways_scroll
from .conftest import AccessibleSite
from .test_accessibility_browser import LAPTOP, PHONE, Audit

pytestmark = pytest.mark.browser

EMAIL = "a11y.advocate@nyas.example"


def make_advocate(site: AccessibleSite) -> int:
    """An advocate of NYAS with two-factor on, and a child's referral to NYAS (its id) so
    the inbox has one to open."""
    with site.app.test_request_context("/"):
        if db.session.scalar(select(StaffUser).where(StaffUser.email == EMAIL)) is None:
            invite_advocate(EMAIL, "nyas")
        referral_id = ask_for_an_advocate("nyas").id
        db.session.remove()
    return referral_id


def current_code(site: AccessibleSite) -> str:
    """The authenticator's code now (the next one if this one was taken already)."""
    with site.app.app_context():
        code = totp_code(db.session.scalar(select(StaffUser).where(StaffUser.email == EMAIL)))
        db.session.remove()
    return code


def submit_button(page: Page) -> Locator:
    return page.locator("main form button[type=submit]")


def errors_shown(page: Page) -> None:
    """A form came back with errors: its summary shows and has the focus, so a screen reader
    reads it first and the keyboard starts from its links (the GOV.UK pattern)."""
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()


def sign_in(page: Page, site: AccessibleSite, check: Callable[[Page, str], None]) -> None:
    """Wrong first (nothing typed, then a wrong password, then a wrong code), then right."""
    page.goto(site.url + "/advocates/sign-in")
    check(page, "advocate sign-in")
    submit_button(page).click()
    errors_shown(page)
    check(page, "advocate sign-in, nothing typed")
    page.fill("#email", EMAIL)
    page.fill("#password", "not the password")
    submit_button(page).click()
    errors_shown(page)
    check(page, "advocate sign-in, wrong password")
    page.fill("#email", EMAIL)
    page.fill("#password", PASSWORD)
    submit_button(page).click()
    page.wait_for_url(re.compile(r"/advocates/two-factor"))
    check(page, "advocate two-factor check")
    page.fill("#code", "000000")
    submit_button(page).click()
    errors_shown(page)
    check(page, "advocate two-factor check, wrong code")
    page.fill("#code", current_code(site))
    submit_button(page).click()
    page.wait_for_load_state("load")
    assert re.search(r"/advocates/?$", page.url), page.url


def walk(page: Page, site: AccessibleSite, referral_id: int,
         check: Callable[[Page, str], None]) -> None:
    """Every advocates' page and state, ``check``ed as it is met."""
    sign_in(page, site, check)
    check(page, "advocate home")
    page.goto(site.url + "/advocates/submit")
    check(page, "advocate submit form")
    submit_button(page).click()
    errors_shown(page)
    check(page, "advocate submit form with errors")
    page.fill("#child_name", "Jo")
    page.check("input[name=age_band]>> nth=0")
    page.check("input[name=child_status]>> nth=0")
    page.check("input[name=preferred_way] >> nth=0")
    page.fill("#child_words", "My social worker keeps changing and nobody calls back.")
    page.fill("#child_wants", "A social worker who stays")
    page.check("input[name=consent_method] >> nth=0")
    page.fill("#consent_given_on", "2026-12-01")
    page.fill("#sharing", "Everything here, with the complaints team")
    page.check("input[name=replies_to][value=advocate]")
    page.check("input[name=declared_type] >> nth=0")
    page.check("input[name=urgency] >> nth=0")
    submit_button(page).click()
    expect(page.locator(".reference")).to_be_visible()
    check(page, "advocate sent")
    page.click("main a[href*='/advocates/submissions/']")
    page.wait_for_url(re.compile(r"/advocates/submissions/"))
    check(page, "advocate record")
    page.locator("form[action$='/information'] button[type=submit]").click()
    errors_shown(page)
    check(page, "advocate add information, nothing typed")
    page.locator("form[action$='/withdraw'] button[type=submit]").click()
    errors_shown(page)
    check(page, "advocate withdraw, no reason")
    page.goto(site.url + "/advocates/")
    check(page, "advocate home with a record and referrals")
    page.goto(f"{site.url}/advocates/referrals/{referral_id}")
    check(page, "advocate referral")
    if submit_button(page).count():
        submit_button(page).click()
        errors_shown(page)
        check(page, "advocate referral answer, nothing chosen")


def test_advocates_pages_meet_wcag_2_2_aa_and_reflow_at_320_px(
        browser: Browser, accessible_site: AccessibleSite) -> None:
    referral_id = make_advocate(accessible_site)
    audit = Audit()

    def axe(page: Page, where: str) -> None:
        name = re.sub(r"[^a-z0-9]+", "-", where.lower()).strip("-")
        audit.check(page, where, shot=f"{name}-1280")

    context = browser.new_context(viewport=LAPTOP)
    walk(context.new_page(), accessible_site, referral_id, axe)
    context.close()

    def reflow(page: Page, where: str) -> None:
        page.wait_for_load_state("load")
        audit.found += sideways_scroll(page, f"{where} at 320 px")
        screenshot(page, re.sub(r"[^a-z0-9]+", "-", where.lower()).strip("-") + "-320")

    context = browser.new_context(viewport=PHONE)
    walk(context.new_page(), accessible_site, referral_id, reflow)
    context.close()
    audit.assert_none()
