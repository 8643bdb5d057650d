"""After stage 1: a child asks us to look again, stage 2 (the investigation) and, in
England, stage 3 (the review panel), each with its own working-day clock.

A request to look again is never refused by the service: within 20 working days of the
stage 1 response it starts stage 2 at once; later, or with no response on record, it
waits for an officer's decision, by the acknowledgement deadline. Every request is kept
against the record, sent to the case store as a ``stage2_request`` event through the
outbox, and answered in plain words with what happens next and by when, the same way
from the status page, a text or the chat. Officers start, extend, pause and restart the
stage clocks here; every change is one transaction with its audit event, and the child is
told the new date (``child_news``). Dates come from ``domain.stages``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import current_app
from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from sqlalchemy import select

from ..domain.calendar import add_working_days, clock_start
from ..domain.draft import clean_text
from ..domain.references import display
from ..domain.stages import (
    STAGE2,
    STAGE3,
    asked_in_time,
    moved_on,
    stage2_dates,
    stage3_dates,
    stage_timescales,
)
from ..extensions import db
from ..models import ComplaintStage, LookAgainRequest, RecordNote, Representation
from ..outbox.enqueue import enqueue
from .acknowledgement import reply_locale
from .audit import record_event
from .casework import CaseworkRefused, Officer
from .child_news import tell_child
from .wall_clock import SYSTEM_CLOCK, WallClock

EXTENSION_AGREEMENT = ("agreed", "not_asked", "did_not_agree")
LOOK_AGAIN_VIA = ("web", "sms", "chat")


def _nation() -> str:
    return current_app.config["NATION"]


def stage_of(record: Representation, stage: str) -> ComplaintStage | None:
    return db.session.scalar(select(ComplaintStage).where(
        ComplaintStage.representation_id == record.id, ComplaintStage.stage == stage))


def stages_of(record: Representation) -> list[ComplaintStage]:
    return list(db.session.scalars(select(ComplaintStage).where(
        ComplaintStage.representation_id == record.id).order_by(ComplaintStage.id)))


def waiting_request(record: Representation) -> LookAgainRequest | None:
    """A request to look again still waiting for an officer's decision."""
    return db.session.scalar(select(LookAgainRequest).where(
        LookAgainRequest.representation_id == record.id,
        LookAgainRequest.decision.is_(None)).order_by(LookAgainRequest.id))


def requests_of(record: Representation) -> list[LookAgainRequest]:
    return list(db.session.scalars(select(LookAgainRequest).where(
        LookAgainRequest.representation_id == record.id).order_by(LookAgainRequest.id)))


def decision_due(request: LookAgainRequest) -> date:
    """An officer decides on a late request as fast as a new message is acknowledged."""
    config = current_app.config
    start = clock_start(request.requested_at, nation=config["NATION"],
                        cutoff=config["CUTOFF_TIME"])
    return add_working_days(start, config["ACKNOWLEDGEMENT_WORKING_DAYS"],
                            nation=config["NATION"])


@dataclass(frozen=True)
class LookAgainAnswer:
    """What the child is told after asking, in their language."""

    reference: str
    started: bool  # stage 2 started by this request
    waiting: bool  # a person decides, by ``due``
    due: date | None
    text: str


def _when(day: date) -> str:
    return format_date(day, "EEEE d MMMM y")


def _start_stage2(record: Representation, *, started_on: date, started_by: str,
                  reason: str | None) -> ComplaintStage:
    dates = stage2_dates(started_on, nation=_nation())
    stage = ComplaintStage(representation_id=record.id, stage=STAGE2, started_on=started_on,
                           started_by=started_by, start_reason=reason, due=dates.due,
                           extended_due=dates.extended_due, extended=False,
                           paused_working_days=0)
    db.session.add(stage)
    record.case_status = STAGE2
    return stage


def _case_store_event(record: Representation, request: LookAgainRequest | None,
                      stage: ComplaintStage | None, *, requested_by: str) -> None:
    """The ``stage2_request`` event for the case store: ids and dates, no person's words."""
    enqueue("stage2_request", record, {
        "event": "stage2_request",
        "reference": record.reference,
        "requested_by": requested_by,
        "requested_at": request.requested_at.isoformat() if request else None,
        "stage1_responded_on": (record.stage1_responded_on.isoformat()
                                if record.stage1_responded_on else None),
        "in_time": request.in_time if request else None,
        "stage2_started_on": stage.started_on.isoformat() if stage else None,
        "stage2_due": stage.due.isoformat() if stage else None,
    }, key_suffix=str(request.id if request else f"officer:{stage.id if stage else 0}"))


