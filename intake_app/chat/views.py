"""``GET /chat`` (the chat page) and ``POST /chat/messages`` (one turn, JSON).

The browser never names its conversation: the id lives in the signed session cookie, so
one person cannot read or write another's chat by guessing. The JSON endpoint keeps the
app-wide CSRF protection; the page's script sends the token in the X-CSRFToken header.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from typing import Any

from flask import Response, current_app, jsonify, render_template, request, session
from flask_babel import gettext as _

from ..extensions import limiter
from ..services.conversations import Inbound, handle_inbound, reply_after_fault
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
    return render_template("chat/page.html", heading=_("Chat with us"))


def _chat_limit() -> str:
    """The public post limit: each chat turn costs a bot turn and database writes."""
    return current_app.config["PUBLIC_RATE_LIMIT"]


@bp.post("/messages")
@limiter.limit(_chat_limit)
def messages() -> tuple[Response, int] | Response:
    payload: Any = request.get_json(silent=True)
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
