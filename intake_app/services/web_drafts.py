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
from sqlalchemy.exc import OperationalError

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


class DraftStoreUnavailable(RuntimeError):
    """The database could not take the draft just now (locked or down): the page keeps
    what was typed and asks the person to try again."""


def save(draft_id: str | None, answers: dict[str, Any]) -> str:
    """Store the answers, starting a new draft when needed; returns the draft's id."""
    try:
        return _save(draft_id, answers)
    except OperationalError as error:
        db.session.rollback()
        raise DraftStoreUnavailable(str(error)) from error


def _save(draft_id: str | None, answers: dict[str, Any]) -> str:
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
    try:
        db.session.execute(delete(WebDraft).where(WebDraft.id == draft_id))
        db.session.commit()
    except OperationalError as error:
        db.session.rollback()
        raise DraftStoreUnavailable(str(error)) from error


def _delete_expired() -> int:
    result = db.session.execute(delete(WebDraft).where(WebDraft.expires_at <= datetime.now(UTC)))
    return result.rowcount


def purge_expired() -> int:
    """Delete every expired draft; returns how many went."""
    deleted = _delete_expired()
    db.session.commit()
    return deleted
