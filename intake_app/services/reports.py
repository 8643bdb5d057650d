"""The statutory representations report: its tables for a period, and each as a CSV.

Regulation 13 of the Children Act 1989 Representations Procedure (England) Regulations
2006 asks councils for an annual report; these are the tables councils publish in it,
each with the previous period beside it so a change can be seen (and questioned).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from ..domain.csv_cells import BYTE_ORDER_MARK, csv_line
from ..domain.report_figures import Table
from ..domain.reporting_periods import Period
from . import report_tables
from .report_tables import Window

# In the order the page shows them; the names are the CSV files' names.
TABLES: dict[str, Callable[[Window], Table]] = {
    "types": report_tables.types_table,
    "complaint_categories": report_tables.complaint_categories_table,
    "complaint_categories_all": report_tables.complaint_categories_all_table,
    "compliment_categories": report_tables.compliment_categories_table,
    "service_areas": report_tables.service_areas_table,
    "complainant_roles": report_tables.complainant_roles_table,
    "channels": report_tables.channels_table,
    "procedures": report_tables.procedures_table,
    "advocate_requests": report_tables.advocate_requests_table,
    "safeguarding": report_tables.safeguarding_table,
    "acknowledgements": report_tables.acknowledgements_table,
    "stage1": report_tables.stage1_table,
    "outcomes": report_tables.outcomes_table,
    "later_stages": report_tables.later_stages_table,
    "telling_feedback": report_tables.telling_feedback_table,
    "resolutions": report_tables.resolutions_table,
    "ombudsman": report_tables.ombudsman_table,
    "learning_actions": report_tables.learning_actions_table,
    "themes": report_tables.themes_table,
    "equality": report_tables.equality_table,
}


class UnknownTable(LookupError):
    """No report table has this name."""


@dataclass(frozen=True)
class Report:
    period: Period
    previous: Period
    # False while the period is still running: its figures are to date.
    period_over: bool
    tables: tuple[Table, ...]


def build_report(period: Period, *, nation: str, today: date) -> Report:
    window = Window(period, nation=nation, today=today)
    return Report(period, window.previous, period.is_over(today),
                  tuple(build(window) for build in TABLES.values()))


def build_table(name: str, period: Period, *, nation: str, today: date) -> Table:
    try:
        build = TABLES[name]
    except KeyError:
        raise UnknownTable(name) from None
    return build(Window(period, nation=nation, today=today))


def table_csv(table: Table, period: Period, *, headings: tuple[str, str, str, str]
              ) -> Iterator[str]:
    """The table as CSV lines: a header row, then one row per figure.

    ``headings`` names the row, key, unit and difference columns (in the page's language);
    the two period columns are headed by the periods' labels.
    """
    row_heading, key_heading, unit_heading, difference_heading = headings
    yield BYTE_ORDER_MARK + csv_line((row_heading, key_heading, unit_heading, period.label,
                                      period.previous().label, difference_heading))
    for row in table.rows:
        yield csv_line((row.label, row.key, row.unit, row.current.value, row.previous.value,
                        row.difference))
