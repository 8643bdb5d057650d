"""SMS senders chosen by ``SMS_ADAPTER``: ``console`` (the log) or ``twilio`` (REST API).

The Twilio credentials belong to the gateway's settings; they are read from the app config.
"""

from __future__ import annotations

from flask import current_app
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from ..outcomes import Delivered, PermanentError, RetryableError

TWILIO_SETTINGS = ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER")


def masked(phone: str) -> str:
    """Enough of a number to tell messages apart in a log, not enough to call it."""
    return "*" * max(len(phone) - 3, 0) + phone[-3:]


def send_console(phone: str, body: str) -> Delivered:
    current_app.logger.info("SMS (console adapter) to %s: %s", masked(phone), body)
    return Delivered(None)


def twilio_client() -> Client:
    config = current_app.config
    missing = [name for name in TWILIO_SETTINGS if not config.get(name)]
    if missing:
        raise PermanentError(f"SMS_ADAPTER=twilio but {', '.join(missing)} not configured")
    http_client = TwilioHttpClient(timeout=config["FORWARDING_HTTP_TIMEOUT_SECONDS"])
    return Client(config["TWILIO_ACCOUNT_SID"], config["TWILIO_AUTH_TOKEN"],
                  http_client=http_client)


def send_twilio(phone: str, body: str) -> Delivered:
    client = twilio_client()
    try:
        sent = client.messages.create(to=phone, from_=current_app.config["TWILIO_FROM_NUMBER"],
                                      body=body)
    except TwilioRestException as error:
        detail = f"Twilio HTTP {error.status} (code {error.code}): {error.msg}"
        if error.status >= 500 or error.status in (408, 429):
            raise RetryableError(detail) from error
        raise PermanentError(detail) from error
    except (TwilioException, OSError) as error:
        raise RetryableError(f"Twilio unreachable: {type(error).__name__}: {error}") from error
    return Delivered(sent.sid)


def send_sms(phone: str, body: str) -> Delivered:
    adapter = current_app.config["SMS_ADAPTER"]
    if adapter == "console":
        return send_console(phone, body)
    if adapter == "twilio":
        return send_twilio(phone, body)
    raise PermanentError(f"unknown SMS_ADAPTER {adapter!r}")
