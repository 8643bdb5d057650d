"""Red/amber/green for the stage 1 deadline, counted in working days.

Officers read the queue by how many working days are left, not calendar days: a deadline
on Monday seen on a Friday is one working day away, and a bank holiday in between gives
no extra time. Green means more than three working days left, amber three or fewer (due
today is amber: it can still be met), red means the deadline has passed. A record whose
clock is paused (an advocate is being appointed) has no running deadline, so it shows
"paused" instead of a colour that would be wrong either way; so does a complaint already
answered at stage 1 ("responded": the deadline was for that answer) and a record that is
no longer open ("stopped": withdrawn, a duplicate, or closed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .clock import working_days_left

AMBER_WITHIN_WORKING_DAYS = 3

GREEN = "green"
AMBER = "amber"
RED = "red"
PAUSED = "paused"
RESPONDED = "responded"
STOPPED = "stopped"
NO_DEADLINE = "none"


@dataclass(frozen=True)
class Rag:
    status: str  # green / amber / red / paused / responded / stopped / none
    # Working days left until the deadline: 0 when due today, negative when overdue;
    # None when there is no running deadline.
    working_days_left: int | None


@lru_cache(maxsize=8192)
def _working_days_left(today: date, deadline: date, nation: str) -> int:
    """Cached: a page shows many records sharing a deadline, and the count for an old
    overdue record walks every day since."""
    return working_days_left(today, deadline, nation=nation)


def rag(deadline: date | None, *, today: date, paused: bool, nation: str,
        responded: bool = False, stopped: bool = False) -> Rag:
    if responded:
        return Rag(RESPONDED, None)
    if stopped:
        return Rag(STOPPED, None)
    if paused:
        return Rag(PAUSED, None)
    if deadline is None:
        return Rag(NO_DEADLINE, None)
    left = _working_days_left(today, deadline, nation)
    if deadline < today:
        # Overdue even when no working day has passed since (due Friday, seen Saturday).
        return Rag(RED, min(left, -1))
    return Rag(GREEN if left > AMBER_WITHIN_WORKING_DAYS else AMBER, left)
