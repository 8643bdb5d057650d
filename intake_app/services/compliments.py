"""Compliments passed on to the people they are about.

A compliment about a named worker, carer or advocate, or about a team or service (triage's
``worker`` and ``service`` compliment categories), goes to that service area's team
mailbox and its manager (``COMPLIMENT_RECIPIENTS``) through the outbox, when the record
itself leaves for the case store: a record held for review is passed on once an officer
has confirmed it is a compliment. The child is told in the acknowledgement only when it is
passed on at once, so the words never promise what has not happened; one passed on after
a review is told afterwards, as other news is (``child_news``, from
``triage_corrections``).
"""

from __future__ import annotations

from datetime import datetime

from flask import current_app

from ..models import Representation
from ..outbox.enqueue import enqueue
from .review_hold import held_for_review

# Compliment categories that name someone who should hear it.
NAMING_CATEGORIES = frozenset({"worker", "service"})


def recipients(service_area: str | None) -> list[str]:
    """The team mailbox and manager configured for a service area, in that order."""
    target = current_app.config["COMPLIMENT_RECIPIENTS"].get(service_area or "", {})
    return [address for address in (target.get("team"), target.get("manager")) if address]


def names_someone(record: Representation) -> bool:
    categories = {record.primary_category, *(record.secondary_categories or ())}
    return record.type == "compliment" and bool(categories & NAMING_CATEGORIES)


def will_pass_on(record: Representation) -> bool:
    """A compliment naming a worker or team, for a service area with somewhere to send it."""
    return names_someone(record) and bool(recipients(record.service_area))


def passed_on_at_once(record: Representation) -> bool:
    """What the acknowledgement may say: passed on now, not after a review."""
    return will_pass_on(record) and not held_for_review(record)


def pass_on(record: Representation, *, at: datetime | None = None) -> bool:
    """Queue the compliment for its team, once per record (the outbox key says so)."""
    if not will_pass_on(record):
        return False
    enqueue("compliment", record, at=at)
    return True