def ask_to_look_again(record: Representation, *, via: str, language: str,
                      words: str | None = None, clock: WallClock = SYSTEM_CLOCK
                      ) -> LookAgainAnswer:
    """A child unhappy with the stage 1 response asks for stage 2 (from the status page, a
    text or the chat: the caller has already checked who is asking)."""
    today = clock.today()
    running = stage_of(record, STAGE2)
    waiting = waiting_request(record)
    with force_locale(reply_locale(language)):
        reference = display(record.reference)
        if running is not None:
            return LookAgainAnswer(reference, started=False, waiting=False,
                                   due=running.due_in_force, text=_(
                "We are already looking again at your complaint. We will finish by "
                "%(date)s.", date=_when(running.due_in_force)))
        if waiting is not None:
            due = decision_due(waiting)
            return LookAgainAnswer(reference, started=False, waiting=True, due=due, text=_(
                "We already have your request to look again. A person will decide what "
                "happens next by %(date)s.", date=_when(due)))
        in_time = asked_in_time(record.stage1_responded_on, today, nation=_nation())
        request = LookAgainRequest(
            representation_id=record.id, via=via, requested_at=clock.now(),
            stage1_responded_on=record.stage1_responded_on, in_time=in_time,
            words=clean_text(words or "") or None)
        db.session.add(request)
        stage = None
        if in_time:
            started_on = clock_start(request.requested_at, nation=_nation(),
                                     cutoff=current_app.config["CUTOFF_TIME"])
            stage = _start_stage2(record, started_on=started_on, started_by="child",
                                  reason=None)
            request.decision, request.decided_at = "started", request.requested_at
        db.session.flush()
        _case_store_event(record, request, stage, requested_by="child")
        record_event(f"{via}:child", "record.look_again_requested", record, after={
            "via": via, "in_time": in_time, "stage2_due": stage.due.isoformat() if stage
            else None, "request_id": request.id}, at=clock.now())
        if stage is not None:
            text = " ".join((
                _("Thank you for telling us. Someone new will now look again at your "
                  "complaint."),
                _("They will finish by %(date)s. We will tell you if this changes.",
                  date=_when(stage.due)),
                _("An advocate can help you. Just ask us.")))
            answer = LookAgainAnswer(reference, started=True, waiting=False, due=stage.due,
                                     text=text)
        else:
            due = decision_due(request)
            text = " ".join((
                _("Thank you for telling us. We have your request to look again."),
                _("A person will decide what happens next by %(date)s and tell you.",
                  date=_when(due)),
                _("An advocate can help you. Just ask us.")))
            answer = LookAgainAnswer(reference, started=False, waiting=True, due=due,
                                     text=text)
    db.session.commit()
    return answer


def start_stage2(record: Representation, officer: Officer, *, reason: str,
                 clock: WallClock = SYSTEM_CLOCK) -> ComplaintStage:
    """An officer starts stage 2: on a late request to look again, or on their own
    decision. Any waiting request is settled by it."""
    if record.type != "complaint":
        raise CaseworkRefused({"reason": _("Only a complaint has a stage 2.")})
    if stage_of(record, STAGE2) is not None:
        raise CaseworkRefused({"reason": _("Stage 2 has already started.")})
    text = clean_text(reason)
    if not text:
        raise CaseworkRefused({"reason": _("Give the reason stage 2 starts.")})
    stage = _start_stage2(record, started_on=clock.today(), started_by="officer", reason=text)
    request = waiting_request(record)
    if request is not None:
        request.decision, request.decided_at = "started", clock.now()
        request.decided_by_id = officer.id
    db.session.flush()
    _case_store_event(record, request, stage, requested_by="officer")
    record_event(officer.actor, "record.stage2_started", record, after={
        "started_on": stage.started_on.isoformat(), "due": stage.due.isoformat(),
        "request_id": request.id if request else None, "reason": text}, at=clock.now())
    tell_child(record, "stage2_started", due=stage.due, at=clock.now())
    db.session.commit()
    return stage


