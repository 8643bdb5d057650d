"""The clocks after stage 1: the investigation (stage 2) and, in England, the review panel
(stage 3), and whether a request to look again came in time.

England (Children Act 1989 Representations Procedure Regulations 2006): a child unhappy
with the stage 1 response may ask for stage 2 within 20 working days of it; stage 2 runs
25 working days, extendable to 65; a child unhappy with stage 2 may ask for a review
panel, which meets within 30 working days of the request, reports within 5 working days
of meeting, and the council answers within 15 working days of the report. Wales
(Representations Procedure Regulations 2014): the formal investigation (stage 2) runs 25
working days and there is no stage 3.

Figures come from taxonomy.yaml; dates are whole working days on the nation's calendar, so
a pause over a weekend or a bank holiday costs the child nothing. Pure: callers pass
"today" and the nation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from intake_app.taxonomy import taxonomy

from .calendar import add_working_days, working_days_between

# The taxonomy's case_statuses keys, used verbatim for the stage a clock belongs to.
STAGE2 = "stage2_in_progress"
STAGE3 = "stage3_panel"
# How long after the stage 1 response a request for stage 2 starts it without a person's
# decision; a later one is never refused, an officer decides.
LOOK_AGAIN_WITHIN_WORKING_DAYS = 20

# Scotland and Northern Ireland follow England's timescales (as domain.calendar does).
_SOURCE = {"england": "england", "wales": "wales", "scotland": "england",
           "northern_ireland": "england"}


@dataclass(frozen=True)
class StageTimescales:
    """Working-day limits after stage 1; ``None`` where the nation has no such step."""

    stage2: int
    stage2_extended: int | None
    stage3_panel: int | None
    stage3_report: int | None
    stage3_response: int | None

    @property
    def has_stage3(self) -> bool:
        return self.stage3_panel is not None


@cache
def stage_timescales(nation: str) -> StageTimescales:
    try:
        figures = taxonomy()["timescales_working_days"][_SOURCE[nation]]
    except KeyError:
        raise ValueError(f"Unknown nation {nation!r}") from None
    if "formal_investigation" in figures:
        return StageTimescales(stage2=figures["formal_investigation"], stage2_extended=None,
                               stage3_panel=None, stage3_report=None, stage3_response=None)
    return StageTimescales(stage2=figures["stage2"], stage2_extended=figures["stage2_extended"],
                           stage3_panel=figures["stage3_panel"],
                           stage3_report=figures["stage3_report"],
                           stage3_response=figures["stage3_response"])


@dataclass(frozen=True)
class Stage2Dates:
    due: date
    extended_due: date | None  # None where stage 2 cannot be extended (Wales)


def stage2_dates(started_on: date, *, nation: str) -> Stage2Dates:
    """Stage 2 deadlines counted from the working day it started."""
    figures = stage_timescales(nation)
    extended = (add_working_days(started_on, figures.stage2_extended, nation=nation)
                if figures.stage2_extended is not None else None)
    return Stage2Dates(due=add_working_days(started_on, figures.stage2, nation=nation),
                       extended_due=extended)


@dataclass(frozen=True)
class Stage3Dates:
    panel_due: date
    report_due: date
    response_due: date


def stage3_dates(requested_on: date, *, nation: str, panel_met_on: date | None = None,
                 report_sent_on: date | None = None) -> Stage3Dates:
    """The panel within 30 working days of the request, its report within 5 of the panel
    meeting (of its due day until it has met), the council's response within 15 of the
    report. Raises ``ValueError`` where there is no stage 3 (Wales)."""
    figures = stage_timescales(nation)
    if (figures.stage3_panel is None or figures.stage3_report is None
            or figures.stage3_response is None):
        raise ValueError(f"{nation} has no review panel stage")
    panel_due = add_working_days(requested_on, figures.stage3_panel, nation=nation)
    report_due = add_working_days(panel_met_on or panel_due, figures.stage3_report,
                                  nation=nation)
    response_due = add_working_days(report_sent_on or report_due, figures.stage3_response,
                                    nation=nation)
    return Stage3Dates(panel_due=panel_due, report_due=report_due, response_due=response_due)


def asked_in_time(responded_on: date | None, asked_on: date, *, nation: str) -> bool:
    """A request to look again made within 20 working days of the stage 1 response.

    Without a response on record there is nothing to count from, so a person decides.
    """
    if responded_on is None:
        return False
    return working_days_between(responded_on, asked_on,
                                nation=nation) <= LOOK_AGAIN_WITHIN_WORKING_DAYS


def look_again_closes(responded_on: date, *, nation: str) -> date:
    """The last day a request to look again starts stage 2 by itself."""
    return add_working_days(responded_on, LOOK_AGAIN_WITHIN_WORKING_DAYS, nation=nation)


def moved_on(due: date | None, *, paused_on: date, resumed_on: date, nation: str
             ) -> tuple[date | None, int]:
    """A deadline moved on by the working days a pause lasted, and those days (as the stage
    1 clock does: from ``paused_on`` exclusive to ``resumed_on`` inclusive)."""
    if resumed_on < paused_on:
        raise ValueError("a clock cannot resume before it was paused")
    days = working_days_between(paused_on, resumed_on, nation=nation)
    if due is None:
        return None, days
    return add_working_days(due, days, nation=nation), days
