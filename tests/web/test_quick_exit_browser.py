"""The quick exit in a real browser (issue 11): after leaving, Back shows none of the
child's words; the hint fits the device; the exit bar never hides the focused field."""

from __future__ import annotations

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from sqlalchemy import func, select

from intake_app.extensions import db
from intake_app.models import ChannelMessage

pytestmark = pytest.mark.browser

SAVED_WORDS = "my foster carer locks the fridge"
UNSAVED_WORDS = "i am scared to tell my social worker"
PHONE = dict(viewport={"width": 320, "height": 568}, has_touch=True, is_mobile=True)
LAPTOP = dict(viewport={"width": 1024, "height": 640})

# Every word the page shows, and what every form field holds (typed text is not in the DOM).
PAGE_TEXT = """() => [document.title, document.body ? document.body.innerText : ""].concat(
  Array.from(document.querySelectorAll("textarea, input")).map((field) => field.value)
).join("\\n")"""


def start_a_draft(page: Page, site_url: str) -> None:
    """Answer the first questions, save the words, then type more without saving."""
    page.goto(site_url + "/")
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("Something is wrong or not good enough").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("I am a child or young person, and this is about me").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Foster care").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("What happened?").fill(SAVED_WORDS)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="What would make it better?")).to_be_visible()
    page.get_by_label("What would make it better?").fill(UNSAVED_WORDS)


def settled_text(page: Page) -> str:
    """The page's text once any reload the page does on being shown again has finished."""
    for _attempt in range(10):
        page.wait_for_timeout(300)
        try:
            page.wait_for_load_state("load")
            return page.evaluate(PAGE_TEXT)
        except PlaywrightError:  # the page reloaded itself while we read it
            continue
    raise AssertionError("the page never settled")


def walk_back(page: Page) -> list[tuple[str, str]]:
    """Press Back until there is no earlier page; each page's settled text."""
    texts = []
    for _step in range(10):
        if page.go_back() is None:
            break
        texts.append((page.url, settled_text(page)))
    return texts


def assert_left_and_words_gone(page: Page, site_url: str, exit_url: str) -> None:
    page.wait_for_url(exit_url)
    expect(page.get_by_role("heading", name="Weather today")).to_be_visible()
    earlier = walk_back(page)
    assert any(url.startswith(site_url) for url, _text in earlier), earlier
    for url, text in earlier:
        assert SAVED_WORDS not in text, url
        assert UNSAVED_WORDS not in text, url
    # Someone else opens the site later in the same browser and presses Start.
    page.goto(site_url + "/")
    page.get_by_role("button", name="Start now").click()
    expect(page.get_by_role("heading", name="What do you want to tell us?")).to_be_visible()
    page.goto(site_url + "/tell-us/what-happened")
    assert SAVED_WORDS not in settled_text(page)



def leave_with_shift(page: Page, exit_url: str) -> None:
    """Shift pressed three times within a second, as a child would. On a busy machine three
    key presses can take longer than that second, so, like a child, press them again."""
    page.wait_for_load_state("load")
    for _attempt in range(3):
        for _press in range(3):
            page.keyboard.press("Shift")
        try:
            page.wait_for_url(exit_url, timeout=10_000)
            return
        except PlaywrightTimeoutError:
            continue
    page.wait_for_url(exit_url)

def test_shift_three_times_leaves_and_back_shows_none_of_the_words(browser, live_site):
    context = browser.new_context(**LAPTOP)
    page = context.new_page()
    start_a_draft(page, live_site.url)
    leave_with_shift(page, live_site.exit_url)
    assert_left_and_words_gone(page, live_site.url, live_site.exit_url)
    context.close()


def test_leave_link_leaves_and_back_shows_none_of_the_words(browser, live_site):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    start_a_draft(page, live_site.url)
    page.get_by_role("link", name="Leave this site").click()
    assert_left_and_words_gone(page, live_site.url, live_site.exit_url)
    context.close()


def test_leave_link_works_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False, **LAPTOP)
    page = context.new_page()
    start_a_draft(page, live_site.url)
    page.get_by_role("link", name="Leave this site").click()
    assert_left_and_words_gone(page, live_site.url, live_site.exit_url)
    context.close()


def test_contact_details_are_not_filled_in_again_after_leaving(browser, live_site):
    number = "+44 7911 123456"  # not the hint's example, 07911 123456
    context = browser.new_context(**LAPTOP)
    page = context.new_page()
    page.goto(live_site.url + "/tell-us/reply")
    page.get_by_label("Send me a text").check()
    page.get_by_label("Mobile or phone number").fill(number)
    # Not sent: the browser keeps what was typed with this page's history entry.
    page.get_by_role("link", name="What is an advocate?").first.click()
    expect(page.get_by_role("heading", name="What is an advocate?")).to_be_visible()
    leave_with_shift(page, live_site.exit_url)
    page.go_back()
    assert page.url.endswith("/tell-us/reply")
    assert number not in settled_text(page)
    assert not page.get_by_label("Send me a text").is_checked()
    context.close()


