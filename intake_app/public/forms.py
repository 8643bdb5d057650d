"""One form per question page. Error messages are kind and say how to fix it."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import InputRequired, Optional

from . import choices


class TypeForm(FlaskForm):
    type = RadioField(_l("What do you want to tell us?"),
                      choices=choices.radio_choices(choices.TYPES),
                      validators=[InputRequired(_l("Choose what you want to tell us"))])


class RoleForm(FlaskForm):
    role = RadioField(_l("Who are you?"), choices=choices.radio_choices(choices.ROLES),
                      validators=[InputRequired(_l("Choose who you are"))])


class HelperForm(FlaskForm):
    helper_name = StringField(_l("Your name"))
    organisation = StringField(_l("Where you work, if you work somewhere"))
    relationship = StringField(_l("How do you know the young person?"))
    consent = TextAreaField(_l("How did the young person say yes to you sending this?"))


class ServiceAreaForm(FlaskForm):
    service_area = RadioField(_l("What is it about?"),
                              choices=choices.radio_choices(choices.SERVICE_AREAS),
                              validators=[InputRequired(_l("Choose what it is about, or choose "
                                                           "'I am not sure'"))])


class WhatHappenedForm(FlaskForm):
    text = TextAreaField(_l("What happened?"))


class WhatWouldHelpForm(FlaskForm):
    what_would_help = TextAreaField(_l("What would make it better?"), validators=[Optional()])


class AdvocateForm(FlaskForm):
    advocate = RadioField(_l("Would you like an advocate?"),
                          choices=choices.radio_choices(choices.ADVOCATE),
                          validators=[InputRequired(_l("Choose if you would like an "
                                                       "advocate"))])


class AdvocateProviderForm(FlaskForm):
    advocate_provider = RadioField(_l("Which advocate would you like?"),
                                   choices=choices.radio_choices(choices.PROVIDERS),
                                   validators=[InputRequired(_l("Choose which advocate you "
                                                                "would like"))])


class ReplyForm(FlaskForm):
    reply_channel = RadioField(_l("How should we reply to you?"),
                               choices=choices.radio_choices(choices.REPLY),
                               validators=[InputRequired(_l("Choose how we should reply"))])
    name = StringField(_l("Your name (you can leave this out)"))
    phone = StringField(_l("Mobile or phone number"))
    email = StringField(_l("Email address"))
    address = TextAreaField(_l("Address for a letter"))


class SafeContactForm(FlaskForm):
    times = SelectMultipleField(_l("When is it safe to contact you?"),
                                choices=choices.radio_choices(choices.CONTACT_TIMES))
    leave_message = RadioField(_l("Can we leave a message or voicemail?"),
                               choices=choices.radio_choices(choices.LEAVE_MESSAGE),
                               validators=[InputRequired(_l("Choose if we can leave a "
                                                            "message"))])
    note = TextAreaField(_l("Anything else we should know about contacting you?"))


class ContinueForm(FlaskForm):
    """Pages with no question still post a CSRF token to move on."""
