"""``GET /chat`` (the chat page with the conversation so far), ``POST /chat`` (one turn
from the page's form, for a browser without JavaScript) and ``POST /chat/messages`` (one
turn, JSON, for the page's script).

The browser never names its conversation: the id lives in the signed session cookie, so
one person cannot read or write another's chat by guessing. Both posts keep the app-wide
CSRF protection; the page's script sends the token in the X-CSRFToken header.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
from typing import Any

from flask import (
    Response,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_wtf.csrf import generate_csrf

from ..request_input import UnacceptableJSON, check_json_value
from ..services.chat_transcript import chat_transcript
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
    return _page()[0]


def _page(*, status: int = 200, typed: str = "", error: str | None = None,
          notice: str | None = None, with_transcript: bool = True) -> tuple[str, int]:
    """The chat page with the conversation so far from the server (a reload keeps its
    place), and a fresh message id so a form posted twice is stored once."""
    transcript = chat_transcript(session.get(CONVERSATION_KEY)) if with_transcript else []
    return render_template(
        "chat/page.html", heading=_("Chat with us"), max_chars=MAX_MESSAGE_CHARS,
        transcript=transcript,
        message_id=secrets.token_urlsafe(16), typed=typed, error=error, notice=notice,
    ), status


def _text_error(text: Any) -> str | None:
    """What is wrong with a message, in words for the person; None when it can go."""
    if not isinstance(text, str) or not text.strip():
        return _("Type a message.")
    if len(text) > MAX_MESSAGE_CHARS:
        return _("That message is too long. Send it in parts.")
    return None


def _inbound(text: str, message_id: str) -> Inbound:
    """The browser's id for a message makes a retried post harmless; it is scoped to this
    browser session so two browsers' ids can never collide."""
    scope = session.setdefault(SCOPE_KEY, secrets.token_hex(8))
    provider_id = "chat-" + hashlib.sha256(f"{scope}:{message_id}".encode()).hexdigest()[:40]
    return Inbound(channel="chat", body=text, provider_message_id=provider_id,
                   public_id=session.get(CONVERSATION_KEY))


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
    error = _text_error(text)
    if error is not None:
        return jsonify(errors={"text": error}), 422
    if not isinstance(message_id, str) or not MESSAGE_ID.match(message_id):
        return jsonify(errors={"message_id": _("Missing message id.")}), 422

    inbound = _inbound(text, message_id)
    try:
        turn = handle_inbound(inbound)
    except Exception:
        logger.exception("chat message could not be handled")
        return jsonify(replies=[reply_after_fault(inbound)], degraded=True, duplicate=False)
    if turn.public_id:
        session[CONVERSATION_KEY] = turn.public_id
    # lang per reply, so the page marks each with its language (a Welsh greeting in an
    # English chat, every reply in a Welsh one) for screen readers and translation tools.
    langs = [turn.reply_languages[index] if index < len(turn.reply_languages)
             and turn.reply_languages[index] else turn.language
             for index in range(len(turn.replies))]
    return jsonify(replies=list(turn.replies), reply_langs=langs, degraded=turn.degraded,
                   duplicate=turn.duplicate)


@bp.post("")
@limiter.limit(_chat_limit)
def send_form() -> Response | tuple[str, int]:
    """The chat without JavaScript: the page's form posts here, the turn runs as it does
    for the script, and the browser is sent back to the page, where the transcript shows
    the message and the bot's answer (post, redirect, get: a reload sends nothing again)."""
    text = request.form.get("text", "")
    error = _text_error(text)
    if error is not None:
        return _page(status=400, typed=text, error=error)
    message_id = request.form.get("message_id", "")
    if not MESSAGE_ID.match(message_id):
        # The page always sends one; without it the message is still taken, just once.
        message_id = secrets.token_urlsafe(16)
    inbound = _inbound(text, message_id)
    try:
        turn = handle_inbound(inbound)
    except Exception:
        logger.exception("chat message could not be handled")
        # The database may be what failed: the answer is shown without reading it again.
        return _page(notice=reply_after_fault(inbound), with_transcript=False)
    if turn.public_id:
        session[CONVERSATION_KEY] = turn.public_id
    return redirect(url_for("chat.page", _anchor="chat-latest"))


def retry_form_after_csrf() -> tuple[str, int]:
    """The page was open longer than its token lasts: the same page again with the words
    still in the box and a fresh token, so pressing Send again works."""
    return _page(status=400, typed=request.form.get("text", ""),
                 notice=_("Sorry, we could not check this page. We kept what you typed. "
                          "Please press Send again."))
