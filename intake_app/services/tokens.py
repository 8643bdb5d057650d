"""Service tokens for the intake API: the bot's actions, partner apps and the case store.

Only the SHA-256 of a token is stored; the token itself is shown once when it is made. A
token is long and random, so a plain (unsalted, fast) hash is enough: there is nothing to
guess, and a fast hash keeps every API call cheap.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select

from ..extensions import db
from ..models import ServiceToken
from .audit import record_event

# advocacy: one advocacy provider answering its referrals; name the token after the
# provider's key (nyas, coram_voice...), which is how its referrals are found.
SCOPES = ("intake", "case_store", "advocacy")
TOKEN_BYTES = 32


class TokenError(ValueError):
    """The token cannot be created as asked (name taken, unknown scope)."""


@dataclass(frozen=True)
class CreatedToken:
    name: str
    scope: str
    token: str  # shown once, never stored


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(name: str, *, scope: str = "intake", actor: str = "cli") -> CreatedToken:
    if scope not in SCOPES:
        raise TokenError(f"scope must be one of {', '.join(SCOPES)}")
    if not name or len(name) > 64:
        raise TokenError("name must be 1 to 64 characters")
    if db.session.scalar(select(ServiceToken.id).where(ServiceToken.name == name)) is not None:
        raise TokenError(f"a token named {name!r} already exists")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    db.session.add(ServiceToken(name=name, token_hash=token_hash(token), scope=scope))
    record_event(actor, "service_token_created", after={"name": name, "scope": scope})
    db.session.commit()
    return CreatedToken(name=name, scope=scope, token=token)


def revoke_token(name: str, *, actor: str = "cli") -> bool:
    service_token = db.session.scalar(select(ServiceToken).where(ServiceToken.name == name))
    if service_token is None or service_token.revoked:
        return False
    service_token.revoked = True
    record_event(actor, "service_token_revoked", after={"name": name})
    db.session.commit()
    return True


def find_live_token(token: str | None) -> ServiceToken | None:
    """The unrevoked token with this value, else None; the caller checks its scope."""
    if not token:
        return None
    digest = token_hash(token)
    found = db.session.scalar(select(ServiceToken).where(ServiceToken.token_hash == digest))
    if found is None or found.revoked:
        return None
    return found
