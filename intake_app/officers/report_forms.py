"""GET forms of the reports and the audit log: a chosen period or date range is a link a
manager can bookmark or send, so they carry no CSRF token (they change nothing).

The period rules live in ``domain.reporting_periods``; the form only shows the choice and
keeps whatever was typed when it could not be used.
"""

from __future__ import annotations

from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, SelectChoice, SelectField, StringField

from ..domain.reporting_periods import MONTH_NAMES

AUDIT_DEFAULT_DAYS = 30


class PeriodForm(FlaskForm):
    class Meta:
        csrf = False

    period = RadioField(_l("Period"), choices=[
        SelectChoice("fy", _l("Financial year (April to March)")),
        SelectChoice("quarter", _l("Quarter of a financial year")),
        SelectChoice("month", _l("Month"))], validate_choice=False)
    year = StringField(_l("Year"), render_kw={"inputmode": "numeric", "size": 4,
                                               "autocomplete": "off"})
    q = SelectField(_l("Quarter"), choices=[
        SelectChoice("1", _l("Q1: April to June")), SelectChoice("2", _l("Q2: July to September")),
        SelectChoice("3", _l("Q3: October to December")),
        SelectChoice("4", _l("Q4: January to March"))], validate_choice=False)
    month = SelectField(_l("Month"), choices=[SelectChoice(str(number), name) for number, name
                                              in enumerate(MONTH_NAMES, start=1)],
                        validate_choice=False)


class AuditRangeForm(FlaskForm):
    class Meta:
        csrf = False

    starts = DateField(_l("From"), name="from")
    ends = DateField(_l("To (inclusive)"), name="to")

    def chosen_range(self, today: date) -> tuple[date, date, list[str]]:
        """The days asked for; the default days, with messages saying why, when the dates
        typed cannot be used."""
        default = default_range(today)
        if not _typed(self.starts) and not _typed(self.ends):
            return (*default, [])
        messages: list[str] = []
        if self.starts.data is None:
            messages.append(str(_l("Enter the first day as a date, for example 2026-03-31.")))
        if self.ends.data is None:
            messages.append(str(_l("Enter the last day as a date, for example 2026-03-31.")))
        if messages:
            return (*default, messages)
        if self.starts.data > self.ends.data:
            return (*default, [str(_l("The first day must be on or before the last day."))])
        return self.starts.data, self.ends.data, []


def _typed(field: DateField) -> bool:
    return any(value.strip() for value in field.raw_data or ())


def default_range(today: date) -> tuple[date, date]:
    """The audit log opens on the last 30 days, today included."""
    return today - timedelta(days=AUDIT_DEFAULT_DAYS - 1), today
