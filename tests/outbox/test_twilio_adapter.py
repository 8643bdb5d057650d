"""The ``twilio`` SMS adapter through the real Twilio REST client, with its HTTP layer
replaced by a recording stand-in (no network): success, a refusal and an outage."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from twilio.http import HttpClient
from twilio.http.response import Response

from intake_app.extensions import db
from intake_app.outbox.adapters import sms
from intake_app.outbox.enqueue import enqueue

from .conftest import add_record, drain, messages

PHONE = "+447911123456"
TWILIO = {"SMS_ADAPTER": "twilio", "TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
          "TWILIO_AUTH_TOKEN": "token", "TWILIO_FROM_NUMBER": "+447900000000"}


class TwilioStandIn(HttpClient):
    """Answers every request with the next queued (status, body) and records it."""

    def __init__(self) -> None:
        super().__init__(logging.getLogger("twilio.stand_in"), False)
        self.answers: list[tuple[int, dict[str, Any]]] = []
        self.requests: list[dict[str, Any]] = []

    def request(self, method: str, url: str, params: Any = None, data: Any = None,
                headers: Any = None, auth: Any = None, timeout: Any = None,
                allow_redirects: bool = False) -> Response:
        self.requests.append({"method": method, "url": url, "data": data})
        status, body = self.answers.pop(0)
        return Response(status, json.dumps(body))


@pytest.fixture
def twilio(monkeypatch: pytest.MonkeyPatch) -> TwilioStandIn:
    stand_in = TwilioStandIn()
    monkeypatch.setattr(sms, "TwilioHttpClient", lambda timeout=None: stand_in)
    return stand_in


def _queue_sms(body: str = "Thank you") -> None:
    record = add_record(reply_channel="sms", contact={"phone": PHONE})
    enqueue("sms", record, {"purpose": "acknowledgement", "body": body},
            key_suffix="acknowledgement")
    db.session.commit()


def test_twilio_sends_to_the_records_number(forwarding_app, twilio):
    twilio.answers.append((201, {"sid": "SM123", "status": "queued"}))
    app = forwarding_app(**TWILIO)
    with app.app_context():
        _queue_sms("Your reference is ABCD-EFGH")
        drain(app)
        assert messages("sms")[0].state == "delivered"
    (request,) = twilio.requests
    assert request["method"] == "POST" and request["url"].endswith("/Messages.json")
    assert request["data"]["To"] == PHONE
    assert request["data"]["Body"] == "Your reference is ABCD-EFGH"


def test_twilio_refusal_is_not_retried_and_its_outage_is(forwarding_app, twilio):
    queue = twilio.answers
    queue.append((400, {"code": 21610, "message": "Attempt to send to unsubscribed recipient",
                        "status": 400}))
    app = forwarding_app(**TWILIO)
    with app.app_context():
        _queue_sms()
        drain(app)
        (refused,) = messages("sms")
        assert refused.state == "delivery_failed" and "21610" in refused.last_error
        queue.extend([(503, {"message": "unavailable", "status": 503}),
                      (201, {"sid": "SM9", "status": "queued"})])
        refused.state, refused.attempts = "pending", 0
        db.session.commit()
        drain(app)
        (sent,) = messages("sms")
        assert sent.state == "delivered" and sent.attempts == 2
