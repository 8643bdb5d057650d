"""Advocacy organisations and what their advocates may see.

Everything an advocate opens is found through their organisation here, so a guessed
reference or id from another organisation's work finds nothing (the page answers 404,
the same as a reference that does not exist). Moving an advocate to another organisation
changes what they see at once: nothing is remembered per account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select

from ..domain import references
from ..extensions import db
from ..models import (
    AdvocacyOrganisation,
    AdvocacyReferral,
    AdvocateMembership,
    AdvocateSubmission,
    Representation,
    StaffUser,
)
from . import advocacy_referrals
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


def organisation_by_key(key: str) -> AdvocacyOrganisation | None:
    """An active organisation by its key (nyas, coram_voice...), as the command line
    names it."""
    return db.session.scalar(select(AdvocacyOrganisation).where(
        AdvocacyOrganisation.key == key, AdvocacyOrganisation.active.is_(True)))


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


@dataclass(frozen=True)
class ReferralSummary:
    """What the organisation sees of a referral: enough to match an advocate and answer,
    never the child's complaint itself (that is the child's to tell the advocate)."""

    id: int
    reference_display: str
    sent_at: datetime
    state: str
    language: str
    service_area: str | None
    chosen_by_child: bool
    allocated_contact: str | None
    decline_reason: str | None


def _summary(referral: AdvocacyReferral, record: Representation) -> ReferralSummary:
    return ReferralSummary(
        id=referral.id, reference_display=references.display(record.reference),
        sent_at=referral.sent_at, state=referral.state, language=record.language,
        service_area=record.service_area, chosen_by_child=referral.chosen_by_child,
        allocated_contact=referral.allocated_contact, decline_reason=referral.decline_reason)


def _of_organisation(organisation: AdvocacyOrganisation) -> Select[tuple[AdvocacyReferral,
                                                                         Representation]]:
    return (select(AdvocacyReferral, Representation)
            .join(Representation, Representation.id == AdvocacyReferral.representation_id)
            .where(AdvocacyReferral.organisation_id == organisation.id))


def referrals(organisation: AdvocacyOrganisation) -> list[ReferralSummary]:
    """The organisation's referrals, newest first."""
    rows = db.session.execute(_of_organisation(organisation)
                              .order_by(AdvocacyReferral.sent_at.desc()))
    return [_summary(referral, record) for referral, record in rows]


def has_referral(organisation: AdvocacyOrganisation, referral_id: int) -> bool:
    """Whether the referral is this organisation's (not audited: nothing of it is shown)."""
    return advocacy_referrals.storable_id(referral_id) and db.session.execute(
        _of_organisation(organisation).where(AdvocacyReferral.id == referral_id)
    ).first() is not None


def view_referral(organisation: AdvocacyOrganisation, referral_id: int, *, actor: str
                  ) -> ReferralSummary | None:
    """One of this organisation's referrals, with the view audited like every staff view
    of a record; None for any other organisation's, or none."""
    found = (db.session.execute(_of_organisation(organisation)
                                .where(AdvocacyReferral.id == referral_id)).first()
             if advocacy_referrals.storable_id(referral_id) else None)
    if found is None:
        return None
    referral, record = found
    record_event(actor, "advocate.referral_viewed", record,
                 after={"organisation": organisation.key, "referral_id": referral.id})
    db.session.commit()
    return _summary(referral, record)


def answer_referral(organisation: AdvocacyOrganisation, referral_id: int,
                    answer: advocacy_referrals.Answer, *, actor: str) -> bool:
    """The organisation answers its referral from the advocates' area (the provider's
    inbox of the embedded default), as its API token would; whether anything changed."""
    _referral, changed = advocacy_referrals.record_answer(referral_id, organisation.key,
                                                          answer, actor=actor)
    return changed


@dataclass(frozen=True)
class SubmissionView:
    """A record the organisation's advocate made for a child, as the organisation sees
    it: the child's words and the advocate's details (theirs to begin with)."""

    record: Representation
    details: AdvocateSubmission
    advocate_name: str


def view_submission(organisation: AdvocacyOrganisation, reference: str, *, actor: str
                    ) -> SubmissionView | None:
    """One of the organisation's records by reference as typed, the view audited; None
    for any other organisation's record, whichever advocate asks."""
    found = find_submission(organisation, reference)
    if found is None:
        return None
    record, details = found
    advocate = db.session.get(StaffUser, details.advocate_id)
    record_event(actor, "advocate.submission_viewed", record,
                 after={"organisation": organisation.key})
    db.session.commit()
    return SubmissionView(record=record, details=details,
                          advocate_name=advocate.name if advocate is not None else "")


def find_submission(organisation: AdvocacyOrganisation, reference: str
                    ) -> tuple[Representation, AdvocateSubmission] | None:
    """One of the organisation's records and its advocate's details, by reference as
    typed; None for any other organisation's record, or none."""
    normalised = references.normalise(reference)
    if normalised is None:
        return None
    found = db.session.execute(
        select(Representation, AdvocateSubmission)
        .join(AdvocateSubmission, AdvocateSubmission.representation_id == Representation.id)
        .where(Representation.reference == normalised,
               AdvocateSubmission.organisation_id == organisation.id)).first()
    return (found[0], found[1]) if found is not None else None
