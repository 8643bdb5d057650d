"""The one submit path (ARCHITECTURE rule 1): web, SMS, chat, advocates and the API all
create records here, so triage, acknowledgement, audit and forwarding cannot diverge."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..domain import references
from ..domain.calendar import Deadlines, compute_deadlines
from ..domain.draft import (
    Draft,
    ReportedConcern,
    normalise_email,
    normalise_phone,
    normalise_sender,
    sanitised,
    validate,
)
from ..domain.safeguarding import SafeguardingResult, screen
from ..domain.triage import (
    HELD_FOR_REVIEW_REASON,
    NO_REVIEW_REASON,
    NORMAL_PRIORITY_REASON,
    REVIEW_REASON,
    TriageResult,
    triage,
)
from ..extensions import db
from ..models import Representation, RepresentationContact, RepresentationTriage
from ..outbox.enqueue import enqueue
from . import FieldErrors, acknowledgement, advocacy_referrals, compliments
from .audit import record_event
from .protection import encrypt_json, lookup_hash
from .review_hold import forwards_before_review, held_for_review
from .status_checks import issue_secret
from .wall_clock import SYSTEM_CLOCK, WallClock

MAX_REFERENCE_ATTEMPTS = 10


class InvalidDraft(FieldErrors):
    """The draft cannot be submitted; ``errors`` maps each field to an error code."""


@dataclass(frozen=True)
class SubmissionResult:
    reference: str
    reference_display: str
    representation_id: int
    created: bool
    status: str
    needs_review: bool
    safeguarding: bool
    deadlines: dict[str, str]
    reply_by: date
    acknowledgement_text: str
    acknowledgement_sms: str
    # The secret to check on it from anywhere, given once: only its hash is kept, so a
    # repeated submission_key (the record already made) comes back without it.
    status_secret: str | None = None


# A channel's own rows for a new record (an advocate's details, copies of the
# acknowledgement to the advocate), made in submit's transaction.
WithRecord = Callable[[Representation, acknowledgement.Acknowledgement], None]


def submit(draft: Draft, *, actor: str, clock: WallClock = SYSTEM_CLOCK,
           with_record: WithRecord | None = None) -> SubmissionResult:
    """Validate, sanitise, triage and save one representation with its audit event and
    outbox rows in a single transaction. A repeated ``submission_key`` returns the first
    record instead of making a second. ``clock`` is when it is submitted (acknowledged,
    audited, queued); a replay sets it, with the draft's ``received_at``. ``with_record``
    adds a channel's own rows in the same transaction, so they exist exactly when the
    record does."""
    config = current_app.config
    clean = sanitised(draft)
    errors = validate(clean, max_chars=config["TEXT_MAX_CHARS"])
    if errors:
        raise InvalidDraft(errors)
    if clean.submission_key:
        existing = _by_submission_key(clean.submission_key)
        if existing is not None:
            return _result(existing, created=False)

    received_at = clean.received_at or clock.now()
    result = triage(clean.text, role=clean.role, service_area=clean.service_area,
                    declared_type=clean.declared_type, received_at=received_at)
    extra_evidence = (_screen_other_fields(clean, typed=draft, main=result.safeguarding)
                      + _reported_evidence(clean.reported_concern))
    deadlines = compute_deadlines(
        received_at,
        procedure=result.procedure,
        nation=config["NATION"],
        acknowledgement_days=config["ACKNOWLEDGEMENT_WORKING_DAYS"],
        corporate_stage1_days=config["CORPORATE_STAGE1_WORKING_DAYS"],
        corporate_stage1_extended_days=config["CORPORATE_STAGE1_EXTENDED_WORKING_DAYS"],
        cutoff=config["CUTOFF_TIME"],
    )
    record = _new_record(clean, result, extra_evidence, deadlines, received_at,
                         acknowledged_at=clock.now())
    try:
        db.session.add(record)
        db.session.flush()
        record_event(actor, "representation.submitted", record, after=_audit_view(record),
                     at=clock.now())
        status_secret = issue_secret(record)
        ack = acknowledgement.compose(record, status_secret=status_secret)
        _enqueue_deliveries(record, clean, ack, at=clock.now())
        if with_record is not None:
            with_record(record, ack)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        # A double click racing the first submit: the first one won, return it.
        existing = _by_submission_key(clean.submission_key) if clean.submission_key else None
        if existing is None:
            raise
        return _result(existing, created=False)
    except Exception:
        db.session.rollback()
        raise
    return _result(record, created=True, ack=ack, status_secret=status_secret)


def _by_submission_key(key: str) -> Representation | None:
    return db.session.scalars(
        select(Representation).where(Representation.submission_key == key)).first()


def _unused_reference() -> str:
    for _ in range(MAX_REFERENCE_ATTEMPTS):
        candidate = references.new_reference()
        taken = db.session.scalar(
            select(Representation.id).where(Representation.reference == candidate))
        if taken is None:
            return candidate
    raise RuntimeError("no free reference after several tries")


def _screen_other_fields(draft: Draft, *, typed: Draft, main: SafeguardingResult
                         ) -> list[dict[str, Any]]:
    """The safeguarding screen runs on every free text a person typed, not only the main
    one: a disclosure in "what would help", a helper's note or a name field must not slip
    past. The text as typed is screened too, in case cleaning removed anything."""
    helper = draft.on_behalf
    fields = {
        "what_would_help": draft.what_would_help,
        "contact_safety_note": draft.contact_safety.note,
        "consent": helper.consent if helper else "",
        "relationship": helper.relationship if helper else "",
        "organisation": helper.organisation if helper else "",
        "helper_name": helper.helper_name if helper else "",
        "contact_name": draft.contact.name,
        "contact_address": draft.contact.address,
        **dict(draft.other_texts),
    }
    if typed.text.strip() != draft.text:
        fields["text_as_typed"] = typed.text
    evidence: list[dict[str, Any]] = []
    for field_name, text in fields.items():
        for item in screen(text).evidence if text else ():
            evidence.append({"field": field_name, **asdict(item)})
    if "text_as_typed" in fields:
        # Only what the cleaned text's own screen (in triage) did not already find.
        cleaned_spans = {item.text for item in main.evidence}
        evidence = [item for item in evidence
                    if item["field"] != "text_as_typed" or item["text"] not in cleaned_spans]
    return evidence


def _reported_evidence(concern: ReportedConcern | None) -> list[dict[str, Any]]:
    """A concern a professional told us of is evidence in its own right, one item per kind
    they chose, so it flags the record and alerts the duty team like a disclosure."""
    if concern is None:
        return []
    return [{"field": "reported_concern", "kind": kind, "start": 0, "end": len(concern.text),
             "text": concern.text} for kind in concern.kinds]


def _contact_details(draft: Draft) -> dict[str, str] | None:
    if draft.reply_channel == "none":
        return None
    contact = draft.contact
    phone = (normalise_phone(contact.phone) or normalise_sender(contact.phone)
             if contact.phone else None)
    email = normalise_email(contact.email) if contact.email else None
    return {"name": contact.name, "phone": phone or "", "email": email or "",
            "address": contact.address}


def _new_record(
    draft: Draft,
    result: TriageResult,
    extra_evidence: list[dict[str, Any]],
    deadlines: Deadlines,
    received_at: datetime,
    *,
    acknowledged_at: datetime,
) -> Representation:
    evidence = [{"field": "text", **asdict(item)} for item in result.safeguarding.evidence]
    evidence += extra_evidence
    kinds = sorted({item["kind"] for item in evidence} | set(result.safeguarding.kinds))
    flagged = result.safeguarding.flagged or bool(extra_evidence)
    reasons = list(result.reasons)
    if draft.needs_review_reason:
        reasons.insert(0, draft.needs_review_reason)
    if extra_evidence and not result.safeguarding.flagged:
        quoted = "; ".join(dict.fromkeys(f"'{item['text']}'" for item in extra_evidence))
        reasons.insert(0, f"Flagged as urgent: a possible safeguarding concern in another "
                          f"answer — {quoted}")
    needs_review = result.needs_review or flagged or bool(draft.needs_review_reason)
    reasons = _reasons_as_decided(reasons, needs_review=needs_review, urgent=flagged,
                                  held=needs_review and not forwards_before_review())
    contact = _contact_details(draft)
    return Representation(
        reference=_unused_reference(),
        submission_key=draft.submission_key,
        channel=draft.channel,
        language=draft.language,
        declared_type=draft.declared_type,
        type=result.type,
        text=draft.text,
        what_would_help=draft.what_would_help or None,
        service_area=draft.service_area,
        complainant_role=draft.role,
        advocate_requested=draft.advocate,
        advocate_provider=_advocate_provider(draft),
        contact=RepresentationContact(
            reply_channel=draft.reply_channel,
            contact_encrypted=encrypt_json(contact) if contact else None,
            phone_lookup_hash=(lookup_hash(contact["phone"]) if contact and contact["phone"]
                               else None),
            contact_safety=(asdict(draft.contact_safety)
                            | {"times": list(draft.contact_safety.times)}),
            on_behalf_encrypted=(encrypt_json(asdict(draft.on_behalf)) if draft.on_behalf
                                 else None),
        ),
        primary_category=result.primary_category,
        secondary_categories=list(result.secondary_categories),
        needs_review=needs_review,
        priority="urgent" if flagged else result.priority,
        procedure=result.procedure,
        safeguarding_flag=flagged,
        safeguarding_kinds=kinds,
        triage_detail=RepresentationTriage(
            type_confidence=result.type_confidence,
            triage=result.to_dict(),
            triage_reasons=reasons,
            triage_flags=list(result.flags),
            model_version=result.model_version,
            procedure_reason=result.procedure_reason,
            safeguarding_evidence=evidence,
        ),
        clock_start=deadlines.clock_start,
        acknowledgement_due=deadlines.acknowledgement_due,
        stage1_due=deadlines.stage1_due,
        stage1_extended_due=deadlines.stage1_extended_due,
        status="needs_review" if needs_review else "triaged",
        conversation_id=draft.conversation_id,
        received_at=received_at,
        # The acknowledgement is given in the same request (screen, TwiML, chat, API).
        acknowledged_at=acknowledged_at,
    )


def _reasons_as_decided(reasons: list[str], *, needs_review: bool, urgent: bool,
                        held: bool) -> list[str]:
    """Triage's reasons, with its review and priority lines matching what was decided here
    (a channel's reason, or a concern in another answer, makes a person look; a held record
    says it waits)."""
    if needs_review:
        review = HELD_FOR_REVIEW_REASON if held else REVIEW_REASON
        reasons = [review if reason in (NO_REVIEW_REASON, REVIEW_REASON) else reason
                   for reason in reasons]
    if urgent:
        reasons = [reason for reason in reasons if reason != NORMAL_PRIORITY_REASON]
    return reasons


def _advocate_provider(draft: Draft) -> str | None:
    if draft.advocate == "help_me_choose":
        return "help_me_choose"  # the council's default provider helps them choose
    return draft.advocate_provider if draft.advocate == "yes" else None


def _enqueue_deliveries(record: Representation, draft: Draft,
                        ack: acknowledgement.Acknowledgement, *, at: datetime) -> None:
    if not held_for_review(record):
        enqueue("case", record, at=at)
        compliments.pass_on(record, at=at)
    # The duty team's alert and the child's acknowledgement never wait for a review.
    if record.safeguarding_flag:
        enqueue("safeguarding_alert", record, urgent=True, at=at)
    if record.advocate_requested != "no":
        advocacy_referrals.open_referral(record, at=at)
    # SMS and chat answer in the conversation itself; other channels get the
    # acknowledgement by the route the person chose. Anonymous senders see it on screen.
    if record.contact.reply_channel == "sms" and draft.channel not in ("sms", "chat"):
        enqueue("sms", record, {"purpose": "acknowledgement", "body": ack.sms},
                key_suffix="acknowledgement", at=at)
    if record.contact.reply_channel == "email":
        enqueue("email", record, {"purpose": "acknowledgement", "subject": ack.email_subject,
                                  "text": ack.text, "html": ack.email_html},
                key_suffix="acknowledgement", at=at)


def _audit_view(record: Representation) -> dict[str, Any]:
    """What the audit trail keeps of a new record: its decisions, never contact details."""
    return {
        "reference": record.reference,
        "channel": record.channel,
        "type": record.type,
        "status": record.status,
        "priority": record.priority,
        "procedure": record.procedure,
        "safeguarding_flag": record.safeguarding_flag,
        "primary_category": record.primary_category,
        "model_version": record.triage_detail.model_version,
    }


def _result(record: Representation, *, created: bool,
            ack: acknowledgement.Acknowledgement | None = None,
            status_secret: str | None = None) -> SubmissionResult:
    ack = ack or acknowledgement.compose(record)
    deadlines = {
        "acknowledgement_due": record.acknowledgement_due.isoformat(),
        "stage1_due": record.stage1_due.isoformat(),
        "stage1_extended_due": record.stage1_extended_due.isoformat(),
    }
    return SubmissionResult(
        reference=record.reference,
        reference_display=references.display(record.reference),
        representation_id=record.id,
        created=created,
        status=record.status,
        needs_review=record.needs_review,
        safeguarding=record.safeguarding_flag,
        deadlines=deadlines,
        reply_by=acknowledgement.reply_by(record),
        acknowledgement_text=ack.text,
        acknowledgement_sms=ack.sms,
        status_secret=status_secret,
    )
