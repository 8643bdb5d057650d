"""API views: check the JSON against the published schema, call one service, answer JSON."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Response, current_app, g, jsonify, request
from flask_limiter import RequestLimit

from ..domain.draft import Contact, ContactSafety, Draft, OnBehalf
from ..services import advocacy_referrals, callbacks, status_checks
from ..services.api_intake import (
    IdempotencyConflict,
    UnknownConversation,
    submit_from_api,
    words_for_date,
)
from ..services.case_status import (
    InvalidStatusUpdate,
    UnknownRecord,
    apply_case_status,
)
from ..services.intake import InvalidDraft
from ..web_extensions import limiter
from . import bp
from .auth import token_required
from .openapi import openapi_document, validation_errors

JsonResponse = tuple[dict[str, Any], int]

# Where the draft's field names live in the request JSON.
FIELD_PATHS = {
    "phone": "contact.phone",
    "email": "contact.email",
    "name": "contact.name",
    "address": "contact.address",
    "contact_times": "contact_safety.times",
    "helper_name": "on_behalf.helper_name",
    "organisation": "on_behalf.organisation",
    "relationship": "on_behalf.relationship",
    "consent": "on_behalf.consent",
}
ERROR_WORDS = {
    "required": "is required",
    "too_long": "is too long",
    "unknown": "is not one we know",
    "invalid_mobile": "must be a mobile number (UK, or another country's with + and its code)",
    "invalid_phone": "must be a phone number (UK, or another country's with + and its code)",
    "invalid_email": "must be an email address",
}


def _not_json() -> JsonResponse:
    return {"error": "Bad Request", "message": "The body must be a JSON object."}, 400


def _not_found() -> JsonResponse:
    return {"error": "Not Found", "message": "No such reference for this sender."}, 404


def _json_object() -> dict[str, Any] | None:
    body = request.get_json(silent=True)
    return body if isinstance(body, dict) else None


def _draft(body: dict[str, Any]) -> Draft:
    contact = body.get("contact") or {}
    safety = body.get("contact_safety") or {}
    on_behalf = body.get("on_behalf")
    return Draft(
        text=body["text"],
        channel=body.get("channel") or "api",
        declared_type=body.get("type"),
        what_would_help=body.get("what_would_help") or "",
        service_area=body.get("service_area"),
        role=body.get("role") or "young_person",
        on_behalf=OnBehalf(**{name: value or "" for name, value in on_behalf.items()})
        if on_behalf is not None else None,
        advocate=body["advocate"],
        advocate_provider=body.get("advocate_provider"),
        reply_channel=body["reply_channel"],
        contact=Contact(**{name: value or "" for name, value in contact.items()}),
        contact_safety=ContactSafety(
            times=tuple(safety.get("times") or ("any",)),
            leave_message=bool(safety.get("leave_message", False)),
            note=safety.get("note") or "",
        ),
        language=body.get("language") or "en",
        submission_key=body.get("idempotency_key"),
    )


def _draft_errors(errors: dict[str, str]) -> dict[str, str]:
    max_chars = current_app.config["TEXT_MAX_CHARS"]
    worded = {}
    for field, code in errors.items():
        message = ERROR_WORDS.get(code, code)
        if code == "too_long" and field in ("text", "what_would_help"):
            message = f"must be at most {max_chars} characters"
        if field == "advocate_provider" and code == "required":
            message = "is required when advocate is yes"
        worded[FIELD_PATHS.get(field, field)] = message
    return worded


@bp.post("/representations")
@token_required("intake")
def create_representation() -> JsonResponse:
    body = _json_object()
    if body is None:
        return _not_json()
    errors = validation_errors("RepresentationRequest", body)
    if errors:
        return {"errors": errors}, 422
    draft = _draft(body)
    try:
        result = submit_from_api(draft, conversation_public_id=body.get("conversation_id"),
                                 actor=g.api_actor, token_id=g.api_token_id)
    except InvalidDraft as error:
        return {"errors": _draft_errors(error.errors)}, 422
    except IdempotencyConflict:
        return {"error": "Conflict",
                "message": "This idempotency_key was already used for a different "
                           "representation. Use a new key for each representation."}, 409
    return {
        "reference": result.reference_display,
        "status": result.status,
        "deadlines": result.deadlines,
        "reply_by": result.reply_by.isoformat(),
        "reply_by_words": words_for_date(result.reply_by, draft.language),
        "acknowledgement": result.acknowledgement_text,
        "safeguarding": result.safeguarding,
        "status_secret": result.status_secret,
    }, 201 if result.created else 200


def _status(answer: status_checks.StatusAnswer) -> JsonResponse:
    return {
        "reference": answer.reference,
        "status": answer.status,
        "status_text": answer.text,
        "case_status": answer.case_status,
        "next_date": answer.next_date.isoformat() if answer.next_date else None,
        "updated_at": answer.updated_at.isoformat(),
    }, 200


@bp.get("/representations/<reference>/status")
@token_required("intake")
def representation_status(reference: str) -> JsonResponse:
    conversation_id = request.args.get("conversation_id", "")
    if not conversation_id or len(conversation_id) > 64:
        return {"errors": {"conversation_id": "is required (at most 64 characters)"}}, 422
    if "\x00" in reference + conversation_id:
        # No id holds NUL, and PostgreSQL refuses it even in a query's parameter (a 400 the
        # contract does not list): it matches nothing, like any other unknown id.
        return _not_found()
    try:
        answer = status_checks.check_in_conversation(
            reference, conversation_public_id=conversation_id, secret_text=None,
            actor=g.api_actor)
    except status_checks.NoMatch:
        return _not_found()
    return _status(answer)


def _status_check_field(name: str) -> str:
    body = _json_object() or {}
    value = body.get(name)
    return value if isinstance(value, str) else ""


def _status_sender_key() -> str:
    return "status-sender:" + status_checks.sender_key(_status_check_field("conversation_id"))


def _status_reference_key() -> str:
    return status_checks.reference_limit_key(_status_check_field("reference"))


def _found_nothing(response: Response) -> bool:
    """Only look-ups that found nothing use up a limit: a child checking often is fine."""
    return response.status_code == 404


def _status_limited(limit: RequestLimit) -> Response:
    """The kind words the bot passes on (when to try again, who to call), with the time."""
    again_at = datetime.fromtimestamp(limit.reset_at, UTC)
    response = jsonify(error="Too Many Requests",
                       message="Too many look-ups that found nothing; see Retry-After.",
                       status_text=status_checks.limited_text(
                           _status_check_field("conversation_id"), again_at))
    response.status_code = 429
    response.headers["Retry-After"] = str(max(1, int(limit.reset_at - datetime.now(
        UTC).timestamp())))
    return response


@bp.post("/status-checks")
@limiter.limit(lambda: current_app.config["STATUS_RATE_LIMIT"], key_func=_status_sender_key,
               deduct_when=_found_nothing, on_breach=_status_limited, override_defaults=False)
@limiter.shared_limit(lambda: current_app.config["STATUS_REFERENCE_RATE_LIMIT"],
                      scope="status-reference", key_func=_status_reference_key,
                      deduct_when=_found_nothing, on_breach=_status_limited,
                      override_defaults=False)
@token_required("intake")
def check_status_with_secret() -> JsonResponse:
    """STATUS <reference> <secret> from any phone or chat: the bot passes it on."""
    body = _json_object()
    if body is None:
        return _not_json()
    errors = validation_errors("StatusCheckRequest", body)
    if errors:
        return {"errors": errors}, 422
    try:
        answer = status_checks.check_in_conversation(
            body["reference"], conversation_public_id=body["conversation_id"],
            secret_text=body["secret"], actor=g.api_actor)
    except status_checks.NoMatch:
        return _not_found()
    return _status(answer)


CALLBACK_ERROR_WORDS = {
    "required": "is required: this conversation has no number of its own to call or text",
}


@bp.post("/callback-requests")
@token_required("intake")
def create_callback_request() -> JsonResponse:
    body = _json_object()
    if body is None:
        return _not_json()
    errors = validation_errors("CallbackRequestRequest", body)
    if errors:
        return {"errors": errors}, 422
    contact = body.get("contact") or {}
    times = (body.get("contact_safety") or {}).get("times") or ()
    try:
        result = callbacks.request_callback(
            body["conversation_id"], note=body.get("note"), actor=g.api_actor,
            contact=callbacks.ContactRoute(method=contact.get("method") or "none",
                                           phone=contact.get("phone") or "",
                                           times=tuple(times) or callbacks.DEFAULT_TIMES))
    except UnknownConversation:
        return {"errors": {"conversation_id": "is not a conversation we know"}}, 422
    except callbacks.CallbackRefused as error:
        return {"errors": {field: CALLBACK_ERROR_WORDS.get(code, ERROR_WORDS.get(code, code))
                           for field, code in error.errors.items()}}, 422
    return {
        "id": result.id,
        "reachable": result.reachable,
        "method": result.method,
        "reply_by": result.reply_by.isoformat(),
        "reply_by_words": result.reply_by_words,
        "council_phone": result.council_phone,
        "council_opening_hours": result.council_opening_hours,
    }, 201 if result.created else 200


@bp.post("/cases/<reference>/status")
@token_required("case_store")
def record_case_status(reference: str) -> JsonResponse:
    body = _json_object()
    if body is None:
        return _not_json()
    errors = validation_errors("CaseStatusCallback", body)
    if errors:
        return {"errors": errors}, 422
    try:
        result = apply_case_status(
            reference,
            event_id=body["event_id"],
            case_status=body["case_status"],
            outcome=body.get("outcome"),
            deadlines=body.get("deadlines"),
            message_for_child=body.get("message_for_child"),
            actor=g.api_actor,
        )
    except UnknownRecord:
        return _not_found()
    except InvalidStatusUpdate as error:
        return {"errors": error.errors}, 422
    return {
        "reference": result.reference,
        "event_id": result.event_id,
        "case_status": result.case_status,
        "recorded": result.recorded,
        "child_notified_by": result.child_notified_by,
    }, 201 if result.recorded else 200


@bp.post("/advocacy-referrals/<int:referral_id>/status")
@token_required("advocacy")
def record_advocacy_referral_status(referral_id: int) -> JsonResponse:
    """The provider named by the token answers one of its referrals; another provider's
    referral is not found, like one that does not exist."""
    body = _json_object()
    if body is None:
        return _not_json()
    errors = validation_errors("AdvocacyReferralStatus", body)
    if errors:
        return {"errors": errors}, 422
    answer = advocacy_referrals.Answer(status=body["status"], contact=body.get("contact", ""),
                                       reason=body.get("reason", ""))
    try:
        referral, changed = advocacy_referrals.record_answer(
            referral_id, g.api_provider, answer, actor=g.api_actor)
    except advocacy_referrals.ReferralNotFound:
        return {"error": "Not Found", "message": "No such referral for this provider."}, 404
    except advocacy_referrals.InvalidReferralAnswer as invalid:
        return {"errors": invalid.errors}, 422
    return {"referral_id": referral.id, "status": referral.state,
            "changed": changed}, 201 if changed else 200


@bp.get("/openapi.json")
def openapi() -> JsonResponse:
    return openapi_document(), 200
