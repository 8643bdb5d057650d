"""The intake API's OpenAPI 3.1 document, and request validation from the same schemas.

Requests are checked against the very schemas the document publishes, so the contract the
bot and partners read cannot drift from what the views accept. Error messages name each
bad field by its dotted path (``contact.phone``) in words a developer can act on.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from ..domain.draft import ADVOCATE_CHOICES, CHANNELS, CONTACT_TIMES, REPLY_CHANNELS
from ..models import CALLBACK_METHODS
from ..services.advocacy_referrals import REFERRAL_ANSWERS
from ..services.case_status import DEADLINE_NAMES, MESSAGE_FOR_CHILD_MAX
from ..services.tokens import SCOPES
from ..taxonomy import keys

API_VERSION = "1.0.0"
ISO_DATE = {"type": "string", "format": "date", "examples": ["2026-12-04"]}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _enum(values: tuple[str, ...]) -> dict[str, Any]:
    return {"type": "string", "enum": list(values)}


def _short_text(max_length: int = 200) -> dict[str, Any]:
    return {"type": "string", "maxLength": max_length}


def request_schemas() -> dict[str, dict[str, Any]]:
    return {
        "RepresentationRequest": {
            "type": "object",
            "additionalProperties": False,
            "required": ["text", "advocate", "reply_channel"],
            "properties": {
                "text": {"type": "string", "minLength": 1, "maxLength": 20000,
                         "description": "What the person told us, in their words."},
                "type": _nullable(_enum(keys("representation_types"))),
                "what_would_help": _nullable({"type": "string", "maxLength": 20000}),
                "service_area": _nullable(_enum(keys("service_areas"))),
                "role": {**_enum(keys("complainant_roles")), "default": "young_person"},
                "on_behalf": _nullable({
                    "type": "object",
                    "additionalProperties": False,
                    "description": "Required when role is advocate: who is helping, and how "
                                   "the young person agreed.",
                    "properties": {name: _short_text(2000 if name == "consent" else 200)
                                   for name in ("helper_name", "organisation", "relationship",
                                                "consent")},
                }),
                "advocate": _enum(ADVOCATE_CHOICES),
                "advocate_provider": _nullable(_enum(keys("advocacy_providers"))),
                "reply_channel": _enum(REPLY_CHANNELS),
                "contact": _nullable({
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "phone": _nullable(_short_text(40)),
                        "email": _nullable(_short_text(254)),
                        "name": _nullable(_short_text(200)),
                        "address": _nullable(_short_text(500)),
                    },
                }),
                "contact_safety": _nullable({
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "times": {"type": "array", "items": _enum(CONTACT_TIMES),
                                  "maxItems": len(CONTACT_TIMES), "uniqueItems": True},
                        "leave_message": {"type": "boolean"},
                        "note": _short_text(500),
                    },
                }),
                "language": {"type": "string", "pattern": "^[a-z]{2,3}(_[A-Z]{2})?$",
                             "default": "en"},
                "channel": {**_enum(CHANNELS), "default": "api"},
                "conversation_id": _nullable({"type": "string", "minLength": 1,
                                              "maxLength": 64}),
                "idempotency_key": _nullable({
                    "type": "string", "minLength": 1, "maxLength": 64,
                    "description": "One key per representation, unique for your token "
                                   "(keys are kept per token: another sender's key never "
                                   "matches yours). The same key with the same text again "
                                   "returns the first record (200); with a different text "
                                   "it is refused (409)."}),
            },
        },
        "CallbackRequestRequest": {
            "type": "object",
            "additionalProperties": False,
            "required": ["conversation_id"],
            "properties": {
                "conversation_id": {"type": "string", "minLength": 1, "maxLength": 64},
                "note": _nullable({"type": "string", "maxLength": 1000}),
                "contact": _nullable({
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["method"],
                    "description": "How a person may reach the child. Without a phone, a "
                                   "call or text goes to the conversation's own number "
                                   "(text conversations); none, or no contact at all, "
                                   "means nobody can reach them, so no contact is "
                                   "promised.",
                    "properties": {
                        "method": _enum(CALLBACK_METHODS),
                        "phone": _nullable(_short_text(40)),
                    },
                }),
                "contact_safety": _nullable({
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "times": {"type": "array", "items": _enum(CONTACT_TIMES),
                                  "maxItems": len(CONTACT_TIMES), "uniqueItems": True,
                                  "description": "When it is safe to contact them; empty "
                                                 "means any time."},
                    },
                }),
            },
        },
        "StatusCheckRequest": {
            "type": "object",
            "additionalProperties": False,
            "required": ["conversation_id", "reference", "secret"],
            "description": "STATUS <reference> <secret> sent from any phone or chat. An "
                           "unknown reference and a wrong secret get the same 404; look-ups "
                           "that find nothing are limited per phone (or chat) and per "
                           "reference (429 with the words to pass on).",
            "properties": {
                "conversation_id": {"type": "string", "minLength": 1, "maxLength": 64},
                "reference": {"type": "string", "minLength": 1, "maxLength": 20,
                              "description": "As typed: any case, with or without the "
                                             "dash or spaces."},
                "secret": {"type": "string", "minLength": 1, "maxLength": 20,
                           "description": "The six-digit secret number, as typed."},
            },
        },
        "AdvocacyReferralStatus": {
            "type": "object",
            "additionalProperties": False,
            "required": ["status"],
            "properties": {
                "status": _enum(REFERRAL_ANSWERS),
                "contact": {"type": "string", "maxLength": 500,
                            "description": "The advocate organisation's contact for the "
                                           "child and council; required with allocated."},
                "reason": {"type": "string", "maxLength": 2000,
                           "description": "Why the referral is declined; required with "
                                          "declined."},
            },
        },
        "CaseStatusCallback": {
            "type": "object",
            "additionalProperties": False,
            "required": ["event_id", "case_status"],
            "properties": {
                "event_id": {"type": "string", "minLength": 1, "maxLength": 100,
                             "pattern": "^[A-Za-z0-9._:-]+$",
                             "description": "The case store's id for this event; a replay "
                                            "with the same id changes nothing."},
                "case_status": _enum(keys("case_statuses")),
                "outcome": _nullable(_enum(keys("outcomes"))),
                "deadlines": {
                    "type": "object",
                    "additionalProperties": False,
                    "description": "Each a date within two years of today (422 otherwise).",
                    "properties": {name: ISO_DATE for name in DEADLINE_NAMES},
                },
                "message_for_child": _nullable({"type": "string",
                                                "maxLength": MESSAGE_FOR_CHILD_MAX}),
            },
        },
    }


def response_schemas() -> dict[str, dict[str, Any]]:
    deadlines = {
        "type": "object",
        "required": ["acknowledgement_due", "stage1_due", "stage1_extended_due"],
        "properties": {name: ISO_DATE for name in
                       ("acknowledgement_due", "stage1_due", "stage1_extended_due")},
    }
    return {
        "Submission": {
            "type": "object",
            "required": ["reference", "status", "deadlines", "reply_by", "reply_by_words",
                         "acknowledgement", "safeguarding"],
            "properties": {
                "reference": {"type": "string", "pattern": "^[2-9A-Z]{4}-[2-9A-Z]{4}$"},
                "status": _enum(keys("intake_statuses")),
                "deadlines": deadlines,
                "reply_by": ISO_DATE,
                "reply_by_words": {"type": "string", "examples": ["Friday 4 December 2026"]},
                "acknowledgement": {"type": "string"},
                "safeguarding": {"type": "boolean"},
                "status_secret": _nullable({
                    "type": "string", "pattern": "^[0-9]{6}$",
                    "description": "The secret number to give the person with the "
                                   "reference, to check on it from anywhere. Only a hash is "
                                   "kept: null when the record was made before (a repeated "
                                   "idempotency_key)."}),
            },
        },
        "Status": {
            "type": "object",
            "required": ["reference", "status", "status_text", "case_status", "updated_at"],
            "properties": {
                "reference": {"type": "string"},
                "status": _enum(keys("intake_statuses")),
                "status_text": {"type": "string",
                                "description": "The stage, what happens next and by when, "
                                               "and how to reach the council, in the "
                                               "conversation's language."},
                "case_status": _nullable(_enum(keys("case_statuses"))),
                "next_date": _nullable(ISO_DATE),
                "updated_at": {"type": "string", "format": "date-time"},
            },
        },
        "CallbackCreated": {
            "type": "object",
            "required": ["id", "reachable", "method", "reply_by", "reply_by_words",
                         "council_phone", "council_opening_hours"],
            "properties": {
                "id": {"type": "integer"},
                "reachable": {"type": "boolean",
                              "description": "False when nobody can reach the child: do "
                                             "not promise contact, give the council's "
                                             "number and hours."},
                "method": {**_enum(CALLBACK_METHODS),
                           "description": "How a person will get in touch (a landline "
                                          "given for call_or_text becomes call)."},
                "reply_by": {**ISO_DATE, "description": "The working day a person gets in "
                                                        "touch by (or, when not reachable, "
                                                        "reads the conversation by)."},
                "reply_by_words": _nullable({"type": "string",
                                             "examples": ["Friday 4 December 2026"]}),
                "council_phone": {"type": "string", "examples": ["0300 123 4000"]},
                "council_opening_hours": {"type": "string", "examples": [
                    "Monday to Friday, 9:00 AM to 5:00 PM"]},
            },
        },
        "ReferralStatusRecorded": {
            "type": "object",
            "required": ["referral_id", "status", "changed"],
            "properties": {
                "referral_id": {"type": "integer"},
                "status": _enum(("sent", *REFERRAL_ANSWERS)),
                "changed": {"type": "boolean",
                            "description": "False when the referral already had this status "
                                           "(a retry)."},
            },
        },
        "StatusRecorded": {
            "type": "object",
            "required": ["reference", "event_id", "case_status", "recorded",
                         "child_notified_by"],
            "properties": {
                "reference": {"type": "string"},
                "event_id": {"type": "string"},
                "case_status": _enum(keys("case_statuses")),
                "recorded": {"type": "boolean",
                             "description": "False when this event_id was recorded before."},
                "child_notified_by": _nullable(_enum(("sms", "email"))),
            },
        },
        "ValidationErrors": {
            "type": "object",
            "required": ["errors"],
            "properties": {"errors": {"type": "object",
                                      "additionalProperties": {"type": "string"}}},
        },
        "Error": {
            "type": "object",
            "required": ["error", "message"],
            "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
        },
    }


def _json(schema: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}


def _responses(success: dict[str, tuple[str, str]], *, body: bool) -> dict[str, Any]:
    responses: dict[str, Any] = {
        code: {"description": description, "content": _json(schema)}
        for code, (description, schema) in success.items()
    }
    responses["401"] = {"description": "Missing, unknown or revoked token.",
                        "content": _json("Error")}
    responses["403"] = {"description": "The token's scope does not allow this.",
                        "content": _json("Error")}
    responses["422"] = {"description": "Invalid fields, each named with what is wrong.",
                        "content": _json("ValidationErrors")}
    if body:
        responses["400"] = {"description": "The body is not a JSON object (or holds a lone "
                                           "surrogate, NaN, or nesting over 32 deep).",
                            "content": _json("Error")}
    return responses


def _reference_parameter() -> dict[str, Any]:
    return {"name": "reference", "in": "path", "required": True,
            "description": "The reference, with or without the dash, any case.",
            "schema": {"type": "string", "maxLength": 20}}


@cache
def openapi_document() -> dict[str, Any]:
    intake_security = [{"serviceToken": []}]
    not_found = {"description": "No such reference (or not one this sender may see).",
                 "content": _json("Error")}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Children's social care intake API",
            "version": API_VERSION,
            "description": "Representations from the bot and partner apps, status look-ups, "
                           "callback requests, the case store's status callbacks and advocacy "
                           "providers' answers to referrals. Send "
                           "`Authorization: Bearer <token>`; tokens are made with `flask "
                           f"tokens create NAME --scope {'|'.join(SCOPES)}`.",
        },
        "servers": [{"url": "/api/v1"}],
        "components": {
            "securitySchemes": {"serviceToken": {"type": "http", "scheme": "bearer"}},
            "schemas": request_schemas() | response_schemas(),
        },
        "security": intake_security,
        "paths": {
            "/representations": {"post": {
                "operationId": "createRepresentation",
                "summary": "Submit a representation (scope intake)",
                "requestBody": {"required": True, "content": _json("RepresentationRequest")},
                "responses": _responses({
                    "201": ("Saved; the acknowledgement to give the person.", "Submission"),
                    "200": ("Seen before (same idempotency_key and text from this "
                            "token): the first record.", "Submission"),
                }, body=True) | {"409": {
                    "description": "This token already used the idempotency_key for a "
                                   "different representation; nothing was saved.",
                    "content": _json("Error")}},
            }},
            "/representations/{reference}/status": {"get": {
                "operationId": "getRepresentationStatus",
                "summary": "How a record is going, for the child who sent it (scope intake)",
                "parameters": [
                    _reference_parameter(),
                    {"name": "conversation_id", "in": "query", "required": True,
                     "description": "The asking conversation: it must have made the record "
                                    "or share its phone number.",
                     "schema": {"type": "string", "minLength": 1, "maxLength": 64}},
                ],
                "responses": _responses({"200": ("The status in plain words.", "Status")},
                                        body=False) | {"404": not_found},
            }},
            "/status-checks": {"post": {
                "operationId": "checkStatusWithSecret",
                "summary": "How a record is going, for whoever has its reference and "
                           "secret number (scope intake)",
                "requestBody": {"required": True, "content": _json("StatusCheckRequest")},
                "responses": _responses({"200": ("The status in plain words.", "Status")},
                                        body=True) | {
                    "404": {"description": "No record with that reference and secret "
                                           "(the same answer for either).",
                            "content": _json("Error")},
                    "429": {"description": "Too many look-ups that found nothing; "
                                           "status_text says when to try again.",
                            "content": _json("Error")}},
            }},
            "/callback-requests": {"post": {
                "operationId": "createCallbackRequest",
                "summary": "Ask for a person to get in touch (scope intake)",
                "requestBody": {"required": True, "content": _json("CallbackRequestRequest")},
                "responses": _responses({
                    "201": ("Requested; what to tell the child.", "CallbackCreated"),
                    "200": ("Already requested and still open (a new way to reach the "
                            "child, if given, now applies).", "CallbackCreated"),
                }, body=True),
            }},
            "/advocacy-referrals/{referral_id}/status": {"post": {
                "operationId": "recordAdvocacyReferralStatus",
                "summary": "An advocacy provider answers a referral: accepted, allocated "
                           "(with a contact) or declined (with a reason). Scope advocacy, "
                           "the token named after the provider's key.",
                "parameters": [{"name": "referral_id", "in": "path", "required": True,
                                "description": "The referral_id the referral carried.",
                                "schema": {"type": "integer"}}],
                "requestBody": {"required": True,
                                "content": _json("AdvocacyReferralStatus")},
                "responses": _responses({
                    "201": ("Recorded.", "ReferralStatusRecorded"),
                    "200": ("The referral already had this status; nothing changed.",
                            "ReferralStatusRecorded"),
                }, body=True) | {"404": {
                    "description": "No such referral for this provider.",
                    "content": _json("Error")}},
            }},
            "/cases/{reference}/status": {"post": {
                "operationId": "recordCaseStatus",
                "summary": "The case store reports what happened (scope case_store)",
                "parameters": [_reference_parameter()],
                "requestBody": {"required": True, "content": _json("CaseStatusCallback")},
                "responses": _responses({
                    "201": ("Recorded; the child is told if they chose a reply.",
                            "StatusRecorded"),
                    "200": ("This event_id was recorded before; nothing changed.",
                            "StatusRecorded"),
                }, body=True) | {"404": not_found},
            }},
        },
    }


@cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(request_schemas()[name], format_checker=FormatChecker())


def _join(prefix: str, error: ValidationError) -> str:
    return ".".join([part for part in (prefix,) if part]
                    + [str(part) for part in error.absolute_path])


def _message(error: ValidationError) -> str:
    schema = error.schema if isinstance(error.schema, dict) else {}
    match error.validator:
        case "required":
            return "is required"
        case "type":
            return f"must be {_article(error.validator_value)}"
        case "enum":
            return "must be one of: " + ", ".join(map(str, error.validator_value))
        case "maxLength":
            return f"must be at most {error.validator_value} characters"
        case "minLength":
            return "must not be empty"
        case "format" if schema.get("format") == "date":
            return "must be a date (YYYY-MM-DD)"
        case "pattern":
            return "has characters or a form this field does not allow"
        case "uniqueItems":
            return "must not list the same value twice"
        case "maxItems":
            return f"must have at most {error.validator_value} items"
    return error.message


def _collect(found: Iterable[ValidationError], prefix: str, errors: dict[str, str]) -> None:
    for error in sorted(found, key=lambda error: [str(part) for part in error.absolute_path]):
        field = _join(prefix, error)
        if error.validator == "anyOf":
            # A nullable field that is not null: report what is wrong with the value itself.
            branches = [branch for branch in error.validator_value
                        if branch.get("type") != "null"]
            if len(branches) == 1:
                branch = Draft202012Validator(branches[0], format_checker=FormatChecker())
                _collect(branch.iter_errors(error.instance), field, errors)
                continue
        if error.validator == "required":
            missing = error.message.split("'")[1]
            errors.setdefault(f"{field}.{missing}" if field else missing, "is required")
            continue
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
            for name in error.instance:
                if name not in known:
                    errors.setdefault(f"{field}.{name}" if field else str(name),
                                      "is not a field this API knows")
            continue
        errors.setdefault(field or "body", _message(error))


def _article(json_type: object) -> str:
    names = {"string": "a string", "object": "an object", "array": "an array",
             "boolean": "true or false", "integer": "a whole number", "null": "null"}
    if isinstance(json_type, list):
        return " or ".join(names.get(str(item), str(item)) for item in json_type)
    return names.get(str(json_type), str(json_type))


def validation_errors(schema_name: str, body: Any) -> dict[str, str]:
    """Every problem with ``body`` by field; empty when it is valid."""
    errors: dict[str, str] = {}
    _collect(_validator(schema_name).iter_errors(body), "", errors)
    return errors
