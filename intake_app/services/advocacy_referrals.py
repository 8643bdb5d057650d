"""Advocacy referrals that come back: each child's request for an advocate is a referral
row, sent to the provider through the outbox; the provider answers (accepted; allocated
with the advocate organisation's contact; declined with a reason) through the API with its
own token, or in the advocates' area in the embedded default. A referral not accepted
within a working day raises one alert to the complaints team (the outbox worker's sweep
asks ``queue_overdue_alerts``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy import select

from ..domain import advocacy
from ..domain.references import display
from ..extensions import db
from ..models import AdvocacyOrganisation, AdvocacyReferral, Representation
from ..outbox.enqueue import enqueue
from .audit import record_event
from .wall_clock import SYSTEM_CLOCK, WallClock

OVERDUE_ALERT_KIND = "referral_overdue_alert"
REFERRAL_ANSWERS = ("accepted", "allocated", "declined")


class ReferralNotFound(LookupError):
    """No referral with this id for this provider (another provider's is the same)."""


class InvalidReferralAnswer(ValueError):
    """The answer cannot be taken; ``errors`` maps each field to a message for the
    provider's developers (the API) or a code (the advocates' page)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(", ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def provider_for(record: Representation) -> str:
    """The provider the referral goes to: the child's choice, or the council's default
    when they asked us to choose."""
    chosen = record.advocate_provider or "help_me_choose"
    return (current_app.config["DEFAULT_ADVOCACY_PROVIDER"] if chosen == "help_me_choose"
            else chosen)


def open_referral(record: Representation, *, at: datetime) -> AdvocacyReferral:
    """The referral row and its outbox message, in the caller's transaction (submit's)."""
    provider = provider_for(record)
    organisation = db.session.scalar(
        select(AdvocacyOrganisation).where(AdvocacyOrganisation.key == provider))
    referral = AdvocacyReferral(
        representation_id=record.id, provider=provider,
        organisation_id=organisation.id if organisation is not None else None,
        chosen_by_child=record.advocate_provider not in (None, "help_me_choose"),
        state="sent", sent_at=at, state_changed_at=at,
        accept_by=advocacy.accept_by(at, nation=current_app.config["NATION"]))
    db.session.add(referral)
    db.session.flush()
    enqueue("advocacy_referral", record,
            {"provider": record.advocate_provider, "referral_id": referral.id}, at=at)
    return referral


def storable_id(referral_id: int) -> bool:
    """An id no database integer can hold (a guess in a URL) is simply not found."""
    return 0 < referral_id < 2**31


@dataclass(frozen=True)
class Answer:
    status: str
    contact: str = ""
    reason: str = ""


def _answer_errors(referral: AdvocacyReferral, answer: Answer) -> dict[str, str]:
    if answer.status not in REFERRAL_ANSWERS:
        return {"status": "must be accepted, allocated or declined"}
    if answer.status == "allocated" and not answer.contact.strip():
        return {"contact": "is required when status is allocated"}
    if answer.status == "declined" and not answer.reason.strip():
        return {"reason": "is required when status is declined"}
    if answer.status not in advocacy.REFERRAL_NEXT[referral.state]:
        return {"status": f"cannot follow {referral.state}"}
    return {}


def record_answer(referral_id: int, provider: str, answer: Answer, *, actor: str,
                  clock: WallClock = SYSTEM_CLOCK) -> tuple[AdvocacyReferral, bool]:
    """Take a provider's answer (audited). Returns the referral and whether it changed: the
    same answer again (a retry) changes nothing and is not an error."""
    referral = (db.session.get(AdvocacyReferral, referral_id)
                if storable_id(referral_id) else None)
    if referral is None or referral.provider != provider:
        raise ReferralNotFound(referral_id)
    if answer.status == referral.state:
        return referral, False
    errors = _answer_errors(referral, answer)
    if errors:
        raise InvalidReferralAnswer(errors)
    now = clock.now()
    before = {"state": referral.state}
    referral.state = answer.status
    referral.state_changed_at = now
    referral.answered_at = referral.answered_at or now
    if answer.status == "allocated":
        referral.allocated_contact = answer.contact.strip()
    if answer.status == "declined":
        referral.decline_reason = answer.reason.strip()
    record = db.session.get(Representation, referral.representation_id)
    record_event(actor, "advocacy_referral.answered", record, before=before,
                 after={"state": referral.state, "referral_id": referral.id})
    db.session.commit()
    return referral, True


def of_record(record: Representation) -> list[AdvocacyReferral]:
    """A record's referrals, oldest first, for the officers' case view."""
    return list(db.session.scalars(
        select(AdvocacyReferral).where(AdvocacyReferral.representation_id == record.id)
        .order_by(AdvocacyReferral.id)))


def queue_overdue_alerts(clock: WallClock = SYSTEM_CLOCK) -> int:
    """One alert to the complaints team for each referral still not accepted a working
    day after it went; returns how many were queued."""
    now = clock.now()
    overdue = db.session.scalars(
        select(AdvocacyReferral).where(AdvocacyReferral.state == "sent",
                                       AdvocacyReferral.accept_by <= now,
                                       AdvocacyReferral.overdue_alerted_at.is_(None))
        .with_for_update(skip_locked=True)).all()
    for referral in overdue:
        record = db.session.get(Representation, referral.representation_id)
        referral.overdue_alerted_at = now
        enqueue(OVERDUE_ALERT_KIND, record,
                {"referral_id": referral.id, "provider": referral.provider,
                 "reference": display(record.reference) if record else None,
                 "sent_at": referral.sent_at.isoformat()},
                key_suffix=str(referral.id), urgent=False)
    if overdue:
        db.session.commit()
    return len(overdue)
