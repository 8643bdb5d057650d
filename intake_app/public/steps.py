"""The question pages of the web form, in order, and when each one applies.

One question per page (GOV.UK pattern). A page that does not apply (the helper page for a
young person writing for themselves, contact times for an anonymous sender) is skipped
both forwards and by the back link.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from . import forms
from .choices import HELPER_ROLES

Answers = dict[str, Any]


def _always(answers: Answers) -> bool:
    return True


@dataclass(frozen=True)
class Step:
    slug: str
    heading: Any  # lazy string: the page's h1 and the start of its title
    form: type[FlaskForm]
    template: str
    fields: tuple[str, ...]
    applies: Callable[[Answers], bool] = _always
    required: bool = True  # must be answered before "check your answers"


STEPS: tuple[Step, ...] = (
    Step("what", _l("What do you want to tell us?"), forms.TypeForm, "public/step_radios.html",
         ("type",)),
    Step("who", _l("Who are you?"), forms.RoleForm, "public/step_radios.html", ("role",)),
    Step("helper", _l("About you, the helper"), forms.HelperForm, "public/step_helper.html",
         ("helper_name", "organisation", "relationship", "consent"),
         applies=lambda answers: answers.get("role") in HELPER_ROLES),
    Step("about", _l("What is it about?"), forms.ServiceAreaForm, "public/step_radios.html",
         ("service_area",)),
    Step("what-happened", _l("What happened?"), forms.WhatHappenedForm,
         "public/step_text.html", ("text",)),
    Step("what-would-help", _l("What would make it better?"), forms.WhatWouldHelpForm,
         "public/step_text.html", ("what_would_help",), required=False),
    Step("advocate", _l("Would you like an advocate?"), forms.AdvocateForm,
         "public/step_advocate.html", ("advocate", "advocate_provider")),
    Step("reply", _l("How should we reply to you?"), forms.ReplyForm, "public/step_reply.html",
         ("reply_channel", "name", "phone", "email", "address")),
    Step("safe-contact", _l("When is it safe to contact you?"), forms.SafeContactForm,
         "public/step_safe_contact.html", ("times", "leave_message", "note"),
         applies=lambda answers: answers.get("reply_channel", "none") != "none"),
    Step("sharing", _l("Who we share this with"), forms.ContinueForm, "public/step_sharing.html",
         ("seen_sharing",)),
)

BY_SLUG = {step.slug: step for step in STEPS}


def applicable(answers: Answers) -> list[Step]:
    return [step for step in STEPS if step.applies(answers)]


def is_answered(step: Step, answers: Answers) -> bool:
    return not step.required or step.fields[0] in answers


def first_unanswered(answers: Answers) -> Step | None:
    return next((step for step in applicable(answers) if not is_answered(step, answers)), None)


def previous(step: Step, answers: Answers) -> Step | None:
    steps = applicable(answers)
    index = steps.index(step) if step in steps else 0
    return steps[index - 1] if index > 0 else None


def following(step: Step, answers: Answers) -> Step | None:
    steps = applicable(answers)
    index = steps.index(step)
    return steps[index + 1] if index + 1 < len(steps) else None
