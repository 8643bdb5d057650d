"""SQLAlchemy 2.x typed models; every change comes with an Alembic migration."""

from .audit import AuditEvent
from .conversation import CallbackRequest, ChannelMessage, Conversation, SmsOptOut
from .draft import WebDraft
from .outbox import OUTBOX_STATES, OutboxMessage
from .representation import CaseStatusUpdate, Representation
from .staff import ServiceToken, StaffUser

__all__ = [
    "OUTBOX_STATES",
    "AuditEvent",
    "CallbackRequest",
    "CaseStatusUpdate",
    "ChannelMessage",
    "Conversation",
    "OutboxMessage",
    "Representation",
    "ServiceToken",
    "SmsOptOut",
    "StaffUser",
    "WebDraft",
]