def decline_look_again(record: Representation, officer: Officer, *, reason: str,
                       clock: WallClock = SYSTEM_CLOCK) -> None:
    """An officer decides a late request does not start stage 2; a person explains to the
    child (the message only says someone will be in touch)."""
    request = waiting_request(record)
    if request is None:
        raise CaseworkRefused({"reason": _("There is no request to look again waiting for "
                                           "a decision.")})
    text = clean_text(reason)
    if not text:
        raise CaseworkRefused({"reason": _("Give the reason, for the record.")})
    request.decision, request.decided_at = "not_started", clock.now()
    request.decided_by_id, request.decision_reason = officer.id, text
    record_event(officer.actor, "record.look_again_declined", record,
                 after={"request_id": request.id, "reason": text}, at=clock.now())
    tell_child(record, "look_again_not_started", at=clock.now())
    db.session.commit()


def _open_stage(record: Representation, stage_key: str, field: str) -> ComplaintStage:
    stage = stage_of(record, stage_key)
    if stage is None or stage.finished_on is not None:
        raise CaseworkRefused({field: _("That stage is not running.")})
    return stage


def extend_stage2(record: Representation, officer: Officer, *, reason: str,
                  reason_for_child: str, agreed: str,
                  clock: WallClock = SYSTEM_CLOCK) -> ComplaintStage:
    """Stage 2 may run to 65 working days in England, once, with a reason and a record of
    whether the child agreed; Wales' formal investigation has no extension."""
    stage = _open_stage(record, STAGE2, "reason")
    if stage.extended_due is None:
        raise CaseworkRefused({"reason": _("Stage 2 cannot be extended here.")})
    if stage.extended:
        raise CaseworkRefused({"reason": _("Stage 2 is already extended.")})
    text = clean_text(reason)
    if not text:
        raise CaseworkRefused({"reason": _("Give the reason stage 2 needs longer.")})
    if agreed not in EXTENSION_AGREEMENT:
        raise CaseworkRefused({"agreed": _("Say whether the young person agreed.")})
    stage.extended, stage.extension_reason, stage.extension_agreed = True, text, agreed
    record_event(officer.actor, "record.stage2_extended", record, after={
        "extended_due": stage.extended_due.isoformat(), "reason": text, "agreed": agreed},
        at=clock.now())
    tell_child(record, "stage2_extended", due=stage.extended_due, reason=reason_for_child,
               at=clock.now())
    db.session.commit()
    return stage


def pause_stage(record: Representation, officer: Officer, *, stage_key: str, paused_on: date,
                reason: str, reason_for_child: str, clock: WallClock = SYSTEM_CLOCK) -> None:
    stage = _open_stage(record, stage_key, "paused_on")
    if stage.paused_on is not None:
        raise CaseworkRefused({"paused_on": _("The clock is already paused.")})
    if paused_on > clock.today() or paused_on < stage.started_on:
        raise CaseworkRefused({"paused_on": _("Choose a day from the start of the stage to "
                                              "today.")})
    text = clean_text(reason)
    if not text:
        raise CaseworkRefused({"reason": _("Give the reason for pausing the clock.")})
    stage.paused_on = paused_on
    # The reason is kept where officers read it, as for stage 1's clock.
    db.session.add(RecordNote(representation_id=record.id, author_id=officer.id,
                              body=_("Clock paused: %(reason)s", reason=text),
                              created_at=clock.now()))
    record_event(officer.actor, "record.stage_paused", record, after={
        "stage": stage_key, "paused_on": paused_on.isoformat(), "reason": text},
        at=clock.now())
    tell_child(record, "clock_paused", reason=reason_for_child, at=clock.now())
    db.session.commit()


