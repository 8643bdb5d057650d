"""The case view's action forms. Each has its own prefix, so all of them can sit on one
page with unique ids; messages say what to do, not only what is wrong."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
    TimeField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..taxonomy import keys, label

NOTE_MAX = 5000
REASON_MAX = 2000


def _choices(section: str) -> list[SelectChoice]:
    return [SelectChoice(key, label(section, key)) for key in keys(section)]


def _category_choices() -> list[SelectChoice]:
    """Complaint and compliment categories in one list ("communication" is in both)."""
    seen: dict[str, str] = {}
    for section in ("complaint_categories", "compliment_categories"):
        for key in keys(section):
            seen.setdefault(key, label(section, key))
    return [SelectChoice(key, text) for key, text in seen.items()]


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class _KindParsing:
    """A date or time field whose "could not read it" message says what to type."""

    def __init__(self, *args: Any, invalid: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.invalid = invalid

    def process_formdata(self, valuelist: list[str]) -> None:
        try:
            super().process_formdata(valuelist)  # type: ignore[misc]
        except ValueError:
            raise ValueError(str(self.invalid)) from None


class DayField(_KindParsing, DateField):
    pass


class ClockTimeField(_KindParsing, TimeField):
    pass


class TriageCorrectionForm(FlaskForm):
    type = SelectField(_l("Type"), choices=_choices("representation_types"))
    primary_category = SelectField(_l("Primary category"), choices=[
        SelectChoice("", _l("No category")), *_category_choices()])
    secondary_categories = CheckboxesField(_l("Secondary categories"),
                                           choices=_category_choices())
    safeguarding_kinds = CheckboxesField(_l("Safeguarding concerns"),
                                         choices=_choices("safeguarding_kinds"))
    procedure = SelectField(_l("Procedure"), choices=_choices("procedures"))
    priority = SelectField(_l("Priority"), choices=_choices("priorities"))
    service_area = SelectField(_l("Service area"), choices=[
        SelectChoice("", _l("Not known")), *_choices("service_areas")])
    submit = SubmitField(_l("Save the corrected triage"))

    def validate_primary_category(self, field: Any) -> None:
        kind = self.type.data
        if kind in ("complaint", "compliment"):
            section = f"{kind}_categories"
            if field.data not in keys(section):
                raise ValidationError(_l("Choose a %(type)s category.", type=kind))
        elif field.data:
            raise ValidationError(_l("Only complaints and compliments have a primary "
                                     "category: choose 'No category'."))

    def validate_secondary_categories(self, field: Any) -> None:
        section = ("compliment_categories" if self.type.data == "compliment"
                   else "complaint_categories")
        # An empty POST gives None rather than an empty list.
        chosen = field.data or []
        wrong = [key for key in chosen if key not in keys(section)]
        if wrong:
            raise ValidationError(_l("These are not %(section)s: %(keys)s.",
                                     section=section.replace("_", " "),
                                     keys=", ".join(wrong)))
        if self.primary_category.data and self.primary_category.data in chosen:
            raise ValidationError(_l("The primary category cannot also be a secondary one."))

    def validate_priority(self, field: Any) -> None:
        if self.safeguarding_kinds.data and field.data != "urgent":
            raise ValidationError(_l("A record with a safeguarding concern is urgent: choose "
                                     "'Urgent', or untick the concerns."))


class AssignForm(FlaskForm):
    assignee = SelectField(_l("Assign to"), validate_choice=True)
    submit = SubmitField(_l("Assign"))
    to_me = SubmitField(_l("Assign to me"))

    def set_staff(self, staff: list[tuple[int, str]]) -> None:
        self.assignee.choices = [SelectChoice("", _l("Nobody (unassigned)")), *(
            SelectChoice(str(user_id), name) for user_id, name in staff)]


class NoteForm(FlaskForm):
    body = TextAreaField(_l("Internal note (never shown to the person)"), validators=[
        InputRequired(_l("Write the note.")),
        Length(max=NOTE_MAX, message=_l("Keep the note under %(max)d characters.",
                                        max=NOTE_MAX))])
    submit = SubmitField(_l("Add the note"))


class SafeguardingHandlingForm(FlaskForm):
    handled_by = StringField(_l("Who acted (name and team)"), validators=[
        InputRequired(_l("Write who acted on the alert, for example 'J Smith, MASH duty team'.")),
        Length(max=128, message=_l("Keep this under 128 characters."))])
    handled_on = DayField(_l("Date it was handled"), invalid=_l(
        "Enter the date it was handled, for example 2026-03-31."), validators=[
        InputRequired(_l("Enter the date it was handled."))])
    handled_time = ClockTimeField(_l("Time it was handled (24-hour clock)"), invalid=_l(
        "Enter the time it was handled as hours and minutes, for example 14:30."), validators=[
        InputRequired(_l("Enter the time it was handled, for example 14:30."))])
    action = TextAreaField(_l("What was done"), validators=[
        InputRequired(_l("Write what was done about the alert.")),
        Length(max=REASON_MAX, message=_l("Keep this under %(max)d characters.",
                                          max=REASON_MAX))])
    submit = SubmitField(_l("Record how it was handled"))

    def handled_at(self, zone: Any) -> datetime:
        """The local date and time typed, as UTC."""
        moment = datetime.combine(self.handled_on.data, self.handled_time.data or time(0))
        return moment.replace(tzinfo=zone).astimezone(UTC)


class ForwardForm(FlaskForm):
    submit = SubmitField(_l("Forward now"))


def _reason(label: str, required: str) -> TextAreaField:
    return TextAreaField(label, validators=[
        InputRequired(required),
        Length(max=REASON_MAX, message=_l("Keep the reason under %(max)d characters.",
                                          max=REASON_MAX))])


# What the young person is told about why a date moved (services/child_news.py has the
# sentence for each): a short list, never the officer's own words.
REASON_FOR_CHILD_CHOICES = [
    SelectChoice("more_time", _l("We want to look at everything properly")),
    SelectChoice("waiting_information", _l("We are waiting for some information")),
    SelectChoice("advocate", _l("We are finding them an advocate")),
    SelectChoice("child_asked", _l("They asked us to wait")),
]
AGREED_CHOICES = [
    SelectChoice("not_asked", _l("Not asked yet")),
    SelectChoice("agreed", _l("They agreed")),
    SelectChoice("did_not_agree", _l("They did not agree")),
]


def _reason_for_child() -> SelectField:
    return SelectField(_l("What the young person is told about why"),
                       choices=REASON_FOR_CHILD_CHOICES, default="more_time")


def _agreed() -> SelectField:
    return SelectField(_l("Did the young person agree to the extension?"),
                       choices=AGREED_CHOICES, default="not_asked")


class ExtendForm(FlaskForm):
    reason = _reason(_l("Why stage 1 needs longer"),
                     _l("Give the reason stage 1 needs longer."))
    reason_for_child = _reason_for_child()
    agreed = _agreed()
    submit = SubmitField(_l("Extend stage 1"))


class PauseForm(FlaskForm):
    paused_on = DayField(_l("Paused from"), invalid=_l(
        "Enter the date the clock stops, for example 2026-03-31."), validators=[
        InputRequired(_l("Enter the date the clock stops, for example today."))])
    reason = _reason(_l("Why the clock is paused"),
                     _l("Give the reason for pausing the clock, for example which advocate "
                        "is being appointed."))
    reason_for_child = _reason_for_child()
    submit = SubmitField(_l("Pause the clock"))


class ResumeForm(FlaskForm):
    resumed_on = DayField(_l("Restarted on"), invalid=_l(
        "Enter the date the clock starts again, for example 2026-03-31."), validators=[
        InputRequired(_l("Enter the date the clock starts again."))])
    submit = SubmitField(_l("Restart the clock"))


class DecisionForm(FlaskForm):
    sufficient_interest = SelectField(_l("Sufficient interest"), choices=[
        SelectChoice("yes", _l("Yes: they may make this representation")),
        SelectChoice("no", _l("No: they do not have sufficient interest"))])
    procedure = SelectField(_l("Procedure"), choices=_choices("procedures"))
    reason_for_person = TextAreaField(_l("What the person will be told, and why"), validators=[
        InputRequired(_l("Write what the person will be told.")),
        Length(max=REASON_MAX, message=_l("Keep this under %(max)d characters.",
                                          max=REASON_MAX))])
    submit = SubmitField(_l("Save the decision"))


class WithdrawForm(FlaskForm):
    reason = _reason(_l("Why it was withdrawn"), _l("Give the reason it was withdrawn."))
    submit = SubmitField(_l("Mark as withdrawn"))


class DuplicateForm(FlaskForm):
    reference = StringField(_l("Reference of the original record"), validators=[
        InputRequired(_l("Enter the reference of the record this one duplicates, for example "
                     "ABCD-EFGH.")),
        Length(max=32, message=_l("A reference is 8 characters, for example ABCD-EFGH."))])
    submit = SubmitField(_l("Link as a duplicate"))


class UnlinkDuplicateForm(FlaskForm):
    submit = SubmitField(_l("Not a duplicate: remove the link"))


class RevealContactForm(FlaskForm):
    submit = SubmitField(_l("Show contact details"))


class StartStage2Form(FlaskForm):
    reason = _reason(_l("Why stage 2 starts"),
                     _l("Give the reason stage 2 starts, for example the young person asked "
                        "after 20 working days and we agree."))
    submit = SubmitField(_l("Start stage 2"))


class DeclineLookAgainForm(FlaskForm):
    reason = _reason(_l("Why stage 2 does not start"),
                     _l("Give the reason, for the record. Then contact the young person "
                        "to explain."))
    submit = SubmitField(_l("Do not start stage 2"))


class ExtendStage2Form(FlaskForm):
    reason = _reason(_l("Why stage 2 needs longer"),
                     _l("Give the reason stage 2 needs longer."))
    reason_for_child = _reason_for_child()
    agreed = _agreed()
    submit = SubmitField(_l("Extend stage 2"))


STAGE_CHOICES = [SelectChoice("stage2_in_progress", _l("Stage 2")),
                 SelectChoice("stage3_panel", _l("Stage 3"))]


class PauseStageForm(FlaskForm):
    stage = SelectField(_l("Stage"), choices=STAGE_CHOICES, default="stage2_in_progress")
    paused_on = DayField(_l("Paused from"), invalid=_l(
        "Enter the date the clock stops, for example 2026-03-31."), validators=[
        InputRequired(_l("Enter the date the clock stops, for example today."))])
    reason = _reason(_l("Why the clock is paused"),
                     _l("Give the reason for pausing the clock."))
    reason_for_child = _reason_for_child()
    submit = SubmitField(_l("Pause the stage clock"))


class ResumeStageForm(FlaskForm):
    stage = SelectField(_l("Stage"), choices=STAGE_CHOICES, default="stage2_in_progress")
    resumed_on = DayField(_l("Restarted on"), invalid=_l(
        "Enter the date the clock starts again, for example 2026-03-31."), validators=[
        InputRequired(_l("Enter the date the clock starts again."))])
    submit = SubmitField(_l("Restart the stage clock"))


class Stage2PeopleForm(FlaskForm):
    investigating_officer = StringField(_l("Investigating officer"), validators=[
        Length(max=128, message=_l("Keep this under 128 characters."))])
    independent_person = StringField(_l("Independent person"), validators=[
        Length(max=128, message=_l("Keep this under 128 characters."))])
    submit = SubmitField(_l("Save who is involved"))


class StartStage3Form(FlaskForm):
    requested_on = DayField(_l("Day the young person asked for a review panel"), invalid=_l(
        "Enter the date they asked, for example 2026-03-31."), validators=[
        InputRequired(_l("Enter the date they asked."))])
    submit = SubmitField(_l("Start stage 3"))


class FinishStageForm(FlaskForm):
    stage = SelectField(_l("Stage"), choices=STAGE_CHOICES, default="stage2_in_progress")
    finished_on = DayField(_l("Day the response was sent"), invalid=_l(
        "Enter the date, for example 2026-03-31."), validators=[
        InputRequired(_l("Enter the date the response was sent."))])
    submit = SubmitField(_l("Record the stage's response"))


class PanelDatesForm(FlaskForm):
    panel_met_on = DayField(_l("Day the panel met"), invalid=_l(
        "Enter the date, for example 2026-03-31."), validators=[
        InputRequired(_l("Enter the date the panel met."))])
    report_sent_on = DayField(_l("Day the panel sent its report (if it has)"), invalid=_l(
        "Enter the date, for example 2026-03-31."), validators=[Optional()])
    submit = SubmitField(_l("Save the panel's dates"))


class ExtensionAgreementForm(FlaskForm):
    stage = SelectField(_l("Extension of"), choices=[
        SelectChoice("stage1", _l("Stage 1")), SelectChoice("stage2_in_progress",
                                                           _l("Stage 2"))], default="stage1")
    agreed = _agreed()
    submit = SubmitField(_l("Save their answer"))


# Action name (URL segment, form prefix, endpoint suffix) → form class.
ACTION_FORMS: dict[str, type[FlaskForm]] = {
    "correct_triage": TriageCorrectionForm,
    "assign": AssignForm,
    "add_note": NoteForm,
    "record_safeguarding_handling": SafeguardingHandlingForm,
    "forward_now": ForwardForm,
    "extend_deadline": ExtendForm,
    "pause_clock": PauseForm,
    "resume_clock": ResumeForm,
    "decide_procedure": DecisionForm,
    "withdraw": WithdrawForm,
    "mark_duplicate": DuplicateForm,
    "unlink_duplicate": UnlinkDuplicateForm,
    "reveal_contact": RevealContactForm,
    "start_stage2": StartStage2Form,
    "decline_look_again": DeclineLookAgainForm,
    "extend_stage2": ExtendStage2Form,
    "pause_stage": PauseStageForm,
    "resume_stage": ResumeStageForm,
    "record_stage2_people": Stage2PeopleForm,
    "start_stage3": StartStage3Form,
    "finish_stage": FinishStageForm,
    "record_panel_dates": PanelDatesForm,
    "record_extension_agreement": ExtensionAgreementForm,
}
