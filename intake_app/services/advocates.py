"""Advocacy organisations and what their advocates may see.

Everything an advocate opens is found through their organisation here, so a guessed
reference or id from another organisation's work finds nothing (the page answers 404,
the same as a reference that does not exist). Moving an advocate to another organisation
changes what they see at once: nothing is remembered per account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy import and_, or_, select
from sqlalchemy.sql.elements import ColumnElement

from ..domain import references
from ..extensions import db
from ..models import (
    AdvocacyOrganisation,
    AdvocateMembership,
    AdvocateSubmission,
    Representation,
    StaffUser,
)
from .audit import record_event


class NotAnAdvocate(ValueError):
    """Only advocates' accounts belong to an organisation."""


def organisations() -> list[AdvocacyOrganisation]:
    """The organisations an admin may put an advocate in, by name."""
    return list(db.session.scalars(
        select(AdvocacyOrganisation).where(AdvocacyOrganisation.active.is_(True))
        .order_by(AdvocacyOrganisation.name)))


def find_organisation(organisation_id: int) -> AdvocacyOrganisation | None:
    organisation = db.session.get(AdvocacyOrganisation, organisation_id)
    return organisation if organisation is not None and organisation.active else None


def organisation_of(user: StaffUser) -> AdvocacyOrganisation | None:
    """The organisation an advocate works for now; None for anyone else."""
    if user.role != "advocate":
        return None
    return db.session.scalar(
        select(AdvocacyOrganisation)
        .join(AdvocateMembership, AdvocateMembership.organisation_id == AdvocacyOrganisation.id)
        .where(AdvocateMembership.staff_user_id == user.id,
               AdvocacyOrganisation.active.is_(True)))


def organisation_names() -> dict[int, str]:
    """Each advocate's organisation by account id, for the admins' staff page."""
    rows = db.session.execute(
        select(AdvocateMembership.staff_user_id, AdvocacyOrganisation.name)
        .join(AdvocacyOrganisation, AdvocateMembership.organisation_id == AdvocacyOrganisation.id))
    return {staff_id: name for staff_id, name in rows}


def move_advocate(user: StaffUser, organisation: AdvocacyOrganisation, *, actor: str) -> None:
    """Put an advocate in another organisation (audited). Their open sessions end, so a
    page of the old organisation's records open in a browser is not a way back in."""
    if user.role != "advocate":
        raise NotAnAdvocate(user.id)
    membership = db.session.get(AdvocateMembership, user.id)
    before = None
    if membership is None:
        membership = AdvocateMembership(staff_user_id=user.id, organisation_id=organisation.id)
        db.session.add(membership)
    else:
        old = db.session.get(AdvocacyOrganisation, membership.organisation_id)
        before = {"organisation": old.key if old is not None else None}
        membership.organisation_id = organisation.id
    user.session_version = StaffUser.session_version + 1
    record_event(actor, "advocate.organisation_set", before=before,
                 after={"staff_id": user.id, "organisation": organisation.key})
    db.session.commit()


def _referred_to(organisation: AdvocacyOrganisation) -> ColumnElement[bool]:
    """Records whose child asked for an advocate from this organisation; "help me choose"
    goes to the council's default provider (as the referral itself does)."""
    chosen = Representation.advocate_provider == organisation.key
    if organisation.key == current_app.config["DEFAULT_ADVOCACY_PROVIDER"]:
        chosen = or_(chosen, Representation.advocate_provider == "help_me_choose")
    return and_(Representation.advocate_requested != "no", chosen)


@dataclass(frozen=True)
class ReferralSummary:
    """What the organisation sees of a referral: enough to match an advocate, never the
    child's complaint itself (that is the child's to tell the advocate)."""

    reference: str
    reference_display: str
    received_at: datetime
    language: str
    service_area: str | None
    chosen_by_child: bool


def _referral_summary(record: Representation) -> ReferralSummary:
    return ReferralSummary(
        reference=record.reference,
        reference_display=references.display(record.reference),
        received_at=record.received_at,
        language=record.language,
        service_area=record.service_area,
        chosen_by_child=record.advocate_provider != "help_me_choose",
    )


def referrals(organisation: AdvocacyOrganisation) -> list[ReferralSummary]:
    """The organisation's referrals, newest first."""
    records = db.session.scalars(
        select(Representation).where(_referred_to(organisation))
        .order_by(Representation.received_at.desc()))
    return [_referral_summary(record) for record in records]


def view_referral(organisation: AdvocacyOrganisation, reference: str, *, actor: str
                  ) -> ReferralSummary | None:
    """One referral of this organisation's, by reference as typed, with the view audited
    like every staff view of a record; None for any other organisation's or none."""
    normalised = references.normalise(reference)
    if normalised is None:
        return None
    record = db.session.scalar(
        select(Representation).where(Representation.reference == normalised,
                                     _referred_to(organisation)))
    if record is None:
        return None
    record_event(actor, "advocate.referral_viewed", record,
                 after={"organisation": organisation.key})
    db.session.commit()
    return _referral_summary(record)


@dataclass(frozen=True)
class SubmissionView:
    """A record the organisation's advocate made for a child, as the organisation sees
    it: the child's words and the advocate's details (theirs to begin with)."""

    record: Representation
    details: AdvocateSubmission
    advocate_name: str


def submissions(organisation: AdvocacyOrganisation) -> list[Representation]:
    """Records the organisation's advocates made, newest first."""
    return list(db.session.scalars(
        select(Representation)
        .join(AdvocateSubmission, AdvocateSubmission.representation_id == Representation.id)
        .where(AdvocateSubmission.organisation_id == organisation.id)
        .order_by(Representation.received_at.desc())))


def view_submission(organisation: AdvocacyOrganisation, reference: str, *, actor: str
                    ) -> SubmissionView | None:
    """One of the organisation's records by reference as typed, the view audited; None
    for any other organisation's record, whichever advocate asks."""
    normalised = references.normalise(reference)
    if normalised is None:
        return None
    found = db.session.execute(
        select(Representation, AdvocateSubmission)
        .join(AdvocateSubmission, AdvocateSubmission.representation_id == Representation.id)
        .where(Representation.reference == normalised,
               AdvocateSubmission.organisation_id == organisation.id)).first()
    if found is None:
        return None
    record, details = found
    advocate = db.session.get(StaffUser, details.advocate_id)
    record_event(actor, "advocate.submission_viewed", record,
                 after={"organisation": organisation.key})
    db.session.commit()
    return SubmissionView(record=record, details=details,
                          advocate_name=advocate.name if advocate is not None else "")
