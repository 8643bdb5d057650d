"""Issue 15: "check your answers" shows every answer, and the questions fit who is
answering and what they are telling us, with a progress count that never jumps."""

from __future__ import annotations

import itertools
import re

import pytest
import textstat
from flask.testing import FlaskClient
from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import Representation

from .conftest import post_form
from .html_checks import main_text
from .web_journey import answer, send_complaint

HELPER = {"helper_name": "Priya Shah", "organisation": "Speak Up Service",
          "relationship": "Their advocate", "consent": "Jay asked me to send it for them."}
PROGRESS = re.compile(r"Question (\d+) of (\d+)")


def answer_up_to_reply(client: FlaskClient, *, type_: str = "complaint",
                       role: str = "young_person") -> None:
    answer(client, "what", {"type": type_})
    answer(client, "who", {"role": role})
    if role in ("advocate", "professional"):
        answer(client, "helper", HELPER)
    answer(client, "about", {"service_area": "fostering"})
    answer(client, "what-happened", {"text": "my carer reads my diary"})
    if type_ != "compliment":
        answer(client, "what-would-help", {"what_would_help": "a lock for my room"})
        answer(client, "advocate", {"advocate": "no"})


def finish_with_a_text_reply(client: FlaskClient) -> None:
    answer(client, "reply", {"reply_channel": "sms", "name": "Jay", "phone": "07911 234567"})
    answer(client, "safe-contact", {"times": ["after_school"], "leave_message": "no",
                                    "note": "text only please"})
    answer(client, "sharing", {})


def check_page(client: FlaskClient) -> str:
    response = client.get("/tell-us/check")
    assert response.status_code == 200, response.headers.get("Location")
    return response.get_data(as_text=True)


# Check your answers ------------------------------------------------------------------------

def test_check_page_shows_contact_details_with_the_phone_partly_hidden(client):
    answer_up_to_reply(client)
    finish_with_a_text_reply(client)
    page = check_page(client)
    assert "07••• ••4 567" in page
    assert "234567" not in page and "07911" not in page
    for typed in ("Jay", "text only please", "my carer reads my diary", "a lock for my room",
                  "Send me a text", "After school", "No, do not leave a message"):
        assert typed in page, typed


def test_check_page_shows_the_email_address(client):
    answer_up_to_reply(client)
    answer(client, "reply", {"reply_channel": "email", "email": "jay@example.com"})
    answer(client, "safe-contact", {"times": ["evening"], "leave_message": "no"})
    answer(client, "sharing", {})
    assert "jay@example.com" in check_page(client)


def test_every_answer_has_a_change_link(client):
    answer_up_to_reply(client, role="advocate")
    finish_with_a_text_reply(client)
    page = check_page(client)
    rows = page.count('<dt class="summary-key">')
    assert rows == 16
    assert page.count(">Change<") == rows
    for typed in HELPER.values():
        assert typed in page


def test_changing_the_phone_goes_back_to_check_keeping_everything(client):
    answer_up_to_reply(client)
    finish_with_a_text_reply(client)
    change = client.get("/tell-us/reply", query_string={"check": "1"})
    html = change.get_data(as_text=True)
    assert 'value="07911 234567"' in html and 'value="Jay"' in html
    assert '<a href="/tell-us/check" class="back-link">' in html
    saved = post_form(client, "/tell-us/reply?check=1",
                      {"reply_channel": "sms", "name": "Jay", "phone": "07911 765432"})
    assert saved.headers["Location"].endswith("/tell-us/check")
    page = check_page(client)
    assert "07••• ••5 432" in page and "07••• ••4 567" not in page
    assert "my carer reads my diary" in page and "text only please" in page


def test_a_change_that_opens_a_new_question_asks_it_then_returns_to_check(client):
    answer_up_to_reply(client)
    answer(client, "reply", {"reply_channel": "none"})
    answer(client, "sharing", {})
    check_page(client)
    saved = post_form(client, "/tell-us/reply?check=1",
                      {"reply_channel": "email", "email": "jay@example.com"})
    assert saved.headers["Location"].endswith("/tell-us/safe-contact?check=1")
    done = post_form(client, "/tell-us/safe-contact?check=1",
                     {"times": ["evening"], "leave_message": "yes"})
    assert done.headers["Location"].endswith("/tell-us/check")
    assert "jay@example.com" in check_page(client)


