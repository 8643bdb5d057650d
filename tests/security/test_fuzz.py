"""Whatever is sent, the answer is never a 500: schemathesis against the published
OpenAPI document, hypothesis over the API's JSON bodies (lone surrogates, deep nesting,
NaN included) and over every officers' form and page. Bounded so the file runs in well
under a minute.

A refused API body stores nothing: the record and outbox counts are checked after every
request that was not accepted.
"""

from __future__ import annotations

import io
import json
import string
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import pytest
import schemathesis
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from intake_app.api.openapi import request_schemas
from intake_app.extensions import db
from intake_app.models import OutboxMessage, Representation
from intake_app.services.tokens import create_token

from ..api.conftest import add_conversation
from ..conftest import csrf_token
from ..officers.conftest import sign_in_as
from ..officers.test_access_matrix import ALLOWED, build, methods, officers_rules

FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=list(HealthCheck))
FEW = settings(FUZZ, max_examples=12)
API_ANSWERS = {200, 201, 400, 404, 409, 413, 422}


def stored() -> tuple[int, int]:
    return (db.session.scalar(select(func.count()).select_from(Representation)),
            db.session.scalar(select(func.count()).select_from(OutboxMessage)))


# --- schemathesis ---------------------------------------------------------------------

def test_the_api_keeps_its_openapi_contract_whatever_it_is_sent(
        app: Flask, record_reference: str) -> None:
    """Positive and negative cases for every operation, with the schema's checks (no
    5xx, documented status codes and bodies, auth enforced). A valid body may still be
    refused with 422 for what a schema cannot say (an unknown conversation, a deadline
    years away), so that one check is left out. Half the cases name a real record and
    conversation (valid cases only, so a negative case keeps what makes it invalid), so
    accepted paths are exercised too."""
    add_conversation("conv-fuzz")
    tokens = {"intake": create_token("bot", scope="intake").token,
              "case_store": create_token("store", scope="case_store").token,
              "advocacy": create_token("nyas", scope="advocacy").token}
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)

    @schema.auth()
    class ServiceTokens:
        """Each operation's token: the case store's for its callbacks, a provider's for
        referral answers, else the bot's."""

        def get(self, case: Any, context: Any) -> str:
            path = case.operation.path
            return tokens["case_store" if "/cases/" in path
                          else "advocacy" if "/advocacy-referrals/" in path else "intake"]

        def set(self, case: Any, data: str, context: Any) -> None:
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}

    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 6
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            contract_check(operation, mode, record_reference)()


def contract_check(operation: Any, mode: GenerationMode,
                   reference: str) -> Callable[[], None]:
    @given(case=operation.as_strategy(generation_mode=mode),
           real=st.booleans() if mode == GenerationMode.POSITIVE else st.just(False))
    @settings(FUZZ, max_examples=60)
    def check(case: Any, real: bool) -> None:
        if real and "reference" in (case.path_parameters or {}):
            case.path_parameters["reference"] = reference
        if real and isinstance(case.body, dict) and "conversation_id" in case.body:
            case.body["conversation_id"] = "conv-fuzz"
        response = case.call()
        case.validate_response(response, excluded_checks=[positive_data_acceptance])

    return check


# --- hypothesis over the API's JSON ---------------------------------------------------

# Any text at all, lone surrogates and control characters included.
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40)
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT
JSON_VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(ANY_TEXT, inner, max_size=3), max_leaves=12)
DEEP = st.integers(min_value=30, max_value=5000).map(lambda depth: "[" * depth + "]" * depth)


def bodies_for(schema_name: str) -> st.SearchStrategy[str | bytes]:
    """JSON text: the schema's own fields with any values (so the validators and services
    are reached), any JSON at all, deep nesting, or bytes that are not JSON."""
    fields = list(request_schemas()[schema_name]["properties"])
    keyed = st.dictionaries(st.sampled_from(fields), JSON_VALUES, max_size=len(fields))
    as_text = (keyed | JSON_VALUES).map(json.dumps)  # NaN and Infinity as Python writes them
    return as_text | DEEP | st.binary(max_size=200)


API_POSTS = [("/api/v1/representations", "RepresentationRequest", "intake"),
             ("/api/v1/callback-requests", "CallbackRequestRequest", "intake"),
             ("/api/v1/cases/{reference}/status", "CaseStatusCallback", "case_store"),
             ("/api/v1/advocacy-referrals/1/status", "AdvocacyReferralStatus", "advocacy")]


