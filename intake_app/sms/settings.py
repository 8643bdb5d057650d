"""Settings of the conversation gateway: Twilio and Rasa (listed in README.md's table)."""

from __future__ import annotations

from ..config import Setting

GATEWAY_SETTINGS: tuple[Setting, ...] = (
    Setting("TWILIO_ACCOUNT_SID", "", "Twilio account SID: sending SMS, and the AccountSid "
            "expected on inbound webhooks."),
    Setting("TWILIO_AUTH_TOKEN", "", "Twilio auth token: checks X-Twilio-Signature on "
            "/sms/inbound (unset: every inbound request is refused) and sends SMS."),
    Setting("TWILIO_FROM_NUMBER", "", "The council's Twilio number that children text."),
    Setting("PUBLIC_BASE_URL", "http://127.0.0.1:5000", "The site's public URL as Twilio "
            "calls it (scheme, host, no trailing slash): signatures are checked against "
            "PUBLIC_BASE_URL + /sms/inbound, since behind a proxy Flask sees another URL."),
    Setting("RASA_URL", "http://127.0.0.1:5005", "Base URL of the Rasa server's REST "
            "channel (kept on 127.0.0.1)."),
    Setting("RASA_TURN_BUDGET_SECONDS", "4", "Longest wait for the bot in one turn; slower "
            "or down means degraded mode (message kept, a person reads it). Twilio gives "
            "up after 15 s.", parse=float),
)
