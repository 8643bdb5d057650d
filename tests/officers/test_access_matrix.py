"""Every officers' URL, as every kind of visitor: the right answer and no data for anyone
else.

The walk reads the app's url_map, so a route added without a line in ``ALLOWED`` fails
``test_every_officers_route_is_in_the_table`` instead of slipping through untested.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.routing import Rule

from intake_app.domain.draft import Draft
from intake_app.extensions import db
from intake_app.models import (
    AdvocacyOrganisation,
    AdvocacyReferral,
    ChangeStory,
    ChannelMessage,
    Conversation,
    LearningAction,
    Representation,
    StaffUser,
)
from intake_app.services import advocate_intake, advocates, callbacks, reports, staff_accounts
from intake_app.services.intake import submit

from ..conftest import csrf_token
from .conftest import sign_in_as

CASEWORK = frozenset({"officer", "manager"})
MANAGER = frozenset({"manager"})
ADMIN = frozenset({"admin"})
ANY_STAFF = frozenset({"officer", "manager", "admin", "advocate"})

# Who may use each officers' endpoint (once signed in). Anonymous visitors are sent to
# sign in for every one of these.
ALLOWED: dict[str, frozenset[str]] = {
    "officers.queue": CASEWORK,
    "officers.case": CASEWORK,
    "officers.reveal_contact": CASEWORK,
    "officers.correct_triage": CASEWORK,
    "officers.assign": CASEWORK,
    "officers.add_note": CASEWORK,
    "officers.record_safeguarding_handling": CASEWORK,
    "officers.forward_now": CASEWORK,
    "officers.extend_deadline": CASEWORK,
    "officers.pause_clock": CASEWORK,
    "officers.resume_clock": CASEWORK,
    "officers.start_stage2": CASEWORK,
    "officers.decline_look_again": CASEWORK,
    "officers.extend_stage2": CASEWORK,
    "officers.pause_stage": CASEWORK,
    "officers.resume_stage": CASEWORK,
    "officers.record_stage2_people": CASEWORK,
    "officers.start_stage3": CASEWORK,
    "officers.finish_stage": CASEWORK,
    "officers.record_panel_dates": CASEWORK,
    "officers.record_extension_agreement": CASEWORK,
    "officers.decide_procedure": CASEWORK,
    "officers.withdraw": CASEWORK,
    "officers.mark_duplicate": CASEWORK,
    "officers.unlink_duplicate": CASEWORK,
    "officers.aftercare_page": CASEWORK,
    "officers.record_resolution": CASEWORK,
    "officers.record_ombudsman": CASEWORK,
    "officers.add_learning": CASEWORK,
    "officers.learning_page": MANAGER,
    "officers.learning_done": MANAGER,
    "officers.change_stories_page": CASEWORK,
    "officers.write_change_story": CASEWORK,
    "officers.approve_change_story": MANAGER,
    "officers.callback": CASEWORK,
    "officers.reveal_callback_phone": CASEWORK,
    "officers.record_callback_outcome": CASEWORK,
    "officers.record_audit": MANAGER,
    "officers.audit_log": MANAGER,
    "officers.audit_export": MANAGER,
    "officers.subject_access": MANAGER,
    "officers.reports": MANAGER,
    "officers.report_csv": MANAGER,
    "officers.users": ADMIN,
    "officers.invite_user": ADMIN,
    "officers.disable_user": ADMIN,
    "officers.enable_user": ADMIN,
    "officers.sign_in_link": ADMIN,
    "officers.reset_two_factor": ADMIN,
    "officers.approve_user": ADMIN,
    "officers.move_advocate": ADMIN,
    # Two-factor is for any signed-in member of staff.
    "officers.two_factor": ANY_STAFF,
    "officers.two_factor_setup": ANY_STAFF,
}
# Open before sign-in: signing in and out, and an invite link (its token is the check).
OPEN = frozenset({"officers.sign_in", "officers.sign_out", "officers.accept_invite"})

VISITORS = ("anonymous", "advocate", "officer", "manager", "admin")
# What the CSRF error page says: an allowed POST must get past the CSRF check to count.
CSRF_REFUSED = "we could not check it was you"
SECRET_TEXT = "The quiet giraffe in room nine keeps my letters from my sister"


@pytest.fixture
def record_reference(app: Flask) -> str:
    return submit(Draft(text=SECRET_TEXT, channel="web", declared_type="complaint",
                        service_area="children_in_care"), actor="web").reference


@pytest.fixture
def url_values(app: Flask, record_reference: str, make_staff) -> dict[str, object]:
    """A real value for every URL argument, so a refusal cannot be a 404 in disguise."""
    target: StaffUser = make_staff("officer", email="target@council.example")
    _invited, token = staff_accounts.invite_user("invited@council.example", name="Ivy",
                                                 role="officer", actor="test")
    return {"reference": record_reference, "user_id": target.id,
            "table": next(iter(reports.TABLES)), "token": token,
            "callback_id": callback_request_id(),
            "action_id": learning_action_id(record_reference, target),
            "story_id": change_story_id(target)}


def change_story_id(writer: StaffUser) -> int:
    """A "you said, we did" change waiting for approval."""
    story = ChangeStory(written_by_id=writer.id)
    db.session.add(story)
    db.session.commit()
    return story.id


def learning_action_id(reference: str, owner: StaffUser) -> int:
    """A learning action on the record, owned by an officer."""
    record = db.session.scalar(select(Representation).where(
        Representation.reference == reference))
    action = LearningAction(representation_id=record.id, theme="communication",
                            action=SECRET_TEXT, owner_id=owner.id, due_on=record.stage1_due,
                            added_by_id=owner.id, added_on=record.clock_start)
    db.session.add(action)
    db.session.commit()
    return action.id


def callback_request_id() -> int:
    """A callback request whose conversation holds the secret text."""
    conversation = Conversation(public_id="matrix-conversation", channel="chat")
    db.session.add(conversation)
    db.session.flush()
    db.session.add(ChannelMessage(conversation_id=conversation.id, direction="inbound",
                                  body=SECRET_TEXT))
    db.session.commit()
    return callbacks.request_callback(
        "matrix-conversation", note=None, actor="test",
        contact=callbacks.ContactRoute(method="call", phone="07911 123456")).id


def officers_rules(app: Flask) -> Iterator[Rule]:
    return (rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("officers."))


def methods(rule: Rule) -> list[str]:
    return sorted(rule.methods - {"HEAD", "OPTIONS"})


def build(rule: Rule, values: dict[str, object]) -> str:
    missing = rule.arguments - values.keys()
    assert not missing, f"{rule.endpoint}: give the test a real value for {missing}"
    return rule.build({name: values[name] for name in rule.arguments})[1]


def visitor_client(app: Flask, visitor: str, make_staff) -> tuple[FlaskClient, str]:
    """A browser for the visitor, and a CSRF token valid in its session."""
    client = app.test_client()
    if visitor == "anonymous":
        return client, csrf_token(client, "/officers/sign-in")
    sign_in_as(client, make_staff(visitor))
    return client, csrf_token(client, "/officers/two-factor/setup")


def request(client: FlaskClient, method: str, path: str, token: str):
    if method == "GET":
        return client.get(path)
    return client.open(path, method=method, data={"csrf_token": token})


def test_every_officers_route_is_in_the_table(app: Flask) -> None:
    endpoints = {rule.endpoint for rule in officers_rules(app)}
    untested = sorted(endpoints - ALLOWED.keys() - OPEN)
    assert not untested, f"officers' routes missing from ALLOWED: {untested}"
    gone = sorted((ALLOWED.keys() | OPEN) - endpoints)
    assert not gone, f"ALLOWED names routes that are gone: {gone}"
    assert not ALLOWED.keys() & OPEN


@pytest.mark.parametrize("visitor", VISITORS)
def test_each_visitor_gets_the_right_answer_on_every_route(
        app: Flask, make_staff, url_values: dict[str, object], visitor: str) -> None:
    client, token = visitor_client(app, visitor, make_staff)
    wrong: list[str] = []
    for rule in officers_rules(app):
        if rule.endpoint in OPEN:
            continue
        path = build(rule, url_values)
        for method in methods(rule):
            response = request(client, method, path, token)
            status, location = response.status_code, response.headers.get("Location", "")
            if visitor == "anonymous":
                ok = status == 302 and location.startswith("/officers/sign-in")
            elif visitor not in ALLOWED[rule.endpoint]:
                ok = status == 403
            else:
                ok = (status not in (401, 403, 404, 405) and status < 500
                      and CSRF_REFUSED not in response.get_data(as_text=True))
            if not ok:
                wrong.append(f"{method} {path} ({rule.endpoint}): {status} {location}")
    assert not wrong, f"{visitor} got wrong answers:\n" + "\n".join(wrong)


@pytest.mark.parametrize("visitor", ["anonymous", "advocate", "admin"])
def test_no_record_text_for_anyone_without_casework(
        app: Flask, make_staff, url_values: dict[str, object], visitor: str) -> None:
    client, token = visitor_client(app, visitor, make_staff)
    for rule in officers_rules(app):
        if not rule.arguments & {"reference", "callback_id"}:
            continue
        for method in methods(rule):
            body = request(client, method, build(rule, url_values), token).get_data(as_text=True)
            assert "giraffe" not in body, f"{visitor} saw record text at {rule.endpoint}"


def test_the_record_text_is_there_for_an_officer(app: Flask, make_staff,
                                                 url_values: dict[str, object]) -> None:
    """So the test above would notice if the text leaked."""
    client, _token = visitor_client(app, "officer", make_staff)
    for path in (f"/officers/records/{url_values['reference']}",
                 f"/officers/callbacks/{url_values['callback_id']}"):
        assert "giraffe" in client.get(path).get_data(as_text=True), path


@pytest.mark.parametrize("visitor", ["officer", "manager"])
def test_a_made_up_reference_is_not_found(app: Flask, make_staff,
                                          url_values: dict[str, object],
                                          visitor: str) -> None:
    client, token = visitor_client(app, visitor, make_staff)
    made_up = {**url_values, "reference": "ZZ9PLURAL", "callback_id": 999999}
    checked = 0
    for rule in officers_rules(app):
        if (not rule.arguments & {"reference", "callback_id"}
                or visitor not in ALLOWED[rule.endpoint]):
            continue
        for method in methods(rule):
            response = request(client, method, build(rule, made_up), token)
            assert response.status_code == 404, f"{method} {rule.endpoint}"
            checked += 1
    assert checked


def test_open_pages_answer_without_sign_in(app: Flask, url_values: dict[str, object]) -> None:
    client = app.test_client()
    assert client.get("/officers/sign-in").status_code == 200
    assert client.get(f"/officers/invite/{url_values['token']}").status_code == 200
    assert client.get("/officers/invite/guessed-token").status_code == 404
    response = client.post("/officers/sign-out",
                           data={"csrf_token": csrf_token(client, "/officers/sign-in")})
    assert response.status_code == 302
    assert response.headers["Location"] == "/officers/sign-in"


def test_staff_pages_are_never_cached(app: Flask, make_staff) -> None:
    client, _token = visitor_client(app, "manager", make_staff)
    for path in ("/officers/sign-in", "/officers/queue", "/officers/reports"):
        assert client.get(path).headers["Cache-Control"] == "no-store"


# The advocates' area: only advocates of an organisation get past its guard; council
# staff and an advocate without an organisation are refused, anonymous visitors sent to
# the advocates' sign-in. Two-factor pages are for any advocate.
ADVOCATES_OPEN = frozenset({"advocates.sign_in", "advocates.sign_out"})
ADVOCATES_TWO_FACTOR = frozenset({"advocates.two_factor", "advocates.two_factor_setup"})
ADVOCATE_VISITORS = ("anonymous", "officer", "manager", "admin", "advocate",
                     "advocate without organisation")


def advocates_rules(app: Flask) -> Iterator[Rule]:
    return (rule for rule in app.url_map.iter_rules()
            if rule.endpoint.startswith("advocates.") and rule.endpoint not in ADVOCATES_OPEN)


def advocate_visitor(app: Flask, visitor: str, make_staff) -> tuple[FlaskClient, str]:
    client = app.test_client()
    if visitor == "anonymous":
        return client, csrf_token(client, "/advocates/sign-in")
    user = make_staff("advocate" if visitor.startswith("advocate") else visitor)
    if visitor == "advocate":
        advocates.move_advocate(user, organisation_by_key("nyas"), actor="test")
    sign_in_as(client, user)
    return client, csrf_token(client, "/officers/two-factor/setup")


def organisation_by_key(key: str) -> AdvocacyOrganisation:
    return next(org for org in advocates.organisations() if org.key == key)


def refused(visitor: str, endpoint: str) -> bool:
    """Council staff everywhere here; an advocate without an organisation but for
    two-factor."""
    if not visitor.startswith("advocate"):
        return True
    return visitor != "advocate" and endpoint not in ADVOCATES_TWO_FACTOR


@pytest.fixture
def advocates_values(app: Flask, make_staff) -> dict[str, object]:
    """A real NYAS record for each advocates' URL: a referral (the child asked NYAS for an
    advocate) and a record a NYAS advocate made."""
    submit(Draft(text=SECRET_TEXT, channel="web", declared_type="complaint",
                 advocate="yes", advocate_provider="nyas"), actor="web")
    colleague = make_staff("advocate")
    advocates.move_advocate(colleague, organisation_by_key("nyas"), actor="test")
    made = advocate_intake.submit_for_child(advocate_intake.ChildSubmission(
        child_name="Jo", age_band="13_to_15", child_status="looked_after", council_team="",
        language="en", interpreter=False, disability="", preferred_way="phone",
        child_words=SECRET_TEXT, advocate_summary="", child_wants="To be listened to",
        consent_method="in_person", consent_given_on=date(2026, 1, 5),
        sharing="All of it", replies_to="advocate", child_reply_channel="",
        child_phone="", child_email="", declared_type="complaint", categories=(),
        service_area="", urgency="normal", safeguarding_known=""),
        advocate=colleague, organisation=organisation_by_key("nyas")).reference
    referral_id = db.session.scalar(select(AdvocacyReferral.id))
    return {"reference": made, "referral_id": referral_id}


@pytest.mark.parametrize("visitor", ADVOCATE_VISITORS)
def test_each_visitor_gets_the_right_answer_in_the_advocates_area(
        app: Flask, make_staff, advocates_values: dict[str, object], visitor: str) -> None:
    client, token = advocate_visitor(app, visitor, make_staff)
    wrong: list[str] = []
    checked = 0
    for rule in advocates_rules(app):
        path = build(rule, advocates_values)
        for method in methods(rule):
            response = request(client, method, path, token)
            status, location = response.status_code, response.headers.get("Location", "")
            checked += 1
            if visitor == "anonymous":
                ok = status == 302 and location.startswith("/advocates/sign-in")
            elif refused(visitor, rule.endpoint):
                ok = status == 403
            else:
                ok = (status not in (401, 403, 404, 405) and status < 500
                      and CSRF_REFUSED not in response.get_data(as_text=True))
            if not ok:
                wrong.append(f"{method} {path} ({rule.endpoint}): {status} {location}")
    assert checked
    assert not wrong, f"{visitor} got wrong answers:\n" + "\n".join(wrong)
