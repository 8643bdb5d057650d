"""The ``case.v1`` document: what the case store gets for one record.

Built from the saved record at delivery time (the outbox row only names the record), so a
correction an officer makes before delivery is what the case store sees. It holds what an
officer needs and no more: contact details only when the person agreed to be contacted.
The published schema is ``docs/schemas/case.v1.json``; change both together.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from ...domain.references import display
from ...extensions import db
from ...models import AdvocateSubmission, ChannelMessage, Representation
from ...services.protection import decrypt_json

SCHEMA_VERSION = "case.v1"


def _iso_date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _iso_time(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def contact_details(record: Representation) -> dict[str, str] | None:
    """Decrypted contact details, or None when the person did not agree to be contacted."""
    if record.contact.reply_channel == "none":
        return None
    stored = decrypt_json(record.contact.contact_encrypted) or {}
    return {name: stored[name] for name in ("name", "phone", "email", "address")
            if stored.get(name)}


def transcript(record: Representation) -> list[dict[str, str]]:
    """The bot conversation that produced the record, oldest first (empty for forms)."""
    if record.conversation_id is None:
        return []
    messages = db.session.scalars(
        select(ChannelMessage)
        .where(ChannelMessage.conversation_id == record.conversation_id)
        .order_by(ChannelMessage.created_at, ChannelMessage.id)
    )
    return [
        {"direction": message.direction, "body": message.body, "at": _iso_time(message.created_at)}
        for message in messages
    ]


def _for_child(record: Representation) -> dict[str, Any]:
    """What an advocate told us with a record they made for a child: the child's details,
    exactly how and when the child agreed and what may be shared with whom, and who the
    child chose to receive replies. Only on such records."""
    details = db.session.get(AdvocateSubmission, record.id)
    if details is None:
        return {}
    return {"for_child": {
        "name_or_initials": details.child_name,
        "age_band": details.age_band,
        "status": details.child_status,
        "council_team": details.council_team,
        "communication": dict(details.communication or {}),
        "consent": {"method": details.consent_method,
                    "given_on": _iso_date(details.consent_given_on),
                    "sharing": details.sharing},
        "replies_to": details.replies_to,
        "advocate_summary": details.advocate_summary,
        "advocate_view": {"type": details.advocate_type,
                          "categories": list(details.advocate_categories or []),
                          "urgency": details.advocate_urgency,
                          "safeguarding_known": details.safeguarding_known},
    }}


def build_case_document(record: Representation, *, idempotency_key: str) -> dict[str, Any]:
    """The ``case.v1`` JSON document for ``record``."""
    on_behalf = decrypt_json(record.contact.on_behalf_encrypted)
    detail = record.triage_detail
    return {
        "schema": SCHEMA_VERSION,
        "idempotency_key": idempotency_key,
        "reference": record.reference,
        "reference_display": display(record.reference),
        "received_at": _iso_time(record.received_at),
        "channel": record.channel,
        "language": record.language,
        "type": record.type,
        "declared_type": record.declared_type,
        "categories": {
            "primary": record.primary_category,
            "secondary": list(record.secondary_categories or []),
        },
        "service_area": record.service_area,
        "procedure": record.procedure,
        "procedure_reason": detail.procedure_reason,
        "priority": record.priority,
        "needs_review": record.needs_review,
        "safeguarding": {
            "flagged": record.safeguarding_flag,
            "kinds": list(record.safeguarding_kinds or []),
            "evidence": list(detail.safeguarding_evidence or []),
        },
        "complainant": {
            "role": record.complainant_role,
            "on_behalf": on_behalf or None,
            **_for_child(record),
        },
        "text": record.text,
        "what_would_help": record.what_would_help or "",
        "advocate": {
            "requested": record.advocate_requested,
            "provider": record.advocate_provider,
        },
        "reply": {
            "channel": record.contact.reply_channel,
            "contact": contact_details(record),
            "contact_safety": dict(record.contact.contact_safety or {}),
        },
        "deadlines": {
            "clock_start": _iso_date(record.clock_start),
            "acknowledgement_due": _iso_date(record.acknowledgement_due),
            "stage1_due": _iso_date(record.stage1_due),
            "stage1_extended_due": _iso_date(record.stage1_extended_due),
        },
        "triage": {
            "reasons": list(detail.triage_reasons or []),
            "flags": list(detail.triage_flags or []),
            "type_confidence": detail.type_confidence,
            "model_version": detail.model_version,
        },
        "transcript": transcript(record),
    }
