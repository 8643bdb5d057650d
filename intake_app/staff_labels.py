"""Names staff read for keys that have no label in the taxonomy, shared by the queue, the
case view and the reports so one channel never has three names."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

# The Draft's channels (intake_app.domain.draft.CHANNELS).
CHANNEL_NAMES = {
    "web": _l("Web form"), "sms": _l("Text message"), "chat": _l("Chat"),
    "advocate": _l("Advocate's referral"), "api": _l("Partner app (API)"),
}
