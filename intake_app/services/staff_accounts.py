"""Staff accounts: passwords, invites, enabling and disabling, sign-in and two-factor.

Passwords are hashed with argon2id at (at least) OWASP's parameters, because Werkzeug's
defaults are below them. Only hashes of invite tokens are stored, so a copy of the
database cannot be used to take over an invited account. TOTP secrets are encrypted at
rest like contact details.

No admin can give themself an account that sees children's records: an account an admin
invites, or resets so that whoever holds the link needs neither the old password nor the
person's phone (a two-factor reset; a password reset without two-factor), waits for a
different admin's approval before it can sign in (roles in STAFF_APPROVAL_ROLES), and
managers are alerted. Accounts made on the command line need none: whoever runs it can
read the database anyway.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from functools import cache

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from sqlalchemy import func, or_, select, update
from sqlalchemy.orm.attributes import set_committed_value

from ..extensions import db
from ..models import STAFF_ROLES, AdvocacyOrganisation, AdvocateMembership, StaffUser
from . import FieldErrors, protection, staff_alerts
from .audit import record_event

# OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1 (the first of its
# equally strong configurations). Changing these rehashes each password at next sign-in.
PASSWORD_HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
MIN_PASSWORD_LENGTH = 12
INVITE_LIFETIME = timedelta(hours=72)
TOTP_ISSUER = "Complaints officers"
TWO_FACTOR_PASSED_ACTION = "staff.two_factor_passed"
# What a new sign-in link is for: an account that never set a password, or a reset.
INVITE_LINK, PASSWORD_RESET_LINK = "invite", "password_reset"

# The commonest passwords long enough to pass the length rule, from breach lists; a
# password that is one of these (ignoring case) or a single repeated character is refused.
COMMON_LONG_PASSWORDS = frozenset({
    "123456789012", "1234567890123", "12345678901234", "qwertyuiopas", "qwertyuiop123",
    "qwerty123456", "password1234", "password12345", "password123!", "passwordpassword",
    "iloveyou1234", "letmein12345", "welcome12345", "administrator", "changeme1234",
    "abcdefghijkl", "abc123456789", "111111111111", "000000000000", "football1234",
    "baseball1234", "monkey123456", "sunshine1234", "princess1234", "qazwsxedcrfv",
    "1q2w3e4r5t6y", "zaq12wsxcde3", "trustno1trustno1", "superman1234", "starwars1234",
    "liverpool123", "chelsea12345", "arsenal12345", "manchester12", "councilpassword",
})



class InvalidStaffAccount(FieldErrors):
    """An account (or its password) the service refuses; ``errors`` maps each field to a
    code (invalid, duplicate, required, unknown_role, too_short, too_common) that the page
    or command words."""


class InvalidInvite(ValueError):
    """An invite link that is unknown, used already, or expired."""


class InvalidTwoFactorCode(ValueError):
    """A TOTP code that is wrong, or was used already."""


class AccountDisabled(ValueError):
    """A sign-in link was asked for an account that is disabled (the link would not work)."""


class AwaitingApproval(ValueError):
    """The right password, for an account that waits for a second admin's approval."""


class ApprovalRefused(ValueError):
    """This admin may not approve this account; ``reason``: not_waiting, own_account,
    own_request or not_an_admin."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# Why an account waits for approval (kept in the audit trail and worded in the alert).
INVITED, TWO_FACTOR_RESET, RESET_WITHOUT_TWO_FACTOR = (
    "invited", "two_factor_reset", "password_reset_without_two_factor")


def _now() -> datetime:
    return datetime.now(UTC)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_email(email: str) -> str:
    return email.strip().lower()


def hash_password(password: str) -> str:
    return PASSWORD_HASHER.hash(password)


def verify_password(user: StaffUser, password: str) -> bool:
    """Argon2's verify compares in constant time. A hash made with older parameters is
    replaced (and committed) on success, so raising the parameters upgrades everyone."""
    if user.password_hash is None:
        _spend_hashing_time(password)
        return False
    try:
        PASSWORD_HASHER.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
    if PASSWORD_HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        db.session.commit()
    return True


@cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def _spend_hashing_time(password: str) -> None:
    """Spend the time a real check takes, so timing does not tell which emails exist."""
    with suppress(VerificationError):
        PASSWORD_HASHER.verify(_dummy_hash(), password)


def password_problem(password: str, *, email: str = "") -> str | None:
    """Why a password is refused ("too_short" or "too_common"); None if it is fine."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return "too_short"
    folded = password.lower()
    local_part = normalise_email(email).split("@")[0]
    if (folded in COMMON_LONG_PASSWORDS or len(set(folded)) == 1
            or (len(local_part) >= 4 and local_part in folded)):
        return "too_common"
    return None