def test_leaving_the_chat_ends_its_session_and_back_shows_nothing(browser, live_site):
    context = browser.new_context(**LAPTOP)
    page = context.new_page()
    page.goto(live_site.url + "/chat")
    page.get_by_label("Your message").fill(UNSAVED_WORDS)
    page.get_by_role("button", name="Send").click()
    # The bot is down here, so the answer says a person will read it.
    expect(page.locator(".chat-message--us")).not_to_have_count(0)
    assert context.cookies(live_site.url), "the chat has a session"
    leave_with_shift(page, live_site.exit_url)
    assert context.cookies(live_site.url) == [], "the session is over"
    for url, text in walk_back(page):
        assert UNSAVED_WORDS not in text, url
    context.close()
    with live_site.app.app_context():  # the message itself stays, for staff
        assert db.session.scalar(select(func.count(ChannelMessage.id))) >= 1


def test_phones_are_told_to_tap_and_keyboards_to_press_shift(browser, live_site):
    phone = browser.new_context(**PHONE)
    page = phone.new_page()
    page.goto(live_site.url + "/")
    expect(page.get_by_text("Tap Leave this site")).to_be_visible()
    expect(page.get_by_text("Press Shift 3 times")).to_be_hidden()
    bar = page.locator(".exit-bar").bounding_box()
    assert bar is not None and bar["height"] <= 80, bar
    phone.close()

    laptop = browser.new_context(**LAPTOP)
    page = laptop.new_page()
    page.goto(live_site.url + "/")
    expect(page.get_by_text("Press Shift 3 times")).to_be_visible()
    expect(page.get_by_text("Tap Leave this site")).to_be_hidden()
    laptop.close()


def test_exit_bar_does_not_follow_the_page_at_400_percent_zoom(browser, live_site):
    # 1280 x 1024 at 400% zoom is a 320 x 256 viewport.
    context = browser.new_context(viewport={"width": 320, "height": 256})
    page = context.new_page()
    page.goto(live_site.url + "/tell-us/what")
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    bar = page.locator(".exit-bar").bounding_box()
    assert bar is not None and bar["y"] + bar["height"] <= 0, bar
    context.close()


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
@pytest.mark.parametrize(("slug", "field_id"), [("what", "type"), ("what-happened", "text")])
def test_error_summary_link_puts_the_field_below_the_exit_bar(browser, live_site, viewport,
                                                              slug, field_id):
    context = browser.new_context(**{**viewport, "has_touch": False, "is_mobile": False})
    page = context.new_page()
    page.goto(f"{live_site.url}/tell-us/{slug}")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    # Keyboard only: the summary has focus, Tab reaches its link, Enter follows it.
    # (Functions, not strings: the site's CSP forbids eval.)
    page.wait_for_function("() => document.activeElement.id === 'error-summary'")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('.error-summary') !== null")
    page.keyboard.press("Enter")
    page.wait_for_function("(id) => document.activeElement.id === id", arg=field_id)
    page.wait_for_timeout(200)  # any smooth scrolling has finished
    boxes = page.evaluate("""(id) => {
      const box = (element) => element.getBoundingClientRect().toJSON();
      const field = document.getElementById(id);
      return {bar: box(document.querySelector(".exit-bar")), field: box(field),
              label: box(document.querySelector(`label[for="${id}"]`)),
              viewport: window.innerHeight};
    }""", field_id)
    bar_bottom = boxes["bar"]["bottom"]
    for name in ("field", "label"):
        assert boxes[name]["top"] >= bar_bottom, (name, boxes)
        assert boxes[name]["top"] < boxes["viewport"], (name, boxes)
    context.close()


def test_tabbing_through_a_page_never_puts_the_focus_under_the_exit_bar(browser, live_site):
    context = browser.new_context(viewport={"width": 320, "height": 568})
    page = context.new_page()
    page.goto(live_site.url + "/tell-us/reply")
    page.wait_for_load_state("load")
    focus = """() => {
      const focused = document.activeElement, bar = document.querySelector(".exit-bar");
      return {inBar: bar.contains(focused), name: focused.outerHTML.slice(0, 60),
              top: focused.getBoundingClientRect().top,
              barBottom: bar.getBoundingClientRect().bottom};
    }"""
    for key in ["Tab"] * 12 + ["Shift+Tab"] * 12:
        page.keyboard.press(key)
        page.wait_for_timeout(50)  # the page's own scrolling after the focus moved
        where = page.evaluate(focus)
        if not where["inBar"] and where["name"].startswith(("<input", "<textarea", "<button")):
            assert where["top"] >= where["barBottom"], (key, where)
    context.close()


def test_a_chat_page_open_past_its_token_still_sends_the_message(browser, live_site):
    context = browser.new_context(**LAPTOP)
    page = context.new_page()
    page.goto(live_site.url + "/chat")
    # As if the page had been open for hours: its token no longer checks.
    page.evaluate("document.getElementById('chat-form')"
                  ".setAttribute('data-csrf-token', 'expired')")
    page.get_by_label("Your message").fill("nobody has visited me for a month")
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".chat-message--us")).not_to_have_count(0)
    context.close()
    with live_site.app.app_context():
        assert db.session.scalars(select(ChannelMessage.body).where(
            ChannelMessage.direction == "inbound")).all() == [
            "nobody has visited me for a month"]