def resume_stage(record: Representation, officer: Officer, *, stage_key: str,
                 resumed_on: date, clock: WallClock = SYSTEM_CLOCK) -> ComplaintStage:
    """Every date of the stage moves on by the working days the clock was stopped."""
    stage = _open_stage(record, stage_key, "resumed_on")
    if stage.paused_on is None:
        raise CaseworkRefused({"resumed_on": _("The clock is not paused.")})
    if resumed_on > clock.today() or resumed_on < stage.paused_on:
        raise CaseworkRefused({"resumed_on": _("Choose a day from the pause to today.")})
    nation = _nation()
    stage.due, days = moved_on(stage.due, paused_on=stage.paused_on, resumed_on=resumed_on,
                               nation=nation)
    stage.extended_due, _days = moved_on(stage.extended_due, paused_on=stage.paused_on,
                                         resumed_on=resumed_on, nation=nation)
    stage.report_due, _days = moved_on(stage.report_due, paused_on=stage.paused_on,
                                       resumed_on=resumed_on, nation=nation)
    stage.response_due, _days = moved_on(stage.response_due, paused_on=stage.paused_on,
                                         resumed_on=resumed_on, nation=nation)
    stage.paused_working_days += days
    stage.paused_on = None
    record_event(officer.actor, "record.stage_resumed", record, after={
        "stage": stage_key, "resumed_on": resumed_on.isoformat(), "working_days": days,
        "due": stage.due_in_force.isoformat()}, at=clock.now())
    tell_child(record, "clock_resumed", due=stage.due_in_force, at=clock.now())
    db.session.commit()
    return stage


def record_stage2_people(record: Representation, officer: Officer, *,
                         investigating_officer: str, independent_person: str,
                         clock: WallClock = SYSTEM_CLOCK) -> None:
    """Who investigates and who is the independent person (the children's statutory
    procedure in England needs both). Officers only: the child is not told names."""
    stage = _open_stage(record, STAGE2, "investigating_officer")
    stage.investigating_officer = clean_text(investigating_officer) or None
    stage.independent_person = clean_text(independent_person) or None
    record_event(officer.actor, "record.stage2_people", record, after={
        "investigating_officer": bool(stage.investigating_officer),
        "independent_person": bool(stage.independent_person)}, at=clock.now())
    db.session.commit()


def start_stage3(record: Representation, officer: Officer, *, requested_on: date,
                 clock: WallClock = SYSTEM_CLOCK) -> ComplaintStage:
    """The child asked for a review panel (England): the panel within 30 working days of
    the request, its report within 5, the council's response within 15."""
    if not stage_timescales(_nation()).has_stage3:
        raise CaseworkRefused({"requested_on": _("There is no review panel stage here: after "
                                                 "the formal investigation the young person "
                                                 "can go to the Ombudsman.")})
    if stage_of(record, STAGE2) is None:
        raise CaseworkRefused({"requested_on": _("Stage 2 has not started.")})
    if stage_of(record, STAGE3) is not None:
        raise CaseworkRefused({"requested_on": _("The review panel stage has already "
                                                 "started.")})
    if requested_on > clock.today():
        raise CaseworkRefused({"requested_on": _("The request cannot be in the future.")})
    dates = stage3_dates(requested_on, nation=_nation())
    stage2 = stage_of(record, STAGE2)
    if stage2 is not None and stage2.finished_on is None:
        stage2.finished_on = requested_on
    stage = ComplaintStage(representation_id=record.id, stage=STAGE3, started_on=requested_on,
                           started_by="child", due=dates.panel_due,
                           report_due=dates.report_due, response_due=dates.response_due,
                           extended=False, paused_working_days=0)
    db.session.add(stage)
    record.case_status = STAGE3
    record_event(officer.actor, "record.stage3_started", record, after={
        "requested_on": requested_on.isoformat(), "panel_due": dates.panel_due.isoformat(),
        "report_due": dates.report_due.isoformat(),
        "response_due": dates.response_due.isoformat()}, at=clock.now())
    tell_child(record, "stage3_started", due=dates.panel_due, at=clock.now())
    db.session.commit()
    return stage


def can_look_again(record: Representation) -> bool:
    """A complaint answered at stage 1, with no stage 2 and no request waiting."""
    return (record.type == "complaint" and record.stage1_responded_on is not None
            and stage_of(record, STAGE2) is None and waiting_request(record) is None)


def finish_stage(record: Representation, officer: Officer, *, stage_key: str,
                 finished_on: date, clock: WallClock = SYSTEM_CLOCK) -> ComplaintStage:
    """The stage's response was sent on ``finished_on``: its clock stops, and the reports
    count its working days."""
    stage = _open_stage(record, stage_key, "finished_on")
    if finished_on > clock.today() or finished_on < stage.started_on:
        raise CaseworkRefused({"finished_on": _("Choose a day from the start of the stage "
                                                "to today.")})
    if stage.paused_on is not None:
        raise CaseworkRefused({"finished_on": _("Restart the clock first.")})
    stage.finished_on = finished_on
    record_event(officer.actor, "record.stage_finished", record, after={
        "stage": stage_key, "finished_on": finished_on.isoformat()}, at=clock.now())
    db.session.commit()
    return stage


