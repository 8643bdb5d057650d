"""An advocate submits for a child: the child's words kept apart from the advocate's, the
consent recorded and shown to officers and in the case document, replies going exactly
where the child chose (emails through a real SMTP server), and a disagreement with triage
held for an officer."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, request_started
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator
from sqlalchemy import select

from intake_app.domain.references import normalise
from intake_app.extensions import db
from intake_app.models import AdvocateSubmission, Representation
from intake_app.outbox.adapters.case_document import build_case_document

from ..conftest import _fresh_request_globals, post_form
from ..officers.conftest import sign_in_as
from ..outbox.conftest import drain, forwarding_app, messages  # noqa: F401 - fixture
from ..outbox.test_email import _smtp_settings, smtp_server  # noqa: F401 - fixture
from .conftest import invite_advocate, sign_in_advocate

CHILD_WORDS = "I have had four social workers this year and none of them call me back"
SUMMARY = "Jo has been let down repeatedly; in my view allocation failed"
REFERENCE = re.compile(r'<strong class="reference">([^<]+)</strong>')


def answers(**changes: Any) -> dict[str, Any]:
    """A complete form, as an advocate fills it in."""
    return {
        "child_name": "Jo", "age_band": "13_to_15", "child_status": "looked_after",
        "council_team": "Children in care team 2", "language": "en", "interpreter": "y",
        "disability": "Dyslexia: short sentences help", "preferred_way": "face_to_face",
        "child_words": CHILD_WORDS, "advocate_summary": SUMMARY,
        "child_wants": "A social worker who stays and calls back",
        "consent_method": "in_person",
        "consent_given_on": (date.today() - timedelta(days=1)).isoformat(),
        "sharing": "Everything here, with the complaints team and the team manager only",
        "replies_to": "both", "child_reply_channel": "email",
        "child_email": "jo@example.org", "declared_type": "complaint",
        "categories": ["worker_allocation", "communication"],
        "service_area": "children_in_care", "urgency": "normal", **changes}


def send(client: FlaskClient, **changes: Any):
    return post_form(client, "/advocates/submit", answers(**changes))


def sent_record(response) -> Representation:
    shown = REFERENCE.search(response.get_data(as_text=True)).group(1)
    return db.session.scalar(select(Representation).where(
        Representation.reference == normalise(shown)))


@pytest.fixture
def mail_app(forwarding_app, smtp_server):  # noqa: F811 - fixtures
    port, mailbox = smtp_server
    app = forwarding_app(**_smtp_settings(port))
    request_started.connect(_fresh_request_globals, app)
    with app.app_context():
        yield app, mailbox
    request_started.disconnect(_fresh_request_globals, app)


@pytest.mark.parametrize(("replies_to", "expected"), [
    ("child", [["jo@example.org"]]),
    ("advocate", [["sam@nyas.example"]]),
    ("both", [["jo@example.org"], ["sam@nyas.example"]]),
])
def test_the_acknowledgement_goes_exactly_where_the_child_chose(
        mail_app, replies_to: str, expected: list[list[str]]) -> None:
    app, mailbox = mail_app
    advocate = invite_advocate("sam@nyas.example", "nyas")
    browser = sign_in_advocate(app.test_client(), advocate)

    response = send(browser, replies_to=replies_to)

    assert response.status_code == 200, response.get_data(as_text=True)
    record = sent_record(response)
    assert record.channel == "advocate" and record.complainant_role == "advocate"
    assert db.session.get(AdvocateSubmission, record.id).replies_to == replies_to
    drain(app)
    assert sorted(mailbox.recipients) == sorted(expected)
    for message in mailbox.messages:
        assert record.reference[:4] in message.get_body(("plain",)).get_content()


def test_the_childs_words_are_kept_apart_from_the_advocates_summary(
        app: Flask, advocate_client) -> None:
    browser = advocate_client("sam@nyas.example", "nyas")
    record = sent_record(send(browser))
    details = db.session.get(AdvocateSubmission, record.id)
    assert record.text == CHILD_WORDS
    assert record.what_would_help == "A social worker who stays and calls back"
    assert details.advocate_summary == SUMMARY
    assert SUMMARY not in record.text
    # Encrypted at rest: the database holds no word of either.
    raw = db.session.execute(db.text(
        "SELECT advocate_summary, child_name, sharing FROM advocate_submission")).one()
    summary, name, sharing = raw
    assert "let down repeatedly" not in summary and name != "Jo"
    assert "complaints team" not in sharing

    page = browser.get(f"/advocates/submissions/{record.reference}").get_data(as_text=True)
    assert CHILD_WORDS in page and SUMMARY in page


def test_consent_is_shown_to_officers_and_in_the_case_document(
        app: Flask, advocate_client, make_staff) -> None:
    browser = advocate_client("sam@nyas.example", "nyas")
    record = sent_record(send(browser))
    officer = sign_in_as(app.test_client(), make_staff("officer"))
    case_page = officer.get(f"/officers/records/{record.reference}").get_data(as_text=True)
    assert "The child agreed in person on" in case_page
    assert "with the complaints team and the team manager only" in case_page

    document = build_case_document(record, idempotency_key="test")
    consent = document["complainant"]["for_child"]["consent"]
    assert consent == {"method": "in_person",
                       "given_on": (date.today() - timedelta(days=1)).isoformat(),
                       "sharing": "Everything here, with the complaints team and the team "
                                  "manager only"}
    assert document["complainant"]["for_child"]["replies_to"] == "both"
    assert "The child agreed in person on" in document["complainant"]["on_behalf"]["consent"]
    schema = json.loads((Path(__file__).parents[2] / "docs/schemas/case.v1.json").read_text())
    Draft202012Validator(schema).validate(document)


def test_a_form_with_gaps_comes_back_with_kind_messages_and_nothing_lost(
        app: Flask, advocate_client) -> None:
    browser = advocate_client("sam@nyas.example", "nyas")
    response = send(browser, consent_method="", sharing="",
                    consent_given_on=(date.today() + timedelta(days=3)).isoformat(),
                    child_email="not an address")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Choose how the child agreed" in page
    assert "The date the child agreed cannot be in the future" in page
    assert "Write what may be shared, and with whom" in page
    assert CHILD_WORDS in page and SUMMARY in page  # nothing typed is lost
    assert db.session.scalar(select(db.func.count(Representation.id))) == 0
    fixed = send(browser)
    assert fixed.status_code == 200


def test_a_bad_email_for_the_child_is_refused_at_that_question(
        app: Flask, advocate_client) -> None:
    browser = advocate_client("sam@nyas.example", "nyas")
    response = send(browser, child_email="not an address")
    assert response.status_code == 400
    assert "Enter the child&#39;s email address" in response.get_data(as_text=True)


def test_disagreement_with_the_advocates_categories_is_held_for_review(
        app: Flask, advocate_client) -> None:
    browser = advocate_client("sam@nyas.example", "nyas")
    agreed = sent_record(send(browser))
    disputed = sent_record(send(browser, categories=["money"]))
    assert not any("The advocate chose" in reason
                   for reason in agreed.triage_detail.triage_reasons)
    assert disputed.needs_review
    assert any("The advocate chose money" in reason
               for reason in disputed.triage_detail.triage_reasons)


def test_a_safeguarding_concern_in_the_advocates_words_is_screened(
        app: Flask, advocate_client) -> None:
    browser = advocate_client("sam@nyas.example", "nyas")
    record = sent_record(send(browser, advocate_summary="Jo told me she wants to kill herself"))
    assert record.safeguarding_flag
    assert messages("safeguarding_alert")


def test_a_concern_the_advocate_names_alerts_the_duty_team_whatever_the_screen_reads(
        app: Flask, advocate_client) -> None:
    """Words the screen would pass ("already referred") still reach the duty team: the
    advocate knows the child and chose the kind."""
    browser = advocate_client("sam@nyas.example", "nyas")
    words = "Referred to the MASH on Monday, the police are aware. Jo does not know yet."
    record = sent_record(send(browser, safeguarding_known=words,
                              safeguarding_kinds=["sexual_exploitation"]))
    assert record.safeguarding_flag and record.priority == "urgent"
    assert record.safeguarding_kinds == ["sexual_exploitation"]
    alerts = messages("safeguarding_alert")
    assert len(alerts) == 1 and alerts[0].representation_id == record.id
    document = build_case_document(record, idempotency_key="k")
    assert document["safeguarding"]["kinds"] == ["sexual_exploitation"]
    assert any(item["text"] == words for item in document["safeguarding"]["evidence"])


@pytest.mark.parametrize(("changes", "message"), [
    ({"safeguarding_known": "Jo's older 'boyfriend' collects her from school in a car"},
     "Choose what kind of concern it is, so the duty team can act"),
    ({"safeguarding_kinds": ["neglect"]}, "Write what you know of the concern"),
])
def test_half_a_concern_is_asked_for_again_keeping_every_answer(
        app: Flask, advocate_client, changes: dict[str, Any], message: str) -> None:
    browser = advocate_client("sam@nyas.example", "nyas")
    response = send(browser, **changes)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in page
    assert CHILD_WORDS in page
    for value in changes.values():
        shown = value[0] if isinstance(value, list) else value
        assert (f'value="{shown}" checked' if isinstance(value, list)
                else shown.replace("'", "&#39;")) in page
    assert db.session.scalar(select(Representation.id)) is None
    assert not messages("safeguarding_alert")


def test_another_organisation_cannot_open_the_record(app: Flask, advocate_client) -> None:
    ours = advocate_client("sam@nyas.example", "nyas")
    record = sent_record(send(ours))
    theirs = advocate_client("ali@barnardos.example", "barnardos")
    assert theirs.get(f"/advocates/submissions/{record.reference}").status_code == 404
    assert record.reference[:4] not in theirs.get("/advocates/").get_data(as_text=True)
    colleague = advocate_client("kim@nyas.example", "nyas")
    assert colleague.get(f"/advocates/submissions/{record.reference}").status_code == 200
