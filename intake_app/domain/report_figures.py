"""The shapes and arithmetic of report figures, kept apart from the SQL that counts them.

A report table is rows of figures for the chosen period with the previous period beside
them. Percentages keep the counts they came from, so the page can say "80.0% (8 of 10)"
and nobody has to trust a bare percentage. Rounding is to one decimal place, half away
from zero, the way a reader rounding by hand would.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from .calendar import is_working_day

# What a row's number means; the CSV has it as a column so the file reads on its own.
COUNT, PERCENT, HOURS, WORKING_DAYS = "count", "percent", "hours", "working days"
POUNDS = "pounds"


@dataclass(frozen=True)
class Figure:
    """A number, or None when there was nothing to measure (no records, no responses)."""

    value: int | float | None
    part: int | None = None
    whole: int | None = None

    @classmethod
    def share(cls, part: int, whole: int) -> Figure:
        return cls(one_decimal(100 * part / whole) if whole else None, part, whole)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    current: Figure
    previous: Figure
    unit: str = COUNT
    # The total of a count table: shown last, never drawn as a bar.
    is_total: bool = False
    # The label without its explanation ("Delay - something promised..." -> "Delay").
    short_label: str = ""

    @property
    def difference(self) -> int | float | None:
        """This period minus the previous one (percentage points for percentages)."""
        now, before = self.current.value, self.previous.value
        if now is None or before is None:
            return None
        if isinstance(now, int) and isinstance(before, int):
            return now - before
        return one_decimal(now - before)


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    explanation: str
    rows: tuple[Row, ...]
    # Tables of counts by category are drawn as bar charts; mixed figures are not.
    chart: bool = True
    notes: tuple[str, ...] = field(default=())

    @property
    def bars(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if not row.is_total)


def one_decimal(value: float) -> float:
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def middle(values: Sequence[float]) -> float | None:
    return one_decimal(median(values)) if values else None


def largest(values: Sequence[float]) -> float | None:
    return one_decimal(max(values)) if values else None


def mean(values: Sequence[float]) -> float | None:
    return one_decimal(sum(values) / len(values)) if values else None


def short_label(label: str) -> str:
    return label.split(" - ", 1)[0]


class WorkingDayIndex:
    """Working days between dates, counted once per report rather than once per record.

    ``between(start, end)`` is how many working days fall after ``start`` up to and
    including ``end``, the same counting as ``calendar.add_working_days``: a stage 1
    response sent on the day ``add_working_days(clock_start, 10)`` took 10 working days.
    """

    def __init__(self, days: Iterable[date], *, nation: str) -> None:
        wanted = sorted(set(days))
        self._position: dict[date, int] = {}
        if not wanted:
            return
        count, day = 0, wanted[0]
        while day <= wanted[-1]:
            if is_working_day(day, nation=nation):
                count += 1
            self._position[day] = count
            day += timedelta(days=1)

    def between(self, start: date, end: date) -> int:
        return max(0, self._position[end] - self._position[start])
