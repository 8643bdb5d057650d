"""Working-day arithmetic for complaint deadlines.

Statutory timescales are counted in working days: weekends and the bank holidays of the
council's nation are excluded. Bank holidays come from the ``holidays`` package (never a
hand-written list) because substitute days and one-off holidays change from year to year.
A representation received on a non-working day, or at or after the cut-off time (local
time), starts the clock on the next working day. The deadline of N working days from a
clock start day D is the Nth working day after D.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

from intake_app.taxonomy import taxonomy

NATION_SUBDIVISIONS = {
    "england": "ENG",
    "wales": "WLS",
    "scotland": "SCT",
    "northern_ireland": "NIR",
}

# Scotland and Northern Ireland have no figures of their own in taxonomy.yaml; the
# council's children's complaints there follow the England timescales unless configured.
_TIMESCALE_SOURCE = {
    "england": "england",
    "wales": "wales",
    "scotland": "england",
    "northern_ireland": "england",
}

@dataclass(frozen=True)
class Deadlines:
    """The dates stored on an intake record."""

    clock_start: date
    acknowledgement_due: date
    stage1_due: date
    stage1_extended_due: date


def _subdivision(nation: str) -> str:
    try:
        return NATION_SUBDIVISIONS[nation]
    except KeyError:
        raise ValueError(
            f"Unknown nation {nation!r}; expected one of {sorted(NATION_SUBDIVISIONS)}"
        ) from None


@cache
def _bank_holidays(nation: str) -> holidays.HolidayBase:
    # One lazily-populated calendar per nation: the package fills in years as they are asked.
    return holidays.UnitedKingdom(subdiv=_subdivision(nation))


def is_working_day(d: date, *, nation: str) -> bool:
    """True on Monday to Friday unless it is a bank holiday in ``nation``."""
    return d.weekday() < 5 and d not in _bank_holidays(nation)


def next_working_day(d: date, *, nation: str) -> date:
    """The first working day strictly after ``d``."""
    d += timedelta(days=1)
    while not is_working_day(d, nation=nation):
        d += timedelta(days=1)
    return d


def add_working_days(start: date, days: int, *, nation: str) -> date:
    """The ``days``-th working day after ``start`` (``start`` itself never counts).

    Zero days gives ``start`` back unchanged.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    for _ in range(days):
        current = next_working_day(current, nation=nation)
    return current


def clock_start(
    received_at: datetime,
    *,
    nation: str,
    cutoff: time = time(17, 0),
    tz: str = "Europe/London",
) -> date:
    """The working day from which timescales run.

    Naive datetimes are taken as UTC (that is how the service stores them). The cut-off is
    compared in local time, so 16:30 UTC in summer (17:30 BST) is after a 17:00 cut-off.
    """
    if received_at.tzinfo is None:
        received_at = received_at.replace(tzinfo=UTC)
    local = received_at.astimezone(ZoneInfo(tz))
    day = local.date()
    if not is_working_day(day, nation=nation) or local.time() >= cutoff:
        return next_working_day(day, nation=nation)
    return day


@cache
def statutory_timescales(nation: str) -> dict[str, int]:
    """Stage 1 limits for the nation, from taxonomy.yaml ``timescales_working_days``.

    Wales has a two-stage procedure: local resolution is stage 1 and has no extension
    (its extended limit is the same day); the formal investigation is stage 2, with its
    own clock (``domain.stages``), never a longer stage 1.
    """
    _subdivision(nation)
    figures = taxonomy()["timescales_working_days"][_TIMESCALE_SOURCE[nation]]
    if "local_resolution" in figures:
        return {
            "stage1": figures["local_resolution"],
            "stage1_extended": figures["local_resolution"],
        }
    return {"stage1": figures["stage1"], "stage1_extended": figures["stage1_extended"]}


def compute_deadlines(
    received_at: datetime,
    *,
    procedure: str,
    nation: str,
    acknowledgement_days: int,
    corporate_stage1_days: int,
    corporate_stage1_extended_days: int,
    cutoff: time = time(17, 0),
) -> Deadlines:
    """Deadlines for a record: statutory figures from the taxonomy, corporate ones from config."""
    start = clock_start(received_at, nation=nation, cutoff=cutoff)
    if procedure == "statutory":
        figures = statutory_timescales(nation)
        stage1, extended = figures["stage1"], figures["stage1_extended"]
    elif procedure == "corporate":
        stage1, extended = corporate_stage1_days, corporate_stage1_extended_days
    else:
        raise ValueError(f"Unknown procedure {procedure!r}")
    return Deadlines(
        clock_start=start,
        acknowledgement_due=add_working_days(start, acknowledgement_days, nation=nation),
        stage1_due=add_working_days(start, stage1, nation=nation),
        stage1_extended_due=add_working_days(start, extended, nation=nation),
    )


_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def date_in_words(d: date) -> str:
    """English date for messages, e.g. "Friday 4 December 2026".

    Built from fixed names rather than ``strftime`` so the process locale cannot change it.
    """
    return f"{_DAY_NAMES[d.weekday()]} {d.day} {_MONTH_NAMES[d.month - 1]} {d.year}"


def working_days_between(start: date, end: date, *, nation: str) -> int:
    """How many working days fall after ``start`` up to and including ``end``.

    The inverse of ``add_working_days`` (``working_days_between(d, add_working_days(d, n))
    == n``), so a count taken with one and applied with the other never drifts by a day.
    Zero when ``end`` is not after ``start``.
    """
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current, nation=nation):
            count += 1
    return count