# Questions that fit ------------------------------------------------------------------------

def test_a_compliment_is_not_asked_what_would_make_it_better_nor_offered_an_advocate(client):
    answer(client, "what", {"type": "compliment"})
    answer(client, "who", {"role": "young_person"})
    answer(client, "about", {"service_area": "fostering"})
    after = answer(client, "what-happened", {"text": "my carer is kind to me"})
    assert after.headers["Location"].endswith("/tell-us/reply")
    for skipped in ("/tell-us/what-would-help", "/tell-us/advocate"):
        assert client.get(skipped).headers["Location"].endswith("/tell-us/reply")
    answer(client, "reply", {"reply_channel": "none"})
    answer(client, "sharing", {})
    page = check_page(client)
    assert "What would make it better" not in page and "Advocate" not in page


def test_an_advocate_asked_for_before_changing_to_a_compliment_is_not_sent(client):
    answer(client, "what", {"type": "complaint"})
    answer(client, "advocate", {"advocate": "yes"})
    answer(client, "advocate-provider", {"advocate_provider": "nyas"})
    send_complaint(client, type_="compliment", text="my carer is kind to me")
    record = db.session.scalars(select(Representation)).one()
    assert record.advocate_requested == "no" and record.advocate_provider is None
    assert not record.what_would_help


def test_the_list_of_advocates_comes_only_after_a_yes(client):
    answer(client, "what", {"type": "complaint"})
    offer = client.get("/tell-us/advocate").get_data(as_text=True)
    assert "Coram Voice" not in offer and "NYAS" not in offer
    assert answer(client, "advocate", {"advocate": "no"}).headers["Location"].endswith(
        "/tell-us/reply")
    assert client.get("/tell-us/advocate-provider").status_code == 302
    assert answer(client, "advocate", {"advocate": "yes"}).headers["Location"].endswith(
        "/tell-us/advocate-provider")
    providers = client.get("/tell-us/advocate-provider").get_data(as_text=True)
    assert "Coram Voice" in providers and "<h1" in providers
    unchosen = answer(client, "advocate-provider", {})
    assert unchosen.status_code == 400
    assert "Choose which advocate you would like" in unchosen.get_data(as_text=True)
    page = send_complaint(client, advocate={"advocate": "yes",
                                            "advocate_provider": "coram_voice"})
    assert page.status_code == 200
    record = db.session.scalars(select(Representation)).one()
    assert (record.advocate_requested, record.advocate_provider) == ("yes", "coram_voice")


def test_a_helper_is_asked_about_the_young_person_and_about_themselves(client):
    answer_up_to_reply(client, role="advocate")
    about_child = client.get("/tell-us/what-happened").get_data(as_text=True)
    assert "What happened to the young person?" in about_child
    advocate = client.get("/tell-us/advocate").get_data(as_text=True)
    assert "Would the young person like an advocate?" in advocate
    reply = client.get("/tell-us/reply").get_data(as_text=True)
    assert "How should we reply to you?" in reply
    assert "not to the young person" in reply
    finish_with_a_text_reply(client)
    page = check_page(client)
    assert "About the young person" in page and "About you" in page
    assert page.index("About the young person") < page.index("my carer reads my diary") \
        < page.index("About you") < page.index("Priya Shah")


@pytest.mark.parametrize("role", ["advocate", "professional", "parent", "carer", "relative"])
def test_a_grown_up_is_not_offered_school_times_for_themselves(client, role):
    answer_up_to_reply(client, role=role)
    answer(client, "reply", {"reply_channel": "sms", "phone": "07911 234567"})
    page = client.get("/tell-us/safe-contact").get_data(as_text=True)
    for school_time in ("before school", "in school hours", "after school"):
        assert school_time not in page.lower()
    assert 'value="morning"' not in page and 'value="school_hours"' not in page
    refused = answer(client, "safe-contact", {"times": ["school_hours"], "leave_message": "no"})
    assert refused.status_code == 400


