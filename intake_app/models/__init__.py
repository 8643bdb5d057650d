"""SQLAlchemy 2.x typed models; every change comes with an Alembic migration."""

from .advocacy import (
    AdvocacyOrganisation,
    AdvocacyReferral,
    AdvocateAddition,
    AdvocateMembership,
    AdvocateSubmission,
)
from .aftercare import LearningAction, OmbudsmanEnquiry, Resolution
from .audit import AuditEvent
from .changes import ChangeStory, ChangeStoryText
from .conversation import (
    CALLBACK_CLOSING_OUTCOMES,
    CALLBACK_METHODS,
    CALLBACK_OUTCOMES,
    CallbackAttempt,
    CallbackRequest,
    ChannelMessage,
    Conversation,
    SmsOptOut,
)
from .draft import WebDraft
from .equality import EqualityAnswer
from .outbox import OUTBOX_STATES, OutboxMessage
from .representation import (
    CaseStatusUpdate,
    RecordNote,
    Representation,
    RepresentationContact,
    RepresentationTriage,
    TriageCorrection,
)
from .staff import STAFF_ROLES, ServiceToken, StaffUser
from .stages import ComplaintStage, LookAgainRequest, TellingFeedback

__all__ = [
    "CALLBACK_CLOSING_OUTCOMES",
    "CALLBACK_METHODS",
    "CALLBACK_OUTCOMES",
    "OUTBOX_STATES",
    "STAFF_ROLES",
    "AdvocacyOrganisation",
    "AdvocacyReferral",
    "AdvocateAddition",
    "AdvocateMembership",
    "AdvocateSubmission",
    "AuditEvent",
    "CallbackAttempt",
    "CallbackRequest",
    "CaseStatusUpdate",
    "ChangeStory",
    "ChangeStoryText",
    "ChannelMessage",
    "ComplaintStage",
    "Conversation",
    "EqualityAnswer",
    "LearningAction",
    "LookAgainRequest",
    "OmbudsmanEnquiry",
    "OutboxMessage",
    "RecordNote",
    "Representation",
    "RepresentationContact",
    "RepresentationTriage",
    "Resolution",
    "ServiceToken",
    "SmsOptOut",
    "StaffUser",
    "TellingFeedback",
    "TriageCorrection",
    "WebDraft",
]