def record_panel_dates(record: Representation, officer: Officer, *, panel_met_on: date,
                       report_sent_on: date | None, clock: WallClock = SYSTEM_CLOCK
                       ) -> ComplaintStage:
    """When the review panel met (and sent its report): the report is due 5 working days
    after the meeting and the council's response 15 after the report, moved on by any
    days the clock was paused. The child is told the response date."""
    stage = _open_stage(record, STAGE3, "panel_met_on")
    if panel_met_on > clock.today() or panel_met_on < stage.started_on:
        raise CaseworkRefused({"panel_met_on": _("Choose a day from the request to "
                                                 "today.")})
    if report_sent_on is not None and (report_sent_on < panel_met_on
                                       or report_sent_on > clock.today()):
        raise CaseworkRefused({"report_sent_on": _("Choose a day from the meeting to "
                                                   "today.")})
    nation = _nation()
    dates = stage3_dates(stage.started_on, nation=nation, panel_met_on=panel_met_on,
                         report_sent_on=report_sent_on)
    paused = stage.paused_working_days
    stage.report_due = add_working_days(dates.report_due, paused, nation=nation)
    stage.response_due = add_working_days(dates.response_due, paused, nation=nation)
    record_event(officer.actor, "record.panel_dates", record, after={
        "panel_met_on": panel_met_on.isoformat(),
        "report_sent_on": report_sent_on.isoformat() if report_sent_on else None,
        "report_due": stage.report_due.isoformat(),
        "response_due": stage.response_due.isoformat()}, at=clock.now())
    tell_child(record, "stage3_response", due=stage.response_due, at=clock.now())
    db.session.commit()
    return stage


STAGE1 = "stage1"


def record_extension_agreement(record: Representation, officer: Officer, *, stage_key: str,
                               agreed: str, clock: WallClock = SYSTEM_CLOCK) -> None:
    """The child's answer about an extension, asked after it was made ("not asked yet"
    then): the regulations expect extensions to be agreed, so the answer is kept."""
    if agreed not in EXTENSION_AGREEMENT:
        raise CaseworkRefused({"agreed": _("Say whether the young person agreed.")})
    if stage_key == STAGE1:
        if not record.stage1_extended:
            raise CaseworkRefused({"stage": _("Stage 1 has not been extended.")})
        before = record.stage1_extension_agreed
        record.stage1_extension_agreed = agreed
    else:
        stage = stage_of(record, stage_key)
        if stage is None or not stage.extended:
            raise CaseworkRefused({"stage": _("That stage has not been extended.")})
        before, stage.extension_agreed = stage.extension_agreed, agreed
    record_event(officer.actor, "record.extension_agreement", record,
                 before={"stage": stage_key, "agreed": before},
                 after={"stage": stage_key, "agreed": agreed}, at=clock.now())
    db.session.commit()


def follow_case_store(record: Representation, case_status: str,
                      deadlines: dict[str, date], *, today: date) -> None:
    """The case store says a later stage is running (it may be where officers start it):
    keep its clock here too, so the queue, the status page and the reports see it. The
    store's own deadlines win over the computed ones. Part of the caller's transaction."""
    if case_status not in (STAGE2, STAGE3):
        return
    stage = stage_of(record, case_status)
    if stage is None:
        if case_status == STAGE2:
            stage = _start_stage2(record, started_on=today, started_by="case_store",
                                  reason=None)
            waiting = waiting_request(record)
            if waiting is not None:
                waiting.decision = "started"
        elif stage_timescales(_nation()).has_stage3:
            dates = stage3_dates(today, nation=_nation())
            stage = ComplaintStage(representation_id=record.id, stage=STAGE3,
                                   started_on=today, started_by="case_store",
                                   due=dates.panel_due, report_due=dates.report_due,
                                   response_due=dates.response_due, extended=False,
                                   paused_working_days=0)
            db.session.add(stage)
        else:
            return
    if case_status == STAGE2:
        stage.due = deadlines.get("stage2_due", stage.due)
        stage.extended_due = deadlines.get("stage2_extended_due", stage.extended_due)
    else:
        stage.response_due = deadlines.get("stage3_due", stage.response_due)
