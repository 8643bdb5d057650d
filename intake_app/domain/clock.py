"""The stage 1 clock of one record: extension, pause and resume, and days left.

Statutory timescales stop while an advocate is being appointed (the 2006 Regulations let
the council agree a pause) and the stage 1 limit may be extended once, to the extended
limit, with a reason. Deadlines are stored as dates; this module moves them on by whole
working days with the same calendar that set them, so a pause across a weekend or a bank
holiday costs the child no working days. Pure: no Flask, no database, no clock of its own
(callers pass "today").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from intake_app.domain.calendar import Deadlines, add_working_days, working_days_between


@dataclass(frozen=True)
class Resumed:
    """Deadlines after a pause, and how many working days that pause lasted."""

    stage1_due: date
    stage1_extended_due: date
    paused_working_days: int


def resume(
    *,
    stage1_due: date,
    stage1_extended_due: date,
    paused_on: date,
    resumed_on: date,
    nation: str,
) -> Resumed:
    """Move both stage 1 deadlines on by the working days from ``paused_on`` (exclusive)
    to ``resumed_on`` (inclusive): the days the clock did not run.

    Pausing and resuming on the same day costs nothing; a pause from Friday to Monday
    costs one working day (Monday), not three calendar days.
    """
    if resumed_on < paused_on:
        raise ValueError("a clock cannot resume before it was paused")
    days = working_days_between(paused_on, resumed_on, nation=nation)
    return Resumed(
        stage1_due=add_working_days(stage1_due, days, nation=nation),
        stage1_extended_due=add_working_days(stage1_extended_due, days, nation=nation),
        paused_working_days=days,
    )


def overlapped_restart(paused_on: date, restarts: Iterable[date]) -> date | None:
    """The last restart of the clock, if a pause from ``paused_on`` would start before it.

    A pause costs the working days after its start up to its restart, so a new pause that
    starts before the last restart would count again days an earlier pause already
    counted. Starting on the restart day itself is fine: back-to-back pauses then cost
    exactly what one pause over the whole span costs.
    """
    last = max(restarts, default=None)
    return last if last is not None and paused_on < last else None


def with_pauses(deadlines: Deadlines, paused_working_days: int, *, nation: str) -> Deadlines:
    """Freshly computed deadlines (after a change of procedure) moved on by the working days
    the clock has already been paused, so a recomputation does not undo earlier pauses."""
    return replace(
        deadlines,
        stage1_due=add_working_days(deadlines.stage1_due, paused_working_days, nation=nation),
        stage1_extended_due=add_working_days(deadlines.stage1_extended_due,
                                             paused_working_days, nation=nation),
    )


def stage1_limit(stage1_due: date, stage1_extended_due: date, *, extended: bool) -> date:
    """The stage 1 deadline in force: the extended one once an officer has extended it."""
    return stage1_extended_due if extended else stage1_due


def working_days_left(today: date, due: date, *, nation: str) -> int:
    """Working days from ``today`` to ``due``: 0 on the day itself, negative once overdue
    (how many working days late)."""
    if due >= today:
        return working_days_between(today, due, nation=nation)
    return -working_days_between(due, today, nation=nation)
