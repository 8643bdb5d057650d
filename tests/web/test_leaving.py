"""Leaving the site ends the draft, and a draft found later is never shown without a
choice first (issue 11), through the checking test client."""

from __future__ import annotations

import time

import textstat
from sqlalchemy import func, select

from intake_app.extensions import db
from intake_app.models import WebDraft
from intake_app.services import web_drafts

from ..conftest import csrf_token, post_form
from ..html_checks import main_text
from ..test_readability import MAX_GRADE
from ..web_journey import answer

WORDS = "my foster carer locks the fridge at night"
MORE_WORDS = "i want my own key please"
RESUME = "/tell-us/resume"


def start_a_draft(client) -> None:
    for slug, data in [("what", {"type": "complaint"}), ("who", {"role": "young_person"}),
                       ("about", {"service_area": "fostering"}),
                       ("what-happened", {"text": WORDS}),
                       ("what-would-help", {"what_would_help": MORE_WORDS})]:
        assert answer(client, slug, data).status_code == 302


def drafts() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count(WebDraft.id)))


def shows_no_answers(page: str) -> bool:
    return WORDS not in page and MORE_WORDS not in page and "checked" not in page


def come_back_later(client, minutes: int = 60) -> None:
    """As if the phone was put down and picked up again later, by anyone."""
    with client.session_transaction() as session:
        session["draft_seen_at"] = time.time() - minutes * 60


def test_leaving_deletes_the_draft_clears_the_session_and_opens_the_exit_site(app, client):
    start_a_draft(client)
    assert drafts() == 1
    response = client.get("/leave")
    assert response.status_code == 302
    assert response.headers["Location"] == app.config["EXIT_URL"]
    assert response.headers["Cache-Control"] == "no-store"
    assert drafts() == 0
    with client.session_transaction() as session:
        assert "draft_id" not in session
        assert not dict(session)


def test_the_leave_link_is_on_every_public_page_and_goes_through_the_site(client):
    for path in ("/", "/tell-us/what", "/tell-us/what-happened", "/chat", "/no-such-page"):
        page = client.get(path).get_data(as_text=True)
        assert 'href="/leave"' in page, path
        assert 'id="exit-this-page"' in page, path


def test_start_after_leaving_shows_an_empty_form(client):
    start_a_draft(client)
    client.get("/leave")
    first = client.get("/tell-us", follow_redirects=True)
    assert first.request.path == "/tell-us/what"
    assert shows_no_answers(first.get_data(as_text=True))
    for slug in ("what-happened", "what-would-help", "check"):
        page = client.get(f"/tell-us/{slug}", follow_redirects=True).get_data(as_text=True)
        assert shows_no_answers(page), slug


def test_leaving_works_when_there_is_no_draft(app, client):
    response = client.get("/leave")
    assert response.headers["Location"] == app.config["EXIT_URL"]


def test_leaving_the_chat_ends_the_chat_session(client):
    with client.session_transaction() as session:
        session["chat_conversation"] = "c-123"
        session["chat_scope"] = "abcd"
    client.get("/leave")
    with client.session_transaction() as session:
        assert "chat_conversation" not in session and "chat_scope" not in session


def test_leaving_still_leaves_when_the_database_is_down(app, client, monkeypatch):
    start_a_draft(client)

    def down(*args, **kwargs):
        raise web_drafts.DraftStoreUnavailable("unable to open database file")

    monkeypatch.setattr(web_drafts, "discard", down)
    response = client.get("/leave")
    assert response.headers["Location"] == app.config["EXIT_URL"]
    with client.session_transaction() as session:
        assert "draft_id" not in session


def test_start_with_a_draft_asks_carry_on_or_start_again_and_shows_no_words(client):
    start_a_draft(client)
    response = client.get("/tell-us")
    assert response.headers["Location"].endswith(RESUME)
    page = client.get(RESUME)
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Carry on, or start again?" in text
    assert shows_no_answers(text)


def test_a_draft_picked_up_later_asks_first_on_every_page_that_shows_answers(client):
    start_a_draft(client)
    come_back_later(client)
    for slug in ("what", "what-happened", "what-would-help", "check"):
        response = client.get(f"/tell-us/{slug}")
        assert response.status_code == 302, slug
        assert response.headers["Location"].endswith(RESUME), slug


def test_an_answer_posted_later_is_kept_but_the_next_page_asks_first(client):
    start_a_draft(client)
    token = csrf_token(client, "/tell-us/advocate")  # the page was left open on the screen
    come_back_later(client)
    response = client.post("/tell-us/advocate", data={"advocate": "no", "csrf_token": token})
    assert response.headers["Location"].endswith(RESUME)
    assert shows_no_answers(client.get(RESUME).get_data(as_text=True))
    with client.session_transaction() as session:
        assert web_drafts.load(session["draft_id"])["advocate"] == "no"


def test_carry_on_shows_the_answers_again(client):
    start_a_draft(client)
    come_back_later(client)
    response = post_form(client, RESUME, {"choice": "carry-on"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/tell-us/advocate")
    assert WORDS in client.get("/tell-us/what-happened").get_data(as_text=True)


def test_start_again_deletes_the_draft(client):
    start_a_draft(client)
    come_back_later(client)
    response = post_form(client, RESUME, {"choice": "start-again"})
    assert response.headers["Location"].endswith("/tell-us/what")
    assert drafts() == 0
    with client.session_transaction() as session:
        assert "draft_id" not in session
    page = client.get("/tell-us/what-happened").get_data(as_text=True)
    assert shows_no_answers(page)


def test_the_choice_page_without_a_draft_goes_to_the_first_question(client):
    response = client.get(RESUME, follow_redirects=True)
    assert response.request.path == "/tell-us/what"


def test_a_draft_in_use_is_not_interrupted(client):
    start_a_draft(client)
    assert WORDS in client.get("/tell-us/what-happened").get_data(as_text=True)
    assert answer(client, "advocate", {"advocate": "no"}).headers["Location"].endswith(
        "/tell-us/reply")


def test_choice_page_reads_at_about_age_nine(client):
    start_a_draft(client)
    page = client.get(RESUME)
    assert page.status_code == 200
    text = main_text(page.get_data())
    assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE, text
