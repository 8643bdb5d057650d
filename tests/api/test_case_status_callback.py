"""POST /api/v1/cases/<reference>/status: the case store tells us what happened next."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import AuditEvent, CaseStatusUpdate, OutboxMessage, Representation, SmsOptOut
from intake_app.services.protection import lookup_hash

from ..outbox.conftest import drain
from .conftest import PHONE, representation

# A deadline the case store may set (within two years of today), whenever the tests run.
DUE = date.today() + timedelta(days=60)


def _submit(client, headers, **fields) -> str:
    response = client.post("/api/v1/representations", headers=headers,
                           json=representation(**fields))
    assert response.status_code == 201, response.json
    return response.json["reference"]


def _callback(client, headers, reference, **fields):
    body = {"event_id": "evt-1", "case_status": "stage1_in_progress", **fields}
    return client.post(f"/api/v1/cases/{reference}/status", headers=headers, json=body)


def _status_messages(kind: str) -> list[OutboxMessage]:
    return [message for message in db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == kind))
        if message.payload.get("purpose") == "case_status"]


def test_only_the_case_store_token_may_report(client, intake_headers, case_store_headers):
    reference = _submit(client, intake_headers)
    assert _callback(client, {}, reference).status_code == 401
    assert _callback(client, {"Authorization": "Bearer wrong"}, reference).status_code == 401
    assert _callback(client, {"Authorization": "Basic abc"}, reference).status_code == 401
    assert _callback(client, intake_headers, reference).status_code == 403
    assert db.session.scalars(select(CaseStatusUpdate)).first() is None


def test_unknown_references_are_404(client, case_store_headers):
    assert _callback(client, case_store_headers, "ABCD-EFGH").status_code == 404
    assert _callback(client, case_store_headers, "rubbish").status_code == 404


def test_bad_statuses_outcomes_and_deadlines_are_named(client, intake_headers,
                                                       case_store_headers):
    reference = _submit(client, intake_headers)
    response = _callback(client, case_store_headers, reference, case_status="lost",
                         outcome="maybe", deadlines={"stage1_due": "soon", "stage9": "x"})
    assert response.status_code == 422
    assert set(response.json["errors"]) == {"case_status", "outcome", "deadlines.stage1_due",
                                            "deadlines.stage9"}
    assert _callback(client, case_store_headers, reference, event_id="").status_code == 422


def test_an_update_is_recorded_and_the_child_told_by_text_in_plain_words(
        app, client, intake_headers, case_store_headers):
    reference = _submit(client, intake_headers, reply_channel="sms",
                        contact={"phone": PHONE})
    response = _callback(client, case_store_headers, reference,
                         deadlines={"stage1_due": DUE.isoformat()},
                         message_for_child="Thank you for <i>telling</i> us.")
    assert response.status_code == 201
    assert response.json == {"reference": reference, "event_id": "evt-1",
                             "case_status": "stage1_in_progress", "recorded": True,
                             "child_notified_by": "sms"}
    record = db.session.scalars(select(Representation)).one()
    assert record.case_status == "stage1_in_progress"
    assert record.stage1_due == DUE
    (update,) = db.session.scalars(select(CaseStatusUpdate)).all()
    assert update.message_for_child == "Thank you for telling us."
    assert "case_status_updated" in db.session.scalars(select(AuditEvent.action)).all()
    (sms,) = _status_messages("sms")
    body = sms.payload["body"]
    assert body.startswith("We are looking into your complaint now. "
                           f"We will reply by {DUE:%A} {DUE.day} {DUE:%B %Y}.")
    assert "Thank you for telling us." in body and reference in body


def test_a_replayed_event_changes_nothing(client, intake_headers, case_store_headers):
    reference = _submit(client, intake_headers, reply_channel="sms", contact={"phone": PHONE})
    first = _callback(client, case_store_headers, reference)
    replay = _callback(client, case_store_headers, reference, case_status="closed")
    assert (first.status_code, replay.status_code) == (201, 200)
    assert replay.json["recorded"] is False
    assert db.session.scalars(select(Representation)).one().case_status == "stage1_in_progress"
    assert len(db.session.scalars(select(CaseStatusUpdate)).all()) == 1
    assert len(_status_messages("sms")) == 1


def test_outcome_by_email_says_they_can_take_it_further(client, intake_headers,
                                                        case_store_headers):
    reference = _submit(client, intake_headers, reply_channel="email",
                        contact={"email": "sam@example.org"})
    response = _callback(client, case_store_headers, reference, event_id="evt-9",
                         case_status="stage1_responded", outcome="not_upheld")
    assert response.json["child_notified_by"] == "email"
    (email,) = _status_messages("email")
    assert "we do not agree with what you told us" in email.payload["text"]
    assert "you can ask us to look again" in email.payload["text"]
    assert reference in email.payload["subject"]
    assert email.payload["html"].count("<h1>") == 1


def test_no_reply_means_no_message_and_stop_means_no_text(
        app, client, intake_headers, case_store_headers):
    silent = _submit(client, intake_headers, reply_channel="none")
    assert _callback(client, case_store_headers, silent).json["child_notified_by"] is None
    stopped = _submit(client, intake_headers, reply_channel="sms", contact={"phone": PHONE})
    db.session.add(SmsOptOut(phone_lookup_hash=lookup_hash(PHONE), keyword="STOP"))
    db.session.commit()
    assert _callback(client, case_store_headers, stopped).status_code == 201
    drain(app)
    (sms,) = _status_messages("sms")
    assert sms.state == "cancelled"


def test_a_status_text_waits_for_the_childs_safe_time(
        app, client, intake_headers, case_store_headers, monkeypatch):
    from datetime import UTC, datetime

    from intake_app.outbox.worker import run_once

    from ..outbox.conftest import set_delivery_clock

    reference = _submit(client, intake_headers, reply_channel="sms", contact={"phone": PHONE},
                        contact_safety={"times": ["evening"], "leave_message": False})
    assert _callback(client, case_store_headers, reference).status_code == 201
    # Wednesday 18 November 2026, 11:00 in London (GMT): not the evening.
    set_delivery_clock(monkeypatch, datetime(2026, 11, 18, 11, 0, tzinfo=UTC))
    run_once(app)
    db.session.expire_all()
    (status_sms,) = _status_messages("sms")
    assert (status_sms.state, status_sms.attempts, status_sms.last_error) == ("pending", 0, None)
    assert status_sms.next_attempt_at == datetime(2026, 11, 18, 18, 0, tzinfo=UTC)
    set_delivery_clock(monkeypatch, datetime(2026, 11, 18, 18, 5, tzinfo=UTC))
    drain(app)
    assert _status_messages("sms")[0].state == "delivered"
