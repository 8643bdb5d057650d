"""Names staff read for keys that have no label in the taxonomy, shared by the queue, the
case view and the reports so one channel never has three names."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

# The Draft's channels (intake_app.domain.draft.CHANNELS).
CHANNEL_NAMES = {
    "web": _l("Web form"), "sms": _l("Text message"), "chat": _l("Chat"),
    "advocate": _l("Advocate's referral"), "api": _l("Partner app (API)"),
}

# When it is safe to contact someone (intake_app.domain.draft.CONTACT_TIMES), with the
# hours each allows (intake_app.outbox.contact_windows.WINDOWS).
CONTACT_TIME_NAMES = {
    "any": _l("Any time (7:00 to 21:00)"),
    "morning": _l("Mornings before school (7:00 to 8:30, weekdays)"),
    "school_hours": _l("School hours (8:30 to 15:30, weekdays)"),
    "after_school": _l("After school (15:30 to 18:00, weekdays)"),
    "evening": _l("Evenings (18:00 to 21:00)"),
}

# Equality monitoring (intake_app.domain.equality.QUESTIONS) as the report names them:
# the page's own words are questions to a child, too long for a table's rows.
EQUALITY_QUESTION_NAMES = {
    "age_band": _l("Age"), "gender": _l("Gender"), "disability": _l("Disability"),
    "ethnicity": _l("Ethnic group"), "sexual_orientation": _l("Sexuality"),
}
EQUALITY_ANSWER_NAMES = {
    "age_band": {
        "under_11": _l("Under 11"), "11_to_13": _l("11 to 13"), "14_to_15": _l("14 to 15"),
        "16_to_17": _l("16 to 17"), "18_to_25": _l("18 to 25"), "over_25": _l("Over 25")},
    "gender": {
        "girl_or_woman": _l("Girl or woman"), "boy_or_man": _l("Boy or man"),
        "non_binary": _l("Non-binary"), "another_way": _l("In another way")},
    "disability": {"yes": _l("Yes"), "no": _l("No"), "not_sure": _l("Not sure")},
    "ethnicity": {
        "asian": _l("Asian or Asian British"),
        "black": _l("Black, Black British, Caribbean or African"),
        "mixed": _l("Mixed or more than one ethnic group"), "white": _l("White"),
        "another_group": _l("Another ethnic group")},
    "sexual_orientation": {
        "straight": _l("Straight"), "gay_or_lesbian": _l("Gay or lesbian"),
        "bisexual": _l("Bisexual"), "another_way": _l("In another way"),
        "not_sure": _l("Not sure")},
}
EQUALITY_PREFER_NOT_TO_SAY = _l("Prefer not to say")
EQUALITY_NOT_ANSWERED = _l("Not answered")
