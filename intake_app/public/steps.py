"""The question pages of the web form, in order, and when each one applies.

One question per page (GOV.UK pattern). A page that does not apply (the helper page for a
young person writing for themselves, "what would make it better" and the advocate offer for
a compliment, the list of advocates for someone who did not ask for one, contact times for
an anonymous sender) is skipped both forwards and by the back link, and its answer, if one
was given on an earlier path, is not sent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from . import choices, forms
from .choices import ADULT_ROLES, HELPER_ROLES

Answers = dict[str, Any]


def _always(answers: Answers) -> bool:
    return True


def is_helper(answers: Answers) -> bool:
    """Someone answering for a young person: questions about the young person's matter say
    "the young person", questions about how to reach them say "you"."""
    return answers.get("role") in HELPER_ROLES


def _not_a_compliment(answers: Answers) -> bool:
    return answers.get("type") != "compliment"


def _wants_a_named_advocate(answers: Answers) -> bool:
    return _not_a_compliment(answers) and answers.get("advocate") == "yes"


def is_adult(answers: Answers) -> bool:
    """A grown-up answering (a helper, a parent, a carer): the safe times are about their
    own day, not about school."""
    return answers.get("role") in ADULT_ROLES


def contact_times(answers: Answers) -> dict:
    """The safe times offered: a grown-up is asked about their own day, not about school."""
    return choices.ADULT_CONTACT_TIMES if is_adult(answers) else choices.CONTACT_TIMES


def _times_still_offered(answers: Answers) -> bool:
    """Times ticked before the person changed who they are (a young person, then a parent,
    say) are asked again rather than sent for a day they were never offered."""
    offered = contact_times(answers)
    return all(time in offered for time in answers.get("times") or ())


@dataclass(frozen=True)
class Step:
    slug: str
    heading: Any  # lazy string: the page's h1 and the start of its title
    form: type[FlaskForm]
    template: str
    fields: tuple[str, ...]
    applies: Callable[[Answers], bool] = _always
    required: bool = True  # must be answered before "check your answers"
    # Answers that would make this page apply: assumed in "Question N of M" until the
    # person gives their own, so the count can only go down as the path becomes known.
    assume: Mapping[str, str] = field(default_factory=dict)
    helper_heading: Any = None  # the heading for someone answering for a young person
    # False when an earlier answer changed what this page offers: it is asked again.
    still_fits: Callable[[Answers], bool] = _always

    def heading_for(self, answers: Answers) -> Any:
        if self.helper_heading is not None and is_helper(answers):
            return self.helper_heading
        return self.heading


STEPS: tuple[Step, ...] = (
    Step("what", _l("What do you want to tell us?"), forms.TypeForm, "public/step_radios.html",
         ("type",)),
    Step("who", _l("Who are you?"), forms.RoleForm, "public/step_radios.html", ("role",)),
    Step("helper", _l("About you, the helper"), forms.HelperForm, "public/step_helper.html",
         ("helper_name", "organisation", "relationship", "consent"),
         applies=is_helper, assume={"role": "advocate"}),
    Step("about", _l("What is it about?"), forms.ServiceAreaForm, "public/step_radios.html",
         ("service_area",)),
    Step("what-happened", _l("What happened?"), forms.WhatHappenedForm,
         "public/step_text.html", ("text",),
         helper_heading=_l("What happened to the young person?")),
    Step("what-would-help", _l("What would make it better?"), forms.WhatWouldHelpForm,
         "public/step_text.html", ("what_would_help",), required=False,
         applies=_not_a_compliment, assume={"type": "complaint"},
         helper_heading=_l("What would make it better for the young person?")),
    Step("advocate", _l("Would you like an advocate?"), forms.AdvocateForm,
         "public/step_advocate.html", ("advocate",),
         applies=_not_a_compliment, assume={"type": "complaint"},
         helper_heading=_l("Would the young person like an advocate?")),
    # A page of its own, not a list shown by script: it works the same without JavaScript.
    Step("advocate-provider", _l("Which advocate would you like?"), forms.AdvocateProviderForm,
         "public/step_radios.html", ("advocate_provider",),
         applies=_wants_a_named_advocate, assume={"type": "complaint", "advocate": "yes"},
         helper_heading=_l("Which advocate would the young person like?")),
    Step("reply", _l("How should we reply to you?"), forms.ReplyForm, "public/step_reply.html",
         ("reply_channel", "name", "phone", "email", "address")),
    Step("safe-contact", _l("When is it safe to contact you?"), forms.SafeContactForm,
         "public/step_safe_contact.html", ("times", "leave_message", "note"),
         applies=lambda answers: answers.get("reply_channel", "none") != "none",
         assume={"reply_channel": "sms"}, still_fits=_times_still_offered),
    Step("sharing", _l("Who we share this with"), forms.ContinueForm, "public/step_sharing.html",
         ("seen_sharing",)),
)

BY_SLUG = {step.slug: step for step in STEPS}


def applicable(answers: Answers) -> list[Step]:
    return [step for step in STEPS if step.applies(answers)]


def relevant(answers: Answers) -> Answers:
    """Only the answers of pages on the path taken: an advocate chosen before the person
    changed their complaint into a compliment is kept in the draft (so changing back loses
    nothing typed) but is never sent."""
    fields = {name for step in applicable(answers) for name in step.fields}
    return {name: value for name, value in answers.items() if name in fields}


def progress(step: Step, answers: Answers) -> tuple[int, int]:
    """"Question N of M" for the path taken so far: N goes up by one a page, and M counts
    a page whose deciding answer is not given yet, so M never grows as the person goes on."""
    counted = [page for page in STEPS if page.applies({**page.assume, **answers})]
    position = counted.index(step) + 1 if step in counted else 1
    return position, len(counted)


def is_answered(step: Step, answers: Answers) -> bool:
    return not step.required or (step.fields[0] in answers and step.still_fits(answers))


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