def generate_password() -> str:
    """A strong random password for accounts made on the command line."""
    return secrets.token_urlsafe(18)


def find_by_email(email: str) -> StaffUser | None:
    return db.session.scalar(
        select(StaffUser).where(func.lower(StaffUser.email) == normalise_email(email)))


def _check_new_account(email: str, name: str, role: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    local, _at, domain = email.partition("@")
    if not local or "." not in domain or any(c.isspace() for c in email):
        errors["email"] = "invalid"
    elif find_by_email(email) is not None:
        errors["email"] = "duplicate"
    if not name:
        errors["name"] = "required"
    if role not in STAFF_ROLES:
        errors["role"] = "unknown_role"
    return errors


def create_user(email: str, *, name: str, role: str, password: str | None = None,
                organisation: AdvocacyOrganisation | None = None) -> StaffUser:
    """A new, active account. Without a password it cannot sign in until one is set
    (by an invite). An advocate belongs to ``organisation`` from the start."""
    email = normalise_email(email)
    name = name.strip()
    errors = _check_new_account(email, name, role)
    if password is not None and (problem := password_problem(password, email=email)):
        errors["password"] = problem
    if role == "advocate" and organisation is None:
        errors["organisation"] = "required"
    if errors:
        raise InvalidStaffAccount(errors)
    user = StaffUser(email=email, name=name, role=role, active=True,
                     password_hash=hash_password(password) if password is not None else None)
    db.session.add(user)
    if role == "advocate" and organisation is not None:
        db.session.flush()
        db.session.add(AdvocateMembership(staff_user_id=user.id,
                                          organisation_id=organisation.id))
    db.session.commit()
    return user


def invite_user(email: str, *, name: str, role: str, actor: str,
                organisation: AdvocacyOrganisation | None = None) -> tuple[StaffUser, str]:
    """A new account without a password, and the one-time token of its invite link.

    The token is returned once and only its hash is kept, so it can be shown once. An
    advocate belongs to an advocacy ``organisation`` from the start (what they may see is
    its records), made in the same transaction so no advocate exists without one."""
    email = normalise_email(email)
    name = name.strip()
    errors = _check_new_account(email, name, role)
    if role == "advocate" and organisation is None:
        errors["organisation"] = "required"
    if errors:
        raise InvalidStaffAccount(errors)
    token = secrets.token_urlsafe(32)
    user = StaffUser(email=email, name=name, role=role, active=True,
                     invite_token_hash=_token_hash(token),
                     invite_expires_at=_now() + INVITE_LIFETIME)
    db.session.add(user)
    db.session.flush()
    record_event(actor, "staff.invited", after={"staff_id": user.id, "role": role})
    if role == "advocate" and organisation is not None:
        db.session.add(AdvocateMembership(staff_user_id=user.id,
                                          organisation_id=organisation.id))
        record_event(actor, "advocate.organisation_set",
                     after={"staff_id": user.id, "organisation": organisation.key})
    if _needs_approval(user, actor):
        _request_approval(user, actor, INVITED)
    db.session.commit()
    return user, token


def invited_user(token: str) -> StaffUser:
    """The account an invite link is for, while the link is unused and unexpired."""
    user = db.session.scalar(
        select(StaffUser).where(StaffUser.invite_token_hash == _token_hash(token)))
    if (user is None or not user.active or user.invite_expires_at is None
            or user.invite_expires_at < _now()):
        raise InvalidInvite(token)
    return user


def accept_invite(token: str, password: str) -> StaffUser:
    """Set the invited person's password and use up the link. Any session still open from
    before a reset ends."""
    user = invited_user(token)
    if problem := password_problem(password, email=user.email):
        raise InvalidStaffAccount({"password": problem})
    user.password_hash = hash_password(password)
    user.invite_token_hash = None
    user.invite_expires_at = None
    end_sessions(user)
    record_event(f"staff:{user.id}", "staff.invite_accepted", after={"staff_id": user.id})
    db.session.commit()
    return user


def end_sessions(user: StaffUser) -> None:
    """End every signed-in session of the account, on any device (see ``auth``); the
    caller commits."""
    # Counted up by the database, so two bumps at once cannot come out as one.
    user.session_version = StaffUser.session_version + 1


def all_staff() -> list[StaffUser]:
    """Every account, by name, for the admins' staff page."""
    return list(db.session.scalars(select(StaffUser).order_by(StaffUser.name, StaffUser.id)))


def find_staff(user_id: int) -> StaffUser | None:
    return db.session.get(StaffUser, user_id)


def sign_out_everywhere(user: StaffUser) -> None:
    """The account's sessions end on every device now (staff who sign out on purpose may be
    leaving a shared or lost device behind)."""
    end_sessions(user)
    db.session.commit()


def set_active(user: StaffUser, active: bool, *, actor: str) -> None:
    """Disable or enable an account; a disabled account cannot sign in, and its sessions
    end for good (enabling it again does not bring them back)."""
    if user.active == active:
        return
    record_event(actor, "staff.enabled" if active else "staff.disabled",
                 before={"staff_id": user.id, "active": user.active},
                 after={"staff_id": user.id, "active": active})
    user.active = active
    if not active:
        end_sessions(user)
    db.session.commit()


def issue_sign_in_link(user: StaffUser, *, actor: str) -> tuple[str, str]:
    """A new one-time link (its kind and token) for someone who lost their way in: an
    invite again if they never set a password, or else a password reset.

    A reset removes the old password and ends every session at once, rather than waiting
    for the link to be used: a reset is asked for when a password is forgotten (nothing is
    lost) or may be known to someone else (it must stop working now). Two-factor is kept,
    so whoever holds the link still needs the person's phone; and an admin never learns
    or chooses anyone's password."""
    if not user.active:
        raise AccountDisabled(user.id)
    kind = INVITE_LINK if user.password_hash is None else PASSWORD_RESET_LINK
    token = secrets.token_urlsafe(32)
    user.password_hash = None
    user.invite_token_hash = _token_hash(token)
    user.invite_expires_at = _now() + INVITE_LIFETIME
    end_sessions(user)
    record_event(actor, "staff.sign_in_link_issued", after={"staff_id": user.id, "kind": kind})
    # Without two-factor, the link alone is the way in: someone else must agree to it.
    if not user.totp_enabled and not user.awaiting_approval and _needs_approval(user, actor):
        _request_approval(user, actor, RESET_WITHOUT_TWO_FACTOR)
    db.session.commit()
    return kind, token


def reset_two_factor(user: StaffUser, *, actor: str) -> None:
    """Forget the account's TOTP secret (a lost phone) and end its sessions. Managers and
    admins must set two-factor up again before any page at their next sign-in; officers
    may. Returns without a change (or an audit row) if there was nothing to reset."""
    if not user.totp_enabled and user.totp_secret_encrypted is None:
        return
    user.totp_enabled = False
    user.totp_secret_encrypted = None
    end_sessions(user)
    record_event(actor, "staff.two_factor_reset", after={"staff_id": user.id})
    # With a reset password link next, the admin would hold the whole way in.
    if not user.awaiting_approval and _needs_approval(user, actor):
        _request_approval(user, actor, TWO_FACTOR_RESET)
    db.session.commit()


def authenticate(email: str, password: str) -> StaffUser | None:
    """The account for these credentials, if it may sign in.

    Every refusal takes the same time and is audited the same way (without the password
    or the email typed), so neither the page nor its timing tells which part was wrong.
    Only someone with the right password learns that the account waits for approval
    (``AwaitingApproval``)."""
    user = find_by_email(email)
    if user is None:
        _spend_hashing_time(password)
        actor, reason = "anonymous", "credentials"
    elif not verify_password(user, password):
        actor, reason = f"staff:{user.id}", "credentials"
    elif not user.active:
        actor, reason = f"staff:{user.id}", "disabled"
    elif user.awaiting_approval:
        record_event(f"staff:{user.id}", "staff.sign_in_awaiting_approval")
        db.session.commit()
        raise AwaitingApproval(user.id)
    else:
        return user
    record_event(actor, "staff.sign_in_failed", after={"reason": reason})
    db.session.commit()
    if user is not None:
        staff_alerts.after_failed_attempt(user)
    return None


def _needs_approval(user: StaffUser, actor: str) -> bool:
    """Changes by a member of staff (an admin on the accounts page) to an account of a role
    that needs approval; the command line's operator is trusted."""
    return (actor.startswith("staff:")
            and user.role in current_app.config["STAFF_APPROVAL_ROLES"])


def _request_approval(user: StaffUser, actor: str, reason: str) -> None:
    user.approval_requested_by = actor
    record_event(actor, "staff.approval_requested",
                 after={"staff_id": user.id, "role": user.role, "reason": reason})
    staff_alerts.approval_needed(user, actor, reason)


def approval_refusal(user: StaffUser, approver: StaffUser) -> str | None:
    """Why ``approver`` may not approve ``user`` (see ``ApprovalRefused``); None if they
    may: an active, approved admin who is neither the account nor who asked for it."""
    if not user.awaiting_approval:
        return "not_waiting"
    if approver.id == user.id:
        return "own_account"
    if user.approval_requested_by == f"staff:{approver.id}":
        return "own_request"
    if approver.role != "admin" or not approver.active or approver.awaiting_approval:
        return "not_an_admin"
    return None


def approve(user: StaffUser, approver: StaffUser) -> None:
    """A second admin agrees: the account may sign in (and be set up) from now on."""
    if reason := approval_refusal(user, approver):
        raise ApprovalRefused(reason)
    requested_by, user.approval_requested_by = user.approval_requested_by, None
    record_event(f"staff:{approver.id}", "staff.approved", after={
        "staff_id": user.id, "role": user.role, "requested_by": requested_by})
    db.session.commit()


def record_sign_in(user: StaffUser) -> None:
    user.last_login_at = _now()
    record_event(f"staff:{user.id}", "staff.signed_in")
    db.session.commit()


def totp_uri(user: StaffUser, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=TOTP_ISSUER)


def _matching_timestep(secret: str, code: str) -> int | None:
    """The 30-second step whose code this is (allowing one step of clock drift)."""
    code = code.strip().replace(" ", "")
    totp = pyotp.TOTP(secret)
    now = _now()
    if not (code.isdigit() and totp.verify(code, for_time=now, valid_window=1)):
        return None
    current = totp.timecode(now)
    for step in (current - 1, current, current + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _accept_code(user: StaffUser, secret: str, code: str) -> None:
    """Refuses a wrong code, and a right one already used (someone watching could
    otherwise replay it within its 90 seconds). The step is taken by one conditional
    UPDATE, so of two requests racing with the same code only one passes."""
    step = _matching_timestep(secret, code)
    taken = step is not None and db.session.execute(
        update(StaffUser)
        .where(StaffUser.id == user.id,
               or_(StaffUser.last_totp_step.is_(None), StaffUser.last_totp_step < step))
        .values(last_totp_step=step)
        .execution_options(synchronize_session=False)).rowcount == 1
    if not taken:
        record_event(f"staff:{user.id}", "staff.two_factor_failed")
        db.session.commit()
        staff_alerts.after_failed_attempt(user)
        raise InvalidTwoFactorCode(user.id)
    set_committed_value(user, "last_totp_step", step)
    record_event(f"staff:{user.id}", TWO_FACTOR_PASSED_ACTION, after={"totp_step": step})


def check_two_factor(user: StaffUser, code: str) -> None:
    """Raises InvalidTwoFactorCode unless the code is right and unused."""
    if not user.totp_enabled or user.totp_secret_encrypted is None:
        raise InvalidTwoFactorCode(user.id)
    _accept_code(user, protection.decrypt_json(user.totp_secret_encrypted), code)
    db.session.commit()


def pending_totp_secret(user: StaffUser) -> str:
    """The secret being set up, kept (encrypted) until the person proves their app holds
    it, so reloading the setup page does not change the QR code they just scanned."""
    if user.totp_enabled:
        raise ValueError("two-factor is already on")
    if user.totp_secret_encrypted is None:
        user.totp_secret_encrypted = protection.encrypt_json(pyotp.random_base32())
        db.session.commit()
    return protection.decrypt_json(user.totp_secret_encrypted)


def enable_two_factor(user: StaffUser, code: str) -> None:
    """Turn two-factor on once the person proves their app holds the pending secret."""
    _accept_code(user, pending_totp_secret(user), code)
    user.totp_enabled = True
    # Sessions opened before were let in without a code: turning two-factor on (perhaps
    # because the password leaked) ends them. The caller signs this browser in again.
    end_sessions(user)
    record_event(f"staff:{user.id}", "staff.two_factor_enabled")
    db.session.commit()
