"""The form advocates use to submit for a child, and the words for its choices and errors.

Choices are the domain's keys (``domain.advocacy`` and the taxonomy); labels are plain
words, since a child may read what the advocate shows them.
"""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)

AGE_BANDS = {"under_8": _l("Under 8"), "8_to_12": _l("8 to 12"), "13_to_15": _l("13 to 15"),
             "16_to_17": _l("16 or 17"), "18_to_25": _l("18 to 25")}
CHILD_STATUSES = {"looked_after": _l("Looked after (in care)"),
                  "child_in_need": _l("Child in need"),
                  "care_leaver": _l("Care leaver"), "other": _l("Other")}
CONSENT_METHODS = {"in_person": _l("In person"), "phone": _l("On the phone"),
                   "in_writing": _l("In writing"), "app": _l("Through an app")}
REPLY_TARGETS = {"child": _l("The child"), "advocate": _l("The advocate (you)"),
                 "both": _l("Both the child and the advocate")}
PREFERRED_WAYS = {"face_to_face": _l("Face to face"), "phone": _l("Phone call"),
                  "text": _l("Text message"), "email": _l("Email"), "video": _l("Video call"),
                  "through_advocate": _l("Through their advocate")}
URGENCIES = {"urgent": _l("Urgent: someone should act today"),
             "high": _l("Soon: a placement, home or schooling is at risk"),
             "normal": _l("Normal")}
CHILD_REPLY_CHANNELS = {"sms": _l("Text message"), "email": _l("Email")}
# Every choice's words by question, for pages that show a record's answers.
CHOICE_LABELS = {"age_band": AGE_BANDS, "child_status": CHILD_STATUSES,
                 "consent_method": CONSENT_METHODS, "replies_to": REPLY_TARGETS,
                 "preferred_way": PREFERRED_WAYS, "urgency": URGENCIES}

ERRORS = {
    "child_name": _l("Enter the child's first name or initials"),
    "age_band": _l("Choose the child's age"),
    "child_status": _l("Choose the child's status"),
    "language": _l("Choose the language the child prefers"),
    "preferred_way": _l("Choose how the child likes to talk"),
    "child_words": _l("Write what the child told you, in their words"),
    "child_wants": _l("Write what the child wants to happen"),
    "consent_method": _l("Choose how the child agreed"),
    "consent_given_on": _l("Enter the date the child agreed, like 27 3 2026"),
    "sharing": _l("Write what may be shared, and with whom"),
    "replies_to": _l("Choose who receives our replies"),
    "child_reply_channel": _l("Choose how we reply to the child"),
    "child_phone": _l("Enter a UK mobile number for the child, like 07700 900123"),
    "child_email": _l("Enter the child's email address, like name@example.com"),
    "declared_type": _l("Choose what kind of message this is"),
    "categories": _l("Choose categories from the list"),
    "service_area": _l("Choose a service from the list"),
    "urgency": _l("Choose how urgent it is"),
    "safeguarding_kinds": _l("Choose what kind of concern it is, so the duty team can act"),
    "safeguarding_known": _l("Write what you know of the concern"),
}
SPECIFIC_ERRORS = {
    ("consent_given_on", "in_future"): _l("The date the child agreed cannot be in the future"),
    ("child_words", "too_long"): _l("The child's words are too long: shorten them"),
    ("child_wants", "too_long"): _l("What the child wants is too long: shorten it"),
    ("child_name", "too_long"): _l("Use the child's first name or initials only"),
    ("safeguarding_known", "too_long"): _l("The concern is too long: shorten it"),
}


def error_message(field: str, code: str) -> str:
    return str(SPECIFIC_ERRORS.get((field, code)) or ERRORS.get(field) or code)


class ChildSubmissionForm(FlaskForm):
    """Parses the advocate's form; each field keeps what was typed when the page comes
    back with an error."""

    submission_key = HiddenField()
    child_name = StringField()
    age_band = StringField()
    child_status = StringField()
    council_team = StringField()
    language = StringField(default="en")
    interpreter = BooleanField()
    disability = TextAreaField()
    preferred_way = StringField()
    child_words = TextAreaField()
    advocate_summary = TextAreaField()
    child_wants = TextAreaField()
    consent_method = StringField()
    consent_given_on = DateField(format="%Y-%m-%d")
    sharing = TextAreaField()
    replies_to = StringField()
    child_reply_channel = StringField()
    child_phone = StringField()
    child_email = StringField()
    declared_type = StringField(default="complaint")
    categories = SelectMultipleField(choices=[], validate_choice=False)
    service_area = StringField()
    urgency = StringField(default="normal")
    safeguarding_known = TextAreaField()
    safeguarding_kinds = SelectMultipleField(choices=[], validate_choice=False)

    def consent_date(self) -> date | None:
        """The date typed, or None when it is missing or not a date."""
        return self.consent_given_on.data


REFERRAL_STATES = {"sent": _l("Waiting for your answer"), "accepted": _l("Accepted"),
                   "allocated": _l("Advocate allocated"), "declined": _l("Declined")}
REFERRAL_ANSWERS = {"accepted": _l("Accept"), "allocated": _l("Advocate allocated"),
                    "declined": _l("Decline")}
ANSWER_ERRORS = {
    "status": _l("Choose an answer that can follow the referral's state"),
    "contact": _l("Give the contact for the allocated advocate"),
    "reason": _l("Say why you decline the referral"),
}


class ReferralAnswerForm(FlaskForm):
    """A provider's answer to a referral, from its inbox in the embedded default."""

    status = StringField()
    contact = StringField()
    reason = TextAreaField()


RAG_WORDS = {"green": _l("On time"), "amber": _l("Due soon"), "red": _l("Late"),
             "paused": _l("Clock stopped"), "responded": _l("Answered"),
             "stopped": _l("No longer open"), "none": _l("No deadline")}
FOLLOWING_ERRORS = {
    ("information", "required"): _l("Write the information to add"),
    ("information", "too_long"): _l("The information is too long: shorten it"),
    ("information", "closed"): _l("This record is no longer open, so nothing can be added. "
                                  "Send a new one instead"),
    ("information", "expired"): _l("The page was open for a long time. Send it again"),
    ("reason", "required"): _l("Say why the child wants to withdraw it"),
    ("reason", "closed"): _l("This record is already withdrawn"),
    ("reason", "expired"): _l("The page was open for a long time. Send it again"),
}


class FollowingForm(FlaskForm):
    """Adding information to a record, or withdrawing it at the child's request."""

    information = TextAreaField()
    reason = TextAreaField()
