"""What came of a record after the answer: what the council did to put it right, and an
Ombudsman's enquiry into it.

Officers record these on the record's "after the answer" page; each change is one
transaction with its audit event. Refusals raise ``CaseworkRefused`` with a message per
form field, as the case view's actions do. Amounts are kept in pence, so reports add them
exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from ..domain.draft import clean_text
from ..domain.reporting_periods import local_date
from ..domain.stages import STAGE2, STAGE3
from ..extensions import db
from ..models import ComplaintStage, OmbudsmanEnquiry, Representation, Resolution
from ..taxonomy import keys
from .audit import record_event
from .casework import CaseworkRefused, Officer
from .wall_clock import SYSTEM_CLOCK, WallClock

FINANCIAL = "financial_remedy"
NOT_INVESTIGATED = "not_investigated"
# The Ombudsman for each nation's councils.
OMBUDSMAN_OF_NATION = {"england": "lgsco", "wales": "psow"}
# Each Ombudsman's own website and phone line, for the child.
OMBUDSMAN_CONTACT = {"lgsco": ("www.lgo.org.uk", "0300 061 0614"),
                     "psow": ("www.ombudsman.wales", "0300 790 0203")}


@dataclass(frozen=True)
class Aftercare:
    """Everything the page shows: resolutions oldest first, and the enquiry if any."""

    resolutions: list[Resolution]
    enquiry: OmbudsmanEnquiry | None


def aftercare_of(record: Representation) -> Aftercare:
    resolutions = list(db.session.scalars(
        select(Resolution).where(Resolution.representation_id == record.id)
        .order_by(Resolution.done_on, Resolution.id)))
    return Aftercare(resolutions, _enquiry(record))


def _enquiry(record: Representation) -> OmbudsmanEnquiry | None:
    return db.session.scalar(select(OmbudsmanEnquiry).where(
        OmbudsmanEnquiry.representation_id == record.id))


def _check_day(record: Representation, day: date, field: str, *, today: date) -> None:
    """Refuse a typed date after ``today`` or before the record arrived, both as London
    days: the officer types the date of their own day, and between midnight and 1am in
    summer the UTC date is still yesterday, so the UTC day of receipt would let a record
    received just after midnight take a date the day before it came in. ``today`` is the
    caller's clock's London day, so a replay checks against the day it replays."""
    if day > today:
        raise CaseworkRefused({field: _("The date cannot be in the future.")})
    if day < local_date(record.received_at):
        raise CaseworkRefused({field: _("The date cannot be before the record was "
                                        "received.")})


def _check_amount(amount_pence: int | None, *, needed: bool, field: str) -> None:
    if needed and not amount_pence:
        raise CaseworkRefused({field: _("Enter the amount paid, in pounds.")})
    if amount_pence is not None and amount_pence < 0:
        raise CaseworkRefused({field: _("The amount cannot be less than nothing.")})


def record_resolution(record: Representation, officer: Officer, *, kind: str, done_on: date,
                      amount_pence: int | None = None, details: str = "",
                      clock: WallClock = SYSTEM_CLOCK) -> Resolution:
    """Keep one thing done to put the complaint right (an amount only with money paid)."""
    if kind not in keys("resolutions"):
        raise CaseworkRefused({"kind": _("Choose what was done.")})
    _check_day(record, done_on, "done_on", today=clock.today())
    _check_amount(amount_pence, needed=kind == FINANCIAL, field="amount")
    resolution = Resolution(representation_id=record.id, kind=kind, done_on=done_on,
                            amount_pence=amount_pence if kind == FINANCIAL else None,
                            details=clean_text(details) or None, recorded_by_id=officer.id,
                            recorded_at=clock.now())
    db.session.add(resolution)
    db.session.flush()
    record_event(officer.actor, "record.resolution_recorded", record, after={
        "resolution_id": resolution.id, "kind": kind, "done_on": done_on.isoformat(),
        "amount_pence": resolution.amount_pence, "details": resolution.details},
        at=clock.now())
    db.session.commit()
    return resolution


def record_ombudsman(record: Representation, officer: Officer, *, ombudsman: str,
                     received_on: date, decision: str | None = None,
                     decided_on: date | None = None, remedy: str = "",
                     remedy_amount_pence: int | None = None,
                     clock: WallClock = SYSTEM_CLOCK) -> OmbudsmanEnquiry:
    """Record the Ombudsman's enquiry, and later its decision and remedy (the same form
    again: one enquiry per record, updated)."""
    if ombudsman not in keys("ombudsmen"):
        raise CaseworkRefused({"ombudsman": _("Choose the Ombudsman.")})
    _check_day(record, received_on, "received_on", today=clock.today())
    if decision is not None and decision not in keys("ombudsman_decisions"):
        raise CaseworkRefused({"decision": _("Choose the decision.")})
    if decision is not None and decided_on is None:
        raise CaseworkRefused({"decided_on": _("Enter the date of the decision.")})
    if decided_on is not None:
        if decision is None:
            raise CaseworkRefused({"decision": _("Choose the decision.")})
        _check_day(record, decided_on, "decided_on", today=clock.today())
        if decided_on < received_on:
            raise CaseworkRefused({"decided_on": _("The decision cannot come before the "
                                                   "enquiry.")})
    _check_amount(remedy_amount_pence, needed=False, field="remedy_amount")
    enquiry = _enquiry(record)
    before = _enquiry_view(enquiry) if enquiry is not None else None
    if enquiry is None:
        enquiry = OmbudsmanEnquiry(representation_id=record.id, recorded_by_id=officer.id)
        db.session.add(enquiry)
    enquiry.ombudsman, enquiry.received_on = ombudsman, received_on
    enquiry.decision, enquiry.decided_on = decision, decided_on
    enquiry.remedy = clean_text(remedy) or None
    enquiry.remedy_amount_pence = remedy_amount_pence
    enquiry.recorded_by_id, enquiry.updated_at = officer.id, clock.now()
    db.session.flush()
    record_event(officer.actor, "record.ombudsman_recorded", record, before=before,
                 after=_enquiry_view(enquiry), at=clock.now())
    db.session.commit()
    return enquiry


def _enquiry_view(enquiry: OmbudsmanEnquiry) -> dict[str, object]:
    return {"ombudsman": enquiry.ombudsman, "received_on": enquiry.received_on.isoformat(),
            "decision": enquiry.decision,
            "decided_on": enquiry.decided_on.isoformat() if enquiry.decided_on else None,
            "remedy": enquiry.remedy, "remedy_amount_pence": enquiry.remedy_amount_pence}


def last_stage(nation: str, procedure: str) -> str:
    """The council's last stage, after which the Ombudsman can look: the review panel
    under England's children's procedure, stage 2 otherwise (Wales' formal
    investigation; a corporate procedure's second stage)."""
    return STAGE3 if nation == "england" and procedure == "statutory" else STAGE2


def ombudsman_signpost(record: Representation) -> str | None:
    """Where a child can go once the council's last stage is over, in plain words and the
    current locale; None before then, or where we know no Ombudsman for the nation."""
    nation = current_app.config["NATION"]
    ombudsman = OMBUDSMAN_OF_NATION.get(nation)
    if ombudsman is None or record.type != "complaint":
        return None
    finished = db.session.scalar(select(ComplaintStage.id).where(
        ComplaintStage.representation_id == record.id,
        ComplaintStage.stage == last_stage(nation, record.procedure),
        ComplaintStage.finished_on.is_not(None)))
    if finished is None:
        return None
    website, phone = OMBUDSMAN_CONTACT[ombudsman]
    name = (_("the Local Government and Social Care Ombudsman") if ombudsman == "lgsco"
            else _("the Public Services Ombudsman for Wales"))
    return " ".join((
        _("Still not happy? You can ask someone outside the council to look at it."),
        _("They are called %(name)s. They check that councils are fair.", name=name),
        _("It is free. Go to %(website)s or call %(phone)s.", website=website, phone=phone)))
