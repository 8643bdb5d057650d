"""The web chat keeps its place (issue 15), in Debian's chromium against the REAL stack: the
app on 127.0.0.1, the Rasa server with the trained model and the action server from
bot/.venv. A reload shows the conversation so far, drawn by the server, and a browser
without JavaScript chats by plain form posts, each answer shown in the transcript."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Page
from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import ChannelMessage, Conversation
from intake_app.services.tokens import create_token
from support.live_stack import BOT_BIN, AppServer, bot_processes
from support.peers import free_port

from ..conftest import dispose, make_app
from .test_quick_exit_browser import LAPTOP, PHONE

pytestmark = [pytest.mark.rasa, pytest.mark.browser]
# What the gateway says when the bot did not answer: these tests are about the real bot.
NOT_THE_BOT = ("Sorry, our text helper is not working", "Sorry, I did not understand that.",
               "Sorry, something went wrong.")


@dataclass
class ChatStack:
    app: Flask
    url: str


@pytest.fixture(scope="module")
def chat_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChatStack]:
    if not (BOT_BIN / "rasa").exists():
        pytest.skip("bot/.venv is missing: run `make -C bot venv train` (`make test` does)")
    work: Path = tmp_path_factory.mktemp("chat-live")
    rasa_port = free_port()
    # A generous turn budget, so a slow machine tests the conversation, not degraded mode.
    app = make_app(work, RASA_URL=f"http://127.0.0.1:{rasa_port}",
                   RASA_TURN_BUDGET_SECONDS=20.0)
    with app.app_context():
        token = create_token("chat-live-test", scope="intake").token
    server = AppServer(app)
    server.start()
    actions, rasa = bot_processes(work, rasa_port, server.url + "/api/v1", token,
                                  app.config["RASA_CHANNEL_SECRET"])
    try:
        actions.start()
        rasa.start()
        yield ChatStack(app=app, url=server.url)
    finally:
        rasa.stop()
        actions.stop()
        server.stop()
        dispose(app)


def messages(page: Page) -> list[str]:
    """The chat log as the page shows it, one entry a message ("You: hi", "Us: ...")."""
    return [text.strip() for text in page.locator("#chat-log > li").all_inner_texts()]


def stored(stack: ChatStack) -> list[str]:
    """The newest chat conversation as the server stored it."""
    with stack.app.app_context():
        conversation = db.session.scalars(select(Conversation).where(
            Conversation.channel == "chat").order_by(Conversation.id.desc())).first()
        assert conversation is not None
        rows = db.session.scalars(select(ChannelMessage).where(
            ChannelMessage.conversation_id == conversation.id).order_by(ChannelMessage.id))
        texts = [message.body for message in rows]
        db.session.remove()
    return texts


def assert_the_bot_answered(answers: list[str]) -> None:
    """One answer or more, each from the bot itself (not the gateway's fallback)."""
    assert answers, "no answer"
    for answer in answers:
        assert answer.startswith("Us: ") and len(answer) > len("Us: "), answer
        assert not any(words in answer for words in NOT_THE_BOT), answer


def test_without_javascript_the_chat_is_a_form_that_comes_back_with_the_answer(
        browser, chat_stack: ChatStack) -> None:
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(chat_stack.url + "/chat")
    page.get_by_label("Your message").fill("hi")
    page.get_by_role("button", name="Send").click()
    page.wait_for_url("**/chat#chat-latest")
    first = messages(page)
    assert first[0] == "You: hi", first
    assert_the_bot_answered(first[1:])

    page.get_by_label("Your message").fill("1")
    page.get_by_role("button", name="Send").click()
    page.wait_for_load_state("load")
    second = messages(page)
    assert second[:len(first)] == first and second[len(first)] == "You: 1", second
    assert_the_bot_answered(second[len(first) + 1:])
    assert second[-1] != first[-1]  # the bot went on with the conversation

    page.reload()  # a reload after the redirect sends nothing again
    assert messages(page) == second
    assert len(stored(chat_stack)) == len(second)
    context.close()


def send_with_the_script(page: Page, text: str) -> list[str]:
    """Type and press Enter; the answers the script adds to the log."""
    shown = len(messages(page))
    box = page.get_by_label("Your message")
    box.fill(text)
    box.press("Enter")
    # The script adds the message at once, and every answer of the turn together.
    page.wait_for_function("shown => document.querySelectorAll('#chat-log > li').length "
                           "> shown + 1", arg=shown, timeout=60_000)
    after = messages(page)
    assert after[shown] == f"You: {text}", after
    return after[shown + 1:]


def test_reloading_mid_conversation_shows_the_transcript_from_the_server(
        browser, chat_stack: ChatStack) -> None:
    context = browser.new_context(**LAPTOP)
    page = context.new_page()
    page.goto(chat_stack.url + "/chat")
    for text in ("hi", "1"):
        assert_the_bot_answered(send_with_the_script(page, text))
    before = messages(page)

    page.reload()
    assert messages(page) == before
    # Drawn by the server from what it stored, not kept in the browser.
    assert page.evaluate("() => localStorage.length + sessionStorage.length") == 0
    assert stored(chat_stack) == [line.split(": ", 1)[1] for line in before]

    # The same conversation goes on after the reload.
    assert_the_bot_answered(send_with_the_script(page, "my social worker never calls me"))
    assert len(stored(chat_stack)) == len(messages(page))
    context.close()
