"""Red/amber/green for the stage 1 deadline, counted in working days.

Officers read the queue by how many working days are left, not calendar days: a deadline
on Monday seen on a Friday is one working day away, and a bank holiday in between gives
no extra time. Green means more than three working days left, amber three or fewer (due
today is amber: it can still be met), red means the deadline has passed. A record whose
clock is paused (an advocate is being appointed) has no running deadline, so it shows
"paused" instead of a colour that would be wrong either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .calendar import is_working_day

AMBER_WITHIN_WORKING_DAYS = 3

GREEN = "green"
AMBER = "amber"
RED = "red"
PAUSED = "paused"
NO_DEADLINE = "none"


@dataclass(frozen=True)
class Rag:
    status: str  # green / amber / red / paused / none
    # Working days left until the deadline: 0 when due today, negative when overdue;
    # None when paused or there is no deadline.
    working_days_left: int | None


def deadline_in_force(stage1_due: date | None, stage1_extended_due: date | None,
                      extended: bool) -> date | None:
    """The stage 1 deadline that applies: the extended one once the officer extended it."""
    return stage1_extended_due if extended else stage1_due


@lru_cache(maxsize=8192)
def working_days_left(today: date, deadline: date, *, nation: str) -> int:
    """Working days after ``today`` up to and including ``deadline``; negative (the working
    days since it passed) when overdue.

    Cached because a page shows many records with the same deadline, and the count for an
    old overdue record walks every day since.
    """
    if deadline >= today:
        return _working_days_after(today, deadline, nation)
    return -max(1, _working_days_after(deadline, today, nation))


def _working_days_after(start: date, end: date, nation: str) -> int:
    count = 0
    day = start + timedelta(days=1)
    while day <= end:
        count += is_working_day(day, nation=nation)
        day += timedelta(days=1)
    return count


def rag(deadline: date | None, *, today: date, paused: bool, nation: str) -> Rag:
    if paused:
        return Rag(PAUSED, None)
    if deadline is None:
        return Rag(NO_DEADLINE, None)
    if deadline < today:
        return Rag(RED, working_days_left(today, deadline, nation=nation))
    left = working_days_left(today, deadline, nation=nation)
    return Rag(GREEN if left > AMBER_WITHIN_WORKING_DAYS else AMBER, left)
