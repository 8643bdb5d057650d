"""A record an advocate makes for a child, through the one ``submit`` path.

The child's own words are the record's text and what they want to happen its "what would
help"; everything the advocate adds (their summary, the child's details, how the child
agreed, who receives replies) is kept apart in an ``AdvocateSubmission`` made in submit's
transaction. Triage still runs on the child's words; where it and the advocate differ, the
record is held for an officer with both views in the reasons. Replies go exactly where
the child chose: the child by their route, the advocate by email, or both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..domain import advocacy
from ..domain.draft import Contact, Draft, OnBehalf, ReportedConcern, is_language_code
from ..domain.triage import triage
from ..extensions import db
from ..models import AdvocacyOrganisation, AdvocateSubmission, Representation, StaffUser
from ..outbox.enqueue import enqueue
from ..taxonomy import keys
from . import FieldErrors, acknowledgement
from .audit import record_event
from .intake import InvalidDraft, SubmissionResult, submit
from .wall_clock import SYSTEM_CLOCK, WallClock

SHORT_TEXT_MAX = 120
CONSENT_METHOD_WORDS = {"in_person": "in person", "phone": "by phone",
                        "in_writing": "in writing", "app": "through an app"}
# The draft's field names, as this form names them, so submit's refusals land on the
# right question.
DRAFT_FIELDS = {"text": "child_words", "what_would_help": "child_wants", "phone": "child_phone",
                "email": "child_email", "type": "declared_type", "language": "language",
                "service_area": "service_area", "name": "child_name",
                "reply_channel": "child_reply_channel",
                "reported_concern": "safeguarding_known", "reported_kinds": "safeguarding_kinds"}


class InvalidAdvocateSubmission(FieldErrors):
    """The form cannot be submitted; ``errors`` maps each field to an error code."""


@dataclass(frozen=True)
class ChildSubmission:
    """The advocate's form, as typed (the view only parses HTTP)."""

    child_name: str
    age_band: str
    child_status: str
    council_team: str
    language: str
    interpreter: bool
    disability: str
    preferred_way: str
    child_words: str
    advocate_summary: str
    child_wants: str
    consent_method: str
    consent_given_on: date | None
    sharing: str
    replies_to: str
    child_reply_channel: str
    child_phone: str
    child_email: str
    declared_type: str
    categories: tuple[str, ...]
    service_area: str
    urgency: str
    safeguarding_known: str
    safeguarding_kinds: tuple[str, ...] = ()
    submission_key: str | None = None


