"""``GET /chat`` (the chat page) and ``POST /chat/messages`` (one turn, JSON).

The browser never names its conversation: the id lives in the signed session cookie, so
one person cannot read or write another's chat by guessing. The JSON endpoint keeps the
app-wide CSRF protection; the page's script sends the token in the X-CSRFToken header.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
from typing import Any

from flask import Response, current_app, jsonify, render_template, request, session
from flask_babel import gettext as _
from flask_wtf.csrf import generate_csrf

from ..request_input import UnacceptableJSON, check_json_value
from ..services.conversations import Inbound, handle_inbound, reply_after_fault
from ..web_extensions import limiter
from . import bp

logger = logging.getLogger(__name__)
CONVERSATION_KEY = "chat_conversation"
SCOPE_KEY = "chat_scope"
MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# A long letter pasted into the chat is taken whole (records keep the part that fits and
# link the transcript); only a body no person could have typed is refused.
MAX_MESSAGE_CHARS = 20000


@bp.get("")
def page() -> str:
    return render_template("chat/page.html", heading=_("Chat with us"),
                           max_chars=MAX_MESSAGE_CHARS)


def _chat_limit() -> str:
    """The public post limit: each chat turn costs a bot turn and database writes."""
    return current_app.config["PUBLIC_RATE_LIMIT"]


def retry_after_csrf() -> tuple[Response, int]:
    """The chat page was open longer than a token lasts: nothing was stored, and the answer
    carries a fresh token so the page sends the same message again by itself (the child's
    words are never dropped for an old page)."""
    return jsonify(errors={"csrf": _("This page was open a long time. Sending again.")},
                   csrf_token=generate_csrf()), 400


def _payload() -> Any:
    """The message as JSON. A broken emoji (half of a surrogate pair) becomes U+FFFD, so the
    rest of what the child typed is kept rather than refused; anything else the service
    does not take as JSON (request_input) is still refused."""
    try:
        value = json.loads(request.get_data(as_text=True),
                           parse_constant=lambda name: float("nan"))
    except (ValueError, RecursionError):
        return None
    if isinstance(value, dict):
        value = {key: _BROKEN_EMOJI.sub("\ufffd", item) if isinstance(item, str) else item
                 for key, item in value.items()}
    try:
        check_json_value(value)
    except UnacceptableJSON:
        return None
    return value


_BROKEN_EMOJI = re.compile("[\ud800-\udfff]")


@bp.post("/messages")
@limiter.limit(_chat_limit)
def messages() -> tuple[Response, int] | Response:
    payload: Any = _payload()
    if not isinstance(payload, dict):
        return jsonify(errors={"text": _("Send the message as JSON.")}), 400
    text, message_id = payload.get("text"), payload.get("message_id")
    if not isinstance(text, str) or not text.strip():
        return jsonify(errors={"text": _("Type a message.")}), 422
    if len(text) > MAX_MESSAGE_CHARS:
        return jsonify(errors={"text": _("That message is too long. Send it in parts.")}), 422
    if not isinstance(message_id, str) or not MESSAGE_ID.match(message_id):
        return jsonify(errors={"message_id": _("Missing message id.")}), 422

    # The browser's id for a message makes a retried post harmless; it is scoped to this
    # browser session so two browsers' ids can never collide.
    scope = session.setdefault(SCOPE_KEY, secrets.token_hex(8))
    provider_id = "chat-" + hashlib.sha256(f"{scope}:{message_id}".encode()).hexdigest()[:40]
    inbound = Inbound(channel="chat", body=text, provider_message_id=provider_id,
                      public_id=session.get(CONVERSATION_KEY))
    try:
        turn = handle_inbound(inbound)
    except Exception:
        logger.exception("chat message could not be handled")
        return jsonify(replies=[reply_after_fault(inbound)], degraded=True, duplicate=False)
    if turn.public_id:
        session[CONVERSATION_KEY] = turn.public_id
    return jsonify(replies=list(turn.replies), degraded=turn.degraded,
                   duplicate=turn.duplicate)
