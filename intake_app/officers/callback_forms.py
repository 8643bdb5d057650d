"""The callback request page's forms: show the number, and record what happened."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length

from ..services.callbacks import OUTCOME_NOTE_MAX

OUTCOME_NAMES = {
    "called": _l("We spoke to them: close the request"),
    "no_answer": _l("No answer: keep the request open and count the try"),
    "closed": _l("Close without speaking to them (say why in the note)"),
}


class RevealPhoneForm(FlaskForm):
    submit = SubmitField(_l("Show the number"))


class OutcomeForm(FlaskForm):
    outcome = RadioField(_l("What happened"), choices=[
        SelectChoice(key, label) for key, label in OUTCOME_NAMES.items()],
        validators=[InputRequired(_l("Choose what happened."))])
    note = TextAreaField(_l("Note (kept with the request, never shown to the child)"),
                         validators=[Length(max=OUTCOME_NOTE_MAX, message=_l(
                             "Keep the note under %(max)d characters.", max=OUTCOME_NOTE_MAX))])
    submit = SubmitField(_l("Record what happened"))