def _errors(form: ChildSubmission, *, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    choices = {"age_band": advocacy.AGE_BANDS, "child_status": advocacy.CHILD_STATUSES,
               "consent_method": advocacy.CONSENT_METHODS, "replies_to": advocacy.REPLY_TARGETS,
               "preferred_way": advocacy.PREFERRED_WAYS, "urgency": advocacy.URGENCIES,
               "declared_type": keys("representation_types")}
    for name, allowed in choices.items():
        if getattr(form, name) not in allowed:
            errors[name] = "required"
    if not form.child_name.strip():
        errors["child_name"] = "required"
    elif len(form.child_name.strip()) > SHORT_TEXT_MAX:
        errors["child_name"] = "too_long"
    if not form.language or not is_language_code(form.language):
        errors["language"] = "required"
    if form.consent_given_on is None:
        errors["consent_given_on"] = "required"
    elif form.consent_given_on > today:
        errors["consent_given_on"] = "in_future"
    if not form.sharing.strip():
        errors["sharing"] = "required"
    if not form.child_wants.strip():
        errors["child_wants"] = "required"
    if advocacy.replies_reach_child(form.replies_to) and \
            form.child_reply_channel not in ("sms", "email"):
        errors["child_reply_channel"] = "required"
    if form.service_area and form.service_area not in keys("service_areas"):
        errors["service_area"] = "required"
    if any(category not in keys("complaint_categories") for category in form.categories):
        errors["categories"] = "required"
    return errors


def _review_reasons(form: ChildSubmission, *, received_at: datetime) -> list[str]:
    """Where triage, reading the child's words, sees it differently from the advocate; and
    a safeguarding concern the advocate knows of, which a person must read."""
    result = triage(form.child_words, role="advocate", service_area=form.service_area or None,
                    declared_type=None, received_at=received_at)
    reasons = advocacy.disagreements(
        advocate_type=form.declared_type, advocate_categories=form.categories,
        advocate_urgency=form.urgency, triage_type=result.type,
        triage_categories=[c for c in (result.primary_category,
                                       *result.secondary_categories) if c],
        triage_priority=result.priority)
    if form.safeguarding_known.strip():
        reasons.insert(0, "The advocate told us of a safeguarding concern: the duty team has "
                          "been alerted; read it on the case view and act on it today.")
    return reasons


def _reported_concern(form: ChildSubmission) -> ReportedConcern | None:
    """The concern the advocate knows of, for the duty team; None when they named none
    (either half alone is refused by submit, keeping what they typed)."""
    if not form.safeguarding_known.strip() and not form.safeguarding_kinds:
        return None
    return ReportedConcern(kinds=tuple(form.safeguarding_kinds), text=form.safeguarding_known)


def _consent_words(form: ChildSubmission) -> str:
    """How the child agreed, for the record's helper details (officers and the case
    document read it there)."""
    agreed_on = form.consent_given_on.strftime("%d %B %Y") if form.consent_given_on else ""
    return (f"The child agreed {CONSENT_METHOD_WORDS.get(form.consent_method, '')} on "
            f"{agreed_on}. What may be shared, and with whom: {form.sharing.strip()}")


def submit_for_child(form: ChildSubmission, *, advocate: StaffUser,
                     organisation: AdvocacyOrganisation,
                     clock: WallClock = SYSTEM_CLOCK) -> SubmissionResult:
    """Make the child's record (role and channel ``advocate``) with the advocate's details
    in one transaction; the acknowledgement goes to whoever the child chose."""
    now = clock.now()
    errors = _errors(form, today=clock.today())  # London's day: the date the advocate typed
    if errors:
        raise InvalidAdvocateSubmission(errors)
    reasons = _review_reasons(form, received_at=now)
    to_child = advocacy.replies_reach_child(form.replies_to)
    draft = Draft(
        text=form.child_words,
        channel="advocate",
        role="advocate",
        declared_type=form.declared_type,
        what_would_help=form.child_wants,
        service_area=form.service_area or None,
        on_behalf=OnBehalf(helper_name=advocate.name, organisation=organisation.name,
                           relationship="Independent advocate",
                           consent=_consent_words(form)),
        reply_channel=form.child_reply_channel if to_child else "none",
        contact=Contact(name=form.child_name,
                        phone=form.child_phone if to_child else "",
                        email=form.child_email if to_child else ""),
        language=form.language,
        submission_key=form.submission_key,
        needs_review_reason=" ".join(reasons) or None,
        reported_concern=_reported_concern(form),
        other_texts=(("advocate_summary", form.advocate_summary),
                     ("safeguarding_known", form.safeguarding_known),
                     ("sharing", form.sharing), ("council_team", form.council_team),
                     ("disability", form.disability)),
    )

    def keep_advocates_details(record: Representation,
                               ack: acknowledgement.Acknowledgement) -> None:
        db.session.add(AdvocateSubmission(
            representation_id=record.id, organisation_id=organisation.id,
            advocate_id=advocate.id, child_name=form.child_name.strip(),
            age_band=form.age_band, child_status=form.child_status,
            council_team=form.council_team.strip() or None,
            communication={"language": form.language, "interpreter": form.interpreter,
                           "disability": form.disability.strip(),
                           "preferred_way": form.preferred_way},
            advocate_summary=form.advocate_summary.strip() or None,
            consent_method=form.consent_method, consent_given_on=form.consent_given_on,
            sharing=form.sharing.strip(), replies_to=form.replies_to,
            advocate_type=form.declared_type, advocate_categories=list(form.categories),
            advocate_urgency=form.urgency,
            safeguarding_known=form.safeguarding_known.strip() or None))
        record_event(f"staff:{advocate.id}", "advocate.submitted", record,
                     after={"organisation": organisation.key, "replies_to": form.replies_to})
        if advocacy.replies_reach_advocate(form.replies_to):
            enqueue("advocate_email", record,
                    {"purpose": "acknowledgement", "subject": ack.email_subject,
                     "text": ack.text, "html": ack.email_html},
                    key_suffix="acknowledgement", at=now)

    try:
        return submit(draft, actor=f"staff:{advocate.id}", clock=clock,
                      with_record=keep_advocates_details)
    except InvalidDraft as invalid:
        raise InvalidAdvocateSubmission(
            {DRAFT_FIELDS.get(field, field): code for field, code in invalid.errors.items()}
        ) from invalid


def advocates_address(record: Representation) -> str | None:
    """Where replies meant for the advocate go, read at sending time: the advocate who
    made the record, while their account is active; None otherwise."""
    details = db.session.get(AdvocateSubmission, record.id)
    if details is None:
        return None
    advocate = db.session.get(StaffUser, details.advocate_id)
    return advocate.email if advocate is not None and advocate.active else None
