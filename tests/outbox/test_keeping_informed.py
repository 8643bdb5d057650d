"""Keeping the child informed: when an officer moves a date, the child (or whoever they
chose to hear back) is told the new date and a plain reason by their chosen route, in their
language and only in their safe times; "no reply" sends nothing, and the status page still
shows the date. The officer's own words never reach the child."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
import textstat
from flask import request_started
from flask_babel import force_locale, format_date

from intake_app.extensions import db
from intake_app.models import StaffUser
from intake_app.outbox.worker import run_once
from intake_app.services.child_news import NEWS, REASONS_FOR_CHILD
from intake_app.services.status_checks import answer_for

from ..conftest import _fresh_request_globals
from ..i18n.catalogues import compile_to
from ..officers.conftest import sign_in_as
from .conftest import add_record, drain, messages, set_delivery_clock
from .test_email import _smtp_settings, smtp_server  # noqa: F401 - fixture

PHONE = "+447911123456"
# Wednesday 18 November 2026 (GMT): school hours, then after school.
SCHOOL_TIME = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)
AFTER_SCHOOL = datetime(2026, 11, 18, 15, 45, tzinfo=UTC)
OFFICERS_WORDS = "Waiting for Mr Jones in the placement team"


@pytest.fixture
def officer(forwarding_app):
    def signed_in(app):
        request_started.connect(_fresh_request_globals, app)
        staff = StaffUser(email="olu@council.example", name="Olu Officer", role="officer",
                          active=True)
        db.session.add(staff)
        db.session.commit()
        return sign_in_as(app.test_client(), staff)
    return signed_in


def extend(client, record, reason_for_child: str = "waiting_information"):
    path = f"/officers/records/{record.reference}"
    page = client.get(path).get_data(as_text=True)
    token = re.search(r'name="extend_deadline-csrf_token" type="hidden" value="([^"]+)"',
                      page).group(1)
    response = client.post(f"{path}/extend-deadline", data={
        "extend_deadline-csrf_token": token, "extend_deadline-reason": OFFICERS_WORDS,
        "extend_deadline-reason_for_child": reason_for_child,
        "extend_deadline-agreed": "agreed"})
    assert response.status_code == 302, response.get_data(as_text=True)


def test_an_extension_is_texted_with_the_new_date_only_in_safe_times(
        forwarding_app, officer, monkeypatch):
    app = forwarding_app()
    with app.app_context():
        record = add_record(reply_channel="sms", contact={"phone": PHONE},
                            contact_safety={"times": ["after_school"], "leave_message": False,
                                            "note": ""})
        db.session.commit()
        extend(officer(app), record)
        (text,) = messages("sms")
        body = text.payload["body"]
        assert "We will answer by Thursday 24 December 2026." in body
        assert "waiting for some information" in body
        assert "Jones" not in body and "placement" not in body
        assert record.reference[:4] in body
        set_delivery_clock(monkeypatch, SCHOOL_TIME)
        run_once(app)
        assert messages("sms")[0].state == "pending"  # held until after school
        set_delivery_clock(monkeypatch, AFTER_SCHOOL)
        run_once(app)
        assert messages("sms")[0].state == "delivered"


def test_the_news_is_in_the_childs_language(forwarding_app, officer, tmp_path_factory):
    # Catalogues compiled from the .po files as they are now (as tests/i18n does).
    compiled = compile_to(tmp_path_factory.mktemp("translations"))
    app = forwarding_app(SUPPORTED_LOCALES=("en", "cy"),
                         BABEL_TRANSLATION_DIRECTORIES=str(compiled))
    with app.app_context():
        record = add_record(reply_channel="sms", contact={"phone": PHONE}, language="cy")
        db.session.commit()
        extend(officer(app), record)
        body = messages("sms")[0].payload["body"]
        with force_locale("cy"):
            welsh_date = format_date(record.stage1_extended_due, "EEEE d MMMM y")
        assert "Mae angen mwy o amser arnon ni i ateb eich cwyn" in body
        assert welsh_date in body and "December" not in body


def test_an_email_reply_gets_the_news_by_email(forwarding_app, officer, smtp_server):  # noqa: F811
    port, mailbox = smtp_server
    app = forwarding_app(**_smtp_settings(port))
    with app.app_context():
        record = add_record(reply_channel="email", contact={"email": "sam@example.org"})
        db.session.commit()
        extend(officer(app), record, reason_for_child="more_time")
        drain(app)
        assert messages("email")[0].state == "delivered"
    (message,) = mailbox.messages
    assert mailbox.recipients == [["sam@example.org"]]
    text = message.get_body(("plain",)).get_content()
    assert "We will answer by Thursday 24 December 2026." in text
    assert "look at everything properly" in text and "Jones" not in text


def test_no_reply_wanted_sends_nothing_but_the_status_page_has_the_date(forwarding_app,
                                                                         officer):
    app = forwarding_app()
    with app.app_context():
        record = add_record(reply_channel="none")
        db.session.commit()
        extend(officer(app), record)
        assert messages("sms") == [] and messages("email") == []
        with app.test_request_context():
            answer = answer_for(record, "en")
        assert answer.next_date == record.stage1_extended_due


def test_every_news_sentence_reads_at_about_age_nine(forwarding_app):
    app = forwarding_app()
    with app.test_request_context():
        for news, sentence in NEWS.items():
            for reason in (None, *REASONS_FOR_CHILD):
                text = str(sentence) % {"date": "Friday 4 December 2026"}
                if reason:
                    text += " " + str(REASONS_FOR_CHILD[reason])
                assert textstat.flesch_kincaid_grade(text) <= 5, (news, reason, text)
