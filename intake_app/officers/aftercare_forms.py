"""Forms of a record's "after the answer" page: what was done to put it right, the
Ombudsman's enquiry and learning points; and the managers' "done" button. Each has its
own prefix, so all sit on one page with unique ids."""

from __future__ import annotations

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DecimalField, SelectField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from .case_forms import REASON_MAX, DayField, _choices


def pence(pounds: Decimal | None) -> int | None:
    """Pounds as typed (up to two places) to whole pence, so sums are exact."""
    return None if pounds is None else int((pounds * 100).to_integral_value())


def _pounds(text: str) -> DecimalField:
    return DecimalField(text, places=2, validators=[
        Optional(), NumberRange(min=0, message=_l("Enter an amount of 0 or more."))],
        render_kw={"inputmode": "decimal"})


class ResolutionForm(FlaskForm):
    kind = SelectField(_l("What was done"), choices=_choices("resolutions"))
    done_on = DayField(_l("Date it was done"), invalid=_l(
        "Enter the date it was done, for example 2026-03-31."), validators=[
        InputRequired(_l("Enter the date it was done."))])
    amount = _pounds(_l("Amount paid, in pounds (financial remedy only)"))
    details = TextAreaField(_l("Details (optional)"), validators=[
        Length(max=REASON_MAX, message=_l("Keep this under 2000 characters."))])
    submit = SubmitField(_l("Record what was done"))


class OmbudsmanForm(FlaskForm):
    ombudsman = SelectField(_l("Ombudsman"), choices=_choices("ombudsmen"))
    received_on = DayField(_l("Date of the Ombudsman's enquiry"), invalid=_l(
        "Enter the date of the enquiry, for example 2026-03-31."), validators=[
        InputRequired(_l("Enter the date of the enquiry."))])
    decision = SelectField(_l("Decision"), choices=[
        SelectChoice("", _l("No decision yet")), *_choices("ombudsman_decisions")])
    decided_on = DayField(_l("Date of the decision"), invalid=_l(
        "Enter the date of the decision, for example 2026-03-31."), validators=[Optional()])
    remedy = TextAreaField(_l("Remedy the Ombudsman asked for (optional)"), validators=[
        Length(max=REASON_MAX, message=_l("Keep this under 2000 characters."))])
    remedy_amount = _pounds(_l("Amount of the remedy, in pounds (optional)"))
    submit = SubmitField(_l("Save the Ombudsman's enquiry"))


class LearningForm(FlaskForm):
    theme = SelectField(_l("Theme"), choices=_choices("complaint_categories"))
    action = TextAreaField(_l("What will change"), validators=[
        InputRequired(_l("Write what will change.")),
        Length(max=REASON_MAX, message=_l("Keep this under 2000 characters."))])
    owner = SelectField(_l("Owner"), validate_choice=True)
    due_on = DayField(_l("Due date"), invalid=_l(
        "Enter the due date, for example 2026-03-31."), validators=[
        InputRequired(_l("Enter the due date."))])
    submit = SubmitField(_l("Add the learning point"))

    def set_staff(self, staff: list[tuple[int, str]]) -> None:
        self.owner.choices = [SelectChoice(str(user_id), name) for user_id, name in staff]


class DoneForm(FlaskForm):
    submit = SubmitField(_l("Mark done"))
