"""``POST /sms/inbound``: check Twilio's signature, hand the turn to the gateway, answer TwiML.

Twilio's own Rasa connector checks no signature, so this view is the only public door for
texts. It refuses (403) only what it cannot trust; everything else gets a 200 with TwiML,
because an error status makes Twilio retry or fall back, and the child hears nothing.
"""

from __future__ import annotations

import logging
import time

from flask import Response, abort, current_app, request
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from ..services.conversations import Inbound, handle_inbound, reply_after_fault
from ..web_extensions import csrf
from . import bp

TWIML_TYPE = "application/xml"
logger = logging.getLogger(__name__)


def _signature_is_valid() -> bool:
    """X-Twilio-Signature over the public URL (PUBLIC_BASE_URL, not what Flask sees)."""
    token = current_app.config["TWILIO_AUTH_TOKEN"]
    signature = request.headers.get("X-Twilio-Signature", "")
    if not token or not signature:
        return False
    url = current_app.config["PUBLIC_BASE_URL"].rstrip("/") + "/sms/inbound"
    if request.query_string:
        url += "?" + request.query_string.decode()
    return RequestValidator(token).validate(url, request.form.to_dict(), signature)


def _account_is_ours() -> bool:
    expected = current_app.config["TWILIO_ACCOUNT_SID"]
    return not expected or request.form.get("AccountSid") == expected


def _body() -> str:
    """The text; a picture (MMS) is not kept, but the officer sees that one was sent."""
    body = request.form.get("Body", "")
    try:
        pictures = int(request.form.get("NumMedia", "0") or 0)
    except ValueError:
        pictures = 0
    if pictures and not body.strip():
        return "[picture - not kept]"
    return body


@bp.post("/inbound")
@csrf.exempt
def inbound() -> Response:
    started = time.perf_counter()
    if not _signature_is_valid() or not _account_is_ours():
        abort(403)
    message_sid = request.form.get("MessageSid") or request.form.get("SmsSid") or None
    sender = request.form.get("From", "")
    twiml = MessagingResponse()
    bot_seconds = 0.0
    if message_sid and sender:
        inbound_text = Inbound(channel="sms", body=_body(), provider_message_id=message_sid,
                               phone=sender)
        try:
            turn = handle_inbound(inbound_text)
        except Exception:
            # Twilio does not retry, so the text is spooled before the child is answered.
            logger.exception("inbound SMS %s could not be handled", message_sid)
            twiml.message(reply_after_fault(inbound_text))
        else:
            bot_seconds = turn.bot_seconds
            if turn.body:
                twiml.message(turn.body)
    response = Response(str(twiml), status=200, mimetype=TWIML_TYPE)
    # For monitoring: how long the bot took, and the whole turn in this view (the rest of
    # the view's time is what the gateway itself added).
    response.headers["Server-Timing"] = (
        f"bot;dur={bot_seconds * 1000:.1f}, "
        f"turn;dur={(time.perf_counter() - started) * 1000:.1f}")
    return response
