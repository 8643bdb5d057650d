"""Settings of the officers' area (listed in README.md's table)."""

from __future__ import annotations

from limits import parse

from ..config import Setting, parse_list

ROLES = ("officer", "manager", "admin", "advocate")


def parse_rate(raw: str) -> str:
    """A rate like '10 per 15 minutes', checked now so a typo stops the start, not a
    sign-in; kept as written (Flask-Limiter and the alerts read it)."""
    for part in raw.split(";"):
        parse(part)
    return raw


def parse_roles(raw: str) -> tuple[str, ...]:
    roles = parse_list(raw)
    if unknown := set(roles) - set(ROLES):
        raise ValueError(f"unknown roles {sorted(unknown)}: use {', '.join(ROLES)}")
    return roles


OFFICER_SETTINGS: tuple[Setting, ...] = (
    Setting("STAFF_IDLE_MINUTES", "30", "Staff are signed out after this many minutes "
            "without a request.", parse=int),
    Setting("STAFF_LOGIN_RATE_LIMIT", "5 per minute; 20 per hour", "Failed sign-ins allowed "
            "for one account from one address (then that address waits; the account is never "
            "locked for anyone else), and failed two-factor codes per account.",
            parse=parse_rate),
    Setting("STAFF_LOGIN_ADDRESS_RATE_LIMIT", "20 per minute; 100 per hour", "Failed "
            "sign-ins, two-factor codes and invite attempts allowed from one address, "
            "whatever the accounts.", parse=parse_rate),
    Setting("STAFF_SIGN_IN_ALERT", "10 per 15 minutes", "Failed sign-ins and two-factor "
            "codes for one account, from any addresses, that alert managers (MANAGERS_EMAIL, "
            "else the log), once per that time.", parse=parse_rate),
    Setting("STAFF_APPROVAL_ROLES", "officer,manager,admin,advocate", "Roles whose accounts "
            "wait for a second admin's approval before they can sign in when an admin invites "
            "them, resets their two-factor, or sends a password reset to one without two-factor "
            "(accounts made with flask users create need none).", parse=parse_roles),
    Setting("PROXY_FIX_HOPS", "0", "How many reverse proxies in front of the app add "
            "X-Forwarded-For/-Proto/-Host; with 0 those headers are ignored. Set it behind a "
            "proxy, or every visitor shares the proxy's address (and its sign-in limit).",
            parse=int),
    Setting("QUEUE_PAGE_SIZE", "50", "Records on one page of the officers' queue.", parse=int),
)
