"""What an advocate tells us about a child they submit for, and where the automatic triage
and the advocate see it differently.

The advocate knows the child; triage only reads the words. Where they disagree a person
decides, so the record is held for review with a reason naming both views.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from .calendar import add_working_days

UK_TIME = ZoneInfo("Europe/London")

AGE_BANDS = ("under_8", "8_to_12", "13_to_15", "16_to_17", "18_to_25")
CHILD_STATUSES = ("looked_after", "child_in_need", "care_leaver", "other")
CONSENT_METHODS = ("in_person", "phone", "in_writing", "app")
# Who receives our replies, exactly as the child chose.
REPLY_TARGETS = ("child", "advocate", "both")
PREFERRED_WAYS = ("face_to_face", "phone", "text", "email", "video", "through_advocate")
URGENCIES = ("urgent", "high", "normal")


def replies_reach_child(replies_to: str) -> bool:
    return replies_to in ("child", "both")


def replies_reach_advocate(replies_to: str) -> bool:
    return replies_to in ("advocate", "both")


def disagreements(*, advocate_type: str | None, advocate_categories: Sequence[str],
                  advocate_urgency: str, triage_type: str, triage_categories: Sequence[str],
                  triage_priority: str) -> list[str]:
    """Reasons (for officers) where the advocate's choice and triage's differ; empty when
    they agree. Categories disagree when none the advocate chose is one triage found."""
    reasons: list[str] = []
    if advocate_type and advocate_type != triage_type:
        reasons.append(f"The advocate said this is a {advocate_type}; triage read a "
                       f"{triage_type}. Check which it is.")
    if advocate_categories and not set(advocate_categories) & set(triage_categories):
        reasons.append("The advocate chose " + ", ".join(advocate_categories)
                       + "; triage found " + (", ".join(triage_categories) or "none")
                       + ". Check which categories fit.")
    order = {urgency: rank for rank, urgency in enumerate(URGENCIES)}
    if order.get(advocate_urgency, 2) < order.get(triage_priority, 2):
        reasons.append(f"The advocate says this is {advocate_urgency}; triage made it "
                       f"{triage_priority}.")
    return reasons


REFERRAL_STATES = ("sent", "accepted", "allocated", "declined")
# What a provider may report next from each state: an answer moves forward only; a
# repeated answer is taken as a retry (no change).
REFERRAL_NEXT = {"sent": ("accepted", "allocated", "declined"),
                 "accepted": ("allocated", "declined"),
                 "allocated": (), "declined": ()}
ACCEPTANCE_WORKING_DAYS = 1


def accept_by(sent_at: datetime, *, nation: str) -> datetime:
    """A working day after the referral went: the same time of day on the next working
    day (UK time), so a referral sent on Friday afternoon is due on Monday afternoon."""
    local = sent_at.astimezone(UK_TIME)
    due_day = add_working_days(local.date(), ACCEPTANCE_WORKING_DAYS, nation=nation)
    return datetime.combine(due_day, local.time(), tzinfo=UK_TIME).astimezone(UTC)

