"""Checking on a message from any phone or computer: the status page asks the reference,
then the secret number, with no JavaScript, and says how it is going only to someone who
has both. A wrong guess learns nothing, and guessing is held back."""

from __future__ import annotations

import re

import pytest
import textstat
from flask import Flask, request_started
from flask.testing import FlaskClient
from sqlalchemy import select

from intake_app.domain.draft import Draft
from intake_app.domain.references import display
from intake_app.extensions import db
from intake_app.models import AuditEvent, Representation
from intake_app.services.intake import SubmissionResult, submit

from .conftest import _fresh_request_globals, dispose, make_app, post_form
from .html_checks import main_text

COMPLAINT = "My social worker never calls me back and nobody tells me why."


def _sent(**draft: object) -> SubmissionResult:
    return submit(Draft(text=COMPLAINT, channel="web", **draft), actor="web")  # type: ignore[arg-type]


def _ask(client: FlaskClient, reference: str, secret: str):
    """What a child does on the status page: type the reference, then the secret."""
    first = post_form(client, "/status", {"reference": reference})
    assert first.status_code == 302, first.get_data(as_text=True)
    return post_form(client, "/status/secret", {"secret": secret})


def _other_secret(secret: str) -> str:
    return f"{(int(secret) + 1) % 1_000_000:06d}"


def test_the_reference_and_secret_show_how_it_is_going(app: Flask, client: FlaskClient
                                                       ) -> None:
    sent = _sent()
    assert sent.status_secret is not None and re.fullmatch(r"\d{6}", sent.status_secret)
    page = _ask(client, sent.reference_display, sent.status_secret)
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert sent.reference_display in text
    assert "We will try to sort it out by" in text
    assert app.config["COUNCIL_PHONE"] in text
    assert "Monday to Friday" in text
    # Nothing the child wrote comes back, and the secret is not shown again.
    assert "social worker" not in text and sent.status_secret not in text


@pytest.mark.parametrize("typed", ["{lower}", "{spaced}", "{bare}"])
def test_a_reference_is_taken_as_a_child_types_it(client: FlaskClient, typed: str) -> None:
    sent = _sent()
    shown = sent.reference_display
    reference = typed.format(lower=shown.lower(), spaced=" ".join(shown.replace("-", "")),
                             bare=shown.replace("-", "").lower())
    assert sent.status_secret is not None
    secret = f"{sent.status_secret[:3]} {sent.status_secret[3:]}"
    page = _ask(client, reference, secret)
    assert page.status_code == 200
    assert shown in page.get_data(as_text=True)


def test_a_mistyped_reference_is_asked_again_kindly_with_what_was_typed(
        client: FlaskClient) -> None:
    sent = _sent()
    mistyped = sent.reference_display[:-1] + ("A" if sent.reference_display[-1] != "A"
                                               else "B")
    page = post_form(client, "/status", {"reference": mistyped})
    text = page.get_data(as_text=True)
    assert page.status_code == 400
    assert "Check your reference" in text and f'value="{mistyped}"' in text
    assert 'href="#reference"' in text  # the error summary links to the field


def test_a_short_secret_is_asked_again_and_counts_for_nothing(client: FlaskClient) -> None:
    sent = _sent()
    post_form(client, "/status", {"reference": sent.reference_display})
    page = post_form(client, "/status/secret", {"secret": "12345"})
    assert page.status_code == 400
    assert "Type the 6 numbers" in page.get_data(as_text=True)
    assert 'value="12345"' in page.get_data(as_text=True)


def test_an_unknown_reference_and_a_wrong_secret_get_the_same_answer(
        client: FlaskClient) -> None:
    sent = _sent()
    assert sent.status_secret is not None
    wrong_secret = _ask(client, sent.reference_display, _other_secret(sent.status_secret))
    # A valid reference (its check character is right) that no record has.
    unknown = next(display(candidate) for candidate in _valid_references()
                   if candidate != sent.reference)
    unknown_reference = _ask(client, unknown, sent.status_secret)
    assert wrong_secret.status_code == unknown_reference.status_code == 404
    assert wrong_secret.get_data() == unknown_reference.get_data()
    assert "We could not find that" in wrong_secret.get_data(as_text=True)


