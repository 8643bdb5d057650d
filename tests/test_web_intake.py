"""The children's web form, driven page by page through the checking test client."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from intake_app.extensions import db
from intake_app.models import AuditEvent, OutboxMessage, Representation, WebDraft
from intake_app.services import web_drafts
from intake_app.taxonomy import keys

from .conftest import csrf_token, make_app, post_form
from .web_journey import answer, send_complaint

HELPER = {"helper_name": "Priya Shah", "organisation": "NYAS", "relationship": "Their advocate",
          "consent": "We met and Jay asked me to send it for them."}


def reference_on(page) -> str:
    match = re.search(r'class="reference">([A-Z0-9]{4}-[A-Z0-9]{4})<', page.get_data(as_text=True))
    assert match, "no reference on the confirmation page"
    return match.group(1)


@pytest.mark.parametrize("type_", keys("representation_types"))
def test_each_type_can_be_sent_and_gets_a_reference(client, type_):
    page = send_complaint(client, type_=type_, text="The staff at my home were really kind "
                          "to me this week and i want to say so")
    assert page.status_code == 200
    reference = reference_on(page)
    record = db.session.scalars(select(Representation)).one()
    assert record.reference == reference.replace("-", "")
    assert record.declared_type == type_
    assert record.channel == "web"
    assert "A person will read what you sent." in page.get_data(as_text=True)


@pytest.mark.parametrize("role", keys("complainant_roles"))
def test_each_role_can_send(client, role):
    helper = HELPER if role in {"advocate", "professional"} else None
    page = send_complaint(client, role=role, helper=helper)
    assert page.status_code == 200
    record = db.session.scalars(select(Representation)).one()
    assert record.complainant_role == role
    assert (record.contact.on_behalf_encrypted is not None) == (helper is not None)


def test_a_complaint_is_saved_with_audit_and_outbox_rows(client):
    page = send_complaint(client, reply={"reply_channel": "sms", "phone": "07911 123456"},
                          advocate={"advocate": "yes", "advocate_provider": "nyas"})
    text = page.get_data(as_text=True)
    assert "We will get back to you by" in text
    record = db.session.scalars(select(Representation)).one()
    assert db.session.scalar(select(func.count(AuditEvent.id))) == 1
    kinds = {row.kind for row in db.session.scalars(select(OutboxMessage))}
    assert {"case", "advocacy_referral", "sms"} <= kinds
    assert record.contact.contact_safety["times"] == ["after_school"]
    assert record.contact.contact_safety["leave_message"] is False


def test_pressing_send_twice_makes_one_record(client):
    first = reference_on(send_complaint(client))
    # The second press arrives after the draft has gone: same confirmation, no new record.
    again = client.post("/tell-us/check", data={"csrf_token": csrf_token(client, "/tell-us/what")},
                        follow_redirects=True)
    assert reference_on(again) == first
    assert db.session.scalar(select(func.count(Representation.id))) == 1


def test_back_link_keeps_what_was_typed(client):
    answer(client, "what", {"type": "complaint"})
    answer(client, "who", {"role": "young_person"})
    answer(client, "about", {"service_area": "other"})
    answer(client, "what-happened", {"text": "my placement is ending and no one asked me"})
    page = client.get("/tell-us/what-would-help")
    assert 'href="/tell-us/what-happened"' in page.get_data(as_text=True)
    back = client.get("/tell-us/what-happened").get_data(as_text=True)
    assert "my placement is ending and no one asked me" in back


def test_progress_and_back_link_on_every_question(client):
    page = client.get("/tell-us/what").get_data(as_text=True)
    assert "Question 1 of" in page
    assert 'class="back-link"' in page


def test_helper_page_only_for_people_helping_a_young_person(client):
    answer(client, "what", {"type": "complaint"})
    response = answer(client, "who", {"role": "young_person"})
    assert response.headers["Location"].endswith("/tell-us/about")
    response = answer(client, "who", {"role": "advocate"})
    assert response.headers["Location"].endswith("/tell-us/helper")


def test_empty_text_gets_a_kind_message_and_an_error_summary_link(client):
    answer(client, "what", {"type": "complaint"})
    response = answer(client, "what-happened", {"text": "   "})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "There is a problem" in page
    assert 'href="#text"' in page
    assert "Tell us what happened. A few words is fine." in page


def test_over_long_text_is_refused_but_kept(client, app):
    long_text = "I want to tell you everything. " * (app.config["TEXT_MAX_CHARS"] // 20)
    response = answer(client, "what-happened", {"text": long_text})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "We kept what you wrote." in page
    assert long_text.strip()[:200] in page


def test_script_in_a_field_is_shown_escaped_and_stored_inert(client):
    typed = '<script>alert("hi")</script>they <b>ignore</b> me'
    answer(client, "what-happened", {"text": typed})
    page = client.get("/tell-us/what-happened").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    send_complaint(client, text=typed)
    record = db.session.scalars(select(Representation)).one()
    assert record.text == 'alert("hi") they ignore me'


@pytest.mark.parametrize(("data", "message"), [
    ({"reply_channel": "sms", "phone": "12345"}, "Enter a mobile number, like 07911"),
    ({"reply_channel": "sms", "phone": ""}, "Enter a phone number"),
    ({"reply_channel": "email", "email": "not-an-email"}, "Enter an email address like"),
    ({"reply_channel": "letter", "address": ""}, "Enter an address"),
])
def test_bad_contact_details_get_kind_messages_and_keep_the_answer(client, data, message):
    response = answer(client, "reply", data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    for value in data.values():
        if value and value not in ("sms", "email", "letter"):
            assert f'value="{value}"' in page


def test_no_choice_made_gets_a_message(client):
    response = answer(client, "what", {})
    assert response.status_code == 400
    assert "Choose what you want to tell us" in response.get_data(as_text=True)


def test_csrf_failure_shows_the_question_again_with_what_was_typed(tmp_path):
    app = make_app(tmp_path)
    client = app.test_client()
    with app.app_context():
        response = client.post("/tell-us/what-happened",
                               data={"text": "he took my phone", "csrf_token": "stale"})
        assert response.status_code == 400
        page = response.get_data(as_text=True)
        assert "We kept what you typed" in page
        assert "he took my phone" in page
        assert db.session.scalar(select(func.count(WebDraft.id))) == 0


def test_database_locked_gives_a_try_again_page_and_nothing_half_saved(client, monkeypatch):
    send_complaint_pages = [("what", {"type": "complaint"}), ("who", {"role": "young_person"}),
                            ("about", {"service_area": "other"}),
                            ("what-happened", {"text": "nobody listens"}),
                            ("what-would-help", {}), ("advocate", {"advocate": "no"}),
                            ("reply", {"reply_channel": "none"}), ("sharing", {})]
    for slug, data in send_complaint_pages:
        assert answer(client, slug, data).status_code == 302

    def locked(*args, **kwargs):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    from intake_app.public import views

    monkeypatch.setattr(views, "submit", locked)
    response = post_form(client, "/tell-us/check", {})
    assert response.status_code == 503
    assert "your answers are still saved" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Representation.id))) == 0
    monkeypatch.undo()
    page = post_form(client, "/tell-us/check", {}, follow_redirects=True)
    assert reference_on(page)


def test_saving_a_step_while_the_database_is_down_keeps_the_words(client, monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError("UPDATE", {}, Exception("unable to open database file"))

    monkeypatch.setattr(web_drafts, "_save", down)
    response = answer(client, "what-happened", {"text": "i got moved again"})
    assert response.status_code == 503
    page = response.get_data(as_text=True)
    assert "i got moved again" in page
    assert "press Continue again" in page


def test_unknown_language_gets_a_kind_message_and_english(client):
    page = client.get("/language/xx", follow_redirects=True)
    assert page.status_code == 200
    assert "we do not have that language yet" in page.get_data(as_text=True)
    assert '<html lang="en"' in page.get_data(as_text=True)


def test_drafts_expire_and_are_deleted(app, client):
    answer(client, "what-happened", {"text": "secret words"})
    draft = db.session.scalars(select(WebDraft)).one()
    assert b"secret words" not in draft.answers_encrypted
    draft.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()
    assert "secret words" not in client.get("/tell-us/what-happened").get_data(as_text=True)
    assert web_drafts.purge_expired() == 1
    assert db.session.scalar(select(func.count(WebDraft.id))) == 0


def test_check_answers_lists_every_answer_with_change_links(client):
    for slug, data in [("what", {"type": "comment"}), ("who", {"role": "care_leaver"}),
                       ("about", {"service_area": "leaving_care"}),
                       ("what-happened", {"text": "more help with bills"}),
                       ("what-would-help", {}), ("advocate", {"advocate": "no"}),
                       ("reply", {"reply_channel": "email", "email": "me@example.com"}),
                       ("safe-contact", {"times": ["evening"], "leave_message": "no"}),
                       ("sharing", {})]:
        assert answer(client, slug, data).status_code == 302
    page = client.get("/tell-us/check").get_data(as_text=True)
    assert "more help with bills" in page and "Send me an email" in page
    assert page.count(">Change<") >= 7
    change = answer(client, "what-happened", {"text": "more help with gas bills"},
                    query_string={"check": "1"})
    assert change.headers["Location"].endswith("/tell-us/check")


def test_skipped_questions_send_people_back_to_the_first_missing_one(client):
    assert client.get("/tell-us/check").headers["Location"].endswith("/tell-us/what")


@pytest.mark.parametrize("target", ["https://evil.example", "//evil.example", "/\\evil.example"])
def test_language_link_never_sends_a_child_to_another_site(client, target):
    response = client.get("/language/en", query_string={"next": target})
    assert response.headers["Location"] == "/"


def test_confirmation_is_not_shown_again_later_on_a_shared_phone(client, monkeypatch):
    reference = reference_on(send_complaint(client))
    assert reference in client.get("/tell-us/sent").get_data(as_text=True)
    from intake_app.public import views

    later = time.time() + views.CONFIRMATION_SECONDS + 1
    monkeypatch.setattr(views.time, "time", lambda: later)
    response = client.get("/tell-us/sent")
    assert response.status_code == 302
    assert reference not in client.get("/", follow_redirects=True).get_data(as_text=True)


def test_starting_a_new_draft_deletes_expired_ones(app, client):
    answer(client, "what-happened", {"text": "old words"})
    old = db.session.scalars(select(WebDraft)).one()
    old.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    old_id = old.id
    db.session.commit()
    with client.session_transaction() as session:
        session.pop("draft_id")  # as if someone else starts on this phone later
    assert answer(client, "what", {"type": "compliment"}).status_code == 302
    db.session.expire_all()
    remaining = db.session.scalars(select(WebDraft.id)).all()
    assert old_id not in remaining and len(remaining) == 1
