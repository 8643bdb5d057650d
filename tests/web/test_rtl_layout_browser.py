"""Arabic and Urdu pages mirror in a real browser (Debian's chromium): the radio button sits
at the start of its line on the right, the back arrow and the start button's arrow point
the way the text runs, and a chat reply is marked with its language."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import BaseWSGIServer, make_server

from support.peers import free_port

from ..conftest import dispose, make_app
from ..i18n.catalogues import compile_to

pytestmark = pytest.mark.browser


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    # Nothing listens on the bot's port: the chat answers in degraded mode, in the
    # conversation's language.
    app = make_app(tmp_path, SUPPORTED_LOCALES=("en", "cy", "ar", "ur"),
                   BABEL_TRANSLATION_DIRECTORIES=str(compile_to(tmp_path / "translations")),
                   RASA_URL=f"http://127.0.0.1:{free_port()}", RASA_TURN_BUDGET_SECONDS=1.0)
    server: BaseWSGIServer = make_server("127.0.0.1", free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    dispose(app)


def arrow(page, selector: str, pseudo: str) -> str:
    return page.evaluate("([s, p]) => getComputedStyle(document.querySelector(s), p).content",
                         [selector, pseudo])


@pytest.mark.parametrize("locale", ["ar", "ur"])
def test_right_to_left_pages_mirror(browser, site: str, locale: str) -> None:
    page = browser.new_page()
    page.goto(f"{site}/language/{locale}?next=/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert arrow(page, ".button-start", "::after") == '"←"'
    page.goto(f"{site}/tell-us")
    radio = page.locator(".radio-input").first.bounding_box()
    label = page.locator(".radio-label").first.bounding_box()
    assert radio["x"] > label["x"], "the radio button sits on the right, where the line starts"
    assert arrow(page, ".back-link", "::before") == '"›"'
    page.close()


def test_left_to_right_pages_keep_their_arrows(browser, site: str) -> None:
    page = browser.new_page()
    page.goto(f"{site}/language/cy?next=/")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert arrow(page, ".button-start", "::after") == '"→"'
    page.goto(f"{site}/tell-us")
    radio = page.locator(".radio-input").first.bounding_box()
    label = page.locator(".radio-label").first.bounding_box()
    assert radio["x"] < label["x"]
    assert arrow(page, ".back-link", "::before") == '"‹"'
    page.close()


def test_a_chat_reply_is_marked_with_its_language(browser, site: str) -> None:
    page = browser.new_page()
    page.goto(f"{site}/language/ar?next=/chat")
    page.fill("#chat-input", "my social worker never calls me back")
    page.click("#chat-send")
    reply = page.locator(".chat-message--us .chat-text").last
    reply.wait_for()
    assert reply.get_attribute("lang") == "ar"
    # Drawn again by the server after a reload, and in English now: still marked Arabic.
    page.goto(f"{site}/language/en?next=/chat")
    redrawn = page.locator(".chat-message--us .chat-text").last
    assert redrawn.get_attribute("lang") == "ar"
    assert page.locator(".chat-message--you .chat-text").last.get_attribute("lang") is None
    page.close()