@pytest.mark.parametrize("role", ["young_person", "care_leaver", "other"])
def test_a_young_person_is_offered_school_times(client, role):
    answer_up_to_reply(client, role=role)
    answer(client, "reply", {"reply_channel": "sms", "phone": "07911 234567"})
    page = client.get("/tell-us/safe-contact").get_data(as_text=True)
    assert "In the morning, before school" in page and "In school hours" in page


def test_school_times_ticked_before_becoming_a_helper_are_asked_again(client):
    answer_up_to_reply(client)
    answer(client, "reply", {"reply_channel": "sms", "phone": "07911 234567"})
    answer(client, "safe-contact", {"times": ["morning"], "leave_message": "no"})
    answer(client, "sharing", {})
    check_page(client)
    post_form(client, "/tell-us/who?check=1", {"role": "advocate"})
    post_form(client, "/tell-us/helper?check=1", HELPER)
    assert client.get("/tell-us/check").headers["Location"].endswith("/tell-us/safe-contact")


def walk(client: FlaskClient, type_: str, role: str, advocate: str, reply: str) -> list:
    """Follow the form from the first question to "check your answers", as a person
    would; the "Question N of M" of each page on the way."""
    answers = {
        "what": {"type": type_}, "who": {"role": role}, "helper": HELPER,
        "about": {"service_area": "fostering"}, "what-happened": {"text": "my carer shouts"},
        "what-would-help": {}, "advocate": {"advocate": advocate},
        "advocate-provider": {"advocate_provider": "nyas"},
        "reply": {"reply_channel": reply, "phone": "07911 234567"},
        "safe-contact": {"times": ["any"], "leave_message": "no"}, "sharing": {},
    }
    path, seen = "/tell-us/what", []
    while path != "/tell-us/check":
        slug = path.rsplit("/", 1)[1]
        page = client.get(path).get_data(as_text=True)
        position, total = map(int, PROGRESS.search(page).groups())
        seen.append((slug, position, total))
        path = answer(client, slug, answers[slug]).headers["Location"]
        assert len(seen) < 20
    return seen


@pytest.mark.parametrize(("type_", "role", "advocate", "reply"), list(itertools.product(
    ("complaint", "compliment", "comment", "enquiry"), ("young_person", "advocate"),
    ("yes", "no"), ("none", "sms"))))
def test_progress_counts_the_path_taken_and_never_jumps(client, type_, role, advocate, reply):
    seen = walk(client, type_, role, advocate, reply)
    positions = [position for _slug, position, _total in seen]
    totals = [total for _slug, _position, total in seen]
    assert positions == list(range(1, len(seen) + 1)), seen
    assert totals == sorted(totals, reverse=True), seen  # the count never grows
    assert totals[-1] == len(seen), seen  # the last question is "N of N"
    slugs = [slug for slug, _position, _total in seen]
    assert ("what-would-help" in slugs) == (type_ != "compliment")
    assert ("helper" in slugs) == (role == "advocate")
    assert ("advocate-provider" in slugs) == (type_ != "compliment" and advocate == "yes")
    assert ("safe-contact" in slugs) == (reply != "none")


@pytest.mark.parametrize("path", ["/", "/tell-us/what", "/chat", "/what-is-an-advocate"])
def test_with_no_council_name_the_header_and_title_read_your_council(client, path):
    page = client.get(path).get_data(as_text=True)
    assert "Tell Your" not in page
    assert re.search(r"<title>[^<]* - Tell your council</title>", page)
    assert '<a href="/" class="site-name">Tell your council</a>' in page


@pytest.mark.parametrize("role", ["young_person", "advocate"])
def test_the_changed_pages_read_at_about_age_nine(client, role):
    answer_up_to_reply(client, role=role)
    answer(client, "advocate", {"advocate": "yes"})
    answer(client, "advocate-provider", {"advocate_provider": "nyas"})
    finish_with_a_text_reply(client)
    for path in ("/tell-us/what-happened", "/tell-us/advocate", "/tell-us/advocate-provider",
                 "/tell-us/reply", "/tell-us/safe-contact", "/tell-us/check", "/chat"):
        text = main_text(client.get(path).get_data())
        assert textstat.flesch_kincaid_grade(text) <= 5, (path, text)