@pytest.mark.parametrize("path, schema_name, scope", API_POSTS)
def test_any_json_body_is_answered_without_a_500_and_a_refusal_stores_nothing(
        app: Flask, client: FlaskClient, record_reference: str, path: str, schema_name: str,
        scope: str) -> None:
    url = path.format(reference=record_reference)
    add_conversation("conv-fuzz")
    headers = {"Authorization": f"Bearer {create_token('fuzz', scope=scope).token}",
               "Content-Type": "application/json"}

    @given(body=bodies_for(schema_name))
    @FUZZ
    def check(body: str | bytes) -> None:
        before = stored()
        response = client.post(url, data=body, headers=headers)
        assert response.status_code in API_ANSWERS, (response.status_code, body)
        assert response.is_json
        if response.status_code >= 400:
            assert stored() == before

    check()


def test_any_status_question_is_answered_without_a_500(app: Flask,
                                                       client: FlaskClient) -> None:
    headers = {"Authorization": f"Bearer {create_token('bot', scope='intake').token}"}

    @given(reference=ANY_TEXT, conversation_id=ANY_TEXT)
    @FUZZ
    def check(reference: str, conversation_id: str) -> None:
        asked = client.get(f"/api/v1/representations/{quote(reference, safe='')}/status",
                           query_string={"conversation_id": conversation_id},
                           headers=headers)
        # 308: an encoded slash makes "//" in the path, which routing merges by redirect.
        assert asked.status_code in API_ANSWERS | {308}, (reference, conversation_id)

    check()


# --- hypothesis over the officers' forms and pages ------------------------------------

# Every field name the officers' forms use, and some they do not.
FIELD_NAMES = ("action", "advocate", "assignee", "body", "category", "channel", "code",
               "confirm", "email", "from", "to", "handled_by", "mine", "month", "name",
               "note", "outcome", "password", "period", "primary_category", "priority",
               "procedure", "q", "reason_for_person", "reference", "role", "service_area",
               "status", "submit", "sufficient_interest", "to_me", "type", "year", "page",
               "next", "days", "until", "categories", "csrf_token")
FORM_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30) | st.sampled_from(
    ["", " ", "0", "-1", "99999999999999999999", "9999-12-31", "0001-01-01", "2026-02-30",
     "/%0a/", "/\t/evil.example", "<script>", "=cmd|' /C calc'!A0", "\u202e", "NaN"])
FORM_VALUE = FORM_TEXT | st.lists(FORM_TEXT, max_size=3)
FORM_DATA = st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(string.ascii_lowercase,
                                                                      max_size=8),
                            FORM_VALUE, max_size=6)
SIGN_OUT = "officers.sign_out"


def role_for(endpoint: str) -> str | None:
    """The role that may use the page (None: open pages, tried signed out)."""
    allowed = ALLOWED.get(endpoint)
    if allowed is None:
        return None
    return next(role for role in ("manager", "officer", "admin", "advocate")
                if role in allowed)


def flatten(data: dict[str, Any]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for name, value in data.items():
        pairs.extend((name, item) for item in (value if isinstance(value, list) else [value]))
    return pairs


def fuzz_route(app: Flask, client: FlaskClient, method: str, path: str,
               token: str) -> Callable[[], None]:
    @given(data=FORM_DATA, with_file=st.booleans())
    @FEW
    def check(data: dict[str, Any], with_file: bool) -> None:
        if method == "GET":
            response = client.get(path, query_string=flatten(data))
        else:
            form = MultiDict([*flatten(data), ("csrf_token", token)])
            if with_file:
                form.setlist("note", [(io.BytesIO(b"%PDF-1.4"), "report.pdf")])
            response = client.open(path, method=method, data=form)
        assert response.status_code < 500, (method, path, data, response.status_code)
        if method != "GET" and with_file:
            assert response.status_code == 400

    return check


def test_every_officers_form_and_page_answers_odd_input_without_a_500(
        app: Flask, make_staff, url_values: dict[str, object]) -> None:
    clients: dict[str | None, tuple[FlaskClient, str]] = {}
    for role in (None, "officer", "manager", "admin", "advocate"):
        client = app.test_client()
        if role is not None:
            sign_in_as(client, make_staff(role))
        clients[role] = (client, csrf_token(client, "/officers/sign-in" if role is None
                                            else "/officers/two-factor/setup"))
    tried = 0
    for rule in officers_rules(app):
        if rule.endpoint == SIGN_OUT:
            continue
        client, token = clients[role_for(rule.endpoint)]
        for method in methods(rule):
            fuzz_route(app, client, method, build(rule, url_values), token)()
            tried += 1
    assert tried >= 30
