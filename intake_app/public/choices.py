"""Taxonomy keys in the plain words a child reads (reading age about 9).

Keys come from taxonomy.yaml; only the wording lives here, through the catalogues.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectChoice

TYPES = {
    "complaint": (_l("Something is wrong or not good enough"), _l("This is a complaint.")),
    "compliment": (_l("Something or someone was good"), _l("This is a compliment.")),
    "comment": (_l("I have an idea to make things better"), _l("This is an idea.")),
    "enquiry": (_l("I have a question"), _l("We will find the answer for you.")),
}

ROLES = {
    "young_person": (_l("I am a child or young person, and this is about me"), None),
    "care_leaver": (_l("I have left care and I am 18 to 25"), None),
    "advocate": (_l("I am an advocate helping a young person"), None),
    "parent": (_l("I am a mum, dad or parent"), None),
    "carer": (_l("I am a foster carer or a carer"), None),
    "relative": (_l("I am a grandparent, aunt, uncle or other family"), None),
    "professional": (_l("I work with a young person"), _l("For example a teacher or nurse.")),
    "other": (_l("Someone else"), None),
}

# Roles that speak for a young person, so we ask who they are and how the young person agreed.
HELPER_ROLES = frozenset({"advocate", "professional"})
# Grown-ups, who are not asked about school times for themselves.
ADULT_ROLES = HELPER_ROLES | {"parent", "carer", "relative"}

SERVICE_AREAS = {
    "children_in_care": (_l("Being in care"), None),
    "fostering": (_l("Foster care"), None),
    "residential": (_l("A children's home"), None),
    "leaving_care": (_l("Leaving care"), _l("Help when you are 16 to 25.")),
    "children_in_need": (_l("Help for me or my family"), None),
    # Words a child may have heard from workers ("child protection", "early help", "SEND",
    # "NYAS") stay, so they can find them, each with what it means in plain words.
    "child_protection": (_l("Keeping me safe"), _l("Child protection. This is when workers "
                                                   "check that a child is safe from harm.")),
    "front_door": (_l("Asking for help for the first time"), None),
    "early_help": (_l("Early help"), _l("Help for a family early on, before problems get "
                                        "big.")),
    "disabled_children": (_l("Help for disabled children"), None),
    "adoption": (_l("Adoption"), None),
    "youth_justice": (_l("The youth justice team"), _l("The team you see if you got in "
                                                       "trouble with the police.")),
    "send_education": (_l("School or special needs"), _l("SEND. This means special "
                                                         "educational needs and "
                                                         "disabilities: extra help to "
                                                         "learn.")),
    "other": (_l("Something else, or I am not sure"), None),
}

ADVOCATE = {
    "yes": (_l("Yes, please"), None),
    "help_me_choose": (_l("Yes, but help me choose one"), None),
    "no": (_l("No, thank you"), None),
}

PROVIDERS = {
    "nyas": (_l("NYAS"), _l("National Youth Advocacy Service: a charity with advocates for "
                            "children.")),
    "barnardos": (_l("Barnardo's"), _l("A children's charity.")),
    "coram_voice": (_l("Coram Voice"), _l("A charity that helps children in care have their "
                                          "say.")),
    "action_for_children": (_l("Action for Children"), _l("A children's charity.")),
    "local": (_l("The council's own advocates"), None),
}

REPLY = {
    "sms": (_l("Send me a text"), None),
    "email": (_l("Send me an email"), None),
    "phone": (_l("Phone me"), None),
    "letter": (_l("Send me a letter"), None),
    "none": (_l("Do not reply to me"), _l("You do not have to tell us who you are. But we "
                                           "can not tell you what happens next.")),
}

CONTACT_TIMES = {
    "any": (_l("Any time"), None),
    "morning": (_l("In the morning, before school"), None),
    "school_hours": (_l("In school hours"), None),
    "after_school": (_l("After school"), None),
    "evening": (_l("In the evening"), None),
}

# A grown-up (a helper, a parent or carer) is asked about their own day, not about school:
# the same windows (outbox/contact_windows.WINDOWS), without "before school" and "school
# hours".
ADULT_CONTACT_TIMES = {
    "any": (_l("Any time, 7am to 9pm"), None),
    "after_school": (_l("Weekday afternoons, 3:30pm to 6pm"), None),
    "evening": (_l("In the evening, 6pm to 9pm"), None),
}

LEAVE_MESSAGE = {
    "no": (_l("No, do not leave a message"), None),
    "yes": (_l("Yes, you can leave a message"), None),
}


def radio_choices(options: dict) -> list[SelectChoice]:
    return [SelectChoice(key, label) for key, (label, _hint) in options.items()]
