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