def _valid_references() -> list[str]:
    from intake_app.domain.references import check_character

    return [body + check_character(body) for body in ("2345678", "ABCDEFG", "QRSTUVW")]


def test_every_look_up_is_audited_without_the_secret(client: FlaskClient) -> None:
    sent = _sent()
    assert sent.status_secret is not None
    _ask(client, sent.reference_display, _other_secret(sent.status_secret))
    _ask(client, sent.reference_display, sent.status_secret)
    events = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "status.looked_up").order_by(AuditEvent.id)).all()
    assert [event.after["matched"] for event in events] == [False, True]
    assert all(event.representation_id == sent.representation_id for event in events)
    assert all(sent.status_secret not in str(event.after) for event in events)


def test_only_a_hash_of_the_secret_is_kept(client: FlaskClient) -> None:
    sent = _sent()
    record = db.session.get(Representation, sent.representation_id)
    assert record is not None and record.status_secret_hash
    assert sent.status_secret not in record.status_secret_hash


def test_the_same_secret_works_once_a_double_submit_returns_the_first_record(
        client: FlaskClient) -> None:
    first = _sent(submission_key="draft-1")
    again = _sent(submission_key="draft-1")
    assert not again.created and again.status_secret is None
    assert first.status_secret is not None
    assert _ask(client, first.reference_display, first.status_secret).status_code == 200


@pytest.fixture
def limited_app(tmp_path):
    app = make_app(tmp_path, RATELIMIT_ENABLED=True, STATUS_RATE_LIMIT="3 per hour",
                   STATUS_REFERENCE_RATE_LIMIT="5 per hour")
    request_started.connect(_fresh_request_globals, app)
    with app.app_context():
        yield app
    request_started.disconnect(_fresh_request_globals, app)
    dispose(app)


def test_guessing_is_stopped_with_a_kind_page_that_says_when_and_who_to_call(
        limited_app: Flask) -> None:
    client = limited_app.test_client()
    sent = _sent()
    assert sent.status_secret is not None
    wrong = _other_secret(sent.status_secret)
    for _ in range(3):
        assert _ask(client, sent.reference_display, wrong).status_code == 404
    # Now even the right secret waits: the address has used its tries.
    page = _ask(client, sent.reference_display, sent.status_secret)
    text = page.get_data(as_text=True)
    assert page.status_code == 429
    assert "You have tried a lot of times" in text and "try again from" in text
    assert limited_app.config["COUNCIL_PHONE"] in text
    assert textstat.flesch_kincaid_grade(main_text(page.get_data())) <= 5


def test_a_reference_is_held_back_whatever_the_address(limited_app: Flask) -> None:
    sent = _sent()
    assert sent.status_secret is not None
    wrong = _other_secret(sent.status_secret)
    for attempt in range(5):
        client = limited_app.test_client()
        environ = {"REMOTE_ADDR": f"198.51.100.{attempt + 1}"}
        post_form(client, "/status", {"reference": sent.reference_display},
                  environ_base=environ)
        answer = post_form(client, "/status/secret", {"secret": wrong}, environ_base=environ)
        assert answer.status_code == 404
    client = limited_app.test_client()
    environ = {"REMOTE_ADDR": "198.51.100.99"}
    post_form(client, "/status", {"reference": sent.reference_display}, environ_base=environ)
    page = post_form(client, "/status/secret", {"secret": sent.status_secret},
                     environ_base=environ)
    assert page.status_code == 429


def test_right_answers_use_up_no_tries(limited_app: Flask) -> None:
    client = limited_app.test_client()
    sent = _sent()
    assert sent.status_secret is not None
    for _ in range(6):
        assert _ask(client, sent.reference_display, sent.status_secret).status_code == 200


def test_the_secret_page_without_a_reference_goes_back_to_the_first_question(
        client: FlaskClient) -> None:
    page = client.get("/status/secret")
    assert page.status_code == 302 and page.headers["Location"].endswith("/status")

