"""What the web-chat page shows: the conversation so far, read from the server.

Every message and answer is stored by the gateway anyway (services/conversations), so the
page is drawn from those rows: a reload, or a browser without JavaScript that reloads after
every message, keeps its place, and nothing typed has to sit in the browser's storage on a
phone someone else may pick up. Only the conversation the browser's signed session names
is ever shown; after "Leave this site" the session names none.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..extensions import db
from ..models import ChannelMessage, Conversation


@dataclass(frozen=True)
class ChatLine:
    mine: bool  # what the person sent; otherwise our answer
    text: str
    # Our answers are in the conversation's language, which may not be the page's (the
    # child changed the page's language): the page marks them with it.
    lang: str | None = None


def chat_transcript(public_id: str | None) -> list[ChatLine]:
    """The chat conversation ``public_id`` names, oldest first; empty when there is none."""
    if not public_id:
        return []
    found = db.session.execute(
        select(Conversation.id, Conversation.language).where(
            Conversation.public_id == public_id, Conversation.channel == "chat")).first()
    if found is None:
        return []
    conversation_id, language = found
    messages = db.session.scalars(
        select(ChannelMessage).where(ChannelMessage.conversation_id == conversation_id)
        .order_by(ChannelMessage.created_at, ChannelMessage.id))
    return [ChatLine(mine=message.direction == "inbound", text=message.body,
                     lang=None if message.direction == "inbound" else language)
            for message in messages]
