"""API views: check the JSON against the published schema, call one service, answer JSON."""

from __future__ import annotations

from typing import Any

from flask import current_app, g, request

from ..domain.draft import Contact, ContactSafety, Draft, OnBehalf
from ..services import callbacks
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
    status_for_child,
)
from ..services.intake import InvalidDraft
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
    }, 201 if result.created else 200


@bp.get("/representations/<reference>/status")
@token_required("intake")
def representation_status(reference: str) -> JsonResponse:
    conversation_id = request.args.get("conversation_id", "")
    if not conversation_id or len(conversation_id) > 64:
        return {"errors": {"conversation_id": "is required (at most 64 characters)"}}, 422
    try:
        status = status_for_child(reference, conversation_public_id=conversation_id)
    except UnknownRecord:
        return _not_found()
    return {
        "reference": status.reference,
        "status": status.status,
        "status_text": status.status_text,
        "case_status": status.case_status,
        "updated_at": status.updated_at.isoformat(),
    }, 200


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


@bp.get("/openapi.json")
def openapi() -> JsonResponse:
    return openapi_document(), 200
