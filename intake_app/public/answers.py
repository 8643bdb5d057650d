"""Turning the web form's answers into the domain's Draft, and its errors into words."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from ..domain.draft import Contact, ContactSafety, Draft, OnBehalf
from .choices import HELPER_ROLES
from .steps import relevant


def to_draft(answers: dict[str, Any], *, submission_key: str | None, language: str) -> Draft:
    answers = relevant(answers)
    role = answers.get("role", "young_person")
    on_behalf = None
    if role in HELPER_ROLES:
        on_behalf = OnBehalf(
            helper_name=answers.get("helper_name", ""),
            organisation=answers.get("organisation", ""),
            relationship=answers.get("relationship", ""),
            consent=answers.get("consent", ""),
        )
    reply_channel = answers.get("reply_channel", "none")
    return Draft(
        text=answers.get("text", ""),
        channel="web",
        declared_type=answers.get("type"),
        what_would_help=answers.get("what_would_help", ""),
        service_area=answers.get("service_area"),
        role=role,
        on_behalf=on_behalf,
        advocate=answers.get("advocate", "no"),
        advocate_provider=answers.get("advocate_provider") or None,
        reply_channel=reply_channel,
        contact=Contact(
            name=answers.get("name", "") if reply_channel != "none" else "",
            phone=answers.get("phone", "") if reply_channel in ("sms", "phone") else "",
            email=answers.get("email", "") if reply_channel == "email" else "",
            address=answers.get("address", "") if reply_channel == "letter" else "",
        ),
        contact_safety=ContactSafety(
            times=tuple(answers.get("times") or ("any",)),
            leave_message=answers.get("leave_message") == "yes",
            note=answers.get("note", ""),
        ),
        language=language,
        submission_key=submission_key,
    )


MESSAGES = {
    ("text", "required"): _l("Tell us what happened. A few words is fine."),
    ("text", "too_long"): _l("This is too long for one box. Please make it shorter, or send "
                             "the rest in a second message. We kept what you wrote."),
    ("what_would_help", "too_long"): _l("This is too long. Please make it shorter. We kept "
                                        "what you wrote."),
    ("phone", "required"): _l("Enter a phone number, or choose another way to reply"),
    ("phone", "invalid_mobile"): _l("Enter a mobile number, like 07911 123456. From "
                                    "another country, start with + and the country code"),
    ("phone", "invalid_phone"): _l("Enter a phone number, like 07911 123456. From another "
                                   "country, start with + and the country code"),
    ("email", "required"): _l("Enter an email address, or choose another way to reply"),
    ("email", "invalid_email"): _l("Enter an email address like name@example.com"),
    ("address", "required"): _l("Enter an address, or choose another way to reply"),
    ("advocate_provider", "required"): _l("Choose which advocate you would like, or choose "
                                          "'help me choose'"),
    ("helper_name", "required"): _l("Enter your name"),
    ("relationship", "required"): _l("Tell us how you know the young person"),
    ("consent", "required"): _l("Tell us how the young person said yes to this"),
}
GENERIC = {
    "required": _l("Please answer this question"),
    "too_long": _l("This is too long. Please make it shorter. We kept what you wrote."),
    "unknown": _l("Please choose one of the answers"),
}


def error_message(field: str, code: str) -> str:
    return str(MESSAGES.get((field, code), GENERIC.get(code, GENERIC["unknown"])))
