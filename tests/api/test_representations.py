"""POST /api/v1/representations: tokens, validation, idempotency, conversations."""

from __future__ import annotations

from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import OutboxMessage, Representation
from intake_app.services.protection import decrypt_json
from intake_app.services.tokens import create_token, revoke_token

from .conftest import PHONE, add_conversation, representation

URL = "/api/v1/representations"


def test_without_a_live_intake_token_nothing_is_saved(client, app, case_store_headers):
    assert client.post(URL, json=representation()).status_code == 401
    bad = {"Authorization": "Bearer not-a-token"}
    assert client.post(URL, json=representation(), headers=bad).status_code == 401
    token = create_token("old-partner").token
    revoke_token("old-partner")
    revoked = {"Authorization": f"Bearer {token}"}
    assert client.post(URL, json=representation(), headers=revoked).status_code == 401
    wrong_scope = client.post(URL, json=representation(), headers=case_store_headers)
    assert wrong_scope.status_code == 403
    assert db.session.scalars(select(Representation)).first() is None


def test_a_body_that_is_not_json_is_a_400(client, intake_headers):
    response = client.post(URL, data="text=hello", headers=intake_headers,
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert response.json["message"]


def test_every_bad_field_is_named(client, intake_headers):
    response = client.post(URL, headers=intake_headers, json={
        "text": "", "advocate": "maybe", "reply_channel": "pigeon",
        "contact": {"phone": 7700900123}, "colour": "blue",
    })
    assert response.status_code == 422
    assert response.json["errors"] == {
        "advocate": "must be one of: yes, help_me_choose, no",
        "colour": "is not a field this API knows",
        "contact.phone": "must be a string",
        "reply_channel": "must be one of: sms, email, phone, letter, none",
        "text": "must not be empty",
    }


def test_domain_rules_come_back_as_field_errors(client, intake_headers):
    response = client.post(URL, headers=intake_headers, json=representation(
        reply_channel="sms", contact={"phone": "01632 960 001"}, advocate="yes"))
    assert response.status_code == 422
    assert response.json["errors"] == {
        "advocate_provider": "is required when advocate is yes",
        "contact.phone": "must be a mobile number (UK, or another country's with + and its code)",
    }


def test_submit_returns_the_reference_dates_and_acknowledgement(client, intake_headers):
    response = client.post(URL, headers=intake_headers, json=representation(
        reply_channel="sms", contact={"phone": "07911 123456"}, idempotency_key="k-1"))
    assert response.status_code == 201
    body = response.json
    assert set(body) == {"reference", "status", "deadlines", "reply_by", "reply_by_words",
                         "acknowledgement", "safeguarding", "status_secret"}
    assert len(body["reference"]) == 9 and body["reference"][4] == "-"
    assert len(body["status_secret"]) == 6 and body["status_secret"] in body["acknowledgement"]
    stored = db.session.scalars(select(Representation).where(
        Representation.reference == body["reference"].replace("-", ""))).one()
    assert body["status"] == stored.status
    assert body["reply_by"] == body["deadlines"]["acknowledgement_due"]
    assert body["reply_by_words"].split()[0] in (
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    assert body["reference"] in body["acknowledgement"]
    record = db.session.scalars(select(Representation)).one()
    assert record.channel == "api"
    kinds = set(db.session.scalars(select(OutboxMessage.kind)))
    assert kinds == {"case", "sms"}


def test_the_same_idempotency_key_returns_the_first_record(client, intake_headers):
    first = client.post(URL, headers=intake_headers, json=representation(idempotency_key="k"))
    again = client.post(URL, headers=intake_headers, json=representation(idempotency_key="k"))
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json["reference"] == again.json["reference"]
    assert len(db.session.scalars(select(Representation)).all()) == 1


def test_a_conversation_lends_its_phone_and_is_attached(client, intake_headers):
    conversation = add_conversation("rasa-sender-1")
    response = client.post(URL, headers=intake_headers, json=representation(
        channel="sms", reply_channel="sms", conversation_id="rasa-sender-1"))
    assert response.status_code == 201
    record = db.session.scalars(select(Representation)).one()
    assert record.conversation_id == conversation.id
    assert decrypt_json(record.contact.contact_encrypted)["phone"] == PHONE
    assert record.contact.phone_lookup_hash == conversation.phone_lookup_hash


def test_an_unknown_conversation_is_a_field_error(client, intake_headers):
    response = client.post(URL, headers=intake_headers,
                           json=representation(conversation_id="nobody"))
    assert response.status_code == 422
    assert response.json["errors"] == {"conversation_id": "is not one we know"}


def _bearer(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_token(name).token}"}


def test_idempotency_keys_belong_to_the_token_that_sent_them(client, app):
    first_app, second_app = _bearer("partner-a"), _bearer("partner-b")
    one = client.post(URL, headers=first_app, json=representation(
        text="Nobody came to my review.", idempotency_key="1"))
    other = client.post(URL, headers=second_app, json=representation(
        text="My placement is moving and nobody asked me.", idempotency_key="1"))
    assert (one.status_code, other.status_code) == (201, 201)
    assert one.json["reference"] != other.json["reference"]
    texts = set(db.session.scalars(select(Representation.text)))
    assert texts == {"Nobody came to my review.", "My placement is moving and nobody asked me."}
    keys = set(db.session.scalars(select(Representation.submission_key)))
    assert all(key.startswith("api:") and key.endswith(":1") for key in keys)
    assert len(keys) == 2


def test_the_same_key_with_a_different_body_is_a_conflict(client, intake_headers):
    first = client.post(URL, headers=intake_headers, json=representation(
        text="Nobody came to my review.", idempotency_key="k-9"))
    clash = client.post(URL, headers=intake_headers, json=representation(
        text="Something else entirely.", idempotency_key="k-9"))
    assert (first.status_code, clash.status_code) == (201, 409)
    assert clash.json["error"] == "Conflict"
    assert "idempotency_key" in clash.json["message"]
    assert first.json["reference"] not in str(clash.json)
    assert db.session.scalars(select(Representation.text)).all() == ["Nobody came to my review."]
    # A retry of the first, with markup the sanitiser removes, is still the first.
    again = client.post(URL, headers=intake_headers, json=representation(
        text="Nobody came to my <b>review</b>.", idempotency_key="k-9"))
    assert (again.status_code, again.json["reference"]) == (200, first.json["reference"])


def test_a_long_key_is_hashed_into_the_column(client, intake_headers):
    key = "x" * 64
    first = client.post(URL, headers=intake_headers, json=representation(idempotency_key=key))
    again = client.post(URL, headers=intake_headers, json=representation(idempotency_key=key))
    assert (first.status_code, again.status_code) == (201, 200)
    (stored,) = db.session.scalars(select(Representation.submission_key)).all()
    assert len(stored) <= 64 and ":sha256:" in stored and key not in stored


def test_the_conflict_is_in_the_published_contract(client):
    document = client.get("/api/v1/openapi.json").json
    responses = document["paths"]["/representations"]["post"]["responses"]
    assert "409" in responses
