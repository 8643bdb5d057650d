"""Server-side drafts of the web form.

Answers are kept here, not in the cookie, so the back link never loses what was typed and
nothing personal rides in the browser. Drafts expire after a quiet spell (config
``DRAFT_TTL_MINUTES``) and are deleted, so a half-finished complaint on a shared phone
doesn't linger.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import delete

from ..extensions import db
from ..models import WebDraft
from .protection import decrypt_json, encrypt_json


def _expiry() -> datetime:
    return datetime.now(UTC) + timedelta(minutes=current_app.config["DRAFT_TTL_MINUTES"])


def load(draft_id: str | None) -> dict[str, Any] | None:
    """The answers of a live draft, or None when there is none or it has expired."""
    if not draft_id:
        return None
    draft = db.session.get(WebDraft, draft_id)
    if draft is None or draft.expires_at <= datetime.now(UTC):
        return None
    return decrypt_json(draft.answers_encrypted)


def save(draft_id: str | None, answers: dict[str, Any]) -> str:
    """Store the answers, starting a new draft when needed; returns the draft's id."""
    draft = db.session.get(WebDraft, draft_id) if draft_id else None
    if draft is None or draft.expires_at <= datetime.now(UTC):
        # Starting a draft is when old ones are swept, so expired answers are deleted even
        # where nobody schedules `flask drafts purge`.
        _delete_expired()
        draft = WebDraft(id=secrets.token_urlsafe(32), answers_encrypted=b"",
                         expires_at=_expiry())
        db.session.add(draft)
    draft.answers_encrypted = encrypt_json(answers)
    draft.expires_at = _expiry()
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return draft.id


def discard(draft_id: str | None) -> None:
    if not draft_id:
        return
    db.session.execute(delete(WebDraft).where(WebDraft.id == draft_id))
    db.session.commit()


def _delete_expired() -> int:
    result = db.session.execute(delete(WebDraft).where(WebDraft.expires_at <= datetime.now(UTC)))
    return result.rowcount


def purge_expired() -> int:
    """Delete every expired draft; returns how many went."""
    deleted = _delete_expired()
    db.session.commit()
    return deleted
