"""Reporting periods: a month, a financial quarter or a financial year.

Councils report representations by financial year (1 April to 31 March), so quarters are
financial quarters too: Q1 is April to June, Q4 is January to March of the next calendar
year. A record belongs to the period containing the UK local date (Europe/London) of its
``received_at``: a message sent at 00:30 BST on 1 April is in the new year even though it
is still 31 March in UTC.

Parameters, as they appear in a report's URL:
- ``period=fy&year=2025`` is 2025-26 (1 April 2025 to 31 March 2026);
- ``period=quarter&year=2025&q=1`` is Q1 of 2025-26 (``year`` is the financial year);
- ``period=month&year=2026&month=3`` is March 2026 (``year`` is the calendar year).

With no parameters, or bad ones, the report shows the last complete financial year: it
is the period of the statutory annual report, and its comparison with the year before is
like for like (a year to date set beside a whole year would look like a fall in every
figure). The current year is one choice away.

Labels are English, built from fixed names as ``calendar.date_in_words`` is, because the
staff pages are English-only and the process locale must not change a report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
KINDS = ("fy", "quarter", "month")
EARLIEST_YEAR = 2000
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
FINANCIAL_YEAR_FIRST_MONTH = 4


@dataclass(frozen=True)
class Period:
    """Whole UK local days from ``start`` up to, not including, ``end``."""

    kind: str
    start: date
    end: date

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def financial_year(self) -> int:
        """The calendar year in which this period's financial year starts."""
        return financial_year_of(self.start)

    @property
    def quarter(self) -> int:
        return (self.start.month - FINANCIAL_YEAR_FIRST_MONTH) % 12 // 3 + 1

    @property
    def label(self) -> str:
        if self.kind == "fy":
            return _fy_label(self.financial_year)
        if self.kind == "quarter":
            first, last = self.start, self.last_day
            return (f"Q{self.quarter} {_fy_label(self.financial_year)} "
                    f"({MONTH_NAMES[first.month - 1]} to {MONTH_NAMES[last.month - 1]} "
                    f"{last.year})")
        return f"{MONTH_NAMES[self.start.month - 1]} {self.start.year}"

    @property
    def slug(self) -> str:
        """A short name for file names: ``2025-26``, ``2025-26-q1``, ``2026-03``."""
        if self.kind == "fy":
            return _fy_label(self.financial_year)
        if self.kind == "quarter":
            return f"{_fy_label(self.financial_year)}-q{self.quarter}"
        return f"{self.start.year}-{self.start.month:02d}"

    def params(self) -> dict[str, str]:
        """The URL parameters that choose this period again."""
        if self.kind == "fy":
            return {"period": "fy", "year": str(self.financial_year)}
        if self.kind == "quarter":
            return {"period": "quarter", "year": str(self.financial_year),
                    "q": str(self.quarter)}
        return {"period": "month", "year": str(self.start.year),
                "month": str(self.start.month)}

    def previous(self) -> Period:
        """The period just before, of the same kind: the figures' comparison."""
        if self.kind == "fy":
            return financial_year(self.financial_year - 1)
        if self.kind == "quarter":
            if self.quarter == 1:
                return financial_quarter(self.financial_year - 1, 4)
            return financial_quarter(self.financial_year, self.quarter - 1)
        if self.start.month == 1:
            return month(self.start.year - 1, 12)
        return month(self.start.year, self.start.month - 1)

    def utc_bounds(self) -> tuple[datetime, datetime]:
        """The UTC instants of local midnight at the start and at the end."""
        return local_days_utc(self.start, self.last_day)

    def is_over(self, today: date) -> bool:
        return today >= self.end


@dataclass(frozen=True)
class PeriodChoice:
    """The period to show, and why the one asked for could not be (an error code)."""

    period: Period
    problem: str | None = None


def financial_year_of(day: date) -> int:
    return day.year if day.month >= FINANCIAL_YEAR_FIRST_MONTH else day.year - 1


