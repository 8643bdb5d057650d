"""SQLAlchemy 2.x typed models; every change comes with an Alembic migration."""

from .audit import AuditEvent
from .conversation import CallbackRequest, ChannelMessage, Conversation, SmsOptOut
from .draft import WebDraft
from .outbox import OUTBOX_STATES, OutboxMessage
from .representation import CaseStatusUpdate, RecordNote, Representation, TriageCorrection
from .staff import STAFF_ROLES, ServiceToken, StaffUser

__all__ = [
    "OUTBOX_STATES",
    "STAFF_ROLES",
    "AuditEvent",
    "CallbackRequest",
    "CaseStatusUpdate",
    "ChannelMessage",
    "Conversation",
    "OutboxMessage",
    "RecordNote",
    "Representation",
    "ServiceToken",
    "SmsOptOut",
    "StaffUser",
    "TriageCorrection",
    "WebDraft",
]