def financial_year(year: int) -> Period:
    return Period("fy", date(year, FINANCIAL_YEAR_FIRST_MONTH, 1),
                  date(year + 1, FINANCIAL_YEAR_FIRST_MONTH, 1))


def financial_quarter(year: int, quarter: int) -> Period:
    if not 1 <= quarter <= 4:
        raise ValueError("quarter must be 1 to 4")
    first = FINANCIAL_YEAR_FIRST_MONTH + 3 * (quarter - 1)
    start = date(year + (first - 1) // 12, (first - 1) % 12 + 1, 1)
    after = first + 3
    return Period("quarter", start, date(year + (after - 1) // 12, (after - 1) % 12 + 1, 1))


def month(year: int, month_number: int) -> Period:
    if not 1 <= month_number <= 12:
        raise ValueError("month must be 1 to 12")
    end = date(year + 1, 1, 1) if month_number == 12 else date(year, month_number + 1, 1)
    return Period("month", date(year, month_number, 1), end)


def default_period(today: date) -> Period:
    """The last complete financial year (see the module's docstring)."""
    return financial_year(financial_year_of(today) - 1)


def parse_period(params: Mapping[str, str], today: date) -> PeriodChoice:
    """The period the parameters name; the default with an error code when they name none.

    Codes: ``unknown_kind``, ``bad_year``, ``bad_quarter``, ``bad_month``, ``not_started``.
    """
    kind = params.get("period")
    if not kind:
        return PeriodChoice(default_period(today))
    if kind not in KINDS:
        return PeriodChoice(default_period(today), "unknown_kind")
    year = _whole_number(params.get("year"))
    if year is None or not EARLIEST_YEAR <= year <= today.year:
        return PeriodChoice(default_period(today), "bad_year")
    if kind == "fy":
        period = financial_year(year)
    elif kind == "quarter":
        quarter = _whole_number(params.get("q"))
        if quarter is None or not 1 <= quarter <= 4:
            return PeriodChoice(default_period(today), "bad_quarter")
        period = financial_quarter(year, quarter)
    else:
        month_number = _whole_number(params.get("month"))
        if month_number is None or not 1 <= month_number <= 12:
            return PeriodChoice(default_period(today), "bad_month")
        period = month(year, month_number)
    if period.start > today:
        return PeriodChoice(default_period(today), "not_started")
    return PeriodChoice(period)


def local_days_utc(first: date, last: date) -> tuple[datetime, datetime]:
    """UTC instants from local midnight starting ``first`` to local midnight after ``last``,
    so that a query ``start <= received_at < end`` takes whole UK days, in BST or GMT."""
    start = datetime.combine(first, time(0), LONDON).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), LONDON).astimezone(UTC)
    return start, end


def days_ending_in_summer_time(first: date, last: date) -> list[tuple[date, date]]:
    """Spans ``[start, end)`` of the days from ``first`` to ``last`` whose UK day ends in
    British Summer Time, i.e. whose following midnight is 23:00 UTC rather than 00:00.

    A database without time zones (SQLite) uses these to find when a UK day ends.
    """
    spans: list[tuple[date, date]] = []
    day, span_start = first, None
    while day <= last:
        following = datetime.combine(day + timedelta(days=1), time(0), LONDON)
        in_summer = bool(following.utcoffset())
        if in_summer and span_start is None:
            span_start = day
        elif not in_summer and span_start is not None:
            spans.append((span_start, day))
            span_start = None
        day += timedelta(days=1)
    if span_start is not None:
        spans.append((span_start, last + timedelta(days=1)))
    return spans


def local_date(moment: datetime) -> date:
    """The UK date of a stored (UTC) instant."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LONDON).date()


def _fy_label(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def _whole_number(raw: str | None) -> int | None:
    if raw is None:
        return None
    raw = raw.strip()
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 4 else None
